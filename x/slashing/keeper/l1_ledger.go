package keeper

import (
	"context"
	"fmt"
	"strings"

	sdkmath "cosmossdk.io/math"
	sdk "github.com/cosmos/cosmos-sdk/types"

	sequencertypes "github.com/themis-network/themis/x/sequencer/types"
	"github.com/themis-network/themis/x/slashing/types"
)

// The staking contract's ledger events, relayed and approved by x/sequencer, settle
// what the pool's slashes did not: a RewardBatchSubmitted confirms its REWARD_BATCH
// action and moves the payments from batched to paid; an EscrowRefunded or
// EscrowReleased confirms the action that refunds or releases the escrow (or records
// a release anyone made on L1 after the period); a RewardsWithdrawn adds to what the
// sequencer's owner took out. L1 is authoritative: the chain's records follow the
// event whatever they said, and a disagreement is an alarm (EventL1LedgerUnmatched),
// never a refusal.

// AfterL1Ledger implements x/sequencer's SlashHooks. Its writes run in a cache that is
// dropped on error, so a failure leaves the records as they were and raises the alarm.
func (k Keeper) AfterL1Ledger(ctx context.Context, msg *sequencertypes.MsgLedgerChanged) {
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	cacheCtx, write := sdkCtx.CacheContext()
	change, alarm, err := k.settleLedgerIsolated(cacheCtx, msg)
	if err != nil {
		k.Logger(ctx).Error("L1 ledger event not settled (the event is applied; alarm raised)", "ledger_nonce", msg.LedgerNonce, "err", err)
		alarm = "not settled: " + err.Error()
	} else {
		write()
	}
	if alarm != "" {
		k.Logger(ctx).Error("L1 ledger event disagrees with the chain", "ledger_nonce", msg.LedgerNonce, "change", change, "detail", alarm)
		_ = emit(ctx, &types.EventL1LedgerUnmatched{LedgerNonce: msg.LedgerNonce, Change: change, Detail: alarm})
	}
	switch msg.Change.(type) {
	case *sequencertypes.MsgLedgerChanged_RewardsFunded, *sequencertypes.MsgLedgerChanged_RewardBatch:
		// The reserve moved: still short of the coming batches? Only an alarm: its own
		// failure is logged, never a reason to lose the settlement above.
		k.alarmIfReserveShort(ctx)
	}
}

// settleLedgerIsolated is settleLedger with a panic (an amount past 2^256 in a
// sum, say) turned into an error: the event is applied whatever happens here.
func (k Keeper) settleLedgerIsolated(ctx context.Context, msg *sequencertypes.MsgLedgerChanged) (change, alarm string, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	return k.settleLedger(ctx, msg)
}

// settleLedger applies one ledger event to the chain's records; alarm says how it
// disagreed with them ("" if it did not).
func (k Keeper) settleLedger(ctx context.Context, msg *sequencertypes.MsgLedgerChanged) (change, alarm string, err error) {
	switch ch := msg.Change.(type) {
	case *sequencertypes.MsgLedgerChanged_RewardBatch:
		alarm, err = k.settleRewardBatch(ctx, ch.RewardBatch)
		return "reward_batch", alarm, err
	case *sequencertypes.MsgLedgerChanged_RewardsWithdrawn:
		alarm, err = k.recordWithdrawal(ctx, ch.RewardsWithdrawn)
		return "rewards_withdrawn", alarm, err
	case *sequencertypes.MsgLedgerChanged_EscrowRefunded:
		alarm, err = k.settleEscrowPayOut(ctx, ch.EscrowRefunded, types.ESCROW_STATUS_REFUNDED)
		return "escrow_refunded", alarm, err
	case *sequencertypes.MsgLedgerChanged_EscrowReleased:
		alarm, err = k.settleEscrowPayOut(ctx, ch.EscrowReleased, types.ESCROW_STATUS_RELEASED)
		return "escrow_released", alarm, err
	}
	return "rewards_funded", "", nil // the reserve is x/sequencer's L1Ledger; nothing of ours moves
}

// settleRewardBatch confirms the batch's action: CONFIRMED when L1 credited what the
// chain sent (count and total), MISMATCH otherwise; either way each payment moves from
// the sequencer's batched amount to its paid amount, as the chain sent it (the pool
// signs the chain's own call data, so L1 credited those very payments).
func (k Keeper) settleRewardBatch(ctx context.Context, b *sequencertypes.RewardBatchCredited) (string, error) {
	id, err := k.RewardBatchIndex.Get(ctx, b.BatchId)
	if isNotFound(err) {
		return fmt.Sprintf("batch %d is none of the chain's reward batches", b.BatchId), nil
	}
	if err != nil {
		return "", err
	}
	a, err := k.L1Actions.Get(ctx, id)
	if err != nil {
		return "", err
	}
	if a.Status != types.L1_ACTION_STATUS_QUEUED || a.RewardBatch == nil {
		return fmt.Sprintf("batch %d's action %d is %s already", b.BatchId, a.Id, a.Status), nil
	}
	total := batchTotal(*a.RewardBatch)
	status, note := types.L1_ACTION_STATUS_CONFIRMED, ""
	if uint64(len(a.RewardBatch.Payments)) != b.Count || !total.Equal(b.Total) {
		status = types.L1_ACTION_STATUS_MISMATCH
		note = fmt.Sprintf("L1 credited %d payments totalling %s; the chain sent %d totalling %s", b.Count, b.Total,
			len(a.RewardBatch.Payments), total)
	}
	if err := k.settleAction(ctx, a, status, note); err != nil {
		return "", err
	}
	for _, p := range a.RewardBatch.Payments {
		r, err := k.rewardsOf(ctx, p.SequencerId)
		if err != nil {
			return "", err
		}
		r.Batched, r.Paid = sdkmath.MaxInt(r.Batched.Sub(p.Amount), sdkmath.ZeroInt()), r.Paid.Add(p.Amount)
		if err := k.SequencerRewards.Set(ctx, p.SequencerId, r); err != nil {
			return "", err
		}
	}
	return note, nil
}

// recordWithdrawal adds a withdrawal to what the sequencer's owner took out.
func (k Keeper) recordWithdrawal(ctx context.Context, w *sequencertypes.RewardsWithdrawn) (string, error) {
	r, err := k.rewardsOf(ctx, w.SequencerId)
	if err != nil {
		return "", err
	}
	r.Withdrawn = r.Withdrawn.Add(w.Amount)
	if err := k.SequencerRewards.Set(ctx, w.SequencerId, r); err != nil {
		return "", err
	}
	if r.Withdrawn.GT(r.Paid) {
		return fmt.Sprintf("sequencer %d has withdrawn %s, more than the %s the chain credited it", w.SequencerId, r.Withdrawn, r.Paid), nil
	}
	return "", nil
}

// settleEscrowPayOut records that L1 paid the escrow out (to: REFUNDED or RELEASED):
// the action the chain decided for it settles (CONFIRMED, or MISMATCH if L1 did the
// other thing or paid another amount), a HELD escrow leaves the release index (anyone
// may release one after its period, before the chain's own release), and the record
// takes L1's status.
func (k Keeper) settleEscrowPayOut(ctx context.Context, p *sequencertypes.EscrowPaidOut, to types.EscrowStatus) (string, error) {
	key, err := k.EscrowsByL1ID.Get(ctx, p.EscrowId)
	if isNotFound(err) {
		return fmt.Sprintf("escrow %d is none of the chain's escrows", p.EscrowId), nil
	}
	if err != nil {
		return "", err
	}
	e, err := k.Escrows.Get(ctx, key)
	if err != nil {
		return "", err
	}
	if e.PaidOutHeight != 0 {
		return fmt.Sprintf("escrow %d was paid out already (height %d)", p.EscrowId, e.PaidOutHeight), nil
	}
	var alarms []string
	if e.SequencerId != p.SequencerId || !e.Amount.Equal(p.Amount) {
		alarms = append(alarms, fmt.Sprintf("L1 paid %s of sequencer %d; the chain holds %s of sequencer %d",
			p.Amount, p.SequencerId, e.Amount, e.SequencerId))
	}
	if e.Status != to && e.Status != types.ESCROW_STATUS_HELD {
		alarms = append(alarms, fmt.Sprintf("L1 %s the escrow the chain had %s", payOutVerb(to), e.Status))
	}
	if e.Status == types.ESCROW_STATUS_HELD && to == types.ESCROW_STATUS_REFUNDED {
		alarms = append(alarms, "L1 refunded an escrow no appeal of the chain refunded")
	}
	if err := k.settleEscrowAction(ctx, e, to, alarms); err != nil {
		return "", err
	}
	if e.Status == types.ESCROW_STATUS_HELD {
		if err := k.EscrowsByRelease.Remove(ctx, releaseKey(e)); err != nil {
			return "", err
		}
	}
	released := e.Status == types.ESCROW_STATUS_HELD && to == types.ESCROW_STATUS_RELEASED
	e.Status, e.PaidOutHeight = to, sdk.UnwrapSDKContext(ctx).BlockHeight()
	if err := k.Escrows.Set(ctx, key, e); err != nil {
		return "", err
	}
	if released {
		// Released on L1 by someone else once its period was over: the chain's own
		// release never ran, so it says so here.
		if err := emit(ctx, &types.EventEscrowReleased{Escrow: e}); err != nil {
			return "", err
		}
	}
	return strings.Join(alarms, "; "), nil
}

// settleEscrowAction settles the refund or release the chain decided for the escrow,
// if it is still open: CONFIRMED when L1 did that, MISMATCH (with the alarms) when it
// did the other thing or paid another amount.
func (k Keeper) settleEscrowAction(ctx context.Context, e types.Escrow, to types.EscrowStatus, alarms []string) error {
	if e.SettleActionId == 0 {
		return nil
	}
	a, err := k.L1Actions.Get(ctx, e.SettleActionId)
	if err != nil {
		return err
	}
	if a.Status != types.L1_ACTION_STATUS_QUEUED && a.Status != types.L1_ACTION_STATUS_PARKED {
		return nil
	}
	wantKind := types.L1_ACTION_KIND_RELEASE_ESCROW
	if to == types.ESCROW_STATUS_REFUNDED {
		wantKind = types.L1_ACTION_KIND_REFUND_ESCROW
	}
	if a.Kind == wantKind && len(alarms) == 0 {
		return k.settleAction(ctx, a, types.L1_ACTION_STATUS_CONFIRMED, "")
	}
	return k.settleAction(ctx, a, types.L1_ACTION_STATUS_MISMATCH, strings.Join(append(alarms,
		fmt.Sprintf("L1 %s escrow %d", payOutVerb(to), e.EscrowId)), "; "))
}

func payOutVerb(to types.EscrowStatus) string {
	if to == types.ESCROW_STATUS_REFUNDED {
		return "refunded"
	}
	return "released"
}

// settleAction closes an open action as L1's event says: its status and note, its
// unsigned pool call withdrawn, out of the write-back's indices.
func (k Keeper) settleAction(ctx context.Context, a types.L1Action, status types.L1ActionStatus, note string) error {
	a.Status, a.SettledHeight, a.Note = status, sdk.UnwrapSDKContext(ctx).BlockHeight(), note
	if err := k.L1Actions.Set(ctx, a.Id, a); err != nil {
		return err
	}
	if err := k.withdrawPoolCall(ctx, a); err != nil {
		return err
	}
	if err := k.forgetQueued(ctx, a); err != nil {
		return err
	}
	return emit(ctx, &types.EventL1ActionSettled{ActionId: a.Id, Status: a.Status, Note: a.Note})
}
