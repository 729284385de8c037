package keeper

import (
	"context"

	"cosmossdk.io/collections"

	"github.com/themis-network/themis/x/epoch/types"
)

// Reads for x/slashing's reward accounting, which credits each closed epoch's producer
// with the blocks the agreed head shows it produced.

// EpochsAfter returns up to limit decided epochs with id > after, in id order,
// cancelled ones included, each with its range as it stands now (an epoch cut short by
// a re-election has its lowered end_height).
func (k Keeper) EpochsAfter(ctx context.Context, after uint64, limit int) ([]types.Epoch, error) {
	var out []types.Epoch
	if limit <= 0 {
		return nil, nil
	}
	rng := new(collections.Range[uint64]).StartExclusive(after)
	err := k.Epochs.Walk(ctx, rng, func(_ uint64, e types.Epoch) (bool, error) {
		out = append(out, e)
		return len(out) >= limit, nil
	})
	return out, err
}

// AgreedHead returns the L2 height validators with more than 2/3 of power have reached,
// and whether one has been agreed yet. It never decreases.
func (k Keeper) AgreedHead(ctx context.Context) (uint64, bool, error) {
	p, err := k.progress(ctx)
	if err != nil {
		return 0, false, err
	}
	return p.Height, p.Known, nil
}
