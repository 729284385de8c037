package keeper

import (
	"bytes"
	"context"
	"errors"

	"cosmossdk.io/collections"

	"github.com/themis-network/themis/x/epoch/types"
)

// InitGenesis loads a validated genesis state.
func (k Keeper) InitGenesis(ctx context.Context, gs types.GenesisState) error {
	if err := gs.Validate(); err != nil {
		return err
	}
	if err := k.Params.Set(ctx, gs.Params); err != nil {
		return err
	}
	for _, e := range gs.Epochs {
		if err := k.Epochs.Set(ctx, e.Id, e); err != nil {
			return err
		}
		if !e.Cancelled {
			if err := k.Schedule.Set(ctx, e.StartHeight, e.Id); err != nil {
				return err
			}
		}
	}
	if gs.Progress.Known {
		if err := k.Progress.Set(ctx, gs.Progress); err != nil {
			return err
		}
	}
	if len(gs.Seed) != 0 {
		if err := k.Seed.Set(ctx, gs.Seed); err != nil {
			return err
		}
	}
	for _, r := range gs.Reports {
		if err := k.Reports.Set(ctx, r.ConsAddress, r); err != nil {
			return err
		}
	}
	for _, o := range gs.Onions {
		if err := k.Onions.Set(ctx, o.ConsAddress, o); err != nil {
			return err
		}
	}
	var lastOffence uint64
	for _, o := range gs.Offences {
		if err := k.Offences.Set(ctx, o.Id, o); err != nil {
			return err
		}
		if o.Kind == types.OffenceKind_OFFENCE_KIND_WRONG_STATE_ROOT {
			if err := k.WrongRootEpochs.Set(ctx, o.EpochId, o.Id); err != nil {
				return err
			}
		}
		lastOffence = o.Id
	}
	if err := k.importWrongRoots(ctx, gs.WrongRootTallies); err != nil {
		return err
	}
	// The sequence yields its stored value and offence ids are that value + 1.
	if err := k.NextOffence.Set(ctx, lastOffence); err != nil {
		return err
	}
	if err := k.StallCharged.Set(ctx, gs.StallChargedEpoch); err != nil {
		return err
	}
	return k.NoEligible.Set(ctx, gs.NoEligible)
}

// ExportGenesis exports the whole state; InitGenesis of the result restores it.
func (k Keeper) ExportGenesis(ctx context.Context) (*types.GenesisState, error) {
	gs := &types.GenesisState{}
	var err error
	if gs.Params, err = k.Params.Get(ctx); err != nil {
		return nil, err
	}
	if err := k.Epochs.Walk(ctx, nil, func(_ uint64, e types.Epoch) (bool, error) {
		gs.Epochs = append(gs.Epochs, e)
		return false, nil
	}); err != nil {
		return nil, err
	}
	if gs.Progress, err = k.progress(ctx); err != nil {
		return nil, err
	}
	if gs.Seed, err = k.Seed.Get(ctx); err != nil && !errors.Is(err, collections.ErrNotFound) {
		return nil, err
	}
	if err := k.Reports.Walk(ctx, nil, func(_ []byte, r types.ValidatorReport) (bool, error) {
		gs.Reports = append(gs.Reports, r)
		return false, nil
	}); err != nil {
		return nil, err
	}
	if err := k.Onions.Walk(ctx, nil, func(_ []byte, o types.OnionState) (bool, error) {
		gs.Onions = append(gs.Onions, o)
		return false, nil
	}); err != nil {
		return nil, err
	}
	if err := k.Offences.Walk(ctx, nil, func(_ uint64, o types.Offence) (bool, error) {
		gs.Offences = append(gs.Offences, o)
		return false, nil
	}); err != nil {
		return nil, err
	}
	if gs.StallChargedEpoch, err = k.StallCharged.Get(ctx); err != nil && !errors.Is(err, collections.ErrNotFound) {
		return nil, err
	}
	if gs.NoEligible, err = flag(ctx, k.NoEligible); err != nil {
		return nil, err
	}
	if gs.WrongRootTallies, err = k.exportWrongRoots(ctx); err != nil {
		return nil, err
	}
	return gs, nil
}

// importWrongRoots stores the genesis tallies and rebuilds their voters, the
// validators' quotas and the age index.
func (k Keeper) importWrongRoots(ctx context.Context, tallies []types.WrongRootTally) error {
	for _, t := range tallies {
		voters := t.Voters
		t.Voters = nil
		if err := k.WrongRoots.Set(ctx, collections.Join(t.L2Height, t.SealHash), t); err != nil {
			return err
		}
		if err := k.WrongRootAge.Set(ctx, collections.Join3(t.OpenedHeight, t.L2Height, t.SealHash)); err != nil {
			return err
		}
		for _, v := range voters {
			if err := k.WrongRootVoters.Set(ctx, collections.Join3(t.L2Height, t.SealHash, v)); err != nil {
				return err
			}
			n, err := k.WrongRootVoteCounts.Get(ctx, v)
			if err != nil && !errors.Is(err, collections.ErrNotFound) {
				return err
			}
			if err := k.WrongRootVoteCounts.Set(ctx, v, n+1); err != nil {
				return err
			}
		}
	}
	return nil
}

// exportWrongRoots lists the open tallies with their voters, in key order.
func (k Keeper) exportWrongRoots(ctx context.Context) ([]types.WrongRootTally, error) {
	var out []types.WrongRootTally
	err := k.WrongRoots.Walk(ctx, nil, func(key collections.Pair[uint64, []byte], t types.WrongRootTally) (bool, error) {
		rng := collections.NewSuperPrefixedTripleRange[uint64, []byte, []byte](key.K1(), key.K2())
		err := k.WrongRootVoters.Walk(ctx, rng, func(v collections.Triple[uint64, []byte, []byte]) (bool, error) {
			t.Voters = append(t.Voters, bytes.Clone(v.K3()))
			return false, nil
		})
		out = append(out, t)
		return false, err
	})
	return out, err
}
