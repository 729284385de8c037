package keeper

import (
	"context"
	"errors"
	"fmt"

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
	if _, ok := msg.(*types.MsgConfigChanged); ok {
		config, err := k.L1Config.Get(ctx)
		if err != nil {
			return nil, err
		}
		return nil, checkNonce(stage, "the contract's configuration", config.ConfigNonce, msg.GetNonce())
	}
	if _, ok := msg.(*types.MsgLedgerChanged); ok {
		ledger, err := k.L1Ledger.Get(ctx)
		if err != nil {
			return nil, err
		}
		return nil, checkNonce(stage, "the contract's ledger", ledger.LedgerNonce, msg.GetNonce())
	}
	seq, err := k.GetSequencer(ctx, msg.GetSequencerId())
	if err != nil {
		return nil, err
	}
	if err := checkNonce(stage, fmt.Sprintf("sequencer %d", seq.Id), seq.L1Nonce, msg.GetNonce()); err != nil {
		return nil, err
	}
	return &seq, nil
}

// checkNonce refuses a stale nonce and, at apply time, holds back one that is not the next.
func checkNonce(stage checkStage, chain string, applied, nonce uint64) error {
	if nonce <= applied {
		return errorsmod.Wrapf(types.ErrNonceOutOfOrder, "%s is at nonce %d; event nonce %d is stale", chain, applied, nonce)
	}
	if stage == stageApply && nonce != applied+1 {
		return errFutureNonce
	}
	return nil
}
