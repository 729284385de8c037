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
		{"claimed block just within reach of this head", func(l1 *observer.FakeL1, m *types.MsgLocked) {
			l1.SetHead(100 - observer.MaxBlocksAheadOfHead)
		}, vetypes.Verdict_VERDICT_UNSPECIFIED},
		{"claimed block beyond this head plus the margin", func(l1 *observer.FakeL1, m *types.MsgLocked) {
			l1.SetHead(100 - observer.MaxBlocksAheadOfHead - 1)
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

// Every L1 field of the relayed messages counts, including those added with the
// contract's RewardRecipientChanged and Slashed events and UnlockInitiated's claim
// time: a relayer that changes any one of them gets a NO.
func TestObserveComparesEveryFieldOfTheNewEvents(t *testing.T) {
	ref := types.L1EventRef{TxHash: "0x" + string(make64('b')), LogIndex: 2, BlockNumber: 100}
	offence := make([]byte, 32)
	offence[0] = 7
	cases := []struct {
		name  string
		onL1  func() types.L1EventMsg
		edits map[string]func(m types.L1EventMsg)
	}{
		{"UnlockInitiated", func() types.L1EventMsg {
			return &types.MsgUnlockInitiated{Event: ref, SequencerId: 9, Nonce: 3, UnlockableAt: 1_800_000_000}
		}, map[string]func(m types.L1EventMsg){
			"unlockable_at": func(m types.L1EventMsg) { m.(*types.MsgUnlockInitiated).UnlockableAt++ },
			"unlockable_at missing": func(m types.L1EventMsg) {
				m.(*types.MsgUnlockInitiated).UnlockableAt = 0
			},
		}},
		{"RewardRecipientChanged", func() types.L1EventMsg {
			return &types.MsgRewardRecipientChanged{Event: ref, SequencerId: 9, NewRecipient: "0x00000000000000000000000000000000000000bb", Nonce: 3}
		}, map[string]func(m types.L1EventMsg){
			"new_recipient": func(m types.L1EventMsg) {
				m.(*types.MsgRewardRecipientChanged).NewRecipient = "0x00000000000000000000000000000000000000bc"
			},
			"sequencer_id": func(m types.L1EventMsg) { m.(*types.MsgRewardRecipientChanged).SequencerId = 8 },
			"nonce":        func(m types.L1EventMsg) { m.(*types.MsgRewardRecipientChanged).Nonce = 4 },
		}},
		{"Slashed", func() types.L1EventMsg {
			return &types.MsgSlashed{Event: ref, SequencerId: 9, EscrowId: 4, OffenceId: append([]byte(nil), offence...), Severity: 2,
				Amount: math.NewInt(1_000), Total: math.NewInt(29_000), Nonce: 3}
		}, map[string]func(m types.L1EventMsg){
			"escrow_id":  func(m types.L1EventMsg) { m.(*types.MsgSlashed).EscrowId = 5 },
			"offence_id": func(m types.L1EventMsg) { m.(*types.MsgSlashed).OffenceId[31] ^= 1 },
			"severity":   func(m types.L1EventMsg) { m.(*types.MsgSlashed).Severity = 3 },
			"amount":     func(m types.L1EventMsg) { m.(*types.MsgSlashed).Amount = math.NewInt(999) },
			"total":      func(m types.L1EventMsg) { m.(*types.MsgSlashed).Total = math.NewInt(29_001) },
			"nonce":      func(m types.L1EventMsg) { m.(*types.MsgSlashed).Nonce = 4 },
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name+"/equal", func(t *testing.T) {
			o, l1, ctx := setup(t)
			l1.AddEvent(tc.onL1())
			l1.SetHead(500)
			relayed := tc.onL1()
			relayed.SetSubmitter("themis1relayer")
			require.Equal(t, vetypes.Verdict_VERDICT_YES, observe(o, ctx, relayed))
		})
		for field, edit := range tc.edits {
			t.Run(tc.name+"/"+field, func(t *testing.T) {
				o, l1, ctx := setup(t)
				l1.AddEvent(tc.onL1())
				l1.SetHead(500)
				relayed := tc.onL1()
				edit(relayed)
				require.False(t, observer.SameEvent(relayed, tc.onL1()))
				require.Equal(t, vetypes.Verdict_VERDICT_NO, observe(o, ctx, relayed))
			})
		}
	}
}
