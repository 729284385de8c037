package ladder

import "errors"

// Plain errors: this package is pure; the keeper maps them to its registered codes.
var (
	// ErrInvalidSeverity: not one of Low, Medium, High, Critical.
	ErrInvalidSeverity = errors.New("invalid severity")
	// ErrInvalidStake: a stake that is nil or negative (L1 amounts are uint256).
	ErrInvalidStake = errors.New("invalid stake")
	// ErrInvalidParams: ladder parameters that fail Validate.
	ErrInvalidParams = errors.New("invalid ladder params")
	// ErrStillJailed: MsgUnjail before the jail period is over.
	ErrStillJailed = errors.New("sequencer is still jailed")
	// ErrBelowMinLock: MsgUnjail with less than min_lock at stake.
	ErrBelowMinLock = errors.New("locked stake is below min_lock")
)
