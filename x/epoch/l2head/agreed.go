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

// Progress is what the chain remembers of the agreed head between blocks: the head and
// its stall clock. The clock counts block time, and only time the validators vouched
// for: block H+1 carries the ballots of height H, signed with its precommits after
// block H (their median time is block H+1's), so it vouches for the interval (At, now]
// since the last block folded in. An interval
// ending in a block with agreement (on Height or a lower height: the head did not
// advance) is added to Stalled, up to a cap (Advance); one ending in a block without
// agreement is skipped.
type Progress struct {
	Height uint64
	// Since is where the count against Height began: when it was reached, estimated
	// from the ballots that first agreed on it (Reached), or the block time of a
	// re-election that restarted the clock (Restart).
	Since time.Time
	// Stalled is the block time counted against Height since Since.
	Stalled time.Duration
	// At is the block time of the last block folded in (zero: no head agreed yet).
	At time.Time
}

const (
	// MaxBackdate bounds how far before the block that first agreed on a head its
	// count may start (see Reached).
	MaxBackdate = time.Second
	// IntervalShare and MinIntervalCap: no one block interval counts more than
	// MaxCounted(stall_threshold) (see Advance).
	IntervalShare = 4
	// MinIntervalCap is longer than a height with one failed round (CometBFT's 3 s
	// propose timeout, then a round-1 block), so failing a round is never cut.
	MinIntervalCap = 5 * time.Second
)

// MaxCounted is the most one block interval counts against a head at threshold: a
// quarter of it, and never less than MinIntervalCap.
func MaxCounted(threshold time.Duration) time.Duration {
	return max(threshold/IntervalShare, MinIntervalCap)
}

// Known tells whether a head has been agreed yet.
func (p Progress) Known() bool { return !p.At.IsZero() }

// Advance folds a block's agreed head (ok false: none in this block) into the progress
// at its block time now. A higher head restarts the count (Reached). Otherwise the block
// covers the interval since the last one, p.At to now: with agreement (on the head or,
// validators' L2 nodes re-syncing, on a lower height, which neither rewinds the head
// nor restarts the count) it is counted; without agreement it is not.
//
// One interval counts at most MaxCounted(threshold): a quarter of the threshold, and
// never less than MinIntervalCap (5 s). A longer one is the chain's own stop (an
// upgrade halt, more than 1/3 of power down, a run of failed rounds): the L2 producer,
// which reads its schedule from the chain, may have stopped with it, and the first
// ballots after the chain resumes would otherwise charge it the whole outage at once.
// The halt itself then counts as one slow block (15 s at 60 s, 5 s at 10 s). The floor
// is why a proposer gains nothing from the cap: a late proposal or a failed round
// lengthens the next block's interval (its time is the median of the precommits after
// it) to about 4-5 s, which still counts whole. Only a run of failed rounds longer
// than the cap is cut, and that needs the proposers of several rounds in a row. At the
// 5 s floor of stall_threshold the cap is the threshold: a halt is charged at once.
//
// A block without agreement (more than 1/3 of power reports no head: their L2 nodes or
// watchers are down, or their extensions are missing) pauses the clock: nobody can tell
// a stalled producer from blind validators, so that interval is not charged. It does
// not restart the count: the time counted before it still stands. Otherwise a
// proposer that leaves out just enough of the others' ballots (CometBFT needs only
// more than 2/3 of power in a last commit) could keep a stalled producer in place
// forever by breaking agreement once per threshold.
func Advance(p Progress, agreed uint64, ok bool, now time.Time, threshold time.Duration) Progress {
	if !p.Known() || (ok && agreed > p.Height) {
		if !ok {
			return p // no head agreed yet: no clock to run
		}
		return Reached(p, agreed, now)
	}
	if now.After(p.At) { // block time increases; an equal or earlier time covers nothing
		if ok {
			p.Stalled += min(now.Sub(p.At), MaxCounted(threshold))
		}
		p.At = now
	}
	return p
}

// Reached starts the count of a head first agreed in the block at now. Its ballots
// were signed at the end of the interval since the last block folded in (now is their
// median time, BFT time); the previous block's ballots had not agreed on it, so the
// head was reached within (p.At, now], or up to one poll of the L2 before. The count
// starts at the interval's middle, at most MaxBackdate before now. On a chain making
// steady blocks that is off by at most half a block either way; starting at now would
// give every stalled producer up to a whole block beyond stall_threshold, and p.At up
// to a block less than it. A slow round, or a block whose reports were not applied,
// lengthens the interval; MaxBackdate bounds what that can take from the producer: an
// honest producer whose agreed head advances at least every stall_threshold -
// MaxBackdate of counted time is never stalled. The first head ever agreed has no
// interval and starts at now.
func Reached(p Progress, height uint64, now time.Time) Progress {
	since := now
	if p.Known() && now.After(p.At) {
		since = now.Add(-min(now.Sub(p.At)/2, MaxBackdate))
	}
	return Progress{Height: height, Since: since, Stalled: now.Sub(since), At: now}
}

// Restart gives the head a fresh clock from block time now (a re-election from head +
// 1: the new producer gets a full threshold).
func Restart(p Progress, now time.Time) Progress {
	return Progress{Height: p.Height, Since: now, At: now}
}

// Stalled reports whether the agreed head has stood still for threshold of counted
// block time. Time after the last block folded in is not counted: no ballots have
// vouched for it yet.
func Stalled(p Progress, threshold time.Duration) bool {
	return p.Known() && p.Stalled >= threshold
}
