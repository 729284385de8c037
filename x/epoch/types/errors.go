package types

import errorsmod "cosmossdk.io/errors"

// Registered errors of x/epoch. Codes are part of the API: never renumber.
var (
	ErrInvalidParams  = errorsmod.Register(ModuleName, 2, "invalid parameters")
	ErrUnauthorized   = errorsmod.Register(ModuleName, 3, "signer is not the governance authority")
	ErrInvalidGenesis = errorsmod.Register(ModuleName, 4, "invalid genesis state")
	ErrInvalidReport  = errorsmod.Register(ModuleName, 5, "invalid L2 head report")
	ErrEpochNotFound  = errorsmod.Register(ModuleName, 6, "no such epoch")
	ErrNoProducer     = errorsmod.Register(ModuleName, 7, "no epoch covers this L2 height")
	ErrNoCurrentEpoch = errorsmod.Register(ModuleName, 8, "no epoch decided yet")
	ErrNextNotDecided = errorsmod.Register(ModuleName, 9, "the next epoch is not decided yet")
	ErrInvalidL2Seal  = errorsmod.Register(ModuleName, 10, "invalid L2 block seal")
)
