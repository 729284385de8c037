package app

import (
	"context"
	"errors"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/stretchr/testify/require"
)

func gatherUp(t *testing.T, m *moduleState) (up float64, series int) {
	t.Helper()
	reg := prometheus.NewRegistry()
	require.NoError(t, reg.Register(m))
	families, err := reg.Gather()
	require.NoError(t, err, "a scrape never fails")
	for _, f := range families {
		if f.GetName() == "themis_test_metrics_up" {
			up = f.GetMetric()[0].GetGauge().GetValue()
			continue
		}
		series += len(f.GetMetric())
	}
	return up, series
}

// A module's read that fails or panics reports up 0: it never fails the scrape, and
// never ends the node. A reading is reused until the next committed height.
func TestModuleStateSurvivesItsRead(t *testing.T) {
	desc := prometheus.NewDesc("themis_test_value", "test", nil, nil)
	height, reads := int64(7), 0
	var read func(context.Context) ([]prometheus.Metric, error)
	m := &moduleState{
		up:    prometheus.NewDesc("themis_test_metrics_up", "test", nil, nil),
		descs: []*prometheus.Desc{desc},
		state: func() (context.Context, int64, error) { return context.Background(), height, nil },
		read:  func(ctx context.Context) ([]prometheus.Metric, error) { reads++; return read(ctx) },
	}

	read = func(context.Context) ([]prometheus.Metric, error) { panic("out of gas") }
	up, n := gatherUp(t, m)
	require.Equal(t, 0.0, up)
	require.Zero(t, n)

	read = func(context.Context) ([]prometheus.Metric, error) { return nil, errors.New("store closed") }
	up, _ = gatherUp(t, m)
	require.Equal(t, 0.0, up)

	read = func(context.Context) ([]prometheus.Metric, error) {
		return []prometheus.Metric{prometheus.MustNewConstMetric(desc, prometheus.GaugeValue, 1)}, nil
	}
	reads = 0
	for range 3 {
		up, n = gatherUp(t, m)
		require.Equal(t, 1.0, up)
		require.Equal(t, 1, n)
	}
	require.Equal(t, 1, reads, "one read per committed height")
	height++
	gatherUp(t, m)
	require.Equal(t, 2, reads)
}
