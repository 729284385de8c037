package committee

import "slices"

// MaxDisputesPerSession bounds the pairs one session keeps: claims at the same lowest
// progress beyond it add nothing (a claimer naming everyone is in a dispute with more
// members than any honest one long before).
const MaxDisputesPerSession = 64

// NewDispute orders a pair (A < B).
func NewDispute(x, y uint64) Dispute {
	if x > y {
		x, y = y, x
	}
	return Dispute{A: x, B: y}
}

// FoldClaim folds one claim (voter accuses accused, the voter having reached
// progress) into a session's disputes, which hold the pairs of the claims made at
// the lowest progress seen so far (lowest; meaningless while disputes is empty). A
// claim below it starts the set over, one at it adds its pair once, one above it
// changes nothing: that claimer stalled later, likely blocked by the first stall. It
// returns the new lowest and set, and whether either changed.
//
// Progress counts the message types a party had sent, the same sequence for every
// party of a protocol, so lower means stalled earlier. A claimer can lie about its
// progress, but its pair then names it: every pair kept still holds a faulty party.
func FoldClaim(lowest uint32, disputes []Dispute, voter, accused uint64, progress uint32) (uint32, []Dispute, bool) {
	if voter == accused {
		return lowest, disputes, false
	}
	d := NewDispute(voter, accused)
	switch {
	case len(disputes) == 0 || progress < lowest:
		return progress, []Dispute{d}, true
	case progress > lowest || slices.Contains(disputes, d) || len(disputes) >= MaxDisputesPerSession:
		return lowest, disputes, false
	default:
		return lowest, append(slices.Clone(disputes), d), true
	}
}

// MaxDisputesPerRequest bounds the pairs a request remembers across its attempts:
// every pair of the largest committee (64 members, types.MaxMpcPartiesLimit).
const MaxDisputesPerRequest = 64 * 63 / 2

// MergeDisputes adds to have the pairs of more it lacks (ordered, two members, each
// once, in the order first seen). Past MaxDisputesPerRequest, reachable as members come
// and go, the oldest pairs are dropped: those most likely to name members that left.
func MergeDisputes(have, more []Dispute) []Dispute {
	out := slices.Clone(have)
	seen := make(map[Dispute]bool, len(have)+len(more)) // lookups only
	for _, d := range have {
		seen[d] = true
	}
	for _, d := range more {
		if d.A == d.B {
			continue
		}
		if d = NewDispute(d.A, d.B); !seen[d] {
			seen[d] = true
			out = append(out, d)
		}
	}
	if extra := len(out) - MaxDisputesPerRequest; extra > 0 {
		out = out[extra:]
	}
	return out
}
