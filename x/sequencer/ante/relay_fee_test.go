package ante_test

import (
	"testing"

	sdkmath "cosmossdk.io/math"
	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/app"
	sequencertest "github.com/themis-network/themis/testutil/sequencer"
	"github.com/themis-network/themis/x/sequencer/ante"
)

type feeCase struct {
	name      string
	msgs      func(e *sequencertest.Env) []sdk.Msg
	gas       uint64
	fee       sdk.Coins
	checkTx   bool
	wantError error
}

func TestRelayFeeChecker(t *testing.T) {
	stranger := sequencertest.Bech32(t, []byte("stranger-account-0000"))
	relay := func(e *sequencertest.Env) sdk.Msg {
		return e.RelockMsg(sequencertest.RelayerID, 2, sequencertest.Tokens(1), sequencertest.Tokens(30_001))
	}
	strangerRelay := func(e *sequencertest.Env) sdk.Msg {
		m := e.RelockMsg(sequencertest.RelayerID, 2, sequencertest.Tokens(1), sequencertest.Tokens(30_001))
		m.Submitter = stranger
		return m
	}
	send := func(e *sequencertest.Env) sdk.Msg {
		return &banktypes.MsgSend{FromAddress: e.Relayer, ToAddress: stranger, Amount: sdk.NewCoins(sdk.NewInt64Coin("uthemis", 1))}
	}
	// One relay of every kind the chain accepts, all submitted by the relayer.
	everyKind := func(e *sequencertest.Env) []sdk.Msg {
		id := sequencertest.RelayerID
		pub, _ := e.NewKey()
		return []sdk.Msg{
			e.LockMsg(7, sequencertest.Owner(7), pub, sequencertest.Tokens(30_000)),
			relay(e),
			e.WithdrawMsg(id, 2, sequencertest.Tokens(1), sequencertest.Tokens(49_999)),
			e.UnlockInitMsg(id, 2),
			e.UnlockClaimMsg(id, 2, sequencertest.Tokens(50_000)),
			e.SignerChangeMsg(id, 2, pub),
			e.RewardRecipientMsg(id, 2, sequencertest.Owner(8)),
			e.SlashMsg(id, 2, 1, sequencertest.Tokens(1), sequencertest.Tokens(49_999)),
		}
	}
	enough := sdk.NewCoins(sdk.NewInt64Coin("uthemis", 200_000))
	cases := []feeCase{
		{name: "active sequencer relays for free", msgs: func(e *sequencertest.Env) []sdk.Msg { return []sdk.Msg{relay(e), relay(e)} }, gas: 200_000, checkTx: true},
		{name: "every kind of relay is free", msgs: everyKind, gas: 200_000, checkTx: true},
		{name: "a stranger's relay pays", msgs: func(e *sequencertest.Env) []sdk.Msg { return []sdk.Msg{strangerRelay(e)} }, gas: 200_000, checkTx: true, wantError: sdkerrors.ErrInsufficientFee},
		{name: "relay mixed with a transfer pays", msgs: func(e *sequencertest.Env) []sdk.Msg { return []sdk.Msg{relay(e), send(e)} }, gas: 200_000, checkTx: true, wantError: sdkerrors.ErrInsufficientFee},
		{name: "relay above the free gas cap pays", msgs: func(e *sequencertest.Env) []sdk.Msg { return []sdk.Msg{relay(e)} }, gas: ante.DefaultMaxFreeRelayGas + 1, checkTx: true, wantError: sdkerrors.ErrInsufficientFee},
		{name: "relays of two submitters pay", msgs: func(e *sequencertest.Env) []sdk.Msg { return []sdk.Msg{relay(e), strangerRelay(e)} }, gas: 200_000, checkTx: true, wantError: sdkerrors.ErrInsufficientFee},
		{name: "a transfer with enough fee passes", msgs: func(e *sequencertest.Env) []sdk.Msg { return []sdk.Msg{send(e)} }, gas: 200_000, fee: enough, checkTx: true},
		{name: "a transfer one unit short fails", msgs: func(e *sequencertest.Env) []sdk.Msg { return []sdk.Msg{send(e)} }, gas: 200_001, fee: enough, checkTx: true, wantError: sdkerrors.ErrInsufficientFee},
		{name: "min gas prices apply only in CheckTx", msgs: func(e *sequencertest.Env) []sdk.Msg { return []sdk.Msg{send(e)} }, gas: 200_000},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e := sequencertest.NewEnv(t)
			tx := buildTx(t, tc.msgs(e), tc.gas, tc.fee)
			ctx := e.Ctx.WithIsCheckTx(tc.checkTx).WithMinGasPrices(sdk.NewDecCoins(sdk.NewDecCoin("uthemis", sdkmath.NewInt(1))))
			fee, _, err := ante.RelayFeeChecker(e.K, ante.DefaultMaxFreeRelayGas)(ctx, tx)
			if tc.wantError != nil {
				require.ErrorIs(t, err, tc.wantError)
				return
			}
			require.NoError(t, err)
			require.True(t, fee.Equal(tx.GetFee()), "the checker charges what the tx offers")
		})
	}
}

// A sequencer that stops being active loses the exemption at once.
func TestRelayFeeCheckerFollowsTheActiveSet(t *testing.T) {
	e := sequencertest.NewEnv(t)
	msg := e.RelockMsg(sequencertest.RelayerID, 2, sequencertest.Tokens(1), sequencertest.Tokens(30_001))
	ctx := e.Ctx.WithIsCheckTx(true).WithMinGasPrices(sdk.NewDecCoins(sdk.NewDecCoin("uthemis", sdkmath.NewInt(1))))
	check := ante.RelayFeeChecker(e.K, ante.DefaultMaxFreeRelayGas)
	_, _, err := check(ctx, buildTx(t, []sdk.Msg{msg}, 100_000, nil))
	require.NoError(t, err)
	e.Apply(e.UnlockInitMsg(sequencertest.RelayerID, 2))
	_, _, err = check(ctx, buildTx(t, []sdk.Msg{msg}, 100_000, nil))
	require.ErrorIs(t, err, sdkerrors.ErrInsufficientFee)
}

func buildTx(t *testing.T, msgs []sdk.Msg, gas uint64, fee sdk.Coins) sdk.FeeTx {
	t.Helper()
	enc := app.MakeEncodingConfig() // the chain's signing context resolves the fee payer
	b := enc.TxConfig.NewTxBuilder()
	require.NoError(t, b.SetMsgs(msgs...))
	b.SetGasLimit(gas)
	b.SetFeeAmount(fee)
	return b.GetTx()
}
