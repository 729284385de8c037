package health

import (
	"fmt"
	"math"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/themis-network/themis/bridge/l2"
)

// Defaults of L2Options.
const (
	// DefaultL2MaxSilence: the L2 node counts as unreachable after this long without a
	// successful poll (the watcher polls every 250 ms and backs off to 2 s).
	DefaultL2MaxSilence = 30 * time.Second
	// DefaultL2StallAfter: the L2 counts as stalled when its head has not changed for
	// this long; the chain's own stall threshold (x/epoch) is 60 s too.
	DefaultL2StallAfter = 60 * time.Second
)

// L2Source is the L2 watcher as the monitor reads it: a snapshot of cached state,
// no I/O, so /healthz and /metrics stay cheap.
type L2Source interface {
	Status() l2.Status
}

// L2Options tune the L2 part of the health judgement.
type L2Options struct {
	// MaxSilence: unhealthy ("l2 unreachable") when no poll succeeded for this long.
	MaxSilence time.Duration
	// StallAfter: unhealthy ("l2 stalled") when the head has not changed for this long.
	StallAfter time.Duration
}

type l2Watch struct {
	src  L2Source
	opts L2Options
}

// WatchL2 adds the L2 watcher to the health report and the metrics. Without it the
// report and /metrics have no L2 fields.
func (m *Monitor) WatchL2(src L2Source, opts L2Options) {
	if m == nil || src == nil {
		return
	}
	if opts.MaxSilence <= 0 {
		opts.MaxSilence = DefaultL2MaxSilence
	}
	if opts.StallAfter <= 0 {
		opts.StallAfter = DefaultL2StallAfter
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.l2 = &l2Watch{src: src, opts: opts}
}

// checkL2 adds the L2 fields and reasons to r. Called with m.mu held.
func (m *Monitor) checkL2(now time.Time, r *Report) {
	if m.l2 == nil {
		return
	}
	st := m.l2.src.Status()
	if st.HasHead {
		h, t := st.Head.Height, st.Head.Time
		age := seconds(now.Sub(st.Head.ObservedAt))
		r.L2Head, r.L2HeadHash, r.L2HeadTime, r.L2HeadAgeSeconds = &h, st.Head.Hash.Hex(), &t, &age
	}
	if !st.LastSuccess.IsZero() {
		r.L2LastSuccess = st.LastSuccess.UTC().Format(time.RFC3339)
	}
	silence := now.Sub(st.LastSuccess)
	switch {
	case st.LastSuccess.IsZero():
		reason := "l2 not reached yet"
		if st.LastError != nil {
			reason += ": " + st.LastError.Error()
		}
		r.Reasons = append(r.Reasons, reason)
	case silence > m.l2.opts.MaxSilence:
		reason := fmt.Sprintf("l2 unreachable: no successful poll for %s", silence.Round(time.Second))
		if st.LastError != nil {
			reason += ": " + st.LastError.Error()
		}
		r.Reasons = append(r.Reasons, reason)
	case now.Sub(st.HighestAt) > m.l2.opts.StallAfter:
		// Judged only while the node answers: a node that cannot be reached cannot
		// show progress, and "unreachable" is then the thing to fix. Progress is a new
		// highest height: a head that only changes (a balancer flipping between two
		// stalled nodes, a reorg at the same height) is not progress.
		r.Reasons = append(r.Reasons, fmt.Sprintf("l2 stalled: no head above %d for %s (limit %s)",
			st.Highest, now.Sub(st.HighestAt).Round(time.Second), m.l2.opts.StallAfter))
	}
}

// seconds is d in seconds, rounded to milliseconds.
func seconds(d time.Duration) float64 { return math.Round(d.Seconds()*1000) / 1000 }

// l2Collector exports the L2 watcher's state at scrape time, so the head's age is
// current even between polls. It exports nothing until WatchL2 is called, and the
// head metrics only once there is a head.
type l2Collector struct{ m *Monitor }

var (
	descL2Head = prometheus.NewDesc("themis_bridge_l2_head",
		"Height of the latest L2 head the L2 node reported.", nil, nil)
	descL2HeadAge = prometheus.NewDesc("themis_bridge_l2_head_age_seconds",
		"Seconds since the L2 head last advanced (changed).", nil, nil)
	descL2PollErrors = prometheus.NewDesc("themis_bridge_l2_poll_errors_total",
		"Failed polls of the L2 node (unreachable, JSON-RPC error, malformed answer, wrong chain).", nil, nil)
)

func (c l2Collector) Describe(ch chan<- *prometheus.Desc) {
	ch <- descL2Head
	ch <- descL2HeadAge
	ch <- descL2PollErrors
}

func (c l2Collector) Collect(ch chan<- prometheus.Metric) {
	c.m.mu.Lock()
	w := c.m.l2
	c.m.mu.Unlock()
	if w == nil {
		return
	}
	st := w.src.Status()
	ch <- prometheus.MustNewConstMetric(descL2PollErrors, prometheus.CounterValue, float64(st.PollErrors))
	if st.HasHead {
		ch <- prometheus.MustNewConstMetric(descL2Head, prometheus.GaugeValue, float64(st.Head.Height))
		ch <- prometheus.MustNewConstMetric(descL2HeadAge, prometheus.GaugeValue, seconds(c.m.opts.Now().Sub(st.Head.ObservedAt)))
	}
}
