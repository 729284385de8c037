package engine

import (
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
)

// A proven equivocation becomes this engine's EQUIVOCATION claim against its origin,
// whatever the session's outcome here: reported for an open session, and for the
// blame window once it is closed; merged with a claim the session's failure made; an
// engine never claims against itself.
func TestProvenEquivocationIsClaimed(t *testing.T) {
	net := newMemNet()
	nodes := fixtureNodes(t, net, 2*time.Second)
	n := nodes[0]
	origin := nodes[1].addr
	closed := [32]byte{0xe1}
	observeAll(nodes, Work{Height: 10, Generation: 1})
	n.eng.ProvenEquivocation(closed, origin)
	n.eng.ProvenEquivocation(closed, n.addr)
	b := n.eng.Report().Blames
	if len(b) != 1 || b[0].Key != closed || b[0].Accused != origin || b[0].Reason != BlameEquivocation {
		t.Fatalf("claims %+v, want one EQUIVOCATION against %s", b, origin.Hex())
	}

	merged := mergeBlames([]Blame{{Accused: origin, Reason: BlameMissing, Progress: 3}}, []Blame{
		{Accused: origin, Reason: BlameEquivocation, Progress: completedProgress},
		{Accused: common.Address{9}, Reason: BlameMissing, Progress: 4},
	})
	if len(merged) != 2 || merged[0].Reason != BlameEquivocation || merged[0].Progress != 3 || merged[1].Accused != (common.Address{9}) {
		t.Fatalf("merged %+v", merged)
	}

	observeAll(nodes, Work{Height: 10 + DefaultBlameWindow + 1, Generation: 1})
	waitFor(t, func() bool { return len(n.eng.Report().Blames) == 0 })
}
