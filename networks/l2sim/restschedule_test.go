package l2sim

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/ethereum/go-ethereum/common"
)

const sampleEpoch = `{"epoch":{"id":"7","start_height":"141","end_height":"160","producer_id":"2",` +
	`"signer":"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed","reason":"ROTATION_REASON_SCHEDULED",` +
	`"seed":"c2VlZA==","decided_height":"35","future_field":{"x":[1,2]}}}`

func TestRESTSchedule(t *testing.T) {
	answers := map[string]struct {
		status int
		body   string
	}{
		"150": {200, sampleEpoch},
		"141": {200, sampleEpoch},
		"999": {404, `{"code":5,"message":"no epoch covers L2 height 999","details":[]}`},
		"998": {404, ``},
		"997": {500, `{"code":5,"message":"not found","details":[]}`},
		"996": {500, `{"code":13,"message":"internal","details":[]}`},
		"995": {200, `{"epoch":{"id":"7"`},
		"994": {200, `{"epoch":null}`},
		"993": {502, `<html>bad gateway</html>`},
		"170": {200, sampleEpoch}, // an epoch that does not cover the height asked
	}
	var mu sync.Mutex
	var paths []string
	queried := func() []string { mu.Lock(); defer mu.Unlock(); return append([]string{}, paths...) }
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		paths = append(paths, r.URL.Path)
		mu.Unlock()
		h := strings.TrimPrefix(r.URL.Path, "/themis/epoch/v1/producer/")
		a, ok := answers[h]
		if !ok {
			t.Errorf("unexpected path %s", r.URL.Path)
			w.WriteHeader(400)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(a.status)
		w.Write([]byte(a.body))
	}))
	defer srv.Close()
	s, err := NewRESTSchedule(srv.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()

	p, ok, err := s.ProducerAt(ctx, 150)
	if err != nil || !ok {
		t.Fatalf("200: ok %v, err %v", ok, err)
	}
	want := Producer{EpochID: 7, SequencerID: 2, Signer: common.HexToAddress("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"), StartHeight: 141, EndHeight: 160}
	if p != want {
		t.Fatalf("got %+v, want %+v", p, want)
	}
	if q := queried(); q[0] != "/themis/epoch/v1/producer/150" {
		t.Fatalf("queried %s", q[0])
	}
	for _, h := range []uint64{999, 998, 997} {
		if _, ok, err := s.ProducerAt(ctx, h); ok || err != nil {
			t.Errorf("height %d (not found): ok %v, err %v", h, ok, err)
		}
	}
	for h, wantInErr := range map[uint64]string{
		996: "internal", 995: "not a producer response", 994: `no "epoch"`, 993: "HTTP 502", 170: "not the 170",
	} {
		_, ok, err := s.ProducerAt(ctx, h)
		if err == nil || ok || !strings.Contains(err.Error(), wantInErr) {
			t.Errorf("height %d: ok %v, err %v; want an error with %q", h, ok, err, wantInErr)
		}
	}
	// Nothing is cached: asking again asks again.
	before := len(queried())
	s.ProducerAt(ctx, 150)
	if len(queried()) != before+1 {
		t.Error("a second query for the same height was answered from a cache")
	}

	if _, err := NewRESTSchedule("127.0.0.1:1317"); err == nil {
		t.Error("a base without scheme accepted")
	}
	down := &RESTSchedule{BaseURL: "http://127.0.0.1:1"}
	if _, _, err := down.ProducerAt(ctx, 1); err == nil {
		t.Error("an unreachable chain API gave no error")
	}
}

func TestDecodeProducerResponseFields(t *testing.T) {
	for name, body := range map[string]string{
		"missing signer":    `{"epoch":{"id":"7","start_height":"1","end_height":"2","producer_id":"2"}}`,
		"missing id":        `{"epoch":{"start_height":"1","end_height":"2","producer_id":"2","signer":"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"}}`,
		"negative":          `{"epoch":{"id":"-7","start_height":"1","end_height":"2","producer_id":"2","signer":"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"}}`,
		"overflow":          `{"epoch":{"id":"18446744073709551616","start_height":"1","end_height":"2","producer_id":"2","signer":"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"}}`,
		"short signer":      `{"epoch":{"id":"7","start_height":"1","end_height":"2","producer_id":"2","signer":"0x5aAe"}}`,
		"no 0x":             `{"epoch":{"id":"7","start_height":"1","end_height":"2","producer_id":"2","signer":"5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"}}`,
		"zero signer":       `{"epoch":{"id":"7","start_height":"1","end_height":"2","producer_id":"2","signer":"0x0000000000000000000000000000000000000000"}}`,
		"ends before start": `{"epoch":{"id":"7","start_height":"3","end_height":"2","producer_id":"2","signer":"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"}}`,
	} {
		if _, ok, err := DecodeProducerResponse(200, []byte(body), 1); err == nil || ok {
			t.Errorf("%s: ok %v, err %v", name, ok, err)
		}
	}
	// A cancelled epoch schedules nobody (its end may even lie before its start).
	if _, ok, err := DecodeProducerResponse(200, []byte(`{"epoch":{"id":"7","start_height":"5","end_height":"4","producer_id":"2","signer":"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed","cancelled":true}}`), 5); ok || err != nil {
		t.Errorf("cancelled epoch: ok %v, err %v", ok, err)
	}
	// Plain JSON numbers are read too, and an end of 0 is open-ended.
	p, ok, err := DecodeProducerResponse(200, []byte(`{"epoch":{"id":7,"start_height":1,"end_height":"0","producer_id":2,"signer":"0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"}}`), 500)
	if err != nil || !ok || p.EpochID != 7 || p.EndHeight != 0 {
		t.Fatalf("got %+v %v %v", p, ok, err)
	}
}

// FuzzDecodeProducerResponse: the chain API's answer is outside input. Never panic; an
// accepted answer names a non-zero signer and an epoch covering the height asked.
func FuzzDecodeProducerResponse(f *testing.F) {
	f.Add(200, []byte(sampleEpoch), uint64(150))
	f.Add(404, []byte(`{"code":5,"message":"x"}`), uint64(1))
	f.Add(200, []byte(`{"code":5}`), uint64(1))
	f.Add(500, []byte(`{"code":"5"}`), uint64(1))
	f.Add(200, []byte(`{"epoch":{"id":"1","start_height":"1","end_height":"0","producer_id":"1","signer":"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"}}`), uint64(1<<63))
	f.Add(200, []byte(`{"epoch":{}}`), uint64(0))
	f.Fuzz(func(t *testing.T, status int, body []byte, height uint64) {
		p, ok, err := DecodeProducerResponse(status, body, height)
		if err != nil && ok {
			t.Fatal("ok with an error")
		}
		if ok {
			if p.Signer == (common.Address{}) || !p.Covers(height) {
				t.Fatalf("accepted %+v for height %d", p, height)
			}
		}
	})
}
