//go:build themis_next

package epoch

import (
	"github.com/cosmos/cosmos-sdk/types/module"

	"github.com/themis-network/themis/x/epoch/keeper"
	"github.com/themis-network/themis/x/epoch/types"
)

// ConsensusVersion of the next release (built with -tags themis_next): the "v2"
// upgrade's store migration caps the rotation-history query (Migrate1to2).
const ConsensusVersion = 2

// registerMigrations registers 1 -> 2 for x/upgrade's RunMigrations.
func registerMigrations(cfg module.Configurator, m keeper.Migrator) error {
	return cfg.RegisterMigration(types.ModuleName, 1, m.Migrate1to2)
}
