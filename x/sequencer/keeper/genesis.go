package keeper

import (
	"context"

	"cosmossdk.io/collections"
	"cosmossdk.io/math"
	abci "github.com/cometbft/cometbft/abci/types"

	"github.com/themis-network/themis/x/sequencer/types"
)

// InitGenesis loads the state and returns the initial CometBFT validator set: the
// active sequencers. It is also recorded as the set of the first heights.
func (k Keeper) InitGenesis(ctx context.Context, gs types.GenesisState) ([]abci.ValidatorUpdate, error) {
	if err := gs.Validate(); err != nil {
		return nil, err
	}
	if err := k.L1Config.Set(ctx, gs.L1Config); err != nil {
		return nil, err
	}
	ledger := gs.L1Ledger
	if ledger.RewardReserve.IsNil() {
		ledger.RewardReserve = math.ZeroInt()
	}
	if err := k.L1Ledger.Set(ctx, ledger); err != nil {
		return nil, err
	}
	if err := k.Params.Set(ctx, gs.Params); err != nil {
		return nil, err
	}
	for _, owner := range gs.Whitelist {
		if err := k.Whitelist.Set(ctx, owner); err != nil {
			return nil, err
		}
	}
	for _, account := range gs.L1Whitelist {
		if err := k.L1Whitelist.Set(ctx, account); err != nil {
			return nil, err
		}
	}
	for _, owner := range append(append([]string(nil), gs.Whitelist...), gs.L1Whitelist...) {
		if err := k.markWhitelistDiff(ctx, owner); err != nil {
			return nil, err
		}
	}
	admin := gs.L1Admin
	if admin.MinLock.IsNil() || admin.MaxLock.IsNil() {
		admin.MinLock, admin.MaxLock = math.ZeroInt(), math.ZeroInt() // unset: a genesis from before the decision existed
	}
	if err := k.L1Admin.Set(ctx, admin); err != nil {
		return nil, err
	}
	for _, s := range gs.Sequencers {
		if err := k.setNewSequencer(ctx, s); err != nil {
			return nil, err
		}
	}
	for _, e := range gs.AppliedEvents {
		if err := k.AppliedEvents.Set(ctx, e); err != nil {
			return nil, err
		}
	}
	// The count is derived state: it starts at 0 and each imported event adds one.
	if err := k.PendingCount.Set(ctx, 0); err != nil {
		return nil, err
	}
	for _, p := range gs.PendingEvents {
		if err := k.addPending(ctx, p); err != nil {
			return nil, err
		}
	}
	// The sequence yields its stored value, and ids are that value + 1.
	if err := k.NextPendingID.Set(ctx, gs.NextPendingId-1); err != nil {
		return nil, err
	}
	for _, b := range gs.BannedAddresses {
		if err := k.Banned.Set(ctx, b); err != nil {
			return nil, err
		}
	}
	for _, r := range gs.RetiredSigners {
		if err := k.RetiredSigners.Set(ctx, r); err != nil {
			return nil, err
		}
	}
	for _, d := range gs.Disagreements {
		if err := k.Disagreements.Set(ctx, collections.Join(d.SequencerId, d.Nonce), d); err != nil {
			return nil, err
		}
	}
	// CometBFT signs the first heights of this chain with the set InitGenesis returns,
	// whatever the exported history said about those heights (a zero-height restart
	// starts again at 1): keep only the history below the initial height, then record
	// the active set at it.
	initial := max(sdkHeight(ctx), 1)
	for _, h := range gs.ValidatorHistory {
		if h.Height >= initial {
			continue
		}
		if err := k.ValidatorHistory.Set(ctx, h.Height, h.Set); err != nil {
			return nil, err
		}
	}
	set, err := k.ActiveValidatorSet(ctx)
	if err != nil {
		return nil, err
	}
	// The same set already on record for the initial height needs no new entry, so
	// an export imports into the very same history.
	if same, err := k.recordedSetIs(ctx, initial, set); err != nil {
		return nil, err
	} else if !same {
		if err := k.recordSet(ctx, initial, set); err != nil {
			return nil, err
		}
	}
	return types.ToValidatorUpdates(set), nil
}

// ExportGenesis writes the whole state out; importing it gives the same state.
func (k Keeper) ExportGenesis(ctx context.Context) (*types.GenesisState, error) {
	params, err := k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	config, err := k.L1Config.Get(ctx)
	if err != nil {
		return nil, err
	}
	ledger, err := k.L1Ledger.Get(ctx)
	if err != nil {
		return nil, err
	}
	gs := &types.GenesisState{Params: params, L1Config: config, L1Ledger: ledger}
	if err := k.Whitelist.Walk(ctx, nil, func(owner string) (bool, error) {
		gs.Whitelist = append(gs.Whitelist, owner)
		return false, nil
	}); err != nil {
		return nil, err
	}
	if err := k.L1Whitelist.Walk(ctx, nil, func(account string) (bool, error) {
		gs.L1Whitelist = append(gs.L1Whitelist, account)
		return false, nil
	}); err != nil {
		return nil, err
	}
	if gs.L1Admin, err = k.L1Admin.Get(ctx); err != nil {
		return nil, err
	}
	if err := k.Sequencers.Walk(ctx, nil, func(_ uint64, s types.Sequencer) (bool, error) {
		gs.Sequencers = append(gs.Sequencers, s)
		return false, nil
	}); err != nil {
		return nil, err
	}
	if err := k.AppliedEvents.Walk(ctx, nil, func(e string) (bool, error) {
		gs.AppliedEvents = append(gs.AppliedEvents, e)
		return false, nil
	}); err != nil {
		return nil, err
	}
	if err := k.PendingEvents.Walk(ctx, nil, func(_ uint64, p types.PendingEvent) (bool, error) {
		gs.PendingEvents = append(gs.PendingEvents, p)
		return false, nil
	}); err != nil {
		return nil, err
	}
	next, err := k.NextPendingID.Peek(ctx)
	if err != nil {
		return nil, err
	}
	gs.NextPendingId = next + 1
	if err := k.Banned.Walk(ctx, nil, func(b string) (bool, error) {
		gs.BannedAddresses = append(gs.BannedAddresses, b)
		return false, nil
	}); err != nil {
		return nil, err
	}
	if err := k.RetiredSigners.Walk(ctx, nil, func(r string) (bool, error) {
		gs.RetiredSigners = append(gs.RetiredSigners, r)
		return false, nil
	}); err != nil {
		return nil, err
	}
	if err := k.Disagreements.Walk(ctx, nil, func(_ collections.Pair[uint64, uint64], d types.Disagreement) (bool, error) {
		gs.Disagreements = append(gs.Disagreements, d)
		return false, nil
	}); err != nil {
		return nil, err
	}
	err = k.ValidatorHistory.Walk(ctx, new(collections.Range[int64]), func(h int64, set types.ValidatorSet) (bool, error) {
		gs.ValidatorHistory = append(gs.ValidatorHistory, types.ValidatorSetEntry{Height: h, Set: set})
		return false, nil
	})
	return gs, err
}
