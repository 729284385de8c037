package transport

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"

	"github.com/themis-network/themis/tss/wire"
)

// serveMsg is POST /tss/v1/msg: one envelope as the body.
func (t *Transport) serveMsg(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		http.Error(w, "method", http.StatusMethodNotAllowed)
		return
	}
	raw, err := io.ReadAll(http.MaxBytesReader(w, r.Body, wire.MaxEnvelopeLen))
	var out outcome
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		out = verdict(reasonTooLarge, fmt.Sprintf("limit %d bytes", wire.MaxEnvelopeLen))
	case err != nil:
		out = verdict(reasonMalformed, "reading body: "+err.Error())
	default:
		out = t.accept(raw)
	}
	t.count(out)
	if out.reason == reasonUnknownVersion {
		// Tell a peer of another release which versions this one speaks.
		w.Header().Set("Themis-Wire-Versions", strconv.Itoa(int(wire.Version1)))
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(out.status())
	if out.detail != "" {
		_, _ = fmt.Fprintf(w, "%s: %s\n", out.reason, out.detail)
	} else {
		_, _ = fmt.Fprintln(w, out.reason)
	}
}

// accept runs the whole receiving pipeline on one encoded envelope.
func (t *Transport) accept(raw []byte) outcome {
	e, out := t.precheck(raw)
	if out.reason != "" {
		return out
	}
	t.mu.Lock()
	c := t.conns[e.SessionID]
	t.mu.Unlock()
	if c != nil {
		return c.receive(e, raw)
	}
	return t.enqueue(e, raw)
}

// precheck is everything that needs no session: strict decoding, version, chain and
// the sender's signature. It is also what makes queueing safe: an envelope is charged
// to the sender whose key signed it.
func (t *Transport) precheck(raw []byte) (*wire.Envelope, outcome) {
	e, err := wire.Unmarshal(raw)
	switch {
	case errors.Is(err, wire.ErrUnknownVersion):
		return nil, verdict(reasonUnknownVersion, err.Error())
	case err != nil:
		return nil, verdict(reasonMalformed, err.Error())
	}
	if e.ChainID != t.cfg.ChainID {
		return nil, verdict(reasonWrongChain, fmt.Sprintf("%q", e.ChainID))
	}
	if err := wire.Verify(e, e.From); err != nil {
		return nil, verdict(reasonBadSignature, err.Error())
	}
	// Our own envelopes come back only as replays: our other role is served in-process.
	if e.From == t.self {
		return nil, verdict(reasonFromSelf, "")
	}
	return e, outcome{}
}

// enqueue keeps an envelope for a session not opened here yet.
func (t *Transport) enqueue(e *wire.Envelope, raw []byte) outcome {
	if f, ok := t.cfg.Directory.(SessionFilter); ok && f.NeverOpens(e.SessionID) {
		return verdict(reasonForeignSession, "")
	}
	// Only registered sequencers may use queue space: otherwise fresh keys would be
	// free senders, each with its own quota.
	if _, ok := t.cfg.Directory.Endpoint(e.From); !ok {
		return verdict(reasonUnknownSender, e.From.Hex())
	}
	t.mu.Lock()
	if c := t.conns[e.SessionID]; c != nil { // opened meanwhile
		t.mu.Unlock()
		return c.receive(e, raw)
	}
	if t.closed.has(e.SessionID) {
		t.mu.Unlock()
		return verdict(reasonSessionClosed, "")
	}
	dropped, refused := t.queue.add(pendingKey{session: e.SessionID, from: e.From, seq: e.Seq}, raw, t.now())
	t.mu.Unlock()
	for _, r := range dropped {
		t.cfg.Metrics.Dropped(r)
	}
	if refused != "" {
		return verdict(refused, "pending session")
	}
	return verdict(reasonQueued, "")
}

func (t *Transport) count(out outcome) {
	switch out.reason {
	case reasonOK:
		t.cfg.Metrics.Accepted()
	case reasonQueued:
		t.cfg.Metrics.Queued()
	default:
		t.cfg.Metrics.Rejected(out.reason)
	}
}
