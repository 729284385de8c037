package keeper

import (
	"context"
	"errors"
	"fmt"

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

// setNewSequencer writes a new record with its indices. A signer in conflict (held by
// another sequencer, or retired) is not indexed: the index keeps its holder.
func (k Keeper) setNewSequencer(ctx context.Context, s types.Sequencer) error {
	key, err := types.ParseSignerKey(s.PubKey)
	if err != nil {
		return errorsmod.Wrap(types.ErrInvalidPubKey, err.Error())
	}
	if err := k.Sequencers.Set(ctx, s.Id, s); err != nil {
		return err
	}
	if !s.SignerConflict {
		if err := k.indexSigner(ctx, s.Id, key); err != nil {
			return err
		}
	}
	return k.OwnerIndex.Set(ctx, collections.Join(s.Owner, s.Id))
}

// indexSigner makes the signer and its themis account name sequencer id.
func (k Keeper) indexSigner(ctx context.Context, id uint64, key types.SignerKey) error {
	if err := k.SignerIndex.Set(ctx, key.L1Address(), id); err != nil {
		return err
	}
	if err := k.AccountIndex.Set(ctx, key.AccAddress(), id); err != nil {
		return err
	}
	k.ensureAccount(ctx, key.AccAddress())
	return nil
}

// signerConflict says why a key cannot be indexed for a sequencer ("" if it can): it
// was retired by a signer change (a past consensus key and account must never identify
// anyone again), or its signer or account is indexed already.
func (k Keeper) signerConflict(ctx context.Context, key types.SignerKey) (string, error) {
	signer := key.L1Address()
	if retired, err := k.RetiredSigners.Has(ctx, signer); err != nil {
		return "", err
	} else if retired {
		return fmt.Sprintf("signer %s was retired by a signer change", signer), nil
	}
	id, err := k.SignerIndex.Get(ctx, signer)
	if err == nil {
		return fmt.Sprintf("signer %s belongs to sequencer %d", signer, id), nil
	}
	if !errors.Is(err, collections.ErrNotFound) {
		return "", err
	}
	id, err = k.AccountIndex.Get(ctx, key.AccAddress())
	if err == nil {
		return fmt.Sprintf("the account of signer %s belongs to sequencer %d", signer, id), nil
	}
	if !errors.Is(err, collections.ErrNotFound) {
		return "", err
	}
	return "", nil
}

// changeSigner moves a sequencer to the key L1 gave it, keeping the indices exact: the
// old key, if this sequencer held it, is unindexed and retired for ever; the new key is
// indexed unless it is in conflict, in which case the record carries it unindexed
// (signer_conflict). It returns what the chain disagrees with about the new key.
func (k Keeper) changeSigner(ctx context.Context, s *types.Sequencer, newKey types.SignerKey) ([]types.DisagreementFinding, error) {
	oldKey, err := types.ParseSignerKey(s.PubKey)
	if err != nil {
		return nil, errorsmod.Wrap(types.ErrInvalidPubKey, err.Error())
	}
	if !s.SignerConflict {
		if err := k.SignerIndex.Remove(ctx, s.Signer); err != nil {
			return nil, err
		}
		if err := k.AccountIndex.Remove(ctx, oldKey.AccAddress()); err != nil {
			return nil, err
		}
		// A retired key was a consensus key and an account: it must never identify anyone else.
		if err := k.RetiredSigners.Set(ctx, s.Signer); err != nil {
			return nil, err
		}
	}
	s.PubKey = newKey.Bytes()
	s.Signer = newKey.L1Address()
	var findings []types.DisagreementFinding
	if banned, err := k.Banned.Has(ctx, s.Signer); err != nil {
		return nil, err
	} else if banned {
		findings = append(findings, types.DisagreementFinding{Reason: types.DISAGREEMENT_REASON_BANNED, Detail: fmt.Sprintf("signer %s is banned", s.Signer)})
	}
	conflict, err := k.signerConflict(ctx, newKey)
	if err != nil {
		return nil, err
	}
	s.SignerConflict = conflict != ""
	if s.SignerConflict {
		return append(findings, types.DisagreementFinding{Reason: types.DISAGREEMENT_REASON_SIGNER_CONFLICT, Detail: conflict}), nil
	}
	return findings, k.indexSigner(ctx, s.Id, newKey)
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
	c, err := k.L1Config.Get(ctx)
	if err != nil {
		return 0, err
	}
	return types.VotingPower(types.ChainStake(s), c.MaxLock), nil
}

// setStatus changes the status, with the reason for it (NOT_ADMITTED, BANNED), and
// records when the sequencer left or joined the set.
func (k Keeper) setStatus(ctx context.Context, s *types.Sequencer, to types.SequencerStatus, reason string, height int64) {
	from := s.Status
	s.StatusReason = reason
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
	emit(ctx, &types.EventSequencerStatusChanged{SequencerId: s.Id, From: from, To: to, Reason: reason})
}

func sdkHeight(ctx context.Context) int64 { return sdk.UnwrapSDKContext(ctx).BlockHeight() }
