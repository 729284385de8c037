package transport

import (
	"bytes"
	"context"
	"encoding/binary"
	"net/http"
	"testing"

	"github.com/themis-network/themis/tss/wire"
)

// setup3 opens one plain session of three nodes; node 0 is usually the victim.
func setup3(t *testing.T) ([]*node, SessionInfo, []*recorder) {
	nodes, info, _, recs := setup3Conns(t)
	return nodes, info, recs
}

func setup3Conns(t *testing.T) ([]*node, SessionInfo, []*Conn, []*recorder) {
	nodes, _ := newNet(t, 3, nil)
	info := plainSession(9, nodes...)
	conns, recs := make([]*Conn, 3), make([]*recorder, 3)
	for i, n := range nodes {
		conns[i], recs[i] = open(t, n, info)
	}
	return nodes, info, conns, recs
}

// An attacker signs an envelope in a party's name with its own key, or alters a
// party's signed envelope: neither is delivered, neither is queued.
func TestForgedSignatureRejected(t *testing.T) {
	nodes, info, recs := setup3(t)
	attacker := newKey(t)
	forged := craft(t, attacker, info.ID, nil)
	e, _ := wire.Unmarshal(forged)
	e.From = nodes[1].addr // claim to be party 1, keep the attacker's signature
	forgedRaw, _ := wire.Marshal(e)
	expect(t, nodes[0].url, forgedRaw, http.StatusBadRequest, reasonBadSignature)

	genuine := craft(t, nodes[1].key, info.ID, nil)
	altered := bytes.Clone(genuine)
	altered[len(altered)-wire.SignatureLen-1] ^= 1 // last payload byte
	expect(t, nodes[0].url, altered, http.StatusBadRequest, reasonBadSignature)

	// For a session not open yet, a forgery is not queued either.
	pending := craft(t, attacker, [32]byte{0x55}, nil)
	p, _ := wire.Unmarshal(pending)
	p.From = nodes[1].addr
	pendingRaw, _ := wire.Marshal(p)
	expect(t, nodes[0].url, pendingRaw, http.StatusBadRequest, reasonBadSignature)
	if nodes[0].tr.queuedLen() != 0 {
		t.Fatal("forgery was queued")
	}
	recs[0].none(t)
}

func TestReplayedEnvelopeRejected(t *testing.T) {
	nodes, info, conns, recs := setup3Conns(t)
	raw := craft(t, nodes[1].key, info.ID, nil)
	expect(t, nodes[0].url, raw, http.StatusOK, reasonOK)
	recs[0].next(t)
	expect(t, nodes[0].url, raw, http.StatusConflict, reasonReplayed)
	// Same content under a new seq: the slot is taken, nothing is delivered twice.
	again := craft(t, nodes[1].key, info.ID, func(e *wire.Envelope) { e.Seq = 2 })
	expect(t, nodes[0].url, again, http.StatusConflict, reasonDuplicateRound)
	// A point-to-point message replayed is refused the same way.
	to := nodes[0].party(wire.RoleParty)
	if err := conns[1].Send(context.Background(), round2p2p, wire.RoleParty, &to, []byte("share")); err != nil {
		t.Fatal(err)
	}
	recs[0].next(t)
	p2p := sealedTo(t, nodes[1], nodes[0], info.ID, 77, round2p2p, []byte("share"))
	expect(t, nodes[0].url, p2p, http.StatusConflict, reasonDuplicateRound)
	recs[0].none(t)
	if n := nodes[0].metrics.Snapshot().Rejected[reasonReplayed]; n != 1 {
		t.Fatalf("replays counted: %d", n)
	}
}

// sealedTo is a point-to-point envelope from a to b, sealed and signed.
func sealedTo(t *testing.T, a, b *node, session [32]byte, seq uint32, round string, pt []byte) []byte {
	t.Helper()
	e := &wire.Envelope{Version: wire.Version1, ChainID: testChain, SessionID: session, Kind: wire.KindTSS,
		Round: round, Seq: seq, From: a.addr, To: b.addr}
	if err := wire.SealFor(&b.key.PublicKey, e, pt); err != nil {
		t.Fatal(err)
	}
	if err := wire.Sign(e, a.key); err != nil {
		t.Fatal(err)
	}
	raw, _ := wire.Marshal(e)
	return raw
}

// A registered sequencer that is not in this session, and a party claiming a role it
// does not hold, are refused.
func TestOutOfSessionSenderRejected(t *testing.T) {
	nodes, dir := newNet(t, 3, nil)
	info := plainSession(4, nodes[0], nodes[1])
	_, r0 := open(t, nodes[0], info)
	outsider := nodes[2]
	if _, ok := dir.Endpoint(outsider.addr); !ok {
		t.Fatal("premise: the outsider is a registered sequencer")
	}
	expect(t, nodes[0].url, craft(t, outsider.key, info.ID, nil), http.StatusForbidden, reasonNotAParty)
	wrongRole := craft(t, nodes[1].key, info.ID, func(e *wire.Envelope) { e.FromRole = wire.RoleOld })
	expect(t, nodes[0].url, wrongRole, http.StatusForbidden, reasonNotAParty)
	echo := craft(t, outsider.key, info.ID, func(e *wire.Envelope) {
		e.Kind, e.Round = wire.KindEcho, wire.EchoRound
		e.Payload, _ = wire.MarshalEcho(wire.Echo{Origin: nodes[1].addr, Round: round1})
	})
	expect(t, nodes[0].url, echo, http.StatusForbidden, reasonNotAParty)
	r0.none(t)
}

func TestWrongChainRejected(t *testing.T) {
	nodes, info, recs := setup3(t)
	raw := craft(t, nodes[1].key, info.ID, func(e *wire.Envelope) { e.ChainID = "themis-other-1" })
	expect(t, nodes[0].url, raw, http.StatusBadRequest, reasonWrongChain)
	recs[0].none(t)
}

// A peer of a later release speaks version 2: it is told, specifically, and learns
// which versions this node speaks.
func TestUnknownVersionRejected(t *testing.T) {
	nodes, info, _ := setup3(t)
	raw := craft(t, nodes[1].key, info.ID, nil)
	binary.BigEndian.PutUint16(raw, 2)
	resp, err := http.Post(nodes[0].url+pathMsg, contentType, bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusBadRequest || resp.Header.Get("Themis-Wire-Versions") != "1" {
		t.Fatalf("got %d, versions %q", resp.StatusCode, resp.Header.Get("Themis-Wire-Versions"))
	}
	expect(t, nodes[0].url, raw, http.StatusBadRequest, reasonUnknownVersion)
	expect(t, nodes[0].url, []byte{0, 3}, http.StatusBadRequest, reasonUnknownVersion)
}

// A point-to-point envelope for party 2, delivered (or relayed) to party 0, is refused;
// its ciphertext moved into a fresh envelope to party 0 does not open.
func TestPointToPointForOtherRecipientRejected(t *testing.T) {
	nodes, info, recs := setup3(t)
	for2 := sealedTo(t, nodes[1], nodes[2], info.ID, 5, round2p2p, []byte("share for 2"))
	expect(t, nodes[0].url, for2, http.StatusForbidden, reasonNotForUs)

	e, _ := wire.Unmarshal(for2)
	e.To, e.Seq = nodes[0].addr, 6
	if err := wire.Sign(e, nodes[1].key); err != nil { // even the sender cannot redirect it
		t.Fatal(err)
	}
	moved, _ := wire.Marshal(e)
	expect(t, nodes[0].url, moved, http.StatusBadRequest, reasonDecryptFailed)

	wrongRole := sealedTo(t, nodes[1], nodes[0], info.ID, 7, round2p2p, []byte("x"))
	w, _ := wire.Unmarshal(wrongRole)
	w.ToRole = wire.RoleNew
	_ = wire.Sign(w, nodes[1].key)
	wrongRoleRaw, _ := wire.Marshal(w)
	expect(t, nodes[0].url, wrongRoleRaw, http.StatusForbidden, reasonNotForUs)
	recs[0].none(t)
}

// tss-lib keeps the last message per sender and round; the transport keeps the first.
func TestSecondPointToPointInRoundRejected(t *testing.T) {
	nodes, info, recs := setup3(t)
	expect(t, nodes[0].url, sealedTo(t, nodes[1], nodes[0], info.ID, 1, round2p2p, []byte("first")), http.StatusOK, reasonOK)
	expect(t, nodes[0].url, sealedTo(t, nodes[1], nodes[0], info.ID, 2, round2p2p, []byte("second")), http.StatusConflict, reasonDuplicateRound)
	if m := recs[0].next(t); string(m.payload) != "first" {
		t.Fatalf("delivered %q", m.payload)
	}
	recs[0].none(t)
}

func TestMalformedEnvelopeRejected(t *testing.T) {
	nodes, info, _ := setup3(t)
	good := craft(t, nodes[1].key, info.ID, nil)
	for name, raw := range map[string][]byte{
		"empty":     nil,
		"garbage":   append([]byte{0, 1}, "GET / HTTP/1.1"...),
		"truncated": good[:len(good)-1],
		"trailing":  append(bytes.Clone(good), 0),
	} {
		t.Run(name, func(t *testing.T) {
			expect(t, nodes[0].url, raw, http.StatusBadRequest, reasonMalformed)
		})
	}
}

func TestOversizedBodyRejected(t *testing.T) {
	nodes, _, _ := setup3(t)
	huge := make([]byte, wire.MaxEnvelopeLen+1)
	huge[1] = 1 // version 1
	expect(t, nodes[0].url, huge, http.StatusRequestEntityTooLarge, reasonTooLarge)
}

// Our own signed broadcast reflected back at us is not delivered to our own party.
func TestOwnEnvelopeReflectedRejected(t *testing.T) {
	nodes, info, recs := setup3(t)
	expect(t, nodes[0].url, craft(t, nodes[0].key, info.ID, nil), http.StatusForbidden, reasonFromSelf)
	recs[0].none(t)
}

func TestClosedSessionRejected(t *testing.T) {
	nodes, _ := newNet(t, 2, nil)
	info := plainSession(5, nodes...)
	c0, r0 := open(t, nodes[0], info)
	c0.Close()
	expect(t, nodes[0].url, craft(t, nodes[1].key, info.ID, nil), http.StatusGone, reasonSessionClosed)
	if nodes[0].tr.queuedLen() != 0 {
		t.Fatal("envelope for a closed session was queued")
	}
	if _, err := nodes[0].tr.Open(info, newRecorder()); err == nil {
		t.Fatal("a closed session reopened")
	}
	r0.none(t)
}

// An unregistered key is no sequencer: it gets no queue space at all.
func TestUnregisteredSenderNotQueued(t *testing.T) {
	nodes, _ := newNet(t, 1, nil)
	expect(t, nodes[0].url, craft(t, newKey(t), [32]byte{1}, nil), http.StatusServiceUnavailable, reasonUnknownSender)
	if nodes[0].tr.queuedLen() != 0 {
		t.Fatal("queued")
	}
}

// A session the chain says this node will never open (finished, or not ours) is not
// queued: old signed envelopes replayed at us cannot crowd out pending ones.
func TestForeignSessionNotQueued(t *testing.T) {
	nodes, dir := newNet(t, 2, nil)
	old := [32]byte{0x0f}
	dir.never[old] = true
	expect(t, nodes[0].url, craft(t, nodes[1].key, old, nil), http.StatusGone, reasonForeignSession)
	if nodes[0].tr.queuedLen() != 0 {
		t.Fatal("queued")
	}
}
