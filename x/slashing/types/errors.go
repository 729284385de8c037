package types

import errorsmod "cosmossdk.io/errors"

// Registered errors of x/slashing. Codes are part of the API: never renumber.
var (
	ErrInvalidParams    = errorsmod.Register(ModuleName, 2, "invalid parameters")
	ErrUnauthorized     = errorsmod.Register(ModuleName, 3, "signer is not the governance authority")
	ErrInvalidGenesis   = errorsmod.Register(ModuleName, 4, "invalid genesis state")
	ErrInvalidAddress   = errorsmod.Register(ModuleName, 5, "invalid address")
	ErrNotJailed        = errorsmod.Register(ModuleName, 6, "sequencer is not jailed")
	ErrStillJailed      = errorsmod.Register(ModuleName, 7, "sequencer is still jailed")
	ErrBelowMinLock     = errorsmod.Register(ModuleName, 8, "stake is below min_lock")
	ErrOffenceNotFound  = errorsmod.Register(ModuleName, 9, "no such offence")
	ErrInvalidOffenceID = errorsmod.Register(ModuleName, 10, "invalid L1 offence id")
	ErrNotSequencer     = errorsmod.Register(ModuleName, 11, "sender is not a sequencer's operator")
	// Governance's slash and appeal.
	ErrInvalidSeverity   = errorsmod.Register(ModuleName, 12, "invalid severity for a governance slash")
	ErrInvalidEvidence   = errorsmod.Register(ModuleName, 13, "invalid evidence text")
	ErrSequencerNotFound = errorsmod.Register(ModuleName, 14, "no such sequencer")
	ErrAlreadyAppealed   = errorsmod.Register(ModuleName, 15, "offence already appealed")
	ErrInvalidReason     = errorsmod.Register(ModuleName, 16, "invalid appeal reason")
	ErrInvalidAmount     = errorsmod.Register(ModuleName, 17, "invalid amount")
)

// MaxTextLen bounds governance's evidence text (MsgSlash) and appeal reason (MsgAppeal),
// in bytes: both are stored with the offence for ever.
const MaxTextLen = 2000
