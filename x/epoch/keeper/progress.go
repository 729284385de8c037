package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"

	"github.com/themis-network/themis/x/epoch/l2head"
	"github.com/themis-network/themis/x/epoch/types"
)

// progress returns the agreed head progress (zero and not known before the first).
func (k Keeper) progress(ctx context.Context) (types.HeadProgress, error) {
	p, err := k.Progress.Get(ctx)
	if errors.Is(err, collections.ErrNotFound) {
		return types.HeadProgress{}, nil
	}
	return p, err
}

// clockOf is the stored progress as l2head's pure stall clock (zero while no head is
// known).
func clockOf(p types.HeadProgress) l2head.Progress {
	if !p.Known {
		return l2head.Progress{}
	}
	return l2head.Progress{Height: p.Height, Since: p.Since, Stalled: p.StalledFor, At: p.ObservedAt}
}

// progressOf is the stall clock as stored; every field of l2head.Progress is kept.
func progressOf(c l2head.Progress) types.HeadProgress {
	return types.HeadProgress{Height: c.Height, Since: c.Since, StalledFor: c.Stalled, ObservedAt: c.At, Known: c.Known()}
}
