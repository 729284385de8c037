package keeper

import (
	"context"
	"errors"
	"time"

	"cosmossdk.io/collections"

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

// sinceOf is the progress's clock, zero while no head is known.
func sinceOf(p types.HeadProgress) time.Time {
	if !p.Known {
		return time.Time{}
	}
	return p.Since
}
