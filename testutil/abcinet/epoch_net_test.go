package abcinet_test

import (
	"testing"
	"time"

	"github.com/themis-network/themis/testutil/abcinet"
	epochtypes "github.com/themis-network/themis/x/epoch/types"
)

// newEpochNet starts 4 equal validators whose L2 nodes all report height 0, with x/epoch
// running epochs of epochLength L2 blocks and the given stall threshold (lead time 3,
// readiness window 5 s, head tolerance 2).
func newEpochNet(t *testing.T, epochLength uint64, stallThreshold time.Duration) *abcinet.Net {
	t.Helper()
	params := epochtypes.DefaultParams()
	params.EpochLength = epochLength
	params.LeadTime = 3
	params.StallThreshold = stallThreshold
	params.ReadinessWindow = 5 * time.Second
	params.HeadTolerance = 2
	net := abcinet.New(t, abcinet.Options{Validators: 4, Stake: 50_000, L2: true, Epoch: &params})
	for _, v := range net.Validators {
		v.L2.Set(0)
	}
	return net
}
