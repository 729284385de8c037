package keeper

import (
	"context"
	"errors"
	"time"

	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"

	sequencertypes "github.com/themis-network/themis/x/sequencer/types"
	"github.com/themis-network/themis/x/slashing/ladder"
	"github.com/themis-network/themis/x/slashing/types"
)

type msgServer struct{ Keeper }

var _ types.MsgServer = msgServer{}

// NewMsgServerImpl returns the x/slashing message service.
func NewMsgServerImpl(k Keeper) types.MsgServer { return msgServer{Keeper: k} }

func (k msgServer) checkAuthority(authority string) error {
	if authority != k.authority {
		return errorsmod.Wrapf(types.ErrUnauthorized, "expected %s, got %s", k.authority, authority)
	}
	return nil
}

// UpdateParams implements types.MsgServer.
func (k msgServer) UpdateParams(ctx context.Context, msg *types.MsgUpdateParams) (*types.MsgUpdateParamsResponse, error) {
	if err := k.checkAuthority(msg.Authority); err != nil {
		return nil, err
	}
	if err := msg.Params.Validate(); err != nil {
		return nil, err
	}
	return &types.MsgUpdateParamsResponse{}, k.Params.Set(ctx, msg.Params)
}

// Unjail implements types.MsgServer: the operator (its signer's chain account) returns
// its sequencer to the pool once the jail is over and the stake the chain sees is at
// least the contract's min_lock; the admission rules decide ACTIVE or NOT_ADMITTED.
func (k msgServer) Unjail(ctx context.Context, msg *types.MsgUnjail) (*types.MsgUnjailResponse, error) {
	operator, err := k.addressCodec.StringToBytes(msg.Operator)
	if err != nil {
		return nil, errorsmod.Wrapf(types.ErrInvalidAddress, "operator: %v", err)
	}
	seq, err := k.sequencers.GetSequencerByAccount(ctx, operator)
	if err != nil {
		if errors.Is(err, sequencertypes.ErrNotSequencer) {
			return nil, errorsmod.Wrapf(types.ErrNotSequencer, "%s is no sequencer's signer account", msg.Operator)
		}
		return nil, err
	}
	jail, err := k.Jails.Get(ctx, seq.Id)
	if isNotFound(err) || (err == nil && seq.Status != sequencertypes.SEQUENCER_STATUS_JAILED) {
		return nil, errorsmod.Wrapf(types.ErrNotJailed, "sequencer %d is %s", seq.Id, seq.Status)
	}
	if err != nil {
		return nil, err
	}
	minLock, err := k.sequencers.MinLock(ctx)
	if err != nil {
		return nil, err
	}
	now := sdk.UnwrapSDKContext(ctx).BlockTime()
	if err := ladder.CanUnjail(now, jail.Until, sequencertypes.ChainStake(seq), minLock); err != nil {
		return nil, unjailError(err, now, jail, seq)
	}
	status, err := k.sequencers.Unjail(ctx, seq.Id)
	if err != nil {
		return nil, err
	}
	if err := k.Jails.Remove(ctx, seq.Id); err != nil {
		return nil, err
	}
	k.Logger(ctx).Info("sequencer unjailed", "sequencer", seq.Id, "status", status)
	return &types.MsgUnjailResponse{SequencerId: seq.Id}, emit(ctx, &types.EventUnjailed{SequencerId: seq.Id, OffenceId: jail.OffenceId})
}

// unjailError maps the ladder's refusal to the module's registered error, in words an
// operator can act on.
func unjailError(err error, now time.Time, jail types.Jail, seq sequencertypes.Sequencer) error {
	switch {
	case errors.Is(err, ladder.ErrStillJailed):
		left := jail.Until.Sub(now).Round(time.Second)
		if left < time.Second {
			left = time.Second
		}
		return errorsmod.Wrapf(types.ErrStillJailed, "sequencer %d is jailed until %s (%s left, offence %d)",
			seq.Id, jail.Until.UTC().Format(time.RFC3339), left, jail.OffenceId)
	case errors.Is(err, ladder.ErrBelowMinLock):
		return errorsmod.Wrapf(types.ErrBelowMinLock, "sequencer %d: %v; relock on L1 first", seq.Id, err)
	}
	return errorsmod.Wrap(types.ErrBelowMinLock, err.Error())
}
