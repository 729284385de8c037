package keeper

import (
	"context"
	"errors"
	"slices"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/themis-network/themis/x/sequencer/types"
	"github.com/themis-network/themis/x/voteext"
)

// The relayed-event queue: a relayer's message only queues an event; the pool's
// vote (x/voteext) resolves it. Keeper implements voteext.SideTxQueue.
//
// Every item sits in the lane of each active sequencer that relayed it. A relayer's
// lane holds at most its share of the queue (relayerCap), and the vote window is
// shared between lanes (Pending), so one relayer, or a minority of them, can neither
// fill the queue for the others nor hold their items back. A genuine event that a
// hostile relayer queued first is relayed again by an honest bridge, which puts it in
// the honest lane too (a join) instead of being refused as a duplicate.
var _ voteext.SideTxQueue = Keeper{}

// enqueueL1Event checks a relayed event and queues it for the vote, or joins the
// relayer to the lanes of the identical event already waiting.
func (k Keeper) enqueueL1Event(ctx context.Context, msg types.L1EventMsg) (uint64, error) {
	if err := msg.ValidateBasic(); err != nil {
		return 0, err
	}
	relayer, err := k.relayerID(ctx, msg.GetSubmitter())
	if err != nil {
		return 0, err
	}
	if _, err := k.checkL1Event(ctx, msg, stageQueue); err != nil {
		return 0, err
	}
	msgType, bz, digest, err := types.EncodePendingEvent(msg)
	if err != nil {
		return 0, err
	}
	params, err := k.Params.Get(ctx)
	if err != nil {
		return 0, err
	}
	if id, err := k.PendingDigests.Get(ctx, digest); err == nil {
		return id, k.joinPending(ctx, id, relayer, params)
	} else if !errors.Is(err, collections.ErrNotFound) {
		return 0, err
	}
	if err := k.checkLaneRoom(ctx, relayer, params); err != nil {
		return 0, err
	}
	count, err := k.PendingCount.Get(ctx)
	if err != nil {
		return 0, err
	}
	if count >= params.MaxPendingEvents {
		return 0, errorsmod.Wrapf(types.ErrQueueFull, "%d events waiting, limit %d", count, params.MaxPendingEvents)
	}
	id, err := k.NextPendingID.Next(ctx)
	if err != nil {
		return 0, err
	}
	// Sequence starts at 0; ids start at 1 so that 0 never names an item.
	id++
	pending := types.PendingEvent{
		Id:              id,
		Digest:          digest,
		SubmittedHeight: sdk.UnwrapSDKContext(ctx).BlockHeight(),
		Msg:             bz,
		MsgType:         msgType,
		Relayers:        []uint64{relayer},
	}
	if err := k.addPending(ctx, pending); err != nil {
		return 0, err
	}
	emit(ctx, &types.EventL1EventQueued{PendingId: id, MsgType: msgType, Event: msg.GetEvent(), Submitter: msg.GetSubmitter()})
	return id, nil
}

// joinPending adds relayer's lane to a waiting item. Relaying the same event twice
// from one relayer is refused: it would gain nothing and cost a slot.
func (k Keeper) joinPending(ctx context.Context, id, relayer uint64, params types.Params) error {
	p, err := k.PendingEvents.Get(ctx, id)
	if err != nil {
		return err
	}
	if slices.Contains(p.Relayers, relayer) {
		return errorsmod.Wrapf(types.ErrEventAlreadyPending, "pending id %d, relayed by sequencer %d already", id, relayer)
	}
	if err := k.checkLaneRoom(ctx, relayer, params); err != nil {
		return err
	}
	p.Relayers = append(p.Relayers, relayer)
	if err := k.PendingEvents.Set(ctx, id, p); err != nil {
		return err
	}
	return k.addToLane(ctx, relayer, id)
}

// relayerID admits relays only from active sequencers and returns the relayer's
// sequencer id, its lane. Every sequencer's bridge watches L1, so a newcomer's lock is
// relayed by the pool itself; relayers are accountable, and nobody can fill the queue
// from an anonymous account.
func (k Keeper) relayerID(ctx context.Context, submitter string) (uint64, error) {
	addr, err := k.addressCodec.StringToBytes(submitter)
	if err != nil {
		return 0, errorsmod.Wrapf(types.ErrInvalidAddress, "submitter: %v", err)
	}
	id, err := k.AccountIndex.Get(ctx, addr)
	if errors.Is(err, collections.ErrNotFound) {
		return 0, errorsmod.Wrapf(types.ErrNotSequencer, "%s: only active sequencers relay L1 events", submitter)
	}
	if err != nil {
		return 0, err
	}
	s, err := k.GetSequencer(ctx, id)
	if err != nil {
		return 0, err
	}
	if !IsActive(s) {
		return 0, errorsmod.Wrapf(types.ErrNotSequencer, "%s: sequencer %d is %s; only active sequencers relay L1 events", submitter, id, s.Status)
	}
	// An ACTIVE sequencer without power (slashed to nothing, or under one token) has no
	// stake behind its relays, and relaying is free; unless it is in the set the chain
	// still runs on (SigningSet: when nobody has power, the last set), so that a
	// configuration leaving nobody with power can be relayed back.
	power, err := k.PowerOf(ctx, s)
	if err != nil {
		return 0, err
	}
	if power == 0 {
		signing, err := k.inSigningSet(ctx, id)
		if err != nil {
			return 0, err
		}
		if !signing {
			return 0, errorsmod.Wrapf(types.ErrNotSequencer, "%s: sequencer %d has no voting power; only active sequencers with power relay L1 events", submitter, id)
		}
	}
	return id, nil
}

// inSigningSet reports whether sequencer id is a member of SigningSet.
func (k Keeper) inSigningSet(ctx context.Context, id uint64) (bool, error) {
	set, err := k.SigningSet(ctx)
	if err != nil {
		return false, err
	}
	for _, v := range set.Validators {
		if v.SequencerId == id {
			return true, nil
		}
	}
	return false, nil
}

// CheckRelayer admits relays only from active sequencers (see relayerID). Relaying is
// a pool duty, which is also why it is free (x/sequencer/ante).
func (k Keeper) CheckRelayer(ctx context.Context, submitter string) error {
	_, err := k.relayerID(ctx, submitter)
	return err
}

// Module implements voteext.SideTxQueue.
func (k Keeper) Module() string { return types.ModuleName }
