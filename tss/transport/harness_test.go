package transport

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"io"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/themis-network/themis/tss/wire"
)

const testChain = "themis-test-1"

// testDir is the chain's view in tests: endpoints and, optionally, sessions that will
// never open here.
type testDir struct {
	mu    sync.Mutex
	urls  map[common.Address]string
	never map[[32]byte]bool
}

func (d *testDir) Endpoint(a common.Address) (string, bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	u, ok := d.urls[a]
	return u, ok
}

func (d *testDir) NeverOpens(id [32]byte) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.never[id]
}

func (d *testDir) set(a common.Address, url string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.urls[a] = url
}

// msg is one Deliver call.
type msg struct {
	from      common.Address
	fromRole  uint8
	toRole    uint8
	round     string
	broadcast bool
	payload   []byte
}

type recorder struct{ ch chan msg }

func newRecorder() *recorder { return &recorder{ch: make(chan msg, 4096)} }

func (r *recorder) Deliver(from common.Address, fromRole, toRole uint8, round string, broadcast bool, payload []byte) {
	r.ch <- msg{from, fromRole, toRole, round, broadcast, bytes.Clone(payload)}
}

func (r *recorder) next(t testing.TB) msg {
	t.Helper()
	select {
	case m := <-r.ch:
		return m
	case <-time.After(5 * time.Second):
		t.Fatal("no delivery within 5 s")
		return msg{}
	}
}

// none asserts nothing is delivered for a short while.
func (r *recorder) none(t testing.TB) {
	t.Helper()
	select {
	case m := <-r.ch:
		t.Fatalf("unexpected delivery: %+v", m)
	case <-time.After(150 * time.Millisecond):
	}
}

type node struct {
	key     *ecdsa.PrivateKey
	addr    common.Address
	tr      *Transport
	url     string
	metrics *Counters
	proofs  chan EquivocationProof
}

func newKey(t testing.TB) *ecdsa.PrivateKey {
	k, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// newNet starts n transports on 127.0.0.1:0, all registered in one directory.
func newNet(t testing.TB, n int, tune func(*Config)) ([]*node, *testDir) {
	t.Helper()
	dir := &testDir{urls: map[common.Address]string{}, never: map[[32]byte]bool{}}
	nodes := make([]*node, n)
	for i := range nodes {
		nodes[i] = startNode(t, dir, newKey(t), tune)
	}
	return nodes, dir
}

func startNode(t testing.TB, dir *testDir, key *ecdsa.PrivateKey, tune func(*Config)) *node {
	t.Helper()
	nd := &node{key: key, addr: crypto.PubkeyToAddress(key.PublicKey), metrics: &Counters{}, proofs: make(chan EquivocationProof, 16)}
	cfg := Config{ChainID: testChain, Self: key, Listen: "127.0.0.1:0", Directory: dir, Metrics: nd.metrics,
		SendTimeout: time.Second, RetryBackoff: 20 * time.Millisecond,
		OnEquivocation: func(p EquivocationProof) { nd.proofs <- p }}
	if tune != nil {
		tune(&cfg)
	}
	tr, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := tr.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(tr.Close)
	nd.tr, nd.url = tr, "http://"+tr.Addr()
	dir.set(nd.addr, nd.url)
	return nd
}

func (n *node) party(role uint8) Party {
	return Party{Address: n.addr, PubKey: &n.key.PublicKey, Role: role}
}

// plainSession is a keygen/signing session of the given nodes, all in role 0.
func plainSession(id byte, nodes ...*node) SessionInfo {
	info := SessionInfo{ID: [32]byte{0xee, id}}
	for _, n := range nodes {
		info.Parties = append(info.Parties, n.party(wire.RoleParty))
	}
	return info
}

func open(t testing.TB, n *node, info SessionInfo) (*Conn, *recorder) {
	t.Helper()
	r := newRecorder()
	c, err := n.tr.Open(info, r)
	if err != nil {
		t.Fatal(err)
	}
	return c, r
}

// craft builds and signs an envelope as key's owner: the adversary's tool.
func craft(t testing.TB, key *ecdsa.PrivateKey, session [32]byte, f func(e *wire.Envelope)) []byte {
	t.Helper()
	e := &wire.Envelope{Version: wire.Version1, ChainID: testChain, SessionID: session, Kind: wire.KindTSS,
		Round: "binance.tsslib.ecdsa.keygen.KGRound1Message", Seq: 1, From: crypto.PubkeyToAddress(key.PublicKey),
		Payload: []byte("commitment")}
	if f != nil {
		f(e)
	}
	if err := wire.Sign(e, key); err != nil {
		t.Fatal(err)
	}
	raw, err := wire.Marshal(e)
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

// post sends raw bytes as one envelope and returns the status and reason token.
func post(t testing.TB, url string, raw []byte) (int, string) {
	t.Helper()
	resp, err := http.Post(url+pathMsg, contentType, bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	reason, _, _ := bytes.Cut(bytes.TrimSpace(body), []byte(":"))
	return resp.StatusCode, string(reason)
}

func expect(t testing.TB, url string, raw []byte, status int, reason string) {
	t.Helper()
	gotStatus, gotReason := post(t, url, raw)
	if gotStatus != status || gotReason != reason {
		t.Fatalf("got %d %q, want %d %q", gotStatus, gotReason, status, reason)
	}
}

// eventually polls cond for up to 5 s.
func eventually(t testing.TB, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// queuedLen is the number of envelopes waiting for unopened sessions.
func (t *Transport) queuedLen() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.queue.len()
}
