package keeper

import (
	"context"
	"fmt"

	"cosmossdk.io/collections"
	"cosmossdk.io/core/comet"
	sdk "github.com/cosmos/cosmos-sdk/types"

	sequencertypes "github.com/themis-network/themis/x/sequencer/types"
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
		done, err := k.DoubleSigns.Has(ctx, key)
		if err != nil {
			return err
		}
		if done {
			continue // judged already (CometBFT may hand over copies under other hashes)
		}
		id, ok, err := k.sequencerOf(ctx, ev.Height(), addr)
		if err != nil {
			return err
		}
		if !ok {
			k.Logger(ctx).Error("duplicate vote by a validator the chain never saw in a set", "height", ev.Height(), "validator", fmt.Sprintf("%X", addr))
			continue
		}
		if err := k.DoubleSigns.Set(ctx, key); err != nil {
			return err
		}
		// One charge per ban: a key signing twice at many heights before it leaves the
		// set is one offence (critical bans it at the first), not a quarter per height.
		if s, err := k.sequencers.GetSequencer(ctx, id); err != nil {
			return err
		} else if s.Status == sequencertypes.SEQUENCER_STATUS_BANNED {
			k.Logger(ctx).Info("duplicate vote of a banned sequencer: already charged", "sequencer", id, "height", ev.Height())
			continue
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

// sequencerOf finds the sequencer whose consensus address is addr: in the set in force
// at height h if x/sequencer still keeps it, else from the index of every address ever
// seen in a set (x/sequencer keeps about 100 heights of sets; CometBFT accepts evidence
// for much longer).
func (k Keeper) sequencerOf(ctx context.Context, h int64, addr []byte) (uint64, bool, error) {
	if set, err := k.sequencers.RecordedSetAt(ctx, h); err == nil {
		for _, v := range set.Validators {
			if string(v.ConsAddress) == string(addr) {
				return v.SequencerId, true, nil
			}
		}
	}
	id, err := k.ConsAddresses.Get(ctx, addr)
	if isNotFound(err) {
		return 0, false, nil
	}
	return id, err == nil, err
}
