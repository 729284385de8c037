//go:build e2e

package e2e

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// nodeServesModuleMetrics checks a running node's Prometheus endpoint: every module's
// state series beside CometBFT's and the TSS engine's, agreeing with REST.
func nodeServesModuleMetrics(t *testing.T, ln *Localnet, sequencers int) {
	n := ln.Nodes[0]
	sample := func(name string) float64 {
		v, ok := promSample(t, n, name)
		require.True(t, ok, "node0 serves %s", name)
		return v
	}
	for _, m := range []string{"sequencer", "epoch", "slashing", "mpc"} {
		require.Equal(t, 1.0, sample("themis_"+m+"_metrics_up"), m)
	}
	require.Equal(t, float64(sequencers), sample(`themis_sequencer_sequencers{status="active"}`))
	require.Equal(t, 1.0, sample("themis_mpc_pool_key_present"))
	require.Equal(t, float64(sequencers), sample("themis_mpc_committee_size"))
	cur, head, err := CurrentEpoch(n)
	require.NoError(t, err)
	require.InDelta(t, float64(cur.ID), sample("themis_epoch_current_id"), 1)
	require.InDelta(t, float64(head), sample("themis_epoch_l2_head"), 10)
	require.Equal(t, 60.0, sample("themis_epoch_stall_threshold_seconds"))
	sample("themis_slashing_l1_actions_pending")
	sample("themis_tss_preparams_available")
	sample("cometbft_consensus_height")
}
