package keeper

import (
	"context"
	"errors"
	"fmt"

	"cosmossdk.io/collections"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/themis-network/themis/x/sequencer/types"
	"github.com/themis-network/themis/x/voteext"
)

// Resolve implements voteext.SideTxQueue. An approved event whose predecessor (L1
// nonce) is not applied yet is kept as approved and applied, without another vote,
// the moment its predecessor is; so a sequencer's events approved in any order are
// applied in nonce order.
func (k Keeper) Resolve(ctx sdk.Context, digest []byte, outcome voteext.Outcome) error {
	p, msg, found, err := k.pendingByDigest(ctx, digest)
	if err != nil || !found {
		return err // not found: already resolved, expired, or never queued
	}
	if outcome != voteext.OutcomeApproved {
		return k.rejectPending(ctx, p, msg, "at least 1/3 of power found the event does not match L1")
	}
	for {
		applied, err := k.applyApproved(ctx, p, msg)
		if err != nil || !applied {
			return err
		}
		var ok bool
		p, msg, ok, err = k.approvedSuccessor(ctx, msg)
		if err != nil || !ok {
			return err
		}
	}
}

// applyApproved applies an approved event in its own branch: all of it or none of
// it. Only a replay (applied log, stale nonce, existing lock id) is refused here;
// whatever the chain disagrees with is applied and recorded. It reports whether the
// event was applied (false: it waits for its predecessor, or it was refused).
func (k Keeper) applyApproved(ctx sdk.Context, p types.PendingEvent, msg types.L1EventMsg) (bool, error) {
	applyCtx, write := ctx.CacheContext()
	seq, err := k.checkL1Event(applyCtx, msg, stageApply)
	if errors.Is(err, errFutureNonce) {
		p.Approved = true
		return false, k.PendingEvents.Set(ctx, p.Id, p)
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
		return false, k.rejectPending(ctx, p, msg, err.Error())
	}
	write() // also forwards the branch's events
	countDisagreements(findings)
	if err := k.removePending(ctx, p); err != nil {
		return false, err
	}
	emit(ctx, &types.EventL1EventApplied{PendingId: p.Id, MsgType: p.MsgType, Event: msg.GetEvent(), SequencerId: msg.GetSequencerId()})
	return true, nil
}

// approvedSuccessor finds the approved event with the nonce after msg's, if any.
// Only one genuine event has a given nonce, and only a genuine event can be approved.
func (k Keeper) approvedSuccessor(ctx context.Context, msg types.L1EventMsg) (types.PendingEvent, types.L1EventMsg, bool, error) {
	var (
		next    types.PendingEvent
		nextMsg types.L1EventMsg
		found   bool
	)
	rng := collections.NewSuperPrefixedTripleRange[uint64, uint64, uint64](msg.GetSequencerId(), msg.GetNonce()+1)
	err := k.PendingByNonce.Walk(ctx, rng, func(key collections.Triple[uint64, uint64, uint64]) (bool, error) {
		p, err := k.PendingEvents.Get(ctx, key.K3())
		if err != nil {
			return true, err
		}
		if !p.Approved {
			return false, nil
		}
		m, err := types.DecodePendingEvent(p)
		if err != nil {
			return true, err
		}
		next, nextMsg, found = p, m, true
		return true, nil
	})
	return next, nextMsg, found, err
}

// Undecided implements voteext.SideTxQueue: an event judged max_undecided_votes times
// without a decision expires early. Its L1 log is nowhere to be seen (a fake with a
// claimed block not yet reached, or a lost one); a genuine event that expires is
// relayed again by the bridges, so nothing is lost.
func (k Keeper) Undecided(ctx sdk.Context, digest []byte) error {
	p, msg, found, err := k.pendingByDigest(ctx, digest)
	if err != nil || !found || p.Approved {
		return err // an approved item is judged: it only waits for its predecessor
	}
	params, err := k.Params.Get(ctx)
	if err != nil {
		return err
	}
	p.UndecidedVotes++
	if params.MaxUndecidedVotes == 0 || p.UndecidedVotes < params.MaxUndecidedVotes {
		return k.PendingEvents.Set(ctx, p.Id, p)
	}
	if err := k.removePending(ctx, p); err != nil {
		return err
	}
	emit(ctx, &types.EventL1EventExpired{PendingId: p.Id, MsgType: p.MsgType, Event: msg.GetEvent(),
		Reason: fmt.Sprintf("judged in %d votes without a decision", p.UndecidedVotes)})
	return nil
}

func (k Keeper) pendingByDigest(ctx context.Context, digest []byte) (types.PendingEvent, types.L1EventMsg, bool, error) {
	id, err := k.PendingDigests.Get(ctx, digest)
	if errors.Is(err, collections.ErrNotFound) {
		return types.PendingEvent{}, nil, false, nil
	}
	if err != nil {
		return types.PendingEvent{}, nil, false, err
	}
	p, err := k.PendingEvents.Get(ctx, id)
	if err != nil {
		return types.PendingEvent{}, nil, false, err
	}
	msg, err := types.DecodePendingEvent(p)
	if err != nil {
		return types.PendingEvent{}, nil, false, err
	}
	return p, msg, true, nil
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
		emit(ctx, &types.EventL1EventExpired{PendingId: p.Id, MsgType: p.MsgType, Event: ref,
			Reason: fmt.Sprintf("waited more than %d blocks", params.EventTtlBlocks)})
	}
	return nil
}
