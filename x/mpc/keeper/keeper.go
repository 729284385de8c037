// Package keeper holds x/mpc's state and the rules that change it: the pool key and
// its committee, the sessions the chain schedules for the TSS engines, the sign
// requests of other modules, the engines' readiness and the blame log x/slashing reads.
package keeper

import (
	"context"

	"cosmossdk.io/collections"
	"cosmossdk.io/core/address"
	corestore "cosmossdk.io/core/store"
	"cosmossdk.io/log"
	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/gogoproto/proto"

	"github.com/themis-network/themis/x/mpc/types"
)

// Keeper owns x/mpc's state.
type Keeper struct {
	cdc          codec.BinaryCodec
	addressCodec address.Codec
	// authority is the only address that may change params (x/gov).
	authority  string
	sequencers types.SequencerKeeper
	// payloads are the registered payload types, shared by every copy of the keeper
	// (filled while the app is built, read-only afterwards; looked up, never iterated).
	payloads *payloadRegistry
	// purposes are the registered pool call purposes (same rules as payloads).
	purposes *purposeRegistry
	// l2Heads is x/epoch's agreed L2 head (nil: no L2 batches are proposed).
	l2Heads types.L2Heads

	Schema collections.Schema
	Params collections.Item[types.Params]
	// PoolKey is the confirmed key, its generation and committee (absent before keygen
	// and between a retirement and the next keygen).
	PoolKey collections.Item[types.PoolKey]
	// RetiredKeys are the keys governance retired (MsgReplacePoolKey), by generation.
	RetiredKeys collections.Map[uint64, types.RetiredPoolKey]
	// Sessions are every session by number; NextSession numbers them.
	Sessions    collections.Map[uint64, types.Session]
	NextSession collections.Sequence
	// OpenSessions indexes the OPEN sessions (at most one keygen or resharing and
	// max_open_sign_sessions sign sessions); SessionsByKey maps a session key to its
	// number.
	OpenSessions  collections.KeySet[uint64]
	SessionsByKey collections.Map[[]byte, uint64]
	// Voices are the public keys the new parties of open keygens and resharings
	// reported: (session, sequencer id) -> key; a later report replaces an earlier one,
	// and they are removed when the session closes.
	Voices collections.Map[collections.Pair[uint64, uint64], []byte]
	// BlameVotes are the parties' claims: (session, accused, voter) -> reason, kept
	// while the session takes blames; BlameWindow indexes closed sessions still taking
	// them by (blame deadline, session), for their removal.
	BlameVotes  collections.Map[collections.Triple[uint64, uint64, uint64], int32]
	BlameWindow collections.KeySet[collections.Pair[int64, uint64]]
	// SignRequests are every request by id; RequestsByStatus indexes them by (status, id).
	SignRequests     collections.Map[uint64, types.SignRequest]
	NextSignRequest  collections.Sequence
	RequestsByStatus collections.KeySet[collections.Pair[int32, uint64]]
	// Readiness is each validator's last report, by consensus address.
	Readiness collections.Map[[]byte, types.Readiness]
	// Blames is the append-only blame log; SessionBlames (session, accused) -> blame id
	// keeps it to one record per accused and session.
	Blames        collections.Map[uint64, types.Blame]
	NextBlame     collections.Sequence
	SessionBlames collections.Map[collections.Pair[uint64, uint64], uint64]
	// Progress watches the candidate committee (settling, attempts, alarms).
	Progress collections.Item[types.CommitteeProgress]

	// The outbound path (outbox.go, l1_reports.go, batches.go).
	// L1View is what the validators agreed on from their L1 nodes.
	L1View collections.Item[types.L1View]
	// PoolTxs are every pool transaction by id; PoolTxsByStatus indexes them by
	// (status, id); LastByPurpose is each purpose's latest one.
	PoolTxs         collections.Map[uint64, types.PoolTx]
	NextPoolTx      collections.Sequence
	PoolTxsByStatus collections.KeySet[collections.Pair[int32, uint64]]
	LastByPurpose   collections.Map[string, uint64]
	// Reverts counts each purpose's consecutive reverted calls.
	Reverts collections.Map[string, uint32]
	// BatchProgress is the chain of L2 batches; AcceptedBatches the ones the inbox
	// accepted, by index.
	BatchProgress   collections.Item[types.BatchProgress]
	BatchesAccepted collections.Map[uint64, types.AcceptedBatch]
}

// NewKeeper builds the keeper. authority is the bech32 address of x/gov's module account.
func NewKeeper(cdc codec.BinaryCodec, storeService corestore.KVStoreService, addressCodec address.Codec, authority string, sequencers types.SequencerKeeper) Keeper {
	if _, err := addressCodec.StringToBytes(authority); err != nil {
		panic("x/mpc: invalid authority address: " + err.Error())
	}
	sb := collections.NewSchemaBuilder(storeService)
	u64Pair := collections.PairKeyCodec(collections.Uint64Key, collections.Uint64Key)
	k := Keeper{
		cdc:           cdc,
		addressCodec:  addressCodec,
		authority:     authority,
		sequencers:    sequencers,
		payloads:      &payloadRegistry{byName: map[string]types.PayloadType{}},
		purposes:      &purposeRegistry{byName: map[string]types.PoolCallPurpose{}},
		Params:        collections.NewItem(sb, types.ParamsKey, "params", codec.CollValue[types.Params](cdc)),
		PoolKey:       collections.NewItem(sb, types.PoolKeyKey, "pool_key", codec.CollValue[types.PoolKey](cdc)),
		RetiredKeys:   collections.NewMap(sb, types.RetiredKeysKey, "retired_keys", collections.Uint64Key, codec.CollValue[types.RetiredPoolKey](cdc)),
		Sessions:      collections.NewMap(sb, types.SessionsKey, "sessions", collections.Uint64Key, codec.CollValue[types.Session](cdc)),
		NextSession:   collections.NewSequence(sb, types.NextSessionKey, "next_session"),
		OpenSessions:  collections.NewKeySet(sb, types.OpenSessionsKey, "open_sessions", collections.Uint64Key),
		SessionsByKey: collections.NewMap(sb, types.SessionsByKeyKey, "sessions_by_key", collections.BytesKey, collections.Uint64Value),
		Voices:        collections.NewMap(sb, types.VoicesKey, "voices", u64Pair, collections.BytesValue),
		BlameVotes: collections.NewMap(sb, types.BlameVotesKey, "blame_votes",
			collections.TripleKeyCodec(collections.Uint64Key, collections.Uint64Key, collections.Uint64Key), collections.Int32Value),
		BlameWindow: collections.NewKeySet(sb, types.BlameWindowKey, "blame_window",
			collections.PairKeyCodec(collections.Int64Key, collections.Uint64Key)),
		SignRequests:    collections.NewMap(sb, types.SignRequestsKey, "sign_requests", collections.Uint64Key, codec.CollValue[types.SignRequest](cdc)),
		NextSignRequest: collections.NewSequence(sb, types.NextSignRequestKey, "next_sign_request"),
		RequestsByStatus: collections.NewKeySet(sb, types.RequestsByStatusKey, "requests_by_status",
			collections.PairKeyCodec(collections.Int32Key, collections.Uint64Key)),
		Readiness:     collections.NewMap(sb, types.ReadinessKey, "readiness", collections.BytesKey, codec.CollValue[types.Readiness](cdc)),
		Blames:        collections.NewMap(sb, types.BlamesKey, "blames", collections.Uint64Key, codec.CollValue[types.Blame](cdc)),
		NextBlame:     collections.NewSequence(sb, types.NextBlameKey, "next_blame"),
		SessionBlames: collections.NewMap(sb, types.SessionBlamesKey, "session_blames", u64Pair, collections.Uint64Value),
		Progress:      collections.NewItem(sb, types.ProgressKey, "progress", codec.CollValue[types.CommitteeProgress](cdc)),
		L1View:        collections.NewItem(sb, types.L1ViewKey, "l1_view", codec.CollValue[types.L1View](cdc)),
		PoolTxs:       collections.NewMap(sb, types.PoolTxsKey, "pool_txs", collections.Uint64Key, codec.CollValue[types.PoolTx](cdc)),
		NextPoolTx:    collections.NewSequence(sb, types.NextPoolTxKey, "next_pool_tx"),
		PoolTxsByStatus: collections.NewKeySet(sb, types.PoolTxsByStatusKey, "pool_txs_by_status",
			collections.PairKeyCodec(collections.Int32Key, collections.Uint64Key)),
		LastByPurpose:   collections.NewMap(sb, types.LastByPurposeKey, "last_by_purpose", collections.StringKey, collections.Uint64Value),
		Reverts:         collections.NewMap(sb, types.RevertsKey, "reverts", collections.StringKey, collections.Uint32Value),
		BatchProgress:   collections.NewItem(sb, types.BatchProgressKey, "batch_progress", codec.CollValue[types.BatchProgress](cdc)),
		BatchesAccepted: collections.NewMap(sb, types.AcceptedBatchesKey, "accepted_batches", collections.Uint64Key, codec.CollValue[types.AcceptedBatch](cdc)),
	}
	schema, err := sb.Build()
	if err != nil {
		panic(err)
	}
	k.Schema = schema
	k.registerBuiltins()
	return k
}

// WithL2Heads gives the keeper x/epoch's agreed L2 head, which the L2 batches follow.
func (k Keeper) WithL2Heads(h types.L2Heads) Keeper {
	k.l2Heads = h
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

// found turns collections.ErrNotFound into (false, nil).
func found(err error) (bool, error) {
	if err == nil {
		return true, nil
	}
	if isNotFound(err) {
		return false, nil
	}
	return false, err
}
