package keeper_test

import (
	"slices"
	"testing"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/stretchr/testify/require"

	sequencertest "github.com/themis-network/themis/testutil/sequencer"
	"github.com/themis-network/themis/x/sequencer/types"
	"github.com/themis-network/themis/x/voteext"
)

type sqUpdate struct {
	key   []byte
	power int64
}

func sqUpdates(us []abci.ValidatorUpdate) []sqUpdate {
	out := make([]sqUpdate, 0, len(us))
	for _, u := range us {
		out = append(out, sqUpdate{u.PubKey.GetSecp256K1(), u.Power})
	}
	return out
}

func sqCompressed(t *testing.T, e *sequencertest.Env, id uint64) []byte {
	t.Helper()
	return sequencertest.MustSignerKey(t, e.Seq(id).PubKey).Compressed()
}

func sqHistoryHeights(t *testing.T, e *sequencertest.Env) []int64 {
	t.Helper()
	var hs []int64
	for h := range sqDump(t, e).History {
		hs = append(hs, h)
	}
	slices.Sort(hs)
	return hs
}

func TestEndBlock_UpdatesAndHistory(t *testing.T) {
	e := sequencertest.NewEnv(t)
	relayer := sqCompressed(t, e, sequencertest.RelayerID)

	// Genesis recorded the relayer's set at the initial height.
	genesisSet, err := e.K.RecordedSetAt(e.Ctx, sequencertest.GenesisHeight)
	require.NoError(t, err)
	require.Equal(t, int64(50_000), genesisSet.TotalPower)
	require.Len(t, genesisSet.Validators, 1)
	require.Equal(t, relayer, genesisSet.Validators[0].PubKey)
	_, err = e.K.ValidatorSetAt(e.Ctx, 0)
	require.ErrorIs(t, err, types.ErrNoValidatorSet)

	// Nothing changed: no updates and no new record.
	updates, err := e.K.EndBlock(e.Ctx)
	require.NoError(t, err)
	require.Empty(t, updates)
	require.Equal(t, []int64{1}, sqHistoryHeights(t, e))

	// Two join: both are new keys with their power, highest first; the relayer is unchanged.
	e.Join(1, sqOwner(1), sqTokens(30_000))
	e.Join(2, sqOwner(2), sqTokens(70_000))
	k1, k2 := sqCompressed(t, e, 1), sqCompressed(t, e, 2)
	e.FreshEvents()
	updates, err = e.K.EndBlock(e.Ctx) // height 10
	require.NoError(t, err)
	require.Equal(t, []sqUpdate{{k2, 70_000}, {k1, 30_000}}, sqUpdates(updates))
	require.Equal(t, []int64{1, 12}, sqHistoryHeights(t, e), "recorded at height + 2")
	require.Equal(t, []*types.EventValidatorSetUpdated{{EffectiveHeight: 12, TotalPower: 150_000, Size_: 3}},
		sequencertest.TypedEvents[*types.EventValidatorSetUpdated](t, e.Ctx))

	set12, err := e.K.RecordedSetAt(e.Ctx, 12)
	require.NoError(t, err)
	require.Equal(t, int64(150_000), set12.TotalPower)
	var order []uint64
	for _, v := range set12.Validators {
		order = append(order, v.SequencerId)
		key := sequencertest.MustSignerKey(t, e.Seq(v.SequencerId).PubKey)
		require.Equal(t, []byte(key.ConsAddress()), v.ConsAddress)
	}
	require.Equal(t, []uint64{2, sequencertest.RelayerID, 1}, order)

	// Heights 10 and 11 are still signed by the genesis set.
	for _, h := range []int64{1, 10, 11} {
		set, err := e.K.ValidatorSetAt(e.Ctx, h)
		require.NoError(t, err)
		require.Equal(t, int64(50_000), set.TotalPower, "height %d", h)
	}
	for _, h := range []int64{12, 13, 1_000} {
		set, err := e.K.ValidatorSetAt(e.Ctx, h)
		require.NoError(t, err)
		require.Equal(t, sqVoteextSet(set12), set, "height %d", h)
	}

	// Nothing changed at 11.
	e.AtHeight(11)
	updates, err = e.K.EndBlock(e.Ctx)
	require.NoError(t, err)
	require.Empty(t, updates)
	require.Equal(t, []int64{1, 12}, sqHistoryHeights(t, e))

	// One leaves (power 0, removals first), one changes power.
	e.Apply(e.UnlockInitMsg(1, 2))
	e.Apply(e.RelockMsg(2, 2, sqTokens(5_000), sqTokens(75_000)))
	e.AtHeight(12)
	updates, err = e.K.EndBlock(e.Ctx)
	require.NoError(t, err)
	require.Equal(t, []sqUpdate{{k1, 0}, {k2, 75_000}}, sqUpdates(updates))
	require.Equal(t, []int64{1, 12, 14}, sqHistoryHeights(t, e))
	at13, err := e.K.ValidatorSetAt(e.Ctx, 13)
	require.NoError(t, err)
	require.Equal(t, int64(150_000), at13.TotalPower, "13 is still signed by the set of 12")
	at14, err := e.K.ValidatorSetAt(e.Ctx, 14)
	require.NoError(t, err)
	require.Equal(t, int64(125_000), at14.TotalPower)
	require.Len(t, at14.Validators, 2)

	// A signer change is a removal of the old key and an addition of the new one.
	newPub, newKey := e.NewKey()
	e.Apply(e.SignerChangeMsg(2, 3, newPub))
	e.AtHeight(13)
	updates, err = e.K.EndBlock(e.Ctx)
	require.NoError(t, err)
	require.Equal(t, []sqUpdate{{k2, 0}, {newKey.Compressed(), 75_000}}, sqUpdates(updates))

	// A lower cap on L1 (LockLimitsUpdated, relayed and approved) changes the power of
	// the sequencers above it.
	e.Apply(e.LockLimitsMsg(20_000, 60_000))
	e.AtHeight(14)
	updates, err = e.K.EndBlock(e.Ctx)
	require.NoError(t, err)
	require.Equal(t, []sqUpdate{{newKey.Compressed(), 60_000}}, sqUpdates(updates))

	// Leaving the set (here by an unlock) removes the key from CometBFT's set.
	e.Apply(e.UnlockInitMsg(2, 4))
	e.AtHeight(15)
	updates, err = e.K.EndBlock(e.Ctx)
	require.NoError(t, err)
	require.Equal(t, []sqUpdate{{newKey.Compressed(), 0}}, sqUpdates(updates))
	at17, err := e.K.ValidatorSetAt(e.Ctx, 17)
	require.NoError(t, err)
	require.Equal(t, voteext.ValidatorSet{TotalPower: 50_000, Validators: []voteext.Validator{{
		ConsAddress: e.RelayerKey.ConsAddress(), PubKey: relayer, Power: 50_000,
	}}}, at17)
}

func sqVoteextSet(set types.ValidatorSet) voteext.ValidatorSet {
	out := voteext.ValidatorSet{TotalPower: set.TotalPower}
	for _, v := range set.Validators {
		out.Validators = append(out.Validators, voteext.Validator{ConsAddress: v.ConsAddress, PubKey: v.PubKey, Power: v.Power})
	}
	return out
}

// CometBFT cannot run without validators: when the last active sequencer leaves,
// EndBlock returns no update and the recorded set stays in force.
func TestEndBlock_LastSequencerLeavingKeepsTheSet(t *testing.T) {
	e := sqPool(t)
	_, err := e.K.EndBlock(e.Ctx) // records {relayer, 1} at 12
	require.NoError(t, err)
	e.Apply(e.UnlockInitMsg(sqSeq1, 2))
	e.AtHeight(11)
	updates, err := e.K.EndBlock(e.Ctx)
	require.NoError(t, err)
	require.Len(t, updates, 1)
	require.Zero(t, updates[0].Power)

	// The relayer relays its own exit: afterwards no sequencer is active.
	e.Apply(e.UnlockInitMsg(sequencertest.RelayerID, 2))
	active, err := e.K.ActiveSequencers(e.Ctx)
	require.NoError(t, err)
	require.Empty(t, active)

	before := sqDump(t, e)
	e.AtHeight(12)
	e.FreshEvents()
	updates, err = e.K.EndBlock(e.Ctx)
	require.NoError(t, err)
	require.Empty(t, updates, "no update may empty the set")
	require.Equal(t, before.History, sqDump(t, e).History, "nothing recorded")
	require.Empty(t, sequencertest.TypedEvents[*types.EventValidatorSetUpdated](t, e.Ctx))
	for _, h := range []int64{13, 14, 100} {
		set, err := e.K.ValidatorSetAt(e.Ctx, h)
		require.NoError(t, err)
		require.Equal(t, int64(50_000), set.TotalPower, "the relayer's set (recorded at 13) stays in force at %d", h)
	}
	e.AtHeight(13)
	updates, err = e.K.EndBlock(e.Ctx)
	require.NoError(t, err)
	require.Empty(t, updates)
}

func TestEndBlock_PruningKeepsTheWindowFloor(t *testing.T) {
	e := sequencertest.NewEnv(t)
	// Records: 1 (genesis), then one change every 40 heights.
	for i, h := range []int64{10, 50, 90, 130} {
		e.AtHeight(h)
		e.Join(uint64(i+1), sqOwner(uint64(i+1)), sqTokens(30_000))
		updates, err := e.K.EndBlock(e.Ctx)
		require.NoError(t, err)
		require.Len(t, updates, 1)
	}
	// At 130 the window floor is 30: the record of 12 governs it, the genesis record goes.
	require.Equal(t, []int64{12, 52, 92, 132}, sqHistoryHeights(t, e))

	// At 150 the floor is 50: 12 still governs it and stays.
	e.AtHeight(150)
	_, err := e.K.EndBlock(e.Ctx)
	require.NoError(t, err)
	require.Equal(t, []int64{12, 52, 92, 132}, sqHistoryHeights(t, e))
	set, err := e.K.ValidatorSetAt(e.Ctx, 50)
	require.NoError(t, err)
	require.Equal(t, int64(80_000), set.TotalPower, "the floor still resolves to the set of 12")
	_, err = e.K.ValidatorSetAt(e.Ctx, 11)
	require.ErrorIs(t, err, types.ErrNoValidatorSet)

	// At 192 the floor is 92 exactly: that record governs it; 12 and 52 go.
	e.AtHeight(192)
	_, err = e.K.EndBlock(e.Ctx)
	require.NoError(t, err)
	require.Equal(t, []int64{92, 132}, sqHistoryHeights(t, e))
	set, err = e.K.ValidatorSetAt(e.Ctx, 92)
	require.NoError(t, err)
	require.Equal(t, int64(140_000), set.TotalPower)
	_, err = e.K.ValidatorSetAt(e.Ctx, 91)
	require.ErrorIs(t, err, types.ErrNoValidatorSet)

	// Long after: the newest record is never pruned.
	e.AtHeight(10_000)
	_, err = e.K.EndBlock(e.Ctx)
	require.NoError(t, err)
	require.Equal(t, []int64{132}, sqHistoryHeights(t, e))
	set, err = e.K.ValidatorSetAt(e.Ctx, 9_999)
	require.NoError(t, err)
	require.Equal(t, int64(170_000), set.TotalPower)

}

// Pruning also runs on a block whose set would be empty.
func TestEndBlock_PruningWithNoActiveSequencer(t *testing.T) {
	e := sqPool(t)
	_, err := e.K.EndBlock(e.Ctx) // 12: {relayer, 1}
	require.NoError(t, err)
	e.AtHeight(20)
	e.Apply(e.UnlockInitMsg(sqSeq1, 2))
	_, err = e.K.EndBlock(e.Ctx) // 22: {relayer}
	require.NoError(t, err)
	e.AtHeight(30)
	e.Apply(e.UnlockInitMsg(sequencertest.RelayerID, 2))
	updates, err := e.K.EndBlock(e.Ctx)
	require.NoError(t, err)
	require.Empty(t, updates)
	require.Equal(t, []int64{1, 12, 22}, sqHistoryHeights(t, e))
	e.AtHeight(200)
	updates, err = e.K.EndBlock(e.Ctx)
	require.NoError(t, err)
	require.Empty(t, updates)
	require.Equal(t, []int64{22}, sqHistoryHeights(t, e))
}

func TestActiveValidatorSet_OrderAndPower(t *testing.T) {
	e := sequencertest.NewEnv(t)
	e.Join(3, sqOwner(3), sqTokens(50_000)) // ties with the relayer (50,000)
	e.Join(2, sqOwner(2), sqTokens(50_000).AddRaw(1))
	e.Join(1, sqOwner(1), sqTokens(150_000))
	set, err := e.K.ActiveValidatorSet(e.Ctx)
	require.NoError(t, err)
	var got []sqUpdate
	var ids []uint64
	for _, v := range set.Validators {
		got = append(got, sqUpdate{v.PubKey, v.Power})
		ids = append(ids, v.SequencerId)
		require.Len(t, v.PubKey, 33)
		require.Len(t, v.ConsAddress, 20)
	}
	require.Equal(t, []uint64{1, 2, 3, sequencertest.RelayerID}, ids, "power desc, then id asc")
	require.Equal(t, []int64{100_000, 50_000, 50_000, 50_000}, []int64{got[0].power, got[1].power, got[2].power, got[3].power})
	require.Equal(t, int64(250_000), set.TotalPower)
}
