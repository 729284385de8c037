package downtime

import (
	"cmp"
	"errors"
	"fmt"
	"math/bits"
	"slices"
)

// ErrBadSet: the members are not a valid set (duplicate ID, power not positive, total
// power over 2^64; CometBFT caps the total at MaxInt64/8, so that is never a real set).
var ErrBadSet = errors.New("invalid downtime member set")

// Member is one member of the current set: its ID, its voting power and its record.
type Member struct {
	ID      uint64
	Power   int64
	Signing Signing
}

// Why a group is or is not a high offence.
const (
	ReasonNone        = "no member missed more than the threshold over a full window"
	ReasonAlone       = "a single member over the threshold is a low offence, not high"
	ReasonUnsound     = "the window is too short for this set to tell a trimming proposer from an outage"
	ReasonFewMembers  = "the group holds less than the minimum share of the members"
	ReasonLittlePower = "the group holds less than the minimum share of the power"
	ReasonHigh        = "a group of members missed more than the threshold in the same window"
)

// Verdict is Outage's answer, with what the evidence needs.
type Verdict struct {
	// Group holds the IDs of the members over the threshold, ascending. When High is
	// false they may still be flagged (the low severity).
	Group      []uint64
	GroupPower uint64
	TotalPower uint64
	Members    int
	High       bool
	Reason     string
}

// Outage decides whether the current set shows a multiple node outage. The group is
// the members over the threshold (OverThreshold: a full window, more than
// MinMissedBps of it missed); it is high when it has at least two members, at least
// MinGroupCountBps of the members, at least MinGroupPowerBps of the power, and the
// window is sound for the set: the largest group of members holding together under a
// third of the power is no larger than MaxTrimmers (otherwise such a group,
// trimming, could have built the verdict).
//
// The order of members does not matter: they are sorted by ID here, so the group and
// the verdict are the same however the caller collected them. The shares are compared
// in exact integer arithmetic (128-bit products).
func Outage(members []Member, p Params) (Verdict, error) {
	if err := p.Validate(); err != nil {
		return Verdict{}, err
	}
	sorted := slices.Clone(members)
	slices.SortFunc(sorted, func(a, b Member) int { return cmp.Compare(a.ID, b.ID) })

	v := Verdict{Members: len(sorted)}
	powers := make([]uint64, 0, len(sorted))
	for i, m := range sorted {
		if i > 0 && sorted[i-1].ID == m.ID {
			return Verdict{}, fmt.Errorf("%w: member %d listed twice", ErrBadSet, m.ID)
		}
		if m.Power <= 0 {
			return Verdict{}, fmt.Errorf("%w: member %d has power %d", ErrBadSet, m.ID, m.Power)
		}
		var carry uint64
		v.TotalPower, carry = bits.Add64(v.TotalPower, uint64(m.Power), 0)
		if carry != 0 {
			return Verdict{}, fmt.Errorf("%w: total power overflows", ErrBadSet)
		}
		powers = append(powers, uint64(m.Power))
		if OverThreshold(m.Signing, p) {
			v.Group = append(v.Group, m.ID)
			v.GroupPower += uint64(m.Power) // at most TotalPower: cannot overflow
		}
	}

	switch {
	case len(v.Group) == 0:
		v.Reason = ReasonNone
	case len(v.Group) == 1:
		v.Reason = ReasonAlone
	case largestMinority(powers, v.TotalPower) > p.MaxTrimmers():
		v.Reason = ReasonUnsound
	case !atLeastShare(uint64(len(v.Group)), uint64(v.Members), p.MinGroupCountBps):
		v.Reason = ReasonFewMembers
	case !atLeastShare(v.GroupPower, v.TotalPower, p.MinGroupPowerBps):
		v.Reason = ReasonLittlePower
	default:
		v.High, v.Reason = true, ReasonHigh
	}
	return v, nil
}

// atLeastShare reports part*10000 >= shareBps*whole, in 128 bits.
func atLeastShare(part, whole uint64, shareBps uint32) bool {
	hi1, lo1 := bits.Mul64(part, bps)
	hi2, lo2 := bits.Mul64(whole, uint64(shareBps))
	return hi1 > hi2 || (hi1 == hi2 && lo1 >= lo2)
}

// largestMinority is the largest number of members that together hold less than a
// third of total: the smallest powers first. It sorts powers.
func largestMinority(powers []uint64, total uint64) uint64 {
	slices.Sort(powers)
	var sum, k uint64
	for _, pw := range powers {
		sum += pw // at most total: no overflow
		if !lessThanThird(sum, total) {
			break
		}
		k++
	}
	return k
}

// lessThanThird reports 3*part < total without overflow.
func lessThanThird(part, total uint64) bool {
	hi, lo := bits.Mul64(part, 3)
	return hi == 0 && lo < total
}
