package types

import errorsmod "cosmossdk.io/errors"

// Registered errors of x/sequencer. Codes are part of the API: never renumber.
//
// ErrNotWhitelisted, ErrBelowMinLock, ErrSignerInUse, ErrInvalidStatus (for relayed
// events) and ErrWithdrawBelowMin are no longer returned for relayed L1 events: L1 is
// authoritative, so a policy disagreement is applied and recorded as a Disagreement
// (see README.md). They stay registered so that their codes are never reused.
var (
	ErrInvalidParams       = errorsmod.Register(ModuleName, 2, "invalid parameters")
	ErrUnauthorized        = errorsmod.Register(ModuleName, 3, "signer is not the governance authority")
	ErrInvalidAddress      = errorsmod.Register(ModuleName, 4, "invalid address")
	ErrInvalidPubKey       = errorsmod.Register(ModuleName, 5, "invalid signer public key")
	ErrNotWhitelisted      = errorsmod.Register(ModuleName, 6, "owner is not whitelisted")
	ErrBelowMinLock        = errorsmod.Register(ModuleName, 7, "locked amount is below the minimum lock")
	ErrSequencerNotFound   = errorsmod.Register(ModuleName, 8, "unknown sequencer")
	ErrSequencerExists     = errorsmod.Register(ModuleName, 9, "sequencer id already exists")
	ErrEventAlreadyApplied = errorsmod.Register(ModuleName, 10, "L1 event already applied")
	ErrEventAlreadyPending = errorsmod.Register(ModuleName, 11, "identical L1 event already waiting for the vote")
	ErrNonceOutOfOrder     = errorsmod.Register(ModuleName, 12, "L1 nonce out of order")
	ErrBanned              = errorsmod.Register(ModuleName, 13, "address is banned")
	ErrSignerInUse         = errorsmod.Register(ModuleName, 14, "signer already belongs to another sequencer")
	ErrInvalidStatus       = errorsmod.Register(ModuleName, 15, "event does not fit the sequencer's status")
	ErrInvalidAmount       = errorsmod.Register(ModuleName, 16, "invalid amount")
	ErrQueueFull           = errorsmod.Register(ModuleName, 17, "too many L1 events waiting for the vote")
	ErrInvalidEventRef     = errorsmod.Register(ModuleName, 18, "invalid L1 event reference")
	ErrInvalidGenesis      = errorsmod.Register(ModuleName, 19, "invalid genesis state")
	ErrInvalidDescription  = errorsmod.Register(ModuleName, 20, "invalid description")
	ErrWithdrawBelowMin    = errorsmod.Register(ModuleName, 21, "withdrawal would leave less than the minimum lock")
	ErrNoValidatorSet      = errorsmod.Register(ModuleName, 22, "no validator set recorded for height")
	ErrNotSequencer        = errorsmod.Register(ModuleName, 23, "sender is not a sequencer")
	ErrInvalidUnlockTime   = errorsmod.Register(ModuleName, 24, "invalid unlock time")
	ErrInvalidOffence      = errorsmod.Register(ModuleName, 25, "invalid offence")
	ErrRelayerQueueFull    = errorsmod.Register(ModuleName, 26, "the relayer's share of the L1-event queue is full")
	ErrFreeRelayQuota      = errorsmod.Register(ModuleName, 27, "fee-free relay quota exceeded")
	ErrInvalidConfigChange = errorsmod.Register(ModuleName, 28, "invalid staking-contract configuration change")
	ErrInvalidLedgerChange = errorsmod.Register(ModuleName, 29, "invalid staking-contract ledger change")
)
