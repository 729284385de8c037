// Package keeper holds x/slashing's state and the rules that change it: the judged
// offences with their evidence, jails, strikes, escrows, and the typed L1 actions the
// pool is to carry out.
package keeper

import (
	"context"

	"cosmossdk.io/collections"
	collcodec "cosmossdk.io/collections/codec"
	"cosmossdk.io/core/address"
	corestore "cosmossdk.io/core/store"
	"cosmossdk.io/log"
	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/gogoproto/proto"

	"github.com/themis-network/themis/x/slashing/types"
)

// Keeper owns x/slashing's state.
type Keeper struct {
	cdc          codec.BinaryCodec
	addressCodec address.Codec
	// authority is the only address that may change params (x/gov).
	authority  string
	sequencers types.SequencerKeeper
	epochs     types.EpochKeeper
	// upgrades is x/upgrade (WithUpgrades); nil in tests that do not need it.
	upgrades types.UpgradeKeeper
	// mpc is x/mpc's blame log (WithMpc); nil: no blames are judged.
	mpc types.MpcKeeper

	Schema collections.Schema
	Params collections.Item[types.Params]
	// Offences are the judged offences by id, with their evidence and outcome.
	Offences    collections.Map[uint64, types.Offence]
	NextOffence collections.Sequence
	// OffencesBySequencer indexes offences: (sequencer id, offence id).
	OffencesBySequencer collections.KeySet[collections.Pair[uint64, uint64]]
	// Jails are the sequencers in jail, by sequencer id.
	Jails collections.Map[uint64, types.Jail]
	// Strikes are the owners' lifetime counts of medium offences, by owner (0x).
	Strikes collections.Map[string, uint32]
	// Escrows are the slashed amounts by (offence id, sequencer id).
	Escrows collections.Map[collections.Pair[uint64, uint64], types.Escrow]
	// L1Actions are the typed actions for the pool, by id; QueuedActions indexes the
	// ones still QUEUED, which the write-back sends in id order.
	L1Actions     collections.Map[uint64, types.L1Action]
	NextL1Action  collections.Sequence
	QueuedActions collections.KeySet[uint64]
	// UnsentActions indexes the QUEUED actions whose pool call has not landed on L1
	// yet, by (lane, id): reward batches in a lane of their own, so that a long queue
	// of them held behind an underfunded reserve never keeps a slash out of the
	// write-back's bounded walk (l1_writeback.go). Rebuilt from the actions at genesis.
	UnsentActions collections.KeySet[collections.Pair[uint32, uint64]]
	// RewardBatchIndex maps a reward batch id to its REWARD_BATCH action, and
	// EscrowsByL1ID a contract escrow id to its escrow's (offence id, sequencer id):
	// the relayed ledger events name them so (l1_ledger.go). Both rebuilt at genesis.
	RewardBatchIndex collections.Map[uint64, uint64]
	EscrowsByL1ID    collections.Map[uint64, collections.Pair[uint64, uint64]]
	// EpochOffenceCursor is the last x/epoch offence id judged.
	EpochOffenceCursor collections.Item[uint64]
	// MpcBlameCursor is the last x/mpc blame record judged.
	MpcBlameCursor collections.Item[uint64]
	// Signings are the members' downtime windows (downtime.Signing, binary), by sequencer.
	Signings collections.Map[uint64, []byte]
	// LowFlagged are the sequencers flagged low, with the height flagged at: a flag
	// clears only after a full window under the threshold (no flapping).
	LowFlagged collections.Map[uint64, int64]
	// ConsAddresses maps every consensus address seen in a validator set to its
	// sequencer, for double-sign evidence older than x/sequencer's set history.
	ConsAddresses collections.Map[[]byte, uint64]
	// L2Forfeits are the (producer, epoch) pairs judged for an L2 offence (equivocation,
	// wrong state root), with the offence: such an epoch earns nothing unless appealed.
	L2Forfeits collections.Map[collections.Pair[uint64, uint64], uint64]
	// GraceUntil is the first height counted again after a halt or an upgrade.
	GraceUntil collections.Item[int64]
	// LastBlockTime is the previous block's time (unix nanoseconds), for the halt gap.
	LastBlockTime collections.Item[int64]
	// Equivocations are the (producer, epoch id) pairs judged for L2 equivocation.
	Equivocations collections.KeySet[collections.Pair[uint64, uint64]]
	// DoubleSigns are the (height, consensus address) duplicate votes judged.
	DoubleSigns collections.KeySet[collections.Pair[int64, []byte]]
	// NextRewardBatch numbers the reward batches sent to the contract (1, 2, ...).
	NextRewardBatch collections.Sequence
	// EscrowsByRelease indexes HELD escrows by when they are due for release:
	// (releasable_at unix seconds, offence id, sequencer id).
	EscrowsByRelease collections.KeySet[collections.Triple[int64, uint64, uint64]]
	// RewardState is the reward per L2 block in force, the re-target window, the
	// batching clock and the last epoch credited.
	RewardState collections.Item[types.RewardState]
	// SequencerRewards are each sequencer's accrued, batched and paid rewards, by id.
	SequencerRewards collections.Map[uint64, types.SequencerRewards]
	// EpochCredits are what each closed epoch credited its producer, by epoch id.
	EpochCredits collections.Map[uint64, types.EpochCredit]
}

// NewKeeper builds the keeper. authority is the bech32 address of x/gov's module account.
func NewKeeper(cdc codec.BinaryCodec, storeService corestore.KVStoreService, addressCodec address.Codec, authority string,
	sequencers types.SequencerKeeper, epochs types.EpochKeeper,
) Keeper {
	if _, err := addressCodec.StringToBytes(authority); err != nil {
		panic("x/slashing: invalid authority address: " + err.Error())
	}
	sb := collections.NewSchemaBuilder(storeService)
	k := Keeper{
		cdc:          cdc,
		addressCodec: addressCodec,
		authority:    authority,
		sequencers:   sequencers,
		epochs:       epochs,
		Params:       collections.NewItem(sb, types.ParamsKey, "params", codec.CollValue[types.Params](cdc)),
		Offences:     collections.NewMap(sb, types.OffencesKey, "offences", collections.Uint64Key, codec.CollValue[types.Offence](cdc)),
		NextOffence:  collections.NewSequence(sb, types.NextOffenceKey, "next_offence"),
		OffencesBySequencer: collections.NewKeySet(sb, types.OffencesBySeqKey, "offences_by_sequencer",
			collections.PairKeyCodec(collections.Uint64Key, collections.Uint64Key)),
		Jails:   collections.NewMap(sb, types.JailsKey, "jails", collections.Uint64Key, codec.CollValue[types.Jail](cdc)),
		Strikes: collections.NewMap(sb, types.StrikesKey, "strikes", collections.StringKey, collections.Uint32Value),
		Escrows: collections.NewMap(sb, types.EscrowsKey, "escrows",
			collections.PairKeyCodec(collections.Uint64Key, collections.Uint64Key), codec.CollValue[types.Escrow](cdc)),
		L1Actions:     collections.NewMap(sb, types.L1ActionsKey, "l1_actions", collections.Uint64Key, codec.CollValue[types.L1Action](cdc)),
		NextL1Action:  collections.NewSequence(sb, types.NextL1ActionKey, "next_l1_action"),
		QueuedActions: collections.NewKeySet(sb, types.QueuedActionsKey, "queued_actions", collections.Uint64Key),
		UnsentActions: collections.NewKeySet(sb, types.UnsentActionsKey, "unsent_actions",
			collections.PairKeyCodec(collections.Uint32Key, collections.Uint64Key)),
		RewardBatchIndex: collections.NewMap(sb, types.RewardBatchIndexKey, "reward_batch_index", collections.Uint64Key, collections.Uint64Value),
		EscrowsByL1ID: collections.NewMap(sb, types.EscrowsByL1IDKey, "escrows_by_l1_id", collections.Uint64Key,
			collcodec.KeyToValueCodec(collections.PairKeyCodec(collections.Uint64Key, collections.Uint64Key))),
		EpochOffenceCursor: collections.NewItem(sb, types.EpochOffenceCurKey, "epoch_offence_cursor", collections.Uint64Value),
		MpcBlameCursor:     collections.NewItem(sb, types.MpcBlameCursorKey, "mpc_blame_cursor", collections.Uint64Value),
		Signings:           collections.NewMap(sb, types.SigningsKey, "signings", collections.Uint64Key, collections.BytesValue),
		LowFlagged:         collections.NewMap(sb, types.LowFlaggedKey, "low_flagged", collections.Uint64Key, collections.Int64Value),
		ConsAddresses:      collections.NewMap(sb, types.ConsAddressesKey, "cons_addresses", collections.BytesKey, collections.Uint64Value),
		L2Forfeits: collections.NewMap(sb, types.L2ForfeitsKey, "l2_forfeits",
			collections.PairKeyCodec(collections.Uint64Key, collections.Uint64Key), collections.Uint64Value),
		GraceUntil:    collections.NewItem(sb, types.GraceUntilKey, "grace_until", collections.Int64Value),
		LastBlockTime: collections.NewItem(sb, types.LastBlockTimeKey, "last_block_time", collections.Int64Value),
		Equivocations: collections.NewKeySet(sb, types.EquivocationsKey, "equivocations",
			collections.PairKeyCodec(collections.Uint64Key, collections.Uint64Key)),
		DoubleSigns: collections.NewKeySet(sb, types.DoubleSignsKey, "double_signs",
			collections.PairKeyCodec(collections.Int64Key, collections.BytesKey)),
		NextRewardBatch: collections.NewSequence(sb, types.NextRewardBatchKey, "next_reward_batch"),
		EscrowsByRelease: collections.NewKeySet(sb, types.EscrowsByReleaseKey, "escrows_by_release",
			collections.TripleKeyCodec(collections.Int64Key, collections.Uint64Key, collections.Uint64Key)),
		RewardState: collections.NewItem(sb, types.RewardStateKey, "reward_state", codec.CollValue[types.RewardState](cdc)),
		SequencerRewards: collections.NewMap(sb, types.SequencerRewardsKey, "sequencer_rewards", collections.Uint64Key,
			codec.CollValue[types.SequencerRewards](cdc)),
		EpochCredits: collections.NewMap(sb, types.EpochCreditsKey, "epoch_credits", collections.Uint64Key, codec.CollValue[types.EpochCredit](cdc)),
	}
	schema, err := sb.Build()
	if err != nil {
		panic(err)
	}
	k.Schema = schema
	return k
}

// WithUpgrades returns the keeper with x/upgrade, so that an applied upgrade starts the
// downtime grace period.
func (k Keeper) WithUpgrades(u types.UpgradeKeeper) Keeper {
	k.upgrades = u
	return k
}

// WithMpc returns the keeper with x/mpc's blame log, so that each blame record is
// judged as an offence of its severity.
func (k Keeper) WithMpc(m types.MpcKeeper) Keeper {
	k.mpc = m
	return k
}

// GetAuthority returns the governance authority address.
func (k Keeper) GetAuthority() string { return k.authority }

// Logger returns the module logger.
func (k Keeper) Logger(ctx context.Context) log.Logger {
	return sdk.UnwrapSDKContext(ctx).Logger().With(log.ModuleKey, "x/"+types.ModuleName)
}

// emit records a typed event.
func emit(ctx context.Context, ev proto.Message) error {
	return sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(ev)
}
