package types

import "cosmossdk.io/collections"

const (
	// ModuleName names the module, its store and its side-transaction queue.
	ModuleName = "sequencer"
	// StoreKey is the KV store key.
	StoreKey = ModuleName
)

// Store prefixes; one per collection, never reused.
var (
	ParamsKey           = collections.NewPrefix(0)
	WhitelistKey        = collections.NewPrefix(1)
	SequencersKey       = collections.NewPrefix(2)
	SignerIndexKey      = collections.NewPrefix(3)
	OwnerIndexKey       = collections.NewPrefix(4)
	AccountIndexKey     = collections.NewPrefix(5)
	AppliedEventsKey    = collections.NewPrefix(6)
	PendingEventsKey    = collections.NewPrefix(7)
	PendingDigestKey    = collections.NewPrefix(8)
	NextPendingIDKey    = collections.NewPrefix(9)
	BannedKey           = collections.NewPrefix(10)
	ValidatorHistoryKey = collections.NewPrefix(11)
	PendingCountKey     = collections.NewPrefix(12)
	RetiredSignersKey   = collections.NewPrefix(13)
	DisagreementsKey    = collections.NewPrefix(14)
	PendingLanesKey     = collections.NewPrefix(15)
	LaneCountsKey       = collections.NewPrefix(16)
	PendingByNonceKey   = collections.NewPrefix(17)
	L1ConfigKey         = collections.NewPrefix(18)
	L1LedgerKey         = collections.NewPrefix(19)
	L1WhitelistKey      = collections.NewPrefix(20)
	WhitelistDiffsKey   = collections.NewPrefix(21)
	L1AdminKey          = collections.NewPrefix(22)
)
