package rewards

import "errors"

// Plain errors: this package is pure; the keeper maps them to its registered codes.
var (
	// ErrEmptyWindow: the re-target window measured no block time or no L2 blocks
	// (genesis, a halted L2). There is no rate to target; the caller keeps the previous
	// reward per block and says so in an event.
	ErrEmptyWindow = errors.New("empty re-target window: keep the previous reward per block")
	// ErrInvalidInput: a nil or negative amount, a rate above 100 %, an unsorted or
	// duplicated credit list, or a result beyond math.Int's 256 bits.
	ErrInvalidInput = errors.New("invalid reward input")
	// ErrInvalidParams: reward parameters that fail Validate.
	ErrInvalidParams = errors.New("invalid reward params")
)
