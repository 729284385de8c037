package keeper

import (
	"context"

	sdkmath "cosmossdk.io/math"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/themis-network/themis/x/slashing/types"
)

// MaxPaymentsPerBatch bounds one REWARD_BATCH action: the contract writes one storage
// slot and one event per payment, so a batch of the whole pool (1,000 sequencers) would
// not fit an L1 transaction (types.MaxPaymentsPerBatch, from the measured gas). More
// accrued sequencers than this make several batches in the same block, with
// consecutive batch ids.
const MaxPaymentsPerBatch = types.MaxPaymentsPerBatch

// batchRewards queues the accrued rewards for L1 once reward_batch_interval of block
// time has passed since the last batch (the clock starts at the first block accounted).
// Every sequencer with a positive accrued amount is paid it, in sequencer id order;
// nothing is queued when nobody accrued anything.
func (k Keeper) batchRewards(ctx context.Context, params types.Params, state *types.RewardState) error {
	now := sdk.UnwrapSDKContext(ctx).BlockTime()
	if state.LastBatchTime.IsZero() {
		state.LastBatchTime = now
		return nil
	}
	if now.Sub(state.LastBatchTime) < params.RewardBatchInterval {
		return nil
	}
	state.LastBatchTime = now
	var (
		batch []types.RewardPayment
		total = sdkmath.ZeroInt()
	)
	var due []types.SequencerRewards
	if err := k.SequencerRewards.Walk(ctx, nil, func(_ uint64, r types.SequencerRewards) (bool, error) {
		if r.Accrued.IsPositive() {
			due = append(due, r)
		}
		return false, nil
	}); err != nil {
		return err
	}
	for _, r := range due {
		if _, err := r.Batched.SafeAdd(r.Accrued); err != nil {
			k.Logger(ctx).Error("batched rewards would overflow; left accrued", "sequencer", r.SequencerId, "err", err)
			continue
		}
		next, err := total.SafeAdd(r.Accrued)
		if err != nil || len(batch) == MaxPaymentsPerBatch {
			// The contract sums a batch in a uint256: a total beyond it starts a new batch.
			if err := k.queueRewardBatch(ctx, batch, total); err != nil {
				return err
			}
			batch, next = nil, r.Accrued
		}
		batch, total = append(batch, types.RewardPayment{SequencerId: r.SequencerId, Amount: r.Accrued}), next
	}
	if err := k.queueRewardBatch(ctx, batch, total); err != nil {
		return err
	}
	k.alarmIfReserveShort(ctx)
	return nil
}

// queueRewardBatch queues one REWARD_BATCH action with the next batch id (1, 2, ...:
// the contract applies batch lastRewardBatch + 1 only) and moves each payment from the
// sequencer's accrued to its batched amount. An empty batch queues nothing.
func (k Keeper) queueRewardBatch(ctx context.Context, payments []types.RewardPayment, total sdkmath.Int) error {
	if len(payments) == 0 {
		return nil
	}
	n, err := k.NextRewardBatch.Next(ctx)
	if err != nil {
		return err
	}
	batch := &types.RewardBatchAction{BatchId: n + 1, Payments: payments}
	a, err := k.queueAction(ctx, types.L1Action{Kind: types.L1_ACTION_KIND_REWARD_BATCH, RewardBatch: batch})
	if err != nil {
		return err
	}
	if err := k.RewardBatchIndex.Set(ctx, batch.BatchId, a.Id); err != nil {
		return err
	}
	for _, p := range payments {
		r, err := k.rewardsOf(ctx, p.SequencerId)
		if err != nil {
			return err
		}
		r.Accrued, r.Batched = r.Accrued.Sub(p.Amount), r.Batched.Add(p.Amount)
		if err := k.SequencerRewards.Set(ctx, p.SequencerId, r); err != nil {
			return err
		}
	}
	k.Logger(ctx).Info("reward batch queued", "batch", batch.BatchId, "action", a.Id, "payments", len(payments), "total", total)
	return emit(ctx, &types.EventRewardBatchQueued{BatchId: batch.BatchId, ActionId: a.Id, Payments: uint32(len(payments)), Total: total.String()})
}
