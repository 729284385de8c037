// Package committee holds x/mpc's pure committee rules: who the candidates are, the
// threshold, whether the committee changed, which members deal a resharing and which
// sign. No sdk.Context, no store, no clock: every node computes the same answer from
// the same inputs, and each rule is table- and property-tested.
package committee

import (
	"bytes"
	"cmp"
	"errors"
	"slices"
)

// Member is one sequencer as the committee rules see it.
type Member struct {
	ID uint64
	// Signer is the signer address (0x, lower case) and PubKey the compressed signer
	// key (33 bytes): a changed key is a changed member.
	Signer string
	PubKey []byte
	// Power is the sequencer's voting power (its capped stake in whole tokens).
	Power int64
}

// Candidate is an active sequencer and whether it is ready (its engine said so within
// the ready window).
type Candidate struct {
	Member
	Ready bool
}

// ErrEmpty: a threshold of no parties.
var ErrEmpty = errors.New("committee: no parties")

// Threshold is tss-lib's t for n parties: t = floor(2n/3), so t+1 parties, more than
// 2/3 of n, are needed to sign. n must be at least 1.
func Threshold(n int) (int, error) {
	if n < 1 {
		return 0, ErrEmpty
	}
	return 2 * n / 3, nil
}

// Select returns the candidate committee: the ready candidates with power, the top max
// by power (ties by lower id), sorted by id. Candidates with no power or not ready are
// never chosen; max <= 0 chooses nobody. The input is not modified.
func Select(cands []Candidate, max int) []Member {
	var pool []Member
	for _, c := range cands {
		if c.Ready && c.Power > 0 {
			pool = append(pool, c.Member)
		}
	}
	slices.SortFunc(pool, func(a, b Member) int {
		if c := cmp.Compare(b.Power, a.Power); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
	if max < 0 {
		max = 0
	}
	if len(pool) > max {
		pool = pool[:max]
	}
	SortByID(pool)
	return pool
}

// SortByID sorts members by id, the committee's canonical order.
func SortByID(ms []Member) {
	slices.SortFunc(ms, func(a, b Member) int { return cmp.Compare(a.ID, b.ID) })
}

// Same reports whether two committees sorted by id have the same members with the same
// signer keys. Power is not compared: a stake change alone is no reason to reshare
// (it matters only when it changes who is in the top max_mpc_parties).
func Same(a, b []Member) bool {
	return slices.EqualFunc(a, b, func(x, y Member) bool {
		return x.ID == y.ID && bytes.Equal(x.PubKey, y.PubKey)
	})
}

// NeedsReshare reports whether the confirmed committee must be reshared to next: a
// member joined, left or changed its signer key, or a member of both lost its share
// (lost[i] is about confirmed[i]) and must be dealt one again.
func NeedsReshare(confirmed, next []Member, lost []bool) bool {
	if !Same(confirmed, next) {
		return true
	}
	return slices.Contains(lost, true)
}

// rotate returns k members of pool (in its order) starting at offset attempt mod
// len(pool), wrapping around; k <= len(pool).
func rotate(pool []Member, k int, attempt uint32) []Member {
	out := make([]Member, 0, k)
	start := int(uint64(attempt) % uint64(len(pool)))
	for i := 0; i < k; i++ {
		out = append(out, pool[(start+i)%len(pool)])
	}
	return out
}

// Dealers picks the threshold+1 members of the confirmed committee (sorted by id) that
// deal a resharing, among those available (available[i] is about committee[i]: still
// active, ready, and holding the current share). The choice rotates with the attempt,
// so a retry after a timeout tries another subset when there is one. It returns false
// when fewer than threshold+1 are available: the resharing cannot open.
func Dealers(committee []Member, available []bool, threshold int, attempt uint32) ([]Member, bool) {
	var pool []Member
	for i, m := range committee {
		if i < len(available) && available[i] {
			pool = append(pool, m)
		}
	}
	need := threshold + 1
	if threshold < 0 || len(pool) < need {
		return nil, false
	}
	out := rotate(pool, need, attempt)
	SortByID(out)
	return out, true
}
