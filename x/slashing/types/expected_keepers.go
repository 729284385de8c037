package types

import (
	"context"

	"cosmossdk.io/math"

	epochtypes "github.com/themis-network/themis/x/epoch/types"
	"github.com/themis-network/themis/x/mpc/outbound"
	mpctypes "github.com/themis-network/themis/x/mpc/types"
	sequencertypes "github.com/themis-network/themis/x/sequencer/types"
)

// SequencerKeeper is what x/slashing needs of the pool registry: read a record, and
// carry a decided outcome out on it (x/sequencer owns status, power and indices).
type SequencerKeeper interface {
	// GetParams gives x/sequencer's parameters (the staking contract's address).
	GetParams(ctx context.Context) (sequencertypes.Params, error)
	GetSequencer(ctx context.Context, id uint64) (sequencertypes.Sequencer, error)
	GetSequencerByAccount(ctx context.Context, addr []byte) (sequencertypes.Sequencer, error)
	MinLock(ctx context.Context) (math.Int, error)
	AddUnconfirmedSlash(ctx context.Context, id uint64, amount math.Int) error
	Jail(ctx context.Context, id uint64, reason string) (bool, error)
	Unjail(ctx context.Context, id uint64) (sequencertypes.SequencerStatus, error)
	RemoveOwner(ctx context.Context, id uint64, reason string) error
	BanOwner(ctx context.Context, id uint64, reason string) error
	// RemoveUnconfirmedSlash undoes AddUnconfirmedSlash (an appeal before L1 slashed).
	RemoveUnconfirmedSlash(ctx context.Context, id uint64, amount math.Int) error
	// ReinstateOwner undoes a removal or ban after an upheld appeal: the owner and
	// signer leave the ban list, the owner is whitelisted again, and the owner's
	// REMOVED or BANNED sequencers that meet every admission rule are ACTIVE again.
	ReinstateOwner(ctx context.Context, id uint64, signer string, stillJailed func(uint64) (bool, error)) error
	// RecordedSetAt is the validator set CometBFT used at height h (x/sequencer's record).
	RecordedSetAt(ctx context.Context, h int64) (sequencertypes.ValidatorSet, error)
	// ActiveSequencers returns the ACTIVE sequencers in id order (the reward re-target
	// sums their capped stake).
	ActiveSequencers(ctx context.Context) ([]sequencertypes.Sequencer, error)
	// MaxLock is the contract's max_lock: stake above it earns nothing more.
	MaxLock(ctx context.Context) (math.Int, error)
	// GetL1Ledger is the contract's ledger as mirrored (the reward reserve).
	GetL1Ledger(ctx context.Context) (sequencertypes.L1Ledger, error)
}

// UpgradeKeeper tells whether a software upgrade was applied (x/upgrade), which starts
// a downtime grace period like a halt.
type UpgradeKeeper interface {
	GetLastCompletedUpgrade(ctx context.Context) (string, int64, error)
}

// EpochKeeper is x/epoch's evidence of non-production, its schedule and the agreed
// L2 head.
type EpochKeeper interface {
	// OffencesAfter returns up to limit recorded offences with id > after, by id.
	OffencesAfter(ctx context.Context, after uint64, limit int) ([]epochtypes.Offence, error)
	// MarkOffenceHandled records that x/slashing judged the offence.
	MarkOffenceHandled(ctx context.Context, id uint64) error
	// L2ChainID is the L2's chain id (x/epoch's parameter), which every L2 seal binds; 0
	// while none is configured.
	L2ChainID(ctx context.Context) (uint64, error)
	// EpochAt returns the live epoch scheduled for L2 height h, if any.
	EpochAt(ctx context.Context, h uint64) (epochtypes.Epoch, bool, error)
	// EpochsAfter returns up to limit decided epochs with id > after, in id order,
	// cancelled ones included, with their ranges as they stand (cut at the agreed head
	// after a stall).
	EpochsAfter(ctx context.Context, after uint64, limit int) ([]epochtypes.Epoch, error)
	// AgreedHead is the L2 height more than 2/3 of power reached, and whether one was
	// agreed yet; it never decreases.
	AgreedHead(ctx context.Context) (uint64, bool, error)
}

// MpcKeeper is x/mpc: its blame log (records appended when more than 2/3 of a
// session's other parties blamed one party) and the pool's checked L1 calls, which
// carry x/slashing's L1 actions out.
type MpcKeeper interface {
	// BlamesAfter returns up to limit blame records with id > after, by id.
	BlamesAfter(ctx context.Context, after uint64, limit int) ([]mpctypes.Blame, error)
	// PoolReady reports whether there is a pool key whose address the staking
	// contract holds: only then can the pool act on L1.
	PoolReady(ctx context.Context) (bool, error)
	// ProposePoolCall stores a call for the validators' dry runs; more than 2/3 of
	// power seeing it succeed queues it for signing.
	ProposePoolCall(ctx context.Context, purpose string, ref uint64, call outbound.Call) (uint64, error)
	// GetPoolTx returns a pool call by id: its status says how it ended.
	GetPoolTx(ctx context.Context, id uint64) (mpctypes.PoolTx, error)
	// CancelPoolCall withdraws a call nobody signed (mpctypes.ErrPoolTxSigned after).
	CancelPoolCall(ctx context.Context, id uint64) error
	// PurposeHalted: the purpose's calls reverted on L1 max_reverts times in a row, and
	// it proposes nothing until governance resumes it (MsgResumePurpose).
	PurposeHalted(ctx context.Context, purpose string) (bool, error)
}
