package sequencertest

import (
	errorsmod "cosmossdk.io/errors"

	"github.com/themis-network/themis/x/sequencer/types"
)

// AllErrors lists every registered x/sequencer error, so tests can require that a
// rejection carries exactly one of them.
var AllErrors = []*errorsmod.Error{
	types.ErrInvalidParams, types.ErrUnauthorized, types.ErrInvalidAddress, types.ErrInvalidPubKey,
	types.ErrNotWhitelisted, types.ErrBelowMinLock, types.ErrSequencerNotFound, types.ErrSequencerExists,
	types.ErrEventAlreadyApplied, types.ErrEventAlreadyPending, types.ErrNonceOutOfOrder, types.ErrBanned,
	types.ErrSignerInUse, types.ErrInvalidStatus, types.ErrInvalidAmount, types.ErrQueueFull,
	types.ErrInvalidEventRef, types.ErrInvalidGenesis, types.ErrInvalidDescription, types.ErrWithdrawBelowMin,
	types.ErrNoValidatorSet, types.ErrNotSequencer, types.ErrInvalidUnlockTime, types.ErrInvalidOffence,
	types.ErrRelayerQueueFull, types.ErrFreeRelayQuota, types.ErrInvalidConfigChange,
}
