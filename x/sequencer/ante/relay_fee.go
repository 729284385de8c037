// Package ante holds x/sequencer's transaction admission rules.
package ante

import (
	"bytes"
	"fmt"

	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"
	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"
	authante "github.com/cosmos/cosmos-sdk/x/auth/ante"

	"github.com/themis-network/themis/x/sequencer/keeper"
	"github.com/themis-network/themis/x/sequencer/types"
)

// DefaultMaxFreeRelayGas bounds the gas of one fee-free relay transaction, so the
// exemption cannot be used to fill blocks.
const DefaultMaxFreeRelayGas = 3_000_000

// RelayFeeChecker is the chain's TxFeeChecker. Relaying L1 events is a duty of the
// active sequencers, and a sequencer that has just joined owns no chain tokens: a
// transaction made only of relay messages, all submitted by the active sequencer that
// pays for the transaction, needs no fee (up to maxFreeGas). Every other transaction
// pays at least the node's minimum gas prices, as with the SDK's default checker.
func RelayFeeChecker(k keeper.Keeper, maxFreeGas uint64) authante.TxFeeChecker {
	return func(ctx sdk.Context, tx sdk.Tx) (sdk.Coins, int64, error) {
		feeTx, ok := tx.(sdk.FeeTx)
		if !ok {
			return nil, 0, errorsmod.Wrap(sdkerrors.ErrTxDecode, "tx must be a FeeTx")
		}
		free, err := isFreeRelay(ctx, k, feeTx, maxFreeGas)
		if err != nil {
			return nil, 0, err
		}
		if free {
			return feeTx.GetFee(), 0, nil
		}
		return checkMinGasPrices(ctx, feeTx)
	}
}

// isFreeRelay reports whether tx qualifies for the relay exemption. A relay-only tx that
// does not qualify is not an error here: it pays like any other tx (and the message
// server then refuses a non-sequencer submitter with a specific error).
func isFreeRelay(ctx sdk.Context, k keeper.Keeper, tx sdk.FeeTx, maxFreeGas uint64) (bool, error) {
	msgs := tx.GetMsgs()
	if len(msgs) == 0 || tx.GetGas() > maxFreeGas {
		return false, nil
	}
	var submitter string
	for _, msg := range msgs {
		relay, ok := msg.(types.L1EventMsg)
		if !ok {
			return false, nil
		}
		if submitter == "" {
			submitter = relay.GetSubmitter()
		}
		if relay.GetSubmitter() != submitter {
			return false, nil
		}
	}
	submitterBytes, err := k.AddressCodec().StringToBytes(submitter)
	if err != nil || !bytes.Equal(submitterBytes, tx.FeePayer()) {
		return false, nil
	}
	if err := k.CheckRelayer(ctx, submitter); err != nil {
		if types.ErrNotSequencer.Is(err) || types.ErrInvalidAddress.Is(err) {
			return false, nil
		}
		return false, err
	}
	return true, nil
}

// checkMinGasPrices is the SDK's default rule: in CheckTx, the fee must cover the
// node's minimum gas prices for the tx's gas limit.
func checkMinGasPrices(ctx sdk.Context, tx sdk.FeeTx) (sdk.Coins, int64, error) {
	fee := tx.GetFee()
	if !ctx.IsCheckTx() {
		return fee, 0, nil
	}
	minGasPrices := ctx.MinGasPrices()
	if minGasPrices.IsZero() {
		return fee, 0, nil
	}
	gas := math.LegacyNewDec(int64(min(tx.GetGas(), uint64(1<<62))))
	required := make(sdk.Coins, len(minGasPrices))
	for i, gp := range minGasPrices {
		required[i] = sdk.NewCoin(gp.Denom, gp.Amount.Mul(gas).Ceil().RoundInt())
	}
	if !fee.IsAnyGTE(required) {
		return nil, 0, errorsmod.Wrap(sdkerrors.ErrInsufficientFee,
			fmt.Sprintf("insufficient fees; got: %s required: %s (relays of L1 events by an active sequencer are free)", fee, required))
	}
	return fee, 0, nil
}
