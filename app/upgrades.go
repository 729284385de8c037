package app

// setUpgradeHandlers registers the handlers of planned software upgrades. Upgrades are
// scheduled by governance (x/upgrade MsgSoftwareUpgrade); no height is hard-coded.
// Each release adds its handler here, named as in the proposal.
func (app *App) setUpgradeHandlers() {}
