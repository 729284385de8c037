// Package reconcile watches the distance between what the chain decided for L1 and
// what L1 confirmed: x/slashing's L1 actions (slashes, refunds, releases, reward
// batches) queued, held, parked or confirmed otherwise than decided (MISMATCH), the
// contract changes governance decided and the pool has not made yet (x/sequencer's
// l1-admin pending), and the reward reserve alarm. It decides nothing and sends
// nothing: it reads the operator's own node and exports what it saw as Prometheus
// series and as the "divergence" part of /healthz, with warnings once something has
// stood longer than the pool's normal pace explains.
package reconcile

import (
	"context"
	"fmt"
	"time"

	"cosmossdk.io/log"

	"github.com/themis-network/themis/bridge/health"
	slashingtypes "github.com/themis-network/themis/x/slashing/types"
)

// Defaults of Config.
const (
	DefaultInterval = 15 * time.Second
	// DefaultMaxQueuedBlocks: an action queued this many chain blocks (about 15
	// minutes) is late; a slash is normally confirmed within 40 or 50.
	DefaultMaxQueuedBlocks = 1200
	// DefaultAdminGrace: a contract change pending this long is late; the pool makes
	// one in about ten seconds.
	DefaultAdminGrace = 10 * time.Minute
	// maxQueuedScan bounds the queued actions read per look (the oldest first: the
	// chain lists them by id).
	maxQueuedScan = 1000
	callTimeout   = 10 * time.Second
)

// Chain is what the watcher reads from the operator's node.
type Chain interface {
	// Actions returns up to limit x/slashing L1 actions in status (by id), their
	// total count and the chain height of the answer.
	Actions(ctx context.Context, status slashingtypes.L1ActionStatus, limit uint64) ([]slashingtypes.L1Action, uint64, int64, error)
	// ReserveLow is x/slashing's reward reserve alarm.
	ReserveLow(ctx context.Context) (bool, error)
	// AdminPending are x/sequencer's contract differences still to reconcile.
	AdminPending(ctx context.Context) ([]string, error)
}

// Config tunes a Watcher.
type Config struct {
	Interval        time.Duration
	MaxQueuedBlocks int64
	AdminGrace      time.Duration
	Logger          log.Logger
	Monitor         *health.Monitor // nil: no /healthz part
	Metrics         *Metrics        // nil: no series
	Now             func() time.Time
}

// Watcher is the loop; Run drives it.
type Watcher struct {
	cfg        Config
	chain      Chain
	adminSince time.Time // when the admin differences became non-empty (zero: none)
}

// New builds a watcher.
func New(cfg Config, chain Chain) (*Watcher, error) {
	if chain == nil {
		return nil, fmt.Errorf("reconcile: a chain is required")
	}
	if cfg.Interval <= 0 {
		cfg.Interval = DefaultInterval
	}
	if cfg.MaxQueuedBlocks <= 0 {
		cfg.MaxQueuedBlocks = DefaultMaxQueuedBlocks
	}
	if cfg.AdminGrace <= 0 {
		cfg.AdminGrace = DefaultAdminGrace
	}
	if cfg.Logger == nil {
		cfg.Logger = log.NewNopLogger()
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	return &Watcher{cfg: cfg, chain: chain}, nil
}

// Run looks every Interval until ctx ends. A failed look is logged and counted; the
// last good one stays in /healthz.
func (w *Watcher) Run(ctx context.Context) error {
	t := time.NewTicker(w.cfg.Interval)
	defer t.Stop()
	for {
		if _, err := w.Step(ctx); err != nil && ctx.Err() == nil {
			w.cfg.Metrics.failed()
			w.cfg.Logger.Warn("reconcile: reading the chain's L1 actions failed", "err", err)
		}
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
	}
}

// Step takes one look and reports it.
func (w *Watcher) Step(ctx context.Context) (health.Divergence, error) {
	ctx, cancel := context.WithTimeout(ctx, callTimeout)
	defer cancel()
	queued, nQueued, height, err := w.chain.Actions(ctx, slashingtypes.L1_ACTION_STATUS_QUEUED, maxQueuedScan)
	if err != nil {
		return health.Divergence{}, fmt.Errorf("queued actions: %w", err)
	}
	_, nParked, _, err := w.chain.Actions(ctx, slashingtypes.L1_ACTION_STATUS_PARKED, 1)
	if err != nil {
		return health.Divergence{}, fmt.Errorf("parked actions: %w", err)
	}
	_, nMismatch, _, err := w.chain.Actions(ctx, slashingtypes.L1_ACTION_STATUS_MISMATCH, 1)
	if err != nil {
		return health.Divergence{}, fmt.Errorf("mismatched actions: %w", err)
	}
	low, err := w.chain.ReserveLow(ctx)
	if err != nil {
		return health.Divergence{}, fmt.Errorf("reward state: %w", err)
	}
	pending, err := w.chain.AdminPending(ctx)
	if err != nil {
		return health.Divergence{}, fmt.Errorf("l1 admin: %w", err)
	}

	now := w.cfg.Now()
	switch {
	case len(pending) == 0:
		w.adminSince = time.Time{}
	case w.adminSince.IsZero():
		w.adminSince = now
	}
	d := Judge(Look{Height: height, Queued: queued, QueuedTotal: nQueued, Parked: nParked, Mismatch: nMismatch,
		ReserveLow: low, AdminPending: pending, AdminPendingFor: sinceOrZero(now, w.adminSince)},
		w.cfg.MaxQueuedBlocks, w.cfg.AdminGrace)
	d.CheckedAt = now.UTC().Format(time.RFC3339)
	if !w.adminSince.IsZero() {
		d.AdminPendingSince = w.adminSince.UTC().Format(time.RFC3339)
	}
	w.cfg.Metrics.record(d)
	w.cfg.Monitor.SetDivergence(d)
	for _, warning := range d.Warnings {
		w.cfg.Logger.Warn("reconcile: "+warning, "chain_height", height)
	}
	return d, nil
}

func sinceOrZero(now, since time.Time) time.Duration {
	if since.IsZero() {
		return 0
	}
	return now.Sub(since)
}
