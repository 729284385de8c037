package preparams

import (
	"context"
	"errors"
	"sync"
	"time"

	"cosmossdk.io/log"
	"github.com/bnb-chain/tss-lib/v2/ecdsa/keygen"
)

// Defaults of TopUp.
const (
	DefaultPoll       = 30 * time.Second
	DefaultRetryAfter = 30 * time.Second
)

// GenerateFunc makes one set, giving up when ctx ends.
type GenerateFunc func(ctx context.Context) (*keygen.LocalPreParams, error)

// TopUp keeps a pool at Target sets in the background, one set at a time on the
// library's smallest footprint (Generate with concurrency 1), because the same cores
// run consensus. While a TSS session runs (Gate) it generates nothing: a session that
// starts cancels the set in progress, which is simply started again afterwards.
type TopUp struct {
	Pool   *Pool
	Target int
	// Gate pauses the top-up while sessions run; nil never pauses.
	Gate Gate
	// Generate makes one set; nil is Generate(ctx, 1). Tests inject a fake.
	Generate GenerateFunc
	// Poll is how often a full pool is recounted (other processes may take from it);
	// a Take in this process wakes the top-up at once. Zero is DefaultPoll.
	Poll time.Duration
	// RetryAfter is the pause after a failed generation. Zero is DefaultRetryAfter.
	RetryAfter time.Duration
	// Logger; nil logs nothing.
	Logger log.Logger

	mu    sync.Mutex
	state State
}

// State is what health and metrics report about the top-up.
type State struct {
	Count      int
	Target     int
	Generating bool
	// Paused: below target, waiting for the running TSS sessions to finish.
	Paused bool
	// LastDuration is how long the last completed set took.
	LastDuration time.Duration
	// Completed, Cancelled (by a session starting) and Failed count generations.
	Completed, Cancelled, Failed uint64
	LastError                    string
}

// State is a snapshot of the top-up's state.
func (t *TopUp) State() State {
	t.mu.Lock()
	defer t.mu.Unlock()
	s := t.state
	s.Target = t.Target
	return s
}

func (t *TopUp) update(f func(*State)) {
	t.mu.Lock()
	f(&t.state)
	t.mu.Unlock()
}

// Run tops the pool up until ctx ends; it returns nil then.
func (t *TopUp) Run(ctx context.Context) error {
	if t.Pool == nil {
		return errors.New("preparams top-up without a pool")
	}
	gate, gen, logger := t.Gate, t.Generate, t.Logger
	if gate == nil {
		gate = alwaysIdle{}
	}
	if gen == nil {
		gen = func(ctx context.Context) (*keygen.LocalPreParams, error) { return Generate(ctx, 1) }
	}
	if logger == nil {
		logger = log.NewNopLogger()
	}
	poll, retry := orDefault(t.Poll, DefaultPoll), orDefault(t.RetryAfter, DefaultRetryAfter)
	for ctx.Err() == nil {
		count := t.Pool.Count()
		t.update(func(s *State) { s.Count = count })
		if count >= t.Target {
			if !sleep(ctx, poll, t.Pool.Taken()) {
				break
			}
			continue
		}
		t.update(func(s *State) { s.Paused = true })
		busy, err := gate.Idle(ctx)
		t.update(func(s *State) { s.Paused = false })
		if err != nil {
			break
		}
		pp, took, cancelled, err := t.generateOnce(ctx, busy, gen)
		if ctx.Err() != nil {
			break
		}
		if cancelled {
			t.update(func(s *State) { s.Cancelled++ })
			logger.Debug("preparams generation paused for a TSS session", "after", took.Round(time.Second))
			continue
		}
		if err == nil {
			err = t.Pool.Put(pp)
		}
		if err != nil {
			t.update(func(s *State) { s.Failed++; s.LastError = err.Error() })
			logger.Error("preparams generation failed; retrying later", "err", err, "retry_after", retry)
			sleep(ctx, retry, nil)
			continue
		}
		t.update(func(s *State) { s.Completed++; s.LastDuration = took; s.LastError = "" })
		logger.Info("preparams set generated", "took", took.Round(time.Second), "pool", count+1, "target", t.Target)
	}
	return nil
}

// generateOnce runs gen until it ends or a session starts (busy closes).
func (t *TopUp) generateOnce(ctx context.Context, busy <-chan struct{}, gen GenerateFunc) (*keygen.LocalPreParams, time.Duration, bool, error) {
	genCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	var cancelled bool
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		select {
		case <-busy:
			cancelled = true // read after wg.Wait
			cancel()
		case <-genCtx.Done():
		}
	}()
	t.update(func(s *State) { s.Generating = true })
	start := time.Now()
	pp, err := gen(genCtx)
	took := time.Since(start)
	cancel()
	wg.Wait()
	t.update(func(s *State) { s.Generating = false })
	if err == nil && pp == nil {
		err = errors.New("generator returned no preparams")
	}
	// A set that was finished when the session started is kept all the same.
	return pp, took, cancelled && err != nil, err
}

func orDefault(d, def time.Duration) time.Duration {
	if d <= 0 {
		return def
	}
	return d
}

// sleep waits d, or until wake receives; false when ctx ended.
func sleep(ctx context.Context, d time.Duration, wake <-chan struct{}) bool {
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-timer.C:
	case <-wake:
	}
	return true
}
