package keeper

import (
	"context"
	"fmt"
	"math"

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

// queueRewardBatch queues one REWARD_BATCH action (queueRewardBatchAction) and moves
// each payment from the sequencer's accrued to its batched amount. An empty batch
// queues nothing.
func (k Keeper) queueRewardBatch(ctx context.Context, payments []types.RewardPayment, total sdkmath.Int) error {
	if len(payments) == 0 {
		return nil
	}
	a, err := k.queueRewardBatchAction(ctx, payments)
	if err != nil {
		return err
	}
	batch := a.RewardBatch
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

// queueRewardBatchAction queues a REWARD_BATCH action with the next batch id and
// indexes it by that id, so that the relayed RewardBatchSubmitted settles it. Every
// reward batch (the accrued rewards, an appeal's reimbursement) is made here.
//
// The contract applies batch lastRewardBatch + 1 only. The next id is one above both
// the chain's last batch and the contract's lastRewardBatch as mirrored (x/sequencer's
// L1Ledger): a chain started against a contract that already applied batches goes on
// after them, instead of sending ids L1 refuses for good. L1 is authoritative; only
// the contract's pool can move lastRewardBatch, so it is never ahead in normal running.
func (k Keeper) queueRewardBatchAction(ctx context.Context, payments []types.RewardPayment) (types.L1Action, error) {
	last, err := k.NextRewardBatch.Peek(ctx)
	if err != nil {
		return types.L1Action{}, err
	}
	ledger, err := k.sequencers.GetL1Ledger(ctx)
	if err != nil {
		return types.L1Action{}, err
	}
	if max(last, ledger.LastRewardBatch) == math.MaxUint64 {
		return types.L1Action{}, fmt.Errorf("reward batch ids are exhausted (last %d, contract's %d)", last, ledger.LastRewardBatch)
	}
	if ledger.LastRewardBatch > last {
		k.Logger(ctx).Info("reward batch ids continue after the contract's", "chain_last", last, "contract_last", ledger.LastRewardBatch)
		if err := k.NextRewardBatch.Set(ctx, ledger.LastRewardBatch); err != nil {
			return types.L1Action{}, err
		}
	}
	n, err := k.NextRewardBatch.Next(ctx)
	if err != nil {
		return types.L1Action{}, err
	}
	a, err := k.queueAction(ctx, types.L1Action{Kind: types.L1_ACTION_KIND_REWARD_BATCH, RewardBatch: &types.RewardBatchAction{BatchId: n + 1, Payments: payments}})
	if err != nil {
		return types.L1Action{}, err
	}
	return a, k.RewardBatchIndex.Set(ctx, n+1, a.Id)
}
