package keeper

import (
	"bytes"
	"context"
	"errors"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	abci "github.com/cometbft/cometbft/abci/types"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/themis-network/themis/x/sequencer/types"
	"github.com/themis-network/themis/x/voteext"
)

// CometBFT applies the validator updates returned at the end of height H from H+2 on.
const validatorUpdateDelay = 2

// historyWindow is how many heights of validator sets are kept for tallying votes.
const historyWindow = 100

var _ voteext.ValidatorSetProvider = Keeper{}

// ActiveValidatorSet builds the set the active sequencers make now.
func (k Keeper) ActiveValidatorSet(ctx context.Context) (types.ValidatorSet, error) {
	config, err := k.L1Config.Get(ctx)
	if err != nil {
		return types.ValidatorSet{}, err
	}
	active, err := k.ActiveSequencers(ctx)
	if err != nil {
		return types.ValidatorSet{}, err
	}
	members := make([]types.ValidatorPower, 0, len(active))
	for _, s := range active {
		key, err := types.ParseSignerKey(s.PubKey)
		if err != nil {
			return types.ValidatorSet{}, err
		}
		members = append(members, types.ValidatorPower{
			ConsAddress: key.ConsAddress(),
			PubKey:      key.Compressed(),
			Power:       types.VotingPower(types.ChainStake(s), config.MaxLock),
			SequencerId: s.Id,
		})
	}
	return types.BuildValidatorSet(members), nil
}

// SigningSet is the set the chain runs on: the active sequencers' set, or, when that is
// empty (nobody has power: e.g. the contract's max_lock set under one token), the last
// recorded one, which EndBlock keeps for CometBFT. Governance and relaying follow it, so
// a configuration that leaves nobody with power can still be relayed back.
func (k Keeper) SigningSet(ctx context.Context) (types.ValidatorSet, error) {
	set, err := k.ActiveValidatorSet(ctx)
	if err != nil || len(set.Validators) > 0 {
		return set, err
	}
	recorded, _, err := k.latestRecordedSet(ctx)
	return recorded, err
}

// latestRecordedSet is the newest set handed to CometBFT.
func (k Keeper) latestRecordedSet(ctx context.Context) (types.ValidatorSet, bool, error) {
	iter, err := k.ValidatorHistory.Iterate(ctx, new(collections.Range[int64]).Descending())
	if err != nil {
		return types.ValidatorSet{}, false, err
	}
	defer iter.Close()
	if !iter.Valid() {
		return types.ValidatorSet{}, false, nil
	}
	set, err := iter.Value()
	return set, err == nil, err
}

// ValidatorSetAt returns the recorded set that signed height h.
func (k Keeper) ValidatorSetAt(ctx context.Context, height int64) (voteext.ValidatorSet, error) {
	set, err := k.RecordedSetAt(ctx, height)
	if err != nil {
		return voteext.ValidatorSet{}, err
	}
	out := voteext.ValidatorSet{TotalPower: set.TotalPower, Validators: make([]voteext.Validator, len(set.Validators))}
	for i, v := range set.Validators {
		out.Validators[i] = voteext.Validator{ConsAddress: v.ConsAddress, PubKey: v.PubKey, Power: v.Power}
	}
	return out, nil
}

// RecordedSetAt returns the newest recorded set whose effective height is at most h.
func (k Keeper) RecordedSetAt(ctx context.Context, height int64) (types.ValidatorSet, error) {
	rng := new(collections.Range[int64]).EndInclusive(height).Descending()
	iter, err := k.ValidatorHistory.Iterate(ctx, rng)
	if err != nil {
		return types.ValidatorSet{}, err
	}
	defer iter.Close()
	if !iter.Valid() {
		return types.ValidatorSet{}, errorsmod.Wrapf(types.ErrNoValidatorSet, "height %d", height)
	}
	return iter.Value()
}

// recordedSetIs reports whether the set on record for height is exactly set.
func (k Keeper) recordedSetIs(ctx context.Context, height int64, set types.ValidatorSet) (bool, error) {
	recorded, err := k.RecordedSetAt(ctx, height)
	if errors.Is(err, types.ErrNoValidatorSet) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	a, err := recorded.Marshal()
	if err != nil {
		return false, err
	}
	b, err := set.Marshal()
	if err != nil {
		return false, err
	}
	return bytes.Equal(a, b), nil
}

// recordSet stores the set that takes effect at height.
func (k Keeper) recordSet(ctx context.Context, height int64, set types.ValidatorSet) error {
	if err := k.ValidatorHistory.Set(ctx, height, set); err != nil {
		return err
	}
	emit(ctx, &types.EventValidatorSetUpdated{EffectiveHeight: height, TotalPower: set.TotalPower, Size_: uint32(len(set.Validators))})
	return nil
}

// EndBlock expires stale relayed events, then returns the validator updates for
// CometBFT and records the new set under the height it takes effect.
func (k Keeper) EndBlock(ctx context.Context) ([]abci.ValidatorUpdate, error) {
	if err := k.ExpirePending(ctx); err != nil {
		return nil, err
	}
	height := sdk.UnwrapSDKContext(ctx).BlockHeight()
	next, err := k.ActiveValidatorSet(ctx)
	if err != nil {
		return nil, err
	}
	old, _, err := k.latestRecordedSet(ctx)
	if err != nil {
		return nil, err
	}
	if len(next.Validators) == 0 {
		// CometBFT cannot run without validators: the last ones stay until someone joins.
		k.Logger(ctx).Error("no active sequencer left; keeping the previous validator set")
		return nil, k.pruneHistory(ctx, height)
	}
	updates := types.DiffValidatorSets(old, next)
	if len(updates) > 0 {
		if err := k.recordSet(ctx, height+validatorUpdateDelay, next); err != nil {
			return nil, err
		}
	}
	return updates, k.pruneHistory(ctx, height)
}

// pruneHistory drops sets that can no longer be asked for, keeping the newest one
// at or below the window's start so that every height in the window resolves.
func (k Keeper) pruneHistory(ctx context.Context, height int64) error {
	floor := height - historyWindow
	if floor <= 0 {
		return nil
	}
	var stale []int64
	rng := new(collections.Range[int64]).EndInclusive(floor).Descending()
	first := true
	err := k.ValidatorHistory.Walk(ctx, rng, func(h int64, _ types.ValidatorSet) (bool, error) {
		if first { // the newest set at or below the floor still governs the floor
			first = false
			return false, nil
		}
		stale = append(stale, h)
		return false, nil
	})
	if err != nil {
		return err
	}
	for _, h := range stale {
		if err := k.ValidatorHistory.Remove(ctx, h); err != nil {
			return err
		}
	}
	return nil
}
