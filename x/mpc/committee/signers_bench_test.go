package committee_test

import (
	"math/rand"
	"testing"

	"github.com/themis-network/themis/x/mpc/committee"
)

// BenchmarkSignersAtTheLargestCommittee times the signer choice (run in EndBlock on
// every retry) at n = 64 on dispute sets of growing size and shape: the colluders'
// disjoint pairs, a scattering no 21 members cover (the search runs to its budget),
// and every pair a request can remember.
func BenchmarkSignersAtTheLargestCommittee(b *testing.B) {
	c, status, th := readyCommittee(64)
	rng := rand.New(rand.NewSource(1))
	random := func(m int) []committee.Dispute {
		var out []committee.Dispute
		for len(out) < m {
			x, y := uint64(rng.Intn(64)+1), uint64(rng.Intn(64)+1)
			if d := committee.NewDispute(x, y); x != y {
				out = committee.MergeDisputes(out, []committee.Dispute{d})
			}
		}
		return out
	}
	var disjoint, all []committee.Dispute
	for x := uint64(1); x <= 21; x++ {
		disjoint = append(disjoint, committee.NewDispute(x, 43+x))
	}
	for x := uint64(1); x <= 64; x++ {
		for y := x + 1; y <= 64; y++ {
			all = append(all, committee.NewDispute(x, y))
		}
	}
	for _, tc := range []struct {
		name     string
		disputes []committee.Dispute
	}{
		{"21 disjoint", disjoint},
		{"30 random", random(30)},
		{"40 random", random(40)},
		{"50 random", random(50)},
		{"60 random", random(60)},
		{"200 random", random(200)},
		{"2016 all", all},
	} {
		b.Run(tc.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				committee.Signers(c, status, th, uint32(i), tc.disputes)
			}
		})
	}
}
