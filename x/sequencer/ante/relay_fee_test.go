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

var policy = ante.DefaultPolicy("uthemis")

func coins(n int64) sdk.Coins { return sdk.NewCoins(sdk.NewInt64Coin("uthemis", n)) }

type feeCase struct {
	name      string
	msgs      func(e *sequencertest.Env) []sdk.Msg
	gas       uint64
	fee       sdk.Coins
	mode      sdk.ExecMode
	nodePrice int64 // the node's minimum-gas-prices in uthemis per gas (CheckTx only)
	wantError error
}

func TestRelayFeeChecker(t *testing.T) {
	stranger := sequencertest.Bech32(t, []byte("stranger-account-0000"))
	relay := func(e *sequencertest.Env) sdk.Msg {
		return e.RelockMsg(sequencertest.RelayerID, 2, sequencertest.Tokens(1), sequencertest.Tokens(30_001))
	}
	relays := func(n int) func(e *sequencertest.Env) []sdk.Msg {
		return func(e *sequencertest.Env) []sdk.Msg {
			out := make([]sdk.Msg, n)
			for i := range out {
				out[i] = relay(e)
			}
			return out
		}
	}
	strangerRelay := func(e *sequencertest.Env) sdk.Msg {
		m := e.RelockMsg(sequencertest.RelayerID, 2, sequencertest.Tokens(1), sequencertest.Tokens(30_001))
		m.Submitter = stranger
		return m
	}
	send := func(e *sequencertest.Env) sdk.Msg {
		return &banktypes.MsgSend{FromAddress: e.Relayer, ToAddress: stranger, Amount: coins(1)}
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
	sendOnly := func(e *sequencertest.Env) []sdk.Msg { return []sdk.Msg{send(e)} }
	check, finalize := sdk.ExecModeCheck, sdk.ExecModeFinalize
	floor := policy.MinFee(200_000).Amount.Int64() // 5,000 uthemis at 0.025 per gas
	cases := []feeCase{
		{name: "an active sequencer relays for free", msgs: relays(2), gas: 200_000, mode: check},
		{name: "free in block execution too", msgs: relays(2), gas: 200_000, mode: finalize},
		{name: "every kind of relay is free", msgs: everyKind, gas: 200_000, mode: check},
		{name: "M relays in one transaction are free", msgs: relays(ante.DefaultMaxFreeMsgs), gas: 200_000, mode: check},
		{name: "M+1 relays in one transaction pay", msgs: relays(ante.DefaultMaxFreeMsgs + 1), gas: 200_000, mode: check, wantError: sdkerrors.ErrInsufficientFee},
		{name: "a relay above the free gas cap pays", msgs: relays(1), gas: ante.DefaultMaxFreeGas + 1, mode: check, wantError: sdkerrors.ErrInsufficientFee},
		{name: "a stranger's relay pays", msgs: func(e *sequencertest.Env) []sdk.Msg { return []sdk.Msg{strangerRelay(e)} }, gas: 200_000, mode: check, wantError: sdkerrors.ErrInsufficientFee},
		{name: "relays of two submitters pay", msgs: func(e *sequencertest.Env) []sdk.Msg { return []sdk.Msg{relay(e), strangerRelay(e)} }, gas: 200_000, mode: check, wantError: sdkerrors.ErrInsufficientFee},
		{name: "a relay mixed with a transfer pays", msgs: func(e *sequencertest.Env) []sdk.Msg { return []sdk.Msg{relay(e), send(e)} }, gas: 200_000, mode: check, wantError: sdkerrors.ErrInsufficientFee},
		{name: "a relay that offers a fee is an ordinary transaction: below the floor it is refused", msgs: relays(1), gas: 200_000, fee: coins(floor - 1), mode: check, wantError: sdkerrors.ErrInsufficientFee},
		{name: "a relay that offers the floor pays it", msgs: relays(1), gas: 200_000, fee: coins(floor), mode: finalize},
		{name: "a transfer paying the floor passes", msgs: sendOnly, gas: 200_000, fee: coins(floor), mode: check},
		{name: "a transfer one unit short fails", msgs: sendOnly, gas: 200_000, fee: coins(floor - 1), mode: check, wantError: sdkerrors.ErrInsufficientFee},
		{name: "the floor holds in block execution", msgs: sendOnly, gas: 200_000, fee: coins(floor - 1), mode: finalize, wantError: sdkerrors.ErrInsufficientFee},
		{name: "the floor holds in a proposal's checks", msgs: sendOnly, gas: 200_000, mode: sdk.ExecModeProcessProposal, wantError: sdkerrors.ErrInsufficientFee},
		{name: "a node asking more refuses the floor in CheckTx", msgs: sendOnly, gas: 200_000, fee: coins(floor), mode: check, nodePrice: 1, wantError: sdkerrors.ErrInsufficientFee},
		{name: "a node's own price does not apply in block execution", msgs: sendOnly, gas: 200_000, fee: coins(floor), mode: finalize, nodePrice: 1},
		{name: "a node's own price is met", msgs: sendOnly, gas: 200_000, fee: coins(200_000), mode: check, nodePrice: 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e := sequencertest.NewEnv(t)
			tx := buildTx(t, tc.msgs(e), tc.gas, tc.fee)
			ctx := e.Ctx.WithIsCheckTx(tc.mode == check).WithExecMode(tc.mode).
				WithMinGasPrices(sdk.NewDecCoins(sdk.NewDecCoin("uthemis", sdkmath.NewInt(tc.nodePrice))))
			fee, _, err := ante.RelayFeeChecker(e.K, policy)(ctx, tx)
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
	ctx := e.Ctx.WithIsCheckTx(true)
	check := ante.RelayFeeChecker(e.K, policy)
	_, _, err := check(ctx, buildTx(t, []sdk.Msg{msg}, 100_000, nil))
	require.NoError(t, err)
	e.Apply(e.UnlockInitMsg(sequencertest.RelayerID, 2))
	_, _, err = check(ctx, buildTx(t, []sdk.Msg{msg}, 100_000, nil))
	require.ErrorIs(t, err, sdkerrors.ErrInsufficientFee)
}

func TestPolicy(t *testing.T) {
	require.NoError(t, policy.Validate())
	require.Equal(t, "0.025uthemis", policy.String())
	require.Equal(t, coins(5_000)[0], policy.MinFee(200_000))
	require.Equal(t, coins(1)[0], policy.MinFee(1), "the floor rounds up: no gas is free")
	require.True(t, policy.MinFee(0).IsZero())

	for name, edit := range map[string]func(p *ante.Policy){
		"a zero price":            func(p *ante.Policy) { p.MinGasPrice.Amount = sdkmath.LegacyZeroDec() },
		"no free gas":             func(p *ante.Policy) { p.MaxFreeGas = 0 },
		"no messages":             func(p *ante.Policy) { p.MaxFreeMsgs = 0 },
		"no relays per block":     func(p *ante.Policy) { p.FreeTxsPerBlock = 0 },
		"a mempool below a block": func(p *ante.Policy) { p.FreeTxsInMempool = p.FreeTxsPerBlock - 1 },
	} {
		p := policy
		edit(&p)
		require.Error(t, p.Validate(), name)
	}
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
