package committee

import "slices"

// SignerStatus is what the signer choice knows of one committee member.
type SignerStatus struct {
	// Available: ready and holding the share of the generation being signed with.
	Available bool
	// Excluded: blamed MISSING in the previous attempt of the same request.
	Excluded bool
}

// Dispute pairs two members (by id) of a failed attempt of the same request of which
// at least one is faulty: the voter and the accused of a claim made at the session's
// first stall. An honest signer that stalls first is waiting for a faulty one, and a
// faulty signer's lie names the liar, so honest members never dispute each other.
type Dispute struct{ A, B uint64 }

// Signers picks exactly threshold+1 members of the committee (sorted by id) to sign.
//
// Members come in tiers, each rotated by attempt: available and not excluded; not
// available; excluded (blamed MISSING in the previous attempt); and last, provably
// faulty for this request: in dispute with more members than the committee can hold
// faulty ones (n - (threshold+1)), which an honest member never is. Walking the tiers
// in order, a member in dispute with one already chosen is passed over, so a retry
// never puts a known faulty pair together again; the passed-over fill up only if too
// few are left, since a signature is never abandoned.
//
// Why disputes and not blames alone: one signer that withholds its message from an
// honest one stalls it, and the others then blame the stalled honest one. Excluding
// only the blamed lets the framer frame a new victim on every retry; the dispute keeps
// the framer and each victim apart, and once it framed more members than the committee
// can hold faulty ones, the framer itself is left out.
//
// It returns false only if the committee has fewer than threshold+1 members.
func Signers(committee []Member, status []SignerStatus, threshold int, attempt uint32, disputes []Dispute) ([]Member, bool) {
	need := threshold + 1
	if threshold < 0 || len(committee) < need {
		return nil, false
	}
	index := make(map[uint64]int, len(committee)) // lookups only
	for i, m := range committee {
		index[m.ID] = i
	}
	// conflict[i] lists the committee indexes in dispute with member i, once each.
	conflict := make([][]int, len(committee))
	for _, d := range disputes {
		a, okA := index[d.A]
		b, okB := index[d.B]
		if !okA || !okB || a == b || slices.Contains(conflict[a], b) {
			continue
		}
		conflict[a] = append(conflict[a], b)
		conflict[b] = append(conflict[b], a)
	}
	faultyMax := len(committee) - need
	var tiers [4][]Member
	for i, m := range committee {
		var s SignerStatus
		if i < len(status) {
			s = status[i]
		}
		switch {
		case len(conflict[i]) > faultyMax:
			tiers[3] = append(tiers[3], m)
		case s.Excluded:
			tiers[2] = append(tiers[2], m)
		case !s.Available:
			tiers[1] = append(tiers[1], m)
		default:
			tiers[0] = append(tiers[0], m)
		}
	}
	// The attempt's rotation first; if it cannot keep every dispute apart, the other
	// rotations in turn (n at most 21: cheap), and only then the attempt's with fill.
	for shift := 0; shift < len(committee); shift++ {
		if out, apart := pickApart(tiers, conflict, index, need, attempt+uint32(shift)); apart {
			SortByID(out)
			return out, true
		}
	}
	out, _ := pickApart(tiers, conflict, index, need, attempt)
	SortByID(out)
	return out, true
}

// pickApart walks the tiers, each rotated by attempt, choosing need members and
// passing over any in dispute with one already chosen; the passed-over fill up if too
// few are left. It reports whether every dispute was kept apart.
func pickApart(tiers [4][]Member, conflict [][]int, index map[uint64]int, need int, attempt uint32) ([]Member, bool) {
	var order []Member
	for _, tier := range tiers {
		if len(tier) > 0 {
			order = append(order, rotate(tier, len(tier), attempt)...)
		}
	}
	out := make([]Member, 0, need)
	chosen := make([]bool, len(conflict))
	var passed []Member
	for _, m := range order {
		if len(out) == need {
			break
		}
		i := index[m.ID]
		clash := false
		for _, j := range conflict[i] {
			clash = clash || chosen[j]
		}
		if clash {
			passed = append(passed, m)
			continue
		}
		chosen[i] = true
		out = append(out, m)
	}
	apart := len(out) == need
	for _, m := range passed {
		if len(out) == need {
			break
		}
		out = append(out, m)
	}
	return out, apart
}

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
	case progress > lowest || slices.Contains(disputes, d):
		return lowest, disputes, false
	default:
		return lowest, append(slices.Clone(disputes), d), true
	}
}
