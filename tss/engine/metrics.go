package engine

import (
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/themis-network/themis/tss/session"
)

// Metrics are the engine's Prometheus series (themis_tss_*). The node registers them
// where CometBFT's own series are served, so they appear beside the node's.
type Metrics struct {
	sessions  *prometheus.CounterVec
	duration  *prometheus.HistogramVec
	running   prometheus.Gauge
	preparams prometheus.Gauge
	reuses    prometheus.Counter
}

// NewMetrics registers the engine's series with reg (nil: a private registry).
func NewMetrics(reg prometheus.Registerer) *Metrics {
	if reg == nil {
		reg = prometheus.NewRegistry()
	}
	m := &Metrics{
		sessions: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "themis_tss_sessions_total", Help: "TSS sessions by kind and outcome (started, completed, failed).",
		}, []string{"kind", "outcome"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "themis_tss_session_seconds", Help: "Wall time of completed TSS sessions.",
			Buckets: []float64{0.5, 1, 2, 5, 10, 20, 40, 80, 160},
		}, []string{"kind"}),
		running: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "themis_tss_sessions_running", Help: "TSS sessions running now.",
		}),
		preparams: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "themis_tss_preparams_available", Help: "Preparams sets left in the pool.",
		}),
		reuses: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "themis_tss_preparams_reused_total", Help: "New shares made with the held share's parameters because the pool was empty.",
		}),
	}
	reg.MustRegister(m.sessions, m.duration, m.running, m.preparams, m.reuses)
	return m
}

func (m *Metrics) started(k session.Kind) {
	m.sessions.WithLabelValues(k.String(), "started").Inc()
	m.running.Inc()
}

func (m *Metrics) completed(k session.Kind, d time.Duration) {
	m.sessions.WithLabelValues(k.String(), "completed").Inc()
	m.duration.WithLabelValues(k.String()).Observe(d.Seconds())
	m.running.Dec()
}

func (m *Metrics) failed(k session.Kind) {
	m.sessions.WithLabelValues(k.String(), "failed").Inc()
	m.running.Dec()
}

func (m *Metrics) reused() { m.reuses.Inc() }

// Preparams records the pool's size.
func (m *Metrics) Preparams(n int) { m.preparams.Set(float64(n)) }
