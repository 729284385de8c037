package differential

import (
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	seqtypes "github.com/themis-network/themis/x/sequencer/types"
)

// The model folds a settlement's events one by one, in the order the chain applies them.
func TestModelFoldsEventsInOrder(t *testing.T) {
	owner := common.HexToAddress("0x00000000000000000000000000000000000000aa")
	newModel := func() *Model {
		return NewModel(Policy{Whitelist: map[string]bool{lowerHex(owner): true}, MaxLock: tokens(100_000)})
	}
	rec := func(nonce uint64, locked int64) ContractView {
		return ContractView{Seqs: []ContractSeq{{ID: 1, Owner: owner, Status: L1Active, Locked: tokens(locked), Nonce: nonce}}}
	}

	// A lock of 21,000 and a slash to 15,750 arrive together: admitted at the lock, kept.
	m := newModel()
	m.Observe(rec(1, 21_000))
	m.Observe(rec(2, 15_750))
	require.Equal(t, seqtypes.SEQUENCER_STATUS_ACTIVE, m.Settle()[1].Status)

	// Governance acts at once: removing and re-adding the owner before the carried lock
	// reaches the chain leaves the lock to be judged on arrival (ACTIVE); removing and
	// re-adding it after it arrived admits it again, below min_lock or not.
	m = newModel()
	m.Whitelist(owner, false)
	m.Whitelist(owner, true)
	m.Observe(rec(1, 21_000))
	m.Observe(rec(2, 15_750))
	require.Equal(t, seqtypes.SEQUENCER_STATUS_ACTIVE, m.Settle()[1].Status)
	m.Whitelist(owner, false)
	m.Whitelist(owner, true)
	m.Observe(rec(2, 15_750))
	require.Equal(t, seqtypes.SEQUENCER_STATUS_ACTIVE, m.Settle()[1].Status)
}
