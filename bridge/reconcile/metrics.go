package reconcile

import (
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/themis-network/themis/bridge/health"
)

// Metrics are the watcher's Prometheus series, registered with the bridge's registry.
type Metrics struct {
	actions     *prometheus.GaugeVec
	oldest      prometheus.Gauge
	admin       prometheus.Gauge
	reserveLow  prometheus.Gauge
	lastOK      prometheus.Gauge
	readFailure prometheus.Counter
}

// Action states named in themis_bridge_l1_actions{state}.
var actionStates = []string{"queued", "held", "parked", "mismatch"}

// NewMetrics registers the series with reg (nil: unregistered, for tests).
func NewMetrics(reg prometheus.Registerer) *Metrics {
	m := &Metrics{
		actions: prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "themis_bridge_l1_actions",
			Help: "The chain's L1 actions not settled as decided, by state: queued (not confirmed yet), held (queued with a hold reason), parked (refused for good), mismatch (L1 did otherwise)."}, []string{"state"}),
		oldest: prometheus.NewGauge(prometheus.GaugeOpts{Name: "themis_bridge_l1_action_oldest_queued_blocks",
			Help: "Chain blocks since the oldest queued L1 action was decided (0: none queued)."}),
		admin: prometheus.NewGauge(prometheus.GaugeOpts{Name: "themis_bridge_l1_admin_pending",
			Help: "Contract changes governance decided that L1 does not show yet (whitelist, limits, exit delay, bootstrap, recovery)."}),
		reserveLow: prometheus.NewGauge(prometheus.GaugeOpts{Name: "themis_bridge_reward_reserve_low",
			Help: "1 while the contract's reward reserve cannot pay the unsettled reward batches: fund it."}),
		lastOK: prometheus.NewGauge(prometheus.GaugeOpts{Name: "themis_bridge_reconcile_last_success_timestamp_seconds",
			Help: "Unix time of the last good reading (the series above are as of then): alert when it stops moving."}),
		readFailure: prometheus.NewCounter(prometheus.CounterOpts{Name: "themis_bridge_reconcile_errors_total",
			Help: "Failed readings of the chain's L1 actions, admin changes or reward state."}),
	}
	for _, s := range actionStates {
		m.actions.WithLabelValues(s)
	}
	if reg != nil {
		reg.MustRegister(m.actions, m.oldest, m.admin, m.reserveLow, m.lastOK, m.readFailure)
	}
	return m
}

func (m *Metrics) record(d health.Divergence, at time.Time) {
	if m == nil {
		return
	}
	m.lastOK.Set(float64(at.UnixNano()) / 1e9)
	m.actions.WithLabelValues("queued").Set(float64(d.ActionsQueued))
	m.actions.WithLabelValues("held").Set(float64(d.ActionsHeld))
	m.actions.WithLabelValues("parked").Set(float64(d.ActionsParked))
	m.actions.WithLabelValues("mismatch").Set(float64(d.ActionsMismatch))
	m.oldest.Set(float64(d.OldestQueuedBlocks))
	m.admin.Set(float64(d.AdminPendingCount))
	if d.RewardReserveLow {
		m.reserveLow.Set(1)
	} else {
		m.reserveLow.Set(0)
	}
}

func (m *Metrics) failed() {
	if m != nil {
		m.readFailure.Inc()
	}
}
