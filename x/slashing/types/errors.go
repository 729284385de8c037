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
)
