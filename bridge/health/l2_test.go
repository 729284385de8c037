package health

import (
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/bridge/l2"
)

type fakeL2 struct {
	mu sync.Mutex
	st l2.Status
}

func (f *fakeL2) Status() l2.Status {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.st
}

func (f *fakeL2) set(st l2.Status) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.st = st
}

// healthyMonitor has the L1 and the chain fine, so only the L2 decides.
func healthyMonitor(c *clock) *Monitor {
	m := NewMonitor(Options{MaxLag: 20, Stale: time.Hour, Now: c.now})
	m.OK(EndpointL1)
	m.OK(EndpointChain)
	return m
}

func report(t *testing.T, m *Monitor) (int, Report, string) {
	t.Helper()
	code, body := get(t, m.Handler(), "/healthz")
	var r Report
	require.NoError(t, json.Unmarshal([]byte(body), &r), body)
	return code, r, body
}

func TestHealthzWithoutL2(t *testing.T) {
	m := healthyMonitor(&clock{t: time.Unix(1_700_000_000, 0)})
	code, r, body := report(t, m)
	require.Equal(t, http.StatusOK, code, body)
	require.Nil(t, r.L2Head)
	require.NotContains(t, body, "l2_")
	_, metrics := get(t, m.Handler(), "/metrics")
	require.NotContains(t, metrics, "themis_bridge_l2_")
}

func TestHealthzL2(t *testing.T) {
	c := &clock{t: time.Unix(1_700_000_000, 0)}
	m := healthyMonitor(c)
	src := &fakeL2{}
	m.WatchL2(src, L2Options{MaxSilence: 30 * time.Second, StallAfter: 60 * time.Second})

	// Not reached yet.
	src.set(l2.Status{LastError: errors.New("connection refused"), PollErrors: 1})
	code, r, body := report(t, m)
	require.Equal(t, http.StatusServiceUnavailable, code)
	require.Equal(t, []string{"l2 not reached yet: connection refused"}, r.Reasons)
	require.Nil(t, r.L2Head)

	// A fresh head.
	hash := common.HexToHash("0xabc")
	head := l2.Head{Height: 42, Hash: hash, Time: 1_699_999_990, ObservedAt: c.t.Add(-5 * time.Second)}
	src.set(l2.Status{Head: head, HasHead: true, LastSuccess: c.t, PollErrors: 1, Highest: 42, HighestAt: head.ObservedAt})
	code, r, body = report(t, m)
	require.Equal(t, http.StatusOK, code, body)
	require.EqualValues(t, 42, *r.L2Head)
	require.Equal(t, hash.Hex(), r.L2HeadHash)
	require.EqualValues(t, 1_699_999_990, *r.L2HeadTime)
	require.InDelta(t, 5.0, *r.L2HeadAgeSeconds, 1e-9)
	require.Equal(t, "2023-11-14T22:13:20Z", r.L2LastSuccess)

	// The node answers but the head has not changed for 61 s: stalled.
	c.t = c.t.Add(56 * time.Second)
	src.set(l2.Status{Head: head, HasHead: true, LastSuccess: c.t, Highest: 42, HighestAt: head.ObservedAt})
	code, r, _ = report(t, m)
	require.Equal(t, http.StatusServiceUnavailable, code)
	require.Equal(t, []string{"l2 stalled: no head above 42 for 1m1s (limit 1m0s)"}, r.Reasons)
	require.InDelta(t, 61.0, *r.L2HeadAgeSeconds, 1e-9)

	// A balancer flipping between two stalled nodes (heads 41 and 42): the head changes
	// on every poll, but nothing is above 42, so it stays stalled.
	flipped := l2.Head{Height: 41, Hash: common.HexToHash("0xdef"), Time: 1_699_999_989, ObservedAt: c.t}
	src.set(l2.Status{Head: flipped, HasHead: true, LastSuccess: c.t, Highest: 42, HighestAt: head.ObservedAt})
	code, r, _ = report(t, m)
	require.Equal(t, http.StatusServiceUnavailable, code)
	require.Equal(t, []string{"l2 stalled: no head above 42 for 1m1s (limit 1m0s)"}, r.Reasons)

	// Unreachable for 31 s: that reason only (the head is kept and shown).
	c.t = c.t.Add(31 * time.Second)
	src.set(l2.Status{Head: head, HasHead: true, LastSuccess: c.t.Add(-31 * time.Second), LastError: errors.New("EOF"), Highest: 42, HighestAt: head.ObservedAt})
	code, r, _ = report(t, m)
	require.Equal(t, http.StatusServiceUnavailable, code)
	require.Equal(t, []string{"l2 unreachable: no successful poll for 31s: EOF"}, r.Reasons)
	require.EqualValues(t, 42, *r.L2Head)

	// Silent but within the limit, head fresh: healthy (a short outage is tolerated).
	newHead := head
	newHead.Height, newHead.ObservedAt = 43, c.t.Add(-time.Second)
	src.set(l2.Status{Head: newHead, HasHead: true, LastSuccess: c.t.Add(-29 * time.Second), LastError: errors.New("EOF"), Highest: 43, HighestAt: newHead.ObservedAt})
	code, _, body = report(t, m)
	require.Equal(t, http.StatusOK, code, body)
}

func TestL2Metrics(t *testing.T) {
	c := &clock{t: time.Unix(1_700_000_000, 0)}
	m := NewMonitor(Options{Now: c.now})
	src := &fakeL2{}
	m.WatchL2(src, L2Options{})
	require.Equal(t, DefaultL2MaxSilence, m.l2.opts.MaxSilence)
	require.Equal(t, DefaultL2StallAfter, m.l2.opts.StallAfter)

	src.set(l2.Status{PollErrors: 3})
	_, body := get(t, m.Handler(), "/metrics")
	require.Contains(t, body, "themis_bridge_l2_poll_errors_total 3")
	require.NotContains(t, body, "themis_bridge_l2_head", "no head yet: no head metrics")

	src.set(l2.Status{HasHead: true, Head: l2.Head{Height: 77, ObservedAt: c.t.Add(-2500 * time.Millisecond)}, PollErrors: 4})
	_, body = get(t, m.Handler(), "/metrics")
	for _, want := range []string{
		"themis_bridge_l2_head 77",
		"themis_bridge_l2_head_age_seconds 2.5",
		"themis_bridge_l2_poll_errors_total 4",
		"# TYPE themis_bridge_l2_poll_errors_total counter",
	} {
		require.True(t, strings.Contains(body, want), "missing %q in\n%s", want, body)
	}
	// The age is computed at scrape time.
	c.t = c.t.Add(10 * time.Second)
	_, body = get(t, m.Handler(), "/metrics")
	require.Contains(t, body, "themis_bridge_l2_head_age_seconds 12.5")

	var nilMon *Monitor
	nilMon.WatchL2(src, L2Options{})
}
