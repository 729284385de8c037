package rewards

import (
	"fmt"
	"time"
)

// BpsDenominator is 100 % in basis points.
const BpsDenominator = 10_000

// Defaults from the governance proposal: an estimated mining rewards rate of 20 % a year,
// re-targeted every two weeks.
const (
	DefaultRetargetInterval = 14 * 24 * time.Hour
	DefaultYearlyRateBps    = 2_000
)

// Params are the reward knobs governance sets.
type Params struct {
	// RetargetInterval is the block time between re-targets and the length of the window
	// each one measures: long enough to average out a stall, short enough to follow a
	// change of L2 block time within weeks.
	RetargetInterval time.Duration
	// YearlyRateBps is the target yearly reward on capped stake, in basis points (2000 =
	// 20 %).
	YearlyRateBps uint32
}

// DefaultParams returns the proposal's 20 % re-targeted every 14 days.
func DefaultParams() Params {
	return Params{RetargetInterval: DefaultRetargetInterval, YearlyRateBps: DefaultYearlyRateBps}
}

// Validate requires a positive interval (a zero one would re-target every block on a
// window of nothing) and a rate of at most 100 %.
func (p Params) Validate() error {
	if p.RetargetInterval <= 0 {
		return fmt.Errorf("%w: retarget interval %s must be positive", ErrInvalidParams, p.RetargetInterval)
	}
	if p.YearlyRateBps > BpsDenominator {
		return fmt.Errorf("%w: yearly rate %d bps is above %d", ErrInvalidParams, p.YearlyRateBps, BpsDenominator)
	}
	return nil
}
