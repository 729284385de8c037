package sender

import (
	"math/big"

	"github.com/prometheus/client_golang/prometheus"
)

// Metrics are the sender's Prometheus series, registered with the bridge's registry.
type Metrics struct {
	sends        *prometheus.CounterVec
	chainErrors  prometheus.Counter
	mines        *prometheus.CounterVec
	inFlightID   prometheus.Gauge
	inFlightNonc prometheus.Gauge
	inFlightVer  prometheus.Gauge
	balanceWei   prometheus.Gauge
	balanceLow   prometheus.Gauge
}

// NewMetrics registers the series with reg (nil: unregistered, for tests).
func NewMetrics(reg prometheus.Registerer) *Metrics {
	m := &Metrics{
		sends: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "themis_bridge_pool_tx_sends_total",
			Help: "Pool transaction versions handed to L1, by result (sent, already_known, nonce_used, underpriced, failed, refused)."}, []string{"result"}),
		chainErrors: prometheus.NewCounter(prometheus.CounterOpts{Name: "themis_bridge_pool_tx_chain_errors_total",
			Help: "Failed reads of the chain's SENT pool transactions."}),
		mines: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "themis_bridge_pool_tx_mined_total",
			Help: "Receipts of versions this bridge sent, by status (success, reverted)."}, []string{"status"}),
		inFlightID: prometheus.NewGauge(prometheus.GaugeOpts{Name: "themis_bridge_pool_tx_in_flight_id",
			Help: "Id of the last SENT pool transaction seen."}),
		inFlightNonc: prometheus.NewGauge(prometheus.GaugeOpts{Name: "themis_bridge_pool_tx_in_flight_nonce",
			Help: "Its L1 nonce."}),
		inFlightVer: prometheus.NewGauge(prometheus.GaugeOpts{Name: "themis_bridge_pool_tx_in_flight_version",
			Help: "Its latest version (0: first; more: replacements)."}),
		balanceWei: prometheus.NewGauge(prometheus.GaugeOpts{Name: "themis_bridge_pool_balance_wei",
			Help: "The pool address's L1 balance as the chain agreed it (wei)."}),
		balanceLow: prometheus.NewGauge(prometheus.GaugeOpts{Name: "themis_bridge_pool_balance_low",
			Help: "1 while the pool's agreed L1 balance is below min_pool_balance: fund it."}),
	}
	if reg != nil {
		reg.MustRegister(m.sends, m.chainErrors, m.mines, m.inFlightID, m.inFlightNonc, m.inFlightVer, m.balanceWei, m.balanceLow)
	}
	return m
}

func (m *Metrics) sendResult(result string) {
	if m != nil {
		m.sends.WithLabelValues(result).Inc()
	}
}

func (m *Metrics) chainError() {
	if m != nil {
		m.chainErrors.Inc()
	}
}

func (m *Metrics) mined(reverted bool) {
	if m == nil {
		return
	}
	if reverted {
		m.mines.WithLabelValues("reverted").Inc()
	} else {
		m.mines.WithLabelValues("success").Inc()
	}
}

func (m *Metrics) inFlight(id, nonce uint64, version int) {
	if m != nil {
		m.inFlightID.Set(float64(id))
		m.inFlightNonc.Set(float64(nonce))
		m.inFlightVer.Set(float64(version))
	}
}

func (m *Metrics) balance(wei *big.Int, low bool) {
	if m == nil {
		return
	}
	f, _ := new(big.Float).SetInt(wei).Float64()
	m.balanceWei.Set(f)
	if low {
		m.balanceLow.Set(1)
	} else {
		m.balanceLow.Set(0)
	}
}
