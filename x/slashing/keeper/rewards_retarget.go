package keeper

import (
	"context"
	"errors"
	"time"

	sdkmath "cosmossdk.io/math"
	sdk "github.com/cosmos/cosmos-sdk/types"

	sequencertypes "github.com/themis-network/themis/x/sequencer/types"
	"github.com/themis-network/themis/x/slashing/rewards"
	"github.com/themis-network/themis/x/slashing/types"
)

// retarget closes the re-target window once retarget_interval of block time has passed
// since it began: the reward per block becomes the one that pays the active sequencers'
// capped stake yearly_rate_bps a year at the L2 block rate the window measured (agreed
// L2 blocks over block time). An empty window (no L2 block agreed, the L2 stood still)
// or a result that does not fit keeps the previous value, and one re-target moves the
// value by a factor of 2 at most (rewards.ClampStep). Either way a new window
// begins at this block's time and agreed head. The first window begins at the first
// block with an agreed head: before it there is no L2 height to measure from.
func (k Keeper) retarget(ctx context.Context, params types.Params, state *types.RewardState, head uint64) error {
	now := sdk.UnwrapSDKContext(ctx).BlockTime()
	if state.WindowStartTime.IsZero() {
		state.WindowStartTime, state.WindowStartL2Height = now, head
		return nil
	}
	elapsed := now.Sub(state.WindowStartTime)
	if elapsed < params.RetargetInterval {
		return nil
	}
	capped, fits, err := k.cappedStake(ctx)
	if err != nil {
		return err
	}
	var blocks uint64
	if head > state.WindowStartL2Height { // the head never decreases; guard anyway
		blocks = head - state.WindowStartL2Height
	}
	in := rewards.RetargetInput{
		CappedStake: capped, YearlyRateBps: params.YearlyRateBps,
		WindowSeconds: uint64(elapsed / time.Second), WindowL2Blocks: blocks,
	}
	ev := &types.EventRewardRetargeted{
		OldRewardPerBlock: state.RewardPerBlock.String(), CappedStake: capped.String(), YearlyRateBps: in.YearlyRateBps,
		WindowSeconds: in.WindowSeconds, WindowL2Blocks: in.WindowL2Blocks,
	}
	perBlock, err := rewards.RewardPerBlock(in)
	switch {
	case !fits:
		ev.Kept, ev.Reason, ev.CappedStake = true, "the capped stake does not fit 256 bits", ""
		k.Logger(ctx).Error("reward re-target: capped stake overflows; the reward per block is kept")
	case errors.Is(err, rewards.ErrEmptyWindow):
		ev.Kept, ev.Reason = true, err.Error()
	case err != nil:
		ev.Kept, ev.Reason = true, err.Error()
		k.Logger(ctx).Error("reward re-target failed; the reward per block is kept", "err", err)
	default:
		next, clamped := rewards.ClampStep(state.RewardPerBlock, perBlock)
		if capped.IsZero() {
			next, clamped = perBlock, false // nobody's stake earns: zero, not a halving
		}
		if clamped {
			ev.Reason = "the measured value " + perBlock.String() + " is more than a factor of 2 from the old one: moved by 2 at most"
		}
		state.RewardPerBlock = next
	}
	ev.NewRewardPerBlock = state.RewardPerBlock.String()
	state.WindowStartTime, state.WindowStartL2Height = now, head
	k.Logger(ctx).Info("reward per block re-targeted", "old", ev.OldRewardPerBlock, "new", ev.NewRewardPerBlock,
		"capped_stake", ev.CappedStake, "window_seconds", ev.WindowSeconds, "window_l2_blocks", ev.WindowL2Blocks, "kept", ev.Kept)
	return emit(ctx, ev)
}

// cappedStake is the sum over ACTIVE sequencers of min(stake the chain sees, max_lock)
// in base units: the stake that earns, the same cap as voting power. A sum beyond 256
// bits (max_lock is the contract's uint256) does not fit: fits is false, and the
// re-target keeps the previous value instead of panicking.
func (k Keeper) cappedStake(ctx context.Context) (sum sdkmath.Int, fits bool, err error) {
	maxLock, err := k.sequencers.MaxLock(ctx)
	if err != nil {
		return sdkmath.Int{}, false, err
	}
	if maxLock.IsNil() || maxLock.IsNegative() {
		maxLock = sdkmath.ZeroInt()
	}
	active, err := k.sequencers.ActiveSequencers(ctx)
	if err != nil {
		return sdkmath.Int{}, false, err
	}
	sum = sdkmath.ZeroInt()
	for _, s := range active {
		if sum, err = sum.SafeAdd(sdkmath.MinInt(sequencertypes.ChainStake(s), maxLock)); err != nil {
			return sdkmath.ZeroInt(), false, nil
		}
	}
	return sum, true, nil
}
