package abcinet_test

import (
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"
	"github.com/stretchr/testify/require"
)

// scrape gathers reg and returns each series' value by name and label pairs
// ("themis_sequencer_sequencers{status=active}").
func scrape(t *testing.T, reg *prometheus.Registry) map[string]float64 {
	t.Helper()
	families, err := reg.Gather()
	require.NoError(t, err, "a scrape never fails")
	out := map[string]float64{}
	for _, f := range families {
		for _, m := range f.GetMetric() {
			name := f.GetName()
			if len(m.GetLabel()) > 0 {
				name += "{"
				for i, l := range m.GetLabel() {
					if i > 0 {
						name += ","
					}
					name += l.GetName() + "=" + l.GetValue()
				}
				name += "}"
			}
			out[name] = value(m)
		}
	}
	return out
}

func value(m *dto.Metric) float64 {
	switch {
	case m.GetGauge() != nil:
		return m.GetGauge().GetValue()
	case m.GetCounter() != nil:
		return m.GetCounter().GetValue()
	}
	return 0
}

// The node's module series follow the committed state: the pool, the agreed L2 head
// and its producer, offences, pending actions and the pool key, each module "up".
func TestStateMetricsFollowTheChain(t *testing.T) {
	net := newEpochNet(t, 10, 5*time.Second)
	a := net.Validators[0].App
	reg := prometheus.NewRegistry()
	require.NoError(t, a.RegisterStateMetrics(reg))
	require.NoError(t, a.RegisterStateMetrics(reg), "registering twice keeps the first")

	before := scrape(t, reg)
	for _, m := range []string{"sequencer", "epoch", "slashing", "mpc"} {
		require.Equal(t, 0.0, before["themis_"+m+"_metrics_up"], "%s: no committed block yet", m)
	}

	l2 := uint64(0)
	for range 25 {
		l2++
		for _, v := range net.Validators {
			v.L2.Set(l2)
		}
		require.True(t, net.NextBlock().Accepted)
	}
	got := scrape(t, reg)
	for _, m := range []string{"sequencer", "epoch", "slashing", "mpc"} {
		require.Equal(t, 1.0, got["themis_"+m+"_metrics_up"], m)
	}
	require.Equal(t, 4.0, got["themis_sequencer_sequencers{status=active}"])
	require.Equal(t, 0.0, got["themis_sequencer_sequencers{status=jailed}"])
	require.Greater(t, got["themis_sequencer_active_power"], 0.0)
	require.Equal(t, 0.0, got["themis_sequencer_pending_l1_events"])
	require.InDelta(t, float64(l2), got["themis_epoch_l2_head"], 2, "the agreed head trails the L2 by at most a block or two")
	require.GreaterOrEqual(t, got["themis_epoch_current_id"], 2.0)
	require.Contains(t, []float64{1, 2, 3, 4}, got["themis_epoch_current_producer_id"])
	require.Equal(t, 5.0, got["themis_epoch_stall_threshold_seconds"])
	require.Equal(t, 0.0, got["themis_epoch_offences_total"])
	require.Equal(t, 0.0, got["themis_slashing_jailed"])
	require.Equal(t, 0.0, got["themis_slashing_l1_actions_pending"])
	require.Equal(t, 0.0, got["themis_mpc_pool_key_present"], "no TSS engines in this net")
	require.Equal(t, 0.0, got["themis_mpc_open_sessions{kind=sign}"])

	// The producer stalls: the stall clock runs, then the chain re-elects and records an
	// offence; the series show both.
	var clock float64
	for i := 0; got["themis_epoch_current_is_reelection"] == 0; i++ {
		require.Less(t, i, 20, "no re-election 20 blocks into a stall")
		require.True(t, net.NextBlock().Accepted)
		got = scrape(t, reg)
		if got["themis_epoch_current_is_reelection"] == 0 {
			require.Equal(t, 0.0, got["themis_epoch_offences_total"])
			require.GreaterOrEqual(t, got["themis_epoch_l2_head_stalled_seconds"], clock, "the stall clock only runs")
			clock = got["themis_epoch_l2_head_stalled_seconds"]
		}
	}
	require.GreaterOrEqual(t, clock, 4.0, "the stall clock was seen running towards the 5 s threshold")
	require.Equal(t, 1.0, got["themis_epoch_offences_total"])
	require.Equal(t, 1.0, got["themis_slashing_offences_total"], "x/slashing judged the stall")
	require.Equal(t, 1.0, got["themis_slashing_jailed"])
	require.Equal(t, 1.0, got["themis_sequencer_sequencers{status=jailed}"])
}
