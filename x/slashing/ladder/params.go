package ladder

import (
	"fmt"
	"time"
)

// Defaults from the governance proposal: a medium offence jails for 5 days, the third
// medium over the owner's lifetime removes.
const (
	DefaultJailDuration          = 5 * 24 * time.Hour
	DefaultMediumStrikesToRemove = 3
)

// Params are the ladder's governance-set knobs. The fractions are not among them: they
// are the L1 contract's and change only with it.
type Params struct {
	// JailDuration is how long a medium offence keeps the sequencer out of the draw: time
	// for the operator to fix the node. Measured in block time.
	JailDuration time.Duration
	// MediumStrikesToRemove is the medium offence, counted over the owner's lifetime,
	// that removes the sequencer instead of jailing it (3: the third).
	MediumStrikesToRemove uint32
}

// DefaultParams returns the proposal's ladder.
func DefaultParams() Params {
	return Params{JailDuration: DefaultJailDuration, MediumStrikesToRemove: DefaultMediumStrikesToRemove}
}

// Validate rejects a jail that ends before it starts and a strike limit of zero (which
// would make every sequencer removed before its first offence).
func (p Params) Validate() error {
	if p.JailDuration <= 0 {
		return fmt.Errorf("%w: jail duration %s must be positive", ErrInvalidParams, p.JailDuration)
	}
	if p.MediumStrikesToRemove == 0 {
		return fmt.Errorf("%w: medium strikes to remove must be at least 1", ErrInvalidParams)
	}
	return nil
}
