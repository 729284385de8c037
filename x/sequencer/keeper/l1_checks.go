package keeper

import (
	"context"
	"errors"

	errorsmod "cosmossdk.io/errors"

	"github.com/themis-network/themis/x/sequencer/types"
)

// errFutureNonce marks an approved event that must wait for its predecessor.
var errFutureNonce = errors.New("nonce is ahead of the next expected nonce")

// checkStage says whether a relayed event is being queued or applied. When it is
// queued, events of the same sequencer may still be in flight; when it is applied the
// nonce must be exactly the next.
type checkStage int

const (
	stageQueue checkStage = iota
	stageApply
)

// checkL1Event refuses only what cannot be a genuine contract event the chain has not
// applied yet: a replayed log, a lock of an id that exists, an event of a sequencer
// that was never locked, a stale nonce (ValidateBasic has refused the malformed). It
// never refuses for a policy reason: L1 decides stake and keys, and whatever the chain
// disagrees with is applied and recorded (applyL1Event). At apply time a nonce ahead of
// the next one waits (errFutureNonce). It returns the sequencer the event is about (nil
// for a lock).
func (k Keeper) checkL1Event(ctx context.Context, msg types.L1EventMsg, stage checkStage) (*types.Sequencer, error) {
	applied, err := k.AppliedEvents.Has(ctx, types.EventKey(msg.GetEvent()))
	if err != nil {
		return nil, err
	}
	if applied {
		return nil, errorsmod.Wrapf(types.ErrEventAlreadyApplied, "%s", types.EventKey(msg.GetEvent()))
	}
	if _, ok := msg.(*types.MsgLocked); ok {
		exists, err := k.Sequencers.Has(ctx, msg.GetSequencerId())
		if err != nil {
			return nil, err
		}
		if exists {
			return nil, errorsmod.Wrapf(types.ErrSequencerExists, "id %d", msg.GetSequencerId())
		}
		return nil, nil
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
	return &seq, nil
}
