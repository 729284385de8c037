package ante

import (
	errorsmod "cosmossdk.io/errors"
	storetypes "cosmossdk.io/store/types"
	"github.com/cosmos/cosmos-sdk/baseapp"
	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"
)

// MsgRouter finds a message's handler (baseapp.MsgServiceRouter).
type MsgRouter interface {
	Handler(msg sdk.Msg) baseapp.MsgServiceHandler
}

// RelayPrecheck is the ante decorator that admits a fee-free relay only if its
// messages succeed: a relay that would fail costs the chain its checks and its block
// space and pays nothing, so it is refused before inclusion. Block execution and
// simulation run the messages themselves after the ante handler; in CheckTx and in the
// proposal checks nothing else would, so this decorator runs them, through the real
// message handlers, on the ante handler's own branch. That branch is kept when the
// transaction is admitted: the next transaction of the same mempool (CheckTx state) or
// proposal sees the effects, so a second copy of one relay is refused as the handler
// refuses it, whatever the queue's rules are.
type RelayPrecheck struct {
	policy   Policy
	relayers Relayers
	router   MsgRouter
}

// NewRelayPrecheck runs relays through router.
func NewRelayPrecheck(p Policy, k Relayers, router MsgRouter) RelayPrecheck {
	return RelayPrecheck{policy: p, relayers: k, router: router}
}

// AnteHandle runs a fee-free relay's messages where nothing else would.
func (d RelayPrecheck) AnteHandle(ctx sdk.Context, tx sdk.Tx, simulate bool, next sdk.AnteHandler) (sdk.Context, error) {
	if simulate || !runsNoMessages(ctx.ExecMode()) {
		return next(ctx, tx, simulate)
	}
	_, free, err := d.policy.FreeRelaySender(ctx, d.relayers, tx)
	if err != nil {
		return ctx, err
	}
	if free {
		if err := RunMsgs(ctx.WithEventManager(sdk.NewEventManager()), d.router, tx.GetMsgs()); err != nil {
			return ctx, err
		}
	}
	return next(ctx, tx, simulate)
}

// runsNoMessages: the modes in which baseapp runs the ante handler only. baseapp sets
// the mode of every context it runs the ante handler in (CheckTx through WithIsCheckTx
// and WithIsReCheckTx, the others explicitly), so block execution is never mistaken
// for CheckTx and a relay's messages never run twice.
func runsNoMessages(mode sdk.ExecMode) bool {
	switch mode {
	case sdk.ExecModeCheck, sdk.ExecModeReCheck, sdk.ExecModePrepareProposal, sdk.ExecModeProcessProposal:
		return true
	}
	return false
}

// RunMsgs runs msgs in order through their handlers on ctx and returns the first
// failure, naming its message index as baseapp does (the bridge's broadcaster reads
// it). A panic, running out of gas included, is a failure, never a crash.
func RunMsgs(ctx sdk.Context, router MsgRouter, msgs []sdk.Msg) (err error) {
	defer func() {
		if r := recover(); r != nil {
			if oog, ok := r.(storetypes.ErrorOutOfGas); ok {
				err = errorsmod.Wrapf(sdkerrors.ErrOutOfGas, "out of gas in location: %s; gas limit %d", oog.Descriptor, ctx.GasMeter().Limit())
				return
			}
			err = errorsmod.Wrapf(sdkerrors.ErrPanic, "running relay messages: %v", r)
		}
	}()
	for i, msg := range msgs {
		handler := router.Handler(msg)
		if handler == nil {
			return errorsmod.Wrapf(sdkerrors.ErrUnknownRequest, "no message handler for %T; message index: %d", msg, i)
		}
		if _, err := handler(ctx, msg); err != nil {
			return errorsmod.Wrapf(err, "failed to execute message; message index: %d (a fee-free relay is admitted only if its messages succeed)", i)
		}
	}
	return nil
}
