//go:build !themis_next

package app

// upgrades are the upgrades this release performs: none. The next release (built with
// -tags themis_next, upgrades_next.go) performs "v2".
func upgrades() []Upgrade { return nil }
