//go:build !themis_next

package epoch

import (
	"github.com/cosmos/cosmos-sdk/types/module"

	"github.com/themis-network/themis/x/epoch/keeper"
)

// ConsensusVersion is bumped with every state migration. The release built with the
// themis_next tag (version_next.go) is the next one: version 2, with Migrate1to2.
const ConsensusVersion = 1

// registerMigrations registers the migrations up to ConsensusVersion: none yet.
func registerMigrations(module.Configurator, keeper.Migrator) error { return nil }
