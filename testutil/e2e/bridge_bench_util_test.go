//go:build e2e

package e2e

import (
	"bufio"
	"fmt"
	"math"
	"net/http"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
)

// Helpers of the bridge benchmarks (bridge_bench_test.go): what the chain says about a
// relayed event, the x/sequencer params they depend on, and the bridge process's resources.

// benchSummary is mean / p50 / p95 / max of a sample (nearest-rank percentiles).
type benchSummary struct{ Mean, P50, P95, Max float64 }

func benchSummarize(xs []float64) benchSummary {
	if len(xs) == 0 {
		return benchSummary{}
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	rank := func(p float64) float64 { return s[int(math.Ceil(p*float64(len(s))))-1] }
	var sum float64
	for _, x := range s {
		sum += x
	}
	return benchSummary{Mean: sum / float64(len(s)), P50: rank(0.50), P95: rank(0.95), Max: s[len(s)-1]}
}

func (s benchSummary) String() string {
	return fmt.Sprintf("mean=%.2f p50=%.2f p95=%.2f max=%.2f", s.Mean, s.P50, s.P95, s.Max)
}

// benchEnvInt reads a positive integer knob, or returns def.
func benchEnvInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}

// findEventHeight returns the first height in [from, to] where node n recorded an event
// of type kind for the log, or 0.
func findEventHeight(n *Node, from, to int64, kind string, txHash common.Hash, logIndex uint) (int64, error) {
	want := strings.ToLower(txHash.Hex())
	for h := from; h <= to; h++ {
		records, err := L1EventsAt(n, h)
		if err != nil {
			return 0, err
		}
		for _, r := range records {
			if r.Kind == kind && r.TxHash == want && r.Log == uint64(logIndex) {
				return h, nil
			}
		}
	}
	return 0, nil
}

// benchParams are the x/sequencer params the benchmarks depend on.
type benchParams struct {
	L1Confirmations  uint64
	EventTTLBlocks   uint64
	MaxPendingEvents uint64
}

func chainBenchParams(n *Node) (benchParams, error) {
	var resp struct {
		Params struct {
			L1Confirmations  string `json:"l1_confirmations"`
			EventTTLBlocks   string `json:"event_ttl_blocks"`
			MaxPendingEvents string `json:"max_pending_events"`
		} `json:"params"`
	}
	if err := GetJSON(n.REST+"/themis/sequencer/v1/params", &resp); err != nil {
		return benchParams{}, err
	}
	var p benchParams
	var err error
	for _, f := range []struct {
		s   string
		dst *uint64
	}{{resp.Params.L1Confirmations, &p.L1Confirmations}, {resp.Params.EventTTLBlocks, &p.EventTTLBlocks}, {resp.Params.MaxPendingEvents, &p.MaxPendingEvents}} {
		if *f.dst, err = strconv.ParseUint(f.s, 10, 64); err != nil {
			return benchParams{}, fmt.Errorf("params %+v: %w", resp.Params, err)
		}
	}
	return p, nil
}

// bridgePollInterval is the --poll-interval node n's bridge was started with (the
// harness chooses it; reading it back keeps the latency criterion in step).
func bridgePollInterval(t *testing.T, n *Node) time.Duration {
	t.Helper()
	if n.bridge == nil {
		t.Fatalf("node%d has no bridge", n.Index)
	}
	args := n.bridge.Args
	for i, a := range args {
		if a == "--poll-interval" && i+1 < len(args) {
			d, err := time.ParseDuration(args[i+1])
			if err != nil {
				t.Fatal(err)
			}
			return d
		}
	}
	return time.Second // the bridge's default (bridge/README.md, Flags)
}

// bridgePID is the process id of node n's running bridge.
func bridgePID(t *testing.T, n *Node) int {
	t.Helper()
	if n.bridge == nil || n.bridge.Process == nil {
		t.Fatalf("node%d has no running bridge", n.Index)
	}
	return n.bridge.Process.Pid
}

// procUsage is what Linux reports about a process: peak resident memory (VmHWM of
// /proc/<pid>/status) and CPU time (utime + stime of /proc/<pid>/stat).
type procUsage struct {
	PeakRSSMiB float64
	CPUSeconds float64
}

// procUserHZ is the unit of utime and stime in /proc/<pid>/stat: USER_HZ, which the Linux
// ABI fixes at 100 on every architecture the project targets (getconf CLK_TCK).
const procUserHZ = 100

func readProcUsage(pid int) (procUsage, error) {
	var u procUsage
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return u, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text()) // "VmHWM:   123456 kB"
		if len(fields) < 2 {
			continue
		}
		if fields[0] == "VmHWM:" {
			kib, _ := strconv.ParseFloat(fields[1], 64)
			u.PeakRSSMiB = kib / 1024
		}
	}
	stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return u, err
	}
	// The command name (field 2) may hold spaces; fields after its ')' are fixed:
	// state is field 3, utime field 14, stime field 15.
	rest := strings.Fields(string(stat[strings.LastIndexByte(string(stat), ')')+1:]))
	if len(rest) < 13 {
		return u, fmt.Errorf("/proc/%d/stat: too few fields", pid)
	}
	utime, _ := strconv.ParseFloat(rest[11], 64)
	stime, _ := strconv.ParseFloat(rest[12], 64)
	u.CPUSeconds = (utime + stime) / procUserHZ
	return u, nil
}

// bridgeMetric reads one unlabelled gauge of node n's bridge /metrics (-1 if absent).
func bridgeMetric(n *Node, name string) float64 {
	client := http.Client{Timeout: 2 * time.Second}
	resp, err := client.Get(fmt.Sprintf("http://127.0.0.1:%d/metrics", n.HealthPort))
	if err != nil {
		return -1
	}
	defer resp.Body.Close()
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), name+" "); ok {
			f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
			if err == nil {
				return f
			}
		}
	}
	return -1
}

// waitBridgesCaughtUp waits until every bridge answers /healthz with 200 (it read L1 up
// to the confirmed head and reached the chain).
func (ln *Localnet) waitBridgesCaughtUp(timeout time.Duration) {
	ln.t.Helper()
	for _, n := range ln.Nodes {
		ln.waitFor(timeout, fmt.Sprintf("node%d's bridge healthy", n.Index), func() bool {
			_, ok := BridgeHealth(n)
			return ok
		})
	}
}

// meanBlockTime is the mean header interval of node n over heights [from, to].
func meanBlockTime(n *Node, from, to int64) (time.Duration, error) {
	if to <= from {
		return 0, fmt.Errorf("no blocks in [%d, %d]", from, to)
	}
	a, err := n.Header(from)
	if err != nil {
		return 0, err
	}
	b, err := n.Header(to)
	if err != nil {
		return 0, err
	}
	return b.Time.Sub(a.Time) / time.Duration(to-from), nil
}
