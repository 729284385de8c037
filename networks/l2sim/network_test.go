package l2sim

import (
	"crypto/ecdsa"
	"fmt"
	"testing"
	"time"
)

// testNet is a set of in-process nodes on loopback, each a peer of all the others.
type testNet struct {
	keys    []*ecdsa.PrivateKey
	members []Member
	nodes   []*Node
	stops   []func()
}

func newKeys(t *testing.T, count int) ([]*ecdsa.PrivateKey, []Member) {
	keys := make([]*ecdsa.PrivateKey, count)
	members := make([]Member, count)
	for i := range keys {
		keys[i] = testKey(t)
		members[i] = memberOf(uint64(i+1), keys[i])
	}
	return keys, members
}

// startNet starts one node per key (modes[i] its initial fault mode, if given) and
// connects them all.
func startNet(t *testing.T, keys []*ecdsa.PrivateKey, sched Schedule, modes ...Mode) *testNet {
	t.Helper()
	net := &testNet{keys: keys}
	for i, k := range keys {
		cfg := Config{Key: k, Schedule: sched}
		if i < len(modes) {
			cfg.Fault = modes[i]
		}
		n, stop := startNode(t, cfg)
		net.nodes = append(net.nodes, n)
		net.stops = append(net.stops, stop)
	}
	for i := range net.nodes {
		net.connect(t, i, allBut(len(keys), i)...)
	}
	return net
}

// connect makes node i pull from the given nodes only.
func (tn *testNet) connect(t *testing.T, i int, from ...int) {
	t.Helper()
	var urls []string
	for _, j := range from {
		urls = append(urls, tn.nodes[j].URL())
	}
	if err := tn.nodes[i].SetPeers(urls); err != nil {
		t.Fatal(err)
	}
}

func allBut(n, skip int) []int {
	var out []int
	for i := range n {
		if i != skip {
			out = append(out, i)
		}
	}
	return out
}

// converged reports whether every node has head height h with one hash.
func (tn *testNet) converged(h uint64) bool {
	first := tn.nodes[0].Head()
	for _, n := range tn.nodes {
		head := n.Head()
		if head.Height() != h || head.Hash != first.Hash {
			return false
		}
	}
	return true
}

// describe is each node's head, for failure messages.
func (tn *testNet) describe() string {
	var out string
	for i, n := range tn.nodes {
		h := n.Head()
		out += fmt.Sprintf("\n  node %d: head %d %s by %d", i, h.Height(), h.Hash, h.ProducerID())
	}
	return out
}

func (tn *testNet) heads() []uint64 {
	var out []uint64
	for _, n := range tn.nodes {
		out = append(out, n.Head().Height())
	}
	return out
}

// Three nodes, producers rotating every 4 heights up to 24: only the scheduled
// producer's blocks are on any chain, every node produced its epochs, and all end on
// the same head.
func TestNetworkRotatesAndConverges(t *testing.T) {
	keys, members := newKeys(t, 3)
	sched := NewRotation(members, 4, 24)
	tn := startNet(t, keys, sched)
	eventually(t, 15*time.Second, "all nodes at height 24 with one hash", func() bool { return tn.converged(24) })
	for _, n := range tn.nodes {
		checkChain(t, n, sched)
		if f := n.Faults(); len(f) != 0 {
			t.Errorf("honest network recorded faults: %+v", f)
		}
	}
	produced := map[uint64]int{}
	for h := uint64(1); h <= 24; h++ {
		b, _ := tn.nodes[0].BlockAt(h)
		produced[b.ProducerID()]++
	}
	for _, m := range members {
		if produced[m.SequencerID] != 8 {
			t.Errorf("sequencer %d produced %d blocks, want 8", m.SequencerID, produced[m.SequencerID])
		}
	}
	// Nobody is scheduled past 24: nothing more is produced.
	time.Sleep(5 * testBlockInterval)
	if !tn.converged(24) {
		t.Fatalf("heads moved without a scheduled producer: %v", tn.heads())
	}
}

// The scheduled producer stalls: no blocks while it is scheduled. The chain then moves
// its heights to another producer from head+1; that producer continues, and the stalled
// node, resumed, syncs.
func TestNetworkStallThenReplacement(t *testing.T) {
	keys, members := newKeys(t, 3)
	sched := NewRotation(members[:2], 4, 8)  // A 1-4, B 5-8
	sched.Set(producerOf(members[2], 9, 40)) // C from 9
	tn := startNet(t, keys, sched, ModeNone, ModeNone, ModeStall)
	eventually(t, 10*time.Second, "all nodes at 8", func() bool { return tn.converged(8) })
	time.Sleep(6 * testBlockInterval)
	if !tn.converged(8) {
		t.Fatalf("blocks appeared while the scheduled producer stalls: %v", tn.heads())
	}
	// The chain replaces C from 9 on with A (to the end of the schedule: a resumed C
	// scheduled after A would race the check for a converged head).
	sched.Set(producerOf(members[0], 9, 40))
	tn.nodes[2].SetMode(ModeNone)
	eventually(t, 10*time.Second, "all nodes at 40", func() bool { return tn.converged(40) }, tn.describe)
	for _, n := range tn.nodes {
		checkChain(t, n, sched)
	}
	if b, _ := tn.nodes[2].BlockAt(9); b.ProducerID() != members[0].SequencerID {
		t.Fatalf("block 9 by %d, want the replacement %d", b.ProducerID(), members[0].SequencerID)
	}
}

// A stalled producer's blocks that only it saw are dropped once the chain replaces it
// from their height on: the node reorgs onto the replacement's chain.
func TestNetworkReorgsReplacedProducersBlocks(t *testing.T) {
	keys, members := newKeys(t, 3)
	sched := NewRotation(members[:2], 4, 8)
	sched.Set(producerOf(members[2], 9, 40))
	tn := startNet(t, keys, sched, ModeNone, ModeNone, ModeStall)
	eventually(t, 10*time.Second, "all nodes at 8", func() bool { return tn.converged(8) })
	// Cut C off, let it produce a few blocks only it has.
	tn.connect(t, 0, 1)
	tn.connect(t, 1, 0)
	tn.connect(t, 2)
	tn.nodes[2].SetMode(ModeNone)
	eventually(t, 10*time.Second, "C produced 9 and 10 alone", func() bool { return tn.nodes[2].Head().Height() >= 10 })
	// The chain saw no blocks from C and replaces it from 9 with B.
	sched.Set(producerOf(members[1], 9, 40))
	orphan, _ := tn.nodes[2].BlockAt(9)
	tn.connect(t, 2, 0, 1)
	eventually(t, 10*time.Second, "all nodes at 40", func() bool { return tn.converged(40) }, tn.describe)
	for _, n := range tn.nodes {
		checkChain(t, n, sched)
	}
	if b, _ := tn.nodes[2].BlockAt(9); b.Hash == orphan.Hash {
		t.Fatal("C kept its orphaned block 9")
	}
}

// An equivocating producer signs two blocks per height; peers record the equivocation,
// and the network still ends on one chain.
func TestNetworkObservesEquivocation(t *testing.T) {
	keys, members := newKeys(t, 3)
	// A 1-6, B 7-12, C 13-18, A 19-24, B 25-30: A's twins circulate, B ends the chain.
	sched := NewRotation(members, 6, 30)
	tn := startNet(t, keys, sched, ModeEquivocate)
	eventually(t, 15*time.Second, "a peer records A's equivocation", func() bool {
		return hasFault(tn.nodes[1], FaultEquivocation, members[0].SequencerID) ||
			hasFault(tn.nodes[2], FaultEquivocation, members[0].SequencerID)
	})
	eventually(t, 15*time.Second, "all nodes at 30 with one hash", func() bool { return tn.converged(30) }, tn.describe)
	for _, n := range tn.nodes {
		checkChain(t, n, sched)
	}
	for _, n := range tn.nodes[1:] {
		for _, f := range n.Faults() {
			if f.Kind != FaultEquivocation || f.ProducerID != members[0].SequencerID || f.OtherHash == nil || *f.OtherHash == f.BlockHash {
				t.Errorf("unexpected fault %+v", f)
			}
		}
	}
}

// A producer committing to wrong state roots: peers refuse its blocks and record
// wrong_state_root; once the chain replaces it, everyone (itself included) ends on the
// replacement's correct chain.
func TestNetworkRejectsWrongResult(t *testing.T) {
	keys, members := newKeys(t, 3)
	sched := NewRotation(members[:2], 4, 8) // A 1-4, B 5-8 (B is wrong)
	tn := startNet(t, keys, sched, ModeNone, ModeWrongResult)
	eventually(t, 10*time.Second, "peers record B's wrong state root", func() bool {
		return hasFault(tn.nodes[0], FaultWrongStateRoot, members[1].SequencerID) &&
			hasFault(tn.nodes[2], FaultWrongStateRoot, members[1].SequencerID)
	})
	eventually(t, 10*time.Second, "B produced its epoch", func() bool { return tn.nodes[1].Head().Height() == 8 })
	time.Sleep(4 * testBlockInterval)
	if h := tn.nodes[0].Head().Height(); h != 4 || tn.nodes[2].Head().Height() != 4 {
		t.Fatalf("peers accepted wrong blocks: heads %v", tn.heads())
	}
	sched.Set(producerOf(members[2], 5, 16))
	tn.nodes[1].SetMode(ModeNone)
	eventually(t, 10*time.Second, "all nodes at 16", func() bool { return tn.converged(16) })
	for _, n := range tn.nodes {
		checkChain(t, n, sched)
	}
}

// A restarted node keeps its chain and goes on from it.
func TestNodeRestartKeepsChain(t *testing.T) {
	k := testKey(t)
	m := memberOf(1, k)
	sched := NewRotation([]Member{m}, 100, 6)
	dir := t.TempDir()
	n, stop := startNode(t, Config{Key: k, Schedule: sched, DataDir: dir})
	eventually(t, 10*time.Second, "height 6", func() bool { return n.Head().Height() == 6 })
	head := n.Head()
	stop()

	sched.Set(producerOf(m, 7, 9))
	n2, _ := startNode(t, Config{Key: k, Schedule: sched, DataDir: dir})
	if got := n2.Head(); got.Hash != head.Hash {
		t.Fatalf("restart: head %d %s, want %d %s", got.Height(), got.Hash, head.Height(), head.Hash)
	}
	eventually(t, 10*time.Second, "height 9 after restart", func() bool { return n2.Head().Height() == 9 })
	checkChain(t, n2, sched)
}

// A node does not produce while it cannot ask the schedule.
func TestNoProductionWithoutSchedule(t *testing.T) {
	k := testKey(t)
	sched := NewRotation([]Member{memberOf(1, k)}, 100, 100)
	sched.SetError(errTest)
	n, _ := startNode(t, Config{Key: k, Schedule: sched, Logger: nopLogger()})
	time.Sleep(5 * testBlockInterval)
	if h := n.Head().Height(); h != 0 {
		t.Fatalf("produced %d blocks without a schedule", h)
	}
	sched.SetError(nil)
	eventually(t, 5*time.Second, "production once the schedule answers", func() bool { return n.Head().Height() > 0 })
}

// A peer on another L2 chain (another genesis) serves validly signed, scheduled blocks
// that do not descend from ours: recorded as bad_parent, never accepted.
func TestNetworkRejectsForeignChain(t *testing.T) {
	keys, members := newKeys(t, 2)
	sched := NewRotation(members[1:], 10, 3) // only B produces, heights 1-3
	a, _ := startNode(t, Config{Key: keys[0], Schedule: sched})
	b, _ := startNode(t, Config{Key: keys[1], Schedule: sched, ChainID: testChainID + 1})
	if err := a.SetPeers([]string{b.URL()}); err != nil {
		t.Fatal(err)
	}
	eventually(t, 10*time.Second, "A records bad_parent", func() bool { return hasFault(a, FaultBadParent, members[1].SequencerID) })
	if h := a.Head().Height(); h != 0 {
		t.Fatalf("A accepted %d blocks of another chain", h)
	}
}

// A producer whose own head block was taken from it (the chain scheduled another
// producer for that height) drops that block instead of building on it.
func TestProducerDropsItsReplacedHead(t *testing.T) {
	keys, members := newKeys(t, 2)
	sched := NewRotation(members[:1], 3, 3) // X 1-3
	x, _ := startNode(t, Config{Key: keys[0], Schedule: sched})
	eventually(t, 5*time.Second, "X at 3", func() bool { return x.Head().Height() == 3 })
	sched.Set(producerOf(members[1], 3, 3))  // Y replaces X at 3
	sched.Set(producerOf(members[0], 4, 10)) // X is scheduled next
	eventually(t, 5*time.Second, "X drops its block 3", func() bool { return x.Head().Height() == 2 })
	time.Sleep(4 * testBlockInterval)
	if h := x.Head().Height(); h != 2 {
		t.Fatalf("X at %d; it must wait for Y's block 3", h)
	}
}
