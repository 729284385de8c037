package keeper

import (
	"bytes"
	"errors"
	"fmt"
	"sort"

	"cosmossdk.io/collections"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/themis-network/themis/x/epoch/l2head"
	"github.com/themis-network/themis/x/epoch/randao"
	"github.com/themis-network/themis/x/epoch/types"
	"github.com/themis-network/themis/x/voteext"
)

var _ voteext.Reporter = Keeper{}

// Module implements voteext.Reporter.
func (Keeper) Module() string { return types.ModuleName }

// CheckReport implements voteext.Reporter: the strict, stateless decode every node
// applies to a validator's report before its extension is accepted.
func (Keeper) CheckReport(payload []byte) error {
	_, err := types.DecodeReport(payload)
	return err
}

// ApplyReports implements voteext.Reporter. For the extensions of height it records
// each validator's report, accepts valid reveals and mixes them into the seed, folds
// the head that more than 2/3 of power reached into the agreed progress, and counts
// the refused L2 blocks reported as wrong-state-root evidence (wrong_root.go).
func (k Keeper) ApplyReports(ctx sdk.Context, height int64, set voteext.ValidatorSet, reports []voteext.ValidatorReport) error {
	if set.TotalPower <= 0 {
		return fmt.Errorf("recorded set of %d has no power", height)
	}
	now := ctx.BlockTime()
	var heads []l2head.Report
	var reveals []randao.Contribution
	var wrongRoots []wrongRootVote
	for _, vr := range reports {
		addr := vr.Validator.ConsAddress
		if vr.Payload == nil {
			if err := k.countMissedReveal(ctx, addr); err != nil {
				return err
			}
			continue
		}
		r, rejected, err := types.DecodeReportAndHeader(vr.Payload)
		if err != nil { // checked before the block was accepted; defensive only
			continue
		}
		if err := k.Reports.Set(ctx, addr, types.ValidatorReport{
			ConsAddress:    addr,
			HasHead:        r.HasHead,
			L2Height:       r.L2Height,
			L2Hash:         r.L2Hash,
			L2Time:         r.L2Time,
			TssReady:       r.TssReady,
			ReportedHeight: height,
			ReportedTime:   now,
		}); err != nil {
			return err
		}
		if r.HasHead && vr.Validator.Power > 0 {
			heads = append(heads, l2head.Report{Power: uint64(vr.Validator.Power), Height: r.L2Height})
		}
		if rejected != nil && vr.Validator.Power > 0 {
			wrongRoots = append(wrongRoots, wrongRootVote{addr: addr, header: *rejected})
		}
		reveal, err := k.applyOnion(ctx, height, addr, r)
		if err != nil {
			return err
		}
		if reveal != nil {
			reveals = append(reveals, randao.Contribution{Validator: addr, Reveal: reveal})
		}
	}
	if err := k.mixSeed(ctx, height, reveals); err != nil {
		return err
	}
	agreed, ok, err := l2head.Agreed(heads, uint64(set.TotalPower))
	if err != nil {
		return err
	}
	if err := k.advanceHead(ctx, agreed, ok); err != nil {
		return err
	}
	return k.applyWrongRoots(ctx, set, wrongRoots)
}

// applyOnion accepts a new commitment, or verifies the reveal of extension height H:
// the layer of height H, which hashes to the last accepted layer in exactly
// H - layer_height steps. It returns the reveal when it is valid. A new commitment
// replaces the onion (a lost secret must not silence a validator forever); that
// height it contributes no reveal, which is the same as withholding one.
func (k Keeper) applyOnion(ctx sdk.Context, height int64, addr []byte, r types.Report) ([]byte, error) {
	st, err := k.Onions.Get(ctx, addr)
	has := err == nil
	if err != nil && !errors.Is(err, collections.ErrNotFound) {
		return nil, err
	}
	if c := r.Commitment; c != nil {
		missed := st.Missed
		if has && revealFits(st, height) {
			missed++ // replacing an onion with layers left withholds this height's reveal
		}
		return nil, k.Onions.Set(ctx, addr, types.OnionState{
			ConsAddress: addr, Index: c.Index, Length: c.Length, Layer: c.Layer, Missed: missed,
			StartHeight: height, LayerHeight: height,
		})
	}
	if !has {
		return nil, nil
	}
	if !revealFits(st, height) || len(r.Reveal) == 0 ||
		randao.VerifySkip(st.Layer, r.Reveal, uint64(height-st.LayerHeight)) != nil {
		st.Missed++
		return nil, k.Onions.Set(ctx, addr, st)
	}
	st.Layer = r.Reveal
	st.LayerHeight = height
	st.Revealed++
	return r.Reveal, k.Onions.Set(ctx, addr, st)
}

// revealFits tells whether height may carry a reveal of onion st: after its last
// layer, within the skip bound, and not past the onion's last layer.
func revealFits(st types.OnionState, height int64) bool {
	return height > st.LayerHeight && height-st.LayerHeight <= types.MaxRevealSkip &&
		uint64(height-st.StartHeight) <= st.Length
}

// countMissedReveal records that a validator with an onion sent no extension.
func (k Keeper) countMissedReveal(ctx sdk.Context, addr []byte) error {
	st, err := k.Onions.Get(ctx, addr)
	if errors.Is(err, collections.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	st.Missed++
	return k.Onions.Set(ctx, addr, st)
}

// mixSeed folds the valid reveals of height into the running seed, in address order.
func (k Keeper) mixSeed(ctx sdk.Context, height int64, reveals []randao.Contribution) error {
	prev, err := k.Seed.Get(ctx)
	if err != nil && !errors.Is(err, collections.ErrNotFound) {
		return err
	}
	sort.Slice(reveals, func(i, j int) bool { return bytes.Compare(reveals[i].Validator, reveals[j].Validator) < 0 })
	seed := randao.Mix(prev, ctx.ChainID(), uint64(height), reveals)
	return k.Seed.Set(ctx, seed[:])
}

// advanceHead folds this block's agreed head into the stored progress (l2head.Advance:
// forward only; the interval since the last block counts only with agreement, so no
// agreement pauses the clock without restarting it, and at most
// l2head.MaxCounted(stall_threshold), so the chain's own stop is not charged). A head
// that advances clears the stall charge, so a later stall in the same epoch is charged
// again.
func (k Keeper) advanceHead(ctx sdk.Context, agreed uint64, ok bool) error {
	p, err := k.progress(ctx)
	if err != nil {
		return err
	}
	params, err := k.Params.Get(ctx)
	if err != nil {
		return err
	}
	next := l2head.Advance(clockOf(p), agreed, ok, ctx.BlockTime(), params.StallThreshold)
	if !next.Known() {
		return nil // no agreed head yet
	}
	if p.Known && next.Height > p.Height {
		if err := k.StallCharged.Set(ctx, 0); err != nil {
			return err
		}
	}
	return k.Progress.Set(ctx, progressOf(next))
}
