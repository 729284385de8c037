package transport

import (
	"context"
	"crypto/rand"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/themis-network/themis/tss/wire"
)

func TestEchoStatusCompletes(t *testing.T) {
	nodes, _ := newNet(t, 4, nil)
	info := plainSession(11, nodes...)
	conns := make([]*Conn, len(nodes))
	for i, n := range nodes {
		conns[i], _ = open(t, n, info)
	}
	if st := conns[0].EchoStatus(); !st.Complete {
		t.Fatalf("before any broadcast: %+v", st)
	}
	for i, c := range conns {
		if err := c.Send(context.Background(), round1, wire.RoleParty, nil, []byte{byte(i)}); err != nil {
			t.Fatal(err)
		}
	}
	for i, c := range conns {
		eventually(t, "complete echoes", func() bool { return c.EchoStatus().Complete })
		if st := c.EchoStatus(); len(st.Missing) != 0 || len(st.Conflicts) != 0 {
			t.Fatalf("node %d: %+v", i, st)
		}
	}
}

func TestEchoStatusReportsMissing(t *testing.T) {
	nodes, dir := newNet(t, 3, nil)
	info := plainSession(12, nodes...)
	c0, _ := open(t, nodes[0], info)
	c1, r1 := open(t, nodes[1], info)
	dir.set(nodes[2].addr, "http://127.0.0.1:1") // party 2 is down
	_ = c0.Send(context.Background(), round1, wire.RoleParty, nil, []byte("c"))
	r1.next(t)
	want := Slot{Origin: nodes[0].addr, Round: round1}
	for _, c := range []*Conn{c0, c1} {
		eventually(t, "echo from 1 at 0", func() bool {
			st := c.EchoStatus()
			return len(st.Missing) == 1 && len(st.Missing[0].Parties) == 1
		})
		st := c.EchoStatus()
		m := st.Missing[0]
		if st.Complete || m.Slot != want || m.NotReceived || m.Parties[0] != nodes[2].addr {
			t.Fatalf("%+v", st)
		}
	}
}

// twoVersions is an equivocating origin's pair of broadcasts for one slot.
func twoVersions(t *testing.T, m *node, session [32]byte) (a, b []byte) {
	a = craft(t, m.key, session, func(e *wire.Envelope) { e.Seq, e.Payload = 1000, []byte("commitment A") })
	b = craft(t, m.key, session, func(e *wire.Envelope) { e.Seq, e.Payload = 1001, []byte("commitment B") })
	return a, b
}

// The origin sends one commitment to some parties and another to the rest. Echoes
// disagree, each honest node fetches the other version from a peer, and holds two
// broadcasts signed by the origin for one slot: a proof anyone can check.
func TestEquivocatingBroadcasterCaught(t *testing.T) {
	nodes, _ := newNet(t, 4, nil)
	m := nodes[3] // the equivocator: a party with a registered endpoint
	info := plainSession(13, nodes...)
	conns := make([]*Conn, 3)
	for i := range conns {
		conns[i], _ = open(t, nodes[i], info)
	}
	open(t, m, info)
	a, b := twoVersions(t, m, info.ID)
	expect(t, nodes[0].url, a, http.StatusOK, reasonOK)
	expect(t, nodes[1].url, b, http.StatusOK, reasonOK)
	expect(t, nodes[2].url, a, http.StatusOK, reasonOK)

	for i := range conns {
		select {
		case p := <-nodes[i].proofs:
			if err := wire.VerifyEquivocationProof(p.Proof, testChain, m.addr); err != nil {
				t.Fatalf("node %d: proof does not verify: %v", i, err)
			}
			if p.Slot != (Slot{Origin: m.addr, Round: round1}) || p.Session != info.ID {
				t.Fatalf("node %d: proof about %+v", i, p.Slot)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("node %d caught nothing", i)
		}
		eventually(t, "conflict shown as proven", func() bool {
			st := conns[i].EchoStatus()
			return len(st.Conflicts) > 0 && st.Conflicts[0].Proven && st.Conflicts[0].Slot.Origin == m.addr
		})
	}
	for i := range conns { // one proof per slot, not one per conflicting echo
		select {
		case <-nodes[i].proofs:
			t.Fatalf("node %d reported twice", i)
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// Two versions sent to the same node: the second is refused and is itself the proof.
func TestEquivocationToOneNodeCaughtDirectly(t *testing.T) {
	nodes, _ := newNet(t, 2, nil)
	info := plainSession(14, nodes...)
	_, r0 := open(t, nodes[0], info)
	a, b := twoVersions(t, nodes[1], info.ID)
	expect(t, nodes[0].url, a, http.StatusOK, reasonOK)
	expect(t, nodes[0].url, b, http.StatusBadRequest, reasonEquivocation)
	p := <-nodes[0].proofs
	if err := wire.VerifyEquivocationProof(p.Proof, testChain, nodes[1].addr); err != nil {
		t.Fatal(err)
	}
	if m := r0.next(t); string(m.payload) != "commitment A" {
		t.Fatalf("delivered %q", m.payload)
	}
	r0.none(t)
}

// A party that lies in its echo (claims a digest nobody signed) makes a conflict, but
// no proof: whatever it serves when asked, the honest origin is never blamed.
func TestLyingEchoerDoesNotBlameOrigin(t *testing.T) {
	for _, serves := range []string{"nothing", "the genuine broadcast", "a forged broadcast"} {
		t.Run(serves, func(t *testing.T) {
			nodes, dir := newNet(t, 2, nil)
			liarKey := newKey(t)
			liar := &node{key: liarKey, addr: crypto.PubkeyToAddress(liarKey.PublicKey)}
			info := plainSession(15, nodes[0], nodes[1], liar)
			c0, _ := open(t, nodes[0], info)
			c1, r1 := open(t, nodes[1], info)

			var genuine []byte
			forged := craft(t, liarKey, info.ID, func(e *wire.Envelope) { e.Payload = []byte("what the liar claims") })
			fe, _ := wire.Unmarshal(forged)
			fe.From = nodes[0].addr // keeps the liar's signature
			forged, _ = wire.Marshal(fe)
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.Method == http.MethodGet {
					switch serves {
					case "the genuine broadcast":
						if genuine != nil {
							_, _ = w.Write(genuine)
							return
						}
					case "a forged broadcast":
						_, _ = w.Write(forged)
						return
					}
					http.NotFound(w, r)
					return
				}
				w.WriteHeader(http.StatusOK) // swallows what it is sent
			}))
			defer srv.Close()
			dir.set(liar.addr, srv.URL)

			if err := c0.Send(context.Background(), round1, wire.RoleParty, nil, []byte("honest commitment")); err != nil {
				t.Fatal(err)
			}
			r1.next(t)
			genuine, _ = c1.storedBroadcast(Slot{Origin: nodes[0].addr, Round: round1})
			var lie [32]byte
			_, _ = rand.Read(lie[:])
			echo := craft(t, liarKey, info.ID, func(e *wire.Envelope) {
				e.Kind, e.Round, e.Seq = wire.KindEcho, wire.EchoRound, 5
				e.Payload, _ = wire.MarshalEcho(wire.Echo{Origin: nodes[0].addr, Round: round1, Hash: lie})
			})
			expect(t, nodes[1].url, echo, http.StatusOK, reasonOK)
			eventually(t, "the conflict", func() bool { return len(c1.EchoStatus().Conflicts) == 1 })
			select {
			case p := <-nodes[1].proofs:
				t.Fatalf("origin blamed on a lie: %+v", p)
			case <-time.After(300 * time.Millisecond):
			}
			st := c1.EchoStatus()
			if c := st.Conflicts[0]; c.Proven || c.Peer != liar.addr || c.Theirs != lie || st.Complete {
				t.Fatalf("%+v", st)
			}
		})
	}
}

// storedBroadcast is what c would serve a peer for s.
func (c *Conn) storedBroadcast(s Slot) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.store.get(s)
}

// Echoes are statements by parties about other parties' broadcasts; anything else is
// refused, and a party cannot take its echo back.
func TestEchoAbuseRejected(t *testing.T) {
	nodes, info, recs := setup3(t)
	echo := func(seq uint32, m wire.Echo) []byte {
		return craft(t, nodes[1].key, info.ID, func(e *wire.Envelope) {
			e.Kind, e.Round, e.Seq = wire.KindEcho, wire.EchoRound, seq
			e.Payload, _ = wire.MarshalEcho(m)
		})
	}
	outsider := newKey(t)
	expect(t, nodes[0].url, echo(1, wire.Echo{Origin: crypto.PubkeyToAddress(outsider.PublicKey), Round: round1}), http.StatusBadRequest, reasonBadEcho)
	expect(t, nodes[0].url, echo(2, wire.Echo{Origin: nodes[1].addr, Round: round1}), http.StatusBadRequest, reasonBadEcho)
	expect(t, nodes[0].url, echo(3, wire.Echo{Origin: nodes[2].addr, Role: wire.RoleOld, Round: round1}), http.StatusBadRequest, reasonBadEcho)
	garbage := craft(t, nodes[1].key, info.ID, func(e *wire.Envelope) {
		e.Kind, e.Round, e.Seq, e.Payload = wire.KindEcho, wire.EchoRound, 4, []byte("not an echo")
	})
	expect(t, nodes[0].url, garbage, http.StatusBadRequest, reasonBadEcho)
	expect(t, nodes[0].url, echo(5, wire.Echo{Origin: nodes[2].addr, Round: round1, Hash: [32]byte{1}}), http.StatusOK, reasonOK)
	expect(t, nodes[0].url, echo(6, wire.Echo{Origin: nodes[2].addr, Round: round1, Hash: [32]byte{2}}), http.StatusBadRequest, reasonEchoChanged)
	recs[0].none(t) // echoes are never delivered to the engine
}

// A party inventing rounds cannot grow a session's echo state without bound, nor its
// replay state.
func TestSessionStateBounded(t *testing.T) {
	tr := newEchoTracker()
	for i := range maxSlots {
		if _, _, ok := tr.addEcho(Slot{Origin: common.Address{1}, Round: fmt.Sprint(i)}, common.Address{2}, [32]byte{}); !ok {
			t.Fatalf("slot %d refused", i)
		}
	}
	if _, _, ok := tr.addEcho(Slot{Origin: common.Address{1}, Round: "one more"}, common.Address{2}, [32]byte{}); ok {
		t.Fatal("slot past the bound accepted")
	}
	if _, ok := tr.setOurs(Slot{Origin: common.Address{1}, Round: "one more"}, [32]byte{}); ok {
		t.Fatal("slot past the bound accepted")
	}
	seen := seenSeqs{}
	for i := range maxSeqsPerSender {
		seen.add(common.Address{1}, uint32(i))
	}
	if !seen.full(common.Address{1}) || seen.full(common.Address{2}) {
		t.Fatal("seq budget not per sender")
	}
}

// A runner that stops consuming slows its peers down (busy, retried) instead of
// growing memory.
func TestSlowHandlerMakesSendersWait(t *testing.T) {
	nodes, info, conns, _ := setup3Conns(t)
	c := conns[0]
	c.mu.Lock()
	for range maxUndelivered {
		c.inbox = append(c.inbox, delivery{})
	}
	c.mu.Unlock()
	raw := craft(t, nodes[1].key, info.ID, nil)
	expect(t, nodes[0].url, raw, http.StatusServiceUnavailable, reasonBusy)
	c.mu.Lock()
	c.inbox = nil
	c.mu.Unlock()
	expect(t, nodes[0].url, raw, http.StatusOK, reasonOK) // the same envelope, retried, is not a replay
}
