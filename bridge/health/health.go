// Package health is the bridge's health endpoint and Prometheus metrics. The listener
// and the processor report into a Monitor, and the L2 watcher's cached state is read
// from it (WatchL2); /healthz judges from those (it never calls out itself, so probing
// it cannot load the L1, the L2 or the chain) and /metrics exposes them.
package health

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"net"
	"net/http"
	"slices"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Endpoints named in themis_bridge_rpc_errors_total{endpoint}.
const (
	EndpointL1    = "l1"
	EndpointChain = "chain"
)

// Relay results named in themis_bridge_relays_total{result}.
const (
	// ResultOK: the relay transaction was included; the event waits for the pool's vote.
	ResultOK = "ok"
	// ResultDuplicate: the chain already had the event (pending or applied).
	ResultDuplicate = "duplicate"
	// ResultNotSequencer: this operator is not an active sequencer; it may not relay yet.
	ResultNotSequencer = "not_sequencer"
	// ResultSuperseded: the chain can never apply the event (stale nonce, id taken).
	ResultSuperseded = "superseded"
	// ResultRejected: the chain refused the event for now (will be retried).
	ResultRejected = "rejected"
	// ResultInvalid: the chain (or the bridge's own check) says the message is malformed;
	// waiting cannot change that, so the event is parked at once.
	ResultInvalid = "invalid"
	// ResultError: transport or transaction failure (will be retried).
	ResultError = "error"
)

// Parking reasons named in themis_bridge_outbox_parked{reason} and
// themis_bridge_parked_total{reason}.
const (
	// ParkInvalid: the message fails validation (the bridge's or the chain's).
	ParkInvalid = "invalid"
	// ParkRefused: the chain refused it (a state check) for the whole park-after bound.
	ParkRefused = "refused"
	// ParkNeverApplied: relayed and included again and again for the whole bound, never
	// applied (the pool's vote rejects it, or it expires waiting).
	ParkNeverApplied = "never_applied"
)

// Listener range checks named in themis_bridge_l1_unconfirmed_ranges_total{why}.
const (
	// UnconfirmedBehind: the node that answered eth_getLogs has not reached the range end.
	UnconfirmedBehind = "node_behind"
	// UnconfirmedChanged: the range end's block hash changed while the range was read, or
	// the logs name another hash for it.
	UnconfirmedChanged = "block_changed"
)

// ParkedStatus is one parked item in the /healthz report.
type ParkedStatus struct {
	Event       string `json:"event"` // tx hash:log index, the chain's event key
	SequencerID uint64 `json:"sequencer_id"`
	Nonce       uint64 `json:"nonce"`
	L1Block     uint64 `json:"l1_block"`
	Reason      string `json:"reason"` // ParkInvalid, ParkRefused, ParkNeverApplied
	Detail      string `json:"detail"` // the chain's answer or the check that failed
	Since       string `json:"since"`
	NextRetry   string `json:"next_retry"`
	Retries     uint32 `json:"retries"`
}

// MaxParkedInReport bounds the parked items listed in /healthz (outbox_parked counts all).
const MaxParkedInReport = 20

// Options tune a Monitor.
type Options struct {
	// MaxLag is the largest healthy distance, in L1 blocks, between the L1 head and the
	// cursor. It should exceed the confirmation depth.
	MaxLag uint64
	// Stale is how long an endpoint counts as reachable after its last success
	// (default 1 minute).
	Stale time.Duration
	// Now is the clock (tests).
	Now func() time.Time
}

type endpoint struct {
	lastOK  time.Time
	lastErr error
	errAt   time.Time
}

// Monitor collects the bridge's state. Its methods are safe for concurrent use and
// are no-ops on a nil *Monitor, so components work without one.
type Monitor struct {
	opts Options
	reg  *prometheus.Registry

	l1Head, cursor, lag, outbox, lastRelay prometheus.Gauge
	relays, rpcErrors                      *prometheus.CounterVec
	parkedGauge                            *prometheus.GaugeVec
	parkings, unconfirmed                  *prometheus.CounterVec
	nonceGaps, repeats                     prometheus.Counter

	mu        sync.Mutex
	endpoints map[string]*endpoint
	head      uint64
	hasHead   bool
	cur       uint64
	hasCur    bool
	pending   int
	relayedAt time.Time
	problems  map[string]string // component -> current problem (e.g. an undecodable log)
	l2        *l2Watch          // nil: no L2 watcher (no --l2-rpc)
	parked    []ParkedStatus    // the first MaxParkedInReport, oldest first
	nParked   int
	retry     func(event string) int // re-examines parked items now (POST /parked/retry)
	// divergence is the reconcile watcher's last look (nil: no watcher, or none yet).
	divergence *Divergence
}

// NewMonitor builds a Monitor with its own Prometheus registry (Go and process
// collectors included).
func NewMonitor(opts Options) *Monitor {
	if opts.Stale <= 0 {
		opts.Stale = time.Minute
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	m := &Monitor{
		opts:      opts,
		reg:       prometheus.NewRegistry(),
		endpoints: map[string]*endpoint{EndpointL1: {}, EndpointChain: {}},
		problems:  map[string]string{},
		l1Head: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "themis_bridge_l1_head", Help: "Newest L1 block number the L1 node reports.",
		}),
		cursor: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "themis_bridge_l1_cursor", Help: "Last L1 block whose staking events are all in the outbox.",
		}),
		lag: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "themis_bridge_l1_lag_blocks", Help: "L1 head minus cursor (includes the confirmation depth).",
		}),
		outbox: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "themis_bridge_outbox_pending", Help: "Decoded L1 events the chain has not applied yet.",
		}),
		lastRelay: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "themis_bridge_last_relay_timestamp_seconds", Help: "Unix time of the last relay transaction included on chain.",
		}),
		relays: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "themis_bridge_relays_total", Help: "Relayed events by result (ok, duplicate, not_sequencer, superseded, rejected, invalid, error).",
		}, []string{"result"}),
		rpcErrors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "themis_bridge_rpc_errors_total", Help: "Failed calls by endpoint (l1, chain).",
		}, []string{"endpoint"}),
		parkedGauge: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "themis_bridge_outbox_parked", Help: "Parked events (out of the relay loop, re-examined rarely) by reason (invalid, refused, never_applied).",
		}, []string{"reason"}),
		parkings: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "themis_bridge_parked_total", Help: "Events parked, by reason (invalid, refused, never_applied).",
		}, []string{"reason"}),
		unconfirmed: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "themis_bridge_l1_unconfirmed_ranges_total", Help: "L1 ranges read again instead of committed: the answering node was behind the range end (node_behind) or the end block changed (block_changed).",
		}, []string{"why"}),
		nonceGaps: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "themis_bridge_l1_nonce_gaps_total", Help: "Per-sequencer nonce gaps found in L1 logs; each starts a re-scan from the sequencer's last queued event.",
		}),
		repeats: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "themis_bridge_l1_repeated_logs_total", Help: "L1 logs not queued because the chain already decided their (sequencer, nonce) (re-reads, rewound or reorged nodes).",
		}),
	}
	m.reg.MustRegister(m.l1Head, m.cursor, m.lag, m.outbox, m.lastRelay, m.relays, m.rpcErrors, l2Collector{m},
		m.parkedGauge, m.parkings, m.unconfirmed, m.nonceGaps, m.repeats,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	for _, r := range []string{ResultOK, ResultDuplicate, ResultNotSequencer, ResultSuperseded, ResultRejected, ResultInvalid, ResultError} {
		m.relays.WithLabelValues(r)
	}
	for _, e := range []string{EndpointL1, EndpointChain} {
		m.rpcErrors.WithLabelValues(e)
	}
	for _, r := range []string{ParkInvalid, ParkRefused, ParkNeverApplied} {
		m.parkedGauge.WithLabelValues(r)
		m.parkings.WithLabelValues(r)
	}
	for _, w := range []string{UnconfirmedBehind, UnconfirmedChanged} {
		m.unconfirmed.WithLabelValues(w)
	}
	return m
}

// Registry is the Prometheus registry behind /metrics.
func (m *Monitor) Registry() *prometheus.Registry { return m.reg }

// OK records a successful call to an endpoint.
func (m *Monitor) OK(name string) {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	e := m.endpoint(name)
	e.lastOK, e.lastErr = m.opts.Now(), nil
}

// Error records a failed call to an endpoint.
func (m *Monitor) Error(name string, err error) {
	if m == nil || err == nil || errors.Is(err, context.Canceled) {
		return
	}
	m.rpcErrors.WithLabelValues(name).Inc()
	m.mu.Lock()
	defer m.mu.Unlock()
	e := m.endpoint(name)
	e.lastErr, e.errAt = err, m.opts.Now()
}

func (m *Monitor) endpoint(name string) *endpoint {
	e, ok := m.endpoints[name]
	if !ok {
		e = &endpoint{}
		m.endpoints[name] = e
	}
	return e
}

// L1Head records the L1 head.
func (m *Monitor) L1Head(h uint64) {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.head, m.hasHead = h, true
	m.l1Head.Set(float64(h))
	m.updateLag()
}

// Cursor records the listener's cursor.
func (m *Monitor) Cursor(c uint64) {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.cur, m.hasCur = c, true
	m.cursor.Set(float64(c))
	m.updateLag()
}

func (m *Monitor) updateLag() {
	if m.hasHead && m.hasCur {
		m.lag.Set(float64(lagOf(m.head, m.cur)))
	}
}

func lagOf(head, cursor uint64) uint64 {
	if cursor >= head {
		return 0
	}
	return head - cursor
}

// OutboxPending records the outbox size.
func (m *Monitor) OutboxPending(n int) {
	if m == nil {
		return
	}
	m.mu.Lock()
	m.pending = n
	m.mu.Unlock()
	m.outbox.Set(float64(n))
}

// Relayed counts relay results; n events with one result.
func (m *Monitor) Relayed(result string, n int) {
	if m == nil || n <= 0 {
		return
	}
	m.relays.WithLabelValues(result).Add(float64(n))
	if result == ResultOK {
		now := m.opts.Now()
		m.mu.Lock()
		m.relayedAt = now
		m.mu.Unlock()
		m.lastRelay.Set(float64(now.UnixNano()) / 1e9)
	}
}

// Parked records the parked items (all of them, oldest first); the report lists the
// first MaxParkedInReport. Parked items do not make the bridge unhealthy: they hold up
// nothing else, and every honest bridge parks the same ones. Alert on
// themis_bridge_outbox_parked instead.
func (m *Monitor) Parked(all []ParkedStatus) {
	if m == nil {
		return
	}
	by := map[string]int{ParkInvalid: 0, ParkRefused: 0, ParkNeverApplied: 0}
	for _, p := range all {
		by[p.Reason]++
	}
	for r, n := range by {
		m.parkedGauge.WithLabelValues(r).Set(float64(n))
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.nParked = len(all)
	m.parked = slices.Clone(all[:min(len(all), MaxParkedInReport)])
}

// Parking counts an event parked with a reason.
func (m *Monitor) Parking(reason string) {
	if m == nil {
		return
	}
	m.parkings.WithLabelValues(reason).Inc()
}

// OnRetryParked installs what POST /parked/retry calls: re-examine the parked items (the
// one named by ?event=, else all) at the next rounds; it returns how many it scheduled.
func (m *Monitor) OnRetryParked(f func(event string) int) {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.retry = f
}

// Unconfirmed counts an L1 range read again instead of committed (why: UnconfirmedBehind
// or UnconfirmedChanged).
func (m *Monitor) Unconfirmed(why string) {
	if m == nil {
		return
	}
	m.unconfirmed.WithLabelValues(why).Inc()
}

// NonceGap counts a per-sequencer nonce gap found in L1 logs.
func (m *Monitor) NonceGap() {
	if m == nil {
		return
	}
	m.nonceGaps.Inc()
}

// RepeatedLogs counts L1 logs not queued because their nonce was already decided.
func (m *Monitor) RepeatedLogs(n int) {
	if m == nil || n <= 0 {
		return
	}
	m.repeats.Add(float64(n))
}

// Problem sets (or with "" clears) a component's standing problem, which makes the
// bridge unhealthy until cleared (e.g. a staking log that does not decode).
func (m *Monitor) Problem(component, problem string) {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if problem == "" {
		delete(m.problems, component)
	} else {
		m.problems[component] = problem
	}
}

// Report is the /healthz body.
type Report struct {
	Status        string   `json:"status"`
	Reasons       []string `json:"reasons,omitempty"`
	L1Head        *uint64  `json:"l1_head,omitempty"`
	Cursor        *uint64  `json:"l1_cursor,omitempty"`
	LagBlocks     *uint64  `json:"l1_lag_blocks,omitempty"`
	MaxLagBlocks  uint64   `json:"max_lag_blocks"`
	OutboxPending int      `json:"outbox_pending"`
	LastRelay     string   `json:"last_relay,omitempty"`
	// OutboxParked counts the parked events; Parked lists the oldest MaxParkedInReport.
	OutboxParked int            `json:"outbox_parked"`
	Parked       []ParkedStatus `json:"parked,omitempty"`

	// The L2 fields are present only when the bridge watches an L2 node (--l2-rpc).
	L2Head           *uint64  `json:"l2_head,omitempty"`
	L2HeadHash       string   `json:"l2_head_hash,omitempty"`
	L2HeadTime       *uint64  `json:"l2_head_time,omitempty"`        // the L2 block's timestamp (unix s)
	L2HeadAgeSeconds *float64 `json:"l2_head_age_seconds,omitempty"` // since the head last changed
	L2LastSuccess    string   `json:"l2_last_success,omitempty"`

	// Divergence is the chain's decisions for L1 not yet (or not as decided) confirmed
	// there, with warnings; it never makes the status unhealthy.
	Divergence *Divergence `json:"divergence,omitempty"`
}

// Check judges the bridge: healthy when the L1 node and the chain answered recently
// (their last call succeeded, within Stale), the cursor is within MaxLag of the L1 head,
// no component reports a standing problem, and, with an L2 watcher, the L2 node answered
// within its MaxSilence and its head changed within StallAfter.
func (m *Monitor) Check() Report {
	m.mu.Lock()
	defer m.mu.Unlock()
	now := m.opts.Now()
	r := Report{MaxLagBlocks: m.opts.MaxLag, OutboxPending: m.pending, OutboxParked: m.nParked, Parked: slices.Clone(m.parked)}
	for _, name := range []string{EndpointL1, EndpointChain} {
		e := m.endpoint(name)
		switch {
		case e.lastErr != nil:
			r.Reasons = append(r.Reasons, fmt.Sprintf("%s unreachable: %v", name, e.lastErr))
		case e.lastOK.IsZero():
			r.Reasons = append(r.Reasons, fmt.Sprintf("%s not contacted yet", name))
		case now.Sub(e.lastOK) > m.opts.Stale:
			r.Reasons = append(r.Reasons, fmt.Sprintf("%s: no successful call for %s", name, now.Sub(e.lastOK).Round(time.Second)))
		}
	}
	m.checkL2(now, &r)
	if m.hasHead {
		h := m.head
		r.L1Head = &h
	}
	if m.hasCur {
		c := m.cur
		r.Cursor = &c
	}
	if m.hasHead && m.hasCur {
		lag := lagOf(m.head, m.cur)
		r.LagBlocks = &lag
		if lag > m.opts.MaxLag {
			r.Reasons = append(r.Reasons, fmt.Sprintf("L1 lag %d blocks exceeds %d", lag, m.opts.MaxLag))
		}
	}
	// Sorted by component, so the report reads the same on every call.
	for _, c := range slices.Sorted(maps.Keys(m.problems)) {
		r.Reasons = append(r.Reasons, c+": "+m.problems[c])
	}
	if !m.relayedAt.IsZero() {
		r.LastRelay = m.relayedAt.UTC().Format(time.RFC3339)
	}
	if m.divergence != nil {
		d := *m.divergence
		d.AdminPending, d.Warnings = slices.Clone(d.AdminPending), slices.Clone(d.Warnings)
		r.Divergence = &d
	}
	r.Status = "ok"
	if len(r.Reasons) > 0 {
		r.Status = "unhealthy"
	}
	return r
}

// Handler serves /healthz (200 or 503 with a JSON report), /metrics, and, to loopback
// callers only, POST /parked/retry[?event=<tx hash>:<log index>] (re-examine parked
// items now).
func (m *Monitor) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, _ *http.Request) {
		r := m.Check()
		w.Header().Set("Content-Type", "application/json")
		if r.Status != "ok" {
			w.WriteHeader(http.StatusServiceUnavailable)
		}
		_ = json.NewEncoder(w).Encode(r)
	})
	mux.Handle("/metrics", promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{}))
	mux.HandleFunc("/parked/retry", func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			w.Header().Set("Allow", http.MethodPost)
			http.Error(w, "POST only", http.StatusMethodNotAllowed)
			return
		}
		if !fromLoopback(r) {
			// /healthz and /metrics may be scraped from elsewhere; the retry control is
			// the operator's, on the machine itself.
			http.Error(w, "POST /parked/retry is answered only to callers on loopback", http.StatusForbidden)
			return
		}
		m.mu.Lock()
		retry := m.retry
		m.mu.Unlock()
		if retry == nil {
			http.Error(w, "no processor running", http.StatusServiceUnavailable)
			return
		}
		n := retry(r.URL.Query().Get("event"))
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]int{"scheduled": n})
	})
	return mux
}

// fromLoopback reports whether the request came from this machine.
func fromLoopback(r *http.Request) bool {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return false
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// Serve listens on addr and serves the Monitor until ctx ends. The listening socket is
// opened before Serve returns its first error, so a bad address fails at start.
func Serve(ctx context.Context, addr string, h http.Handler) (net.Addr, <-chan error, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, nil, fmt.Errorf("health server on %s: %w", addr, err)
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 5 * time.Second}
	done := make(chan error, 1)
	go func() {
		err := srv.Serve(ln)
		if errors.Is(err, http.ErrServerClosed) {
			err = nil
		}
		done <- err
	}()
	go func() {
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(sctx)
	}()
	return ln.Addr(), done, nil
}
