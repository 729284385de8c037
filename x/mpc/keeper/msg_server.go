package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"

	"github.com/themis-network/themis/x/mpc/types"
)

type msgServer struct{ Keeper }

var _ types.MsgServer = msgServer{}

// NewMsgServerImpl returns the x/mpc message server.
func NewMsgServerImpl(k Keeper) types.MsgServer { return msgServer{Keeper: k} }

// UpdateParams implements types.MsgServer. Open sessions keep the deadline they were
// opened with; new timeouts apply to sessions opened from the next block.
func (k msgServer) UpdateParams(ctx context.Context, msg *types.MsgUpdateParams) (*types.MsgUpdateParamsResponse, error) {
	if msg.Authority != k.authority {
		return nil, errorsmod.Wrapf(types.ErrUnauthorized, "expected %s, got %s", k.authority, msg.Authority)
	}
	if err := msg.Params.Validate(); err != nil {
		return nil, err
	}
	if err := k.Params.Set(ctx, msg.Params); err != nil {
		return nil, err
	}
	if err := emit(ctx, &types.EventParamsUpdated{Params: msg.Params}); err != nil {
		return nil, err
	}
	return &types.MsgUpdateParamsResponse{}, nil
}

// ResumePurpose implements types.MsgServer: a halted purpose's reverts in a row are
// cleared, so it queues calls again from the next block.
func (k msgServer) ResumePurpose(ctx context.Context, msg *types.MsgResumePurpose) (*types.MsgResumePurposeResponse, error) {
	if msg.Authority != k.authority {
		return nil, errorsmod.Wrapf(types.ErrUnauthorized, "expected %s, got %s", k.authority, msg.Authority)
	}
	if _, ok := k.purposes.byName[msg.Purpose]; !ok {
		return nil, errorsmod.Wrapf(types.ErrUnknownPurpose, "%q", msg.Purpose)
	}
	params, err := k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	halted, err := k.Halted(ctx, params, msg.Purpose)
	if err != nil {
		return nil, err
	}
	if !halted {
		return nil, errorsmod.Wrapf(types.ErrPurposeNotHalted, "%q", msg.Purpose)
	}
	n, err := k.Reverts.Get(ctx, msg.Purpose)
	if err != nil {
		return nil, err
	}
	if err := k.Reverts.Remove(ctx, msg.Purpose); err != nil {
		return nil, err
	}
	k.Logger(ctx).Info("pool call purpose resumed by governance", "purpose", msg.Purpose, "reverts", n)
	if err := emit(ctx, &types.EventPurposeResumed{Purpose: msg.Purpose, Reverts: n}); err != nil {
		return nil, err
	}
	return &types.MsgResumePurposeResponse{}, nil
}
