package app

import (
	"context"
	"fmt"

	storetypes "cosmossdk.io/store/types"
	upgradetypes "cosmossdk.io/x/upgrade/types"
	"github.com/cosmos/cosmos-sdk/types/module"
)

// Upgrade is one planned software upgrade: the name governance's MsgSoftwareUpgrade
// plan carries, and the store changes the new binary makes at the plan's height.
type Upgrade struct {
	Name string
	// StoreUpgrades adds, renames or deletes module stores (none: the same stores).
	StoreUpgrades storetypes.StoreUpgrades
}

// setUpgradeHandlers registers the handler of each upgrade this binary performs.
// Upgrades are scheduled by governance (x/upgrade MsgSoftwareUpgrade); no height is
// hard-coded. The handler runs every module's registered migrations from the versions
// stored before the upgrade to this binary's ConsensusVersions.
func (app *App) setUpgradeHandlers() {
	if len(upgrades()) == 0 {
		return
	}
	for _, u := range upgrades() {
		app.UpgradeKeeper.SetUpgradeHandler(u.Name, func(ctx context.Context, _ upgradetypes.Plan, fromVM module.VersionMap) (module.VersionMap, error) {
			app.Logger().Info("running the upgrade's store migrations", "upgrade", u.Name)
			return app.ModuleManager.RunMigrations(ctx, app.configurator, fromVM)
		})
	}
	info, err := app.UpgradeKeeper.ReadUpgradeInfoFromDisk()
	if err != nil {
		panic(fmt.Errorf("read upgrade-info.json: %w", err)) // a corrupt file must not be ignored
	}
	for _, u := range upgrades() {
		if info.Name == u.Name && !app.UpgradeKeeper.IsSkipHeight(info.Height) {
			// The stores change exactly at the upgrade height, in the new binary.
			app.SetStoreLoader(upgradetypes.UpgradeStoreLoader(info.Height, &u.StoreUpgrades))
		}
	}
}
