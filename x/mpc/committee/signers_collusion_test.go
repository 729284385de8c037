package committee_test

import (
	"math/rand"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/x/mpc/committee"
)

// colluderMove is how the colluders inside a failed attempt's signer set spend it: the
// one dispute they let the chain record (both ends are signers of the attempt, one of
// them a colluder). deg counts a member's recorded disputes.
type colluderMove func(rng *rand.Rand, bad, good []uint64, deg func(uint64) int) committee.Dispute

// The third review's attacks, and the ones found while answering it. The colluders
// start with the chain believing each disputes a different honest member (2^f minimum
// covers), then:
var colluderMoves = map[string]colluderMove{
	// pair up the two least-disputed colluders in the set (each pair rules out only a
	// quarter of the covers);
	"pair colluders": func(rng *rand.Rand, bad, good []uint64, deg func(uint64) int) committee.Dispute {
		if len(bad) < 2 {
			return committee.NewDispute(bad[0], good[rng.Intn(len(good))])
		}
		slices.SortStableFunc(bad, func(a, b uint64) int { return deg(a) - deg(b) })
		return committee.NewDispute(bad[0], bad[1])
	},
	// scapegoat: the most-disputed colluder names the most-disputed honest signer, so
	// a few honest members explain most disputes and their colluding partners stay in;
	"scapegoat": func(_ *rand.Rand, bad, good []uint64, deg func(uint64) int) committee.Dispute {
		slices.SortStableFunc(bad, func(a, b uint64) int { return deg(b) - deg(a) })
		slices.SortStableFunc(good, func(a, b uint64) int { return deg(b) - deg(a) })
		return committee.NewDispute(bad[0], good[0])
	},
	// the least-disputed colluder names the most-disputed honest signer;
	"quiet scapegoat": func(_ *rand.Rand, bad, good []uint64, deg func(uint64) int) committee.Dispute {
		slices.SortStableFunc(bad, func(a, b uint64) int { return deg(a) - deg(b) })
		slices.SortStableFunc(good, func(a, b uint64) int { return deg(b) - deg(a) })
		return committee.NewDispute(bad[0], good[0])
	},
	// a random colluder names a random honest signer, or the least-disputed one;
	"random victim": func(rng *rand.Rand, bad, good []uint64, _ func(uint64) int) committee.Dispute {
		return committee.NewDispute(bad[rng.Intn(len(bad))], good[rng.Intn(len(good))])
	},
	"fresh victim": func(rng *rand.Rand, bad, good []uint64, deg func(uint64) int) committee.Dispute {
		slices.SortStableFunc(good, func(a, b uint64) int { return deg(a) - deg(b) })
		return committee.NewDispute(bad[rng.Intn(len(bad))], good[0])
	},
	// or any signer at all, colluder or not.
	"anyone": func(rng *rand.Rand, bad, good []uint64, _ func(uint64) int) committee.Dispute {
		all := append(slices.Clone(bad), good...)
		x := bad[rng.Intn(len(bad))]
		for {
			if y := all[rng.Intn(len(all))]; y != x {
				return committee.NewDispute(x, y)
			}
		}
	},
}

// attemptsAgainstColluders plays f colluders of an n-member committee against the
// signer choice and returns the attempts before a signer set without a colluder.
func attemptsAgainstColluders(t *testing.T, n, f int, move colluderMove, seed int64) int {
	rng := rand.New(rand.NewSource(seed))
	c, status, th := readyCommittee(n)
	who := rng.Perm(n)
	faulty := map[uint64]bool{}
	var disputes []committee.Dispute
	for i := 0; i < f; i++ {
		faulty[uint64(who[i]+1)] = true
		disputes = append(disputes, committee.NewDispute(uint64(who[i]+1), uint64(who[f+i]+1)))
	}
	deg := func(id uint64) int {
		d := 0
		for _, p := range disputes {
			if p.A == id || p.B == id {
				d++
			}
		}
		return d
	}
	limit := f*(n-f) + f*(f-1)/2
	for attempt := uint32(0); int(attempt) <= limit; attempt++ {
		s, ok := committee.Signers(c, status, th, attempt, disputes)
		require.True(t, ok)
		bad, good := splitByFault(s, faulty)
		if len(bad) == 0 {
			return int(attempt)
		}
		d := move(rng, bad, good, deg)
		require.True(t, slices.Contains(ids(s), d.A) && slices.Contains(ids(s), d.B))
		require.NotContains(t, disputes, d, "a disputed pair signed together")
		disputes = append(disputes, d)
	}
	t.Fatalf("n=%d f=%d: a colluder in every one of %d attempts", n, f, limit+1)
	return 0
}

// TestSignersOutlastColluders: whatever the colluders make of their disputes, the
// signer choice reaches a set without them within 3k+3 attempts (k = n-(t+1), the
// most faulty members the threshold allows), at every committee size up to the
// largest. Before the covers were ranked by the disputes they explain and pruned by
// a matching, "pair colluders" took 45 attempts at n = 37, and at n = 64 the search
// ran out of budget and fell back to the tiers.
func TestSignersOutlastColluders(t *testing.T) {
	names := make([]string, 0, len(colluderMoves))
	for name := range colluderMoves {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, n := range []int{7, 16, 21, 37, 64} {
		th, _ := committee.Threshold(n)
		k := n - (th + 1)
		for _, name := range names {
			worst := 0
			for _, f := range slices.Compact([]int{k, max(1, k/2), max(1, k/3)}) {
				for seed := int64(0); seed < 10; seed++ {
					worst = max(worst, attemptsAgainstColluders(t, n, f, colluderMoves[name], seed))
				}
			}
			require.LessOrEqual(t, worst, 3*k+3, "n=%d %s", n, name)
			t.Logf("n=%d k=%d %-16s worst %d attempts", n, k, name, worst)
		}
	}
}
