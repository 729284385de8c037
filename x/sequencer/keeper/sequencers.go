package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/themis-network/themis/x/sequencer/types"
)

// GetSequencer returns a sequencer by id, or ErrSequencerNotFound.
func (k Keeper) GetSequencer(ctx context.Context, id uint64) (types.Sequencer, error) {
	s, err := k.Sequencers.Get(ctx, id)
	if errors.Is(err, collections.ErrNotFound) {
		return s, errorsmod.Wrapf(types.ErrSequencerNotFound, "id %d", id)
	}
	return s, err
}

// GetSequencerBySigner returns the sequencer whose signer is the 0x address.
func (k Keeper) GetSequencerBySigner(ctx context.Context, signer string) (types.Sequencer, error) {
	id, err := k.SignerIndex.Get(ctx, signer)
	if errors.Is(err, collections.ErrNotFound) {
		return types.Sequencer{}, errorsmod.Wrapf(types.ErrSequencerNotFound, "signer %s", signer)
	}
	if err != nil {
		return types.Sequencer{}, err
	}
	return k.GetSequencer(ctx, id)
}

// setSequencer writes a new record with its indices.
func (k Keeper) setNewSequencer(ctx context.Context, s types.Sequencer) error {
	key, err := types.ParseSignerKey(s.PubKey)
	if err != nil {
		return errorsmod.Wrap(types.ErrInvalidPubKey, err.Error())
	}
	if err := k.Sequencers.Set(ctx, s.Id, s); err != nil {
		return err
	}
	if err := k.SignerIndex.Set(ctx, s.Signer, s.Id); err != nil {
		return err
	}
	if err := k.AccountIndex.Set(ctx, key.AccAddress(), s.Id); err != nil {
		return err
	}
	k.ensureAccount(ctx, key.AccAddress())
	return k.OwnerIndex.Set(ctx, collections.Join(s.Owner, s.Id))
}

// replaceSigner moves a sequencer to a new key, keeping the indices exact.
func (k Keeper) replaceSigner(ctx context.Context, s *types.Sequencer, newKey types.SignerKey) error {
	oldKey, err := types.ParseSignerKey(s.PubKey)
	if err != nil {
		return errorsmod.Wrap(types.ErrInvalidPubKey, err.Error())
	}
	if err := k.SignerIndex.Remove(ctx, s.Signer); err != nil {
		return err
	}
	// A retired key was a consensus key and an account: it must never identify anyone else.
	if err := k.RetiredSigners.Set(ctx, s.Signer); err != nil {
		return err
	}
	if err := k.AccountIndex.Remove(ctx, oldKey.AccAddress()); err != nil {
		return err
	}
	s.PubKey = newKey.Bytes()
	s.Signer = newKey.L1Address()
	if err := k.SignerIndex.Set(ctx, s.Signer, s.Id); err != nil {
		return err
	}
	if err := k.AccountIndex.Set(ctx, newKey.AccAddress(), s.Id); err != nil {
		return err
	}
	k.ensureAccount(ctx, newKey.AccAddress())
	return k.Sequencers.Set(ctx, s.Id, *s)
}

// ensureAccount creates the chain account of a sequencer's signer if it has none, so
// the operator can sign from its first block in the pool.
func (k Keeper) ensureAccount(ctx context.Context, addr sdk.AccAddress) {
	if !k.accounts.HasAccount(ctx, addr) {
		k.accounts.SetAccount(ctx, k.accounts.NewAccountWithAddress(ctx, addr))
	}
}

// IsActive reports whether the status puts the sequencer in the validator set.
func IsActive(s types.Sequencer) bool { return s.Status == types.SEQUENCER_STATUS_ACTIVE }

// ActiveSequencers returns the active sequencers in id order.
func (k Keeper) ActiveSequencers(ctx context.Context) ([]types.Sequencer, error) {
	var out []types.Sequencer
	err := k.Sequencers.Walk(ctx, nil, func(_ uint64, s types.Sequencer) (bool, error) {
		if IsActive(s) {
			out = append(out, s)
		}
		return false, nil
	})
	return out, err
}

// PowerOf returns the sequencer's voting power (0 unless active).
func (k Keeper) PowerOf(ctx context.Context, s types.Sequencer) (int64, error) {
	if !IsActive(s) {
		return 0, nil
	}
	p, err := k.Params.Get(ctx)
	if err != nil {
		return 0, err
	}
	return types.VotingPower(s.Locked, p.MaxLock), nil
}

// setStatus changes the status and records when the sequencer left or joined the set.
func (k Keeper) setStatus(ctx context.Context, s *types.Sequencer, to types.SequencerStatus, height int64) {
	from := s.Status
	if from == to {
		return
	}
	s.Status = to
	switch {
	case to == types.SEQUENCER_STATUS_ACTIVE:
		s.ActivationHeight = height
		s.DeactivationHeight = 0
	case from == types.SEQUENCER_STATUS_ACTIVE:
		s.DeactivationHeight = height
	}
	emit(ctx, &types.EventSequencerStatusChanged{SequencerId: s.Id, From: from, To: to})
}

func sdkHeight(ctx context.Context) int64 { return sdk.UnwrapSDKContext(ctx).BlockHeight() }
