package types

import errorsmod "cosmossdk.io/errors"

// Registered errors of x/mpc. Codes are part of the API: never renumber.
var (
	ErrInvalidParams      = errorsmod.Register(ModuleName, 2, "invalid parameters")
	ErrUnauthorized       = errorsmod.Register(ModuleName, 3, "signer is not the governance authority")
	ErrInvalidGenesis     = errorsmod.Register(ModuleName, 4, "invalid genesis state")
	ErrInvalidReport      = errorsmod.Register(ModuleName, 5, "invalid mpc report")
	ErrUnknownPayloadType = errorsmod.Register(ModuleName, 6, "unknown payload type")
	ErrInvalidPayload     = errorsmod.Register(ModuleName, 7, "invalid payload")
	ErrSessionNotFound    = errorsmod.Register(ModuleName, 8, "no such session")
	ErrRequestNotFound    = errorsmod.Register(ModuleName, 9, "no such sign request")
	ErrNoPoolKey          = errorsmod.Register(ModuleName, 10, "no pool key yet")
	ErrInvalidSignature   = errorsmod.Register(ModuleName, 11, "invalid pool signature")
	ErrInvalidEndpoint    = errorsmod.Register(ModuleName, 12, "invalid transport endpoint")
	ErrInvalidPubKey      = errorsmod.Register(ModuleName, 13, "invalid public key")
	ErrPayloadTypeExists  = errorsmod.Register(ModuleName, 14, "payload type already registered")
	ErrInvalidL1Report    = errorsmod.Register(ModuleName, 15, "invalid mpc-l1 report")
	ErrPoolTxNotFound     = errorsmod.Register(ModuleName, 16, "no such pool transaction")
	ErrUnknownPurpose     = errorsmod.Register(ModuleName, 17, "unknown pool call purpose")
	ErrInvalidPoolCall    = errorsmod.Register(ModuleName, 18, "invalid pool call")
	ErrPurposeNotHalted   = errorsmod.Register(ModuleName, 19, "pool call purpose not halted")
	ErrPoolTxSigned       = errorsmod.Register(ModuleName, 20, "pool transaction already went to signing")
	ErrWrongGeneration    = errorsmod.Register(ModuleName, 21, "not the confirmed key generation")
	ErrInvalidReason      = errorsmod.Register(ModuleName, 22, "invalid reason")
	ErrInvalidResync      = errorsmod.Register(ModuleName, 23, "invalid batch resync")
)
