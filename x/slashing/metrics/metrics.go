// Package metrics reads x/slashing's state as Prometheus series (themis_slashing_*).
// The node reads them at scrape time from the last committed block (app/metrics.go):
// nothing is computed in a consensus path.
package metrics

import (
	"context"

	"cosmossdk.io/collections"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/themis-network/themis/x/slashing/keeper"
	"github.com/themis-network/themis/x/slashing/types"
)

var (
	offences = prometheus.NewDesc("themis_slashing_offences_total",
		"Offences judged (any severity).", nil, nil)
	jailed = prometheus.NewDesc("themis_slashing_jailed",
		"Sequencers in jail now.", nil, nil)
	queued = prometheus.NewDesc("themis_slashing_l1_actions_pending",
		"L1 actions for the pool (slashes, escrow releases, reward batches) not yet confirmed by their L1 event.", nil, nil)
	unsent = prometheus.NewDesc("themis_slashing_l1_actions_unsent",
		"Pending L1 actions whose pool call has not landed on L1.", nil, nil)
	oldest = prometheus.NewDesc("themis_slashing_oldest_pending_l1_action_blocks",
		"Age in themis blocks of the oldest pending L1 action (0: none pending).", nil, nil)
)

// Descs are the series Read returns.
var Descs = []*prometheus.Desc{offences, jailed, queued, unsent, oldest}

// Read returns x/slashing's figures at ctx.
func Read(ctx context.Context, k keeper.Keeper) ([]prometheus.Metric, error) {
	n, err := k.NextOffence.Peek(ctx) // ids are 1, 2, ...: the sequence holds the count
	if err != nil {
		return nil, err
	}
	var jails, pending, notLanded int
	var oldestCreated int64
	if err := k.Jails.Walk(ctx, nil, func(uint64, types.Jail) (bool, error) { jails++; return false, nil }); err != nil {
		return nil, err
	}
	err = k.QueuedActions.Walk(ctx, nil, func(id uint64) (bool, error) {
		if pending == 0 {
			a, err := k.L1Actions.Get(ctx, id)
			if err != nil {
				return true, err
			}
			oldestCreated = a.CreatedHeight
		}
		pending++
		return false, nil
	})
	if err != nil {
		return nil, err
	}
	if err := k.UnsentActions.Walk(ctx, nil, func(collections.Pair[uint32, uint64]) (bool, error) { notLanded++; return false, nil }); err != nil {
		return nil, err
	}
	var age int64
	if pending > 0 {
		age = max(0, sdk.UnwrapSDKContext(ctx).BlockHeight()-oldestCreated)
	}
	return []prometheus.Metric{
		prometheus.MustNewConstMetric(offences, prometheus.CounterValue, float64(n)),
		prometheus.MustNewConstMetric(jailed, prometheus.GaugeValue, float64(jails)),
		prometheus.MustNewConstMetric(queued, prometheus.GaugeValue, float64(pending)),
		prometheus.MustNewConstMetric(unsent, prometheus.GaugeValue, float64(notLanded)),
		prometheus.MustNewConstMetric(oldest, prometheus.GaugeValue, float64(age)),
	}, nil
}
