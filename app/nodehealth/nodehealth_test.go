package nodehealth

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/gorilla/mux"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/bridge/l2"
	"github.com/themis-network/themis/tss/engine"
)

type fakeWatcher struct {
	status l2.Status
	calls  int
}

func (f *fakeWatcher) Status() l2.Status { f.calls++; return f.status }

type fakeEngine struct{ report engine.Report }

func (f fakeEngine) Report() engine.Report { return f.report }

var t0 = time.Date(2026, 12, 7, 12, 0, 0, 0, time.UTC)

func serve(t *testing.T, h *Handler) Health {
	t.Helper()
	r := mux.NewRouter()
	Register(r, h)
	rec := httptest.NewRecorder()
	r.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, Route, nil))
	require.Equal(t, http.StatusOK, rec.Code)
	require.Equal(t, "application/json", rec.Header().Get("Content-Type"))
	var out Health
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &out))
	return out
}

func TestNothingConfigured(t *testing.T) {
	got := serve(t, New(Sources{Now: func() time.Time { return t0 }}))
	require.Equal(t, Health{CheckedAt: t0}, got)
}

func TestL2WatcherJudgedAsTheVoteExtensionDoes(t *testing.T) {
	head := l2.Head{Height: 42, Hash: common.HexToHash("0xab")}
	for name, tc := range map[string]struct {
		status  l2.Status
		healthy bool
	}{
		"fresh head":             {l2.Status{Head: head, HasHead: true, LastSuccess: t0.Add(-time.Second)}, true},
		"silent past max":        {l2.Status{Head: head, HasHead: true, LastSuccess: t0.Add(-4 * time.Second)}, false},
		"no head yet":            {l2.Status{LastSuccess: t0}, false},
		"failing, head from old": {l2.Status{Head: head, HasHead: true, LastSuccess: t0.Add(-time.Minute), LastError: errors.New("connection refused"), PollErrors: 7}, false},
	} {
		t.Run(name, func(t *testing.T) {
			w := &fakeWatcher{status: tc.status}
			got := serve(t, New(Sources{L2: w, L2MaxSilence: 3 * time.Second, Now: func() time.Time { return t0 }}))
			require.True(t, got.L2.Configured)
			require.Equal(t, tc.healthy, got.L2.Healthy)
			require.Equal(t, tc.status.PollErrors, got.L2.PollErrors)
			if tc.status.HasHead {
				require.Equal(t, uint64(42), got.L2.HeadHeight)
				require.Equal(t, head.Hash.Hex(), got.L2.HeadHash)
			}
			if tc.status.LastError != nil {
				require.Equal(t, "connection refused", got.L2.LastError)
			}
		})
	}
}

func TestTSSEngineReport(t *testing.T) {
	e := fakeEngine{engine.Report{Ready: true, ShareGeneration: 3, Endpoint: "http://127.0.0.1:7700"}}
	got := serve(t, New(Sources{TSS: e}))
	require.Equal(t, TSSHealth{Configured: true, Ready: true, ShareGeneration: 3, Endpoint: "http://127.0.0.1:7700"}, got.TSS)
}

func TestBridgeAnswers(t *testing.T) {
	for name, tc := range map[string]struct {
		code          int
		body          string
		healthy       bool
		status, error string
	}{
		"healthy":        {200, `{"status":"ok","l1_head":9}`, true, "ok", ""},
		"unhealthy":      {503, `{"status":"unhealthy","reasons":["l1 unreachable"]}`, false, "unhealthy", ""},
		"not a report":   {200, `<html>`, false, "", "not a bridge health report"},
		"other status":   {404, `{"status":"?"}`, false, "?", "HTTP 404"},
		"report too big": {200, `{"status":"ok","x":"` + strings.Repeat("a", maxBridgeReport) + `"}`, false, "", "larger than"},
	} {
		t.Run(name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
				w.WriteHeader(tc.code)
				_, _ = w.Write([]byte(tc.body))
			}))
			defer srv.Close()
			got := serve(t, New(Sources{BridgeURL: srv.URL + "/healthz"})).Bridge
			require.True(t, got.Configured)
			require.Equal(t, tc.healthy, got.Healthy)
			require.Equal(t, tc.status, got.Status)
			if tc.error == "" {
				require.Empty(t, got.Error)
				require.JSONEq(t, tc.body, string(got.Report))
			} else {
				require.Contains(t, got.Error, tc.error)
			}
		})
	}
}

func TestBridgeUnreachableOrSlow(t *testing.T) {
	got := serve(t, New(Sources{BridgeURL: "http://127.0.0.1:1/healthz"})).Bridge
	require.False(t, got.Healthy)
	require.Contains(t, got.Error, "unreachable")

	hang := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { <-hang }))
	defer srv.Close()
	defer close(hang)
	start := time.Now()
	got = serve(t, New(Sources{BridgeURL: srv.URL})).Bridge
	require.Less(t, time.Since(start), 3*bridgeTimeout, "a bridge that never answers costs the request its timeout, no more")
	require.Contains(t, got.Error, "unreachable")
}

// However often the route is asked, the sources are read at most once a second.
func TestReadAtMostOncePerSecond(t *testing.T) {
	now := t0
	w := &fakeWatcher{status: l2.Status{HasHead: true, LastSuccess: t0}}
	bridgeCalls := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		bridgeCalls++
		_, _ = w.Write([]byte(`{"status":"ok"}`))
	}))
	defer srv.Close()
	h := New(Sources{L2: w, L2MaxSilence: time.Hour, BridgeURL: srv.URL, Now: func() time.Time { return now }})
	for i := 0; i < 50; i++ {
		serve(t, h)
	}
	require.Equal(t, 1, w.calls)
	require.Equal(t, 1, bridgeCalls)
	now = now.Add(cacheFor)
	serve(t, h)
	require.Equal(t, 2, w.calls)
	require.Equal(t, 2, bridgeCalls)
}
