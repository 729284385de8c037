//go:build themis_next

package app

// NextUpgradeName is the upgrade the next release performs; governance's
// MsgSoftwareUpgrade names it, and every node halts at its height until the new
// binary (built with -tags themis_next) runs.
const NextUpgradeName = "v2"

// upgrades are the upgrades this release performs: "v2", whose migrations are x/epoch
// 1 -> 2 (the rotation-history query gets a cap). It adds no store.
func upgrades() []Upgrade { return []Upgrade{{Name: NextUpgradeName}} }
