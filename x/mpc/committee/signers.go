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
// sign honestly. Signers finds the minimum covers of the disputes, if they have at
// most that many members (suspectSets), and leaves one out (chooseCover): what
// remains holds no disputed pair, so a failed attempt among them adds a dispute the
// chosen cover did not cover, and that cover is not chosen again while its disputes
// are remembered. Faulty members that frame make stars of disputes, and a star's
// centre is in every minimum cover as soon as it disputes two members. Among minimum
// covers leaving in as many available members, the one whose members are in the most
// disputes goes first: colluders that dispute each other to keep one of them in are
// then left out together.
//
// Then tiers, each rotated by attempt: available and not blamed MISSING in the
// previous attempt; not available; blamed; in dispute with more than n-(t+1) members
// (no honest member is). Without disputes this is the whole rule (a retry tries
// another subset); with disputes no cover can satisfy (more faulty members than the
// threshold allows, or the search outgrew its budget), the tiers choose alone,
// passing over members in dispute with one already chosen while others are left,
// since a signature is never abandoned.
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
		case len(conflict[i]) > n-need: // no honest member disputes that many
			tier[i] = 3
		case s.Excluded:
			tier[i] = 2
		case !s.Available:
			tier[i] = 1
		}
	}
	degree := make([]int, n)
	for i := range conflict {
		degree[i] = len(conflict[i])
	}
	out := make([]Member, 0, need)
	if covers := suspectSets(n, edges, n-need); len(covers) > 0 {
		left := chooseCover(covers, tier, degree, attempt)
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
	for t := 0; t <= 3; t++ {
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

// maxSuspectSearch bounds the search for covers (nodes of its branching over all
// sizes tried). Branching on a member of most disputes (it is in the cover, or all
// its disputed partners are) settles a star of disputes, which is what faulty members
// make, in two branches, so the budget is reached only by disputes no set of at most
// n-(t+1) faulty members explains cheaply; the tiers then choose, the members in
// dispute with more than n-(t+1) others last.
const maxSuspectSearch = 1 << 14

// maxCovers bounds the minimum covers kept for the rotation among equals.
const maxCovers = 64

// suspectSets are the minimum vertex covers of the disputes (edges between committee
// indexes), if their size is at most k: sorted index lists, each once, at most
// maxCovers of them. Every cover of at most k members contains a member with more
// than k disputes (otherwise its other ends would all be in it), so those are taken
// first; then sizes are tried upward, each by the branching above, a branch dropped
// as soon as the members taken plus a matching of the disputes left pass the size.
// Nil if no cover of at most k exists, or if the search outgrows maxSuspectSearch.
func suspectSets(n int, edges [][2]int, k int) [][]int {
	if len(edges) == 0 {
		return [][]int{{}}
	}
	adj := make([][]int, n)
	for _, e := range edges {
		adj[e[0]] = append(adj[e[0]], e[1])
		adj[e[1]] = append(adj[e[1]], e[0])
	}
	in := make([]bool, n)
	var forced []int
	for i := range adj {
		if len(adj[i]) > k {
			in[i], forced = true, append(forced, i)
		}
	}
	if len(forced) > k {
		return nil
	}
	steps := 0
	// No cover is smaller than the forced members plus a matching of the disputes
	// left: each matched pair needs its own member.
	for size := len(forced) + matchingSize(edges, in); size <= k; size++ {
		var out [][]int
		seen := map[string]bool{} // dedup only
		set := slices.Clone(forced)
		var walk func() bool
		walk = func() bool {
			if steps++; steps > maxSuspectSearch {
				return false
			}
			// The member with the most disputes not yet covered (lowest index on ties).
			v, deg := -1, 0
			for i := range adj {
				if in[i] {
					continue
				}
				d := 0
				for _, j := range adj[i] {
					if !in[j] {
						d++
					}
				}
				if d > deg {
					v, deg = i, d
				}
			}
			if v < 0 { // every dispute covered
				c := slices.Clone(set)
				slices.Sort(c)
				if key := fmt.Sprint(c); !seen[key] {
					seen[key] = true
					out = append(out, c)
				}
				return len(out) < maxCovers // enough to rotate among: stop
			}
			if len(set) == size || len(set)+matchingSize(edges, in) > size {
				return true
			}
			// v is in the cover...
			in[v], set = true, append(set, v)
			ok := walk()
			in[v], set = false, set[:len(set)-1]
			if !ok {
				return false
			}
			// ...or all its uncovered partners are.
			var partners []int
			for _, j := range adj[v] {
				if !in[j] {
					partners = append(partners, j)
				}
			}
			if len(set)+len(partners) > size {
				return true
			}
			for _, j := range partners {
				in[j] = true
			}
			set = append(set, partners...)
			ok = walk()
			for _, j := range partners {
				in[j] = false
			}
			set = set[:len(set)-len(partners)]
			return ok
		}
		finished := walk()
		if len(out) > 0 {
			// Smaller sizes had none, so these are minimum covers, even if the search
			// stopped at maxCovers or at the budget.
			return out
		}
		if !finished {
			return nil
		}
	}
	return nil
}

// matchingSize is the size of a greedy matching of the disputes neither end of which
// is in (a lower bound on any cover of them).
func matchingSize(edges [][2]int, in []bool) int {
	used := slices.Clone(in)
	m := 0
	for _, e := range edges {
		if !used[e[0]] && !used[e[1]] {
			used[e[0]], used[e[1]] = true, true
			m++
		}
	}
	return m
}

// chooseCover picks the cover to leave out, among minimum covers: the one leaving in
// the most available members, then the one whose members are in the most disputes
// (degree), rotating by attempt among equals (the sets sorted). A MISSING blame does
// not count either way: a framer's victim is blamed, and so is a colluder that went
// silent on purpose. It returns the left-out mask.
//
// Why degree: the total is the number of disputes plus those with both ends in the
// cover, so it prefers the cover that explains the colluders' disputes among
// themselves over one that blames their honest partners (with only the rotation,
// colluders pairing up kept one of them in for 45 attempts at n = 37).
func chooseCover(covers [][]int, tier []int, degree []int, attempt uint32) []bool {
	type scored struct {
		c         []int
		disputes  int
		available int
	}
	all := make([]scored, len(covers))
	for x, c := range covers {
		all[x].c = c
		for _, i := range c {
			all[x].disputes += degree[i]
		}
		for i, t := range tier {
			if slices.Contains(c, i) {
				continue
			}
			if t != 1 && t != 3 {
				all[x].available++
			}
		}
	}
	slices.SortFunc(all, func(a, b scored) int {
		if a.available != b.available {
			return b.available - a.available
		}
		if a.disputes != b.disputes {
			return b.disputes - a.disputes
		}
		return slices.Compare(a.c, b.c)
	})
	best := 1
	for best < len(all) && all[best].available == all[0].available && all[best].disputes == all[0].disputes {
		best++
	}
	left := make([]bool, len(tier))
	for _, i := range all[int(uint64(attempt)%uint64(best))].c {
		left[i] = true
	}
	return left
}
