package ladder

import (
	"fmt"

	"cosmossdk.io/math"
)

// SlashAmount splits a sequencer's stake into what a slash of severity s takes and what
// it leaves: slashed = floor(locked / denominator), computed once, and remaining =
// locked - slashed, so the two add up to locked exactly and no base unit is lost or made
// up by rounding. Low takes nothing.
//
// locked is the whole stake at risk, not the power cap: a sequencer locking above
// max_lock has no more power or reward for it, but it still has it at stake. It should be
// what the contract will see as its base (its lock plus any pending withdrawal, so a
// withdrawal after the offence does not shrink the slash): the contract takes
// min(amount, base / denominator), so asking for floor(locked / denominator) is exactly
// its cap when the chain's view is current, and is cut down (and reported back in the
// Slashed event) when it is not. It never asks for more than the cap.
func SlashAmount(locked math.Int, s Severity) (slashed, remaining math.Int, err error) {
	if !s.Valid() {
		return math.Int{}, math.Int{}, fmt.Errorf("%w: %d", ErrInvalidSeverity, uint8(s))
	}
	if locked.IsNil() || locked.IsNegative() {
		return math.Int{}, math.Int{}, fmt.Errorf("%w: locked %s", ErrInvalidStake, locked)
	}
	den := denominator(s)
	if den == 0 {
		return math.ZeroInt(), locked, nil
	}
	slashed = locked.QuoRaw(den) // truncation is floor for locked >= 0
	return slashed, locked.Sub(slashed), nil
}
