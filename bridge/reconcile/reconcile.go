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
	// DefaultMaxQueuedBlocks: an action queued this many chain blocks (about 20
	// minutes) is late; a slash is normally confirmed within 20 to 90 (BENCHMARKS.md).
	DefaultMaxQueuedBlocks = 1200
	// DefaultAdminGrace: a contract change pending this long is late; the pool makes
	// one in about ten seconds.
	DefaultAdminGrace = 10 * time.Minute
	// maxQueuedScan bounds the queued actions read per look (the oldest first: the
	// chain lists them by id); held is counted among those.
	maxQueuedScan = 1000
	// callTimeout bounds each of a look's five reads.
	callTimeout = 10 * time.Second
	// staleAfter: this many intervals without a good reading and /healthz says the
	// divergence it shows is stale.
	staleAfter = 3
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
	cfg   Config
	chain Chain
	// adminSeen is when each pending contract change was first seen (the chain lists
	// at most 100); a change that leaves the list is forgotten.
	adminSeen map[string]time.Time
	last      *health.Divergence
	lastOK    time.Time
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
			w.cfg.Logger.Warn("reconcile: reading the chain's L1 actions failed", "err", err)
		}
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
	}
}

// Step takes one look and reports it. A failed look is counted; once no look has
// succeeded for staleAfter intervals, /healthz keeps the last one with a warning that
// it is stale.
func (w *Watcher) Step(ctx context.Context) (health.Divergence, error) {
	d, err := w.look(ctx)
	if err != nil {
		w.cfg.Metrics.failed()
		w.markStale()
		return health.Divergence{}, err
	}
	return d, nil
}

// look reads the chain, each read with its own time budget.
func (w *Watcher) look(ctx context.Context) (health.Divergence, error) {
	var (
		queued                      []slashingtypes.L1Action
		nQueued, nParked, nMismatch uint64
		height                      int64
		low                         bool
		pending                     []string
	)
	reads := []struct {
		what string
		read func(context.Context) error
	}{
		{"queued actions", func(c context.Context) (err error) {
			queued, nQueued, height, err = w.chain.Actions(c, slashingtypes.L1_ACTION_STATUS_QUEUED, maxQueuedScan)
			return err
		}},
		{"parked actions", func(c context.Context) (err error) {
			_, nParked, _, err = w.chain.Actions(c, slashingtypes.L1_ACTION_STATUS_PARKED, 1)
			return err
		}},
		{"mismatched actions", func(c context.Context) (err error) {
			_, nMismatch, _, err = w.chain.Actions(c, slashingtypes.L1_ACTION_STATUS_MISMATCH, 1)
			return err
		}},
		{"reward state", func(c context.Context) (err error) { low, err = w.chain.ReserveLow(c); return err }},
		{"l1 admin", func(c context.Context) (err error) { pending, err = w.chain.AdminPending(c); return err }},
	}
	for _, r := range reads {
		c, cancel := context.WithTimeout(ctx, callTimeout)
		err := r.read(c)
		cancel()
		if err != nil {
			return health.Divergence{}, fmt.Errorf("%s: %w", r.what, err)
		}
	}

	now := w.cfg.Now()
	oldest, since := w.trackAdmin(pending, now)
	d := Judge(Look{Height: height, Queued: queued, QueuedTotal: nQueued, Parked: nParked, Mismatch: nMismatch,
		ReserveLow: low, AdminPending: pending, AdminOldest: oldest, AdminPendingFor: sinceOrZero(now, since)},
		w.cfg.MaxQueuedBlocks, w.cfg.AdminGrace)
	d.CheckedAt = now.UTC().Format(time.RFC3339)
	if !since.IsZero() {
		d.AdminPendingSince = since.UTC().Format(time.RFC3339)
	}
	w.cfg.Metrics.record(d, now)
	w.cfg.Monitor.SetDivergence(d)
	w.last, w.lastOK = &d, now
	for _, warning := range d.Warnings {
		w.cfg.Logger.Warn("reconcile: "+warning, "chain_height", height)
	}
	return d, nil
}

// markStale keeps the last good look in /healthz, warning that it is stale once no
// look succeeded for staleAfter intervals.
func (w *Watcher) markStale() {
	if w.last == nil {
		return
	}
	now := w.cfg.Now()
	if now.Sub(w.lastOK) < staleAfter*w.cfg.Interval {
		return
	}
	d := *w.last
	d.Warnings = append(append([]string(nil), d.Warnings...),
		fmt.Sprintf("stale: the node could not be read for %s; this is the look of %s", now.Sub(w.lastOK).Round(time.Second), d.CheckedAt))
	w.cfg.Monitor.SetDivergence(d)
}

// trackAdmin records when each pending change was first seen and returns the one
// pending longest, with that time (zero: none pending). A steady turnover of changes
// the pool makes in seconds never looks late; one that stays does.
func (w *Watcher) trackAdmin(pending []string, now time.Time) (string, time.Time) {
	seen := make(map[string]time.Time, len(pending))
	var oldest string
	var since time.Time
	for _, p := range pending {
		at, ok := w.adminSeen[p]
		if !ok {
			at = now
		}
		seen[p] = at
		if since.IsZero() || at.Before(since) {
			oldest, since = p, at
		}
	}
	w.adminSeen = seen
	return oldest, since
}

func sinceOrZero(now, since time.Time) time.Duration {
	if since.IsZero() {
		return 0
	}
	return now.Sub(since)
}
