package keeper

import (
	"context"
	"fmt"

	"cosmossdk.io/collections"
	"cosmossdk.io/core/comet"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/themis-network/themis/x/slashing/types"
)

// judgeDoubleSigns judges the duplicate-vote evidence CometBFT hands the block
// (consensus double signing): critical, each (height, validator) once. The validator is
// found in the set that was in force at the evidence's height, so a key that has since
// left the set is still charged. Light-client attacks are logged, not judged: CometBFT
// v0.38 reports the validators it blames, but the attack needs a fork of the light
// client's view and is out of this module's scope.
func (k Keeper) judgeDoubleSigns(ctx context.Context) error {
	info := sdk.UnwrapSDKContext(ctx).CometInfo()
	if info == nil {
		return nil // no header information (simulation, tests)
	}
	evidence := info.GetEvidence()
	if evidence == nil {
		return nil
	}
	for i := 0; i < evidence.Len(); i++ {
		ev := evidence.Get(i)
		addr := ev.Validator().Address()
		if ev.Type() != comet.DuplicateVote {
			k.Logger(ctx).Info("misbehaviour evidence not judged", "type", ev.Type(), "height", ev.Height(), "validator", fmt.Sprintf("%X", addr))
			continue
		}
		key := collections.Join(ev.Height(), addr)
		if done, err := k.DoubleSigns.Has(ctx, key); err != nil || done {
			return err
		}
		id, ok, err := k.sequencerAt(ctx, ev.Height(), addr)
		if err != nil {
			return err
		}
		if !ok {
			k.Logger(ctx).Error("duplicate vote by a validator not in the recorded set", "height", ev.Height(), "validator", fmt.Sprintf("%X", addr))
			continue
		}
		if err := k.DoubleSigns.Set(ctx, key); err != nil {
			return err
		}
		if err := k.judgeInCache(ctx, Evidence{
			Class: types.OFFENCE_CLASS_DOUBLE_SIGN, Severity: types.SEVERITY_CRITICAL, SequencerID: id,
			Text: fmt.Sprintf("CometBFT duplicate-vote evidence: validator %X signed two blocks at height %d (evidence time %s)",
				addr, ev.Height(), ev.Time().UTC().Format("2006-01-02T15:04:05Z")),
			Ref: fmt.Sprintf("double-sign/%d/%X", ev.Height(), addr),
		}); err != nil {
			return err
		}
	}
	return nil
}

// sequencerAt finds the sequencer whose consensus address is addr in the set in force
// at height h.
func (k Keeper) sequencerAt(ctx context.Context, h int64, addr []byte) (uint64, bool, error) {
	set, err := k.sequencers.RecordedSetAt(ctx, h)
	if err != nil {
		return 0, false, nil
	}
	for _, v := range set.Validators {
		if string(v.ConsAddress) == string(addr) {
			return v.SequencerId, true, nil
		}
	}
	return 0, false, nil
}
