package app

import (
	"context"
	"errors"
	"fmt"
	"sync"

	storetypes "cosmossdk.io/store/types"

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

// moduleState is one module's series, read from the last committed block. A scrape
// reads the state once per committed height and serves that reading until the next
// block, so scrapes (the endpoint is public) cost no store reads in between.
type moduleState struct {
	up    *prometheus.Desc
	descs []*prometheus.Desc
	state func() (context.Context, int64, error)
	read  func(context.Context) ([]prometheus.Metric, error)

	mu     sync.Mutex
	height int64
	series []prometheus.Metric
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

// committedState is a read-only context of the last committed block, with no gas
// limit: the node's query-gas-limit guards outside queries, not its own reading.
func (app *App) committedState() (context.Context, int64, error) {
	height := app.LastBlockHeight()
	if height == 0 {
		return nil, 0, errors.New("no committed block yet")
	}
	ctx, err := app.CreateQueryContext(height, false)
	if err != nil {
		return nil, 0, err
	}
	return ctx.WithGasMeter(storetypes.NewInfiniteGasMeter()), height, nil
}

// Describe implements prometheus.Collector.
func (m *moduleState) Describe(ch chan<- *prometheus.Desc) {
	ch <- m.up
	for _, d := range m.descs {
		ch <- d
	}
}

// Collect implements prometheus.Collector. A failed read, even a panic in it, reports
// up 0 and nothing else, never an error: one module's state must not fail the node's
// scrape, let alone the node (collectors run in the scrape's own goroutines).
func (m *moduleState) Collect(ch chan<- prometheus.Metric) {
	series, ok := m.current()
	if !ok {
		ch <- prometheus.MustNewConstMetric(m.up, prometheus.GaugeValue, 0)
		return
	}
	for _, s := range series {
		ch <- s
	}
	ch <- prometheus.MustNewConstMetric(m.up, prometheus.GaugeValue, 1)
}

// current is the reading at the last committed height, read now if that height is new.
func (m *moduleState) current() (series []prometheus.Metric, ok bool) {
	defer func() {
		if r := recover(); r != nil {
			series, ok = nil, false
		}
	}()
	ctx, height, err := m.state()
	if err != nil {
		return nil, false
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if height == m.height && m.series != nil {
		return m.series, true
	}
	series, err = m.read(ctx)
	if err != nil {
		return nil, false
	}
	m.height, m.series = height, series
	return series, true
}
