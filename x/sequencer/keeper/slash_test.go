package keeper_test

import (
	"encoding/hex"
	"testing"

	"cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	sequencertest "github.com/themis-network/themis/testutil/sequencer"
	"github.com/themis-network/themis/x/sequencer/types"
)

// A slash lowers the locked amount to the event's total, and an ACTIVE sequencer's
// power and validator-set entry follow it at EndBlock, as after a withdrawal.
func TestSlash_LowersLockedAndPower(t *testing.T) {
	e := sqPool(t) // sequencer 1: 30,000
	k1 := sqCompressed(t, e, sqSeq1)
	_, err := e.K.EndBlock(e.Ctx) // the set with sequencer 1 at 30,000
	require.NoError(t, err)
	before := e.Seq(sqSeq1)

	e.FreshEvents()
	slash := e.SlashMsg(sqSeq1, 2, 7, sqTokens(3_000), sqTokens(27_000))
	slash.Severity = types.SeverityHigh
	e.Apply(slash)

	want := before
	want.Locked, want.L1Nonce = sqTokens(27_000), 2
	require.Equal(t, want, e.Seq(sqSeq1), "only locked and the nonce move; the status stays")
	require.Equal(t, int64(27_000), sqPower(t, e, sqSeq1))
	require.Equal(t, []*types.EventStakeChanged{{SequencerId: sqSeq1, Locked: sqTokens(27_000).String(), Power: 27_000}},
		sequencertest.TypedEvents[*types.EventStakeChanged](t, e.Ctx))
	require.Equal(t, []*types.EventSlashApplied{{SequencerId: sqSeq1, EscrowId: 7, OffenceId: "0x" + hex.EncodeToString(slash.OffenceId),
		Severity: types.SeverityHigh, Amount: sqTokens(3_000).String(), Total: sqTokens(27_000).String()}},
		sequencertest.TypedEvents[*types.EventSlashApplied](t, e.Ctx))
	require.Empty(t, sqRejections(t, e))

	e.AtHeight(e.Ctx.BlockHeight() + 1)
	updates, err := e.K.EndBlock(e.Ctx)
	require.NoError(t, err)
	require.Equal(t, []sqUpdate{{k1, 27_000}}, sqUpdates(updates), "CometBFT gets the lower power")
}

// The contract emits a zero slash when the lock is already empty (after the claim).
// The chain applies it, so the nonce moves on and the sequencer's later events are
// not stuck behind it.
func TestSlash_ZeroAmountOfUnlockedSequencerAdvancesNonce(t *testing.T) {
	e := sqPool(t)
	sqExit(t, e, sqSeq1, true) // UNLOCKED, locked 0, nonce 3
	require.True(t, e.Seq(sqSeq1).Locked.IsZero())

	later := e.RewardRecipientMsg(sqSeq1, 5, sqOwner(50))
	e.MustRelay(later) // nonce 5 waits for the slash's 4
	e.MustRelay(e.SlashMsg(sqSeq1, 4, 0, math.ZeroInt(), math.ZeroInt()))
	e.FreshEvents()
	e.ApproveAll()
	e.ApproveAll()

	s := e.Seq(sqSeq1)
	require.Equal(t, uint64(5), s.L1Nonce)
	require.Equal(t, types.SEQUENCER_STATUS_UNLOCKED, s.Status)
	require.True(t, s.Locked.IsZero())
	require.Equal(t, sqOwner(50), s.RewardRecipient, "the event after the slash was applied")
	require.Zero(t, e.PendingCount())
	require.Empty(t, sqRejections(t, e))
	slashes := sequencertest.TypedEvents[*types.EventSlashApplied](t, e.Ctx)
	require.Len(t, slashes, 1)
	require.Equal(t, "0", slashes[0].Amount)
	require.Zero(t, slashes[0].EscrowId)
}

// The amounts are compared with the record when the slash is applied. The contract
// takes a slash from the lock first, then from a pending withdrawal the chain does not
// mirror (the lock fell at the withdrawal), so the lock falls by at most the amount:
// locked - amount <= total <= locked. Outside that range L1's total still wins and the
// nonce moves on, with an AMOUNT_MISMATCH alarm (refusing it would wedge the nonce).
func TestSlash_InconsistentTotalFollowsL1AndAlarms(t *testing.T) {
	for name, tc := range map[string]struct{ amount, total math.Int }{
		"total too low":              {sqTokens(1_000), sqTokens(28_000)},
		"zero slash that lowers":     {math.ZeroInt(), sqTokens(29_000)},
		"total above locked":         {math.ZeroInt(), sqTokens(30_001)},
		"one base unit too low":      {sqTokens(1_000), sqTokens(29_000).SubRaw(1)},
		"nothing taken, wrong total": {math.ZeroInt(), math.ZeroInt()},
	} {
		t.Run(name, func(t *testing.T) {
			e := sqPool(t)
			e.MustRelay(e.SlashMsg(sqSeq1, 2, 1, tc.amount, tc.total))
			e.FreshEvents()
			e.ApproveAll()
			s := e.Seq(sqSeq1)
			require.Equal(t, tc.total, s.Locked, "locked is L1's total")
			require.Equal(t, uint64(2), s.L1Nonce)
			require.Equal(t, types.SEQUENCER_STATUS_ACTIVE, s.Status, "a slash leaves the status to x/slashing")
			require.Empty(t, sqRejections(t, e))
			require.Len(t, sequencertest.TypedEvents[*types.EventSlashApplied](t, e.Ctx), 1)
			require.Equal(t, []types.DisagreementReason{types.DISAGREEMENT_REASON_AMOUNT_MISMATCH}, sqReasons(sqDisagreement(t, e, sqSeq1, 2)))
		})
	}
}

// A slash that takes part (or all) of its amount from a pending withdrawal lowers the
// lock by less than the amount: applied, no alarm.
func TestSlash_FromAPendingWithdrawalIsNoDisagreement(t *testing.T) {
	for name, tc := range map[string]struct{ amount, total math.Int }{
		"partly from the withdrawal":  {sqTokens(1_000), sqTokens(29_500)},
		"one base unit from it":       {sqTokens(1_000), sqTokens(29_000).AddRaw(1)},
		"all from the withdrawal":     {sqTokens(1_000), sqTokens(30_000)},
		"the lock and more":           {sqTokens(30_001), math.ZeroInt()},
		"amount above what is locked": {sqTokens(29_000), sqTokens(1_000).AddRaw(1)},
	} {
		t.Run(name, func(t *testing.T) {
			e := sqPool(t)
			e.Apply(e.SlashMsg(sqSeq1, 2, 1, tc.amount, tc.total))
			require.Equal(t, tc.total, e.Seq(sqSeq1).Locked)
			sqNoDisagreement(t, e, sqSeq1, 2)
		})
	}
}

// The contract slashes in any status; only the amounts are checked.
func TestSlash_AppliedInAnyStatus(t *testing.T) {
	for _, tc := range sqInactiveSetups {
		t.Run(tc.name, func(t *testing.T) {
			e := sqPool(t)
			tc.setup(t, e)
			before := e.Seq(sqSeq1)
			amount := math.MinInt(before.Locked, sqTokens(10_000)) // nothing left to take once UNLOCKED
			e.Apply(e.SlashMsg(sqSeq1, before.L1Nonce+1, 3, amount, before.Locked.Sub(amount)))
			s := e.Seq(sqSeq1)
			require.Equal(t, before.Locked.Sub(amount), s.Locked)
			require.Equal(t, before.Status, s.Status)
			require.Equal(t, before.L1Nonce+1, s.L1Nonce)
			require.Zero(t, sqPower(t, e, sqSeq1), "outside the set a slash gives no power")
		})
	}
}

// A slash that leaves less than min_lock changes the stake, not the status (the stake is
// not an admission input; what an offence does to the status is x/slashing's): ACTIVE,
// with the lower power.
func TestSlash_BelowMinLockKeepsStatus(t *testing.T) {
	e := sqPool(t)
	e.Apply(e.SlashMsg(sqSeq1, 2, 1, sqTokens(25_000), sqTokens(5_000)))
	s := e.Seq(sqSeq1)
	require.Equal(t, types.SEQUENCER_STATUS_ACTIVE, s.Status)
	require.Equal(t, sqTokens(5_000), s.Locked)
	require.Equal(t, int64(5_000), sqPower(t, e, sqSeq1))

	// Slashed to nothing: still ACTIVE, with no power, so out of the CometBFT set.
	e.Apply(e.SlashMsg(sqSeq1, 3, 2, sqTokens(5_000), math.ZeroInt()))
	require.Equal(t, types.SEQUENCER_STATUS_ACTIVE, e.Seq(sqSeq1).Status)
	require.Zero(t, sqPower(t, e, sqSeq1))
	set, err := e.K.ActiveValidatorSet(e.Ctx)
	require.NoError(t, err)
	for _, v := range set.Validators {
		require.NotEqual(t, sqSeq1, v.SequencerId, "a validator without power is not in the set")
	}
}

func TestSlash_Rejections(t *testing.T) {
	sqRunRelayRejections(t, []sqRelayCase{
		{"unknown sequencer", func(_ *testing.T, e *sequencertest.Env) types.L1EventMsg {
			return e.SlashMsg(42, 2, 1, sqTokens(1), sqTokens(1))
		}, types.ErrSequencerNotFound},
		{"stale nonce", func(_ *testing.T, e *sequencertest.Env) types.L1EventMsg {
			return e.SlashMsg(sqSeq1, 1, 1, sqTokens(1), sqTokens(29_999))
		}, types.ErrNonceOutOfOrder},
		{"severity 0", func(_ *testing.T, e *sequencertest.Env) types.L1EventMsg {
			m := e.SlashMsg(sqSeq1, 2, 1, sqTokens(1), sqTokens(29_999))
			m.Severity = 0
			return m
		}, types.ErrInvalidOffence},
		{"severity 4", func(_ *testing.T, e *sequencertest.Env) types.L1EventMsg {
			m := e.SlashMsg(sqSeq1, 2, 1, sqTokens(1), sqTokens(29_999))
			m.Severity = 4
			return m
		}, types.ErrInvalidOffence},
		{"offence id of 20 bytes", func(_ *testing.T, e *sequencertest.Env) types.L1EventMsg {
			m := e.SlashMsg(sqSeq1, 2, 1, sqTokens(1), sqTokens(29_999))
			m.OffenceId = m.OffenceId[:20]
			return m
		}, types.ErrInvalidOffence},
		{"negative amount", func(_ *testing.T, e *sequencertest.Env) types.L1EventMsg {
			return e.SlashMsg(sqSeq1, 2, 1, sqWei(-1), sqTokens(29_999))
		}, types.ErrInvalidAmount},
		{"negative total", func(_ *testing.T, e *sequencertest.Env) types.L1EventMsg {
			return e.SlashMsg(sqSeq1, 2, 1, sqTokens(1), sqWei(-1))
		}, types.ErrInvalidAmount},
	})
}
