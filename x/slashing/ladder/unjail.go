package ladder

import (
	"fmt"
	"time"

	"cosmossdk.io/math"
)

// CanUnjail decides a MsgUnjail, sent by the sequencer's operator, at block time now. It
// is allowed once the jail period has expired, now >= jailedUntil (a jail until T may be
// lifted by the block at T), and only with at least minLock still locked: a slash may
// have taken the stake below the minimum, and a sequencer must top up on L1 before it
// can be drawn again. The time is checked first: no top-up shortens a jail.
//
// ErrStillJailed says how long is left; ErrBelowMinLock says by how much the stake falls
// short. Whether the sequencer is jailed at all (rather than removed or banned, which
// MsgUnjail cannot undo) is the caller's check on its status.
func CanUnjail(now, jailedUntil time.Time, locked, minLock math.Int) error {
	if now.Before(jailedUntil) {
		return fmt.Errorf("%w: %s left, until %s", ErrStillJailed, jailedUntil.Sub(now), jailedUntil.UTC().Format(time.RFC3339))
	}
	if locked.IsNil() || locked.IsNegative() || minLock.IsNil() || minLock.IsNegative() {
		return fmt.Errorf("%w: locked %s, min_lock %s", ErrInvalidStake, locked, minLock)
	}
	if locked.LT(minLock) {
		return fmt.Errorf("%w: locked %s, min_lock %s, short by %s", ErrBelowMinLock, locked, minLock, minLock.Sub(locked))
	}
	return nil
}
