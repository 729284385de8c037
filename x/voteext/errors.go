package voteext

import errorsmod "cosmossdk.io/errors"

// Codespace is the error codespace of this package.
const Codespace = "voteext"

// Registered errors. Code 1 is left unused by Cosmos convention (it means "internal").
// Every rejection of a vote extension or of an injected commit wraps one of these, so
// a log line or a test can tell exactly which rule failed.
var (
	ErrExtensionTooLarge   = errorsmod.Register(Codespace, 2, "vote extension too large")
	ErrMalformed           = errorsmod.Register(Codespace, 3, "vote extension does not decode")
	ErrNonCanonical        = errorsmod.Register(Codespace, 4, "vote extension is not canonically encoded")
	ErrTooManyVerdicts     = errorsmod.Register(Codespace, 5, "too many verdicts in vote extension")
	ErrBadDigest           = errorsmod.Register(Codespace, 6, "verdict digest has the wrong length")
	ErrBadVerdict          = errorsmod.Register(Codespace, 7, "verdict value out of range")
	ErrEmptyModule         = errorsmod.Register(Codespace, 8, "verdict has an empty module name")
	ErrUnknownModule       = errorsmod.Register(Codespace, 9, "verdict names an unregistered module")
	ErrDuplicateItem       = errorsmod.Register(Codespace, 10, "duplicate (module, id) in vote extension")
	ErrWrongHeight         = errorsmod.Register(Codespace, 11, "vote extension is for another height")
	ErrBadValidatorSet     = errorsmod.Register(Codespace, 12, "invalid recorded validator set")
	ErrMissingCommit       = errorsmod.Register(Codespace, 13, "injected extended commit missing or malformed")
	ErrCommitMismatch      = errorsmod.Register(Codespace, 14, "injected extended commit does not match the block's last commit")
	ErrUnknownValidator    = errorsmod.Register(Codespace, 15, "validator not in the recorded set")
	ErrBadSignature        = errorsmod.Register(Codespace, 16, "vote extension signature does not verify")
	ErrUnexpectedExtension = errorsmod.Register(Codespace, 17, "extension or signature on a vote that did not commit")
	ErrModuleNameTooLong   = errorsmod.Register(Codespace, 18, "verdict module name too long")
	ErrBadReport           = errorsmod.Register(Codespace, 19, "invalid module report in vote extension")
)
