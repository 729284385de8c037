package ante

import (
	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"
	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"
	authante "github.com/cosmos/cosmos-sdk/x/auth/ante"
)

// RelayFeeChecker is the chain's TxFeeChecker. A fee-free relay (FreeRelaySender) pays
// nothing; its bounds are the quota and precheck decorators'. Every other transaction
// pays at least its gas limit times the policy's MinGasPrice in every mode: unlike the
// SDK's default checker, which asks only in CheckTx, this holds in proposals and block
// execution, so a proposer cannot include an unpaid transaction. In CheckTx the node's
// own minimum gas prices apply as well.
func RelayFeeChecker(k Relayers, p Policy) authante.TxFeeChecker {
	return func(ctx sdk.Context, tx sdk.Tx) (sdk.Coins, int64, error) {
		feeTx, ok := tx.(sdk.FeeTx)
		if !ok {
			return nil, 0, errorsmod.Wrap(sdkerrors.ErrTxDecode, "tx must be a FeeTx")
		}
		if _, free, err := p.FreeRelaySender(ctx, k, tx); err != nil || free {
			return feeTx.GetFee(), 0, err
		}
		fee, gas := feeTx.GetFee(), feeTx.GetGas()
		if floor := p.MinFee(gas); fee.AmountOf(floor.Denom).LT(floor.Amount) {
			return nil, 0, errorsmod.Wrapf(sdkerrors.ErrInsufficientFee,
				"fee %s is below the chain's minimum %s (%d gas at %s); only relays of L1 events by an active sequencer, without a fee, up to %d gas and %d messages, are free",
				fee, floor, gas, p, p.MaxFreeGas, p.MaxFreeMsgs)
		}
		if ctx.IsCheckTx() {
			if err := checkNodeMinGasPrices(ctx, fee, gas); err != nil {
				return nil, 0, err
			}
		}
		return fee, 0, nil
	}
}

// checkNodeMinGasPrices is the SDK's CheckTx rule: the fee covers the node's own
// minimum gas prices (app.toml minimum-gas-prices) in at least one of their denoms.
func checkNodeMinGasPrices(ctx sdk.Context, fee sdk.Coins, gas uint64) error {
	minGasPrices := ctx.MinGasPrices()
	if minGasPrices.IsZero() {
		return nil
	}
	limit := math.LegacyNewDecFromInt(math.NewIntFromUint64(gas))
	required := make(sdk.Coins, len(minGasPrices))
	for i, gp := range minGasPrices {
		required[i] = sdk.NewCoin(gp.Denom, gp.Amount.Mul(limit).Ceil().RoundInt())
	}
	if !fee.IsAnyGTE(required) {
		return errorsmod.Wrapf(sdkerrors.ErrInsufficientFee, "insufficient fees; got: %s required by this node: %s", fee, required)
	}
	return nil
}
