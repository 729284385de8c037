// Package sessions holds x/mpc's pure session rules: the session key, the state
// machine (OPEN -> COMPLETED | TIMED_OUT | SUPERSEDED), deadlines, the retry rule,
// and the tallies of results and blames by count of parties (each party one voice).
// No sdk.Context, no store, no clock, no map iteration.
package sessions

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"math"
	"slices"
)

// Kind mirrors types.SessionKind.
type Kind uint8

const (
	KindKeygen  Kind = 1
	KindReshare Kind = 2
	KindSign    Kind = 3
)

// Status mirrors types.SessionStatus.
type Status uint8

const (
	StatusOpen       Status = 1
	StatusCompleted  Status = 2
	StatusTimedOut   Status = 3
	StatusSuperseded Status = 4
)

// KeyDomain separates x/mpc session keys from every other hash.
const KeyDomain = "themis/mpc/session/v1"

// Key is the session key every engine message binds: sha256(KeyDomain || chain id ||
// number (8 bytes BE) || kind (1 byte) || attempt (4 bytes BE)). The chain id is the
// only variable-length field and the fields after it have fixed sizes, so distinct
// inputs never share an encoding; the number is unique per chain, so no two sessions
// share a key, and no other chain's session has this key.
func Key(chainID string, number uint64, kind Kind, attempt uint32) [32]byte {
	buf := make([]byte, 0, len(KeyDomain)+len(chainID)+13)
	buf = append(buf, KeyDomain...)
	buf = append(buf, chainID...)
	buf = binary.BigEndian.AppendUint64(buf, number)
	buf = append(buf, byte(kind))
	buf = binary.BigEndian.AppendUint32(buf, attempt)
	return sha256.Sum256(buf)
}

// CanTransition reports whether a session may go from one status to another: only an
// OPEN session changes, and only to COMPLETED or TIMED_OUT (any kind) or SUPERSEDED
// (sign sessions only: a resharing replaced their generation).
func CanTransition(kind Kind, from, to Status) bool {
	if from != StatusOpen {
		return false
	}
	switch to {
	case StatusCompleted, StatusTimedOut:
		return true
	case StatusSuperseded:
		return kind == KindSign
	default:
		return false
	}
}

// Deadline is the height a session opened at opened times out at, saturating.
func Deadline(opened int64, timeout uint64) int64 {
	if timeout > uint64(math.MaxInt64-opened) {
		return math.MaxInt64
	}
	return opened + int64(timeout)
}

// Expired reports whether an open session with the deadline times out in the
// EndBlock of height: results in that block's PreBlock still count.
func Expired(deadline, height int64) bool { return height >= deadline }

// NextAttempt is the attempt number of a retry, saturating.
func NextAttempt(attempt uint32) uint32 {
	if attempt == math.MaxUint32 {
		return attempt
	}
	return attempt + 1
}

// Retry is what follows a session that did not complete.
type Retry uint8

const (
	// RetryNone: nothing (a completed session).
	RetryNone Retry = iota
	// RetryRequest: the sign request is queued again and gets a new session with the
	// next attempt and another signer subset; retries are unbounded, so a signature
	// is never abandoned.
	RetryRequest
	// RetryCommittee: the next keygen or resharing attempt opens on the candidate
	// committee recomputed then (a member that was not ready is left out and brought
	// in by a later resharing).
	RetryCommittee
)

// RetryAfter is the retry rule for a session of kind that ended with status.
func RetryAfter(kind Kind, status Status) Retry {
	if status != StatusTimedOut && status != StatusSuperseded {
		return RetryNone
	}
	if kind == KindSign {
		return RetryRequest
	}
	return RetryCommittee
}

// BlameWindowOpen reports whether a session still takes blames at height: while it is
// open, and after it closed until its blame deadline (exclusive).
func BlameWindowOpen(status Status, blameDeadline, height int64) bool {
	return status == StatusOpen || height < blameDeadline
}

// Supermajority reports count > 2/3 of n (count*3 > 2n), exactly the t+1 = floor(2n/3)+1
// parties a signature needs. n <= 0 is never reached.
func Supermajority(count, n int) bool {
	if n <= 0 || count <= 0 {
		return false
	}
	return uint64(count)*3 > uint64(n)*2
}

// eachRun calls f with each run of adjacent elements of xs that same deems equal, in
// order (xs sorted so that equal elements are adjacent).
func eachRun[T any](xs []T, same func(a, b T) bool, f func(run []T)) {
	for i := 0; i < len(xs); {
		j := i + 1
		for j < len(xs) && same(xs[i], xs[j]) {
			j++
		}
		f(xs[i:j])
		i = j
	}
}

// onePerVoter keeps one vote per voter from votes sorted by voter: the voter's vote if
// all its copies agree, none if they disagree (any other choice would depend on order).
func onePerVoter[T any](votes []T, sameVoter, sameVote func(a, b T) bool) []T {
	var out []T
	eachRun(votes, sameVoter, func(run []T) {
		for _, v := range run[1:] {
			if !sameVote(run[0], v) {
				return
			}
		}
		out = append(out, run[0])
	})
	return out
}

// KeyVote is one party's reported public key.
type KeyVote struct {
	Party uint64
	Key   []byte
}

// TallyKeys returns the key reported by more than 2/3 of the n parties, each party
// counted once (a party listed twice with different keys counts for neither), and how
// many reported it. Votes must come from parties only; the caller checks that.
func TallyKeys(n int, votes []KeyVote) ([]byte, int, bool) {
	vs := slices.Clone(votes)
	slices.SortFunc(vs, func(a, b KeyVote) int {
		if c := cmp.Compare(a.Party, b.Party); c != 0 {
			return c
		}
		return bytes.Compare(a.Key, b.Key)
	})
	sameKey := func(a, b KeyVote) bool { return bytes.Equal(a.Key, b.Key) }
	unique := onePerVoter(vs, func(a, b KeyVote) bool { return a.Party == b.Party }, sameKey)
	slices.SortStableFunc(unique, func(a, b KeyVote) int { return bytes.Compare(a.Key, b.Key) })
	var key []byte
	var count int
	eachRun(unique, sameKey, func(run []KeyVote) {
		if key == nil && Supermajority(len(run), n) {
			key, count = bytes.Clone(run[0].Key), len(run)
		}
	})
	return key, count, key != nil
}

// BlameVote is one party's claim that another party of the session failed it.
type BlameVote struct {
	Voter, Accused uint64
	Reason         uint8
}

// Verdict is a blame more than 2/3 of the other parties agree on.
type Verdict struct {
	Accused uint64
	Reason  uint8
	// Voters named the accused for the reason; Others is how many parties other than
	// the accused could.
	Voters, Others int
}

// TallyBlames returns, by accused id, the blames that more than 2/3 of the session's
// parties other than the accused agree on: the same accused for the same reason. Only
// parties count, as voter or accused; a party never counts against itself; a voter
// counts once per accused (conflicting claims count for no reason). Each voter names one
// reason per accused, so at most one reason can pass for an accused.
func TallyBlames(parties []uint64, votes []BlameVote) []Verdict {
	ps := slices.Clone(parties)
	slices.Sort(ps)
	ps = slices.Compact(ps)
	isParty := func(id uint64) bool { _, ok := slices.BinarySearch(ps, id); return ok }

	vs := make([]BlameVote, 0, len(votes))
	for _, v := range votes {
		if v.Voter != v.Accused && isParty(v.Voter) && isParty(v.Accused) && v.Reason != 0 {
			vs = append(vs, v)
		}
	}
	slices.SortFunc(vs, func(a, b BlameVote) int {
		if c := cmp.Compare(a.Accused, b.Accused); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Voter, b.Voter); c != 0 {
			return c
		}
		return cmp.Compare(a.Reason, b.Reason)
	})
	unique := onePerVoter(vs,
		func(a, b BlameVote) bool { return a.Accused == b.Accused && a.Voter == b.Voter },
		func(a, b BlameVote) bool { return a.Reason == b.Reason })
	slices.SortStableFunc(unique, func(a, b BlameVote) int {
		if c := cmp.Compare(a.Accused, b.Accused); c != 0 {
			return c
		}
		return cmp.Compare(a.Reason, b.Reason)
	})
	others := len(ps) - 1
	var out []Verdict
	eachRun(unique, func(a, b BlameVote) bool { return a.Accused == b.Accused && a.Reason == b.Reason }, func(run []BlameVote) {
		if Supermajority(len(run), others) {
			out = append(out, Verdict{Accused: run[0].Accused, Reason: run[0].Reason, Voters: len(run), Others: others})
		}
	})
	return out
}
