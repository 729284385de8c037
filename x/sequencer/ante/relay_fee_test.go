package ante_test

import (
	"strings"
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
		{name: "one relay asking more gas than its content bound pays", msgs: relays(1), gas: policy.FreeGasLimit(1) + 1, mode: check, wantError: sdkerrors.ErrInsufficientFee},
		{name: "one relay at its content bound is free", msgs: relays(1), gas: policy.FreeGasLimit(1), mode: finalize},
		{name: "M relays at the gas cap are free", msgs: relays(ante.DefaultMaxFreeMsgs), gas: ante.DefaultMaxFreeGas, mode: check},
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
			fee, err := checkFee(t, ctx, e.K, tx)
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
	_, err := checkFee(t, ctx, e.K, buildTx(t, []sdk.Msg{msg}, 100_000, nil))
	require.NoError(t, err)
	e.Apply(e.UnlockInitMsg(sequencertest.RelayerID, 2))
	_, err = checkFee(t, ctx, e.K, buildTx(t, []sdk.Msg{msg}, 100_000, nil))
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
	tx, _ := buildTxMemo(t, msgs, gas, fee, "")
	return tx
}

// buildTxMemo builds the transaction with a memo and returns it with its encoding,
// which the fee-free path's size bound reads (ctx.TxBytes, as baseapp sets it).
func buildTxMemo(t *testing.T, msgs []sdk.Msg, gas uint64, fee sdk.Coins, memo string) (sdk.FeeTx, []byte) {
	t.Helper()
	enc := app.MakeEncodingConfig() // the chain's signing context resolves the fee payer
	b := enc.TxConfig.NewTxBuilder()
	require.NoError(t, b.SetMsgs(msgs...))
	b.SetGasLimit(gas)
	b.SetFeeAmount(fee)
	b.SetMemo(memo)
	bz, err := enc.TxConfig.TxEncoder()(b.GetTx())
	require.NoError(t, err)
	return b.GetTx(), bz
}

// checkFee runs the chain's fee checker on tx as baseapp would, with its bytes.
func checkFee(t *testing.T, ctx sdk.Context, k ante.Relayers, tx sdk.FeeTx) (sdk.Coins, error) {
	t.Helper()
	bz, err := app.MakeEncodingConfig().TxConfig.TxEncoder()(tx)
	require.NoError(t, err)
	fee, _, err := ante.RelayFeeChecker(k, policy)(ctx.WithTxBytes(bz), tx)
	return fee, err
}

// Finding of the point-5 review: a free relay padded (here in its memo; unknown
// non-critical fields work alike) to hundreds of KB put about 1.1 MB a block per
// sequencer on chain for nothing. The size bound makes a padded relay pay, in block
// execution and proposals as in CheckTx; a transaction of unknown size is not free.
func TestRelayFeeCheckerBoundsTheSize(t *testing.T) {
	e := sequencertest.NewEnv(t)
	msg := e.RelockMsg(sequencertest.RelayerID, 2, sequencertest.Tokens(1), sequencertest.Tokens(30_001))
	for _, mode := range []sdk.ExecMode{sdk.ExecModeCheck, sdk.ExecModeProcessProposal, sdk.ExecModeFinalize} {
		ctx := e.Ctx.WithIsCheckTx(mode == sdk.ExecModeCheck).WithExecMode(mode)
		small, smallBz := buildTxMemo(t, []sdk.Msg{msg}, 100_000, nil, "")
		_, _, err := ante.RelayFeeChecker(e.K, policy)(ctx.WithTxBytes(smallBz), small)
		require.NoError(t, err, "mode %v", mode)
		_, _, err = ante.RelayFeeChecker(e.K, policy)(ctx, small)
		require.ErrorIs(t, err, sdkerrors.ErrInsufficientFee, "mode %v: without its bytes a transaction is not free", mode)

		padding := strings.Repeat("x", ante.DefaultMaxFreeTxBytes-len(smallBz)+1)
		padded, paddedBz := buildTxMemo(t, []sdk.Msg{msg}, 100_000, nil, padding)
		require.Greater(t, len(paddedBz), ante.DefaultMaxFreeTxBytes)
		_, _, err = ante.RelayFeeChecker(e.K, policy)(ctx.WithTxBytes(paddedBz), padded)
		require.ErrorIs(t, err, sdkerrors.ErrInsufficientFee, "mode %v", mode)
	}
}
