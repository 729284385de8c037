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

	// Wrong-state-root evidence (wrong_root.go). WrongRoots is each open tally by
	// (L2 height, header hash); WrongRootVoters the validators counted in it;
	// WrongRootVoteCounts how many open tallies each validator is counted in (bounded
	// by types.MaxWrongRootVotesPerValidator); WrongRootAge the tallies by the block
	// that opened them, for expiry. WrongRootEpochs maps each epoch whose producer was
	// charged a wrong state root to the offence (once per epoch; the stall of that
	// epoch is not charged). All but WrongRoots and its voters are derived: genesis
	// carries the tallies with their voters and the offences, and InitGenesis rebuilds
	// the rest.
	WrongRoots          collections.Map[collections.Pair[uint64, []byte], types.WrongRootTally]
	WrongRootVoters     collections.KeySet[collections.Triple[uint64, []byte, []byte]]
	WrongRootVoteCounts collections.Map[[]byte, uint64]
	WrongRootAge        collections.KeySet[collections.Triple[int64, uint64, []byte]]
	WrongRootEpochs     collections.Map[uint64, uint64]
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
		WrongRoots: collections.NewMap(sb, types.WrongRootsKey, "wrong_roots",
			collections.PairKeyCodec(collections.Uint64Key, collections.BytesKey), codec.CollValue[types.WrongRootTally](cdc)),
		WrongRootVoters: collections.NewKeySet(sb, types.WrongRootVotersKey, "wrong_root_voters",
			collections.TripleKeyCodec(collections.Uint64Key, collections.BytesKey, collections.BytesKey)),
		WrongRootVoteCounts: collections.NewMap(sb, types.WrongRootVoteCountsKey, "wrong_root_vote_counts", collections.BytesKey, collections.Uint64Value),
		WrongRootAge: collections.NewKeySet(sb, types.WrongRootAgeKey, "wrong_root_age",
			collections.TripleKeyCodec(collections.Int64Key, collections.Uint64Key, collections.BytesKey)),
		WrongRootEpochs: collections.NewMap(sb, types.WrongRootEpochsKey, "wrong_root_epochs", collections.Uint64Key, collections.Uint64Value),
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
