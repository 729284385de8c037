package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/gogoproto/proto"

	"github.com/themis-network/themis/x/epoch/types"
)

// EpochAt returns the live epoch whose range holds L2 height h.
func (k Keeper) EpochAt(ctx context.Context, h uint64) (types.Epoch, bool, error) {
	rng := new(collections.Range[uint64]).EndInclusive(h).Descending()
	it, err := k.Schedule.Iterate(ctx, rng)
	if err != nil {
		return types.Epoch{}, false, err
	}
	defer it.Close()
	if !it.Valid() {
		return types.Epoch{}, false, nil
	}
	id, err := it.Value()
	if err != nil {
		return types.Epoch{}, false, err
	}
	e, err := k.Epochs.Get(ctx, id)
	if err != nil {
		return types.Epoch{}, false, err
	}
	if e.EndHeight < h {
		return types.Epoch{}, false, nil
	}
	return e, true, nil
}

// lastEpochID is the highest epoch id (0 before the first).
func (k Keeper) lastEpochID(ctx context.Context) (uint64, error) {
	it, err := k.Epochs.Iterate(ctx, new(collections.Range[uint64]).Descending())
	if err != nil {
		return 0, err
	}
	defer it.Close()
	if !it.Valid() {
		return 0, nil
	}
	return it.Key()
}

// addEpoch stores a newly decided epoch and puts it in the live schedule.
func (k Keeper) addEpoch(ctx context.Context, e types.Epoch) error {
	if err := k.Epochs.Set(ctx, e.Id, e); err != nil {
		return err
	}
	return k.Schedule.Set(ctx, e.StartHeight, e.Id)
}

// cutFrom makes L2 height `from` the start of a fresh epoch: the live epoch holding
// from-1 ends there, and every live epoch starting at or after from (the one being
// replaced, and any decided successor) is cancelled or cut. Cut epochs keep their
// record (the history), with the new end or cancelled flag.
func (k Keeper) cutFrom(ctx sdk.Context, from uint64, reason types.RotationReason) error {
	it, err := k.Schedule.Iterate(ctx, new(collections.Range[uint64]).StartInclusive(from))
	if err != nil {
		return err
	}
	later, err := it.Values()
	if err != nil {
		return err
	}
	for _, id := range later {
		e, err := k.Epochs.Get(ctx, id)
		if err != nil {
			return err
		}
		e.Cancelled = true
		if err := k.Epochs.Set(ctx, id, e); err != nil {
			return err
		}
		if err := k.Schedule.Remove(ctx, e.StartHeight); err != nil {
			return err
		}
		if err := emit(ctx, &types.EventEpochCut{EpochId: id, EndHeight: e.EndHeight, Cancelled: true, Reason: reason}); err != nil {
			return err
		}
	}
	if from == 0 {
		return nil
	}
	prev, ok, err := k.EpochAt(ctx, from-1)
	if err != nil || !ok || prev.EndHeight == from-1 {
		return err
	}
	prev.EndHeight = from - 1
	if err := k.Epochs.Set(ctx, prev.Id, prev); err != nil {
		return err
	}
	return emit(ctx, &types.EventEpochCut{EpochId: prev.Id, EndHeight: prev.EndHeight, Reason: reason})
}

// flag reads a boolean item, false when unset.
func flag(ctx context.Context, item collections.Item[bool]) (bool, error) {
	v, err := item.Get(ctx)
	if errors.Is(err, collections.ErrNotFound) {
		return false, nil
	}
	return v, err
}

// emit emits a typed event.
func emit(ctx sdk.Context, ev proto.Message) error {
	return ctx.EventManager().EmitTypedEvent(ev)
}
