package preparams

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/bnb-chain/tss-lib/v2/ecdsa/keygen"
	"github.com/stretchr/testify/require"
)

// fakeGen hands out the fixture sets 0, 1, 2, 3 in turn (no safe primes in tests).
// block, when set, makes each call wait for release or its context.
type fakeGen struct {
	t       *testing.T
	mu      sync.Mutex
	next    int
	started chan struct{}
	release chan struct{}
	block   bool
	fail    error
}

func (f *fakeGen) gen(ctx context.Context) (*keygen.LocalPreParams, error) {
	f.mu.Lock()
	block, fail := f.block, f.fail
	f.mu.Unlock()
	if f.started != nil {
		f.started <- struct{}{}
	}
	if block {
		select {
		case <-f.release:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	if fail != nil {
		return nil, fail
	}
	f.mu.Lock()
	i := f.next % 4
	f.next++
	f.mu.Unlock()
	return fixture(f.t, i), nil
}

func runTopUp(t *testing.T, tu *TopUp) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- tu.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			require.NoError(t, err)
		case <-time.After(5 * time.Second):
			t.Error("top-up did not stop with its context")
		}
	})
}

func eventually(t *testing.T, cond func() bool, what string) {
	t.Helper()
	require.Eventually(t, cond, 5*time.Second, 2*time.Millisecond, what)
}

func TestTopUpFillsToTargetAndRefillsAfterTake(t *testing.T) {
	p := newPool(t)
	f := &fakeGen{t: t}
	tu := &TopUp{Pool: p, Target: 2, Generate: f.gen, Poll: time.Hour}
	runTopUp(t, tu)
	eventually(t, func() bool { s := tu.State(); return s.Count == 2 && s.Completed == 2 }, "pool at target")
	st := tu.State()
	require.Equal(t, 2, st.Target)
	require.False(t, st.Generating)

	_, err := p.Take()
	require.NoError(t, err)
	// Poll is an hour: only the Take's cue can wake it.
	eventually(t, func() bool { return p.Count() == 2 && tu.State().Completed == 3 }, "refilled after a take")
}

func TestTopUpYieldsToASessionAndResumesAfter(t *testing.T) {
	p := newPool(t)
	g := NewSessions()
	f := &fakeGen{t: t, block: true, started: make(chan struct{}, 8), release: make(chan struct{})}
	tu := &TopUp{Pool: p, Target: 1, Gate: g, Generate: f.gen, Poll: time.Hour}
	runTopUp(t, tu)

	<-f.started
	eventually(t, func() bool { return tu.State().Generating }, "generating")
	end := g.Begin() // a TSS session starts: the set in progress is cancelled
	eventually(t, func() bool { s := tu.State(); return s.Cancelled == 1 && !s.Generating }, "cancelled by the session")
	require.Equal(t, 0, p.Count(), "a cancelled set is never stored")
	select {
	case <-f.started:
		t.Fatal("generation restarted while the session runs")
	case <-time.After(50 * time.Millisecond):
	}
	require.True(t, tu.State().Paused)

	end() // the session ends: generation starts over and completes
	<-f.started
	close(f.release)
	eventually(t, func() bool { s := tu.State(); return s.Count == 1 && s.Completed == 1 }, "completed after the session")
}

func TestTopUpRetriesAfterAFailure(t *testing.T) {
	p := newPool(t)
	f := &fakeGen{t: t, fail: errors.New("no entropy today")}
	tu := &TopUp{Pool: p, Target: 1, Generate: f.gen, RetryAfter: time.Millisecond, Poll: time.Hour}
	runTopUp(t, tu)
	eventually(t, func() bool { s := tu.State(); return s.Failed >= 2 && s.LastError == "no entropy today" }, "failures reported")
	f.mu.Lock()
	f.fail = nil
	f.mu.Unlock()
	eventually(t, func() bool { s := tu.State(); return s.Count == 1 && s.LastError == "" }, "recovered")
}

func TestGenerateHonoursCancellation(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	start := time.Now()
	_, err := Generate(ctx, 1)
	require.ErrorIs(t, err, context.Canceled)
	require.Less(t, time.Since(start), 5*time.Second)
}
