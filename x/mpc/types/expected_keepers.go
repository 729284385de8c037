package types

import (
	"context"

	sequencertypes "github.com/themis-network/themis/x/sequencer/types"
)

// SequencerKeeper is what x/mpc reads of the pool: the ACTIVE sequencers (never
// jailed, removed, banned or not admitted) with their consensus key and power, the L1
// chain and staking contract, and the staking contract's configuration as mirrored
// from L1 (whose pool address says whether L1 already knows the pool's key).
type SequencerKeeper interface {
	ActiveValidatorSet(ctx context.Context) (sequencertypes.ValidatorSet, error)
	GetParams(ctx context.Context) (sequencertypes.Params, error)
	GetL1Config(ctx context.Context) (sequencertypes.L1Config, error)
	// L1AdminChanges are where the staking contract's administration differs from
	// governance's decision, in the order the pool reconciles them (at most limit).
	L1AdminChanges(ctx context.Context, limit int) ([]sequencertypes.L1AdminChange, error)
	// ApproveRecoveryPool approves address as the staking contract's recovery pool
	// (governance's decision, taken by MsgReplacePoolKey).
	ApproveRecoveryPool(ctx context.Context, address string) error
}

// L2Heads is what x/mpc reads of x/epoch: the L2 height more than 2/3 of power
// reached, which bounds the batches it proposes.
type L2Heads interface {
	AgreedHead(ctx context.Context) (uint64, bool, error)
}

// PoolCallPurpose is what asked the pool to make an L1 call. It hears, once, how the
// call ended on L1: OnLanded runs in PreBlock, in a cache context written only if it
// returns nil (an error or panic is logged and emitted; the landing stands).
type PoolCallPurpose interface {
	// Name is the purpose's registered name: 1-64 of [a-z0-9_].
	Name() string
	OnLanded(ctx context.Context, tx PoolTx, reverted bool) error
}
