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
// already chose. Every other parameter and all state are kept as they are.
func (m Migrator) Migrate1to2(ctx sdk.Context) error {
	params, err := m.k.Params.Get(ctx)
	if err != nil {
		return err
	}
	if params.MaxHistoryPage != 0 {
		return nil
	}
	params.MaxHistoryPage = types.NextMaxHistoryPage
	if err := params.Validate(); err != nil {
		return err
	}
	m.k.Logger(ctx).Info("x/epoch migrated to version 2", "max_history_page", params.MaxHistoryPage)
	return m.k.Params.Set(ctx, params)
}
