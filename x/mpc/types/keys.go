package types

import "cosmossdk.io/collections"

const (
	// ModuleName names the module, its store and its vote-extension report.
	ModuleName = "mpc"
	// StoreKey is the KV store key.
	StoreKey = ModuleName
	// L1ReportModule names the vote-extension report of the validators' own L1 and L2
	// views (base fee, pool nonce and balance, receipts, batch commitments).
	L1ReportModule = "mpc-l1"
)

// Store prefixes; one per collection, never reused.
var (
	ParamsKey           = collections.NewPrefix(0)
	PoolKeyKey          = collections.NewPrefix(1)
	SessionsKey         = collections.NewPrefix(2)
	NextSessionKey      = collections.NewPrefix(3)
	OpenSessionsKey     = collections.NewPrefix(4)
	SessionsByKeyKey    = collections.NewPrefix(5)
	VoicesKey           = collections.NewPrefix(6)
	BlameVotesKey       = collections.NewPrefix(7)
	BlameWindowKey      = collections.NewPrefix(8)
	SignRequestsKey     = collections.NewPrefix(9)
	NextSignRequestKey  = collections.NewPrefix(10)
	RequestsByStatusKey = collections.NewPrefix(11)
	ReadinessKey        = collections.NewPrefix(12)
	BlamesKey           = collections.NewPrefix(13)
	NextBlameKey        = collections.NewPrefix(14)
	SessionBlamesKey    = collections.NewPrefix(15)
	ProgressKey         = collections.NewPrefix(16)
	L1ViewKey           = collections.NewPrefix(17)
	PoolTxsKey          = collections.NewPrefix(18)
	NextPoolTxKey       = collections.NewPrefix(19)
	PoolTxsByStatusKey  = collections.NewPrefix(20)
	BatchProgressKey    = collections.NewPrefix(21)
	AcceptedBatchesKey  = collections.NewPrefix(22)
	RevertsKey          = collections.NewPrefix(23)
	LastByPurposeKey    = collections.NewPrefix(24)
	RetiredKeysKey      = collections.NewPrefix(25)
)
