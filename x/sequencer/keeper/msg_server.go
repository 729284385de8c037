package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	"github.com/themis-network/themis/x/sequencer/types"
)

type msgServer struct{ Keeper }

var _ types.MsgServer = msgServer{}

// NewMsgServerImpl returns the x/sequencer message service.
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
	if err := k.Params.Set(ctx, msg.Params); err != nil {
		return nil, err
	}
	return &types.MsgUpdateParamsResponse{}, nil
}

// UpdateWhitelist implements types.MsgServer. The whitelist is the chain's admission:
// adding an owner admits its NOT_ADMITTED sequencers that meet every other rule.
// Removing an owner offboards it: its ACTIVE sequencers lose their admission at once
// (NOT_ADMITTED, no power; L1 keeps their stake) and it admits nothing new.
func (k msgServer) UpdateWhitelist(ctx context.Context, msg *types.MsgUpdateWhitelist) (*types.MsgUpdateWhitelistResponse, error) {
	if err := k.checkAuthority(msg.Authority); err != nil {
		return nil, err
	}
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	ev := types.EventWhitelistUpdated{}
	for _, a := range msg.Add {
		owner, _ := types.NormalizeL1Address(a)
		if banned, err := k.Banned.Has(ctx, owner); err != nil {
			return nil, err
		} else if banned {
			return nil, errorsmod.Wrapf(types.ErrBanned, "owner %s can never rejoin", owner)
		}
		if err := k.setWhitelisted(ctx, owner, true); err != nil {
			return nil, err
		}
		if err := k.admitOwner(ctx, owner); err != nil {
			return nil, err
		}
		ev.Added = append(ev.Added, owner)
	}
	for _, a := range msg.Remove {
		owner, _ := types.NormalizeL1Address(a)
		if err := k.setWhitelisted(ctx, owner, false); err != nil {
			return nil, err
		}
		if err := k.revokeOwner(ctx, owner); err != nil {
			return nil, err
		}
		ev.Removed = append(ev.Removed, owner)
	}
	emit(ctx, &ev)
	return &types.MsgUpdateWhitelistResponse{}, nil
}

// UpdateL1Admin implements types.MsgServer: governance's decision on the staking
// contract's lock limits, exit delay and end of bootstrap, which the pool carries out.
func (k msgServer) UpdateL1Admin(ctx context.Context, msg *types.MsgUpdateL1Admin) (*types.MsgUpdateL1AdminResponse, error) {
	if err := k.checkAuthority(msg.Authority); err != nil {
		return nil, err
	}
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	admin, err := k.L1Admin.Get(ctx)
	if err != nil {
		return nil, err
	}
	admin = admin.Update(msg)
	if err := k.L1Admin.Set(ctx, admin); err != nil {
		return nil, err
	}
	emit(ctx, &types.EventL1AdminUpdated{Admin: admin})
	return &types.MsgUpdateL1AdminResponse{}, nil
}

// EditDescription implements types.MsgServer.
func (k msgServer) EditDescription(ctx context.Context, msg *types.MsgEditDescription) (*types.MsgEditDescriptionResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	sender, err := k.addressCodec.StringToBytes(msg.Sender)
	if err != nil {
		return nil, errorsmod.Wrapf(types.ErrInvalidAddress, "sender: %v", err)
	}
	id, err := k.AccountIndex.Get(ctx, sender)
	if errors.Is(err, collections.ErrNotFound) {
		return nil, errorsmod.Wrapf(types.ErrNotSequencer, "%s", msg.Sender)
	}
	if err != nil {
		return nil, err
	}
	s, err := k.GetSequencer(ctx, id)
	if err != nil {
		return nil, err
	}
	s.Description = msg.Description
	if err := k.Sequencers.Set(ctx, id, s); err != nil {
		return nil, err
	}
	return &types.MsgEditDescriptionResponse{}, nil
}

func (k msgServer) relay(ctx context.Context, msg types.L1EventMsg) (*types.MsgRelayResponse, error) {
	id, err := k.enqueueL1Event(ctx, msg)
	if err != nil {
		return nil, err
	}
	return &types.MsgRelayResponse{PendingId: id}, nil
}

// Locked implements types.MsgServer.
func (k msgServer) Locked(ctx context.Context, msg *types.MsgLocked) (*types.MsgRelayResponse, error) {
	return k.relay(ctx, msg)
}

// Relocked implements types.MsgServer.
func (k msgServer) Relocked(ctx context.Context, msg *types.MsgRelocked) (*types.MsgRelayResponse, error) {
	return k.relay(ctx, msg)
}

// Withdrawn implements types.MsgServer.
func (k msgServer) Withdrawn(ctx context.Context, msg *types.MsgWithdrawn) (*types.MsgRelayResponse, error) {
	return k.relay(ctx, msg)
}

// UnlockInitiated implements types.MsgServer.
func (k msgServer) UnlockInitiated(ctx context.Context, msg *types.MsgUnlockInitiated) (*types.MsgRelayResponse, error) {
	return k.relay(ctx, msg)
}

// UnlockClaimed implements types.MsgServer.
func (k msgServer) UnlockClaimed(ctx context.Context, msg *types.MsgUnlockClaimed) (*types.MsgRelayResponse, error) {
	return k.relay(ctx, msg)
}

// SignerChanged implements types.MsgServer.
func (k msgServer) SignerChanged(ctx context.Context, msg *types.MsgSignerChanged) (*types.MsgRelayResponse, error) {
	return k.relay(ctx, msg)
}

// RewardRecipientChanged implements types.MsgServer.
func (k msgServer) RewardRecipientChanged(ctx context.Context, msg *types.MsgRewardRecipientChanged) (*types.MsgRelayResponse, error) {
	return k.relay(ctx, msg)
}

// Slashed implements types.MsgServer.
func (k msgServer) Slashed(ctx context.Context, msg *types.MsgSlashed) (*types.MsgRelayResponse, error) {
	return k.relay(ctx, msg)
}

// LedgerChanged implements types.MsgServer.
func (k msgServer) LedgerChanged(ctx context.Context, msg *types.MsgLedgerChanged) (*types.MsgRelayResponse, error) {
	return k.relay(ctx, msg)
}

// ConfigChanged implements types.MsgServer.
func (k msgServer) ConfigChanged(ctx context.Context, msg *types.MsgConfigChanged) (*types.MsgRelayResponse, error) {
	return k.relay(ctx, msg)
}
