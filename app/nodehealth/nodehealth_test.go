package nodehealth

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
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
		reasons       []string
	}{
		"healthy":        {200, `{"status":"ok","l1_head":9,"outbox_pending":2}`, true, "ok", "", nil},
		"unhealthy":      {503, `{"status":"unhealthy","reasons":["l1 unreachable: Post \"https://mainnet.example.io/v3/SECRETKEY\": EOF"]}`, false, "unhealthy", "", []string{`l1 unreachable: Post "https://…": EOF`}},
		"not a report":   {200, `<html>`, false, "", "not a bridge health report", nil},
		"no status":      {200, `{"a":1}`, false, "", "not a bridge health report", nil},
		"other status":   {404, `{"status":"?"}`, false, "?", "HTTP 404", nil},
		"report too big": {200, `{"status":"ok","x":"` + strings.Repeat("a", maxBridgeReport) + `"}`, false, "", "larger than", nil},
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
			require.Equal(t, tc.reasons, got.Reasons)
			if tc.error == "" {
				require.Empty(t, got.Error)
			} else {
				require.Contains(t, got.Error, tc.error)
			}
		})
	}
}

// What the route publishes carries no URL: not the bridge's, not the L2 node's (an RPC
// provider's key sits in its path), not one a report mentions.
func TestNoURLLeaves(t *testing.T) {
	l2err := errors.New(`Post "https://user:pw@l2.example.io/v2/APIKEY123?token=T": dial tcp 10.0.0.7:8545: i/o timeout`)
	w := &fakeWatcher{status: l2.Status{LastError: l2err, PollErrors: 1}}
	h := New(Sources{L2: w, BridgeURL: "http://127.0.0.1:1/healthz?key=SECRET"})
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, Route, nil))
	body := rec.Body.String()
	for _, secret := range []string{"APIKEY123", "token=T", "pw@", "l2.example.io", "10.0.0.7", "8545", "127.0.0.1", "SECRET", "healthz"} {
		require.NotContains(t, body, secret)
	}
	require.Contains(t, body, `https://…`)
	require.Contains(t, body, `unreachable: connection refused`)
	require.Equal(t, "lookup …: no such host", redactURLs("lookup l2.internal.corp: no such host"))
	require.Equal(t, "read tcp …->…: connection reset", redactURLs("read tcp 127.0.0.1:5555->10.0.0.7:8545: connection reset"))
	require.Equal(t, "dial tcp …: refused", redactURLs("dial tcp [::1]:8545: refused"))
}

// A redirect from whatever answers at the bridge's address is not followed.
func TestBridgeRedirectNotFollowed(t *testing.T) {
	followed := false
	target := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		followed = true
		_, _ = w.Write([]byte(`{"status":"ok"}`))
	}))
	defer target.Close()
	redirector := httptest.NewServer(http.RedirectHandler(target.URL, http.StatusFound))
	defer redirector.Close()
	got := serve(t, New(Sources{BridgeURL: redirector.URL})).Bridge
	require.False(t, followed)
	require.False(t, got.Healthy)
	require.Contains(t, got.Error, "HTTP 302")
}

// A client that hangs up does not cancel the refresh: the answer cached for everyone
// is the bridge's, not "context canceled".
func TestCallerCancellationDoesNotPoisonTheCache(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		time.Sleep(50 * time.Millisecond)
		_, _ = w.Write([]byte(`{"status":"ok"}`))
	}))
	defer srv.Close()
	h := New(Sources{BridgeURL: srv.URL})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, Route, nil).WithContext(ctx))
	got := serve(t, h).Bridge
	require.True(t, got.Healthy, "%+v", got)
}

// While a slow refresh runs, callers get the last answer at once instead of queueing.
func TestSlowBridgeDoesNotQueueCallers(t *testing.T) {
	var slow atomic.Bool
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		if slow.Load() {
			time.Sleep(800 * time.Millisecond)
		}
		_, _ = w.Write([]byte(`{"status":"ok"}`))
	}))
	defer srv.Close()
	var now atomic.Int64
	now.Store(t0.UnixNano())
	h := New(Sources{BridgeURL: srv.URL, Now: func() time.Time { return time.Unix(0, now.Load()) }})
	require.True(t, serve(t, h).Bridge.Healthy)
	slow.Store(true)
	now.Add(int64(2 * cacheFor))
	go h.current() // the refresh, held up by the bridge
	time.Sleep(50 * time.Millisecond)
	start := time.Now()
	var wg sync.WaitGroup
	for range 20 {
		wg.Add(1)
		go func() { defer wg.Done(); _ = h.current() }()
	}
	wg.Wait()
	require.Less(t, time.Since(start), 300*time.Millisecond, "callers during a refresh get the last answer")
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
