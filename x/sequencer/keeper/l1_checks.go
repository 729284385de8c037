package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	"github.com/themis-network/themis/x/sequencer/types"
)

// errFutureNonce marks an approved event that must wait for its predecessor.
var errFutureNonce = errors.New("nonce is ahead of the next expected nonce")

// checkStage says whether a relayed event is being queued or applied. When it is
// queued, events of the same sequencer may still be in flight, so only facts that
// cannot change are checked; when it is applied the nonce must be exactly the next.
type checkStage int

const (
	stageQueue checkStage = iota
	stageApply
)

// checkL1Event validates a relayed event against state; it returns the sequencer the
// event is about (nil for a lock).
func (k Keeper) checkL1Event(ctx context.Context, msg types.L1EventMsg, stage checkStage) (*types.Sequencer, error) {
	params, err := k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	applied, err := k.AppliedEvents.Has(ctx, types.EventKey(msg.GetEvent()))
	if err != nil {
		return nil, err
	}
	if applied {
		return nil, errorsmod.Wrapf(types.ErrEventAlreadyApplied, "%s", types.EventKey(msg.GetEvent()))
	}
	if lock, ok := msg.(*types.MsgLocked); ok {
		return nil, k.checkLock(ctx, lock, params)
	}
	seq, err := k.GetSequencer(ctx, msg.GetSequencerId())
	if err != nil {
		return nil, err
	}
	if msg.GetNonce() <= seq.L1Nonce {
		return nil, errorsmod.Wrapf(types.ErrNonceOutOfOrder, "sequencer %d is at nonce %d; event nonce %d is stale", seq.Id, seq.L1Nonce, msg.GetNonce())
	}
	if stage == stageApply && msg.GetNonce() != seq.L1Nonce+1 {
		return nil, errFutureNonce
	}
	if err := checkTransition(msg, seq, params, stage); err != nil {
		return nil, err
	}
	if change, ok := msg.(*types.MsgSignerChanged); ok {
		key, _ := types.ParseSignerKey(change.NewPubKey) // ValidateBasic checked it
		if err := k.checkSignerFree(ctx, key); err != nil {
			return nil, err
		}
	}
	return &seq, nil
}

func (k Keeper) checkLock(ctx context.Context, m *types.MsgLocked, params types.Params) error {
	exists, err := k.Sequencers.Has(ctx, m.SequencerId)
	if err != nil {
		return err
	}
	if exists {
		return errorsmod.Wrapf(types.ErrSequencerExists, "id %d", m.SequencerId)
	}
	owner, _ := types.NormalizeL1Address(m.Owner) // ValidateBasic checked it
	if banned, err := k.Banned.Has(ctx, owner); err != nil {
		return err
	} else if banned {
		return errorsmod.Wrapf(types.ErrBanned, "owner %s", owner)
	}
	if ok, err := k.Whitelist.Has(ctx, owner); err != nil {
		return err
	} else if !ok {
		return errorsmod.Wrapf(types.ErrNotWhitelisted, "owner %s", owner)
	}
	if m.Amount.LT(params.MinLock) {
		return errorsmod.Wrapf(types.ErrBelowMinLock, "locked %s, minimum %s", m.Amount, params.MinLock)
	}
	key, _ := types.ParseSignerKey(m.PubKey) // ValidateBasic checked it
	return k.checkSignerFree(ctx, key)
}

// checkSignerFree refuses a signer that is banned or used by any sequencer, past or present.
func (k Keeper) checkSignerFree(ctx context.Context, key types.SignerKey) error {
	signer := key.L1Address()
	if banned, err := k.Banned.Has(ctx, signer); err != nil {
		return err
	} else if banned {
		return errorsmod.Wrapf(types.ErrBanned, "signer %s", signer)
	}
	if retired, err := k.RetiredSigners.Has(ctx, signer); err != nil {
		return err
	} else if retired {
		return errorsmod.Wrapf(types.ErrSignerInUse, "signer %s was retired by a signer change and cannot be used again", signer)
	}
	id, err := k.SignerIndex.Get(ctx, signer)
	if err == nil {
		return errorsmod.Wrapf(types.ErrSignerInUse, "signer %s belongs to sequencer %d", signer, id)
	}
	if !errors.Is(err, collections.ErrNotFound) {
		return err
	}
	return nil
}

// checkTransition is the pure part: does the event fit the record? Amount
// consistency is only checked at apply time, when every earlier event is in.
func checkTransition(msg types.L1EventMsg, s types.Sequencer, params types.Params, stage checkStage) error {
	status := s.Status
	switch m := msg.(type) {
	case *types.MsgRelocked:
		if status == types.SEQUENCER_STATUS_UNLOCKED {
			return errorsmod.Wrapf(types.ErrInvalidStatus, "sequencer %d has unlocked; it cannot relock", s.Id)
		}
		if stage == stageApply && !m.Total.Equal(s.Locked.Add(m.Amount)) {
			return errorsmod.Wrapf(types.ErrInvalidAmount, "total %s is not locked %s + amount %s", m.Total, s.Locked, m.Amount)
		}
	case *types.MsgWithdrawn:
		if status == types.SEQUENCER_STATUS_UNLOCKING || status == types.SEQUENCER_STATUS_UNLOCKED {
			return errorsmod.Wrapf(types.ErrInvalidStatus, "sequencer %d is %s", s.Id, status)
		}
		if stage == stageApply {
			if !m.Total.Add(m.Amount).Equal(s.Locked) {
				return errorsmod.Wrapf(types.ErrInvalidAmount, "total %s + amount %s is not locked %s", m.Total, m.Amount, s.Locked)
			}
			if m.Total.LT(params.MinLock) {
				return errorsmod.Wrapf(types.ErrWithdrawBelowMin, "remaining %s, minimum %s", m.Total, params.MinLock)
			}
		}
	case *types.MsgUnlockInitiated:
		if status == types.SEQUENCER_STATUS_UNLOCKING || status == types.SEQUENCER_STATUS_UNLOCKED {
			return errorsmod.Wrapf(types.ErrInvalidStatus, "sequencer %d is already %s", s.Id, status)
		}
	case *types.MsgUnlockClaimed:
		if stage == stageApply && status != types.SEQUENCER_STATUS_UNLOCKING {
			return errorsmod.Wrapf(types.ErrInvalidStatus, "sequencer %d is %s, not unlocking", s.Id, status)
		}
	case *types.MsgSignerChanged:
		if status == types.SEQUENCER_STATUS_UNLOCKED || status == types.SEQUENCER_STATUS_BANNED {
			return errorsmod.Wrapf(types.ErrInvalidStatus, "sequencer %d is %s", s.Id, status)
		}
	case *types.MsgSlashed:
		// The contract slashes in any status (an empty lock gives a zero slash), so
		// only the amounts are checked, once every earlier event is in.
		if stage == stageApply && !m.Total.Add(m.Amount).Equal(s.Locked) {
			return errorsmod.Wrapf(types.ErrInvalidAmount, "total %s + amount %s is not locked %s", m.Total, m.Amount, s.Locked)
		}
	}
	return nil
}
