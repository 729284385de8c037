package keeper_test

import (
	"testing"

	"cosmossdk.io/collections"
	"cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	sequencertest "github.com/themis-network/themis/testutil/sequencer"
	"github.com/themis-network/themis/x/sequencer/types"
)

// L1 is authoritative: every confirmed contract event is applied in nonce order. What
// the chain disagrees with changes status or power and raises an alarm (a typed event
// and a stored Disagreement); it never refuses the event, which would wedge every later
// event of that sequencer behind a nonce that never comes.

// sqDisagreement returns the stored alarm of (id, nonce), which must exist.
func sqDisagreement(t *testing.T, e *sequencertest.Env, id, nonce uint64) types.Disagreement {
	t.Helper()
	d, err := e.K.Disagreements.Get(e.Ctx, collections.Join(id, nonce))
	require.NoError(t, err, "no disagreement recorded for sequencer %d nonce %d", id, nonce)
	return d
}

func sqReasons(d types.Disagreement) []types.DisagreementReason {
	out := make([]types.DisagreementReason, 0, len(d.Findings))
	for _, f := range d.Findings {
		out = append(out, f.Reason)
	}
	return out
}

// sqAlarmReasons are the reasons of the EventL1Disagreement events emitted on e.Ctx.
func sqAlarmReasons(t *testing.T, e *sequencertest.Env) []types.DisagreementReason {
	t.Helper()
	var out []types.DisagreementReason
	for _, ev := range sequencertest.TypedEvents[*types.EventL1Disagreement](t, e.Ctx) {
		out = append(out, ev.Reason)
	}
	return out
}

func sqNoDisagreement(t *testing.T, e *sequencertest.Env, id, nonce uint64) {
	t.Helper()
	has, err := e.K.Disagreements.Has(e.Ctx, collections.Join(id, nonce))
	require.NoError(t, err)
	require.False(t, has, "sequencer %d nonce %d raised an alarm", id, nonce)
}

// sqSetLockLimits applies the contract's LockLimitsUpdated (whole tokens) the way the
// chain learns it: relayed and approved, with the next configNonce.
func sqSetLockLimits(t *testing.T, e *sequencertest.Env, minWhole, maxWhole int64) {
	t.Helper()
	e.Apply(e.LockLimitsMsg(minWhole, maxWhole))
	c, err := e.K.L1Config.Get(e.Ctx)
	require.NoError(t, err)
	require.Equal(t, sqTokens(minWhole), c.MinLock, "the limits change applied")
}

func sqInSet(t *testing.T, e *sequencertest.Env, id uint64) bool {
	t.Helper()
	set, err := e.K.ActiveValidatorSet(e.Ctx)
	require.NoError(t, err)
	for _, v := range set.Validators {
		if v.SequencerId == id {
			return true
		}
	}
	return false
}

// The attack (or accident) this pins: a withdrawal the contract accepted under its
// minimum at the time, relayed after a raise of min_lock reached the chain. The old
// chain dropped such an event without moving the nonce (every later event waited for
// ever while the sequencer kept its power and could unlock and claim on L1); later it
// applied it but took the sequencer's admission, so the chain's state depended on the
// relay order. Now min_lock is the contract's (mirrored), the stake is not an admission
// input, and the event applies like any other.
func TestWithdrawalRelayedAfterAMinLockRaiseApplies(t *testing.T) {
	e := sqPool(t) // sequencer 1: ACTIVE, 30,000, nonce 1
	sqSetLockLimits(t, e, 28_000, 100_000)
	withdraw := e.WithdrawMsg(sqSeq1, 2, sqTokens(5_000), sqTokens(25_000))
	e.MustRelay(withdraw)
	unlock := e.UnlockInitMsg(sqSeq1, 3) // relayed behind it, in the same block
	e.MustRelay(unlock)
	e.FreshEvents()
	e.ApproveAll() // 2 applies, 3 follows in the same pass (id order = nonce order)

	s := e.Seq(sqSeq1)
	require.Equal(t, uint64(3), s.L1Nonce, "the nonce chain moved on")
	require.Equal(t, sqTokens(25_000), s.Locked, "locked is L1's total")
	require.Equal(t, types.SEQUENCER_STATUS_UNLOCKING, s.Status, "the unlock behind it applied")
	require.Zero(t, e.PendingCount())
	require.Empty(t, sqRejections(t, e))
	sqNoDisagreement(t, e, sqSeq1, 2)
	sqNoDisagreement(t, e, sqSeq1, 3)
	require.Empty(t, sqAlarmReasons(t, e))

	// Either relay order gives the same state: the withdrawal before the raise, or after.
	t.Run("the relay order decides nothing", func(t *testing.T) {
		after := sqPool(t)
		sqSetLockLimits(t, after, 28_000, 100_000)
		after.Apply(after.WithdrawMsg(sqSeq1, 2, sqTokens(5_000), sqTokens(25_000)))
		before := sqPool(t)
		before.Apply(before.WithdrawMsg(sqSeq1, 2, sqTokens(5_000), sqTokens(25_000)))
		sqSetLockLimits(t, before, 28_000, 100_000)
		for _, e := range []*sequencertest.Env{after, before} {
			s := e.Seq(sqSeq1)
			require.Equal(t, types.SEQUENCER_STATUS_ACTIVE, s.Status)
			require.Empty(t, s.StatusReason)
			require.Equal(t, int64(25_000), sqPower(t, e, sqSeq1))
			require.True(t, sqInSet(t, e, sqSeq1))
		}
	})
}

// A lock by an owner L1 let in but the chain has not whitelisted is recorded as L1 says
// (stake, key, nonce), NOT_ADMITTED with no power; governance whitelisting the owner
// admits it. Before the fix the relay itself was refused, so the pool never learnt the
// lock and every later event of the sequencer was stuck.
func TestLockByNonWhitelistedOwnerIsRecordedNotAdmitted(t *testing.T) {
	e := sqPool(t)
	owner := sqOwner(77)
	pub, key := e.NewKey()
	lock := e.LockMsg(2, owner, pub, sqTokens(30_000))
	e.MustRelay(lock)
	e.FreshEvents()
	e.ApproveAll()

	s := e.Seq(2)
	require.Equal(t, types.SEQUENCER_STATUS_NOT_ADMITTED, s.Status)
	require.Equal(t, "owner "+owner+" is not whitelisted", s.StatusReason)
	require.Equal(t, sqTokens(30_000), s.Locked)
	require.Equal(t, key.L1Address(), s.Signer)
	require.Equal(t, uint64(1), s.L1Nonce)
	require.False(t, s.SignerConflict)
	require.Zero(t, s.ActivationHeight)
	require.Zero(t, sqPower(t, e, 2))
	require.False(t, sqInSet(t, e, 2))
	bySigner, err := e.K.GetSequencerBySigner(e.Ctx, key.L1Address())
	require.NoError(t, err, "the key is the sequencer's: indexed")
	require.Equal(t, uint64(2), bySigner.Id)
	require.Equal(t, []types.DisagreementReason{types.DISAGREEMENT_REASON_NOT_WHITELISTED}, sqReasons(sqDisagreement(t, e, 2, 1)))
	require.Equal(t, []*types.EventSequencerStatusChanged{{SequencerId: 2, From: types.SEQUENCER_STATUS_UNSPECIFIED,
		To: types.SEQUENCER_STATUS_NOT_ADMITTED, Reason: s.StatusReason}}, sequencertest.TypedEvents[*types.EventSequencerStatusChanged](t, e.Ctx))
	require.Equal(t, []*types.EventStakeChanged{{SequencerId: 2, Locked: sqTokens(30_000).String(), Power: 0}},
		sequencertest.TypedEvents[*types.EventStakeChanged](t, e.Ctx))

	// Not admitted means not a relayer either.
	m := e.RelockMsg(sqSeq1, 2, sqTokens(1), sqTokens(30_001))
	m.Submitter = e.Account(key)
	_, err = e.Relay(m)
	require.ErrorIs(t, err, types.ErrNotSequencer)

	// Its later events are not wedged: a relock applies, still without power.
	e.Apply(e.RelockMsg(2, 2, sqTokens(1_000), sqTokens(31_000)))
	require.Equal(t, uint64(2), e.Seq(2).L1Nonce)
	require.Equal(t, types.SEQUENCER_STATUS_NOT_ADMITTED, e.Seq(2).Status)
	require.Zero(t, sqPower(t, e, 2))
	sqNoDisagreement(t, e, 2, 2)

	// Governance admits the owner: the sequencer becomes ACTIVE with its power.
	e.AtHeight(15)
	e.FreshEvents()
	e.Whitelist(owner)
	s = e.Seq(2)
	require.Equal(t, types.SEQUENCER_STATUS_ACTIVE, s.Status)
	require.Empty(t, s.StatusReason)
	require.Equal(t, int64(15), s.ActivationHeight)
	require.Equal(t, int64(31_000), sqPower(t, e, 2))
	require.True(t, sqInSet(t, e, 2))
	require.Equal(t, []*types.EventSequencerStatusChanged{{SequencerId: 2, From: types.SEQUENCER_STATUS_NOT_ADMITTED, To: types.SEQUENCER_STATUS_ACTIVE}},
		sequencertest.TypedEvents[*types.EventSequencerStatusChanged](t, e.Ctx))

	// Removing the owner again offboards it; its L1 events still apply in nonce order.
	_, err = e.Msg.UpdateWhitelist(e.Ctx, &types.MsgUpdateWhitelist{Authority: e.Authority, Remove: []string{owner}})
	require.NoError(t, err)
	require.Equal(t, types.SEQUENCER_STATUS_NOT_ADMITTED, e.Seq(2).Status)
	e.Apply(e.RelockMsg(2, 3, sqTokens(1_000), sqTokens(32_000)))
	require.Equal(t, uint64(3), e.Seq(2).L1Nonce)
	require.Equal(t, types.SEQUENCER_STATUS_NOT_ADMITTED, e.Seq(2).Status, "a relock does not re-admit a removed owner")
	require.Zero(t, sqPower(t, e, 2))
}

// Whitelisting admits only what meets every other rule, and only NOT_ADMITTED records:
// a lock whose signer is banned stays out, an unlocking one is never admitted, and the
// stake (here below a raised min_lock) is not a rule.
func TestWhitelistingAdmitsOnlyWhatMeetsEveryRule(t *testing.T) {
	e := sqPool(t)
	owner := sqOwner(77)
	pubA, _ := e.NewKey()
	pubB, _ := e.NewKey()
	pubC, _ := e.NewKey()
	e.Apply(e.LockMsg(2, owner, pubA, sqTokens(30_000)))
	e.Apply(e.LockMsg(3, owner, pubB, sqTokens(30_000)))
	e.Apply(e.LockMsg(4, owner, pubC, sqTokens(30_000)))
	sqSetLockLimits(t, e, 25_000, 100_000)
	e.Apply(e.WithdrawMsg(3, 2, sqTokens(10_000), sqTokens(20_000))) // accepted on L1 before the raise
	sqExit(t, e, 4, false)                                           // unlocking on L1

	e.Whitelist(owner)
	require.Equal(t, types.SEQUENCER_STATUS_ACTIVE, e.Seq(2).Status)
	s3 := e.Seq(3)
	require.Equal(t, types.SEQUENCER_STATUS_ACTIVE, s3.Status, "the stake is L1's, not an admission rule")
	require.Equal(t, int64(20_000), sqPower(t, e, 3))
	require.Equal(t, types.SEQUENCER_STATUS_UNLOCKING, e.Seq(4).Status, "an unlocking lock is never admitted")
}

// A lock by a banned owner, or with a banned signer, is recorded with its stake and key,
// BANNED with no power, and can never be admitted.
func TestBannedOwnerLockRecordedWithoutPower(t *testing.T) {
	e := sqPool(t)
	owner := sqOwner(66)
	e.Whitelist(owner)
	require.NoError(t, e.K.Banned.Set(e.Ctx, owner))
	pub, key := e.NewKey()
	e.FreshEvents()
	e.Apply(e.LockMsg(2, owner, pub, sqTokens(50_000)))

	s := e.Seq(2)
	require.Equal(t, types.SEQUENCER_STATUS_BANNED, s.Status)
	require.Equal(t, "owner "+owner+" is banned", s.StatusReason)
	require.Equal(t, sqTokens(50_000), s.Locked)
	require.Equal(t, key.L1Address(), s.Signer)
	require.Zero(t, sqPower(t, e, 2))
	require.False(t, sqInSet(t, e, 2))
	require.Equal(t, []types.DisagreementReason{types.DISAGREEMENT_REASON_BANNED}, sqReasons(sqDisagreement(t, e, 2, 1)))
	require.Equal(t, []types.DisagreementReason{types.DISAGREEMENT_REASON_BANNED}, sqAlarmReasons(t, e))

	// Banned stays banned: governance cannot admit the owner, and a relock does not help.
	_, err := e.Msg.UpdateWhitelist(e.Ctx, &types.MsgUpdateWhitelist{Authority: e.Authority, Add: []string{owner}})
	require.ErrorIs(t, err, types.ErrBanned)
	e.Apply(e.RelockMsg(2, 2, sqTokens(1), sqTokens(50_001)))
	require.Equal(t, types.SEQUENCER_STATUS_BANNED, e.Seq(2).Status)
	// Its exit is mirrored like anyone's.
	sqExit(t, e, 2, true)
	require.Equal(t, uint64(4), e.Seq(2).L1Nonce)
	require.True(t, e.Seq(2).Locked.IsZero())

	t.Run("banned signer", func(t *testing.T) {
		e := sqPool(t)
		pub, key := e.NewKey()
		require.NoError(t, e.K.Banned.Set(e.Ctx, key.L1Address()))
		e.Apply(e.LockMsg(2, sqOwner(1), pub, sqTokens(30_000))) // a whitelisted owner
		s := e.Seq(2)
		require.Equal(t, types.SEQUENCER_STATUS_BANNED, s.Status)
		require.Equal(t, "signer "+key.L1Address()+" is banned", s.StatusReason)
		require.Zero(t, sqPower(t, e, 2))
		e.Whitelist(sqOwner(1)) // admitting the owner again does not touch a BANNED record
		require.Equal(t, types.SEQUENCER_STATUS_BANNED, e.Seq(2).Status)
	})
}

// Amounts that do not add up against the chain's record: L1's total wins (locked =
// total, power follows), the nonce moves on, and an alarm is raised.
func TestInconsistentTotalFollowsL1AndAlarms(t *testing.T) {
	for _, tc := range []struct {
		name   string
		msg    func(e *sequencertest.Env) types.L1EventMsg
		locked math.Int
		power  int64
	}{
		{"relock total above locked + amount", func(e *sequencertest.Env) types.L1EventMsg {
			return e.RelockMsg(sqSeq1, 2, sqTokens(5), sqTokens(40_000))
		}, sqTokens(40_000), 40_000},
		{"relock off by one base unit", func(e *sequencertest.Env) types.L1EventMsg {
			return e.RelockMsg(sqSeq1, 2, sqTokens(5), sqTokens(30_005).AddRaw(1))
		}, sqTokens(30_005).AddRaw(1), 30_005},
		{"withdrawal total + amount is not locked", func(e *sequencertest.Env) types.L1EventMsg {
			return e.WithdrawMsg(sqSeq1, 2, sqTokens(1), sqTokens(25_000))
		}, sqTokens(25_000), 25_000},
		{"slash total too low", func(e *sequencertest.Env) types.L1EventMsg {
			return e.SlashMsg(sqSeq1, 2, 1, sqTokens(1_000), sqTokens(28_500))
		}, sqTokens(28_500), 28_500},
		{"slash of nothing that lowers", func(e *sequencertest.Env) types.L1EventMsg {
			return e.SlashMsg(sqSeq1, 2, 1, math.ZeroInt(), sqTokens(29_000))
		}, sqTokens(29_000), 29_000},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := sqPool(t)
			msg := tc.msg(e)
			e.FreshEvents()
			e.Apply(msg)
			s := e.Seq(sqSeq1)
			require.Equal(t, uint64(2), s.L1Nonce)
			require.Equal(t, tc.locked, s.Locked, "locked is L1's total")
			require.Equal(t, types.SEQUENCER_STATUS_ACTIVE, s.Status)
			require.Equal(t, tc.power, sqPower(t, e, sqSeq1))
			require.Empty(t, sqRejections(t, e))
			d := sqDisagreement(t, e, sqSeq1, 2)
			require.Equal(t, []types.DisagreementReason{types.DISAGREEMENT_REASON_AMOUNT_MISMATCH}, sqReasons(d))
			require.Equal(t, msg.GetEvent(), d.Event)
			alarms := sequencertest.TypedEvents[*types.EventL1Disagreement](t, e.Ctx)
			require.Len(t, alarms, 1)
			require.Equal(t, types.EventL1Disagreement{SequencerId: sqSeq1, Nonce: 2, Event: msg.GetEvent(), MsgType: d.MsgType,
				Reason: types.DISAGREEMENT_REASON_AMOUNT_MISMATCH, Detail: d.Findings[0].Detail}, *alarms[0])
			require.Len(t, sequencertest.TypedEvents[*types.EventStakeChanged](t, e.Ctx), 1)
		})
	}

	t.Run("claim of another amount", func(t *testing.T) {
		e := sqPool(t)
		sqExit(t, e, sqSeq1, false)
		e.Apply(e.UnlockClaimMsg(sqSeq1, 3, sqTokens(29_000)))
		s := e.Seq(sqSeq1)
		require.Equal(t, types.SEQUENCER_STATUS_UNLOCKED, s.Status)
		require.True(t, s.Locked.IsZero())
		require.Equal(t, []types.DisagreementReason{types.DISAGREEMENT_REASON_AMOUNT_MISMATCH}, sqReasons(sqDisagreement(t, e, sqSeq1, 3)))
	})
}

// A sequencer the chain has not admitted still moves as L1 says: its exit applies.
func TestUnlockOfNotAdmittedSequencerApplies(t *testing.T) {
	e := sqPool(t)
	owner := sqOwner(77)
	pub, _ := e.NewKey()
	e.Apply(e.LockMsg(2, owner, pub, sqTokens(30_000)))
	require.Equal(t, types.SEQUENCER_STATUS_NOT_ADMITTED, e.Seq(2).Status)

	e.AtHeight(20)
	unlock := e.UnlockInitMsg(2, 2)
	e.FreshEvents()
	e.Apply(unlock)
	s := e.Seq(2)
	require.Equal(t, types.SEQUENCER_STATUS_UNLOCKING, s.Status)
	require.Empty(t, s.StatusReason)
	require.Zero(t, s.DeactivationHeight, "it was never in the set")
	require.Equal(t, uint64(2), s.L1Nonce)
	require.Equal(t, e.Ctx.BlockTime().Add(defaultExitDelay), s.UnlockClaimableAt)
	sqNoDisagreement(t, e, 2, 2)

	// Whitelisting the owner now does not admit a lock that is leaving.
	e.Whitelist(owner)
	require.Equal(t, types.SEQUENCER_STATUS_UNLOCKING, e.Seq(2).Status)

	e.Apply(e.UnlockClaimMsg(2, 3, sqTokens(30_000)))
	s = e.Seq(2)
	require.Equal(t, types.SEQUENCER_STATUS_UNLOCKED, s.Status)
	require.True(t, s.Locked.IsZero())
	require.Equal(t, uint64(3), s.L1Nonce)
	sqNoDisagreement(t, e, 2, 3)
}

// A signer change to a key the chain cannot index (another sequencer's, a retired one)
// is applied as L1 says: the record carries the key unindexed (signer_conflict), the
// sequencer is NOT_ADMITTED with no power, an alarm is raised, and the nonce moves on;
// the holder keeps its key. A later change to a usable key admits it again.
func TestSignerConflictAlarmsAndAdvancesNonce(t *testing.T) {
	e := sqPool(t)
	relayerPub := e.Seq(sequencertest.RelayerID).PubKey
	oldKey := sequencertest.MustSignerKey(t, e.Seq(sqSeq1).PubKey)
	change := e.SignerChangeMsg(sqSeq1, 2, relayerPub)
	e.MustRelay(change)
	relock := e.RelockMsg(sqSeq1, 3, sqTokens(1_000), sqTokens(31_000))
	e.MustRelay(relock)
	e.FreshEvents()
	e.ApproveAll()

	s := e.Seq(sqSeq1)
	require.Equal(t, uint64(3), s.L1Nonce, "the change and the relock behind it applied")
	require.Equal(t, sqTokens(31_000), s.Locked)
	require.Equal(t, relayerPub, s.PubKey, "the key is L1's")
	require.True(t, s.SignerConflict)
	require.Equal(t, types.SEQUENCER_STATUS_NOT_ADMITTED, s.Status)
	require.Contains(t, s.StatusReason, "held by another sequencer")
	require.Zero(t, sqPower(t, e, sqSeq1))
	require.Empty(t, sqRejections(t, e))
	d := sqDisagreement(t, e, sqSeq1, 2)
	require.Equal(t, []types.DisagreementReason{types.DISAGREEMENT_REASON_SIGNER_CONFLICT}, sqReasons(d))
	require.Contains(t, d.Findings[0].Detail, "belongs to sequencer 1000")

	// The holder keeps its key and its power; the old key is retired.
	holder, err := e.K.GetSequencerBySigner(e.Ctx, s.Signer)
	require.NoError(t, err)
	require.Equal(t, sequencertest.RelayerID, holder.Id)
	acc, err := e.K.AccountIndex.Get(e.Ctx, e.RelayerKey.AccAddress())
	require.NoError(t, err)
	require.Equal(t, sequencertest.RelayerID, acc)
	require.True(t, sqInSet(t, e, sequencertest.RelayerID))
	require.False(t, sqInSet(t, e, sqSeq1))
	st := sqDump(t, e)
	require.Equal(t, []string{oldKey.L1Address()}, st.Retired)
	require.Len(t, st.SignerIndex, 1, "only the relayer is indexed")
	e.MustRelay(e.RelockMsg(sqSeq1, 4, sqTokens(1), sqTokens(31_001))) // the relayer still relays

	// L1 rotates to a fresh key: indexed, conflict cleared, admitted again. The
	// conflicting key is not retired (it is the holder's).
	e.ApproveAll()
	fresh, freshKey := e.NewKey()
	e.Apply(e.SignerChangeMsg(sqSeq1, 5, fresh))
	s = e.Seq(sqSeq1)
	require.False(t, s.SignerConflict)
	require.Equal(t, types.SEQUENCER_STATUS_ACTIVE, s.Status)
	require.Equal(t, int64(31_001), sqPower(t, e, sqSeq1))
	got, err := e.K.GetSequencerBySigner(e.Ctx, freshKey.L1Address())
	require.NoError(t, err)
	require.Equal(t, sqSeq1, got.Id)
	require.Equal(t, []string{oldKey.L1Address()}, sqDump(t, e).Retired)
	sqNoDisagreement(t, e, sqSeq1, 5)

	for _, tc := range []struct {
		name   string
		key    func(t *testing.T, e *sequencertest.Env) []byte
		reason types.DisagreementReason
		detail string
	}{
		{"a retired key", func(t *testing.T, e *sequencertest.Env) []byte {
			_, _ = e.Join(2, sqOwner(2), sqTokens(30_000))
			retired := e.Seq(2).PubKey
			pub, _ := e.NewKey()
			e.Apply(e.SignerChangeMsg(2, 2, pub))
			return retired
		}, types.DISAGREEMENT_REASON_SIGNER_CONFLICT, "was retired"},
		{"its own current key", func(t *testing.T, e *sequencertest.Env) []byte {
			return e.Seq(sqSeq1).PubKey
		}, types.DISAGREEMENT_REASON_SIGNER_CONFLICT, "was retired"},
		{"a banned key", func(t *testing.T, e *sequencertest.Env) []byte {
			pub, key := e.NewKey()
			require.NoError(t, e.K.Banned.Set(e.Ctx, key.L1Address()))
			return pub
		}, types.DISAGREEMENT_REASON_BANNED, "is banned"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := sqPool(t)
			pub := tc.key(t, e)
			e.Apply(e.SignerChangeMsg(sqSeq1, 2, pub))
			s := e.Seq(sqSeq1)
			require.Equal(t, uint64(2), s.L1Nonce)
			require.Equal(t, pub, s.PubKey)
			require.Equal(t, types.SEQUENCER_STATUS_NOT_ADMITTED, s.Status)
			require.Zero(t, sqPower(t, e, sqSeq1))
			d := sqDisagreement(t, e, sqSeq1, 2)
			require.Equal(t, []types.DisagreementReason{tc.reason}, sqReasons(d))
			require.Contains(t, d.Findings[0].Detail, tc.detail)
		})
	}

	t.Run("a lock with a key in use", func(t *testing.T) {
		e := sqPool(t)
		holderPub := e.Seq(sqSeq1).PubKey
		e.Apply(e.LockMsg(2, sqOwner(1), holderPub, sqTokens(30_000)))
		s := e.Seq(2)
		require.True(t, s.SignerConflict)
		require.Equal(t, types.SEQUENCER_STATUS_NOT_ADMITTED, s.Status)
		require.Equal(t, []types.DisagreementReason{types.DISAGREEMENT_REASON_SIGNER_CONFLICT}, sqReasons(sqDisagreement(t, e, 2, 1)))
		holder, err := e.K.GetSequencerBySigner(e.Ctx, s.Signer)
		require.NoError(t, err)
		require.Equal(t, sqSeq1, holder.Id, "the index keeps its holder")
		require.Equal(t, types.SEQUENCER_STATUS_ACTIVE, e.Seq(sqSeq1).Status)
		// Its own signer change away from the conflict neither unindexes nor retires the holder's key.
		pub, _ := e.NewKey()
		e.Apply(e.SignerChangeMsg(2, 2, pub))
		require.Equal(t, types.SEQUENCER_STATUS_ACTIVE, e.Seq(2).Status)
		holder, err = e.K.GetSequencerBySigner(e.Ctx, e.Seq(sqSeq1).Signer)
		require.NoError(t, err)
		require.Equal(t, sqSeq1, holder.Id)
		require.Empty(t, sqDump(t, e).Retired)
	})
}

// An event the contract cannot emit in the status the chain has is applied as L1 says:
// the status follows L1, with an alarm. Where L1 shows the lock alive the chain decides
// admission again.
func TestStatusFollowsL1AndAlarms(t *testing.T) {
	t.Run("claim without an unlock", func(t *testing.T) {
		e := sqPool(t)
		e.Apply(e.UnlockClaimMsg(sqSeq1, 2, sqTokens(30_000)))
		s := e.Seq(sqSeq1)
		require.Equal(t, types.SEQUENCER_STATUS_UNLOCKED, s.Status)
		require.True(t, s.Locked.IsZero())
		require.Equal(t, uint64(2), s.L1Nonce)
		require.Zero(t, sqPower(t, e, sqSeq1))
		require.Equal(t, []types.DisagreementReason{types.DISAGREEMENT_REASON_STATUS_MISMATCH}, sqReasons(sqDisagreement(t, e, sqSeq1, 2)))
	})
	t.Run("relock after the claim", func(t *testing.T) {
		e := sqPool(t)
		sqExit(t, e, sqSeq1, true)
		e.Apply(e.RelockMsg(sqSeq1, 4, sqTokens(1), sqTokens(1)))
		s := e.Seq(sqSeq1)
		require.Equal(t, sqTokens(1), s.Locked)
		require.Equal(t, types.SEQUENCER_STATUS_ACTIVE, s.Status, "L1 shows it locked; the stake is not an admission rule")
		require.Equal(t, int64(1), sqPower(t, e, sqSeq1))
		require.Equal(t, []types.DisagreementReason{types.DISAGREEMENT_REASON_STATUS_MISMATCH}, sqReasons(sqDisagreement(t, e, sqSeq1, 4)))
	})
	t.Run("relock while unlocking, admitted", func(t *testing.T) {
		e := sqPool(t)
		sqExit(t, e, sqSeq1, false)
		e.Apply(e.RelockMsg(sqSeq1, 3, sqTokens(1), sqTokens(30_001)))
		s := e.Seq(sqSeq1)
		require.Equal(t, types.SEQUENCER_STATUS_ACTIVE, s.Status, "L1 shows it active and it meets every rule")
		require.True(t, s.UnlockClaimableAt.IsZero(), "no exit is pending")
		require.Equal(t, int64(30_001), sqPower(t, e, sqSeq1))
		require.Equal(t, []types.DisagreementReason{types.DISAGREEMENT_REASON_STATUS_MISMATCH}, sqReasons(sqDisagreement(t, e, sqSeq1, 3)))
	})
	t.Run("withdrawal while unlocking", func(t *testing.T) {
		e := sqPool(t)
		sqExit(t, e, sqSeq1, false)
		e.Apply(e.WithdrawMsg(sqSeq1, 3, sqTokens(1), sqTokens(29_999)))
		require.Equal(t, sqTokens(29_999), e.Seq(sqSeq1).Locked)
		require.Equal(t, []types.DisagreementReason{types.DISAGREEMENT_REASON_STATUS_MISMATCH}, sqReasons(sqDisagreement(t, e, sqSeq1, 3)))
	})
	t.Run("second unlock", func(t *testing.T) {
		e := sqPool(t)
		sqExit(t, e, sqSeq1, false)
		unlock := e.UnlockInitMsg(sqSeq1, 3)
		unlock.UnlockableAt += 60
		e.Apply(unlock)
		s := e.Seq(sqSeq1)
		require.Equal(t, types.SEQUENCER_STATUS_UNLOCKING, s.Status)
		require.Equal(t, int64(unlock.UnlockableAt), s.UnlockClaimableAt.Unix(), "the claim time is L1's latest")
		require.Equal(t, []types.DisagreementReason{types.DISAGREEMENT_REASON_STATUS_MISMATCH}, sqReasons(sqDisagreement(t, e, sqSeq1, 3)))
	})
	t.Run("signer change after the claim", func(t *testing.T) {
		e := sqPool(t)
		sqExit(t, e, sqSeq1, true)
		pub, _ := e.NewKey()
		e.Apply(e.SignerChangeMsg(sqSeq1, 4, pub))
		s := e.Seq(sqSeq1)
		require.Equal(t, pub, s.PubKey)
		require.Equal(t, types.SEQUENCER_STATUS_ACTIVE, s.Status, "L1 shows it locked: admitted again")
		require.Zero(t, sqPower(t, e, sqSeq1), "with the stake the chain knows (none): no power, not in the set")
		require.False(t, sqInSet(t, e, sqSeq1))
		err := e.K.CheckRelayer(e.Ctx, e.Account(sequencertest.MustSignerKey(t, pub)))
		require.ErrorIs(t, err, types.ErrNotSequencer, "and without power it does not relay")
		require.Equal(t, []types.DisagreementReason{types.DISAGREEMENT_REASON_STATUS_MISMATCH}, sqReasons(sqDisagreement(t, e, sqSeq1, 4)))
	})
	t.Run("a lock the chain disagrees with twice", func(t *testing.T) {
		e := sqPool(t)
		pub, key := e.NewKey()
		require.NoError(t, e.K.Banned.Set(e.Ctx, key.L1Address()))
		e.Apply(e.LockMsg(2, sqOwner(88), pub, sqTokens(10_000)))
		require.Equal(t, []types.DisagreementReason{types.DISAGREEMENT_REASON_BANNED, types.DISAGREEMENT_REASON_NOT_WHITELISTED},
			sqReasons(sqDisagreement(t, e, 2, 1)))
		require.Equal(t, types.SEQUENCER_STATUS_BANNED, e.Seq(2).Status)
		require.Equal(t, "signer "+key.L1Address()+" is banned; owner "+sqOwner(88)+" is not whitelisted", e.Seq(2).StatusReason)
	})
}

// The queue refuses only what cannot be a genuine contract event the chain has not
// applied; a policy disagreement is queued for the vote like any event.
func TestQueueRefusesOnlyFakesNotPolicy(t *testing.T) {
	for _, tc := range []struct {
		name string
		msg  func(t *testing.T, e *sequencertest.Env) types.L1EventMsg
	}{
		{"lock by an owner not whitelisted", func(_ *testing.T, e *sequencertest.Env) types.L1EventMsg {
			pub, _ := e.NewKey()
			return e.LockMsg(2, sqOwner(77), pub, sqTokens(30_000))
		}},
		{"lock below min_lock", func(_ *testing.T, e *sequencertest.Env) types.L1EventMsg {
			pub, _ := e.NewKey()
			return e.LockMsg(2, sqOwner(1), pub, sqTokens(1))
		}},
		{"lock by a banned owner", func(t *testing.T, e *sequencertest.Env) types.L1EventMsg {
			require.NoError(t, e.K.Banned.Set(e.Ctx, sqOwner(1)))
			pub, _ := e.NewKey()
			return e.LockMsg(2, sqOwner(1), pub, sqTokens(30_000))
		}},
		{"lock with a signer in use", func(_ *testing.T, e *sequencertest.Env) types.L1EventMsg {
			return e.LockMsg(2, sqOwner(1), e.Seq(sqSeq1).PubKey, sqTokens(30_000))
		}},
		{"withdrawal below min_lock", func(_ *testing.T, e *sequencertest.Env) types.L1EventMsg {
			return e.WithdrawMsg(sqSeq1, 2, sqTokens(20_000), sqTokens(10_000))
		}},
		{"relock after the claim", func(t *testing.T, e *sequencertest.Env) types.L1EventMsg {
			sqExit(t, e, sqSeq1, true)
			return e.RelockMsg(sqSeq1, 4, sqTokens(1), sqTokens(1))
		}},
		{"unlock while unlocking", func(t *testing.T, e *sequencertest.Env) types.L1EventMsg {
			sqExit(t, e, sqSeq1, false)
			return e.UnlockInitMsg(sqSeq1, 3)
		}},
		{"signer change to a key in use", func(_ *testing.T, e *sequencertest.Env) types.L1EventMsg {
			return e.SignerChangeMsg(sqSeq1, 2, e.Seq(sequencertest.RelayerID).PubKey)
		}},
		{"signer change of an UNLOCKED sequencer", func(t *testing.T, e *sequencertest.Env) types.L1EventMsg {
			sqExit(t, e, sqSeq1, true)
			pub, _ := e.NewKey()
			return e.SignerChangeMsg(sqSeq1, 4, pub)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := sqPool(t)
			msg := tc.msg(t, e)
			e.MustRelay(msg)
			e.ApproveAll()
			require.Zero(t, e.PendingCount())
			require.Equal(t, msg.GetNonce(), e.Seq(msg.GetSequencerId()).L1Nonce, "applied")
		})
	}
}
