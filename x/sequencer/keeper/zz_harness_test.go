package keeper_test

import (
	"fmt"
	"testing"
	"time"

	coreaddress "cosmossdk.io/core/address"
	"cosmossdk.io/math"
	storetypes "cosmossdk.io/store/types"
	"github.com/cosmos/cosmos-sdk/codec/address"
	"github.com/cosmos/cosmos-sdk/runtime"
	"github.com/cosmos/cosmos-sdk/testutil"
	sdk "github.com/cosmos/cosmos-sdk/types"
	moduletestutil "github.com/cosmos/cosmos-sdk/types/module/testutil"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	sequencertest "github.com/themis-network/themis/testutil/sequencer"
	"github.com/themis-network/themis/x/sequencer/keeper"
	"github.com/themis-network/themis/x/sequencer/types"
	"github.com/themis-network/themis/x/voteext"
)

// zzEnv is a keeper on an in-memory store with the msg server and a relayer account.
type zzEnv struct {
	t         *testing.T
	k         keeper.Keeper
	ms        types.MsgServer
	ctx       sdk.Context
	authority string
	relayer   string
	ac        coreaddress.Codec
	txSeq     int
}

// The app sets these prefixes at start; ValidateBasic reads the global config.
func init() {
	cfg := sdk.GetConfig()
	cfg.SetBech32PrefixForAccount("themis", "themispub")
	cfg.SetBech32PrefixForValidator("themisvaloper", "themisvaloperpub")
}

func zzSetup(t *testing.T) *zzEnv {
	key := storetypes.NewKVStoreKey(types.StoreKey)
	ctx := testutil.DefaultContextWithDB(t, key, storetypes.NewTransientStoreKey("transient")).Ctx.
		WithBlockHeight(10).WithBlockTime(time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC))
	enc := moduletestutil.MakeTestEncodingConfig()
	ac := address.NewBech32Codec("themis")
	authority, err := ac.BytesToString(authtypes.NewModuleAddress("gov"))
	require.NoError(t, err)
	// Only active sequencers relay: the relayer is genesis sequencer 1000 (20,000 tokens).
	relayerPub, relayerKey := zzKey(t)
	relayer, err := ac.BytesToString(relayerKey.AccAddress())
	require.NoError(t, err)
	k := keeper.NewKeeper(enc.Codec, runtime.NewKVStoreService(key), ac, authority, sequencertest.NewAccounts())
	gs := types.DefaultGenesis()
	gs.Whitelist = []string{relayerOwner}
	gs.Sequencers = []types.Sequencer{{Id: relayerID, Owner: relayerOwner, Signer: relayerKey.L1Address(), PubKey: relayerPub,
		Locked: tokens(20_000), RewardRecipient: relayerOwner, Status: types.SEQUENCER_STATUS_ACTIVE, L1Nonce: 1}}
	_, err = k.InitGenesis(ctx, *gs)
	require.NoError(t, err)
	return &zzEnv{t: t, k: k, ms: keeper.NewMsgServerImpl(k), ctx: ctx, authority: authority, relayer: relayer, ac: ac}
}

// The relaying genesis sequencer of every test.
const relayerID = 1000

var relayerOwner = zzOwner(200)

func zzKey(t *testing.T) ([]byte, types.SignerKey) {
	priv, err := crypto.GenerateKey()
	require.NoError(t, err)
	pub := crypto.FromECDSAPub(&priv.PublicKey)[1:]
	key, err := types.ParseSignerKey(pub)
	require.NoError(t, err)
	return pub, key
}

func zzOwner(i int) string { return fmt.Sprintf("0x%040x", i+0xa0) }

func tokens(n int64) math.Int { return math.NewInt(n).Mul(types.OneToken) }

// ref returns a fresh L1 log reference.
func (e *zzEnv) ref() types.L1EventRef {
	e.txSeq++
	return types.L1EventRef{TxHash: fmt.Sprintf("0x%064x", e.txSeq), LogIndex: uint64(e.txSeq), BlockNumber: 100 + uint64(e.txSeq)}
}

func (e *zzEnv) whitelist(owners ...string) {
	_, err := e.ms.UpdateWhitelist(e.ctx, &types.MsgUpdateWhitelist{Authority: e.authority, Add: owners})
	require.NoError(e.t, err)
}

func (e *zzEnv) lockMsg(id uint64, owner string, pub []byte, amount math.Int) *types.MsgLocked {
	return &types.MsgLocked{Submitter: e.relayer, Event: e.ref(), SequencerId: id, Owner: owner, PubKey: pub,
		Amount: amount, RewardRecipient: owner, Nonce: 1}
}

// unlockAt is the unlockable_at a contract with the default exit delay would emit now.
func (e *zzEnv) unlockAt() uint64 {
	return uint64(e.ctx.BlockTime().Add(defaultExitDelay).Unix())
}

// approveAll resolves every pending event as the vote would with more than 2/3 YES.
func (e *zzEnv) approveAll() {
	items, err := e.k.Pending(e.ctx, 1000, voteext.VoteRound{})
	require.NoError(e.t, err)
	for _, it := range items {
		require.NoError(e.t, e.k.Resolve(e.ctx, it.Digest, voteext.OutcomeApproved))
	}
}

// join locks and approves a new active sequencer.
func (e *zzEnv) join(id uint64, owner string, amount math.Int) ([]byte, types.SignerKey) {
	pub, key := zzKey(e.t)
	e.whitelist(owner)
	_, err := e.ms.Locked(e.ctx, e.lockMsg(id, owner, pub, amount))
	require.NoError(e.t, err)
	e.approveAll()
	return pub, key
}

func (e *zzEnv) seq(id uint64) types.Sequencer {
	s, err := e.k.GetSequencer(e.ctx, id)
	require.NoError(e.t, err)
	return s
}

func (e *zzEnv) pendingCount() uint64 {
	n, err := e.k.PendingCount.Get(e.ctx)
	require.NoError(e.t, err)
	return n
}

// defaultExitDelay is the default L1Config's exit delay as a duration.
var defaultExitDelay = time.Duration(types.DefaultExitDelaySeconds) * time.Second
