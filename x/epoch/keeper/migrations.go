package keeper

import (
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/themis-network/themis/x/epoch/types"
)

// Migrator holds x/epoch's store migrations, run by x/upgrade's handlers
// (module.Configurator.RegisterMigration) when a release bumps ConsensusVersion.
type Migrator struct {
	k Keeper
}

// NewMigrator returns the migrations of k's store.
func NewMigrator(k Keeper) Migrator { return Migrator{k: k} }

// Migrate1to2 is the "v2" release's migration: it caps the rotation-history query at
// types.NextMaxHistoryPage where the chain had no cap, and leaves a cap governance
// already chose. A stall_threshold below types.MinStallThreshold (valid before the
// floor existed) is raised to it, so the upgrade cannot fail on the chain's own params.
// Every other parameter and all state are kept as they are.
func (m Migrator) Migrate1to2(ctx sdk.Context) error {
	params, err := m.k.Params.Get(ctx)
	if err != nil {
		return err
	}
	changed := false
	if params.MaxHistoryPage == 0 {
		params.MaxHistoryPage = types.NextMaxHistoryPage
		changed = true
	}
	if params.StallThreshold < types.MinStallThreshold {
		m.k.Logger(ctx).Info("x/epoch: stall_threshold raised to its floor", "from", params.StallThreshold, "to", types.MinStallThreshold)
		params.StallThreshold = types.MinStallThreshold
		changed = true
	}
	if !changed {
		return nil
	}
	if err := params.Validate(); err != nil {
		return err
	}
	m.k.Logger(ctx).Info("x/epoch migrated to version 2", "max_history_page", params.MaxHistoryPage, "stall_threshold", params.StallThreshold)
	return m.k.Params.Set(ctx, params)
}
