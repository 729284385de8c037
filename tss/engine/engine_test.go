package engine

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/sha256"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/themis-network/themis/tss/session"
)

// node is one engine with its in-memory stores.
type node struct {
	addr   common.Address
	key    *ecdsa.PrivateKey
	eng    *Engine
	shares *memShares
	marks  *memMarks
	cancel context.CancelFunc
}

func newNode(t *testing.T, net *memNet, pre []int) *node {
	t.Helper()
	key, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	n := &node{addr: crypto.PubkeyToAddress(key.PublicKey), key: key, shares: newMemShares(), marks: newMemMarks()}
	n.start(t, net, newMemPre(pre...))
	return n
}

func (n *node) start(t *testing.T, net *memNet, pre *memPre) {
	t.Helper()
	eng, err := New(Config{Self: n.addr, Endpoint: "mem://" + n.addr.Hex(), Shares: n.shares, Preparams: pre, Marks: n.marks,
		Net: memEndpoint{net: net, self: n.addr}, RoundTimeout: 20 * time.Second, SettleTimeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	n.eng, n.cancel = eng, cancel
	go func() { _ = eng.Run(ctx) }()
	t.Cleanup(cancel)
}

func partiesOf(nodes []*node) []Party {
	out := make([]Party, len(nodes))
	for i, n := range nodes {
		out[i] = Party{Address: n.addr, PubKey: &n.key.PublicKey}
	}
	return out
}

// waitResults waits until every listed node reports a result for the session, and
// returns them.
func waitResults(t *testing.T, nodes []*node, key [32]byte) []Result {
	t.Helper()
	deadline := time.Now().Add(3 * time.Minute)
	for time.Now().Before(deadline) {
		var got []Result
		for _, n := range nodes {
			for _, r := range n.eng.Report().Results {
				if r.Key == key {
					got = append(got, r)
				}
			}
		}
		if len(got) == len(nodes) {
			return got
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("session %x: not every party reported a result", key[:4])
	return nil
}

func observeAll(nodes []*node, w Work) {
	for _, n := range nodes {
		n.eng.Observe(w)
	}
}

// TestEngineLifecycle: the chain opens a keygen, confirms it, asks for a signature,
// reshares to a fifth node (the old committee signing until confirmation), and the
// new committee signs under the same key.
func TestEngineLifecycle(t *testing.T) {
	if testing.Short() {
		t.Skip("runs tss-lib keygen and resharing")
	}
	net := newMemNet()
	nodes := make([]*node, 5)
	for i := range nodes {
		nodes[i] = newNode(t, net, []int{i, 5 + i})
	}
	four := nodes[:4]
	kg := Spec{Key: [32]byte{1}, Kind: session.KindKeygen, Parties: partiesOf(four), Threshold: 2, Generation: 1}
	observeAll(nodes, Work{Height: 10, Sessions: []Spec{kg}})
	res := waitResults(t, four, kg.Key)
	pub := res[0].PublicKey
	for _, r := range res {
		if !bytes.Equal(r.PublicKey, pub) {
			t.Fatal("keygen parties disagree")
		}
	}
	if nodes[4].eng.Report().Results != nil {
		t.Fatal("a non-party reported a result")
	}
	// Not confirmed yet: no current share.
	if g := four[0].eng.Report().ShareGeneration; g != 0 {
		t.Fatalf("share generation %d before confirmation", g)
	}
	observeAll(nodes, Work{Height: 11, Generation: 1, PoolKey: pub})
	waitFor(t, func() bool { return four[0].eng.Report().ShareGeneration == 1 })

	digest := sha256.Sum256([]byte("batch"))
	sg := Spec{Key: [32]byte{2}, Kind: session.KindSign, Parties: partiesOf(four[1:]), Threshold: 2, Generation: 1, Digest: digest}
	observeAll(nodes, Work{Height: 12, Generation: 1, PoolKey: pub, Sessions: []Spec{sg}})
	sigs := waitResults(t, four[1:], sg.Key)
	checkSig(t, digest, sigs[0].Signature, pub)
	for _, r := range sigs { // the chain takes exactly one result per session
		if r.PublicKey != nil {
			t.Fatal("a sign result also carries a public key: x/mpc refuses such a report")
		}
	}

	rs := Spec{Key: [32]byte{3}, Kind: session.KindReshare, Generation: 1, OldParties: partiesOf(four[:3]), OldThreshold: 2,
		NewParties: partiesOf(nodes), NewThreshold: 3, NewGeneration: 2}
	observeAll(nodes, Work{Height: 13, Generation: 1, PoolKey: pub, Sessions: []Spec{rs}})
	rres := waitResults(t, nodes, rs.Key)
	for _, r := range rres {
		if !bytes.Equal(r.PublicKey, pub) {
			t.Fatal("resharing changed the key")
		}
	}
	// Until the chain confirms generation 2, the old committee still signs with 1.
	sg1 := Spec{Key: [32]byte{4}, Kind: session.KindSign, Parties: partiesOf(four[:3]), Threshold: 2, Generation: 1, Digest: digest}
	observeAll(nodes, Work{Height: 14, Generation: 1, PoolKey: pub, Sessions: []Spec{rs, sg1}})
	waitResults(t, four[:3], sg1.Key)

	observeAll(nodes, Work{Height: 15, Generation: 2, PoolKey: pub})
	waitFor(t, func() bool { return nodes[4].eng.Report().ShareGeneration == 2 })
	sg2 := Spec{Key: [32]byte{5}, Kind: session.KindSign, Parties: partiesOf(nodes[1:]), Threshold: 3, Generation: 2, Digest: digest}
	observeAll(nodes, Work{Height: 16, Generation: 2, PoolKey: pub, Sessions: []Spec{sg2}})
	sigs2 := waitResults(t, nodes[1:], sg2.Key)
	checkSig(t, digest, sigs2[0].Signature, pub)
}

func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("condition not met in time")
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func checkSig(t *testing.T, digest [32]byte, sig, pub []byte) {
	t.Helper()
	rec, err := crypto.SigToPub(digest[:], sig)
	if err != nil {
		t.Fatal(err)
	}
	want, err := crypto.DecompressPubkey(pub)
	if err != nil {
		t.Fatal(err)
	}
	if crypto.PubkeyToAddress(*rec) != crypto.PubkeyToAddress(*want) {
		t.Fatal("signature does not recover to the pool address")
	}
}
