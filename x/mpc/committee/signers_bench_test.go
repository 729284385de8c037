package committee_test

import (
	"math/rand"
	"testing"

	"github.com/themis-network/themis/x/mpc/committee"
)

// BenchmarkSignersAtTheLargestCommittee times the signer choice (run in EndBlock on
// every retry) at n = 64 on dispute sets of growing size and shape: the colluders'
// disjoint pairs, random scatterings, cliques whose covers a matching underestimates
// (eight disjoint 4-cliques need 24 members, a matching says 16: the search refutes
// sizes 16 to 21 until its budget runs out), and every pair a request can remember.
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
	clique := func(first, size uint64) []committee.Dispute {
		var out []committee.Dispute
		for x := first; x < first+size; x++ {
			for y := x + 1; y < first+size; y++ {
				out = append(out, committee.NewDispute(x, y))
			}
		}
		return out
	}
	var k4s, c5s []committee.Dispute
	for i := uint64(0); i < 8; i++ {
		k4s = append(k4s, clique(1+4*i, 4)...)
	}
	for i := uint64(0); i < 7; i++ { // seven 5-cycles: 21 members cover them, 5^7 ways
		for j := uint64(0); j < 5; j++ {
			c5s = append(c5s, committee.NewDispute(1+5*i+j, 1+5*i+(j+1)%5))
		}
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
		{"8 disjoint 4-cliques", k4s},
		{"7 disjoint 5-cycles", c5s},
		{"2016 all", all},
	} {
		b.Run(tc.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				committee.Signers(c, status, th, uint32(i), tc.disputes)
			}
		})
	}
}
