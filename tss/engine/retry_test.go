package engine

import (
	"context"
	"testing"
	"time"

	"github.com/themis-network/themis/testutil/tssfixtures"
	"github.com/themis-network/themis/tss/session"
)

// fixtureNodes are engines of the committed test key's parties, holding generation 1.
func fixtureNodes(t *testing.T, net *memNet, roundTimeout time.Duration) []*node {
	t.Helper()
	nodes := make([]*node, tssfixtures.TestKeyParties)
	for i := range nodes {
		share, err := tssfixtures.TestKeyShare(i)
		if err != nil {
			t.Fatal(err)
		}
		n := &node{addr: tssfixtures.Address(i), shares: newMemShares(), marks: newMemMarks()}
		bz, _ := jsonMarshal(share)
		if err := n.shares.PutPending(KeyID, 1, bz); err != nil {
			t.Fatal(err)
		}
		if err := n.shares.Confirm(KeyID, 1); err != nil {
			t.Fatal(err)
		}
		eng, err := New(Config{Self: n.addr, Endpoint: "mem://x", Shares: n.shares, Preparams: newMemPre(), Marks: n.marks,
			Net: memEndpoint{net: net, self: n.addr}, RoundTimeout: roundTimeout, SettleTimeout: time.Second})
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithCancel(context.Background())
		t.Cleanup(cancel)
		n.eng, n.cancel = eng, cancel
		go func() { _ = eng.Run(ctx) }()
		nodes[i] = n
	}
	return nodes
}

func fixtureParties(nodes []*node) []Party {
	out := make([]Party, len(nodes))
	for i, n := range nodes {
		out[i] = Party{Address: n.addr}
	}
	return out
}

// A signer cut off from the others: the session fails, the others blame it MISSING
// (with the progress they made), and the chain's retry with another signer set
// succeeds.
func TestCutSignerBlamedAndRetrySucceeds(t *testing.T) {
	net := newMemNet()
	nodes := fixtureNodes(t, net, 2*time.Second)
	net.cut[nodes[2].addr] = true
	digest := [32]byte{9}
	first := Spec{Key: [32]byte{0xa1}, Kind: session.KindSign, Parties: fixtureParties(nodes[:3]), Threshold: 2, Generation: 1, Digest: digest}
	observeAll(nodes, Work{Height: 1, Generation: 1, Sessions: []Spec{first}})
	waitFor(t, func() bool {
		for _, n := range nodes[:2] {
			b := n.eng.Report().Blames
			if len(b) != 1 || b[0].Accused != nodes[2].addr || b[0].Reason != BlameMissing || b[0].Key != first.Key || b[0].Progress == 0 {
				return false
			}
		}
		return true
	})
	retry := Spec{Key: [32]byte{0xa2}, Kind: session.KindSign, Parties: fixtureParties([]*node{nodes[0], nodes[1], nodes[3]}), Threshold: 2, Generation: 1, Digest: digest}
	observeAll(nodes, Work{Height: 40, Generation: 1, Sessions: []Spec{retry}})
	waitResults(t, []*node{nodes[0], nodes[1], nodes[3]}, retry.Key)
	// The first session left the chain's open set: its claims are still reported for
	// the blame window (the chain counts them that long), then dropped.
	if b := nodes[0].eng.Report().Blames; len(b) != 1 {
		t.Fatalf("claims of a just-closed session: %v", b)
	}
	observeAll(nodes, Work{Height: 40 + DefaultBlameWindow + 1, Generation: 1})
	waitFor(t, func() bool { return len(nodes[0].eng.Report().Blames) == 0 })
}

// An engine restarted after it started a session never runs that session again (a
// second run would send different messages under the same id: an equivocation).
func TestRestartedEngineDoesNotRerunStartedSession(t *testing.T) {
	net := newMemNet()
	nodes := fixtureNodes(t, net, 2*time.Second)
	s := Spec{Key: [32]byte{0xb1}, Kind: session.KindSign, Parties: fixtureParties(nodes[:3]), Threshold: 2, Generation: 1, Digest: [32]byte{7}}
	// Node 0 "crashed" after marking the session started.
	if err := nodes[0].marks.Put(markName(s.Key), nil); err != nil {
		t.Fatal(err)
	}
	observeAll(nodes, Work{Height: 1, Generation: 1, Sessions: []Spec{s}})
	time.Sleep(3 * time.Second)
	if r := nodes[0].eng.Report().Results; len(r) != 0 {
		t.Fatal("a session marked started ran again")
	}
	// The others time out waiting for it and name it.
	waitFor(t, func() bool {
		b := nodes[1].eng.Report().Blames
		return len(b) == 1 && b[0].Accused == nodes[0].addr
	})
}
