package types

import "cosmossdk.io/collections"

const (
	// ModuleName names the module, its store and its vote-extension report.
	ModuleName = "epoch"
	// StoreKey is the KV store key.
	StoreKey = ModuleName
)

// Store prefixes; one per collection, never reused.
var (
	ParamsKey       = collections.NewPrefix(0)
	EpochsKey       = collections.NewPrefix(1)
	ScheduleKey     = collections.NewPrefix(2)
	ProgressKey     = collections.NewPrefix(3)
	SeedKey         = collections.NewPrefix(4)
	ReportsKey      = collections.NewPrefix(5)
	OnionsKey       = collections.NewPrefix(6)
	OffencesKey     = collections.NewPrefix(7)
	StallChargedKey = collections.NewPrefix(8)
	NoEligibleKey   = collections.NewPrefix(9)
	NextOffenceKey  = collections.NewPrefix(10)
	// Wrong-state-root evidence (wrong_root.go).
	WrongRootsKey          = collections.NewPrefix(11)
	WrongRootVotersKey     = collections.NewPrefix(12)
	WrongRootVoteCountsKey = collections.NewPrefix(13)
	WrongRootAgeKey        = collections.NewPrefix(14)
	WrongRootEpochsKey     = collections.NewPrefix(15)
)
