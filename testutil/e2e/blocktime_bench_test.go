//go:build e2e

package e2e

import (
	"math"
	"os"
	"sort"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestBenchLocalnetBlockTime measures the block interval of a 4-validator localnet over
// BENCH_SECONDS (default 60 s) and prints the figures for BENCHMARKS.md.
func TestBenchLocalnetBlockTime(t *testing.T) {
	seconds := 60
	if v, err := strconv.Atoi(os.Getenv("BENCH_SECONDS")); err == nil && v > 0 {
		seconds = v
	}
	ln := StartLocalnet(t, Options{Validators: 4, VotingPeriod: 20 * time.Second, PortOffset: 20})
	// Start measuring once every peer is connected and the first heights are behind us.
	ln.WaitHeight(5, 90*time.Second)
	node := ln.Nodes[0]
	start := node.MustHeight(t)
	time.Sleep(time.Duration(seconds) * time.Second)
	end := node.MustHeight(t)
	require.Greater(t, end, start+1)

	intervals := blockIntervals(t, node, start, end)
	mean, sd, maxv := stats(intervals)
	p50, p95 := percentiles(intervals)
	t.Logf("BENCH localnet block time: validators=4 window=%ds blocks=%d mean=%.3fs stddev=%.3fs p50=%.3fs p95=%.3fs max=%.3fs",
		seconds, len(intervals), mean, sd, p50, p95, maxv)
	// Target: about 1 s. Fail loudly if the chain is far off.
	require.InDelta(t, 1.0, mean, 0.35, "mean block time")
	requireSameAppHash(t, ln)
}

func stats(xs []float64) (mean, sd, maxv float64) {
	for _, x := range xs {
		mean += x
		maxv = math.Max(maxv, x)
	}
	mean /= float64(len(xs))
	for _, x := range xs {
		sd += (x - mean) * (x - mean)
	}
	return mean, math.Sqrt(sd / float64(len(xs))), maxv
}

// blockIntervals are the header-time gaps between consecutive blocks start..end.
func blockIntervals(t *testing.T, node *Node, start, end int64) []float64 {
	t.Helper()
	var intervals []float64
	prev, err := node.Header(start)
	require.NoError(t, err)
	for h := start + 1; h <= end; h++ {
		hdr, err := node.Header(h)
		require.NoError(t, err)
		intervals = append(intervals, hdr.Time.Sub(prev.Time).Seconds())
		prev = hdr
	}
	return intervals
}

func percentiles(xs []float64) (p50, p95 float64) {
	sorted := append([]float64(nil), xs...)
	sort.Float64s(sorted)
	return sorted[len(sorted)/2], sorted[len(sorted)*95/100]
}
