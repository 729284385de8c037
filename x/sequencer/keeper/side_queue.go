package keeper

import (
	"bytes"
	"context"
	"errors"
	"fmt"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/themis-network/themis/x/sequencer/types"
	"github.com/themis-network/themis/x/voteext"
)

// The relayed-event queue: a relayer's message only queues an event; the pool's
// vote (x/voteext) resolves it. Keeper implements voteext.SideTxQueue.
var _ voteext.SideTxQueue = Keeper{}

// enqueueL1Event checks a relayed event and queues it for the vote.
func (k Keeper) enqueueL1Event(ctx context.Context, msg types.L1EventMsg) (uint64, error) {
	if err := msg.ValidateBasic(); err != nil {
		return 0, err
	}
	if err := k.CheckRelayer(ctx, msg.GetSubmitter()); err != nil {
		return 0, err
	}
	if _, err := k.checkL1Event(ctx, msg, stageQueue); err != nil {
		return 0, err
	}
	msgType, bz, digest, err := types.EncodePendingEvent(msg)
	if err != nil {
		return 0, err
	}
	if id, err := k.PendingDigests.Get(ctx, digest); err == nil {
		return 0, errorsmod.Wrapf(types.ErrEventAlreadyPending, "pending id %d", id)
	} else if !errors.Is(err, collections.ErrNotFound) {
		return 0, err
	}
	params, err := k.Params.Get(ctx)
	if err != nil {
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
	}
	if err := k.addPending(ctx, pending); err != nil {
		return 0, err
	}
	emit(ctx, &types.EventL1EventQueued{PendingId: id, MsgType: msgType, Event: msg.GetEvent(), Submitter: msg.GetSubmitter()})
	return id, nil
}

// CheckRelayer admits relays only from active sequencers. Every sequencer's bridge
// watches L1, so a newcomer's lock is relayed by the pool itself; relayers are
// accountable, and nobody can fill the queue for free from an anonymous account.
// Relaying is a pool duty, which is also why it is free (ante.RelayFeeChecker).
func (k Keeper) CheckRelayer(ctx context.Context, submitter string) error {
	addr, err := k.addressCodec.StringToBytes(submitter)
	if err != nil {
		return errorsmod.Wrapf(types.ErrInvalidAddress, "submitter: %v", err)
	}
	id, err := k.AccountIndex.Get(ctx, addr)
	if errors.Is(err, collections.ErrNotFound) {
		return errorsmod.Wrapf(types.ErrNotSequencer, "%s: only active sequencers relay L1 events", submitter)
	}
	if err != nil {
		return err
	}
	s, err := k.GetSequencer(ctx, id)
	if err != nil {
		return err
	}
	if !IsActive(s) {
		return errorsmod.Wrapf(types.ErrNotSequencer, "%s: sequencer %d is %s; only active sequencers relay L1 events", submitter, id, s.Status)
	}
	return nil
}

func (k Keeper) addPending(ctx context.Context, p types.PendingEvent) error {
	if err := k.PendingEvents.Set(ctx, p.Id, p); err != nil {
		return err
	}
	if err := k.PendingDigests.Set(ctx, p.Digest, p.Id); err != nil {
		return err
	}
	count, err := k.PendingCount.Get(ctx)
	if err != nil {
		return err
	}
	return k.PendingCount.Set(ctx, count+1)
}

func (k Keeper) removePending(ctx context.Context, p types.PendingEvent) error {
	if err := k.PendingEvents.Remove(ctx, p.Id); err != nil {
		return err
	}
	if err := k.PendingDigests.Remove(ctx, p.Digest); err != nil {
		return err
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

// Module implements voteext.SideTxQueue.
func (k Keeper) Module() string { return types.ModuleName }

// Pending implements voteext.SideTxQueue: the oldest events first.
func (k Keeper) Pending(ctx context.Context, limit int) ([]voteext.SideTx, error) {
	var out []voteext.SideTx
	if limit <= 0 {
		return nil, nil
	}
	err := k.PendingEvents.Walk(ctx, nil, func(id uint64, p types.PendingEvent) (bool, error) {
		msg, err := types.DecodePendingEvent(p)
		if err != nil {
			return true, err
		}
		out = append(out, voteext.SideTx{ID: id, Digest: p.Digest, Msg: msg})
		return len(out) >= limit, nil
	})
	return out, err
}

// Resolve implements voteext.SideTxQueue.
func (k Keeper) Resolve(ctx sdk.Context, id uint64, digest []byte, outcome voteext.Outcome) error {
	p, err := k.PendingEvents.Get(ctx, id)
	if errors.Is(err, collections.ErrNotFound) {
		return nil // already resolved or expired
	}
	if err != nil {
		return err
	}
	if !bytes.Equal(p.Digest, digest) {
		return nil
	}
	msg, err := types.DecodePendingEvent(p)
	if err != nil {
		return err
	}
	if outcome != voteext.OutcomeApproved {
		return k.rejectPending(ctx, p, msg, "at least 1/3 of power found the event does not match L1")
	}
	// The event is applied in its own branch: all of it or none of it. Only a replay
	// (applied log, stale nonce, existing lock id) is refused here; whatever the chain
	// disagrees with is applied and recorded.
	applyCtx, write := ctx.CacheContext()
	seq, err := k.checkL1Event(applyCtx, msg, stageApply)
	if errors.Is(err, errFutureNonce) {
		return nil // stays queued until its predecessor is applied
	}
	var findings []types.DisagreementFinding
	if err == nil {
		findings, err = k.applyL1Event(applyCtx, msg, seq)
	}
	if err == nil {
		err = k.recordDisagreement(applyCtx, p.MsgType, msg, findings)
	}
	if err == nil {
		err = k.AppliedEvents.Set(applyCtx, types.EventKey(msg.GetEvent()))
	}
	if err != nil {
		return k.rejectPending(ctx, p, msg, err.Error())
	}
	write() // also forwards the branch's events
	countDisagreements(findings)
	if err := k.removePending(ctx, p); err != nil {
		return err
	}
	emit(ctx, &types.EventL1EventApplied{PendingId: p.Id, MsgType: p.MsgType, Event: msg.GetEvent(), SequencerId: msg.GetSequencerId()})
	return nil
}

func (k Keeper) rejectPending(ctx context.Context, p types.PendingEvent, msg types.L1EventMsg, reason string) error {
	if err := k.removePending(ctx, p); err != nil {
		return err
	}
	emit(ctx, &types.EventL1EventRejected{PendingId: p.Id, MsgType: p.MsgType, Event: msg.GetEvent(), Reason: reason})
	return nil
}

// ExpirePending drops events that waited longer than event_ttl_blocks. Ids grow with
// height, so the walk stops at the first event that is still young.
func (k Keeper) ExpirePending(ctx context.Context) error {
	params, err := k.Params.Get(ctx)
	if err != nil {
		return err
	}
	height := sdk.UnwrapSDKContext(ctx).BlockHeight()
	var expired []types.PendingEvent
	err = k.PendingEvents.Walk(ctx, nil, func(_ uint64, p types.PendingEvent) (bool, error) {
		if p.SubmittedHeight+int64(params.EventTtlBlocks) >= height {
			return true, nil
		}
		expired = append(expired, p)
		return false, nil
	})
	if err != nil {
		return err
	}
	for _, p := range expired {
		if err := k.removePending(ctx, p); err != nil {
			return err
		}
		var ref types.L1EventRef
		if msg, err := types.DecodePendingEvent(p); err == nil {
			ref = msg.GetEvent()
		}
		emit(ctx, &types.EventL1EventExpired{PendingId: p.Id, MsgType: p.MsgType, Event: ref})
	}
	return nil
}
