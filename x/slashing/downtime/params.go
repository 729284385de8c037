package downtime

import (
	"errors"
	"fmt"
	"time"
)

// Basis points: 10000 is the whole.
const bps = 10_000

// MaxWindow bounds the window so a member's bit array stays small (8 KiB at most,
// about 18 hours of 1-second blocks).
const MaxWindow = 1 << 16

const (
	// minMissedFloorBps: Validate refuses MinMissedBps at or under this share. A third
	// of the window is what a hostile minority can trim; see Params.MinMissedBps.
	minMissedFloorBps = 3334
	// maxGroupPowerBps: the largest power bar under a third; see MinGroupPowerBps.
	maxGroupPowerBps = 3333
)

// TrimExcessPerMember is the number of proposals beyond its power share that a
// validator may propose in any run of consecutive heights of CometBFT's weighted
// round robin (its proposer priority stays within about twice the total power).
// MaxTrimmers allows this excess for every hostile proposer.
const TrimExcessPerMember = 2

var (
	// ErrInvalidParams: the parameters cannot be used. Each field has its own error
	// below, which also matches ErrInvalidParams.
	ErrInvalidParams = errors.New("invalid downtime params")

	ErrBadWindow      = fmt.Errorf("%w: window", ErrInvalidParams)
	ErrBadMinMissed   = fmt.Errorf("%w: min missed share", ErrInvalidParams)
	ErrBadGroupCount  = fmt.Errorf("%w: min group count share", ErrInvalidParams)
	ErrBadGroupPower  = fmt.Errorf("%w: min group power share", ErrInvalidParams)
	ErrBadGraceBlocks = fmt.Errorf("%w: grace blocks", ErrInvalidParams)
	ErrBadHaltGap     = fmt.Errorf("%w: halt gap", ErrInvalidParams)
)

// Params are the downtime rule's parameters; governance may change every one.
type Params struct {
	// Window is the number of counted blocks each member's misses are kept for. The
	// default, 1200 blocks (20 minutes of 1-second blocks), absorbs 100 trimming
	// proposers at the default threshold (MaxTrimmers: any set of up to 100 members,
	// an equal-power set of about 300), and is long enough that a network blip of a
	// few minutes is not a "high" offence (1/8 of stake and removal): the group must
	// have been down for more than 10 minutes of the last 20.
	Window uint32
	// MinMissedBps is the share of the window a member must have missed, strictly
	// more than, to be over the threshold. It must be above 3334 (just over a third
	// of the window): a proposer can mark an online validator absent only in blocks it
	// proposes, it can leave out less than a third of the power (CometBFT needs more
	// than 2/3 in a commit), and a hostile minority under a third of the power
	// proposes under a third of the blocks plus a bounded excess (MaxTrimmers). So a
	// threshold above a third of the window cannot be reached by trimming alone.
	MinMissedBps uint32
	// MinGroupCountBps is the least share of the set's members the group must hold
	// (at least, and never fewer than two members). The default, a quarter, is
	// "close to a third" yet reachable: by count the group may be larger than a third
	// without halting the chain, as long as its power is not.
	MinGroupCountBps uint32
	// MinGroupPowerBps is the least share of the set's power the group must hold (at
	// least). It must be under a third: a group holding a third of the power that is
	// offline at the same time halts the chain and leaves no evidence.
	MinGroupPowerBps uint32
	// GraceBlocks is how long counting pauses after a halt or an upgrade, so the
	// validators that come back last are not charged for the restart.
	GraceBlocks uint32
	// HaltGap is the block-time gap between two consecutive blocks that counts as a
	// halt.
	HaltGap time.Duration
}

// DefaultParams returns the defaults.
func DefaultParams() Params {
	return Params{
		Window:           1200,
		MinMissedBps:     5000,
		MinGroupCountBps: 2500,
		MinGroupPowerBps: 2000,
		GraceBlocks:      300,
		HaltGap:          5 * time.Minute,
	}
}

// Validate checks every field and names the first that is wrong.
func (p Params) Validate() error {
	switch {
	case p.Window == 0 || p.Window > MaxWindow:
		return fmt.Errorf("%w: %d, want 1..%d", ErrBadWindow, p.Window, MaxWindow)
	case p.MinMissedBps <= minMissedFloorBps || p.MinMissedBps >= bps:
		// At or under a third a trimming minority could frame an online validator;
		// at 100 % nobody can miss strictly more than the whole window.
		return fmt.Errorf("%w: %d bps, want %d..%d", ErrBadMinMissed, p.MinMissedBps, minMissedFloorBps+1, bps-1)
	case p.MinGroupCountBps == 0 || p.MinGroupCountBps > bps:
		return fmt.Errorf("%w: %d bps, want 1..%d", ErrBadGroupCount, p.MinGroupCountBps, bps)
	case p.MinGroupPowerBps == 0 || p.MinGroupPowerBps > maxGroupPowerBps:
		return fmt.Errorf("%w: %d bps, want 1..%d", ErrBadGroupPower, p.MinGroupPowerBps, maxGroupPowerBps)
	case p.GraceBlocks == 0:
		return fmt.Errorf("%w: 0, want at least 1", ErrBadGraceBlocks)
	case p.HaltGap <= 0:
		return fmt.Errorf("%w: %s, want more than 0", ErrBadHaltGap, p.HaltGap)
	}
	return nil
}

// MaxTrimmers is the largest number of hostile proposers whose excess the window
// absorbs: the margin between the threshold and a third of the window,
// (MinMissedBps/10000 - 1/3) * Window blocks, divided by TrimExcessPerMember. Only
// members that together hold under a third of the power can trim together (the rest
// must sign for a commit), so a set is sound when its largest such group is no larger
// (Outage checks this from the powers). At the defaults it is 100. It is 0 for
// parameters Validate refuses.
func (p Params) MaxTrimmers() uint64 {
	if p.Validate() != nil {
		return 0
	}
	// margin*3*10000 = Window*(3*MinMissedBps - 10000). Validated, Window <= 2^16 and
	// the bracket < 2^15, so the product fits easily.
	margin := uint64(p.Window) * (3*uint64(p.MinMissedBps) - bps)
	return margin / (3 * bps * TrimExcessPerMember)
}

// Sound reports whether the window is long enough for any set of n members, whatever
// their powers: n <= MaxTrimmers. It is what governance can check against the largest
// set it expects; Outage uses the sharper test on the actual powers. Parameters
// Validate refuses are sound for nothing.
func (p Params) Sound(n int) bool {
	return n >= 0 && p.Validate() == nil && uint64(n) <= p.MaxTrimmers()
}
