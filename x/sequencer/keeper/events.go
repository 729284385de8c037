package keeper

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/gogoproto/proto"
)

// emit records a typed event; a failure to encode one is a programming error, logged not fatal.
func emit(ctx context.Context, ev proto.Message) {
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	if err := sdkCtx.EventManager().EmitTypedEvent(ev); err != nil {
		sdkCtx.Logger().Error("failed to emit event", "event", proto.MessageName(ev), "err", err)
	}
}
