package l2

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync/atomic"
	"time"

	"cosmossdk.io/log"

	epochtypes "github.com/themis-network/themis/x/epoch/types"
)

// Watcher follows the L2 node's head. Run polls; every other method only reads the
// cached state and is safe to call from any goroutine while Run runs.
type Watcher struct {
	cfg    Config
	logger log.Logger
	client *Client

	// state is replaced, never mutated, by Run's goroutine (the only writer), so
	// readers need no lock: ExtendVote's Head() is one atomic load.
	state   atomic.Pointer[Status]
	running atomic.Bool

	// Owned by Run's goroutine.
	chainCheckedAt time.Time // zero: check before the next head is accepted
	failLog        failureLog
	rejectedNext   time.Time // when to ask for the refused blocks next
}

// NewWatcher checks cfg, fills its defaults and returns a watcher that has not
// contacted the L2 node yet (Run does).
func NewWatcher(cfg Config, logger log.Logger) (*Watcher, error) {
	cfg, err := cfg.withDefaults()
	if err != nil {
		return nil, err
	}
	if logger == nil {
		logger = log.NewNopLogger()
	}
	client, err := Dial(cfg.RPC, cfg.RequestTimeout)
	if err != nil {
		return nil, err
	}
	w := &Watcher{cfg: cfg, logger: logger, client: client}
	w.state.Store(&Status{})
	return w, nil
}

// Head is the latest head the L2 node reported; false before the first successful
// poll. It does no I/O.
func (w *Watcher) Head() (Head, bool) {
	s := w.state.Load()
	return s.Head, s.HasHead
}

// LastSuccess is the time of the last successful poll (zero before the first).
func (w *Watcher) LastSuccess() time.Time { return w.state.Load().LastSuccess }

// Healthy reports whether a poll succeeded within maxSilence before now.
func (w *Watcher) Healthy(now time.Time, maxSilence time.Duration) bool {
	last := w.LastSuccess()
	return !last.IsZero() && now.Sub(last) <= maxSilence
}

// Rejected is the RLP of the cached refused blocks (wrong state root, valid seal),
// newest first: what x/epoch's reporter may put in a report. It does no I/O.
func (w *Watcher) Rejected() [][]byte {
	s := w.state.Load()
	out := make([][]byte, len(s.Rejected))
	for i, b := range s.Rejected {
		out[i] = b.RLP // never changed once cached
	}
	return out
}

// Status is the whole cached state (for health and metrics).
func (w *Watcher) Status() Status { return *w.state.Load() }

// Run polls the L2 node until ctx ends and then returns ctx's error. RPC failures,
// malformed answers and a wrong chain never end it: they are logged and retried with
// backoff, and the last good head is kept. Only one Run may be active at a time.
func (w *Watcher) Run(ctx context.Context) error {
	if !w.running.CompareAndSwap(false, true) {
		return errors.New("l2 watcher: Run is already running")
	}
	defer w.running.Store(false)
	defer w.client.Close()
	w.chainCheckedAt = time.Time{}
	w.logger.Info("L2 watcher started", "rpc", w.client.Endpoint(), "poll_interval", w.cfg.PollInterval,
		"expect_chain_id", w.cfg.ExpectChainID)
	failures := 0
	for {
		err := w.step(ctx)
		if ctx.Err() != nil {
			w.logger.Info("L2 watcher stopped")
			return ctx.Err()
		}
		wait := w.cfg.PollInterval
		if err == nil {
			w.pollRejected(ctx, time.Now())
		}
		if err != nil {
			failures++
			wait = backoff(w.cfg.PollInterval, w.cfg.MaxBackoff, failures)
			w.failLog.failed(w.logger, err, failures, wait, time.Now())
		} else if failures > 0 {
			w.logger.Info("L2 watcher: the L2 node answers again", "after_failures", failures)
			w.failLog = failureLog{}
			failures = 0
		}
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			w.logger.Info("L2 watcher stopped")
			return ctx.Err()
		case <-t.C:
		}
	}
}

// step polls once and records the result. A poll cut short by ctx is not recorded.
func (w *Watcher) step(ctx context.Context) error {
	h, err := w.poll(ctx)
	now := time.Now()
	if ctx.Err() != nil {
		return ctx.Err()
	}
	if err != nil {
		// The node may have been restarted, or another one put behind the URL:
		// check the chain id again before the next head is accepted.
		w.chainCheckedAt = time.Time{}
		w.recordFailure(err, now)
		return err
	}
	w.accept(h, now)
	return nil
}

// poll reads the node's head block. The block is fetched even when the height did not
// change: only its hash shows an L2 reorg at the same height, and the head's hash is
// what the validator reports.
func (w *Watcher) poll(ctx context.Context) (Head, error) {
	// Checked again every ChainRecheckEvery too: a load balancer may switch backends
	// without a single failed poll.
	if w.cfg.ExpectChainID != 0 && (w.chainCheckedAt.IsZero() || time.Since(w.chainCheckedAt) >= ChainRecheckEvery) {
		id, err := w.client.ChainID(ctx)
		if err != nil {
			return Head{}, err
		}
		if id != w.cfg.ExpectChainID {
			return Head{}, fmt.Errorf("%w: the L2 node at %s reports chain id %d, this watcher expects %d; its heads are refused until it serves chain %d",
				ErrWrongChain, w.client.Endpoint(), id, w.cfg.ExpectChainID, w.cfg.ExpectChainID)
		}
		w.chainCheckedAt = time.Now()
	}
	b, err := w.client.Head(ctx)
	if err != nil {
		return Head{}, err
	}
	return b.Head(), nil
}

// accept caches h as the head. A lower head, or another block at the same height, is
// taken as well: the L2 node is the authority on what it sees (an L2 reorg, a
// re-synced node), and the chain compares every validator's report.
func (w *Watcher) accept(h Head, now time.Time) {
	prev := w.state.Load()
	next := *prev
	next.LastSuccess, next.LastError = now, nil
	if !prev.HasHead || h.Height > prev.Highest {
		next.Highest, next.HighestAt = h.Height, now
	}
	if !prev.HasHead || prev.Head.Height != h.Height || prev.Head.Hash != h.Hash {
		h.ObservedAt = now
		next.Head, next.HasHead = h, true
		switch {
		case !prev.HasHead:
			w.logger.Info("L2 watcher: first head", "height", h.Height, "hash", h.Hash, "l2_time", h.Time)
		case h.Height > prev.Head.Height:
			w.logger.Debug("L2 watcher: head advanced", "height", h.Height, "hash", h.Hash)
		default:
			w.logger.Info("L2 watcher: head replaced by the L2 node (reorg or re-synced node)",
				"from_height", prev.Head.Height, "from_hash", prev.Head.Hash, "height", h.Height, "hash", h.Hash)
		}
	}
	w.state.Store(&next)
}

// recordFailure keeps the last good head and notes the error.
func (w *Watcher) recordFailure(err error, now time.Time) {
	next := *w.state.Load()
	next.LastError, next.LastErrorAt = err, now
	next.PollErrors++
	w.state.Store(&next)
}

// pollRejected asks for the refused blocks when it is time (RejectedPollInterval; a
// minute after a node said it has no such method) and caches the newest ones that are
// wrong-state-root evidence. Failures keep the cache; they do not touch the head.
func (w *Watcher) pollRejected(ctx context.Context, now time.Time) {
	if now.Before(w.rejectedNext) {
		return
	}
	w.rejectedNext = now.Add(w.cfg.RejectedPollInterval)
	prev := w.state.Load()
	var from uint64
	if prev.HasHead && prev.Head.Height > epochtypes.WrongRootWindow {
		from = prev.Head.Height - epochtypes.WrongRootWindow // the chain takes nothing older
	}
	blocks, err := w.client.RejectedBlocks(ctx, from)
	if ctx.Err() != nil {
		return
	}
	next := *prev
	switch {
	case errors.Is(err, ErrUnsupported):
		if !prev.RejectedUnsupported {
			w.logger.Info("L2 watcher: the L2 node does not serve "+MethodRejectedBlocks+"; it gives no wrong-state-root evidence",
				"rpc", w.client.Endpoint())
		}
		w.rejectedNext = now.Add(UnsupportedRecheck)
		next.Rejected, next.RejectedUnsupported, next.RejectedError = nil, true, nil
	case err != nil:
		if prev.RejectedError == nil {
			w.logger.Error("L2 watcher: cannot read the refused blocks; keeping the last ones", "err", err)
		}
		next.RejectedError = err
	default:
		if prev.RejectedError != nil || prev.RejectedUnsupported {
			w.logger.Info("L2 watcher: reading the refused blocks again")
		}
		next.Rejected, next.RejectedUnsupported, next.RejectedError = w.evidence(blocks, prev.Rejected), false, nil
	}
	w.state.Store(&next)
}

// evidence keeps, newest first, the refused blocks that are wrong-state-root evidence:
// refused for a wrong state root and carrying a valid seal (what x/epoch's report
// accepts). It logs each one not cached before.
func (w *Watcher) evidence(blocks []RejectedBlock, cached []RejectedBlock) []RejectedBlock {
	var out []RejectedBlock
	for i := len(blocks) - 1; i >= 0 && len(out) < MaxRejectedKept; i-- {
		b := blocks[i]
		if b.Reason != ReasonWrongStateRoot || slices.ContainsFunc(out, func(o RejectedBlock) bool { return o.Hash == b.Hash }) {
			continue
		}
		rh, err := epochtypes.DecodeRejectedHeader(b.RLP)
		if err != nil {
			w.logger.Debug("L2 watcher: a refused block is not evidence", "height", b.Number(), "hash", b.Hash, "err", err)
			continue
		}
		if !slices.ContainsFunc(cached, func(o RejectedBlock) bool { return o.Hash == b.Hash }) {
			w.logger.Info("L2 watcher: the L2 node refused a block for a wrong state root", "height", b.Number(), "hash", b.Hash,
				"producer_id", rh.Seal.ProducerID, "signer", rh.Seal.Signer)
		}
		out = append(out, b)
	}
	return out
}

// backoff is base * 2^(failures-1), capped at limit.
func backoff(base, limit time.Duration, failures int) time.Duration {
	d := base
	for i := 1; i < failures && d < limit; i++ {
		d *= 2
	}
	return min(d, limit)
}
