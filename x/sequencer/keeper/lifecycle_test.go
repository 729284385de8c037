package keeper_test

import (
	"fmt"
	"testing"
	"time"

	"cosmossdk.io/collections"
	"cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	sequencertest "github.com/themis-network/themis/testutil/sequencer"
	"github.com/themis-network/themis/x/sequencer/types"
)

func TestLifecycle_LockQueuesThenApprovalActivates(t *testing.T) {
	e := sequencertest.NewEnv(t)
	owner := sqOwner(1)
	e.Whitelist(owner)
	pub, key := e.NewKey()
	lock := e.LockMsg(7, owner, pub, sqTokens(30_000).AddRaw(123)) // a fraction of a token above
	lock.RewardRecipient = sqOwner(8)

	e.FreshEvents()
	id := e.MustRelay(lock)
	require.Equal(t, uint64(1), id)

	// Queued only: no record, no index, not applied.
	_, err := e.K.GetSequencer(e.Ctx, 7)
	require.ErrorIs(t, err, types.ErrSequencerNotFound)
	_, err = e.K.GetSequencerBySigner(e.Ctx, key.L1Address())
	require.ErrorIs(t, err, types.ErrSequencerNotFound)
	applied, err := e.K.AppliedEvents.Has(e.Ctx, types.EventKey(lock.Event))
	require.NoError(t, err)
	require.False(t, applied)
	p, err := e.K.PendingEvents.Get(e.Ctx, id)
	require.NoError(t, err)
	msgType, bz, digest, err := types.EncodePendingEvent(lock)
	require.NoError(t, err)
	require.Equal(t, types.PendingEvent{Id: id, Digest: digest, SubmittedHeight: sequencertest.StartHeight, Msg: bz, MsgType: msgType, Relayers: []uint64{sequencertest.RelayerID}}, p)
	require.Equal(t, "/themis.sequencer.v1.MsgLocked", p.MsgType)
	queued := sequencertest.TypedEvents[*types.EventL1EventQueued](t, e.Ctx)
	require.Equal(t, []*types.EventL1EventQueued{{PendingId: id, MsgType: msgType, Event: lock.Event, Submitter: e.Relayer}}, queued)

	e.FreshEvents()
	e.ApproveAll()
	s := e.Seq(7)
	require.Equal(t, types.Sequencer{
		Id:               7,
		Owner:            owner,
		Signer:           key.L1Address(),
		PubKey:           pub,
		Locked:           sqTokens(30_000).AddRaw(123),
		RewardRecipient:  sqOwner(8),
		Status:           types.SEQUENCER_STATUS_ACTIVE,
		ActivationHeight: sequencertest.StartHeight,
		L1Nonce:          1,
		UnconfirmedSlash: math.ZeroInt(),
	}, s)
	require.Equal(t, int64(30_000), sqPower(t, e, 7), "power counts whole tokens")

	bySigner, err := e.K.GetSequencerBySigner(e.Ctx, key.L1Address())
	require.NoError(t, err)
	require.Equal(t, s, bySigner)
	acc, err := e.K.AccountIndex.Get(e.Ctx, key.AccAddress())
	require.NoError(t, err)
	require.Equal(t, uint64(7), acc)
	has, err := e.K.OwnerIndex.Has(e.Ctx, collections.Join(owner, uint64(7)))
	require.NoError(t, err)
	require.True(t, has)
	applied, err = e.K.AppliedEvents.Has(e.Ctx, types.EventKey(lock.Event))
	require.NoError(t, err)
	require.True(t, applied)
	require.Zero(t, e.PendingCount())
	require.Empty(t, e.PendingIDs())

	require.Equal(t, []*types.EventSequencerStatusChanged{{SequencerId: 7, From: types.SEQUENCER_STATUS_UNSPECIFIED, To: types.SEQUENCER_STATUS_ACTIVE}},
		sequencertest.TypedEvents[*types.EventSequencerStatusChanged](t, e.Ctx))
	require.Equal(t, []*types.EventStakeChanged{{SequencerId: 7, Locked: sqTokens(30_000).AddRaw(123).String(), Power: 30_000}},
		sequencertest.TypedEvents[*types.EventStakeChanged](t, e.Ctx))
	require.Equal(t, []*types.EventL1EventApplied{{PendingId: id, MsgType: msgType, Event: lock.Event, SequencerId: 7}},
		sequencertest.TypedEvents[*types.EventL1EventApplied](t, e.Ctx))
	require.Empty(t, sqRejections(t, e))

	active, err := e.K.ActiveSequencers(e.Ctx)
	require.NoError(t, err)
	require.Len(t, active, 2)
	require.Equal(t, uint64(7), active[0].Id)
}

func TestLifecycle_PowerIsCappedAtMaxLock(t *testing.T) {
	for _, tc := range []struct {
		locked math.Int
		power  int64
	}{
		{types.DefaultL1Config().MinLock, 20_000},
		{sqTokens(99_999).Add(types.OneToken.SubRaw(1)), 99_999},
		{types.DefaultL1Config().MaxLock, 100_000},
		{types.DefaultL1Config().MaxLock.AddRaw(1), 100_000},
		{sqTokens(1_000_000), 100_000},
	} {
		t.Run(tc.locked.String(), func(t *testing.T) {
			e := sequencertest.NewEnv(t)
			e.Join(1, sqOwner(1), tc.locked)
			require.Equal(t, tc.locked, e.Seq(1).Locked, "locked is kept in full")
			require.Equal(t, tc.power, sqPower(t, e, 1))
		})
	}
}

func TestLifecycle_RelockAndWithdrawChangePower(t *testing.T) {
	e := sqPool(t) // sequencer 1: 30,000
	start := e.Seq(sqSeq1)

	e.FreshEvents()
	e.Apply(e.RelockMsg(sqSeq1, 2, sqTokens(90_000), sqTokens(120_000)))
	s := e.Seq(sqSeq1)
	require.Equal(t, sqTokens(120_000), s.Locked)
	require.Equal(t, uint64(2), s.L1Nonce)
	require.Equal(t, int64(100_000), sqPower(t, e, sqSeq1), "capped")
	require.Equal(t, []*types.EventStakeChanged{{SequencerId: sqSeq1, Locked: sqTokens(120_000).String(), Power: 100_000}},
		sequencertest.TypedEvents[*types.EventStakeChanged](t, e.Ctx))

	e.Apply(e.WithdrawMsg(sqSeq1, 3, sqTokens(70_000), sqTokens(50_000)))
	require.Equal(t, sqTokens(50_000), e.Seq(sqSeq1).Locked)
	require.Equal(t, int64(50_000), sqPower(t, e, sqSeq1))

	// Down to exactly min_lock is allowed.
	e.Apply(e.WithdrawMsg(sqSeq1, 4, sqTokens(30_000), sqTokens(20_000)))
	require.Equal(t, sqTokens(20_000), e.Seq(sqSeq1).Locked)
	require.Equal(t, int64(20_000), sqPower(t, e, sqSeq1))
	require.Equal(t, uint64(4), e.Seq(sqSeq1).L1Nonce)
	require.Equal(t, types.SEQUENCER_STATUS_ACTIVE, e.Seq(sqSeq1).Status)

	// Nothing else in the record moved.
	want := start
	want.Locked, want.L1Nonce = sqTokens(20_000), 4
	require.Equal(t, want, e.Seq(sqSeq1))
}

func TestLifecycle_UnlockInitiatedThenClaimed(t *testing.T) {
	e := sqPool(t)
	// The contract's exit delay (3h7s here) is authoritative; the chain's param differs.
	l1Delay := 3*time.Hour + 7*time.Second
	require.NotEqual(t, l1Delay, defaultExitDelay)

	e.AtHeight(25)
	before := e.Seq(sqSeq1)
	e.FreshEvents()
	unlock := e.UnlockInitMsg(sqSeq1, 2)
	unlock.UnlockableAt = uint64(e.Ctx.BlockTime().Add(l1Delay).Unix())
	e.Apply(unlock)
	s := e.Seq(sqSeq1)
	want := before
	want.Status = types.SEQUENCER_STATUS_UNLOCKING
	want.DeactivationHeight = 25
	want.UnlockClaimableAt = e.Ctx.BlockTime().Add(l1Delay)
	want.L1Nonce = 2
	require.Equal(t, want, s)
	require.Equal(t, sequencertest.StartTime.Add(15*sequencertest.BlockInterval).Add(l1Delay), s.UnlockClaimableAt)
	require.Equal(t, sqTokens(30_000), s.Locked, "the stake stays locked until claimed")
	require.Zero(t, sqPower(t, e, sqSeq1))
	require.Equal(t, []*types.EventSequencerStatusChanged{{SequencerId: sqSeq1, From: types.SEQUENCER_STATUS_ACTIVE, To: types.SEQUENCER_STATUS_UNLOCKING}},
		sequencertest.TypedEvents[*types.EventSequencerStatusChanged](t, e.Ctx))

	active, err := e.K.ActiveSequencers(e.Ctx)
	require.NoError(t, err)
	require.Len(t, active, 1)
	require.Equal(t, sequencertest.RelayerID, active[0].Id)
	set, err := e.K.ActiveValidatorSet(e.Ctx)
	require.NoError(t, err)
	require.Len(t, set.Validators, 1)
	require.Equal(t, sequencertest.RelayerID, set.Validators[0].SequencerId)

	// (A relock while unlocking cannot come from the contract, which relocks only an
	// Active lock: if one is confirmed anyway the status follows L1, with an alarm; see
	// TestStatusFollowsL1AndAlarms.)

	e.AtHeight(30)
	e.FreshEvents()
	e.Apply(e.UnlockClaimMsg(sqSeq1, 3, sqTokens(30_000)))
	s = e.Seq(sqSeq1)
	want.Status = types.SEQUENCER_STATUS_UNLOCKED
	want.Locked = math.ZeroInt()
	want.L1Nonce = 3
	require.Equal(t, want, s, "deactivation height is when it left the set, not when it claimed")
	require.True(t, s.Locked.IsZero())
	require.Equal(t, []*types.EventStakeChanged{{SequencerId: sqSeq1, Locked: "0", Power: 0}},
		sequencertest.TypedEvents[*types.EventStakeChanged](t, e.Ctx))

	// The signer stays reserved, the record stays queryable.
	bySigner, err := e.K.GetSequencerBySigner(e.Ctx, s.Signer)
	require.NoError(t, err)
	require.Equal(t, sqSeq1, bySigner.Id)
}

func TestLifecycle_UnlockFromJailedRemovedBanned(t *testing.T) {
	for _, from := range []types.SequencerStatus{types.SEQUENCER_STATUS_JAILED, types.SEQUENCER_STATUS_REMOVED, types.SEQUENCER_STATUS_BANNED} {
		t.Run(from.String(), func(t *testing.T) {
			e := sqPool(t)
			sqSetStatus(t, e, sqSeq1, from)
			e.Apply(e.UnlockInitMsg(sqSeq1, 2))
			s := e.Seq(sqSeq1)
			require.Equal(t, types.SEQUENCER_STATUS_UNLOCKING, s.Status)
			require.Zero(t, s.DeactivationHeight, "it was not in the set when it unlocked")
			require.Equal(t, e.Ctx.BlockTime().Add(defaultExitDelay), s.UnlockClaimableAt)
		})
	}
}

func TestLifecycle_RelockWithdrawOutsideTheSet(t *testing.T) {
	for _, from := range []types.SequencerStatus{types.SEQUENCER_STATUS_JAILED, types.SEQUENCER_STATUS_REMOVED} {
		t.Run(from.String(), func(t *testing.T) {
			e := sqPool(t)
			sqSetStatus(t, e, sqSeq1, from)
			e.Apply(e.RelockMsg(sqSeq1, 2, sqTokens(10_000), sqTokens(40_000)))
			e.Apply(e.WithdrawMsg(sqSeq1, 3, sqTokens(5_000), sqTokens(35_000)))
			s := e.Seq(sqSeq1)
			require.Equal(t, sqTokens(35_000), s.Locked)
			require.Equal(t, from, s.Status)
			require.Equal(t, uint64(3), s.L1Nonce)
			require.Zero(t, sqPower(t, e, sqSeq1))
		})
	}
}

func TestLifecycle_SignerChangeMovesIndices(t *testing.T) {
	e := sqPool(t)
	old := e.Seq(sqSeq1)
	oldKey := sequencertest.MustSignerKey(t, old.PubKey)
	newPub, newKey := e.NewKey()

	e.FreshEvents()
	e.Apply(e.SignerChangeMsg(sqSeq1, 2, newPub))

	s := e.Seq(sqSeq1)
	want := old
	want.Signer, want.PubKey, want.L1Nonce = newKey.L1Address(), newPub, 2
	require.Equal(t, want, s)

	_, err := e.K.GetSequencerBySigner(e.Ctx, oldKey.L1Address())
	require.ErrorIs(t, err, types.ErrSequencerNotFound)
	got, err := e.K.GetSequencerBySigner(e.Ctx, newKey.L1Address())
	require.NoError(t, err)
	require.Equal(t, s, got)
	has, err := e.K.AccountIndex.Has(e.Ctx, oldKey.AccAddress())
	require.NoError(t, err)
	require.False(t, has)
	id, err := e.K.AccountIndex.Get(e.Ctx, newKey.AccAddress())
	require.NoError(t, err)
	require.Equal(t, sqSeq1, id)
	has, err = e.K.OwnerIndex.Has(e.Ctx, collections.Join(old.Owner, sqSeq1))
	require.NoError(t, err)
	require.True(t, has)

	st := sqDump(t, e)
	require.Len(t, st.SignerIndex, 2)
	require.Len(t, st.AccountIndex, 2)
	require.Equal(t, []*types.EventSignerChanged{{SequencerId: sqSeq1, OldSigner: oldKey.L1Address(), NewSigner: newKey.L1Address()}},
		sequencertest.TypedEvents[*types.EventSignerChanged](t, e.Ctx))

	// The validator set carries the new consensus key.
	set, err := e.K.ActiveValidatorSet(e.Ctx)
	require.NoError(t, err)
	var keys [][]byte
	for _, v := range set.Validators {
		keys = append(keys, v.PubKey)
	}
	require.Contains(t, keys, newKey.Compressed())
	require.NotContains(t, keys, oldKey.Compressed())

	// The retired key was a consensus key and an account: nobody may use it again. L1
	// never binds a used signer again; if a confirmed event did, the chain would apply
	// it without indexing the key or admitting its sequencer (signer_conflict,
	// TestSignerConflictAlarmsAndAdvancesNonce).
	require.Equal(t, []string{oldKey.L1Address()}, st.Retired)
	e.Apply(e.LockMsg(2, sqOwner(1), old.PubKey, sqTokens(30_000)))
	require.True(t, e.Seq(2).SignerConflict)
	require.Equal(t, types.SEQUENCER_STATUS_NOT_ADMITTED, e.Seq(2).Status)
	_, err = e.K.GetSequencerBySigner(e.Ctx, oldKey.L1Address())
	require.ErrorIs(t, err, types.ErrSequencerNotFound, "a retired key is never indexed again")
	require.Equal(t, []string{oldKey.L1Address()}, sqDump(t, e).Retired)

	// A second change works from the new nonce.
	third, thirdKey := e.NewKey()
	e.Apply(e.SignerChangeMsg(sqSeq1, 3, third))
	require.Equal(t, thirdKey.L1Address(), e.Seq(sqSeq1).Signer)
	require.Equal(t, types.SEQUENCER_STATUS_ACTIVE, e.Seq(sqSeq1).Status)
	st = sqDump(t, e)
	require.Len(t, st.SignerIndex, 2)
	require.Equal(t, sqSorted(oldKey.L1Address(), newKey.L1Address()), st.Retired)
}

func TestLifecycle_SignerChangeWhileJailedOrUnlocking(t *testing.T) {
	for _, setup := range []struct {
		name string
		do   func(t *testing.T, e *sequencertest.Env)
	}{
		{"JAILED", func(t *testing.T, e *sequencertest.Env) { sqSetStatus(t, e, sqSeq1, types.SEQUENCER_STATUS_JAILED) }},
		{"UNLOCKING", func(t *testing.T, e *sequencertest.Env) { sqExit(t, e, sqSeq1, false) }},
	} {
		t.Run(setup.name, func(t *testing.T) {
			e := sqPool(t)
			setup.do(t, e)
			nonce := e.Seq(sqSeq1).L1Nonce + 1
			pub, key := e.NewKey()
			e.Apply(e.SignerChangeMsg(sqSeq1, nonce, pub))
			require.Equal(t, key.L1Address(), e.Seq(sqSeq1).Signer)
		})
	}
}

// A whole sequence in one go: each event in order, resolved one block after another.
func TestLifecycle_FullSequenceNonces(t *testing.T) {
	e := sequencertest.NewEnv(t)
	e.Whitelist(sqOwner(1))
	pub, _ := e.NewKey()
	pub2, _ := e.NewKey()
	msgs := []types.L1EventMsg{
		e.LockMsg(1, sqOwner(1), pub, sqTokens(20_000)),
		e.RelockMsg(1, 2, sqTokens(5_000), sqTokens(25_000)),
		e.WithdrawMsg(1, 3, sqTokens(2_000), sqTokens(23_000)),
		e.SignerChangeMsg(1, 4, pub2),
		e.UnlockInitMsg(1, 5),
		e.UnlockClaimMsg(1, 6, sqTokens(23_000)),
	}
	// Events of a sequencer can only be queued once its lock is applied.
	e.MustRelay(msgs[0])
	_, err := e.Relay(msgs[1])
	require.ErrorIs(t, err, types.ErrSequencerNotFound)
	e.ApproveAll()
	for _, m := range msgs[1:] {
		e.MustRelay(m)
	}
	require.Equal(t, uint64(len(msgs)-1), e.PendingCount())
	e.ApproveAll() // in id order, each one is the next nonce
	require.Zero(t, e.PendingCount())
	s := e.Seq(1)
	require.Equal(t, types.SEQUENCER_STATUS_UNLOCKED, s.Status)
	require.Equal(t, uint64(6), s.L1Nonce)
	require.True(t, s.Locked.IsZero())
	require.Equal(t, sequencertest.MustSignerKey(t, pub2).L1Address(), s.Signer)
	for _, m := range msgs {
		ok, err := e.K.AppliedEvents.Has(e.Ctx, types.EventKey(m.GetEvent()))
		require.NoError(t, err)
		require.True(t, ok, fmt.Sprintf("%T applied", m))
	}
}
