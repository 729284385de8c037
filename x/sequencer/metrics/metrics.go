// Package metrics reads x/sequencer's state as Prometheus series (themis_sequencer_*).
// The node reads them at scrape time from the last committed block (app/metrics.go):
// nothing is computed in a consensus path.
package metrics

import (
	"context"
	"errors"
	"strings"

	"cosmossdk.io/collections"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/themis-network/themis/x/sequencer/keeper"
	"github.com/themis-network/themis/x/sequencer/types"
)

var (
	byStatus = prometheus.NewDesc("themis_sequencer_sequencers",
		"Sequencers by status (active, jailed, unlocking, unlocked, removed, banned, not_admitted).", []string{"status"}, nil)
	power = prometheus.NewDesc("themis_sequencer_active_power",
		"Total voting power of the active set (locked stake, capped).", nil, nil)
	pending = prometheus.NewDesc("themis_sequencer_pending_l1_events",
		"Relayed L1 events waiting for the pool's vote.", nil, nil)
	oldest = prometheus.NewDesc("themis_sequencer_oldest_pending_l1_event_blocks",
		"Age in themis blocks of the oldest pending L1 event (0: none pending).", nil, nil)
)

// Descs are the series Read returns.
var Descs = []*prometheus.Desc{byStatus, power, pending, oldest}

// Read returns x/sequencer's figures at ctx.
func Read(ctx context.Context, k keeper.Keeper) ([]prometheus.Metric, error) {
	counts := map[types.SequencerStatus]int{}
	for s := range types.SequencerStatus_name {
		counts[types.SequencerStatus(s)] = 0
	}
	err := k.Sequencers.Walk(ctx, nil, func(_ uint64, s types.Sequencer) (bool, error) {
		counts[s.Status]++
		return false, nil
	})
	if err != nil {
		return nil, err
	}
	var out []prometheus.Metric
	for s, n := range counts {
		if s == types.SEQUENCER_STATUS_UNSPECIFIED {
			continue
		}
		label := strings.ToLower(strings.TrimPrefix(s.String(), "SEQUENCER_STATUS_"))
		out = append(out, prometheus.MustNewConstMetric(byStatus, prometheus.GaugeValue, float64(n), label))
	}
	set, err := k.ActiveValidatorSet(ctx)
	if err != nil {
		return nil, err
	}
	count, err := k.PendingCount.Get(ctx)
	if errors.Is(err, collections.ErrNotFound) {
		count, err = 0, nil // nothing relayed yet
	}
	if err != nil {
		return nil, err
	}
	age, err := oldestPendingAge(ctx, k)
	if err != nil {
		return nil, err
	}
	return append(out,
		prometheus.MustNewConstMetric(power, prometheus.GaugeValue, float64(set.TotalPower)),
		prometheus.MustNewConstMetric(pending, prometheus.GaugeValue, float64(count)),
		prometheus.MustNewConstMetric(oldest, prometheus.GaugeValue, float64(age)),
	), nil
}

// oldestPendingAge is how many blocks ago the oldest pending event (the lowest id) was
// first relayed.
func oldestPendingAge(ctx context.Context, k keeper.Keeper) (int64, error) {
	it, err := k.PendingEvents.Iterate(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer it.Close()
	if !it.Valid() {
		return 0, nil
	}
	p, err := it.Value()
	if err != nil {
		return 0, err
	}
	return max(0, sdk.UnwrapSDKContext(ctx).BlockHeight()-p.SubmittedHeight), nil
}
