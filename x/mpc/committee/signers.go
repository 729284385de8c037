package committee

import (
	"fmt"
	"slices"
)

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
// Disputes first. Every dispute holds a faulty member, so the faulty members cover
// every dispute, and the committee holds at most n-(t+1) of them if any t+1 are to
// sign honestly. Signers enumerates the covers of the disputes of at most that size
// (suspectSets) and leaves one out: what remains holds no disputed pair, so a failed
// attempt among them adds a dispute the chosen cover did not cover, and that cover is
// never chosen again. The honest members can be left out only finitely often: once
// the disputes pin the faulty members down, the only small covers are theirs.
// Among the covers Signers prefers the smallest, then the one leaving the most good
// members, rotating among equals by attempt.
//
// Then tiers, each rotated by attempt: available and not blamed MISSING in the
// previous attempt; not available; blamed. Without disputes this is the whole rule (a
// retry tries another subset); with disputes no cover can satisfy (more faulty
// members than the threshold allows, or the search outgrew its budget), the tiers
// choose alone, passing over members in dispute with one already chosen while others
// are left, since a signature is never abandoned.
//
// Why disputes and not blames alone: one signer that withholds its message from an
// honest one stalls it, and the others then blame the stalled honest one. Leaving out
// only the blamed lets the framer frame a new victim on every retry, and a coalition
// that frames the same few victims in turn keeps one of them out of every attempt;
// the dispute records who stalled first, and the covers leave the framers out.
//
// It returns false only if the committee has fewer than threshold+1 members.
func Signers(committee []Member, status []SignerStatus, threshold int, attempt uint32, disputes []Dispute) ([]Member, bool) {
	need := threshold + 1
	if threshold < 0 || len(committee) < need {
		return nil, false
	}
	n := len(committee)
	index := make(map[uint64]int, n) // lookups only
	for i, m := range committee {
		index[m.ID] = i
	}
	conflict := make([][]int, n) // committee indexes in dispute with member i, once each
	var edges [][2]int           // i < j, in the order of the disputes
	for _, d := range disputes {
		a, okA := index[d.A]
		b, okB := index[d.B]
		if !okA || !okB || a == b || slices.Contains(conflict[a], b) {
			continue
		}
		conflict[a] = append(conflict[a], b)
		conflict[b] = append(conflict[b], a)
		edges = append(edges, [2]int{min(a, b), max(a, b)})
	}
	tier := make([]int, n)
	for i := range committee {
		var s SignerStatus
		if i < len(status) {
			s = status[i]
		}
		switch {
		case s.Excluded:
			tier[i] = 2
		case !s.Available:
			tier[i] = 1
		}
	}
	out := make([]Member, 0, need)
	if covers := suspectSets(n, edges, n-need); len(covers) > 0 {
		left := chooseCover(covers, tier, attempt)
		out = byTiers(committee, tier, left, nil, need, attempt)
	} else {
		out = byTiers(committee, tier, nil, conflict, need, attempt)
	}
	SortByID(out)
	return out, true
}

// byTiers picks need members walking the tiers in order, each rotated by attempt,
// skipping those in leftOut. With conflict set, a member in dispute with one already
// chosen is passed over, and the passed-over fill up only if too few are left.
func byTiers(committee []Member, tier []int, leftOut []bool, conflict [][]int, need int, attempt uint32) []Member {
	var order []int
	for t := 0; t <= 2; t++ {
		var pool []int
		for i := range committee {
			if tier[i] == t && (leftOut == nil || !leftOut[i]) {
				pool = append(pool, i)
			}
		}
		for k := range pool {
			order = append(order, pool[(int(uint64(attempt)%uint64(len(pool)))+k)%len(pool)])
		}
	}
	out := make([]Member, 0, need)
	chosen := make([]bool, len(committee))
	var passed []int
	for _, i := range order {
		if len(out) == need {
			break
		}
		clash := false
		if conflict != nil {
			for _, j := range conflict[i] {
				clash = clash || chosen[j]
			}
		}
		if clash {
			passed = append(passed, i)
			continue
		}
		chosen[i] = true
		out = append(out, committee[i])
	}
	for _, i := range passed {
		if len(out) == need {
			break
		}
		out = append(out, committee[i])
	}
	return out
}

// maxSuspectSearch bounds the search for covers (nodes of its branching): with the
// committee capped at 64 and the disputes of one request, it is reached only by a
// dispute graph no honest-majority committee produces; the tiers then choose.
const maxSuspectSearch = 1 << 12

// suspectSets are the vertex covers of the disputes (edges between committee
// indexes) of at most k members, as sorted index lists, each once, in the order the
// search finds them: branch on the first dispute neither end of which is in the set
// yet, taking one end, then the other. Every cover of at most k members contains one
// of them. Nil if there are none, or if the search outgrows maxSuspectSearch.
func suspectSets(n int, edges [][2]int, k int) [][]int {
	if len(edges) == 0 {
		return [][]int{{}}
	}
	in := make([]bool, n)
	var set []int
	var out [][]int
	seen := map[string]bool{} // dedup only
	steps := 0
	var walk func() bool
	walk = func() bool {
		if steps++; steps > maxSuspectSearch {
			return false
		}
		open := -1
		for e, uv := range edges {
			if !in[uv[0]] && !in[uv[1]] {
				open = e
				break
			}
		}
		if open < 0 {
			c := slices.Clone(set)
			slices.Sort(c)
			key := fmt.Sprint(c)
			if !seen[key] {
				seen[key] = true
				out = append(out, c)
			}
			return true
		}
		if len(set) == k {
			return true
		}
		for _, x := range edges[open] {
			in[x], set = true, append(set, x)
			ok := walk()
			in[x], set = false, set[:len(set)-1]
			if !ok {
				return false
			}
		}
		return true
	}
	if !walk() {
		return nil
	}
	return out
}

// chooseCover picks the cover to leave out: the smallest, then the one leaving the
// most members of tier 0, rotating by attempt among equals (the sets sorted, so the
// order does not depend on the search). It returns the left-out mask.
func chooseCover(covers [][]int, tier []int, attempt uint32) []bool {
	good := func(c []int) int {
		g := 0
		for i, t := range tier {
			if t == 0 && !slices.Contains(c, i) {
				g++
			}
		}
		return g
	}
	slices.SortFunc(covers, func(a, b []int) int {
		if len(a) != len(b) {
			return len(a) - len(b)
		}
		if ga, gb := good(a), good(b); ga != gb {
			return gb - ga
		}
		return slices.Compare(a, b)
	})
	best := 1
	for best < len(covers) && len(covers[best]) == len(covers[0]) && good(covers[best]) == good(covers[0]) {
		best++
	}
	c := covers[int(uint64(attempt)%uint64(best))]
	left := make([]bool, len(tier))
	for _, i := range c {
		left[i] = true
	}
	return left
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
