package keeper

import (
	"context"

	"cosmossdk.io/collections"

	"github.com/themis-network/themis/x/epoch/types"
)

// OffencesAfter returns up to limit recorded offences with id > after, in id order:
// x/slashing reads the evidence with its own cursor, so nothing is judged twice or
// skipped.
func (k Keeper) OffencesAfter(ctx context.Context, after uint64, limit int) ([]types.Offence, error) {
	var out []types.Offence
	rng := new(collections.Range[uint64]).StartExclusive(after)
	err := k.Offences.Walk(ctx, rng, func(_ uint64, o types.Offence) (bool, error) {
		out = append(out, o)
		return len(out) >= limit, nil
	})
	return out, err
}

// MarkOffenceHandled records that x/slashing judged the offence (the query shows it).
func (k Keeper) MarkOffenceHandled(ctx context.Context, id uint64) error {
	o, err := k.Offences.Get(ctx, id)
	if err != nil {
		return err
	}
	o.Handled = true
	return k.Offences.Set(ctx, id, o)
}

// L2ChainID is the L2's chain id every L2 seal binds (params.l2_chain_id; 0: none).
func (k Keeper) L2ChainID(ctx context.Context) (uint64, error) {
	p, err := k.Params.Get(ctx)
	return p.L2ChainId, err
}
