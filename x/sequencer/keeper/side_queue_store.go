package keeper

import (
	"context"
	"errors"
	"fmt"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	"github.com/themis-network/themis/x/sequencer/types"
)

// The queue's records and indexes, kept together: an item, its digest, the total
// count, its lanes (one per relayer) and its (sequencer, nonce) index.

func (k Keeper) addPending(ctx context.Context, p types.PendingEvent) error {
	msg, err := types.DecodePendingEvent(p)
	if err != nil {
		return err
	}
	if err := k.PendingEvents.Set(ctx, p.Id, p); err != nil {
		return err
	}
	if err := k.PendingDigests.Set(ctx, p.Digest, p.Id); err != nil {
		return err
	}
	if err := k.PendingByNonce.Set(ctx, collections.Join3(msg.GetSequencerId(), msg.GetNonce(), p.Id)); err != nil {
		return err
	}
	for _, r := range p.Relayers {
		if err := k.addToLane(ctx, r, p.Id); err != nil {
			return err
		}
	}
	count, err := k.PendingCount.Get(ctx)
	if err != nil {
		return err
	}
	return k.PendingCount.Set(ctx, count+1)
}

func (k Keeper) removePending(ctx context.Context, p types.PendingEvent) error {
	msg, err := types.DecodePendingEvent(p)
	if err != nil {
		return err
	}
	if err := k.PendingEvents.Remove(ctx, p.Id); err != nil {
		return err
	}
	if err := k.PendingDigests.Remove(ctx, p.Digest); err != nil {
		return err
	}
	if err := k.PendingByNonce.Remove(ctx, collections.Join3(msg.GetSequencerId(), msg.GetNonce(), p.Id)); err != nil {
		return err
	}
	for _, r := range p.Relayers {
		if err := k.removeFromLane(ctx, r, p.Id); err != nil {
			return err
		}
	}
	count, err := k.PendingCount.Get(ctx)
	if err != nil {
		return err
	}
	if count == 0 {
		return fmt.Errorf("pending count underflow removing %d", p.Id)
	}
	return k.PendingCount.Set(ctx, count-1)
}

func (k Keeper) addToLane(ctx context.Context, relayer, id uint64) error {
	if err := k.PendingLanes.Set(ctx, collections.Join(relayer, id)); err != nil {
		return err
	}
	n, err := k.laneCount(ctx, relayer)
	if err != nil {
		return err
	}
	return k.LaneCounts.Set(ctx, relayer, n+1)
}

func (k Keeper) removeFromLane(ctx context.Context, relayer, id uint64) error {
	if err := k.PendingLanes.Remove(ctx, collections.Join(relayer, id)); err != nil {
		return err
	}
	n, err := k.laneCount(ctx, relayer)
	if err != nil {
		return err
	}
	if n <= 1 {
		return k.LaneCounts.Remove(ctx, relayer)
	}
	return k.LaneCounts.Set(ctx, relayer, n-1)
}

func (k Keeper) laneCount(ctx context.Context, relayer uint64) (uint64, error) {
	n, err := k.LaneCounts.Get(ctx, relayer)
	if errors.Is(err, collections.ErrNotFound) {
		return 0, nil
	}
	return n, err
}

// checkLaneRoom refuses a relay that would take relayer's lane past its share.
func (k Keeper) checkLaneRoom(ctx context.Context, relayer uint64, params types.Params) error {
	n, err := k.laneCount(ctx, relayer)
	if err != nil {
		return err
	}
	limit, err := k.relayerCap(ctx, params)
	if err != nil {
		return err
	}
	if n >= limit {
		return errorsmod.Wrapf(types.ErrRelayerQueueFull, "sequencer %d has %d events waiting, its share is %d (max_pending_events %d over the active set)",
			relayer, n, limit, params.MaxPendingEvents)
	}
	return nil
}

// relayerCap is one relayer's share of the queue: max_pending_events split evenly
// over the active set. The shares add up to at most the whole queue, so no set of
// relayers can fill the room of the others, however many of them there are.
func (k Keeper) relayerCap(ctx context.Context, params types.Params) (uint64, error) {
	set, ok, err := k.latestRecordedSet(ctx)
	if err != nil {
		return 0, err
	}
	return types.RelayerShare(params.MaxPendingEvents, len(set.Validators), ok), nil
}
