package keeper

import (
	"context"
	"math/big"

	"cosmossdk.io/collections"
	sdkmath "cosmossdk.io/math"

	"github.com/themis-network/themis/x/slashing/types"
)

// The reward reserve alarm. The contract pays reward batches from a reserve anyone
// funds (fundRewards); a batch it cannot pay is held, and every later one with it, so
// the alarm fires before that: when the mirrored reserve cannot pay the batches not yet
// credited on L1 plus a next one like the last. It is raised when a batch is queued and
// when a reserve movement (funding, a credited batch) is relayed, never every block.

// maxReserveWalk bounds the unsettled batches summed (they are normally one or two).
const maxReserveWalk = 128

// reserveNeeds returns the mirrored reserve, what the uncredited batches and a next
// one like the last need, and how many batches are uncredited.
func (k Keeper) reserveNeeds(ctx context.Context) (reserve, needed sdkmath.Int, unsettled uint32, err error) {
	ledger, err := k.sequencers.GetL1Ledger(ctx)
	if err != nil {
		return reserve, needed, 0, err
	}
	reserve, needed = ledger.RewardReserve, sdkmath.ZeroInt()
	if reserve.IsNil() {
		reserve = sdkmath.ZeroInt()
	}
	walked := 0
	rng := new(collections.Range[uint64]).StartInclusive(ledger.LastRewardBatch + 1)
	err = k.RewardBatchIndex.Walk(ctx, rng, func(_ uint64, actionID uint64) (bool, error) {
		walked++
		a, err := k.L1Actions.Get(ctx, actionID)
		if err != nil {
			return true, err
		}
		if a.Status == types.L1_ACTION_STATUS_QUEUED && a.RewardBatch != nil {
			needed = addCapped(needed, batchTotal(*a.RewardBatch))
			unsettled++
		}
		return walked >= maxReserveWalk, nil
	})
	if err != nil {
		return reserve, needed, unsettled, err
	}
	last, err := k.RewardBatchIndex.Iterate(ctx, new(collections.Range[uint64]).Descending())
	if err != nil {
		return reserve, needed, unsettled, err
	}
	defer last.Close()
	if last.Valid() {
		id, err := last.Value()
		if err != nil {
			return reserve, needed, unsettled, err
		}
		a, err := k.L1Actions.Get(ctx, id)
		if err != nil {
			return reserve, needed, unsettled, err
		}
		if a.RewardBatch != nil {
			needed = addCapped(needed, batchTotal(*a.RewardBatch))
		}
	}
	return reserve, needed, unsettled, nil
}

// checkRewardReserve raises EventRewardReserveLow when the reserve is short.
func (k Keeper) checkRewardReserve(ctx context.Context) error {
	reserve, needed, unsettled, err := k.reserveNeeds(ctx)
	if err != nil || !reserve.LT(needed) {
		return err
	}
	k.Logger(ctx).Error("the contract's reward reserve cannot pay the coming reward batches: fund it (fundRewards)",
		"reserve", reserve, "needed", needed, "unsettled_batches", unsettled)
	return emit(ctx, &types.EventRewardReserveLow{Reserve: reserve.String(), Needed: needed.String(), UnsettledBatches: unsettled})
}

// alarmIfReserveShort is checkRewardReserve whose failure is only logged.
func (k Keeper) alarmIfReserveShort(ctx context.Context) {
	if err := k.checkRewardReserve(ctx); err != nil {
		k.Logger(ctx).Error("reward reserve check failed", "err", err)
	}
}

// batchTotal sums a batch's payments (a batch is cut to fit a uint256; capped anyway).
func batchTotal(b types.RewardBatchAction) sdkmath.Int {
	total := sdkmath.ZeroInt()
	for _, p := range b.Payments {
		total = addCapped(total, p.Amount)
	}
	return total
}

// maxAmount is the largest amount the chain's math holds (2^256 - 1).
var maxAmount = sdkmath.NewIntFromBigInt(new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1)))

// addCapped is a + b, or maxAmount where it would overflow: the alarm's sums are
// bounds, never a reason to fail a block.
func addCapped(a, b sdkmath.Int) sdkmath.Int {
	if b.IsNil() {
		return a
	}
	sum, err := a.SafeAdd(b)
	if err != nil {
		return maxAmount
	}
	return sum
}
