// Package keeper holds x/sequencer's state and the rules that change it.
package keeper

import (
	"errors"

	"context"

	"cosmossdk.io/collections"
	"cosmossdk.io/core/address"
	corestore "cosmossdk.io/core/store"
	"cosmossdk.io/log"
	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/themis-network/themis/x/sequencer/types"
)

// Keeper owns the pool registry: params, whitelist, sequencer records and their
// indices, the queue of relayed L1 events, and the recorded validator sets.
type Keeper struct {
	cdc          codec.BinaryCodec
	addressCodec address.Codec
	// authority is the only address that may change params and the whitelist (x/gov).
	authority string
	accounts  types.AccountKeeper
	// slashHooks is shared by every copy of the keeper, so hooks set after the keeper
	// was handed to other modules still reach them.
	slashHooks *slashHooksRef

	Schema           collections.Schema
	Params           collections.Item[types.Params]
	Whitelist        collections.KeySet[string]
	Sequencers       collections.Map[uint64, types.Sequencer]
	SignerIndex      collections.Map[string, uint64]
	OwnerIndex       collections.KeySet[collections.Pair[string, uint64]]
	AccountIndex     collections.Map[sdk.AccAddress, uint64]
	AppliedEvents    collections.KeySet[string]
	PendingEvents    collections.Map[uint64, types.PendingEvent]
	PendingDigests   collections.Map[[]byte, uint64]
	NextPendingID    collections.Sequence
	PendingCount     collections.Item[uint64]
	Banned           collections.KeySet[string]
	RetiredSigners   collections.KeySet[string]
	ValidatorHistory collections.Map[int64, types.ValidatorSet]
	// Disagreements are the alarms: applied L1 events the chain disagreed with, by (sequencer id, nonce).
	Disagreements collections.Map[collections.Pair[uint64, uint64], types.Disagreement]
	// PendingLanes is each relayer's lane: (relayer sequencer id, pending id).
	PendingLanes collections.KeySet[collections.Pair[uint64, uint64]]
	// LaneCounts is the number of items in each non-empty lane, by relayer id.
	LaneCounts collections.Map[uint64, uint64]
	// PendingByNonce finds the pending events of a sequencer's nonce:
	// (sequencer id, L1 nonce, pending id).
	PendingByNonce collections.KeySet[collections.Triple[uint64, uint64, uint64]]
	// L1Config is the staking contract's configuration as of its last applied change.
	L1Config collections.Item[types.L1Config]
	// L1Ledger is the staking contract's ledger as of its last applied ledger event.
	L1Ledger collections.Item[types.L1Ledger]
	// L1Whitelist is the contract's whitelist, mirrored from its WhitelistUpdated events;
	// WhitelistDiffs the owners on which it and Whitelist differ; L1Admin governance's
	// decision on the contract's administration (l1_admin.go).
	L1Whitelist    collections.KeySet[string]
	WhitelistDiffs collections.KeySet[string]
	L1Admin        collections.Item[types.L1Admin]
}

// NewKeeper builds the keeper. authority is the bech32 address of x/gov's module account.
func NewKeeper(cdc codec.BinaryCodec, storeService corestore.KVStoreService, addressCodec address.Codec, authority string, accounts types.AccountKeeper) Keeper {
	if _, err := addressCodec.StringToBytes(authority); err != nil {
		panic("x/sequencer: invalid authority address: " + err.Error())
	}
	sb := collections.NewSchemaBuilder(storeService)
	k := Keeper{
		cdc:              cdc,
		addressCodec:     addressCodec,
		authority:        authority,
		accounts:         accounts,
		slashHooks:       &slashHooksRef{},
		Params:           collections.NewItem(sb, types.ParamsKey, "params", codec.CollValue[types.Params](cdc)),
		Whitelist:        collections.NewKeySet(sb, types.WhitelistKey, "whitelist", collections.StringKey),
		Sequencers:       collections.NewMap(sb, types.SequencersKey, "sequencers", collections.Uint64Key, codec.CollValue[types.Sequencer](cdc)),
		SignerIndex:      collections.NewMap(sb, types.SignerIndexKey, "signer_index", collections.StringKey, collections.Uint64Value),
		OwnerIndex:       collections.NewKeySet(sb, types.OwnerIndexKey, "owner_index", collections.PairKeyCodec(collections.StringKey, collections.Uint64Key)),
		AccountIndex:     collections.NewMap(sb, types.AccountIndexKey, "account_index", sdk.AccAddressKey, collections.Uint64Value),
		AppliedEvents:    collections.NewKeySet(sb, types.AppliedEventsKey, "applied_events", collections.StringKey),
		PendingEvents:    collections.NewMap(sb, types.PendingEventsKey, "pending_events", collections.Uint64Key, codec.CollValue[types.PendingEvent](cdc)),
		PendingDigests:   collections.NewMap(sb, types.PendingDigestKey, "pending_digests", collections.BytesKey, collections.Uint64Value),
		NextPendingID:    collections.NewSequence(sb, types.NextPendingIDKey, "next_pending_id"),
		PendingCount:     collections.NewItem(sb, types.PendingCountKey, "pending_count", collections.Uint64Value),
		Banned:           collections.NewKeySet(sb, types.BannedKey, "banned", collections.StringKey),
		RetiredSigners:   collections.NewKeySet(sb, types.RetiredSignersKey, "retired_signers", collections.StringKey),
		ValidatorHistory: collections.NewMap(sb, types.ValidatorHistoryKey, "validator_history", collections.Int64Key, codec.CollValue[types.ValidatorSet](cdc)),
		Disagreements: collections.NewMap(sb, types.DisagreementsKey, "disagreements",
			collections.PairKeyCodec(collections.Uint64Key, collections.Uint64Key), codec.CollValue[types.Disagreement](cdc)),
		PendingLanes: collections.NewKeySet(sb, types.PendingLanesKey, "pending_lanes",
			collections.PairKeyCodec(collections.Uint64Key, collections.Uint64Key)),
		LaneCounts: collections.NewMap(sb, types.LaneCountsKey, "lane_counts", collections.Uint64Key, collections.Uint64Value),
		PendingByNonce: collections.NewKeySet(sb, types.PendingByNonceKey, "pending_by_nonce",
			collections.TripleKeyCodec(collections.Uint64Key, collections.Uint64Key, collections.Uint64Key)),
		L1Config:       collections.NewItem(sb, types.L1ConfigKey, "l1_config", codec.CollValue[types.L1Config](cdc)),
		L1Ledger:       collections.NewItem(sb, types.L1LedgerKey, "l1_ledger", codec.CollValue[types.L1Ledger](cdc)),
		L1Whitelist:    collections.NewKeySet(sb, types.L1WhitelistKey, "l1_whitelist", collections.StringKey),
		WhitelistDiffs: collections.NewKeySet(sb, types.WhitelistDiffsKey, "whitelist_diffs", collections.StringKey),
		L1Admin:        collections.NewItem(sb, types.L1AdminKey, "l1_admin", codec.CollValue[types.L1Admin](cdc)),
	}
	schema, err := sb.Build()
	if err != nil {
		panic(err)
	}
	k.Schema = schema
	return k
}

// GetAuthority returns the governance authority address.
func (k Keeper) GetAuthority() string { return k.authority }

// Logger returns the module logger.
func (k Keeper) Logger(ctx context.Context) log.Logger {
	return sdk.UnwrapSDKContext(ctx).Logger().With("module", "x/"+types.ModuleName)
}

// GetParams returns the current params.
func (k Keeper) GetParams(ctx context.Context) (types.Params, error) {
	return k.Params.Get(ctx)
}

// GetL1Config returns the staking contract's configuration as the chain mirrors it
// (empty before the first relayed change).
func (k Keeper) GetL1Config(ctx context.Context) (types.L1Config, error) {
	c, err := k.L1Config.Get(ctx)
	if errors.Is(err, collections.ErrNotFound) {
		return types.L1Config{}, nil
	}
	return c, err
}

// AddressCodec returns the chain's account address codec.
func (k Keeper) AddressCodec() address.Codec { return k.addressCodec }
