// Package selection draws an epoch's L2 producer: stake-weighted, from a seed, among
// the eligible sequencers only. It is a pure function of its inputs (no state, no
// clock, no floats, no map iteration), so every node computes the same producer, and
// it is cheap enough to run in EndBlock for thousands of sequencers.
package selection

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"math/bits"
)

// SeedLen is the length of a selection seed (a sha256 digest).
const SeedLen = sha256.Size

var (
	// ErrNoCandidates: nobody is eligible; the caller keeps the chain going and says so.
	ErrNoCandidates = errors.New("no eligible sequencer")
	// ErrBadCandidates: the list is not a valid input (order, duplicates, zero power, overflow).
	ErrBadCandidates = errors.New("invalid candidate list")
	// ErrBadSeed: the seed is not SeedLen bytes.
	ErrBadSeed = errors.New("invalid selection seed")
)

// Candidate is an eligible sequencer and its voting power.
type Candidate struct {
	ID    uint64
	Power uint64
}

// Pick returns the ID of the candidate drawn with probability Power/TotalPower.
//
// candidates must be sorted by strictly increasing ID (the order collections iterate
// in), so the result does not depend on how the caller collected them. The draw is a
// uniform integer in [0, total) taken from sha256(seed || counter) by rejection
// sampling, so there is no modulo bias whatever the total.
func Pick(seed []byte, candidates []Candidate) (uint64, error) {
	if len(seed) != SeedLen {
		return 0, fmt.Errorf("%w: %d bytes, want %d", ErrBadSeed, len(seed), SeedLen)
	}
	total, err := TotalPower(candidates)
	if err != nil {
		return 0, err
	}
	target := uniform(seed, total)
	for _, c := range candidates {
		if target < c.Power {
			return c.ID, nil
		}
		target -= c.Power
	}
	// Unreachable: target < total = sum of the powers.
	return 0, fmt.Errorf("%w: draw beyond the total power", ErrBadCandidates)
}

// TotalPower checks the candidate list and returns the sum of its powers.
func TotalPower(candidates []Candidate) (uint64, error) {
	if len(candidates) == 0 {
		return 0, ErrNoCandidates
	}
	var total uint64
	for i, c := range candidates {
		if c.Power == 0 {
			return 0, fmt.Errorf("%w: sequencer %d has zero power", ErrBadCandidates, c.ID)
		}
		if i > 0 && c.ID <= candidates[i-1].ID {
			return 0, fmt.Errorf("%w: ids must strictly increase (%d after %d)", ErrBadCandidates, c.ID, candidates[i-1].ID)
		}
		var carry uint64
		total, carry = bits.Add64(total, c.Power, 0)
		if carry != 0 {
			return 0, fmt.Errorf("%w: total power overflows", ErrBadCandidates)
		}
	}
	return total, nil
}

// uniform maps the seed to an integer uniform in [0, n), n > 0. Values of the
// sha256 stream at or above the largest multiple of n are discarded and the next
// counter is tried; for any n that happens with probability below 1/2.
func uniform(seed []byte, n uint64) uint64 {
	// limit is the largest multiple of n that fits in 2^64 (as an exclusive bound).
	limit := math.MaxUint64 - (math.MaxUint64%n+1)%n
	var buf [SeedLen + 8]byte
	copy(buf[:], seed)
	for counter := uint64(0); ; counter++ {
		binary.BigEndian.PutUint64(buf[SeedLen:], counter)
		sum := sha256.Sum256(buf[:])
		x := binary.BigEndian.Uint64(sum[:8])
		if x <= limit {
			return x % n
		}
	}
}
