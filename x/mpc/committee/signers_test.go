package committee_test

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/themis-network/themis/x/mpc/committee"
)

func TestSignersKeepDisputesApart(t *testing.T) {
	c := []committee.Member{member(1, 1), member(2, 1), member(3, 1), member(4, 1)}
	ready := []committee.SignerStatus{{Available: true}, {Available: true}, {Available: true}, {Available: true}}
	d := func(a, b uint64) committee.Dispute { return committee.NewDispute(a, b) }

	// One dispute: either end may be the faulty one (two covers of one member); the
	// attempts take turns leaving each out.
	s, _ := committee.Signers(c, ready, 2, 0, []committee.Dispute{d(2, 1)})
	require.Equal(t, []uint64{2, 3, 4}, ids(s), "1 left out")
	s, _ = committee.Signers(c, ready, 2, 1, []committee.Dispute{d(1, 2)})
	require.Equal(t, []uint64{1, 3, 4}, ids(s), "then 2")

	// A MISSING blame does not pick the cover (a framer's victim is blamed, and so is a
	// colluder that goes silent on purpose): the attempts take turns.
	framed := slices.Clone(ready)
	framed[1].Excluded = true
	left := map[uint64]bool{}
	for attempt := uint32(0); attempt < 4; attempt++ {
		s, _ = committee.Signers(c, framed, 2, attempt, []committee.Dispute{d(1, 2)})
		require.False(t, slices.Contains(ids(s), 1) && slices.Contains(ids(s), 2))
		for _, x := range []uint64{1, 2} {
			if !slices.Contains(ids(s), x) {
				left[x] = true
			}
		}
	}
	require.Len(t, left, 2, "each end of the dispute is left out in turn")

	// 1 disputes two members: at most n-(t+1) = 1 member is faulty, and only {1}
	// covers both disputes, so 1 is left out whatever the rotation.
	two := []committee.Dispute{d(1, 2), d(1, 3)}
	for attempt := uint32(0); attempt < 8; attempt++ {
		s, _ = committee.Signers(c, ready, 2, attempt, two)
		require.Equal(t, []uint64{2, 3, 4}, ids(s), "attempt %d", attempt)
	}

	// With 3 unavailable and 4 blamed, 1 and 2 are still kept apart.
	st := slices.Clone(ready)
	st[2].Available = false
	st[3].Excluded = true
	s, _ = committee.Signers(c, st, 2, 0, []committee.Dispute{d(1, 2)})
	require.Len(t, s, 3)
	require.False(t, slices.Contains(ids(s), 1) && slices.Contains(ids(s), 2), "1 and 2 kept apart: %v", ids(s))

	// No cover of one member (two disjoint disputes: more faulty members than the
	// threshold allows): the tiers choose, and the signature is not abandoned.
	all := []committee.Dispute{d(1, 2), d(3, 4), d(1, 3), d(2, 4)}
	s, ok := committee.Signers(c, ready, 2, 0, all)
	require.True(t, ok)
	require.Len(t, s, 3)

	// Pairs naming a non-member, or one member twice, are ignored.
	s, _ = committee.Signers(c, ready, 2, 0, []committee.Dispute{d(1, 99), {A: 2, B: 2}})
	require.Equal(t, []uint64{1, 2, 3}, ids(s))
}

// TestSignersOutlastFramers plays the attack the disputes answer: up to n-(t+1)
// faulty members spoil every attempt one of them is chosen for. A framer withholds a
// message from an honest signer (who stalls first and claims at a lower progress
// while the others blame it), always the same few victims or any; it may also lie
// about its progress, have a second faulty signer name it at progress 0 to hide the
// victim's claim, or go silent. The chain sees only the claims. The request must
// reach a signer set with no faulty member, and within the bound the covers give:
// every failed attempt adds a dispute the chosen cover missed, and there are at most
// f·(n-f) + f·(f-1)/2 disputes with a faulty end.
func TestSignersOutlastFramers(t *testing.T) {
	worst, worstN, worstF := 0, 0, 0
	rapid.Check(t, func(rt *rapid.T) {
		n := rapid.IntRange(4, 64).Draw(rt, "n")
		th, _ := committee.Threshold(n)
		c := make([]committee.Member, n)
		for i := range c {
			c[i] = member(uint64(i+1), 1)
		}
		f := rapid.IntRange(1, n-(th+1)).Draw(rt, "faulty")
		faulty := map[uint64]bool{}
		for _, i := range rapid.SliceOfNDistinct(rapid.IntRange(1, n), f, f, rapid.ID[int]).Draw(rt, "who") {
			faulty[uint64(i)] = true
		}
		fixedVictims := rapid.Bool().Draw(rt, "fixed victims")
		var disputes []committee.Dispute
		var blamed uint64
		limit := f*(n-f) + f*(f-1)/2 + 1
		for attempt := uint32(0); ; attempt++ {
			require.LessOrEqual(rt, int(attempt), limit, "no honest signer set after %d attempts", limit)
			status := make([]committee.SignerStatus, n)
			for i := range status {
				status[i] = committee.SignerStatus{Available: true, Excluded: c[i].ID == blamed}
			}
			s, ok := committee.Signers(c, status, th, attempt, disputes)
			require.True(rt, ok)
			bad, good := splitByFault(s, faulty)
			if len(bad) == 0 {
				if int(attempt) > worst {
					worst, worstN, worstF = int(attempt), n, f
				}
				return
			}
			require.NotEmpty(rt, good, "t+1 signers are never all faulty")
			framer := bad[rapid.IntRange(0, len(bad)-1).Draw(rt, "framer")]
			victim := good[0] // the lowest honest id in the set: the same few again and again
			if !fixedVictims {
				victim = good[rapid.IntRange(0, len(good)-1).Draw(rt, "victim")]
			}
			var lowest uint32
			var pairs []committee.Dispute
			claim := func(voter, accused uint64, progress uint32) {
				lowest, pairs, _ = committee.FoldClaim(lowest, pairs, voter, accused, progress)
			}
			others := func(except ...uint64) []uint64 {
				var out []uint64
				for _, id := range ids(s) {
					if !slices.Contains(except, id) {
						out = append(out, id)
					}
				}
				return out
			}
			round := uint32(rapid.IntRange(1, 9).Draw(rt, "round"))
			switch how := rapid.IntRange(0, 3).Draw(rt, "how"); {
			case how == 0: // withhold from the victim: it stalls at round, the rest one later
				claim(victim, framer, round)
				for _, id := range others(victim) {
					claim(id, victim, round+1)
				}
				blamed = victim
			case how == 1: // the same, and the framer claims it stalled first
				claim(victim, framer, round)
				claim(framer, victim, 0)
				for _, id := range others(victim, framer) {
					claim(id, victim, round+1)
				}
				blamed = victim
			case how == 2 && len(bad) > 1: // an accomplice hides the victim's claim
				accomplice := bad[0]
				if accomplice == framer {
					accomplice = bad[1]
				}
				claim(victim, framer, round)
				claim(accomplice, framer, 0)
				for _, id := range others(victim, accomplice) {
					claim(id, victim, round+1)
				}
				blamed = victim
			default: // silent: every other signer stalls waiting for it
				for _, id := range others(framer) {
					claim(id, framer, round)
				}
				blamed = framer
			}
			for _, p := range pairs {
				require.True(rt, faulty[p.A] || faulty[p.B], "a dispute between two honest members")
				if !slices.Contains(disputes, p) {
					disputes = append(disputes, p)
				}
			}
		}
	})
	t.Logf("worst attempts before an honest signer set: %d (n=%d, %d faulty)", worst, worstN, worstF)
}

// The reviewer's cycle: n=7 (t=4, 5 signers), faulty 1 and 4, each always framing the
// lowest honest signer of the set. With the blamed-only rule and the greedy dispute
// rule a faulty member was in every one of 2,000 attempts; the covers get an honest
// set within a few.
func TestSignersBreakTheFramingCycle(t *testing.T) {
	c := make([]committee.Member, 7)
	for i := range c {
		c[i] = member(uint64(i+1), 1)
	}
	faulty := map[uint64]bool{1: true, 4: true}
	var disputes []committee.Dispute
	var blamed uint64
	for attempt := uint32(0); attempt < 20; attempt++ {
		status := make([]committee.SignerStatus, 7)
		for i := range status {
			status[i] = committee.SignerStatus{Available: true, Excluded: c[i].ID == blamed}
		}
		s, _ := committee.Signers(c, status, 4, attempt, disputes)
		var framer, victim uint64
		for _, id := range ids(s) {
			if faulty[id] && framer == 0 {
				framer = id
			}
			if !faulty[id] && victim == 0 {
				victim = id
			}
		}
		if framer == 0 {
			t.Logf("honest set %v at attempt %d", ids(s), attempt)
			return
		}
		if d := committee.NewDispute(framer, victim); !slices.Contains(disputes, d) {
			disputes = append(disputes, d)
		}
		blamed = victim
	}
	t.Fatal("the framers kept a faulty member in 20 attempts")
}

// The second review's budget attack, at the largest committee (64, t = 42, up to 21
// faulty): colluders each claim at progress 0 against the four members before them, so
// the recorded disputes are stars they chose. Enumerating every cover of at most 21
// members outgrew the search budget and fell back to the tiers; the minimum covers
// are the colluders themselves, found at once, and left out.
func TestSignersLeaveOutColludingStars(t *testing.T) {
	c, status, th := readyCommittee(64)
	colluders := []uint64{10, 22, 34, 46, 58, 63}
	var disputes []committee.Dispute
	for _, x := range colluders {
		for d := uint64(1); d <= 4; d++ {
			disputes = append(disputes, committee.NewDispute(x, x-d))
		}
	}
	for attempt := uint32(0); attempt < 8; attempt++ {
		s, ok := committee.Signers(c, status, th, attempt, disputes)
		require.True(t, ok)
		require.Len(t, s, th+1)
		for _, id := range ids(s) {
			require.NotContains(t, colluders, id, "attempt %d", attempt)
		}
	}
}

// The third review's budget attack: 13 or more colluders each claim at progress 0
// against a different member, leaving disjoint disputes with 2^13 minimum covers.
// The search starts at the matching's size and stops at maxCovers covers, so it finds
// minimum covers at once instead of running out of budget; each leaves out one end of
// every pair.
func TestSignersDisjointDisputesAtTheLargestCommittee(t *testing.T) {
	c, status, th := readyCommittee(64)
	var disputes []committee.Dispute
	for x := uint64(1); x <= 21; x++ { // colluders 44..64 against members 1..21
		disputes = append(disputes, committee.NewDispute(x, 43+x))
	}
	for attempt := uint32(0); attempt < 4; attempt++ {
		s, ok := committee.Signers(c, status, th, attempt, disputes)
		require.True(t, ok)
		for _, d := range disputes {
			require.False(t, slices.Contains(ids(s), d.A) && slices.Contains(ids(s), d.B), "attempt %d: a disputed pair signs together", attempt)
		}
	}
}

// splitByFault splits a signer set into its faulty and honest ids.
func splitByFault(s []committee.Member, faulty map[uint64]bool) (bad, good []uint64) {
	for _, m := range s {
		if faulty[m.ID] {
			bad = append(bad, m.ID)
		} else {
			good = append(good, m.ID)
		}
	}
	return bad, good
}

// readyCommittee is members 1..n, all available, and their threshold.
func readyCommittee(n int) ([]committee.Member, []committee.SignerStatus, int) {
	th, _ := committee.Threshold(n)
	c := make([]committee.Member, n)
	status := make([]committee.SignerStatus, n)
	for i := range c {
		c[i] = member(uint64(i+1), 1)
		status[i].Available = true
	}
	return c, status, th
}
