package keeper_test

import (
	"math/big"
	"strings"
	"testing"
	"time"

	"cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	sequencertest "github.com/themis-network/themis/testutil/sequencer"
	sequencertypes "github.com/themis-network/themis/x/sequencer/types"
	"github.com/themis-network/themis/x/slashing/types"
)

// Only the governance authority may uphold an appeal; anyone else is refused with
// ErrUnauthorized and the offence stands.
func TestAppeal_OnlyTheAuthority(t *testing.T) {
	c := newChain(t)
	c.stall(2)
	c.next()
	for name, sender := range map[string]string{
		"empty":        "",
		"someone":      sequencertest.Bech32(t, []byte("someone-else-entirely")),
		"the operator": c.operator(2),
	} {
		t.Run(name, func(t *testing.T) {
			_, err := c.msg.Appeal(c.Ctx, &types.MsgAppeal{Authority: sender, OffenceId: 1, Reason: "r", Reimbursement: math.NewInt(1)})
			require.ErrorIs(t, err, types.ErrUnauthorized)
		})
	}
	require.Equal(t, types.OFFENCE_STATUS_APPLIED, c.offence(1).Status)
	require.Equal(t, sequencertypes.SEQUENCER_STATUS_JAILED, c.Seq(2).Status)
}

// Only an offence that exists and is APPLIED can be appealed: an unknown id is
// ErrOffenceNotFound, and a second appeal of the same offence is ErrAlreadyAppealed
// (no second refund, no second strike taken back, no second reimbursement).
func TestAppeal_OffenceMustExistAndBeApplied(t *testing.T) {
	c := newChain(t)
	c.stall(2)
	c.next()
	for _, id := range []uint64{0, 2, 99} {
		require.ErrorIs(t, c.appeal(id, math.Int{}), types.ErrOffenceNotFound, "offence %d", id)
	}
	c.mustAppeal(1, math.NewInt(5))
	actions, err := c.query.L1Actions(c.Ctx, &types.QueryL1ActionsRequest{})
	require.NoError(t, err)

	err = c.appeal(1, math.NewInt(5))
	require.ErrorIs(t, err, types.ErrAlreadyAppealed)
	require.Contains(t, err.Error(), "offence 1 was appealed at height")
	again, err := c.query.L1Actions(c.Ctx, &types.QueryL1ActionsRequest{})
	require.NoError(t, err)
	require.Equal(t, actions.Actions, again.Actions, "nothing more was queued")
}

// The reason is required, UTF-8 and bounded like governance's evidence; the
// reimbursement is optional (unset means zero) and never negative.
func TestAppeal_ReasonAndReimbursementChecked(t *testing.T) {
	for _, tc := range []struct {
		name          string
		reason        string
		reimbursement math.Int
		err           error
		msg           string
	}{
		{"no reason", "", math.Int{}, types.ErrInvalidReason, "reason is required"},
		{"blank reason", "   ", math.Int{}, types.ErrInvalidReason, "reason is required"},
		{"reason over the bound", strings.Repeat("r", types.MaxTextLen+1), math.Int{}, types.ErrInvalidReason, "at most 2000"},
		{"reason not utf-8", "\xc3\x28", math.Int{}, types.ErrInvalidReason, "UTF-8"},
		{"negative reimbursement", "r", math.NewInt(-1), types.ErrInvalidAmount, "reimbursement -1 is negative"},
		{"unset reimbursement is zero", "r", math.Int{}, nil, ""},
		{"zero reimbursement", "r", math.ZeroInt(), nil, ""},
		{"reason at the bound", strings.Repeat("r", types.MaxTextLen), math.NewInt(1), nil, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := newChain(t)
			c.stall(2)
			c.next()
			_, err := c.msg.Appeal(c.Ctx, &types.MsgAppeal{Authority: c.Authority, OffenceId: 1, Reason: tc.reason, Reimbursement: tc.reimbursement})
			if tc.err != nil {
				require.ErrorIs(t, err, tc.err)
				require.Contains(t, err.Error(), tc.msg)
				require.Equal(t, types.OFFENCE_STATUS_APPLIED, c.offence(1).Status)
				return
			}
			require.NoError(t, err)
			o := c.offence(1)
			require.Equal(t, tc.reason, o.Appeal.Reason)
			if tc.reimbursement.IsNil() || tc.reimbursement.IsZero() {
				require.True(t, o.Appeal.Reimbursement.IsZero())
				require.Zero(t, o.Appeal.ReimburseActionId)
			}
		})
	}
}

// A refused appeal writes nothing, even outside a transaction: every check comes
// before the first write.
func TestAppeal_RefusedAppealChangesNothing(t *testing.T) {
	c := newChain(t)
	c.stall(2)
	c.next()
	before, err := c.k.ExportGenesis(c.Ctx)
	require.NoError(t, err)
	seqBefore := c.Seq(2)
	require.ErrorIs(t, c.appeal(1, math.NewInt(-7)), types.ErrInvalidAmount)
	_, err = c.msg.Appeal(c.Ctx, &types.MsgAppeal{Authority: c.Authority, OffenceId: 1})
	require.ErrorIs(t, err, types.ErrInvalidReason)
	after, err := c.k.ExportGenesis(c.Ctx)
	require.NoError(t, err)
	require.Equal(t, before, after)
	require.Equal(t, seqBefore, c.Seq(2))
}

// Appealed while its L1 slash is still queued: the action is CANCELLED and leaves the
// queue, the escrow record is REFUNDED with no L1 action, and the unconfirmed slash is
// removed, so the stake the chain sees (and the power) is whole again.
func TestAppeal_QueuedSlashIsCancelled(t *testing.T) {
	c := newChain(t)
	lock := sequencertest.Tokens(40_000).AddRaw(7)
	n := c.mustGovSlash(2, types.SEVERITY_HIGH)
	a := c.offence(n).L1ActionId
	c.FreshEvents()
	o := c.mustAppeal(n, math.Int{})

	require.Equal(t, types.OFFENCE_STATUS_APPEALED, o.Status)
	require.Equal(t, types.APPEAL_REFUND_SLASH_CANCELLED, o.Appeal.Refund)
	require.Zero(t, o.Appeal.RefundActionId)
	require.Contains(t, o.Appeal.Note, "cancelled before L1 confirmed it")
	action := c.action(a)
	require.Equal(t, types.L1_ACTION_STATUS_CANCELLED, action.Status)
	require.Equal(t, c.Ctx.BlockHeight(), action.SettledHeight)
	require.Empty(t, c.queuedIDs())
	e := c.escrow(n, 2)
	require.Equal(t, types.ESCROW_STATUS_REFUNDED, e.Status)
	require.Zero(t, e.SettleActionId, "nothing to refund on L1")
	s := c.Seq(2)
	require.True(t, s.UnconfirmedSlash.IsZero())
	require.Equal(t, lock, sequencertypes.ChainStake(s))
	require.Equal(t, sequencertypes.SEQUENCER_STATUS_ACTIVE, s.Status)
	require.Equal(t, []*types.EventL1ActionSettled{{ActionId: a, Status: types.L1_ACTION_STATUS_CANCELLED, Note: action.Note}},
		sequencertest.TypedEvents[*types.EventL1ActionSettled](t, c.Ctx))
	events := sequencertest.TypedEvents[*types.EventOffenceAppealed](t, c.Ctx)
	require.Len(t, events, 1)
	require.Equal(t, types.EventOffenceAppealed{OffenceId: n, SequencerId: 2, Appeal: *o.Appeal}, *events[0])
}

// Appealed once L1 holds the tokens: a REFUND_ESCROW action for the contract's escrow
// (what L1 took) is queued, and the escrow is REFUNDED by it and leaves the release
// index, so it is never released to the treasury.
func TestAppeal_HeldEscrowIsRefunded(t *testing.T) {
	c := newChain(t)
	c.stall(2)
	c.next()
	took := c.offence(1).Slashed.SubRaw(3) // a MISMATCH: the refund is what L1 took
	c.confirm(1, took, 77)
	require.Len(t, c.releaseIndex(), 1)
	lockedAfterSlash := c.Seq(2).Locked

	o := c.mustAppeal(1, math.Int{})
	require.Equal(t, types.APPEAL_REFUND_ESCROW_REFUNDED, o.Appeal.Refund)
	refund := c.action(o.Appeal.RefundActionId)
	require.Equal(t, types.L1_ACTION_KIND_REFUND_ESCROW, refund.Kind)
	require.Equal(t, types.L1_ACTION_STATUS_QUEUED, refund.Status)
	require.Equal(t, &types.EscrowAction{OffenceId: 1, SequencerId: 2, EscrowId: 77, Amount: took}, refund.Escrow)
	require.Equal(t, []uint64{refund.Id}, c.queuedIDs())
	e := c.escrow(1, 2)
	require.Equal(t, types.ESCROW_STATUS_REFUNDED, e.Status)
	require.Equal(t, refund.Id, e.SettleActionId)
	require.Empty(t, c.releaseIndex())
	require.Equal(t, lockedAfterSlash, c.Seq(2).Locked, "the refund goes to the owner, not back into the lock")

	c.after(types.DefaultEscrowPeriod + time.Hour)
	c.endBlock()
	require.Equal(t, types.ESCROW_STATUS_REFUNDED, c.escrow(1, 2).Status, "a refunded escrow is never released")
	require.Equal(t, []uint64{refund.Id}, c.queuedIDs())
}

// Appealed after the escrow was released to the treasury: nothing is refunded, and
// the record and the event say so, but the status and the strike are still reinstated.
func TestAppeal_ReleasedEscrowIsNotRefundedButStatusIsReinstated(t *testing.T) {
	c := newChain(t)
	n := c.mustGovSlash(2, types.SEVERITY_HIGH)
	c.confirm(n, c.offence(n).Slashed, 5)
	c.after(types.DefaultEscrowPeriod)
	c.endBlock()
	e := c.escrow(n, 2)
	require.Equal(t, types.ESCROW_STATUS_RELEASED, e.Status)

	c.FreshEvents()
	o := c.mustAppeal(n, math.Int{})
	require.Equal(t, types.APPEAL_REFUND_ESCROW_RELEASED, o.Appeal.Refund)
	require.Zero(t, o.Appeal.RefundActionId)
	require.Contains(t, o.Appeal.Note, "was released to the treasury by action")
	require.Contains(t, o.Appeal.Note, "nothing refunded")
	require.True(t, o.Appeal.Reinstated)
	require.Equal(t, sequencertypes.SEQUENCER_STATUS_ACTIVE, c.Seq(2).Status)
	require.Equal(t, e, c.escrow(n, 2), "the escrow record is untouched")
	events := sequencertest.TypedEvents[*types.EventOffenceAppealed](t, c.Ctx)
	require.Len(t, events, 1)
	require.Equal(t, types.APPEAL_REFUND_ESCROW_RELEASED, events[0].Appeal.Refund)
	require.Contains(t, events[0].Appeal.Note, "nothing refunded")
}

// An offence whose slash was zero (a stake under 16 base units) has nothing to refund;
// its jail and strike are still reverted.
func TestAppeal_NothingSlashedNothingRefunded(t *testing.T) {
	c := newChain(t)
	c.Join(4, sequencertest.Owner(4), math.NewInt(15))
	c.stall(4)
	c.next()
	o := c.mustAppeal(1, math.Int{})
	require.Equal(t, types.APPEAL_REFUND_NOTHING_SLASHED, o.Appeal.Refund)
	require.Empty(t, c.queuedIDs())
	require.Equal(t, sequencertypes.SEQUENCER_STATUS_ACTIVE, c.Seq(4).Status)
	_, stored := c.strikes(sequencertest.Owner(4))
	require.False(t, stored)
}

// A medium's jail ends with the appeal: x/sequencer's admission rules decide ACTIVE or
// NOT_ADMITTED (the whitelist may have changed), the jail record goes, and the jail
// time left does not matter. The appeal does not ask for min_lock (governance decided).
func TestAppeal_MediumJailEndsAndAdmissionDecides(t *testing.T) {
	for _, tc := range []struct {
		name        string
		whitelisted bool
		want        sequencertypes.SequencerStatus
	}{
		{"whitelisted", true, sequencertypes.SEQUENCER_STATUS_ACTIVE},
		{"owner removed meanwhile", false, sequencertypes.SEQUENCER_STATUS_NOT_ADMITTED},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := newChain(t)
			c.stall(2)
			c.next()
			if !tc.whitelisted {
				_, err := c.Msg.UpdateWhitelist(c.Ctx, &sequencertypes.MsgUpdateWhitelist{Authority: c.Authority, Remove: []string{sequencertest.Owner(2)}})
				require.NoError(t, err)
			}
			o := c.mustAppeal(1, math.Int{})
			require.True(t, o.Appeal.Reinstated)
			require.Contains(t, o.Appeal.Note, "unjailed: "+tc.want.String())
			require.Equal(t, tc.want, c.Seq(2).Status)
			_, err := c.k.Jails.Get(c.Ctx, 2)
			require.Error(t, err, "the jail record goes")
			require.ErrorIs(t, c.unjail(2), types.ErrNotJailed)
		})
	}
}

// A jail another standing offence imposes stays: appealing the offence the jail record
// names re-points it to the other one (with its end); appealing an offence whose jail
// is not the record's leaves the jail alone.
func TestAppeal_JailOfAnotherStandingOffenceStays(t *testing.T) {
	c := newChain(t)
	require.NoError(t, c.k.Params.Set(c.Ctx, func() types.Params {
		p := types.DefaultParams()
		p.MediumStrikesToRemove = 5
		return p
	}()))
	c.stall(2)
	c.next()
	first := c.offence(1)
	c.after(24 * time.Hour)
	c.stall(2)
	c.next() // offence 2 while jailed: the record names it, until its own end
	second := c.offence(2)
	require.True(t, second.JailedUntil.After(first.JailedUntil))

	o := c.mustAppeal(2, math.Int{})
	require.False(t, o.Appeal.Reinstated)
	require.Contains(t, o.Appeal.Note, "still jailed by offence 1")
	require.Equal(t, sequencertypes.SEQUENCER_STATUS_JAILED, c.Seq(2).Status)
	j, err := c.k.Jails.Get(c.Ctx, 2)
	require.NoError(t, err)
	require.Equal(t, types.Jail{SequencerId: 2, OffenceId: 1, Until: first.JailedUntil}, j)

	// Once offence 1's jail is over, appealing it (the record's) unjails.
	c.Ctx = c.Ctx.WithBlockTime(first.JailedUntil)
	o = c.mustAppeal(1, math.Int{})
	require.True(t, o.Appeal.Reinstated)
	require.Equal(t, sequencertypes.SEQUENCER_STATUS_ACTIVE, c.Seq(2).Status)
	n, _ := c.strikes(sequencertest.Owner(2))
	require.Zero(t, n)
}

// Appealing an older offence while a later one's jail is the record leaves that jail.
func TestAppeal_OlderOffenceLeavesTheLaterJail(t *testing.T) {
	c := newChain(t)
	c.stall(2)
	c.next()
	c.after(5 * 24 * time.Hour)
	require.NoError(t, c.unjail(2))
	c.stall(2)
	c.next()
	o := c.mustAppeal(1, math.Int{})
	require.False(t, o.Appeal.Reinstated)
	require.Contains(t, o.Appeal.Note, "the jail of offence 2 stands")
	require.Equal(t, sequencertypes.SEQUENCER_STATUS_JAILED, c.Seq(2).Status)
	j, err := c.k.Jails.Get(c.Ctx, 2)
	require.NoError(t, err)
	require.Equal(t, uint64(2), j.OffenceId)
	n, _ := c.strikes(sequencertest.Owner(2))
	require.Equal(t, uint32(1), n, "offence 1's strike is taken back")
}

// A removal (high, or the third medium) or a ban (critical) is lifted: the owner is
// whitelisted again, owner and signer leave the ban list, and the sequencer is ACTIVE
// again if every admission rule holds.
func TestAppeal_RemovalOrBanIsLifted(t *testing.T) {
	for _, tc := range []struct {
		name  string
		judge func(c *chain) uint64
	}{
		{"high", func(c *chain) uint64 { return c.mustGovSlash(2, types.SEVERITY_HIGH) }},
		{"critical", func(c *chain) uint64 { return c.mustGovSlash(2, types.SEVERITY_CRITICAL) }},
		{"third medium", func(c *chain) uint64 {
			for i := 0; i < 2; i++ {
				c.stall(2)
				c.next()
				c.after(5 * 24 * time.Hour)
				require.NoError(c.t, c.unjail(2))
			}
			c.stall(2)
			c.next()
			return 3
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := newChain(t)
			n := tc.judge(c)
			require.True(t, c.offence(n).Removed)
			signer := c.Seq(2).Signer
			o := c.mustAppeal(n, math.Int{})
			require.True(t, o.Appeal.Reinstated)
			require.Contains(t, o.Appeal.Note, "reinstated: sequencer 2 is SEQUENCER_STATUS_ACTIVE")
			require.Equal(t, sequencertypes.SEQUENCER_STATUS_ACTIVE, c.Seq(2).Status)
			for _, addr := range []string{sequencertest.Owner(2), signer} {
				banned, err := c.K.Banned.Has(c.Ctx, addr)
				require.NoError(t, err)
				require.False(t, banned, addr)
			}
			wl, err := c.K.Whitelist.Has(c.Ctx, sequencertest.Owner(2))
			require.NoError(t, err)
			require.True(t, wl)
		})
	}
}

// A ban another standing offence decided is for ever: appealing a different offence
// of the same owner does not lift it.
func TestAppeal_AnotherStandingBanStays(t *testing.T) {
	c := newChain(t)
	high := c.mustGovSlash(2, types.SEVERITY_HIGH)
	critical := c.mustGovSlash(2, types.SEVERITY_CRITICAL)
	o := c.mustAppeal(high, math.Int{})
	require.False(t, o.Appeal.Reinstated)
	require.Contains(t, o.Appeal.Note, "offence 2 banned the owner or signer and stands")
	require.Equal(t, sequencertypes.SEQUENCER_STATUS_BANNED, c.Seq(2).Status)
	banned, err := c.K.Banned.Has(c.Ctx, sequencertest.Owner(2))
	require.NoError(t, err)
	require.True(t, banned)

	// The ban's own appeal lifts it.
	o = c.mustAppeal(critical, math.Int{})
	require.True(t, o.Appeal.Reinstated)
	require.Equal(t, sequencertypes.SEQUENCER_STATUS_ACTIVE, c.Seq(2).Status)
}

// A removal lifted by the appeal gives back a jail another standing offence imposes
// (the removal had ended it).
func TestAppeal_LiftedRemovalResumesAStandingJail(t *testing.T) {
	c := newChain(t)
	c.stall(2)
	c.next()
	jailedUntil := c.offence(1).JailedUntil
	high := c.mustGovSlash(2, types.SEVERITY_HIGH)
	_, err := c.k.Jails.Get(c.Ctx, 2)
	require.Error(t, err, "the removal ended the jail")
	o := c.mustAppeal(high, math.Int{})
	require.True(t, o.Appeal.Reinstated)
	require.Contains(t, o.Appeal.Note, "jailed again by offence 1")
	require.Equal(t, sequencertypes.SEQUENCER_STATUS_JAILED, c.Seq(2).Status)
	j, err := c.k.Jails.Get(c.Ctx, 2)
	require.NoError(t, err)
	require.Equal(t, types.Jail{SequencerId: 2, OffenceId: 1, Until: jailedUntil}, j)
}

// Once the sequencer has left on L1 (UNLOCKING) it keeps that status: the appeal still
// refunds, takes the strike back and drops the offence's jail record, and a removal or
// ban (the entity's) is lifted, so the owner may lock again; a jail is simply over.
func TestAppeal_AfterLeavingL1TheEntityIsReinstated(t *testing.T) {
	for _, tc := range []struct {
		name       string
		severity   types.Severity
		reinstated bool
	}{
		{"medium", types.SEVERITY_MEDIUM, false},
		{"critical", types.SEVERITY_CRITICAL, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := newChain(t)
			n := c.mustGovSlash(2, tc.severity)
			c.confirm(n, c.offence(n).Slashed, 9)
			c.unlock(2)
			require.Equal(t, sequencertypes.SEQUENCER_STATUS_UNLOCKING, c.Seq(2).Status)
			o := c.mustAppeal(n, math.Int{})
			require.Equal(t, tc.reinstated, o.Appeal.Reinstated)
			require.Contains(t, o.Appeal.Note, "sequencer 2 has left on L1 (SEQUENCER_STATUS_UNLOCKING) and keeps that status")
			require.Equal(t, types.APPEAL_REFUND_ESCROW_REFUNDED, o.Appeal.Refund)
			require.Equal(t, sequencertypes.SEQUENCER_STATUS_UNLOCKING, c.Seq(2).Status)
			_, err := c.k.Jails.Get(c.Ctx, 2)
			require.Error(t, err, "no jail record stands on a reverted offence")
			_, stored := c.strikes(sequencertest.Owner(2))
			require.False(t, stored)
			banned, err := c.K.Banned.Has(c.Ctx, sequencertest.Owner(2))
			require.NoError(t, err)
			require.False(t, banned)
			whitelisted, err := c.K.Whitelist.Has(c.Ctx, sequencertest.Owner(2))
			require.NoError(t, err)
			require.True(t, whitelisted)
		})
	}
}

// The strike of a medium is taken back (the entry goes at zero); high and critical
// carry no strike and leave the count alone.
func TestAppeal_MediumStrikeIsTakenBack(t *testing.T) {
	c := newChain(t)
	c.stall(2)
	c.next()
	c.after(5 * 24 * time.Hour)
	require.NoError(t, c.unjail(2))
	c.stall(2)
	c.next()
	high := c.mustGovSlash(2, types.SEVERITY_HIGH)
	n, _ := c.strikes(sequencertest.Owner(2))
	require.Equal(t, uint32(2), n)

	for _, step := range []struct {
		offence uint64
		want    uint32
		stored  bool
	}{
		{high, 2, true},
		{2, 1, true},
		{1, 0, false},
	} {
		c.mustAppeal(step.offence, math.Int{})
		n, stored := c.strikes(sequencertest.Owner(2))
		require.Equal(t, step.want, n, "after the appeal of offence %d", step.offence)
		require.Equal(t, step.stored, stored)
	}
	// The owner's next medium is its first again.
	c.stall(2)
	c.next()
	require.True(t, c.offence(4).Jailed)
	require.Equal(t, uint32(1), c.offence(4).MediumStrikes)
}

// A reimbursement above zero is queued as a REWARD_BATCH of one payment to the
// sequencer; batch ids start at 1 and go up by one. An amount as large as a uint256
// (governance's to bound) queues without overflow or panic.
func TestAppeal_ReimbursementQueuesARewardBatch(t *testing.T) {
	c := newChain(t)
	c.stall(2)
	c.stall(3)
	c.next()
	c.mustGovSlash(3, types.SEVERITY_HIGH)
	maxU256 := math.NewIntFromBigInt(new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1)))

	for i, tc := range []struct {
		offence       uint64
		reimbursement math.Int
		sequencer     uint64
		batch         uint64
	}{
		{1, sequencertest.Tokens(12), 2, 1},
		{2, math.ZeroInt(), 0, 0},
		{3, maxU256, 3, 2},
	} {
		o := c.mustAppeal(tc.offence, tc.reimbursement)
		require.True(t, tc.reimbursement.Equal(o.Appeal.Reimbursement), "case %d", i)
		if tc.batch == 0 {
			require.Zero(t, o.Appeal.ReimburseActionId)
			continue
		}
		a := c.action(o.Appeal.ReimburseActionId)
		require.Equal(t, types.L1_ACTION_KIND_REWARD_BATCH, a.Kind)
		require.Equal(t, types.L1_ACTION_STATUS_QUEUED, a.Status)
		require.Equal(t, &types.RewardBatchAction{BatchId: tc.batch, Payments: []types.RewardPayment{{SequencerId: tc.sequencer, Amount: tc.reimbursement}}}, a.RewardBatch)
		require.NoError(t, a.Validate())
	}
	gs, err := c.k.ExportGenesis(c.Ctx)
	require.NoError(t, err)
	require.NoError(t, gs.Validate())

	// The reimbursement counts as batched (sent, not credited yet); the relayed
	// RewardBatchSubmitted of the first settles it like any reward batch: CONFIRMED,
	// and moved from batched to paid.
	require.Equal(t, sequencertest.Tokens(12).String(), c.rewardsOf(2).Batched.String())
	paidBefore := c.rewardsOf(2).Paid
	c.ledger(&sequencertypes.MsgLedgerChanged{Change: &sequencertypes.MsgLedgerChanged_RewardBatch{RewardBatch: &sequencertypes.RewardBatchCredited{
		BatchId: 1, Count: 1, Total: sequencertest.Tokens(12), Reserve: math.NewInt(0)}}})
	require.Empty(t, c.ledgerAlarms())
	require.Equal(t, types.L1_ACTION_STATUS_CONFIRMED, c.action(c.offence(1).Appeal.ReimburseActionId).Status)
	require.Equal(t, paidBefore.Add(sequencertest.Tokens(12)).String(), c.rewardsOf(2).Paid.String())
	require.True(t, c.rewardsOf(2).Batched.IsZero())
}

// The race: governance cancels a queued slash the pool had already sent, and L1's
// Slashed event lands afterwards. It is applied (L1 is authoritative: the lock falls),
// the action settles as L1 says with a note, the escrow is HELD and refunded at once,
// the appeal record names the refund, and nothing more is taken off the unconfirmed
// slash (the appeal removed it). A second copy of the event is unmatched.
func TestAppeal_CancelledSlashLandingOnL1IsRefundedAtOnce(t *testing.T) {
	c := newChain(t)
	c.stall(2)
	c.stall(3)
	c.next()
	lock := c.Seq(2).Locked
	o := c.mustAppeal(1, math.Int{})
	require.Equal(t, types.APPEAL_REFUND_SLASH_CANCELLED, o.Appeal.Refund)
	// Sequencer 3's slash is still pending: its unconfirmed amount must not move.
	pending3 := c.Seq(3).UnconfirmedSlash

	c.FreshEvents()
	c.confirm(1, o.Slashed, 31)
	s := c.Seq(2)
	require.Equal(t, lock.Sub(o.Slashed), s.Locked, "L1's slash is applied")
	require.True(t, s.UnconfirmedSlash.IsZero(), "nothing settled twice")
	require.Equal(t, pending3, c.Seq(3).UnconfirmedSlash)
	a := c.action(o.L1ActionId)
	require.Equal(t, types.L1_ACTION_STATUS_CONFIRMED, a.Status)
	require.Contains(t, a.Note, "landed on L1 after the appeal of offence 1 cancelled it")
	o = c.offence(1)
	require.Equal(t, types.APPEAL_REFUND_ESCROW_REFUNDED, o.Appeal.Refund)
	require.Contains(t, o.Appeal.Note, "the cancelled slash landed on L1")
	refund := c.action(o.Appeal.RefundActionId)
	require.Equal(t, &types.EscrowAction{OffenceId: 1, SequencerId: 2, EscrowId: 31, Amount: o.Slashed}, refund.Escrow)
	require.Equal(t, types.L1_ACTION_STATUS_QUEUED, refund.Status)
	e := c.escrow(1, 2)
	require.Equal(t, types.ESCROW_STATUS_REFUNDED, e.Status)
	require.Equal(t, refund.Id, e.SettleActionId)
	require.Equal(t, uint64(31), e.EscrowId)
	require.Empty(t, c.releaseIndex())
	require.Empty(t, sequencertest.TypedEvents[*types.EventSlashUnmatched](t, c.Ctx))

	c.FreshEvents()
	c.confirm(1, o.Slashed, 32)
	require.Len(t, sequencertest.TypedEvents[*types.EventSlashUnmatched](t, c.Ctx), 1)
	require.Equal(t, refund.Id, c.escrow(1, 2).SettleActionId, "no second refund")
}

// The race where L1 took less than asked, or nothing: a short slash settles MISMATCH
// and refunds what L1 took; a slash that took nothing leaves the appeal's record.
func TestAppeal_CancelledSlashLandingShortOrEmpty(t *testing.T) {
	t.Run("short", func(t *testing.T) {
		c := newChain(t)
		c.stall(2)
		c.next()
		o := c.mustAppeal(1, math.Int{})
		took := o.Slashed.QuoRaw(3)
		c.confirm(1, took, 4)
		require.Equal(t, types.L1_ACTION_STATUS_MISMATCH, c.action(o.L1ActionId).Status)
		require.Equal(t, took, c.action(c.offence(1).Appeal.RefundActionId).Escrow.Amount)
		require.True(t, c.Seq(2).UnconfirmedSlash.IsZero())
	})
	t.Run("empty", func(t *testing.T) {
		c := newChain(t)
		c.stall(2)
		c.next()
		o := c.mustAppeal(1, math.Int{})
		c.confirm(1, math.ZeroInt(), 0)
		a := c.action(o.L1ActionId)
		require.Equal(t, types.L1_ACTION_STATUS_MISMATCH, a.Status)
		require.Contains(t, a.Note, "L1 took nothing")
		require.Equal(t, types.APPEAL_REFUND_SLASH_CANCELLED, c.offence(1).Appeal.Refund)
		require.Equal(t, types.ESCROW_STATUS_REFUNDED, c.escrow(1, 2).Status)
		require.Empty(t, c.queuedIDs())
	})
}

// The other order of the race: L1's slash lands first, then the appeal refunds the
// held escrow; both ways the owner gets back exactly what L1 took, once.
func TestAppeal_AfterTheL1SlashLandedRefundsOnce(t *testing.T) {
	c := newChain(t)
	c.stall(2)
	c.next()
	o := c.offence(1)
	c.confirm(1, o.Slashed, 8)
	o = c.mustAppeal(1, math.Int{})
	var refunds int
	all, err := c.query.L1Actions(c.Ctx, &types.QueryL1ActionsRequest{})
	require.NoError(t, err)
	for _, a := range all.Actions {
		if a.Kind == types.L1_ACTION_KIND_REFUND_ESCROW {
			refunds++
			require.Equal(t, o.Slashed, a.Escrow.Amount)
		}
	}
	require.Equal(t, 1, refunds)
	require.True(t, c.Seq(2).UnconfirmedSlash.IsZero())
}

// A reimbursement beyond uint256 never reaches the handler: decoding the message
// refuses it with an error, not a panic.
func TestAppeal_ReimbursementBeyondUint256IsRefusedByTheDecoder(t *testing.T) {
	encode := func(reimbursement string) []byte { // offence_id 1, reimbursement
		return append([]byte{0x10, 0x01, 0x22, byte(len(reimbursement))}, reimbursement...)
	}
	maxU256 := new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1))
	var msg types.MsgAppeal
	require.NoError(t, msg.Unmarshal(encode(maxU256.String())))
	require.Equal(t, maxU256, msg.Reimbursement.BigInt())
	for _, huge := range []string{new(big.Int).Lsh(big.NewInt(1), 256).String(), "1" + strings.Repeat("0", 80)} {
		require.NotPanics(t, func() { require.Error(t, new(types.MsgAppeal).Unmarshal(encode(huge))) })
	}
}
