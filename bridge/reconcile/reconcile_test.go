package reconcile_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/bridge/health"
	"github.com/themis-network/themis/bridge/reconcile"
	slashingtypes "github.com/themis-network/themis/x/slashing/types"
)

// fakeChain is the node as the watcher reads it.
type fakeChain struct {
	mu       sync.Mutex
	height   int64
	byStatus map[slashingtypes.L1ActionStatus][]slashingtypes.L1Action
	low      bool
	pending  []string
	err      error
}

func (c *fakeChain) Actions(_ context.Context, s slashingtypes.L1ActionStatus, limit uint64) ([]slashingtypes.L1Action, uint64, int64, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.err != nil {
		return nil, 0, 0, c.err
	}
	all := c.byStatus[s]
	return all[:min(uint64(len(all)), limit)], uint64(len(all)), c.height, nil
}

func (c *fakeChain) ReserveLow(context.Context) (bool, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.low, c.err
}

func (c *fakeChain) AdminPending(context.Context) ([]string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.pending, c.err
}

// The watcher exports each look as series and as /healthz "divergence" (never making
// the bridge unhealthy), times pending contract changes from when it first saw them,
// and keeps the last good look when the node cannot be read, marked stale after three
// intervals.
func TestWatcherReportsDivergence(t *testing.T) {
	now := time.Date(2026, 12, 7, 6, 0, 0, 0, time.UTC)
	chain := &fakeChain{height: 2000, byStatus: map[slashingtypes.L1ActionStatus][]slashingtypes.L1Action{
		slashingtypes.L1_ACTION_STATUS_QUEUED: {queued(3, 500, "InsufficientRewardReserve"), queued(5, 1990, "")},
		slashingtypes.L1_ACTION_STATUS_PARKED: {{Id: 1}},
	}, low: true, pending: []string{"whitelist 0xab allowed=true"}}
	mon := health.NewMonitor(health.Options{MaxLag: 10, Now: func() time.Time { return now }})
	reg := prometheus.NewRegistry()
	w, err := reconcile.New(reconcile.Config{Monitor: mon, Metrics: reconcile.NewMetrics(reg), Now: func() time.Time { return now }}, chain)
	require.NoError(t, err)

	d, err := w.Step(context.Background())
	require.NoError(t, err)
	require.Equal(t, 2, d.ActionsQueued)
	require.Equal(t, 1, d.ActionsHeld)
	require.Equal(t, 1, d.ActionsParked)
	require.Equal(t, int64(1500), d.OldestQueuedBlocks)
	require.Len(t, d.Warnings, 3, "%q", d.Warnings) // parked, late action 3, reserve; the admin change is new
	require.Equal(t, now.Format(time.RFC3339), d.AdminPendingSince)
	require.Equal(t, 2.0, gauge(t, reg, "themis_bridge_l1_actions", "queued"))
	require.Equal(t, 1.0, gauge(t, reg, "themis_bridge_l1_actions", "held"))
	require.Equal(t, 1.0, gauge(t, reg, "themis_bridge_l1_actions", "parked"))
	require.Equal(t, 0.0, gauge(t, reg, "themis_bridge_l1_actions", "mismatch"))
	report := mon.Check()
	require.NotNil(t, report.Divergence)
	require.Equal(t, d.Warnings, report.Divergence.Warnings)
	for _, r := range report.Reasons {
		require.NotContains(t, r, "PARKED", "divergence never makes the bridge unhealthy")
	}

	// Changes come and go in seconds: the newcomers never look late. Eleven minutes
	// on, the first change is still pending: it, and only it, is late.
	for i := range 11 {
		now = now.Add(time.Minute)
		chain.mu.Lock()
		chain.pending = []string{"whitelist 0xab allowed=true", fmt.Sprintf("whitelist 0x%02d allowed=true", i)}
		chain.mu.Unlock()
		d, err = w.Step(context.Background())
		require.NoError(t, err)
	}
	require.Len(t, d.Warnings, 4, "%q", d.Warnings)
	require.Contains(t, d.Warnings[2], `contract change "whitelist 0xab allowed=true" governance decided is not on L1 after 11m0s (2 pending`)
	require.Equal(t, now.Add(-11*time.Minute).Format(time.RFC3339), d.AdminPendingSince)
	chain.mu.Lock()
	chain.pending = []string{"whitelist 0x10 allowed=true"}
	chain.mu.Unlock()
	now = now.Add(time.Minute)
	d, err = w.Step(context.Background())
	require.NoError(t, err)
	require.Len(t, d.Warnings, 3, "the stuck change settled; the one left is a minute old: %q", d.Warnings)
	chain.mu.Lock()
	chain.pending = []string{"whitelist 0xab allowed=true"}
	chain.mu.Unlock()
	d, err = w.Step(context.Background())
	require.NoError(t, err)
	require.Len(t, d.Warnings, 3, "a change back in the list is new again: %q", d.Warnings)

	// The node fails: an error, and /healthz keeps the last good look.
	chain.mu.Lock()
	chain.err = errors.New("connection refused")
	chain.mu.Unlock()
	_, err = w.Step(context.Background())
	require.ErrorContains(t, err, "connection refused")
	require.Equal(t, d.Warnings, mon.Check().Divergence.Warnings)
	// Three intervals without a good reading: the look shown is marked stale, and
	// the last-success series stays where it was.
	lastOK := gauge(t, reg, "themis_bridge_reconcile_last_success_timestamp_seconds", "")
	now = now.Add(46 * time.Second)
	_, err = w.Step(context.Background())
	require.Error(t, err)
	stale := mon.Check().Divergence.Warnings
	require.Len(t, stale, len(d.Warnings)+1)
	require.Contains(t, stale[len(stale)-1], "stale: the node could not be read for 46s")
	require.Equal(t, lastOK, gauge(t, reg, "themis_bridge_reconcile_last_success_timestamp_seconds", ""))

	// Everything settles: no warnings, the admin clock resets.
	chain.mu.Lock()
	chain.err, chain.low, chain.pending = nil, false, nil
	chain.byStatus = map[slashingtypes.L1ActionStatus][]slashingtypes.L1Action{}
	chain.mu.Unlock()
	d, err = w.Step(context.Background())
	require.NoError(t, err)
	require.Empty(t, d.Warnings)
	require.Empty(t, d.AdminPendingSince)
	require.Equal(t, 0.0, gauge(t, reg, "themis_bridge_reward_reserve_low", ""))
}

// gauge reads one series of a registered gauge (label value "" for an unlabelled one).
func gauge(t *testing.T, reg *prometheus.Registry, name, label string) float64 {
	t.Helper()
	families, err := reg.Gather()
	require.NoError(t, err)
	for _, f := range families {
		if f.GetName() != name {
			continue
		}
		for _, m := range f.GetMetric() {
			if label == "" || (len(m.GetLabel()) == 1 && m.GetLabel()[0].GetValue() == label) {
				return m.GetGauge().GetValue()
			}
		}
	}
	t.Fatalf("no series %s{%s}", name, label)
	return 0
}
