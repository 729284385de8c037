package downtime

import (
	"math"
	"time"
)

// GraceUntil returns the first height at which counting resumes, given the block at
// height with time blockTime, the previous block's time prevBlockTime, whether an
// upgrade was applied at this height, and the grace already running (current).
//
// A restart is when validators come back one by one: after a halt (the chain stood
// still for at least HaltGap of block time, which only more than a third of the power
// offline can cause) or after an upgrade (operators switch binaries at their own
// pace). Either pauses counting for GraceBlocks blocks from this one, this block's
// last commit included, so the stragglers are not charged for the restart. A grace
// is only ever extended, never cut short. A zero prevBlockTime (no previous block:
// the chain's first) counts as a halt, since a launch is a restart too.
//
// Both times are block times, agreed by consensus, never a node's clock. A minority
// cannot fake a gap (CometBFT's block time is the power-weighted median of the
// precommit times); and a grace only pauses counting, it cannot frame anyone.
func GraceUntil(height int64, prevBlockTime, blockTime time.Time, upgraded bool, p Params, current int64) int64 {
	halted := prevBlockTime.IsZero() || blockTime.Sub(prevBlockTime) >= p.HaltGap
	if !halted && !upgraded {
		return current
	}
	until := int64(math.MaxInt64)
	if height <= math.MaxInt64-int64(p.GraceBlocks) {
		until = height + int64(p.GraceBlocks)
	}
	return max(current, until)
}

// Counting reports whether the block at height is counted: heights before graceUntil
// are paused, and counting resumes exactly at graceUntil.
func Counting(height, graceUntil int64) bool { return height >= graceUntil }
