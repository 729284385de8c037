package app

import (
	"context"
	"errors"
	"fmt"

	"github.com/prometheus/client_golang/prometheus"

	epochmetrics "github.com/themis-network/themis/x/epoch/metrics"
	mpcmetrics "github.com/themis-network/themis/x/mpc/metrics"
	sequencermetrics "github.com/themis-network/themis/x/sequencer/metrics"
	slashingmetrics "github.com/themis-network/themis/x/slashing/metrics"
)

// RegisterStateMetrics exports every themis module's state as Prometheus series on
// reg (the node serves prometheus.DefaultRegisterer beside CometBFT's own series when
// config.toml's instrumentation.prometheus is on). Each scrape reads the last committed
// block through a query context, like a gRPC query: nothing runs in a consensus path.
// Registering twice in one process (tests build many apps) keeps the first.
func (app *App) RegisterStateMetrics(reg prometheus.Registerer) error {
	collectors := []prometheus.Collector{
		app.stateCollector("sequencer", sequencermetrics.Descs, func(ctx context.Context) ([]prometheus.Metric, error) {
			return sequencermetrics.Read(ctx, app.SequencerKeeper)
		}),
		app.stateCollector("epoch", epochmetrics.Descs, func(ctx context.Context) ([]prometheus.Metric, error) {
			return epochmetrics.Read(ctx, app.EpochKeeper)
		}),
		app.stateCollector("slashing", slashingmetrics.Descs, func(ctx context.Context) ([]prometheus.Metric, error) {
			return slashingmetrics.Read(ctx, app.SlashingKeeper)
		}),
		app.stateCollector("mpc", mpcmetrics.Descs, func(ctx context.Context) ([]prometheus.Metric, error) {
			return mpcmetrics.Read(ctx, app.MpcKeeper)
		}),
	}
	for _, c := range collectors {
		if err := reg.Register(c); err != nil && !errors.As(err, new(prometheus.AlreadyRegisteredError)) {
			return err
		}
	}
	return nil
}

// moduleState is one module's series, read from the last committed block per scrape.
type moduleState struct {
	up    *prometheus.Desc
	descs []*prometheus.Desc
	state func() (context.Context, error)
	read  func(context.Context) ([]prometheus.Metric, error)
}

func (app *App) stateCollector(module string, descs []*prometheus.Desc, read func(context.Context) ([]prometheus.Metric, error)) *moduleState {
	return &moduleState{
		up: prometheus.NewDesc(fmt.Sprintf("themis_%s_metrics_up", module),
			fmt.Sprintf("1 if x/%s's state was read for this scrape (0: no committed block yet, or the read failed).", module), nil, nil),
		descs: descs,
		state: app.committedState,
		read:  read,
	}
}

// committedState is a read-only context of the last committed block.
func (app *App) committedState() (context.Context, error) {
	height := app.LastBlockHeight()
	if height == 0 {
		return nil, errors.New("no committed block yet")
	}
	return app.CreateQueryContext(height, false)
}

// Describe implements prometheus.Collector.
func (m *moduleState) Describe(ch chan<- *prometheus.Desc) {
	ch <- m.up
	for _, d := range m.descs {
		ch <- d
	}
}

// Collect implements prometheus.Collector. A failed read reports up 0 and nothing else,
// never an error: one module's state must not fail the node's whole scrape.
func (m *moduleState) Collect(ch chan<- prometheus.Metric) {
	ctx, err := m.state()
	var series []prometheus.Metric
	if err == nil {
		series, err = m.read(ctx)
	}
	if err != nil {
		ch <- prometheus.MustNewConstMetric(m.up, prometheus.GaugeValue, 0)
		return
	}
	for _, s := range series {
		ch <- s
	}
	ch <- prometheus.MustNewConstMetric(m.up, prometheus.GaugeValue, 1)
}
