package keeper

import (
	"context"
	"errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/themis-network/themis/x/epoch/l2head"
	"github.com/themis-network/themis/x/epoch/types"
	sequencertypes "github.com/themis-network/themis/x/sequencer/types"
)

// EndBlock makes the schedule follow the agreed L2 head, in block time only:
//
//   - no live epoch covers agreed head + 1 (the first epoch, or nobody was eligible
//     before): decide one starting there;
//   - the current producer left the active set: re-elect from agreed head + 1 (removal);
//   - the agreed head stood still for stall_threshold of counted block time (time in
//     blocks without agreement is not counted, l2head.Advance): charge the producer a
//     non-production offence and re-elect from agreed head + 1 without it (stall);
//   - the decided successor left the active set: decide it again (removal);
//   - no successor yet and the head is within lead_time of the current end: decide
//     the successor (scheduled).
//
// At most one decision per block. When no sequencer is eligible the schedule is kept,
// an event says so, and the decision is retried next block: the chain never halts
// for it.
func (k Keeper) EndBlock(ctx context.Context) error {
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	p, err := k.progress(ctx)
	if err != nil || !p.Known {
		return err // no L2 head agreed yet: nothing to schedule against
	}
	params, err := k.Params.Get(ctx)
	if err != nil {
		return err
	}
	d, due, err := k.dueDecision(sdkCtx, params, p)
	if err != nil {
		return err
	}
	if !due {
		// Nothing to decide: a run of no-eligible blocks, if any, is over.
		return k.NoEligible.Set(ctx, false)
	}
	return k.decide(sdkCtx, params, p, d)
}

// dueDecision returns the decision this block must take, if any, charging a stalled
// producer on the way.
func (k Keeper) dueDecision(ctx sdk.Context, params types.Params, p types.HeadProgress) (decision, bool, error) {
	next := p.Height + 1
	cur, ok, err := k.EpochAt(ctx, next)
	if err != nil || !ok {
		return decision{start: next, reason: types.RotationReason_ROTATION_REASON_SCHEDULED}, err == nil, err
	}
	active, err := k.isActive(ctx, cur.ProducerId)
	if err != nil {
		return decision{}, false, err
	}
	if !active {
		return replace(cur, next, types.RotationReason_ROTATION_REASON_REMOVAL), true, nil
	}
	if l2head.Stalled(clockOf(p), params.StallThreshold) {
		if err := k.chargeStall(ctx, cur, p); err != nil {
			return decision{}, false, err
		}
		return replace(cur, next, types.RotationReason_ROTATION_REASON_STALL), true, nil
	}
	if cur.EndHeight == maxHeight {
		return decision{}, false, nil
	}
	succ, ok, err := k.EpochAt(ctx, cur.EndHeight+1)
	if err != nil {
		return decision{}, false, err
	}
	if ok {
		active, err := k.isActive(ctx, succ.ProducerId)
		if err != nil || active {
			return decision{}, false, err
		}
		return replace(succ, succ.StartHeight, types.RotationReason_ROTATION_REASON_REMOVAL), true, nil
	}
	if addSat(p.Height, params.LeadTime) >= cur.EndHeight {
		return decision{start: cur.EndHeight + 1, reason: types.RotationReason_ROTATION_REASON_SCHEDULED}, true, nil
	}
	return decision{}, false, nil
}

// isActive tells whether a sequencer is in the active set, reading only its record:
// EndBlock runs every block and must not build the whole set (1,000 sequencers) to
// check one producer.
func (k Keeper) isActive(ctx context.Context, id uint64) (bool, error) {
	s, err := k.sequencers.GetSequencer(ctx, id)
	if errors.Is(err, sequencertypes.ErrSequencerNotFound) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	return s.Status == sequencertypes.SEQUENCER_STATUS_ACTIVE, nil
}

// chargeStall records the non-production offence of a stalled epoch's producer, once
// per stall (a re-election that finds nobody eligible is retried every block; the
// charge is cleared when the head advances again, so a second stall is charged).
//
// A producer already charged a wrong state root for the epoch is not charged the stall
// too: its refused block is why the head stands (it is charged critical, not also
// medium). The re-election still happens.
func (k Keeper) chargeStall(ctx sdk.Context, cur types.Epoch, p types.HeadProgress) error {
	charged, err := k.StallCharged.Get(ctx)
	if err == nil && charged == cur.Id {
		return nil
	}
	if wrong, err := k.WrongRootEpochs.Has(ctx, cur.Id); err != nil || wrong {
		if wrong {
			k.Logger(ctx).Info("L2 producer stalled after a wrong state root; the stall is not charged", "sequencer", cur.ProducerId, "epoch", cur.Id, "l2_height", p.Height)
		}
		return err
	}
	n, err := k.NextOffence.Next(ctx)
	if err != nil {
		return err
	}
	o := types.Offence{
		Id:             n + 1,
		Kind:           types.OffenceKind_OFFENCE_KIND_NON_PRODUCTION,
		SequencerId:    cur.ProducerId,
		EpochId:        cur.Id,
		L2Height:       p.Height,
		StalledSince:   p.Since,
		DetectedHeight: ctx.BlockHeight(),
		DetectedTime:   ctx.BlockTime(),
	}
	if err := k.Offences.Set(ctx, o.Id, o); err != nil {
		return err
	}
	if err := k.StallCharged.Set(ctx, cur.Id); err != nil {
		return err
	}
	k.Logger(ctx).Info("L2 producer stalled", "sequencer", cur.ProducerId, "epoch", cur.Id, "l2_height", p.Height, "since", p.Since, "stalled_for", p.StalledFor)
	return emit(ctx, &types.EventProducerStalled{Offence: o})
}
