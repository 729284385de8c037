package keeper_test

import (
	"testing"

	"cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	sequencertest "github.com/themis-network/themis/testutil/sequencer"
	sequencertypes "github.com/themis-network/themis/x/sequencer/types"
	"github.com/themis-network/themis/x/slashing/types"
)

// The contract's ledger events settle the L1 actions a Slashed event does not: reward
// batches, escrow refunds and releases; and the chain follows what operators withdrew.
// L1 is authoritative: whatever they disagree with is an alarm, never a refusal.

// ledger relays and applies one ledger event (the next ledgerNonce).
func (c *chain) ledger(m *sequencertypes.MsgLedgerChanged) {
	c.t.Helper()
	c.Apply(c.LedgerMsg(m))
}

func batchEvent(id, count uint64, total int64) *sequencertypes.MsgLedgerChanged {
	return &sequencertypes.MsgLedgerChanged{Change: &sequencertypes.MsgLedgerChanged_RewardBatch{RewardBatch: &sequencertypes.RewardBatchCredited{
		BatchId: id, Count: count, Total: math.NewInt(total), Reserve: math.NewInt(1_000_000)}}}
}

func withdrawnEvent(seq uint64, amount int64) *sequencertypes.MsgLedgerChanged {
	return &sequencertypes.MsgLedgerChanged{Change: &sequencertypes.MsgLedgerChanged_RewardsWithdrawn{RewardsWithdrawn: &sequencertypes.RewardsWithdrawn{
		SequencerId: seq, Recipient: sequencertest.Owner(seq), Amount: math.NewInt(amount)}}}
}

func escrowEvent(refunded bool, escrowID, seq uint64, amount math.Int) *sequencertypes.MsgLedgerChanged {
	p := &sequencertypes.EscrowPaidOut{EscrowId: escrowID, SequencerId: seq, To: sequencertest.Owner(seq), Amount: amount}
	if refunded {
		return &sequencertypes.MsgLedgerChanged{Change: &sequencertypes.MsgLedgerChanged_EscrowRefunded{EscrowRefunded: p}}
	}
	return &sequencertypes.MsgLedgerChanged{Change: &sequencertypes.MsgLedgerChanged_EscrowReleased{EscrowReleased: p}}
}

func (c *chain) ledgerAlarms() []*types.EventL1LedgerUnmatched {
	return sequencertest.TypedEvents[*types.EventL1LedgerUnmatched](c.t, c.Ctx)
}

// heldEscrow is a chain whose stall slash of sequencer 2 L1 confirmed in escrow 77.
func heldEscrow(t *testing.T) (*chain, types.Escrow) {
	c := newChain(t)
	c.stall(2)
	c.next()
	c.confirm(1, c.offence(1).Slashed, 77)
	c.FreshEvents()
	return c, c.escrow(1, 2)
}

// A reward batch is confirmed by its RewardBatchSubmitted event alone: the action is
// CONFIRMED and leaves the write-back, and each payment moves from batched to paid;
// a withdrawal adds to withdrawn. A batch that credited other amounts settles MISMATCH
// (an alarm), and one the chain never sent, or sent and settled, is an alarm only.
func TestL1Ledger_RewardBatchConfirmsAndPays(t *testing.T) {
	c := newChain(t)
	c.putActions(2, types.L1_ACTION_KIND_REWARD_BATCH) // batch 1 pays 1000, batch 2 pays 2000, both to sequencer 2
	require.NoError(t, c.k.SequencerRewards.Set(c.Ctx, 2, types.SequencerRewards{SequencerId: 2,
		Accrued: math.ZeroInt(), Batched: math.NewInt(3000), Paid: math.ZeroInt(), Withdrawn: math.ZeroInt()}))
	require.Equal(t, []uint64{1, 2}, c.unsentIDs())

	c.ledger(batchEvent(1, 1, 1000))
	a := c.action(1)
	require.Equal(t, types.L1_ACTION_STATUS_CONFIRMED, a.Status)
	require.Equal(t, c.Ctx.BlockHeight(), a.SettledHeight)
	require.Equal(t, []uint64{2}, c.unsentIDs())
	require.Equal(t, []uint64{2}, c.queuedIDs())
	r := c.rewardsOf(2)
	require.Equal(t, math.NewInt(2000), r.Batched)
	require.Equal(t, math.NewInt(1000), r.Paid)
	require.Empty(t, c.ledgerAlarms())

	c.ledger(withdrawnEvent(2, 600))
	require.Equal(t, math.NewInt(600), c.rewardsOf(2).Withdrawn)
	require.Empty(t, c.ledgerAlarms())

	c.ledger(batchEvent(2, 1, 1999))
	a = c.action(2)
	require.Equal(t, types.L1_ACTION_STATUS_MISMATCH, a.Status)
	require.Contains(t, a.Note, "L1 credited 1 payments totalling 1999; the chain sent 1 totalling 2000")
	r = c.rewardsOf(2)
	require.True(t, r.Batched.IsZero())
	require.Equal(t, math.NewInt(3000), r.Paid, "the chain's own call data was credited")
	require.Len(t, c.ledgerAlarms(), 1)
	require.Empty(t, c.queuedIDs())

	c.FreshEvents()
	c.ledger(batchEvent(2, 1, 2000)) // the same batch again: settled already
	c.ledger(batchEvent(9, 1, 5))    // never the chain's
	c.ledger(withdrawnEvent(2, 2500))
	alarms := c.ledgerAlarms()
	require.Len(t, alarms, 3)
	require.Contains(t, alarms[0].Detail, "batch 2's action 2 is L1_ACTION_STATUS_MISMATCH already")
	require.Contains(t, alarms[1].Detail, "batch 9 is none of the chain's reward batches")
	require.Contains(t, alarms[2].Detail, "has withdrawn 3100, more than the 3000")
	require.Equal(t, math.NewInt(3100), c.rewardsOf(2).Withdrawn, "L1 is authoritative: recorded anyway")
	require.Equal(t, math.NewInt(3000), c.rewardsOf(2).Paid)
}

// An upheld appeal's refund is confirmed by EscrowRefunded: the REFUND_ESCROW action
// settles CONFIRMED and the escrow records when L1 paid it out.
func TestL1Ledger_EscrowRefundConfirmsTheAppeal(t *testing.T) {
	c, e := heldEscrow(t)
	o := c.mustAppeal(1, math.Int{})
	refund := c.escrow(1, 2)
	require.Equal(t, types.ESCROW_STATUS_REFUNDED, refund.Status)
	require.Equal(t, types.L1_ACTION_STATUS_QUEUED, c.action(refund.SettleActionId).Status)
	require.Equal(t, types.APPEAL_REFUND_ESCROW_REFUNDED, o.Appeal.Refund)

	c.ledger(escrowEvent(true, 77, 2, e.Amount))
	require.Equal(t, types.L1_ACTION_STATUS_CONFIRMED, c.action(refund.SettleActionId).Status)
	got := c.escrow(1, 2)
	require.Equal(t, types.ESCROW_STATUS_REFUNDED, got.Status)
	require.Equal(t, c.Ctx.BlockHeight(), got.PaidOutHeight)
	require.NotContains(t, c.queuedIDs(), refund.SettleActionId)
	require.Empty(t, c.ledgerAlarms())

	// The contract pays an escrow out once: a second event for it is an alarm only.
	c.ledger(escrowEvent(false, 77, 2, e.Amount))
	require.Len(t, c.ledgerAlarms(), 1)
	require.Equal(t, types.ESCROW_STATUS_REFUNDED, c.escrow(1, 2).Status)
}

// Anyone may release an escrow on L1 once its period is over, before the chain's own
// release: the event releases the chain's record (out of the release index, nothing
// queued later); the chain's own release, when it came first, is confirmed by it.
func TestL1Ledger_EscrowReleasedOnL1(t *testing.T) {
	c, e := heldEscrow(t)
	c.ledger(escrowEvent(false, 77, 2, e.Amount))
	got := c.escrow(1, 2)
	require.Equal(t, types.ESCROW_STATUS_RELEASED, got.Status)
	require.Zero(t, got.SettleActionId)
	require.Equal(t, c.Ctx.BlockHeight(), got.PaidOutHeight)
	require.Empty(t, c.releaseIndex())
	require.Len(t, sequencertest.TypedEvents[*types.EventEscrowReleased](t, c.Ctx), 1)
	require.Empty(t, c.ledgerAlarms())
	c.Ctx = c.Ctx.WithBlockHeight(c.Ctx.BlockHeight() + 1).WithBlockTime(e.ReleasableAt)
	c.endBlock()
	require.Empty(t, c.queuedIDs(), "released already: the chain queues no release")
	gs, err := c.k.ExportGenesis(c.Ctx)
	require.NoError(t, err)
	require.NoError(t, gs.Validate(), "a release with no action but L1's is a valid record")

	// The chain's own release first, then L1's event confirms it.
	c2, e2 := heldEscrow(t)
	c2.Ctx = c2.Ctx.WithBlockHeight(c2.Ctx.BlockHeight() + 1).WithBlockTime(e2.ReleasableAt)
	c2.endBlock()
	release := c2.escrow(1, 2).SettleActionId
	require.Equal(t, types.L1_ACTION_KIND_RELEASE_ESCROW, c2.action(release).Kind)
	c2.ledger(escrowEvent(false, 77, 2, e2.Amount))
	require.Equal(t, types.L1_ACTION_STATUS_CONFIRMED, c2.action(release).Status)
	require.Empty(t, c2.queuedIDs())
	require.Empty(t, c2.ledgerAlarms())
}

// L1 did the other thing: the chain released an escrow that L1 refunded (or paid
// another amount). The escrow takes L1's status; the chain's action settles MISMATCH
// with both facts; the alarm says so. An escrow id the chain never had is an alarm.
func TestL1Ledger_EscrowDisagreementsAreAlarms(t *testing.T) {
	c, e := heldEscrow(t)
	c.Ctx = c.Ctx.WithBlockHeight(c.Ctx.BlockHeight() + 1).WithBlockTime(e.ReleasableAt)
	c.endBlock()
	release := c.escrow(1, 2).SettleActionId
	c.FreshEvents()
	c.ledger(escrowEvent(true, 77, 2, e.Amount.SubRaw(1)))
	a := c.action(release)
	require.Equal(t, types.L1_ACTION_STATUS_MISMATCH, a.Status)
	require.Contains(t, a.Note, "L1 refunded the escrow the chain had ESCROW_STATUS_RELEASED")
	require.Contains(t, a.Note, "L1 paid "+e.Amount.SubRaw(1).String())
	require.Equal(t, types.ESCROW_STATUS_REFUNDED, c.escrow(1, 2).Status)
	require.Len(t, c.ledgerAlarms(), 1)

	c.ledger(escrowEvent(false, 404, 2, e.Amount))
	require.Contains(t, c.ledgerAlarms()[1].Detail, "escrow 404 is none of the chain's escrows")

	// A refund no appeal of the chain asked for: recorded as L1 says, with the alarm.
	c3, e3 := heldEscrow(t)
	c3.ledger(escrowEvent(true, 77, 2, e3.Amount))
	require.Equal(t, types.ESCROW_STATUS_REFUNDED, c3.escrow(1, 2).Status)
	require.Empty(t, c3.releaseIndex())
	require.Contains(t, c3.ledgerAlarms()[0].Detail, "no appeal of the chain refunded")
}

// The indices the ledger events are matched by (reward batch id, contract escrow id)
// are rebuilt at genesis: after an export and import the events still settle.
func TestL1Ledger_GenesisRebuildsTheIndices(t *testing.T) {
	c, e := heldEscrow(t)
	c.putActions(1, types.L1_ACTION_KIND_REWARD_BATCH)
	gs, err := c.k.ExportGenesis(c.Ctx)
	require.NoError(t, err)
	require.NoError(t, c.k.RewardBatchIndex.Clear(c.Ctx, nil))
	require.NoError(t, c.k.EscrowsByL1ID.Clear(c.Ctx, nil))
	require.NoError(t, c.k.InitGenesis(c.Ctx, *gs))

	c.ledger(batchEvent(1, 1, 1000))
	c.ledger(escrowEvent(false, 77, 2, e.Amount))
	require.Empty(t, c.ledgerAlarms())
	require.Equal(t, types.ESCROW_STATUS_RELEASED, c.escrow(1, 2).Status)
	require.Empty(t, c.queuedIDs())

	gs, err = c.k.ExportGenesis(c.Ctx)
	require.NoError(t, err)
	gs.Escrows = append(gs.Escrows, gs.Escrows[0])
	gs.Escrows[1].OffenceId = 99
	require.Error(t, gs.Validate())
}

func fundedEvent(amount, reserve int64) *sequencertypes.MsgLedgerChanged {
	return &sequencertypes.MsgLedgerChanged{Change: &sequencertypes.MsgLedgerChanged_RewardsFunded{RewardsFunded: &sequencertypes.RewardsFunded{
		Funder: sequencertest.Owner(9), Amount: math.NewInt(amount), Reserve: math.NewInt(reserve)}}}
}

// The reserve alarm fires before the reserve is empty: when the mirrored reserve cannot
// pay the batches not yet credited plus a next one like the last; the reward-state
// query shows the same. Funding enough silences it; a credited batch needs no more.
func TestRewardReserveAlarm(t *testing.T) {
	c := newChain(t)
	c.putActions(2, types.L1_ACTION_KIND_REWARD_BATCH) // batch 1 pays 1000, batch 2 pays 2000
	c.FreshEvents()
	c.ledger(fundedEvent(2500, 2500))
	low := sequencertest.TypedEvents[*types.EventRewardReserveLow](t, c.Ctx)
	require.Equal(t, []*types.EventRewardReserveLow{{Reserve: "2500", Needed: "5000", UnsettledBatches: 2}}, low,
		"1000 + 2000 uncredited, and a next batch like the last (2000)")
	state, err := c.query.RewardState(c.Ctx, &types.QueryRewardStateRequest{})
	require.NoError(t, err)
	require.Equal(t, "2500", state.RewardReserve)
	require.Equal(t, "5000", state.ReserveNeeded)
	require.True(t, state.ReserveLow)

	c.FreshEvents()
	c.ledger(fundedEvent(2500, 5000))
	require.Empty(t, sequencertest.TypedEvents[*types.EventRewardReserveLow](t, c.Ctx), "funded enough")
	c.ledger(&sequencertypes.MsgLedgerChanged{Change: &sequencertypes.MsgLedgerChanged_RewardBatch{RewardBatch: &sequencertypes.RewardBatchCredited{
		BatchId: 1, Count: 1, Total: math.NewInt(1000), Reserve: math.NewInt(4000)}}})
	require.Empty(t, sequencertest.TypedEvents[*types.EventRewardReserveLow](t, c.Ctx), "4000 pays batch 2 and one more like it")
	state, err = c.query.RewardState(c.Ctx, &types.QueryRewardStateRequest{})
	require.NoError(t, err)
	require.Equal(t, "4000", state.ReserveNeeded)
	require.False(t, state.ReserveLow)
}
