// Package metrics reads x/mpc's state as Prometheus series (themis_mpc_*): the pool key,
// its sessions, sign requests and L1 transactions as the chain sees them. The engine's
// own series (themis_tss_*: sessions run and failed, preparams left) come from tss/.
// The node reads these at scrape time from the last committed block (app/metrics.go):
// nothing is computed in a consensus path.
package metrics

import (
	"context"
	"errors"
	"math/big"
	"strings"

	"cosmossdk.io/collections"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/themis-network/themis/x/mpc/keeper"
	"github.com/themis-network/themis/x/mpc/types"
)

var (
	hasKey = prometheus.NewDesc("themis_mpc_pool_key_present",
		"1 if the pool has a confirmed threshold key.", nil, nil)
	generation = prometheus.NewDesc("themis_mpc_pool_key_generation",
		"Generation of the pool key (rises with every resharing and replacement).", nil, nil)
	committee = prometheus.NewDesc("themis_mpc_committee_size",
		"Parties holding a share of the pool key.", nil, nil)
	threshold = prometheus.NewDesc("themis_mpc_committee_threshold",
		"t of the committee: t+1 parties sign.", nil, nil)
	ready = prometheus.NewDesc("themis_mpc_ready_sequencers",
		"Active sequencers whose engine reports ready.", nil, nil)
	open = prometheus.NewDesc("themis_mpc_open_sessions",
		"Open TSS sessions by kind (keygen, reshare, sign).", []string{"kind"}, nil)
	sessions = prometheus.NewDesc("themis_mpc_sessions_total",
		"TSS sessions the chain has opened.", nil, nil)
	requests = prometheus.NewDesc("themis_mpc_sign_requests_pending",
		"Sign requests not yet signed, by status (queued, signing).", []string{"status"}, nil)
	poolTxs = prometheus.NewDesc("themis_mpc_pool_txs_pending",
		"Pool transactions not yet final, by status (checking, queued, signing, sent).", []string{"status"}, nil)
	blames = prometheus.NewDesc("themis_mpc_blames_total",
		"Blames recorded against TSS parties.", nil, nil)
	balance = prometheus.NewDesc("themis_mpc_pool_balance_wei",
		"The pool address's L1 balance as the validators agreed on it.", nil, nil)
	balanceLow = prometheus.NewDesc("themis_mpc_pool_balance_low",
		"1 if the pool address's L1 balance is below what its transactions need.", nil, nil)
)

// Descs are the series Read returns.
var Descs = []*prometheus.Desc{hasKey, generation, committee, threshold, ready, open, sessions, requests, poolTxs, blames, balance, balanceLow}

// Read returns x/mpc's figures at ctx.
func Read(ctx context.Context, k keeper.Keeper) ([]prometheus.Metric, error) {
	var out []prometheus.Metric
	gauge := func(d *prometheus.Desc, v float64, labels ...string) {
		out = append(out, prometheus.MustNewConstMetric(d, prometheus.GaugeValue, v, labels...))
	}
	pk, err := k.PoolKey.Get(ctx)
	switch {
	case errors.Is(err, collections.ErrNotFound):
		gauge(hasKey, 0)
	case err != nil:
		return nil, err
	default:
		gauge(hasKey, 1)
		gauge(generation, float64(pk.Generation))
		gauge(committee, float64(len(pk.Committee.Members)))
		gauge(threshold, float64(pk.Committee.Threshold))
	}

	var readyCount int
	if err := k.Readiness.Walk(ctx, nil, func(_ []byte, r types.Readiness) (bool, error) {
		if r.Ready {
			readyCount++
		}
		return false, nil
	}); err != nil {
		return nil, err
	}
	gauge(ready, float64(readyCount))

	kinds := map[string]int{"keygen": 0, "reshare": 0, "sign": 0}
	if err := k.OpenSessions.Walk(ctx, nil, func(n uint64) (bool, error) {
		s, err := k.Sessions.Get(ctx, n)
		if err != nil {
			return true, err
		}
		kinds[strings.ToLower(strings.TrimPrefix(s.Kind.String(), "SESSION_KIND_"))]++
		return false, nil
	}); err != nil {
		return nil, err
	}
	for kind, n := range kinds {
		gauge(open, float64(n), kind)
	}
	total, err := k.NextSession.Peek(ctx) // numbers are 1, 2, ...: the sequence holds the count
	if err != nil {
		return nil, err
	}
	out = append(out, prometheus.MustNewConstMetric(sessions, prometheus.CounterValue, float64(total)))

	for _, s := range []types.SignRequestStatus{types.SIGN_REQUEST_STATUS_QUEUED, types.SIGN_REQUEST_STATUS_SIGNING} {
		n, err := countStatus(ctx, k.RequestsByStatus, int32(s))
		if err != nil {
			return nil, err
		}
		gauge(requests, float64(n), strings.ToLower(strings.TrimPrefix(s.String(), "SIGN_REQUEST_STATUS_")))
	}
	for _, s := range []types.PoolTxStatus{types.POOL_TX_STATUS_CHECKING, types.POOL_TX_STATUS_QUEUED, types.POOL_TX_STATUS_SIGNING, types.POOL_TX_STATUS_SENT} {
		n, err := countStatus(ctx, k.PoolTxsByStatus, int32(s))
		if err != nil {
			return nil, err
		}
		gauge(poolTxs, float64(n), strings.ToLower(strings.TrimPrefix(s.String(), "POOL_TX_STATUS_")))
	}
	nb, err := k.NextBlame.Peek(ctx)
	if err != nil {
		return nil, err
	}
	out = append(out, prometheus.MustNewConstMetric(blames, prometheus.CounterValue, float64(nb)))

	view, err := k.L1View.Get(ctx)
	if err != nil && !errors.Is(err, collections.ErrNotFound) {
		return nil, err
	}
	if err == nil {
		wei, _ := new(big.Float).SetInt(new(big.Int).SetBytes(view.PoolBalance)).Float64()
		gauge(balance, wei)
		gauge(balanceLow, flag(view.LowBalance))
	}
	return out, nil
}

// countStatus counts the ids a status index holds under one status.
func countStatus(ctx context.Context, index collections.KeySet[collections.Pair[int32, uint64]], status int32) (int, error) {
	n := 0
	err := index.Walk(ctx, collections.NewPrefixedPairRange[int32, uint64](status), func(collections.Pair[int32, uint64]) (bool, error) {
		n++
		return false, nil
	})
	return n, err
}

func flag(b bool) float64 {
	if b {
		return 1
	}
	return 0
}
