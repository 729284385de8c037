// Package keeper holds x/epoch's state and the rules that change it: the schedule of
// L2 epochs, the agreed L2 head, the validators' reports and onions, and the evidence
// of stalled producers.
package keeper

import (
	"context"

	"cosmossdk.io/collections"
	"cosmossdk.io/core/address"
	corestore "cosmossdk.io/core/store"
	"cosmossdk.io/log"
	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/themis-network/themis/x/epoch/types"
)

// Keeper owns x/epoch's state.
type Keeper struct {
	cdc          codec.BinaryCodec
	addressCodec address.Codec
	// authority is the only address that may change params (x/gov).
	authority  string
	sequencers types.SequencerKeeper

	Schema collections.Schema
	Params collections.Item[types.Params]
	// Epochs holds every decided epoch by id, cancelled ones included (the history).
	Epochs collections.Map[uint64, types.Epoch]
	// Schedule maps the start height of each live epoch to its id: the producer of L2
	// height h is the live epoch with the greatest start <= h.
	Schedule collections.Map[uint64, uint64]
	// Progress is the agreed L2 head and since when it stands (block time).
	Progress collections.Item[types.HeadProgress]
	// Seed is the running seed every block's reveals are mixed into.
	Seed collections.Item[[]byte]
	// Reports is each validator's last accepted report, by consensus address.
	Reports collections.Map[[]byte, types.ValidatorReport]
	// Onions is each validator's committed hash onion, by consensus address.
	Onions       collections.Map[[]byte, types.OnionState]
	Offences     collections.Map[uint64, types.Offence]
	NextOffence  collections.Sequence
	StallCharged collections.Item[uint64]
	NoEligible   collections.Item[bool]
}

// NewKeeper builds the keeper. authority is the bech32 address of x/gov's module account.
func NewKeeper(cdc codec.BinaryCodec, storeService corestore.KVStoreService, addressCodec address.Codec, authority string, sequencers types.SequencerKeeper) Keeper {
	if _, err := addressCodec.StringToBytes(authority); err != nil {
		panic("x/epoch: invalid authority address: " + err.Error())
	}
	sb := collections.NewSchemaBuilder(storeService)
	k := Keeper{
		cdc:          cdc,
		addressCodec: addressCodec,
		authority:    authority,
		sequencers:   sequencers,
		Params:       collections.NewItem(sb, types.ParamsKey, "params", codec.CollValue[types.Params](cdc)),
		Epochs:       collections.NewMap(sb, types.EpochsKey, "epochs", collections.Uint64Key, codec.CollValue[types.Epoch](cdc)),
		Schedule:     collections.NewMap(sb, types.ScheduleKey, "schedule", collections.Uint64Key, collections.Uint64Value),
		Progress:     collections.NewItem(sb, types.ProgressKey, "progress", codec.CollValue[types.HeadProgress](cdc)),
		Seed:         collections.NewItem(sb, types.SeedKey, "seed", collections.BytesValue),
		Reports:      collections.NewMap(sb, types.ReportsKey, "reports", collections.BytesKey, codec.CollValue[types.ValidatorReport](cdc)),
		Onions:       collections.NewMap(sb, types.OnionsKey, "onions", collections.BytesKey, codec.CollValue[types.OnionState](cdc)),
		Offences:     collections.NewMap(sb, types.OffencesKey, "offences", collections.Uint64Key, codec.CollValue[types.Offence](cdc)),
		NextOffence:  collections.NewSequence(sb, types.NextOffenceKey, "next_offence"),
		StallCharged: collections.NewItem(sb, types.StallChargedKey, "stall_charged", collections.Uint64Value),
		NoEligible:   collections.NewItem(sb, types.NoEligibleKey, "no_eligible", collections.BoolValue),
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
	return sdk.UnwrapSDKContext(ctx).Logger().With(log.ModuleKey, "x/"+types.ModuleName)
}
