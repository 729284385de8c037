package ante

import (
	"errors"

	"cosmossdk.io/core/store"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authante "github.com/cosmos/cosmos-sdk/x/auth/ante"
)

// HandlerOptions are the SDK's ante options plus what the fee-free relay path needs.
type HandlerOptions struct {
	authante.HandlerOptions // its TxFeeChecker is replaced by RelayFeeChecker

	Policy   Policy
	Relayers Relayers
	// Router runs a fee-free relay's messages before it is admitted (RelayPrecheck).
	Router MsgRouter
	// Counts is the transient store of the per-sender quota (QuotaStoreKey).
	Counts store.TransientStoreService
}

// NewAnteHandler is the SDK's ante handler (signatures, sequence or unordered nonce,
// gas, fees through RelayFeeChecker) after UnorderedTimeout, followed by the fee-free
// relay bounds: the per-sender quota, then the precheck of the relay's messages. They
// come after the SDK's chain so that only authenticated transactions count against a
// sender's quota.
func NewAnteHandler(o HandlerOptions) (sdk.AnteHandler, error) {
	if err := o.Policy.Validate(); err != nil {
		return nil, err
	}
	if o.Relayers == nil || o.Router == nil || o.Counts == nil {
		return nil, errors.New("ante: relayers, message router and quota store are required")
	}
	o.TxFeeChecker = RelayFeeChecker(o.Relayers, o.Policy)
	sdkAnte, err := authante.NewAnteHandler(o.HandlerOptions)
	if err != nil {
		return nil, err
	}
	return sdk.ChainAnteDecorators(
		UnorderedTimeout{},
		handlerDecorator{sdkAnte},
		NewFreeRelayQuota(o.Policy, o.Relayers, o.Counts),
		NewRelayPrecheck(o.Policy, o.Relayers, o.Router),
	), nil
}

// handlerDecorator runs a whole ante handler as one decorator of a chain.
type handlerDecorator struct{ handler sdk.AnteHandler }

func (d handlerDecorator) AnteHandle(ctx sdk.Context, tx sdk.Tx, simulate bool, next sdk.AnteHandler) (sdk.Context, error) {
	newCtx, err := d.handler(ctx, tx, simulate)
	if err != nil {
		return newCtx, err
	}
	return next(newCtx, tx, simulate)
}
