//go:build e2e

package e2e

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/networks/l2sim"
)

// report logs the run and writes it to SOAK_REPORT (markdown) when set.
func (s *soak) report() {
	s.mu.Lock()
	defer s.mu.Unlock()
	var b strings.Builder
	fmt.Fprintf(&b, "soak: seed %d, %s at stall threshold %s (jail %s), chain block time %s\n",
		s.cfg.seed, s.cfg.duration, s.cfg.threshold, s.cfg.jail, s.blockTime.Round(10*time.Millisecond))
	ran, skipped := map[string]int{}, map[string]int{}
	for _, f := range s.faultLog {
		if f.skip == "" {
			ran[f.name]++
		} else {
			skipped[f.name]++
		}
	}
	fmt.Fprintf(&b, "faults injected (skipped):\n")
	for _, f := range soakFaults {
		fmt.Fprintf(&b, "  %-22s %3d (%d)\n", f.name, ran[f.name], skipped[f.name])
	}
	outcome := "all held"
	switch {
	case s.t.Failed():
		outcome = "FAILED: see the errors above"
	case !s.completed:
		outcome = "NOT COMPLETED: the run stopped before its final checks"
	}
	fmt.Fprintf(&b, "invariant checks (%s):\n", outcome)
	for _, k := range sortedKeys(s.checks) {
		fmt.Fprintf(&b, "  %-100s %d\n", k, s.checks[k])
	}
	fmt.Fprintf(&b, "longest the agreed L2 head stood still: %s\n", s.maxStill.Round(100*time.Millisecond))
	if len(s.failovers) > 0 {
		d, g := decisions(s.failovers), gaps(s.failovers)
		fmt.Fprintf(&b, "failover, %d re-elections, from the stalled producer's last L2 block:\n", len(s.failovers))
		fmt.Fprintf(&b, "  to the decision:           p50 %s  p95 %s  max %s  (threshold %s)\n",
			round(quantile(d, 0.5)), round(quantile(d, 0.95)), round(quantile(d, 1)), s.cfg.threshold)
		fmt.Fprintf(&b, "  to the next L2 block:      p50 %s  p95 %s  max %s\n",
			round(quantile(g, 0.5)), round(quantile(g, 0.95)), round(quantile(g, 1)))
		if s.blockTime > 0 {
			excess := quantile(d, 0.95) - l2sim.DefaultBlockInterval - s.cfg.threshold // from the first missed block
			fmt.Fprintf(&b, "  p95 beyond threshold, from the first missed L2 block: %s = %.1f chain blocks\n",
				round(excess), float64(excess)/float64(s.blockTime))
		}
	}
	fmt.Fprintf(&b, "fault log:\n")
	for _, f := range s.faultLog {
		what := f.target
		if f.skip != "" {
			what = "skipped: " + f.skip
		}
		fmt.Fprintf(&b, "  %8s  %-20s %s\n", f.at.Round(time.Second), f.name, what)
	}
	for _, f := range s.failovers {
		fmt.Fprintf(&b, "  failover: producer %d -> epoch %d: decided %s, next L2 block %s after its last block\n",
			f.producer, f.epoch, round(f.decision), round(f.gap))
	}
	s.t.Log(b.String())
	if s.cfg.reportPath != "" {
		require.NoError(s.t, os.WriteFile(s.cfg.reportPath, []byte(b.String()), 0o644))
	}
}

func decisions(fs []soakFailover) []time.Duration {
	out := make([]time.Duration, len(fs))
	for i, f := range fs {
		out[i] = f.decision
	}
	return out
}

func gaps(fs []soakFailover) []time.Duration {
	out := make([]time.Duration, len(fs))
	for i, f := range fs {
		out[i] = f.gap
	}
	return out
}

// quantile is the nearest-rank quantile q of ds (q = 1: the maximum).
func quantile(ds []time.Duration, q float64) time.Duration {
	sorted := append([]time.Duration(nil), ds...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i] < sorted[j] })
	rank := int(q*float64(len(sorted))+0.999999) - 1
	return sorted[max(0, min(len(sorted)-1, rank))]
}

func round(d time.Duration) time.Duration { return d.Round(10 * time.Millisecond) }

func sortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
