// Package metrics reads x/epoch's state as Prometheus series (themis_epoch_*). The node
// reads them at scrape time from the last committed block (app/metrics.go): nothing is
// computed in a consensus path.
package metrics

import (
	"context"

	"github.com/prometheus/client_golang/prometheus"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/themis-network/themis/x/epoch/keeper"
	"github.com/themis-network/themis/x/epoch/types"
)

var (
	head = prometheus.NewDesc("themis_epoch_l2_head",
		"The L2 head more than 2/3 of power agreed on.", nil, nil)
	stalled = prometheus.NewDesc("themis_epoch_l2_head_stalled_seconds",
		"Chain block time counted against the agreed L2 head (the stall clock).", nil, nil)
	threshold = prometheus.NewDesc("themis_epoch_stall_threshold_seconds",
		"The stall clock's threshold: past it the chain re-elects the producer.", nil, nil)
	epochID = prometheus.NewDesc("themis_epoch_current_id",
		"Id of the epoch producing the next L2 block.", nil, nil)
	producer = prometheus.NewDesc("themis_epoch_current_producer_id",
		"L1 sequencer id of the current producer.", nil, nil)
	reElected = prometheus.NewDesc("themis_epoch_current_is_reelection",
		"1 if the current epoch replaced a stalled or removed producer early.", nil, nil)
	endHeight = prometheus.NewDesc("themis_epoch_current_end_height",
		"Last L2 height of the current epoch.", nil, nil)
	nextDecided = prometheus.NewDesc("themis_epoch_next_decided",
		"1 if the epoch after the current one is decided.", nil, nil)
	noEligible = prometheus.NewDesc("themis_epoch_no_eligible_producer",
		"1 if no sequencer is ready to produce (the chain keeps the current producer).", nil, nil)
	offences = prometheus.NewDesc("themis_epoch_offences_total",
		"Non-production offences recorded (stalls charged to a producer).", nil, nil)
)

// Descs are the series Read returns.
var Descs = []*prometheus.Desc{head, stalled, threshold, epochID, producer, reElected, endHeight, nextDecided, noEligible, offences}

// Read returns x/epoch's figures at ctx (before the first epoch: only the parameters
// and counts).
func Read(ctx context.Context, k keeper.Keeper) ([]prometheus.Metric, error) {
	params, err := k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	n, err := k.NextOffence.Peek(ctx) // ids are 1, 2, ...: the sequence holds the count
	if err != nil {
		return nil, err
	}
	out := []prometheus.Metric{
		gauge(threshold, params.StallThreshold.Seconds()),
		prometheus.MustNewConstMetric(offences, prometheus.CounterValue, float64(n)),
	}
	q := keeper.NewQueryServerImpl(k)
	cur, err := q.CurrentEpoch(ctx, &types.QueryCurrentEpochRequest{})
	if status.Code(err) == codes.NotFound {
		return out, nil // no agreed L2 head yet
	}
	if err != nil {
		return nil, err
	}
	_, nextErr := q.NextEpoch(ctx, &types.QueryNextEpochRequest{})
	return append(out,
		gauge(head, float64(cur.Head.Height)),
		gauge(stalled, cur.Head.StalledFor.Seconds()),
		gauge(epochID, float64(cur.Epoch.Id)),
		gauge(producer, float64(cur.Epoch.ProducerId)),
		gauge(endHeight, float64(cur.Epoch.EndHeight)),
		gauge(reElected, flag(cur.Epoch.ReplacedProducerId != 0)),
		gauge(noEligible, flag(cur.NoEligible)),
		gauge(nextDecided, flag(nextErr == nil)),
	), nil
}

func gauge(d *prometheus.Desc, v float64) prometheus.Metric {
	return prometheus.MustNewConstMetric(d, prometheus.GaugeValue, v)
}

func flag(b bool) float64 {
	if b {
		return 1
	}
	return 0
}
