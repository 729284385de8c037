package keeper

import (
	"context"
	"fmt"
	"math"

	"cosmossdk.io/collections"
	sdkmath "cosmossdk.io/math"
	sdk "github.com/cosmos/cosmos-sdk/types"

	epochtypes "github.com/themis-network/themis/x/epoch/types"
	"github.com/themis-network/themis/x/slashing/rewards"
	"github.com/themis-network/themis/x/slashing/types"
)

// The reward accounting (issue 12 point 6), run at the end of every block after the
// judging:
//
//  1. credit: every x/epoch epoch closed since the last one credited, in id order,
//     credits its producer the blocks the agreed L2 head shows it produced, at the
//     reward per block in force (rewards.Produced, rewards.Split) — or nothing, and
//     why: the epoch was cancelled, the producer is flagged low, or it was judged for
//     an L2 offence at a height of the epoch;
//  2. re-target: once retarget_interval of block time has passed since the window
//     began, the reward per block is set from the window's measured L2 block rate and
//     the capped stake of the active sequencers (rewards.RewardPerBlock);
//  3. batch: once reward_batch_interval has passed since the last batch, every
//     sequencer's accrued amount is queued as a REWARD_BATCH L1 action and moves from
//     accrued to batched.
//
// The step runs in a cache of its own: a failure is logged, writes nothing, and is
// retried next block; it never holds the judging back and never halts the chain.

// maxCreditedPerBlock bounds the epochs credited in one block; the rest wait for the
// next (an epoch closes every epoch_length L2 blocks, so one a block is the norm).
const maxCreditedPerBlock = 32

// accountRewards runs the reward accounting in its own cache context.
func (k Keeper) accountRewards(ctx context.Context) {
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	cacheCtx, write := sdkCtx.CacheContext()
	if err := k.AccountRewards(cacheCtx); err != nil {
		k.Logger(ctx).Error("reward accounting failed; nothing written, retried next block", "err", err)
		return
	}
	write()
}

// AccountRewards credits the closed epochs, re-targets the reward per block when the
// window is over, and queues the reward batch when one is due.
func (k Keeper) AccountRewards(ctx context.Context) error {
	params, err := k.Params.Get(ctx)
	if err != nil {
		return err
	}
	state, err := k.rewardState(ctx)
	if err != nil {
		return err
	}
	head, known, err := k.epochs.AgreedHead(ctx)
	if err != nil {
		return err
	}
	if known {
		if err := k.creditEpochs(ctx, &state, head); err != nil {
			return err
		}
		if err := k.retarget(ctx, params, &state, head); err != nil {
			return err
		}
	}
	if err := k.batchRewards(ctx, params, &state); err != nil {
		return err
	}
	return k.RewardState.Set(ctx, state)
}

// rewardState is the stored state, with a reward per block of 0 before any.
func (k Keeper) rewardState(ctx context.Context) (types.RewardState, error) {
	s, err := k.RewardState.Get(ctx)
	if err != nil && !isNotFound(err) {
		return s, err
	}
	if s.RewardPerBlock.IsNil() {
		s.RewardPerBlock = sdkmath.ZeroInt()
	}
	return s, nil
}

// rewardsOf is a sequencer's record, zeros if it never earned anything.
func (k Keeper) rewardsOf(ctx context.Context, id uint64) (types.SequencerRewards, error) {
	r, err := k.SequencerRewards.Get(ctx, id)
	if isNotFound(err) {
		return types.SequencerRewards{SequencerId: id, Accrued: sdkmath.ZeroInt(), Batched: sdkmath.ZeroInt(), Paid: sdkmath.ZeroInt(),
			Withdrawn: sdkmath.ZeroInt()}, nil
	}
	if err == nil && r.Withdrawn.IsNil() {
		r.Withdrawn = sdkmath.ZeroInt() // a record from before withdrawals were mirrored
	}
	return r, err
}

// creditEpochs credits the epochs closed since the cursor, in id order, stopping at the
// first one still open: an epoch is closed once the agreed head has reached its end (no
// later re-election can change a range the head has passed: x/epoch cuts at agreed head
// + 1) or once it was cancelled.
func (k Keeper) creditEpochs(ctx context.Context, state *types.RewardState, head uint64) error {
	epochs, err := k.epochs.EpochsAfter(ctx, state.EpochCursor, maxCreditedPerBlock)
	if err != nil {
		return err
	}
	for _, e := range epochs {
		if !e.Cancelled && e.EndHeight > head {
			return nil // still open: the later ones wait for it
		}
		if err := k.creditEpoch(ctx, state.RewardPerBlock, e, head); err != nil {
			return err
		}
		state.EpochCursor = e.Id
	}
	return nil
}

// creditEpoch records what a closed epoch credits its producer and adds it to the
// producer's accrued rewards.
func (k Keeper) creditEpoch(ctx context.Context, perBlock sdkmath.Int, e epochtypes.Epoch, head uint64) error {
	c := types.EpochCredit{
		EpochId: e.Id, SequencerId: e.ProducerId, Amount: sdkmath.ZeroInt(), StartHeight: e.StartHeight, EndHeight: e.EndHeight,
		RewardPerBlock: perBlock, Height: sdk.UnwrapSDKContext(ctx).BlockHeight(),
	}
	if e.Cancelled {
		c.Status, c.Note = types.CREDIT_STATUS_CANCELLED, "replaced before it produced a block"
		return k.recordCredit(ctx, c)
	}
	c.Produced = rewards.Produced(e.StartHeight, e.EndHeight, head)
	status, note, err := k.forfeit(ctx, e)
	if err != nil {
		return err
	}
	if status != types.CREDIT_STATUS_UNSPECIFIED {
		c.Status, c.Note = status, note
		return k.recordCredit(ctx, c)
	}
	r, err := k.rewardsOf(ctx, e.ProducerId)
	if err != nil {
		return err
	}
	_, amount, err := rewards.Split(perBlock, []rewards.Credit{{SequencerID: e.ProducerId, Blocks: c.Produced}})
	if err == nil {
		r.Accrued, err = r.Accrued.SafeAdd(amount)
	}
	if err != nil {
		c.Status, c.Note = types.CREDIT_STATUS_OVERFLOW, fmt.Sprintf("%d blocks at %s: %v", c.Produced, perBlock, err)
		k.Logger(ctx).Error("epoch reward does not fit; nothing credited", "epoch", e.Id, "sequencer", e.ProducerId, "err", err)
		return k.recordCredit(ctx, c)
	}
	c.Status, c.Blocks, c.Amount = types.CREDIT_STATUS_PAID, c.Produced, amount
	if r.BlocksProduced > math.MaxUint64-c.Blocks {
		r.BlocksProduced = math.MaxUint64
	} else {
		r.BlocksProduced += c.Blocks
	}
	if err := k.SequencerRewards.Set(ctx, r.SequencerId, r); err != nil {
		return err
	}
	return k.recordCredit(ctx, c)
}

// forfeit says whether the producer earns nothing for the epoch, and why: it is flagged
// low now (offline alone: "flagged, earns nothing"), or it was judged for an L2
// equivocation or a wrong state root at a height of the epoch (the agreed head does not
// count an equivocating producer as producing). An offence governance reverted on
// appeal does not count.
func (k Keeper) forfeit(ctx context.Context, e epochtypes.Epoch) (types.CreditStatus, string, error) {
	flagged, err := k.LowFlagged.Has(ctx, e.ProducerId)
	if err != nil {
		return types.CREDIT_STATUS_UNSPECIFIED, "", err
	}
	if flagged {
		return types.CREDIT_STATUS_LOW_FLAGGED, "producer flagged low (offline alone) when the epoch closed", nil
	}
	// The epoch the offence was judged in (equivocation: the epoch its seals name and
	// the schedule had; wrong state root: the epoch x/epoch convicted), not an evidence
	// height compared with the epoch's range: a cut epoch ends at the agreed head, below
	// the forks that happen at the tip.
	id, err := k.L2Forfeits.Get(ctx, collections.Join(e.ProducerId, e.Id))
	if isNotFound(err) {
		return types.CREDIT_STATUS_UNSPECIFIED, "", nil
	}
	if err != nil {
		return types.CREDIT_STATUS_UNSPECIFIED, "", err
	}
	o, err := k.Offences.Get(ctx, id)
	if err != nil {
		return types.CREDIT_STATUS_UNSPECIFIED, "", err
	}
	if o.Status == types.OFFENCE_STATUS_APPEALED {
		return types.CREDIT_STATUS_UNSPECIFIED, "", nil
	}
	return types.CREDIT_STATUS_L2_OFFENCE, fmt.Sprintf("offence %d: %s in epoch %d", o.Id, o.Class, e.Id), nil
}

// recordCredit stores an epoch's credit and says so.
func (k Keeper) recordCredit(ctx context.Context, c types.EpochCredit) error {
	if err := k.EpochCredits.Set(ctx, c.EpochId, c); err != nil {
		return err
	}
	return emit(ctx, &types.EventEpochCredited{Credit: c})
}
