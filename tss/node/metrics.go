package node

import (
	"cosmossdk.io/log"
	"github.com/prometheus/client_golang/prometheus"
)

// transportMetrics counts the transport's envelopes (themis_tss_transport_*).
type transportMetrics struct {
	accepted, queued  prometheus.Counter
	rejected, dropped *prometheus.CounterVec
	logger            log.Logger
}

func newTransportMetrics(reg prometheus.Registerer, logger log.Logger) *transportMetrics {
	m := &transportMetrics{
		logger:   logger,
		accepted: prometheus.NewCounter(prometheus.CounterOpts{Name: "themis_tss_transport_accepted_total", Help: "Envelopes accepted for an open session."}),
		queued:   prometheus.NewCounter(prometheus.CounterOpts{Name: "themis_tss_transport_queued_total", Help: "Envelopes queued for a session not open here yet."}),
		rejected: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "themis_tss_transport_rejected_total", Help: "Envelopes refused, by reason."}, []string{"reason"}),
		dropped:  prometheus.NewCounterVec(prometheus.CounterOpts{Name: "themis_tss_transport_dropped_total", Help: "Queued envelopes dropped, by reason."}, []string{"reason"}),
	}
	reg.MustRegister(m.accepted, m.queued, m.rejected, m.dropped)
	return m
}

func (m *transportMetrics) Accepted() { m.accepted.Inc() }
func (m *transportMetrics) Queued()   { m.queued.Inc() }
func (m *transportMetrics) Rejected(r string) {
	m.rejected.WithLabelValues(r).Inc()
	m.logger.Debug("tss transport: envelope refused", "reason", r)
}

func (m *transportMetrics) Dropped(r string) {
	m.dropped.WithLabelValues(r).Inc()
	m.logger.Debug("tss transport: queued envelope dropped", "reason", r)
}
