// Package sequencertest builds x/sequencer keepers on an in-memory store, test
// signer keys and valid relayed L1 events, for the module's unit tests.
package sequencertest

import (
	"sync"
	"testing"
	"time"

	coreaddress "cosmossdk.io/core/address"
	storetypes "cosmossdk.io/store/types"
	"github.com/cosmos/cosmos-sdk/codec"
	"github.com/cosmos/cosmos-sdk/codec/address"
	"github.com/cosmos/cosmos-sdk/runtime"
	"github.com/cosmos/cosmos-sdk/testutil"
	sdk "github.com/cosmos/cosmos-sdk/types"
	moduletestutil "github.com/cosmos/cosmos-sdk/types/module/testutil"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/x/sequencer/keeper"
	"github.com/themis-network/themis/x/sequencer/types"
)

// Bech32 prefixes the themis app uses.
const (
	AccountPrefix   = "themis"
	ValoperPrefix   = "themisvaloper"
	ConsensusPrefix = "themisvalcons"
)

// Heights and time of a fresh test chain: genesis is loaded at GenesisHeight,
// and the returned context is at StartHeight with StartTime.
const (
	GenesisHeight int64 = 1
	StartHeight   int64 = 10
)

// BlockInterval is how far Env.AtHeight moves the block time per block.
const BlockInterval = 5 * time.Second

// StartTime is the block time of the returned context.
var StartTime = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

var bech32Once sync.Once

// SetBech32Prefixes sets the app's prefixes in the global SDK config, which
// ValidateBasic reads (sdk.AccAddressFromBech32). It is safe to call many times.
func SetBech32Prefixes() {
	bech32Once.Do(func() {
		cfg := sdk.GetConfig()
		cfg.SetBech32PrefixForAccount(AccountPrefix, AccountPrefix+"pub")
		cfg.SetBech32PrefixForValidator(ValoperPrefix, ValoperPrefix+"pub")
		cfg.SetBech32PrefixForConsensusNode(ConsensusPrefix, ConsensusPrefix+"pub")
	})
}

// AddressCodec returns the account address codec of the app ("themis").
func AddressCodec() coreaddress.Codec { return address.NewBech32Codec(AccountPrefix) }

// ValAddressCodec returns the validator operator address codec ("themisvaloper").
func ValAddressCodec() coreaddress.Codec { return address.NewBech32Codec(ValoperPrefix) }

// Codec returns a proto codec with x/sequencer's interfaces registered.
func Codec() codec.Codec {
	enc := moduletestutil.MakeTestEncodingConfig()
	types.RegisterInterfaces(enc.InterfaceRegistry)
	return enc.Codec
}

// Authority is the bech32 address of the gov module account, the keeper's authority.
func Authority(t testing.TB) string {
	t.Helper()
	s, err := AddressCodec().BytesToString(authtypes.NewModuleAddress("gov"))
	require.NoError(t, err)
	return s
}

// Bech32 renders account bytes with the "themis" prefix.
func Bech32(t testing.TB, bz []byte) string {
	t.Helper()
	s, err := AddressCodec().BytesToString(bz)
	require.NoError(t, err)
	return s
}

// NewKeeper builds a keeper on a fresh in-memory store, loads DefaultGenesis (so the
// params are DefaultParams and the derived counters exist) at GenesisHeight, and
// returns a context at StartHeight / StartTime.
func NewKeeper(t testing.TB) (keeper.Keeper, sdk.Context, string, coreaddress.Codec) {
	t.Helper()
	return NewKeeperWithGenesis(t, types.DefaultGenesis())
}

// NewKeeperWithGenesis is NewKeeper with the given genesis state.
func NewKeeperWithGenesis(t testing.TB, gs *types.GenesisState) (keeper.Keeper, sdk.Context, string, coreaddress.Codec) {
	t.Helper()
	return newKeeperWithGenesis(t, gs, NewAccounts())
}

func newKeeperWithGenesis(t testing.TB, gs *types.GenesisState, accounts *Accounts, others ...*storetypes.KVStoreKey) (keeper.Keeper, sdk.Context, string, coreaddress.Codec) {
	t.Helper()
	k, ctx, authority, ac := newUninitializedKeeper(t, accounts, others...)
	_, err := k.InitGenesis(ctx.WithBlockHeight(GenesisHeight), *gs)
	require.NoError(t, err)
	return k, ctx, authority, ac
}

// NewUninitializedKeeper builds a keeper on an empty in-memory store (no genesis
// loaded), with a context at StartHeight / StartTime.
func NewUninitializedKeeper(t testing.TB) (keeper.Keeper, sdk.Context, string, coreaddress.Codec) {
	t.Helper()
	return newUninitializedKeeper(t, NewAccounts())
}

func newUninitializedKeeper(t testing.TB, accounts *Accounts, others ...*storetypes.KVStoreKey) (keeper.Keeper, sdk.Context, string, coreaddress.Codec) {
	t.Helper()
	SetBech32Prefixes()
	key := storetypes.NewKVStoreKey(types.StoreKey)
	keys := map[string]*storetypes.KVStoreKey{key.Name(): key}
	for _, o := range others {
		keys[o.Name()] = o
	}
	tkey := storetypes.NewTransientStoreKey("transient_" + types.StoreKey)
	ctx := testutil.DefaultContextWithKeys(keys, map[string]*storetypes.TransientStoreKey{tkey.Name(): tkey}, nil).
		WithBlockHeight(StartHeight).
		WithBlockTime(StartTime).
		WithEventManager(sdk.NewEventManager())
	ac := AddressCodec()
	authority := Authority(t)
	k := keeper.NewKeeper(Codec(), runtime.NewKVStoreService(key), ac, authority, accounts)
	return k, ctx, authority, ac
}
