package keeper_test

import (
	"github.com/themis-network/themis/x/voteext"
	"testing"

	"github.com/stretchr/testify/require"

	sequencertest "github.com/themis-network/themis/testutil/sequencer"
	"github.com/themis-network/themis/x/sequencer/keeper"
	"github.com/themis-network/themis/x/sequencer/types"
)

// sqPopulated builds a pool with every kind of state, and returns it at a height
// whose recorded set is the active set (as after a block without changes).
func sqPopulated(t *testing.T) *sequencertest.Env {
	t.Helper()
	e := sqPool(t) // 1: ACTIVE
	_, err := e.Msg.EditDescription(e.Ctx, &types.MsgEditDescription{Sender: e.Relayer, Description: types.Description{
		Moniker: "genesis relayer", Website: "https://relayer.example", AvatarUrl: "https://relayer.example/a.png", Details: "runs the bridge",
	}})
	require.NoError(t, err)
	e.Join(2, sqOwner(1), sqTokens(40_000))
	sqExit(t, e, 2, false) // UNLOCKING
	e.Join(3, sqOwner(3), sqTokens(50_000))
	sqExit(t, e, 3, true) // UNLOCKED
	e.Join(4, sqOwner(4), sqTokens(60_000))
	sqSetStatus(t, e, 4, types.SEQUENCER_STATUS_JAILED)
	e.Join(5, sqOwner(5), sqTokens(70_000))
	sqSetStatus(t, e, 5, types.SEQUENCER_STATUS_REMOVED)
	_, err = e.Msg.UpdateWhitelist(e.Ctx, &types.MsgUpdateWhitelist{Authority: e.Authority, Remove: []string{sqOwner(5)}})
	require.NoError(t, err)
	_, k6 := e.Join(6, sqOwner(6), sqTokens(80_000))
	sqSetStatus(t, e, 6, types.SEQUENCER_STATUS_BANNED)
	require.NoError(t, e.K.Banned.Set(e.Ctx, sqOwner(6)))
	require.NoError(t, e.K.Banned.Set(e.Ctx, k6.L1Address()))
	e.Apply(e.RelockMsg(sqSeq1, 2, sqTokens(500), sqTokens(30_500)))
	newPub, _ := e.NewKey()
	e.Apply(e.SignerChangeMsg(sqSeq1, 3, newPub))
	_, err = e.K.EndBlock(e.Ctx) // at 10, recorded at 12
	require.NoError(t, err)
	// L1 events the chain disagrees with: a lock of an owner it has not whitelisted
	// (NOT_ADMITTED), a lock with a key another sequencer holds (signer conflict), and
	// a relock whose total does not add up. Each is stored as a disagreement.
	pub8, _ := e.NewKey()
	e.Apply(e.LockMsg(8, sqOwner(8), pub8, sqTokens(30_000)))
	e.Apply(e.LockMsg(9, sqOwner(1), e.Seq(2).PubKey, sqTokens(30_000)))
	e.Apply(e.RelockMsg(8, 2, sqTokens(1), sqTokens(30_005)))
	e.AtHeight(20)
	e.Join(7, sqOwner(7), sqTokens(25_000))
	_, err = e.K.EndBlock(e.Ctx) // recorded at 22
	require.NoError(t, err)
	// Pending: a relock of 1 (next nonce) and an unlock of 7 with a future nonce.
	e.AtHeight(21)
	e.MustRelay(e.RelockMsg(sqSeq1, 4, sqTokens(1), sqTokens(30_501)))
	e.MustRelay(e.UnlockInitMsg(7, 3))
	e.AtHeight(22)
	updates, err := e.K.EndBlock(e.Ctx)
	require.NoError(t, err)
	require.Empty(t, updates)
	return e
}

// sqImport loads gs into a fresh keeper whose chain starts at initialHeight.
func sqImport(t *testing.T, gs *types.GenesisState, initialHeight int64) *sequencertest.Env {
	t.Helper()
	k, ctx, authority, ac := sequencertest.NewUninitializedKeeper(t)
	ctx = ctx.WithBlockHeight(initialHeight)
	_, err := k.InitGenesis(ctx, *gs)
	require.NoError(t, err)
	_, pub := sequencertest.NewSignerKey(t, sequencertest.RelayerKeySeed)
	key := sequencertest.MustSignerKey(t, pub)
	return &sequencertest.Env{T: t, K: k, Ctx: ctx, Msg: keeper.NewMsgServerImpl(k), Query: keeper.NewQueryServerImpl(k),
		Authority: authority, AddrCodec: ac, Relayer: sequencertest.Bech32(t, key.AccAddress()), RelayerKey: key}
}

func TestGenesis_ExportImportIsLossless(t *testing.T) {
	e := sqPopulated(t)
	gs, err := e.K.ExportGenesis(e.Ctx)
	require.NoError(t, err)
	require.NoError(t, gs.Validate())

	// The export holds everything that was built.
	require.Len(t, gs.Sequencers, 10)
	statuses := map[types.SequencerStatus]int{}
	for _, s := range gs.Sequencers {
		statuses[s.Status]++
	}
	require.Equal(t, map[types.SequencerStatus]int{
		types.SEQUENCER_STATUS_ACTIVE: 3, types.SEQUENCER_STATUS_UNLOCKING: 1, types.SEQUENCER_STATUS_UNLOCKED: 1,
		types.SEQUENCER_STATUS_JAILED: 1, types.SEQUENCER_STATUS_REMOVED: 1, types.SEQUENCER_STATUS_BANNED: 1,
		types.SEQUENCER_STATUS_NOT_ADMITTED: 2,
	}, statuses)
	require.True(t, gs.Sequencers[8].SignerConflict, "sequencer 9 carries sequencer 2's key")
	require.Len(t, gs.Disagreements, 3)
	require.Equal(t, [][2]uint64{{8, 1}, {8, 2}, {9, 1}}, sqDisagreementKeys(gs))
	require.Len(t, gs.PendingEvents, 2)
	require.Len(t, gs.BannedAddresses, 2)
	require.Len(t, gs.Whitelist, 6, "relayer, 1, 3, 4, 6, 7 (5 was removed)")
	require.NotEmpty(t, gs.AppliedEvents)
	require.Equal(t, []int64{1, 12, 22}, sqEntryHeights(gs))
	require.Equal(t, gs.PendingEvents[1].Id+1, gs.NextPendingId)

	cdc := sequencertest.Codec()
	first := cdc.MustMarshalJSON(gs)

	// A chain restarted at the height of the newest record: same state, same export.
	last := gs.ValidatorHistory[len(gs.ValidatorHistory)-1].Height
	imported := sqImport(t, gs, last)
	again, err := imported.K.ExportGenesis(imported.Ctx)
	require.NoError(t, err)
	require.Equal(t, string(first), string(cdc.MustMarshalJSON(again)), "export -> import -> export is byte-identical")

	// Derived state (indices, counters) is rebuilt exactly.
	require.Equal(t, sqDump(t, e), sqDump(t, imported))

	// And the imported chain goes on where the old one stopped.
	items, err := imported.K.Pending(imported.Ctx, 10, voteext.VoteRound{})
	require.NoError(t, err)
	require.Len(t, items, 2)
	imported.ApproveAll() // the relock applies; the future unlock still waits
	require.Equal(t, sqTokens(30_501), imported.Seq(sqSeq1).Locked)
	require.Equal(t, []uint64{items[1].ID}, imported.PendingIDs())
	resp, err := imported.Relay(sequencertest.Relocked(imported.Relayer, sequencertest.Ref(1_000_000), sqSeq1, 5, sqTokens(1), sqTokens(30_502)))
	require.NoError(t, err)
	require.Equal(t, gs.NextPendingId, resp.PendingId, "ids continue")
	_, err = imported.Relay(sequencertest.Relocked(imported.Relayer, sequencertest.Ref(1), sqSeq1, 6, sqTokens(1), sqTokens(30_503)))
	require.ErrorIs(t, err, types.ErrEventAlreadyApplied, "applied events survive the export")
}

func sqDisagreementKeys(gs *types.GenesisState) [][2]uint64 {
	var out [][2]uint64
	for _, d := range gs.Disagreements {
		out = append(out, [2]uint64{d.SequencerId, d.Nonce})
	}
	return out
}

func sqEntryHeights(gs *types.GenesisState) []int64 {
	var hs []int64
	for _, h := range gs.ValidatorHistory {
		hs = append(hs, h.Height)
	}
	return hs
}

func TestGenesis_ImportRecordsTheActiveSetAtTheInitialHeight(t *testing.T) {
	e := sqPopulated(t)
	gs, err := e.K.ExportGenesis(e.Ctx)
	require.NoError(t, err)
	active, err := e.K.ActiveValidatorSet(e.Ctx)
	require.NoError(t, err)

	// A zero-height restart starts at 1: the old history is dropped, the active set signs 1.
	restarted := sqImport(t, gs, 1)
	st := sqDump(t, restarted)
	require.Equal(t, map[int64]types.ValidatorSet{1: active}, st.History)

	// A restart at 15 keeps the records below it.
	mid := sqImport(t, gs, 15)
	st = sqDump(t, mid)
	require.Len(t, st.History, 3)
	require.Contains(t, st.History, int64(1))
	require.Contains(t, st.History, int64(12))
	require.Equal(t, active, st.History[15])
}

func TestGenesis_DefaultAndUpdates(t *testing.T) {
	k, ctx, _, _ := sequencertest.NewUninitializedKeeper(t)
	updates, err := k.InitGenesis(ctx.WithBlockHeight(1), *types.DefaultGenesis())
	require.NoError(t, err)
	require.Empty(t, updates)
	gs, err := k.ExportGenesis(ctx)
	require.NoError(t, err)
	want := types.DefaultGenesis()
	want.ValidatorHistory = []types.ValidatorSetEntry{{Height: 1, Set: types.ValidatorSet{}}}
	require.Equal(t, want, gs)
	n, err := k.PendingCount.Get(ctx)
	require.NoError(t, err)
	require.Zero(t, n)

	// Genesis sequencers: the active ones are the initial validators, by power.
	gs = sequencertest.RelayerGenesis(t)
	for i, status := range []types.SequencerStatus{types.SEQUENCER_STATUS_ACTIVE, types.SEQUENCER_STATUS_UNLOCKING, types.SEQUENCER_STATUS_ACTIVE} {
		_, pub := sequencertest.NewSignerKey(t, uint64(100+i))
		key := sequencertest.MustSignerKey(t, pub)
		gs.Sequencers = append(gs.Sequencers, types.Sequencer{Id: uint64(i + 1), Owner: sqOwner(1), Signer: key.L1Address(), PubKey: pub,
			Locked: sqTokens(int64(60_000 + 10_000*i)), RewardRecipient: sqOwner(1), Status: status, L1Nonce: 1})
	}
	k2, ctx2, _, _ := sequencertest.NewUninitializedKeeper(t)
	updates, err = k2.InitGenesis(ctx2.WithBlockHeight(5), *gs)
	require.NoError(t, err)
	var got []sqUpdate
	for _, u := range updates {
		got = append(got, sqUpdate{u.PubKey.GetSecp256K1(), u.Power})
	}
	require.Equal(t, []sqUpdate{
		{sequencertest.MustSignerKey(t, gs.Sequencers[3].PubKey).Compressed(), 80_000},
		{sequencertest.MustSignerKey(t, gs.Sequencers[1].PubKey).Compressed(), 60_000},
		{sequencertest.MustSignerKey(t, gs.Sequencers[0].PubKey).Compressed(), 50_000},
	}, got)
	set, err := k2.RecordedSetAt(ctx2, 5)
	require.NoError(t, err)
	require.Equal(t, int64(190_000), set.TotalPower)
	_, err = k2.RecordedSetAt(ctx2, 4)
	require.ErrorIs(t, err, types.ErrNoValidatorSet)
}

func TestGenesis_InvalidIsRefusedBeforeAnyWrite(t *testing.T) {
	for name, mutate := range map[string]func(gs *types.GenesisState){
		"duplicate sequencer id": func(gs *types.GenesisState) { gs.Sequencers = append(gs.Sequencers, gs.Sequencers[0]) },
		"signer does not match the key": func(gs *types.GenesisState) {
			gs.Sequencers[0].Signer = sqOwner(1)
		},
		"upper-case whitelist entry": func(gs *types.GenesisState) {
			gs.Whitelist = append(gs.Whitelist, "0x00000000000000000000000000000000000000AB")
		},
		"pending id not below next": func(gs *types.GenesisState) {
			gs.PendingEvents = []types.PendingEvent{{Id: 1, Digest: make([]byte, 32), Msg: []byte{1}, MsgType: "t"}}
		},
	} {
		t.Run(name, func(t *testing.T) {
			k, ctx, _, _ := sequencertest.NewUninitializedKeeper(t)
			gs := sequencertest.RelayerGenesis(t)
			mutate(gs)
			_, err := k.InitGenesis(ctx, *gs)
			require.ErrorIs(t, err, types.ErrInvalidGenesis)
			has, err := k.Params.Has(ctx)
			require.NoError(t, err)
			require.False(t, has, "nothing written")
			seqs := 0
			require.NoError(t, k.Sequencers.Walk(ctx, nil, func(uint64, types.Sequencer) (bool, error) {
				seqs++
				return false, nil
			}))
			require.Zero(t, seqs)
		})
	}
	k, ctx, _, _ := sequencertest.NewUninitializedKeeper(t)
	gs := types.DefaultGenesis()
	gs.Params.MaxPendingEvents = 0
	_, err := k.InitGenesis(ctx, *gs)
	require.ErrorIs(t, err, types.ErrInvalidParams)
}

// A pending event no decoder knows would stall the whole queue (no verdicts for any
// sequencer event), so genesis refuses it.
func TestGenesisRefusesUndecodablePendingEvent(t *testing.T) {
	gs := sequencertest.RelayerGenesis(t)
	gs.PendingEvents = []types.PendingEvent{{Id: 1, Digest: types.Digest([]byte("x")), Msg: []byte{1, 2, 3}, MsgType: "/cosmos.bank.v1beta1.MsgSend"}}
	gs.NextPendingId = 2
	require.ErrorIs(t, gs.Validate(), types.ErrInvalidGenesis)
	k, ctx, _, _ := sequencertest.NewUninitializedKeeper(t)
	_, err := k.InitGenesis(ctx, *gs)
	require.ErrorIs(t, err, types.ErrInvalidGenesis)
}
