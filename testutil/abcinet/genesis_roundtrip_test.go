package abcinet_test

import (
	"encoding/json"
	"fmt"
	"testing"

	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/testutil/abcinet"
	sequencertypes "github.com/themis-network/themis/x/sequencer/types"
	slashingtypes "github.com/themis-network/themis/x/slashing/types"
)

// TestGenesisExportImportLossless: the state of a running chain (a sequencer that
// joined through the vote, a pending event, validator history) exports, imports into a
// fresh app, and exports again to the same module states.
func TestGenesisExportImportLossless(t *testing.T) {
	net := abcinet.New(t, abcinet.Options{Validators: 4, Stake: 50_000, Whitelist: []string{newOwner}})
	key := abcinet.NewKey(t)
	real := lockMsg(net.Submitter(), 5, key, "0x"+repeat("ab", 32), 30_000)
	pending := lockMsg(net.Submitter(), 7, abcinet.NewKey(t), "0x"+repeat("ef", 32), 40_000)
	for _, v := range net.Validators {
		v.L1.AddEvent(real)
		v.L1.SetHead(101) // deep enough for `real`; `pending` is at a block L1 has not reached
	}
	pending.Event.BlockNumber = 150 // not reached, but near enough to be waited for
	net.NextBlock(net.SignedTx(real), net.SignedTx(pending))
	for i := 0; i < 3; i++ {
		net.NextBlock()
	}
	first := net.Validators[0].App
	exported, err := first.ExportAppStateAndValidators(false, nil, nil)
	require.NoError(t, err)

	var seq sequencertypes.GenesisState
	var state map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(exported.AppState, &state))
	require.NoError(t, first.AppCodec().UnmarshalJSON(state[sequencertypes.ModuleName], &seq))
	require.Len(t, seq.Sequencers, 5, "the vote-applied sequencer is exported")
	require.Len(t, seq.PendingEvents, 1, "the unconfirmed event is still pending")
	require.NotEmpty(t, seq.ValidatorHistory)
	require.Len(t, exported.Validators, 5)

	imported := abcinet.NewFromGenesis(t, exported.AppState, exported.Height, &exported.ConsensusParams)
	again, err := imported.ExportAppStateAndValidators(false, nil, nil)
	require.NoError(t, err)
	var stateAgain map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(again.AppState, &stateAgain))
	require.Equal(t, len(state), len(stateAgain))
	// The imported chain ran one block a month after the export: a halt gap, which
	// restarts x/slashing's downtime grace and moves its last block time, and more than
	// a reward batch interval, which moves the batch clock (nothing accrued: no batch);
	// its last commit is signed by the sequencer that joined before the export, whose
	// consensus address is indexed then. Everything else is unchanged.
	var slashingBefore, slashingAfter map[string]any
	require.NoError(t, json.Unmarshal(state[slashingtypes.ModuleName], &slashingBefore))
	require.NoError(t, json.Unmarshal(stateAgain[slashingtypes.ModuleName], &slashingAfter))
	require.Equal(t, "2026-02-01T00:00:01Z", slashingAfter["last_block_time"])
	require.Equal(t, fmt.Sprint(exported.Height+int64(slashingtypes.DefaultParams().GraceBlocks)), slashingAfter["grace_until"])
	require.Equal(t, "2026-02-01T00:00:01Z", slashingAfter["reward_state"].(map[string]any)["last_batch_time"])
	for _, clock := range []string{"last_block_time", "grace_until"} {
		delete(slashingBefore, clock)
		delete(slashingAfter, clock)
	}
	before, after := slashingBefore["cons_addresses"].([]any), slashingAfter["cons_addresses"].([]any)
	require.Subset(t, after, before, "no consensus address is lost")
	require.Len(t, after, len(before)+1, "only the joined sequencer's is added")
	delete(slashingBefore, "cons_addresses")
	delete(slashingAfter, "cons_addresses")
	delete(slashingBefore["reward_state"].(map[string]any), "last_batch_time")
	delete(slashingAfter["reward_state"].(map[string]any), "last_batch_time")
	require.Equal(t, slashingBefore, slashingAfter)
	delete(state, slashingtypes.ModuleName)
	for module, raw := range state {
		require.JSONEq(t, string(raw), string(stateAgain[module]), "module %s changed through export/import", module)
	}
}

// TestZeroHeightRestartRecordsTheGenesisSet: after a zero-height export the new chain
// starts at height 1; the set that signs heights 1 and 2 must be on record (or every
// proposal carrying vote extensions would be rejected and the chain would halt), and
// it is the active set, not the old chain's history for those heights.
func TestZeroHeightRestartRecordsTheGenesisSet(t *testing.T) {
	net := abcinet.New(t, abcinet.Options{Validators: 4, Stake: 50_000, Whitelist: []string{newOwner}})
	key := abcinet.NewKey(t)
	real := lockMsg(net.Submitter(), 5, key, "0x"+repeat("ab", 32), 30_000)
	for _, v := range net.Validators {
		v.L1.AddEvent(real)
		v.L1.SetHead(200)
	}
	net.NextBlock(net.SignedTx(real))
	for i := 0; i < 4; i++ {
		net.NextBlock()
	}
	exported, err := net.Validators[0].App.ExportAppStateAndValidators(true, nil, nil)
	require.NoError(t, err)
	require.Zero(t, exported.Height)

	imported := abcinet.NewFromGenesis(t, exported.AppState, 1, &exported.ConsensusParams)
	ctx := imported.NewUncachedContext(false, cmtproto.Header{Height: 2})
	for _, h := range []int64{1, 2} {
		set, err := imported.SequencerKeeper.ValidatorSetAt(ctx, h)
		require.NoError(t, err, "height %d", h)
		require.Equal(t, int64(4*50_000+30_000), set.TotalPower, "height %d is signed by the active set", h)
		require.Len(t, set.Validators, 5)
	}
}
