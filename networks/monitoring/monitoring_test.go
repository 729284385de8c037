package monitoring

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// cometSeries are CometBFT's series the rules and the dashboard use (CometBFT names
// them from namespace, subsystem and name, so they are not string literals here; the
// e2e suite scrapes a running node for them).
var cometSeries = map[string]bool{
	"cometbft_consensus_height":                       true,
	"cometbft_p2p_peers":                              true,
	"cometbft_consensus_block_interval_seconds_sum":   true,
	"cometbft_consensus_block_interval_seconds_count": true,
}

// servedSeries are the themis series named in the product's Go code: every
// `"themis_..."` literal, and the modules' `themis_%s_metrics_up`.
func servedSeries(t *testing.T) map[string]bool {
	t.Helper()
	literal := regexp.MustCompile(`"(themis_[a-z0-9_]+)"`)
	served := map[string]bool{}
	for _, m := range []string{"sequencer", "epoch", "slashing", "mpc"} {
		served["themis_"+m+"_metrics_up"] = true
	}
	err := filepath.WalkDir("../..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && path != "../.." && (d.Name() == "build" || strings.HasPrefix(d.Name(), ".")) {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range literal.FindAllStringSubmatch(string(src), -1) {
			served[m[1]] = true
		}
		return nil
	})
	require.NoError(t, err)
	return served
}

// named are the series an expression names (histogram and summary suffixes kept).
func named(expr string) []string {
	var out []string
	for _, m := range regexp.MustCompile(`\b(?:themis|cometbft)_[a-z0-9_]*[a-z0-9]\b`).FindAllString(expr, -1) {
		out = append(out, m)
	}
	return out
}

func requireServed(t *testing.T, where string, exprs []string) {
	t.Helper()
	served := servedSeries(t)
	seen := 0
	for _, e := range exprs {
		for _, name := range named(e) {
			base := strings.TrimSuffix(name, "_bucket")
			require.True(t, served[name] || served[base] || cometSeries[name], "%s names %s, which nothing serves (expr %q)", where, name, e)
			seen++
		}
	}
	require.Greater(t, seen, 10, where)
}

// Every alert expression names only series the node, its engine or its bridge serve.
func TestAlertRulesNameServedSeries(t *testing.T) {
	raw, err := os.ReadFile("alerts.yml")
	require.NoError(t, err)
	var exprs []string
	for _, line := range strings.Split(string(raw), "\n") {
		if e, ok := strings.CutPrefix(strings.TrimSpace(line), "expr: "); ok {
			exprs = append(exprs, e)
		}
	}
	require.GreaterOrEqual(t, len(exprs), 20)
	requireServed(t, "alerts.yml", exprs)
}

// Every dashboard panel's query names only served series, and every panel has one.
func TestDashboardNamesServedSeries(t *testing.T) {
	raw, err := os.ReadFile("grafana-dashboard.json")
	require.NoError(t, err)
	var dash struct {
		UID    string `json:"uid"`
		Panels []struct {
			Type    string `json:"type"`
			Title   string `json:"title"`
			Targets []struct {
				Expr string `json:"expr"`
			} `json:"targets"`
		} `json:"panels"`
	}
	require.NoError(t, json.Unmarshal(raw, &dash))
	require.Equal(t, "themis-pool", dash.UID)
	var exprs []string
	for _, p := range dash.Panels {
		if p.Type == "row" {
			continue
		}
		require.NotEmpty(t, p.Targets, "panel %q has no query", p.Title)
		for _, target := range p.Targets {
			exprs = append(exprs, target.Expr)
		}
	}
	requireServed(t, "grafana-dashboard.json", exprs)
}
