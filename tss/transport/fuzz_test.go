package transport

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"
	"time"

	"github.com/themis-network/themis/tss/wire"
)

// FuzzAccept feeds arbitrary bodies to the whole receiving pipeline of an open
// session (decode, version, chain, signature, session rules, echo decoding, ECIES):
// it never panics and always answers with a known reason.
func FuzzAccept(f *testing.F) {
	nodes, _ := newNet(f, 2, func(c *Config) { c.SendTimeout = 50 * time.Millisecond })
	info := plainSession(0x99, nodes...)
	if _, err := nodes[0].tr.Open(info, newRecorder()); err != nil {
		f.Fatal(err)
	}
	f.Add(craft(f, nodes[1].key, info.ID, nil))
	f.Add(craft(f, nodes[1].key, info.ID, func(e *wire.Envelope) {
		e.Kind, e.Round = wire.KindEcho, wire.EchoRound
		e.Payload, _ = wire.MarshalEcho(wire.Echo{Origin: nodes[0].addr, Round: "r"})
	}))
	f.Add(craft(f, nodes[1].key, info.ID, func(e *wire.Envelope) { e.To, e.Payload = nodes[0].addr, []byte{4, 1, 2} }))
	f.Add([]byte{0, 1})
	f.Fuzz(func(t *testing.T, raw []byte) {
		out := nodes[0].tr.accept(raw)
		if _, ok := reasonStatus[out.reason]; !ok {
			t.Fatalf("unknown reason %q", out.reason)
		}
	})
}

// FuzzServeEnvelope: arbitrary query strings never panic the fetch endpoint.
func FuzzServeEnvelope(f *testing.F) {
	nodes, _ := newNet(f, 2, nil)
	info := plainSession(0x9a, nodes...)
	if _, err := nodes[0].tr.Open(info, newRecorder()); err != nil {
		f.Fatal(err)
	}
	f.Add("session=ee9a000000000000000000000000000000000000000000000000000000000000&from=" + nodes[1].addr.Hex() + "&role=0&round=r")
	f.Add("role=300")
	f.Fuzz(func(t *testing.T, q string) {
		w := httptest.NewRecorder()
		r := &http.Request{Method: http.MethodGet, URL: &url.URL{Path: pathEnvelope, RawQuery: q}}
		nodes[0].tr.serveEnvelope(w, r)
		if w.Code != http.StatusOK && w.Code != http.StatusNotFound && w.Code != http.StatusBadRequest {
			t.Fatalf("status %d", w.Code)
		}
	})
}
