// Package l2head turns the L2 heads validators report in their vote extensions into
// the head the chain acts on, and decides when that head has stalled. Both are pure:
// power-weighted integer arithmetic and block time, never a node's own clock.
package l2head

import (
	"errors"
	"fmt"
	"math/bits"
	"slices"
	"time"
)

// ErrBadReports: the reports cannot be tallied (zero total, power overflow, reports
// heavier than the set).
var ErrBadReports = errors.New("invalid L2 head reports")

// Report is one validator's observed L2 height, weighted by its power in the recorded
// set of the height being tallied. A validator that reported nothing is simply absent.
type Report struct {
	Power  uint64
	Height uint64
}

// Agreed returns the highest L2 height that validators holding more than 2/3 of
// totalPower have reached (reported at least), and whether there is one. Whoever
// reported less than that height is counted as not having reached it; absent
// validators count against every height, so a third of power offline or lying cannot
// move the agreed head up, and cannot hold it down by more than their own reports.
func Agreed(reports []Report, totalPower uint64) (uint64, bool, error) {
	if totalPower == 0 {
		return 0, false, fmt.Errorf("%w: total power is zero", ErrBadReports)
	}
	var sum uint64
	for _, r := range reports {
		var carry uint64
		sum, carry = bits.Add64(sum, r.Power, 0)
		if carry != 0 || sum > totalPower {
			return 0, false, fmt.Errorf("%w: reported power exceeds the set's %d", ErrBadReports, totalPower)
		}
	}
	// Highest first: accumulate power until it is more than 2/3 of the total.
	sorted := slices.Clone(reports)
	slices.SortStableFunc(sorted, func(a, b Report) int {
		switch {
		case a.Height > b.Height:
			return -1
		case a.Height < b.Height:
			return 1
		}
		return 0
	})
	var reached uint64
	for _, r := range sorted {
		reached += r.Power
		if moreThanTwoThirds(reached, totalPower) {
			return r.Height, true, nil
		}
	}
	return 0, false, nil
}

// moreThanTwoThirds reports 3*part > 2*total without overflow.
func moreThanTwoThirds(part, total uint64) bool {
	hi1, lo1 := bits.Mul64(part, 3)
	hi2, lo2 := bits.Mul64(total, 2)
	return hi1 > hi2 || (hi1 == hi2 && lo1 > lo2)
}

// Progress is what the chain remembers of the agreed head between blocks.
type Progress struct {
	Height uint64
	// Since is the block time at which Height was first agreed.
	Since time.Time
}

// Advance folds a new agreed head (ok false: none this block) into the progress at
// block time now. The head only moves forward: an agreed height below the remembered
// one (validators' L2 nodes re-syncing) neither rewinds it nor resets the clock.
//
// A block without agreement (more than 1/3 of power reports no head: their L2 nodes
// or watchers are down, or their extensions are missing) pauses the clock: nobody can
// tell a stalled producer from blind validators, so the stall must not run on.
func Advance(p Progress, agreed uint64, ok bool, now time.Time) Progress {
	if !ok {
		if !p.Since.IsZero() {
			p.Since = now
		}
		return p
	}
	if agreed > p.Height || p.Since.IsZero() {
		return Progress{Height: max(agreed, p.Height), Since: now}
	}
	return p
}

// Stalled reports whether the agreed head has not advanced for threshold of block time.
func Stalled(p Progress, now time.Time, threshold time.Duration) bool {
	return !p.Since.IsZero() && now.Sub(p.Since) >= threshold
}
