package observer_test

import (
	"context"
	"testing"

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
	"github.com/themis-network/themis/x/sequencer/observer"
	"github.com/themis-network/themis/x/sequencer/types"
	"github.com/themis-network/themis/x/voteext"
	vetypes "github.com/themis-network/themis/x/voteext/types"
)

func setup(t *testing.T) (observer.Observer, *observer.FakeL1, sdk.Context) {
	k, ctx := newKeeper(t)
	l1 := observer.NewFakeL1(1337)
	return observer.New(l1, k), l1, ctx
}

func newKeeper(t *testing.T) (keeper.Keeper, sdk.Context) {
	key := storetypes.NewKVStoreKey(types.StoreKey)
	ctx := testutil.DefaultContextWithDB(t, key, storetypes.NewTransientStoreKey("t")).Ctx
	enc := moduletestutil.MakeTestEncodingConfig()
	ac := address.NewBech32Codec("themis")
	authority, err := ac.BytesToString(authtypes.NewModuleAddress("gov"))
	require.NoError(t, err)
	k := keeper.NewKeeper(enc.Codec, runtime.NewKVStoreService(key), ac, authority, sequencertest.NewAccounts())
	params := types.DefaultParams()
	params.L1ChainId = 1337
	params.L1Confirmations = 12
	require.NoError(t, k.Params.Set(ctx, params))
	return k, ctx
}

func lock(t *testing.T, submitter string, block uint64) *types.MsgLocked {
	priv, err := crypto.GenerateKey()
	require.NoError(t, err)
	return &types.MsgLocked{
		Submitter:       submitter,
		Event:           types.L1EventRef{TxHash: "0x" + string(make64('a')), LogIndex: 1, BlockNumber: block},
		SequencerId:     9,
		Owner:           "0x00000000000000000000000000000000000000aa",
		PubKey:          crypto.FromECDSAPub(&priv.PublicKey)[1:],
		Amount:          math.NewInt(25_000).Mul(types.OneToken),
		RewardRecipient: "0x00000000000000000000000000000000000000aa",
		Nonce:           1,
	}
}

func make64(c byte) []byte {
	b := make([]byte, 64)
	for i := range b {
		b[i] = c
	}
	return b
}

func observe(o observer.Observer, ctx sdk.Context, msg types.L1EventMsg) vetypes.Verdict {
	return o.Observe(context.Background(), ctx, voteext.SideTx{ID: 1, Msg: msg})
}

func TestObserveVerdicts(t *testing.T) {
	const relayer, otherRelayer = "themis1relayer", "themis1someoneelse"
	cases := []struct {
		name    string
		prepare func(l1 *observer.FakeL1, relayed *types.MsgLocked)
		want    vetypes.Verdict
	}{
		{"confirmed and equal", func(l1 *observer.FakeL1, m *types.MsgLocked) {
			onL1 := *m
			onL1.Submitter = otherRelayer // who relayed does not matter
			l1.AddEvent(&onL1)
			l1.SetHead(111) // 100..111 is 12 blocks
		}, vetypes.Verdict_VERDICT_YES},
		{"one confirmation short", func(l1 *observer.FakeL1, m *types.MsgLocked) {
			l1.AddEvent(m)
			l1.SetHead(110)
		}, vetypes.Verdict_VERDICT_UNSPECIFIED},
		{"no such log, deep enough", func(l1 *observer.FakeL1, _ *types.MsgLocked) {
			l1.SetHead(500)
		}, vetypes.Verdict_VERDICT_NO},
		{"amount differs", func(l1 *observer.FakeL1, m *types.MsgLocked) {
			onL1 := *m
			onL1.Amount = m.Amount.AddRaw(1)
			l1.AddEvent(&onL1)
			l1.SetHead(500)
		}, vetypes.Verdict_VERDICT_NO},
		{"block differs", func(l1 *observer.FakeL1, m *types.MsgLocked) {
			onL1 := *m
			onL1.Event.BlockNumber = 99
			l1.AddEvent(&onL1)
			l1.SetHead(500)
		}, vetypes.Verdict_VERDICT_NO},
		{"other event type at that log", func(l1 *observer.FakeL1, m *types.MsgLocked) {
			l1.AddEvent(&types.MsgUnlockInitiated{Event: m.Event, SequencerId: m.SequencerId, Nonce: 1})
			l1.SetHead(500)
		}, vetypes.Verdict_VERDICT_NO},
		{"L1 node down", func(l1 *observer.FakeL1, m *types.MsgLocked) {
			l1.AddEvent(m)
			l1.SetHead(500)
			l1.SetDown(true)
		}, vetypes.Verdict_VERDICT_UNSPECIFIED},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			o, l1, ctx := setup(t)
			relayed := lock(t, relayer, 100)
			tc.prepare(l1, relayed)
			require.Equal(t, tc.want, observe(o, ctx, relayed))
		})
	}
}

func TestObserveWrongChain(t *testing.T) {
	k, ctx := newKeeper(t)
	mainnet := observer.NewFakeL1(1) // the node serves chain 1; the pool expects 1337
	relayed := lock(t, "x", 100)
	mainnet.AddEvent(relayed)
	mainnet.SetHead(500)
	require.Equal(t, vetypes.Verdict_VERDICT_UNSPECIFIED, observe(observer.New(mainnet, k), ctx, relayed))
}

func TestSameEventIgnoresOnlySubmitter(t *testing.T) {
	a := lock(t, "one", 100)
	b := *a
	b.Submitter = "two"
	require.True(t, observer.SameEvent(a, &b))
	b.Nonce = 2
	require.False(t, observer.SameEvent(a, &b))
}
