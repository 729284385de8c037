package keeper

import (
	"context"
	"fmt"

	"cosmossdk.io/collections"
	sdk "github.com/cosmos/cosmos-sdk/types"

	epochtypes "github.com/themis-network/themis/x/epoch/types"
	"github.com/themis-network/themis/x/slashing/types"
)

// maxJudgedPerBlock bounds the evidence judged in one block; the rest waits for the
// next (x/epoch records at most one stall a block and one wrong state root per epoch,
// so this is hardly ever reached).
const maxJudgedPerBlock = 16

// EndBlock judges the evidence recorded since the last block: x/epoch's offences (a
// stall is medium, a wrong state root critical) and x/mpc's blame records (at the
// severity each carries), each log read with its own cursor so each is judged exactly
// once. It then does the reward accounting (credit closed epochs, re-target,
// batch). It runs after x/epoch
// (whose EndBlock records the stall and re-elects) and before x/sequencer (whose
// EndBlock turns the outcome into this block's validator updates). Then it releases
// the escrows whose period is over (escrow.go) and steps the write-back of the queued
// L1 actions (l1_writeback.go).
func (k Keeper) EndBlock(ctx context.Context) error {
	if err := k.judgeEpochOffences(ctx); err != nil {
		return err
	}
	if err := k.judgeMpcBlames(ctx); err != nil {
		return err
	}
	if err := k.releaseDueEscrows(ctx); err != nil {
		return err
	}
	k.stepL1Actions(ctx) // l1_writeback.go: the pool carries the queued actions out
	return nil
}

// judgeEpochOffences judges x/epoch's offences after the cursor, at most
// maxJudgedPerBlock of them.
func (k Keeper) judgeEpochOffences(ctx context.Context) error {
	cursor, err := k.EpochOffenceCursor.Get(ctx)
	if err != nil && !isNotFound(err) {
		return err
	}
	offences, err := k.epochs.OffencesAfter(ctx, cursor, maxJudgedPerBlock)
	if err != nil {
		return err
	}
	for _, o := range offences {
		if err := k.judgeEpochOffence(ctx, o); err != nil {
			return err
		}
		if err := k.EpochOffenceCursor.Set(ctx, o.Id); err != nil {
			return err
		}
	}
	k.accountRewards(ctx) // rewards.go: in its own cache, a failure never holds the judging back
	return nil
}

// judgeEpochOffence judges one recorded x/epoch offence in a cache of its own: a stall
// is medium (non-production), a wrong state root critical. Evidence that cannot be
// judged (its sequencer is gone, say) is logged and passed over: the failure is the
// same on every node, and a retry would fail again and hold every later offence back.
// Only a store failure stops the block's judging.
func (k Keeper) judgeEpochOffence(ctx context.Context, o epochtypes.Offence) error {
	ev, ok := epochEvidence(o)
	if !ok {
		return nil
	}
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	cacheCtx, write := sdkCtx.CacheContext()
	judged, err := k.Judge(cacheCtx, ev)
	if err == nil && o.Kind == epochtypes.OffenceKind_OFFENCE_KIND_WRONG_STATE_ROOT {
		err = k.L2Forfeits.Set(cacheCtx, collections.Join(o.SequencerId, o.EpochId), judged.Id)
	}
	if err != nil {
		k.Logger(ctx).Error("offence not judged", "ref", ev.Ref, "sequencer", o.SequencerId, "err", err)
	} else {
		write()
	}
	return k.epochs.MarkOffenceHandled(ctx, o.Id)
}

// epochEvidence is the evidence of an x/epoch offence; false for a kind x/slashing
// does not judge.
func epochEvidence(o epochtypes.Offence) (Evidence, bool) {
	ev := Evidence{SequencerID: o.SequencerId, Ref: fmt.Sprintf("epoch-offence/%d", o.Id)}
	switch o.Kind {
	case epochtypes.OffenceKind_OFFENCE_KIND_NON_PRODUCTION:
		ev.Class, ev.Severity = types.OFFENCE_CLASS_NON_PRODUCTION, types.SEVERITY_MEDIUM
		ev.Text = fmt.Sprintf("producer of epoch %d stalled at L2 height %d from %s; detected at height %d",
			o.EpochId, o.L2Height, o.StalledSince.UTC().Format("2006-01-02T15:04:05Z"), o.DetectedHeight)
	case epochtypes.OffenceKind_OFFENCE_KIND_WRONG_STATE_ROOT:
		ev.Class, ev.Severity = types.OFFENCE_CLASS_WRONG_STATE_ROOT, types.SEVERITY_CRITICAL
		ev.Text = fmt.Sprintf("producer of epoch %d sealed L2 block %d (hash 0x%x) whose state root validators with more than 2/3 of power refused; detected at height %d",
			o.EpochId, o.L2Height, o.HeaderHash, o.DetectedHeight)
	default:
		return Evidence{}, false
	}
	return ev, true
}
