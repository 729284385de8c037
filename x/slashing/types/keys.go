package types

import "cosmossdk.io/collections"

const (
	// ModuleName names the module and its store.
	ModuleName = "slashing"
	// StoreKey is the KV store key.
	StoreKey = ModuleName
)

// Store prefixes; one per collection, never reused.
var (
	ParamsKey           = collections.NewPrefix(0)
	OffencesKey         = collections.NewPrefix(1)
	NextOffenceKey      = collections.NewPrefix(2)
	JailsKey            = collections.NewPrefix(3)
	StrikesKey          = collections.NewPrefix(4)
	EscrowsKey          = collections.NewPrefix(5)
	L1ActionsKey        = collections.NewPrefix(6)
	NextL1ActionKey     = collections.NewPrefix(7)
	EpochOffenceCurKey  = collections.NewPrefix(8)
	OffencesBySeqKey    = collections.NewPrefix(9)
	QueuedActionsKey    = collections.NewPrefix(10)
	SigningsKey         = collections.NewPrefix(11)
	LowFlaggedKey       = collections.NewPrefix(12)
	GraceUntilKey       = collections.NewPrefix(13)
	LastBlockTimeKey    = collections.NewPrefix(14)
	EquivocationsKey    = collections.NewPrefix(15)
	DoubleSignsKey      = collections.NewPrefix(16)
	NextRewardBatchKey  = collections.NewPrefix(17)
	EscrowsByReleaseKey = collections.NewPrefix(18)
	RewardStateKey      = collections.NewPrefix(19)
	SequencerRewardsKey = collections.NewPrefix(20)
	EpochCreditsKey     = collections.NewPrefix(21)
	ConsAddressesKey    = collections.NewPrefix(22)
	L2ForfeitsKey       = collections.NewPrefix(23)
	MpcBlameCursorKey   = collections.NewPrefix(24)
	UnsentActionsKey    = collections.NewPrefix(25)
	RewardBatchIndexKey = collections.NewPrefix(26)
	EscrowsByL1IDKey    = collections.NewPrefix(27)
)
