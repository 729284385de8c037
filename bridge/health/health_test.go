package health

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

func get(t *testing.T, h http.Handler, path string) (int, string) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
	body, err := io.ReadAll(rec.Result().Body)
	require.NoError(t, err)
	return rec.Code, string(body)
}

func TestHealthz(t *testing.T) {
	c := &clock{t: time.Unix(1_700_000_000, 0)}
	m := NewMonitor(Options{MaxLag: 20, Stale: 30 * time.Second, Now: c.now})
	h := m.Handler()

	code, body := get(t, h, "/healthz")
	require.Equal(t, http.StatusServiceUnavailable, code)
	require.Contains(t, body, "l1 not contacted yet")
	require.Contains(t, body, "chain not contacted yet")

	m.OK(EndpointL1)
	m.OK(EndpointChain)
	m.L1Head(100)
	m.Cursor(90)
	m.OutboxPending(3)
	code, body = get(t, h, "/healthz")
	require.Equal(t, http.StatusOK, code, body)
	var r Report
	require.NoError(t, json.Unmarshal([]byte(body), &r))
	require.Equal(t, "ok", r.Status)
	require.EqualValues(t, 10, *r.LagBlocks)
	require.Equal(t, 3, r.OutboxPending)

	// Lag above the threshold.
	m.L1Head(111)
	code, body = get(t, h, "/healthz")
	require.Equal(t, http.StatusServiceUnavailable, code)
	require.Contains(t, body, "L1 lag 21 blocks exceeds 20")
	m.Cursor(100)

	// L1 down.
	m.Error(EndpointL1, errors.New("connection refused"))
	code, body = get(t, h, "/healthz")
	require.Equal(t, http.StatusServiceUnavailable, code)
	require.Contains(t, body, "l1 unreachable: connection refused")
	m.OK(EndpointL1)

	// Chain silent for too long.
	c.t = c.t.Add(31 * time.Second)
	m.OK(EndpointL1)
	code, body = get(t, h, "/healthz")
	require.Equal(t, http.StatusServiceUnavailable, code)
	require.Contains(t, body, "chain: no successful call")
	m.OK(EndpointChain)

	// A standing problem.
	m.Problem("listener", "staking log 0xab:1 does not decode")
	code, body = get(t, h, "/healthz")
	require.Equal(t, http.StatusServiceUnavailable, code)
	require.Contains(t, body, "does not decode")
	m.Problem("listener", "")
	code, _ = get(t, h, "/healthz")
	require.Equal(t, http.StatusOK, code)

	// Cancellation is not an error.
	m.Error(EndpointChain, context.Canceled)
	code, _ = get(t, h, "/healthz")
	require.Equal(t, http.StatusOK, code)
}

func TestMetricNames(t *testing.T) {
	m := NewMonitor(Options{MaxLag: 5})
	m.L1Head(50)
	m.Cursor(45)
	m.OutboxPending(7)
	m.Relayed(ResultOK, 2)
	m.Relayed(ResultDuplicate, 1)
	m.Error(EndpointL1, errors.New("x"))
	_, body := get(t, m.Handler(), "/metrics")
	for _, want := range []string{
		"themis_bridge_l1_head 50",
		"themis_bridge_l1_cursor 45",
		"themis_bridge_l1_lag_blocks 5",
		"themis_bridge_outbox_pending 7",
		"themis_bridge_last_relay_timestamp_seconds ",
		`themis_bridge_relays_total{result="ok"} 2`,
		`themis_bridge_relays_total{result="duplicate"} 1`,
		`themis_bridge_relays_total{result="not_sequencer"} 0`,
		`themis_bridge_rpc_errors_total{endpoint="l1"} 1`,
		`themis_bridge_rpc_errors_total{endpoint="chain"} 0`,
		"go_goroutines",
	} {
		require.True(t, strings.Contains(body, want), "missing %q in\n%s", want, body)
	}
}

func TestNilMonitor(t *testing.T) {
	var m *Monitor
	m.OK(EndpointL1)
	m.Error(EndpointL1, errors.New("x"))
	m.L1Head(1)
	m.Cursor(1)
	m.OutboxPending(1)
	m.Relayed(ResultOK, 1)
	m.Problem("x", "y")
}

func TestServe(t *testing.T) {
	m := NewMonitor(Options{})
	ctx, cancel := context.WithCancel(context.Background())
	addr, done, err := Serve(ctx, "127.0.0.1:0", m.Handler())
	require.NoError(t, err)
	resp, err := http.Get("http://" + addr.String() + "/healthz")
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, http.StatusServiceUnavailable, resp.StatusCode)
	cancel()
	require.NoError(t, <-done)

	_, _, err = Serve(context.Background(), "256.0.0.1:bad", m.Handler())
	require.Error(t, err)
}
