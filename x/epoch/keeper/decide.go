package keeper

import (
	"errors"
	"math"

	"cosmossdk.io/collections"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/themis-network/themis/x/epoch/l2head"
	"github.com/themis-network/themis/x/epoch/randao"
	"github.com/themis-network/themis/x/epoch/selection"
	"github.com/themis-network/themis/x/epoch/types"
)

const maxHeight = math.MaxUint64

// decision is one decision EndBlock takes.
type decision struct {
	start    uint64
	reason   types.RotationReason
	exclude  uint64 // the producer being replaced may not be drawn (0: none)
	replaced uint64
}

// replace is the decision that replaces epoch e's producer from L2 height start on.
func replace(e types.Epoch, start uint64, reason types.RotationReason) decision {
	return decision{start: start, reason: reason, exclude: e.ProducerId, replaced: e.ProducerId}
}

// decide draws the producer of a new epoch starting at d.start and puts it in the
// schedule, cutting what it replaces. With nobody eligible it changes nothing but
// the no-eligible flag (an event on the first block of such a run).
func (k Keeper) decide(ctx sdk.Context, params types.Params, p types.HeadProgress, d decision) error {
	candidates, err := k.eligible(ctx, params, p, d.exclude)
	if err != nil {
		return err
	}
	if len(candidates) == 0 {
		return k.noEligible(ctx, d)
	}
	id, err := k.lastEpochID(ctx)
	if err != nil {
		return err
	}
	id++
	seed, err := k.drawSeed(ctx, id)
	if err != nil {
		return err
	}
	producer, err := selection.Pick(seed, candidates)
	if err != nil {
		return err
	}
	seq, err := k.sequencers.GetSequencer(ctx, producer)
	if err != nil {
		return err
	}
	if err := k.cutFrom(ctx, d.start, d.reason); err != nil {
		return err
	}
	end := addSat(d.start, params.EpochLength-1)
	e := types.Epoch{
		Id:                 id,
		StartHeight:        d.start,
		EndHeight:          end,
		PlannedEndHeight:   end,
		ProducerId:         producer,
		Signer:             seq.Signer,
		Reason:             d.reason,
		ReplacedProducerId: d.replaced,
		Seed:               seed,
		DecidedHeight:      ctx.BlockHeight(),
		DecidedTime:        ctx.BlockTime(),
	}
	if err := k.addEpoch(ctx, e); err != nil {
		return err
	}
	if err := k.NoEligible.Set(ctx, false); err != nil {
		return err
	}
	// An epoch that starts right after the agreed head gets a full stall_threshold
	// from now, not what is left of its predecessor's.
	if d.start == p.Height+1 {
		if err := k.Progress.Set(ctx, progressOf(l2head.Restart(clockOf(p), ctx.BlockTime()))); err != nil {
			return err
		}
	}
	k.Logger(ctx).Info("epoch decided", "epoch", id, "start", d.start, "end", end, "producer", producer,
		"reason", d.reason.String(), "eligible", len(candidates))
	return emit(ctx, &types.EventEpochDecided{Epoch: e, Eligible: uint32(len(candidates))})
}

// noEligible records that a due decision found nobody, emitting an event when a run
// of such blocks starts.
func (k Keeper) noEligible(ctx sdk.Context, d decision) error {
	already, err := flag(ctx, k.NoEligible)
	if err != nil || already {
		return err
	}
	if err := k.NoEligible.Set(ctx, true); err != nil {
		return err
	}
	k.Logger(ctx).Error("no sequencer is eligible to produce the L2; keeping the schedule",
		"start", d.start, "reason", d.reason.String(), "excluded", d.exclude)
	return emit(ctx, &types.EventNoEligibleProducer{Reason: d.reason, StartHeight: d.start, ExcludedProducerId: d.exclude})
}

// drawSeed is the selection seed of epoch id: the running seed (every block's
// reveals mixed in) bound to the chain and the epoch, so two decisions never share one.
func (k Keeper) drawSeed(ctx sdk.Context, id uint64) ([]byte, error) {
	running, err := k.Seed.Get(ctx)
	if err != nil && !isNotFound(err) {
		return nil, err
	}
	s := randao.Mix(running, ctx.ChainID(), id, nil)
	return s[:], nil
}

// addSat adds without wrapping past the largest height.
func addSat(a, b uint64) uint64 {
	if a > maxHeight-b {
		return maxHeight
	}
	return a + b
}

func isNotFound(err error) bool { return errors.Is(err, collections.ErrNotFound) }
