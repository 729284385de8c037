package node

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"cosmossdk.io/log"
	"github.com/bnb-chain/tss-lib/v2/ecdsa/keygen"
	"github.com/cometbft/cometbft/p2p"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/themis-network/themis/testutil/tssfixtures"
	"github.com/themis-network/themis/tss/engine"
	"github.com/themis-network/themis/tss/session"
)

const testChainID = "themis-tss-test"

// startNodes starts n engines on loopback as the fixture parties, each with the test
// key's share (parties < TestKeyParties) and the given fixture preparams.
func startNodes(t testing.TB, n int, withShare bool, preparams func(i int) []int) []*Node {
	t.Helper()
	nodes := make([]*Node, n)
	for i := range nodes {
		home := t.TempDir()
		if err := os.MkdirAll(filepath.Join(home, "config"), 0o700); err != nil {
			t.Fatal(err)
		}
		if _, err := p2p.LoadOrGenNodeKey(filepath.Join(home, "config", "node_key.json")); err != nil {
			t.Fatal(err)
		}
		nd, err := Start(context.Background(), Config{Home: home, ChainID: testChainID, Signer: tssfixtures.SignerKey(i),
			Listen: "127.0.0.1:0", RoundTimeout: 30 * time.Second, Registerer: prometheus.NewRegistry(), Logger: testLogger(), PreparamsTarget: -1})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(nd.Stop)
		if withShare && i < tssfixtures.TestKeyParties {
			share, err := tssfixtures.TestKeyShare(i)
			if err != nil {
				t.Fatal(err)
			}
			bz, _ := json.Marshal(share)
			if err := nd.Store.Shares().PutPending(engine.KeyID, 1, bz); err != nil {
				t.Fatal(err)
			}
			if err := nd.Store.Shares().Confirm(engine.KeyID, 1); err != nil {
				t.Fatal(err)
			}
		}
		for _, j := range preparams(i) {
			pp, err := tssfixtures.Preparams(j)
			if err != nil {
				t.Fatal(err)
			}
			if err := nd.Pool.Put(pp); err != nil {
				t.Fatal(err)
			}
		}
		nodes[i] = nd
	}
	return nodes
}

func peersOf(nodes []*Node) []engine.Party {
	out := make([]engine.Party, len(nodes))
	for i, n := range nodes {
		key := tssfixtures.SignerKey(i)
		out[i] = engine.Party{Address: crypto.PubkeyToAddress(key.PublicKey), PubKey: &key.PublicKey, Endpoint: "http://" + n.Transport.Addr()}
	}
	return out
}

// waitResult waits until every party reports a result for the session.
func waitResult(t testing.TB, nodes []*Node, key [32]byte, timeout time.Duration) []engine.Result {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		var got []engine.Result
		for _, n := range nodes {
			for _, r := range n.Report().Results {
				if r.Key == key {
					got = append(got, r)
				}
			}
		}
		if len(got) == len(nodes) {
			return got
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("session %x: no result from every party", key[:4])
	return nil
}

func observe(nodes []*Node, w engine.Work) {
	for _, n := range nodes {
		n.Observe(w)
	}
}

// TestSignOverRealTransport: three engines sign with the test key over HTTP on
// loopback, every message signed, point-to-point rounds encrypted, broadcasts echoed.
func TestSignOverRealTransport(t *testing.T) {
	nodes := startNodes(t, 4, true, func(int) []int { return nil })
	peers := peersOf(nodes)
	digest := [32]byte{1, 2, 3}
	s := engine.Spec{Key: [32]byte{0xc1}, Kind: session.KindSign, Parties: peers[:3], Threshold: 2, Generation: 1, Digest: digest}
	observe(nodes, engine.Work{Height: 5, Generation: 1, Sessions: []engine.Spec{s}, Peers: peers})
	res := waitResult(t, nodes[:3], s.Key, time.Minute)
	share, _ := tssfixtures.TestKeyShare(0)
	pub := share.ECDSAPub.ToECDSAPubKey()
	rec, err := crypto.SigToPub(digest[:], res[0].Signature)
	if err != nil || crypto.PubkeyToAddress(*rec) != crypto.PubkeyToAddress(*pub) {
		t.Fatalf("signature does not recover to the test key: %v", err)
	}
}

func fixturePreparams(i int) (*keygen.LocalPreParams, error) { return tssfixtures.Preparams(i) }

// testLogger logs to stderr when THEMIS_TSS_LOG is set.
func testLogger() log.Logger {
	if os.Getenv("THEMIS_TSS_LOG") == "" {
		return log.NewNopLogger()
	}
	return log.NewLogger(os.Stderr)
}

// TestKeygenOverRealTransport: four engines make a key over HTTP on loopback.
func TestKeygenOverRealTransport(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a tss-lib keygen")
	}
	nodes := startNodes(t, 4, false, func(i int) []int { return []int{i} })
	peers := peersOf(nodes)
	s := engine.Spec{Key: [32]byte{0xc2}, Kind: session.KindKeygen, Parties: peers, Threshold: 2, Generation: 1}
	observe(nodes, engine.Work{Height: 5, Sessions: []engine.Spec{s}, Peers: peers})
	res := waitResult(t, nodes, s.Key, 3*time.Minute)
	for _, r := range res {
		if string(r.PublicKey) != string(res[0].PublicKey) || len(r.PublicKey) != 33 {
			t.Fatal("engines disagree on the key")
		}
	}
}
