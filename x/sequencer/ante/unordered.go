package ante

import (
	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"
)

// UnorderedTimeout refuses an unordered transaction whose timeout is not after the
// block time. The SDK (v0.53.8) admits a timeout equal to the block time, while x/auth's
// PreBlocker drops the nonces whose timeout is up to and including it: such a
// transaction, once included, could be included again in a block of exactly that
// time. (Upstream fixed the comparison later; this keeps the rule whatever the SDK's.)
type UnorderedTimeout struct{}

// AnteHandle implements sdk.AnteDecorator.
func (UnorderedTimeout) AnteHandle(ctx sdk.Context, tx sdk.Tx, simulate bool, next sdk.AnteHandler) (sdk.Context, error) {
	if utx, ok := tx.(sdk.TxWithUnordered); ok && utx.GetUnordered() {
		if timeout := utx.GetTimeoutTimeStamp(); !timeout.After(ctx.BlockTime()) {
			return ctx, errorsmod.Wrapf(sdkerrors.ErrTxTimeout,
				"unordered transaction's timeout %s is not after the block time %s", timeout, ctx.BlockTime())
		}
	}
	return next(ctx, tx, simulate)
}
