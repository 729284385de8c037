package abcinet_test

import (
	"math"
	"testing"
	"time"

	abci "github.com/cometbft/cometbft/abci/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/bridge/broadcaster"
	"github.com/themis-network/themis/testutil/abcinet"
)

// TestRelayGasEstimateCoversCheckTx: the bridge's gas limit for a fee-free unordered
// relay (simulation x 1.3 + CheckTxGasOverhead) covers what CheckTx charges, which
// simulation does not all see (the relay checks and the unordered nonce's store
// access), for one message and for a full batch of 40.
func TestRelayGasEstimateCoversCheckTx(t *testing.T) {
	net := abcinet.New(t, abcinet.Options{Validators: 4, Stake: 50_000, BlockMaxGas: blockMaxGas})
	require.True(t, net.NextBlock().Accepted)
	a := net.Validators[1].App
	sub := net.SubmitterOf(1)
	n := 0
	for _, size := range []int{1, 40} {
		msgs := make([]sdk.Msg, size)
		for i := range msgs {
			msgs[i] = relock(sub, 2, uint64(2+n), hash("ab", n))
			n++
		}
		timeout := net.BlockTime().Add(time.Minute + time.Duration(size))
		sim := net.SignedUnorderedTxBy(1, timeout, nil, 3_000_000, msgs...)
		gi, _, err := a.Simulate(sim)
		require.NoError(t, err)
		limit := uint64(math.Ceil(float64(gi.GasUsed)*broadcaster.DefaultGasAdjustment)) + broadcaster.CheckTxGasOverhead
		tx := net.SignedUnorderedTxBy(1, timeout, nil, limit, msgs...)
		resp, err := a.CheckTx(&abci.RequestCheckTx{Tx: tx, Type: abci.CheckTxType_New})
		require.NoError(t, err)
		require.Zero(t, resp.Code, "%d messages: simulated %d, limit %d: %s", size, gi.GasUsed, limit, resp.Log)
		t.Logf("%d messages: simulated %d, CheckTx used %d (%+d), limit %d", size, gi.GasUsed, resp.GasUsed, resp.GasUsed-int64(gi.GasUsed), limit)
	}
}
