package l2

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"cosmossdk.io/log"
	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"
)

// newTestWatcher watches n with fast timings.
func newTestWatcher(t *testing.T, n *fakeNode, expectChainID uint64) *Watcher {
	t.Helper()
	w, err := NewWatcher(Config{RPC: n.srv.URL, PollInterval: 2 * time.Millisecond, RequestTimeout: time.Second,
		MaxBackoff: 10 * time.Millisecond, ExpectChainID: expectChainID}, log.NewTestLogger(t))
	require.NoError(t, err)
	return w
}

// runWatcher runs w until the test ends; stop cancels and returns Run's error.
func runWatcher(t *testing.T, w *Watcher) (stop func() error) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- w.Run(ctx) }()
	var once sync.Once
	var err error
	stop = func() error {
		once.Do(func() {
			cancel()
			select {
			case err = <-done:
			case <-time.After(5 * time.Second):
				err = errors.New("Run did not return within 5 s of cancel")
			}
		})
		return err
	}
	t.Cleanup(func() { _ = stop() })
	return stop
}

func TestNewWatcherConfig(t *testing.T) {
	w, err := NewWatcher(Config{RPC: "http://127.0.0.1:8545"}, nil)
	require.NoError(t, err)
	require.Equal(t, DefaultPollInterval, w.cfg.PollInterval)
	require.Equal(t, DefaultRequestTimeout, w.cfg.RequestTimeout)
	require.Equal(t, DefaultMaxBackoff, w.cfg.MaxBackoff)
	_, ok := w.Head()
	require.False(t, ok)
	require.True(t, w.LastSuccess().IsZero())
	require.False(t, w.Healthy(time.Now(), time.Hour), "never reached")

	w, err = NewWatcher(Config{RPC: "https://l2.example", PollInterval: 5 * time.Second}, nil)
	require.NoError(t, err)
	require.Equal(t, 5*time.Second, w.cfg.MaxBackoff, "backoff never below the poll interval")

	for _, c := range []struct {
		cfg  Config
		want string
	}{
		{Config{}, "no URL given"},
		{Config{RPC: "ws://127.0.0.1:8546"}, "http or https URL"},
		{Config{RPC: "127.0.0.1:8545"}, "not a valid URL"},
		{Config{RPC: "localhost:8545"}, "http or https URL"},
		{Config{RPC: "http://"}, "http or https URL"},
		{Config{RPC: "http://x", PollInterval: -1}, "poll interval must be positive"},
		{Config{RPC: "http://x", RequestTimeout: -1}, "request timeout must be positive"},
		{Config{RPC: "http://x", MaxBackoff: -1}, "max backoff must be positive"},
		{Config{RPC: "http://user:secret@[::1"}, "not a valid URL"},
		{Config{RPC: "ftp://user:secret@host"}, "http or https URL"},
	} {
		_, err := NewWatcher(c.cfg, nil)
		require.ErrorContains(t, err, c.want, c.cfg.RPC)
		require.NotContains(t, err.Error(), "secret", "the password stays out of errors")
	}
}

func TestHeadAdvances(t *testing.T) {
	n := newFakeNode(t, 1, 5)
	w := newTestWatcher(t, n, 0)
	ctx := context.Background()

	before := time.Now()
	require.NoError(t, w.step(ctx))
	h, ok := w.Head()
	require.True(t, ok)
	require.EqualValues(t, 5, h.Height)
	require.Equal(t, n.hashAt(5), h.Hash)
	require.EqualValues(t, 1_700_000_005, h.Time)
	require.False(t, h.ObservedAt.Before(before))
	require.Equal(t, h.ObservedAt, w.LastSuccess())
	require.True(t, w.Healthy(time.Now(), time.Minute))
	require.Zero(t, n.callCount("eth_chainId"), "no chain id check without ExpectChainID")

	// Same head: ObservedAt stays (the L2 has not moved), LastSuccess moves.
	time.Sleep(2 * time.Millisecond)
	require.NoError(t, w.step(ctx))
	h2, _ := w.Head()
	require.Equal(t, h, h2)
	require.True(t, w.LastSuccess().After(h.ObservedAt))

	n.extendTo(9, 0)
	require.NoError(t, w.step(ctx))
	h3, _ := w.Head()
	require.EqualValues(t, 9, h3.Height)
	require.Equal(t, n.hashAt(9), h3.Hash)
	require.True(t, h3.ObservedAt.After(h.ObservedAt))
}

func TestReorgAndLowerHead(t *testing.T) {
	n := newFakeNode(t, 1, 10)
	w := newTestWatcher(t, n, 0)
	ctx := context.Background()
	require.NoError(t, w.step(ctx))
	first, _ := w.Head()

	// Another block at the same height.
	n.replaceHead(7)
	require.NoError(t, w.step(ctx))
	h, _ := w.Head()
	require.EqualValues(t, 10, h.Height)
	require.Equal(t, n.hashAt(10), h.Hash)
	require.True(t, h.ObservedAt.After(first.ObservedAt), "a replaced head counts as new")

	// The node goes down to a lower head (re-synced, or a deeper reorg): accepted.
	n.extendTo(4, 0)
	require.NoError(t, w.step(ctx))
	h, _ = w.Head()
	require.EqualValues(t, 4, h.Height)
	require.Equal(t, n.hashAt(4), h.Hash)

	// And grows again on another fork.
	n.extendTo(6, 3)
	require.NoError(t, w.step(ctx))
	h, _ = w.Head()
	require.Equal(t, n.hashAt(6), h.Hash)
}

func TestMalformedKeepsLastGoodHead(t *testing.T) {
	n := newFakeNode(t, 1, 3)
	w := newTestWatcher(t, n, 0)
	ctx := context.Background()
	require.NoError(t, w.step(ctx))
	good, _ := w.Head()
	n.extendTo(4, 0)

	hash := `"0x` + strings.Repeat("ab", 32) + `"`
	block3Raw, err := json.Marshal(blockResult(n.blocks[3]))
	require.NoError(t, err)
	block3 := string(block3Raw)
	for _, c := range []struct {
		method, body string
		status       int
		want         string
	}{
		{"eth_blockNumber", `{"jsonrpc":"2.0","id":%ID%,"result":"0xZZ"}`, 0, `eth_blockNumber: malformed L2 response: block number "0xZZ": invalid hex string`},
		{"eth_blockNumber", `{"jsonrpc":"2.0","id":%ID%,"result":"0x10000000000000000"}`, 0, "hex number > 64 bits"},
		{"eth_blockNumber", `{"jsonrpc":"2.0","id":%ID%,"result":null}`, 0, "block number is missing"},
		{"eth_blockNumber", `{"jsonrpc":"2.0","id":%ID%,"error":{"code":-32000,"message":"syncing"}}`, 0, "eth_blockNumber: L2 node answered JSON-RPC error -32000: syncing"},
		{"eth_blockNumber", `<html>502</html>`, 502, "HTTP 502"},
		{"eth_getBlockByNumber", `{"jsonrpc":"2.0","id":%ID%,"result":null}`, 0, "eth_getBlockByNumber: block 4: L2 node has no such block"},
		{"eth_getBlockByNumber", `{"jsonrpc":"2.0","id":%ID%,"result":` + block3 + `}`, 0, "asked for block 4, the L2 node answered block 3"},
		{"eth_getBlockByNumber", `{"jsonrpc":"2.0","id":%ID%,"result":` + strings.Replace(block3, `"0x3"`, `"0x4"`, 1) + `}`, 0, "is not its header's hash"},
		{"eth_getBlockByNumber", `{"jsonrpc":"2.0","id":%ID%,"result":{"number":"0x4","hash":` + hash + `}}`, 0, "missing required field"},
		{"eth_getBlockByNumber", `{"jsonrpc":"2.0","id":%ID%,"error":{"code":-32602,"message":"invalid argument"}}`, 0, "JSON-RPC error -32602"},
		{"eth_getBlockByNumber", `{"jsonrpc":"2.0","id":%ID%,"result":"` + strings.Repeat("a", MaxResponseBytes) + `"}`, 0, "exceeds 4194304 bytes"},
	} {
		n.setOverride(c.method, c.status, c.body)
		err := w.step(ctx)
		require.ErrorContains(t, err, c.want)
		h, ok := w.Head()
		require.True(t, ok)
		require.Equal(t, good, h, "the last good head is kept after %q", c.want)
		st := w.Status()
		require.Equal(t, err, st.LastError)
		n.setOverride(c.method, 0, "")
	}
	require.EqualValues(t, 11, w.Status().PollErrors)

	require.NoError(t, w.step(ctx))
	h, _ := w.Head()
	require.EqualValues(t, 4, h.Height)
	require.NoError(t, w.Status().LastError, "a success clears the error")
	require.EqualValues(t, 11, w.Status().PollErrors, "the counter is a total")
}

func TestWrongChainRefused(t *testing.T) {
	n := newFakeNode(t, 5, 3)
	w := newTestWatcher(t, n, 7)
	ctx := context.Background()

	err := w.step(ctx)
	require.ErrorIs(t, err, ErrWrongChain)
	require.ErrorContains(t, err, "reports chain id 5, this watcher expects 7")
	_, ok := w.Head()
	require.False(t, ok)
	require.Zero(t, n.callCount("eth_blockNumber"), "nothing is read from a wrong chain")

	n.setChainID(7)
	require.NoError(t, w.step(ctx))
	require.NoError(t, w.step(ctx))
	require.Equal(t, 2, n.callCount("eth_chainId"), "checked once per connection, not per poll")
	good, _ := w.Head()

	// After an outage another chain's node is behind the URL: refused, head kept.
	n.setDown(true)
	require.Error(t, w.step(ctx))
	n.setDown(false)
	n.setChainID(5)
	n.extendTo(8, 1)
	require.ErrorIs(t, w.step(ctx), ErrWrongChain)
	h, _ := w.Head()
	require.Equal(t, good, h)

	// Malformed chain id.
	n.setOverride("eth_chainId", 0, `{"jsonrpc":"2.0","id":%ID%,"result":"7"}`)
	require.ErrorContains(t, w.step(ctx), "eth_chainId: malformed L2 response: chain id \"7\": hex string without 0x prefix")
}

// The node goes down and comes back while Run runs: Healthy turns false, the head is
// kept, and both recover.
func TestNodeDownAndBack(t *testing.T) {
	n := newFakeNode(t, 1, 3)
	w := newTestWatcher(t, n, 1)
	stop := runWatcher(t, w)
	const silence = 100 * time.Millisecond
	require.Eventually(t, func() bool { return w.Healthy(time.Now(), silence) }, 5*time.Second, time.Millisecond)
	good, _ := w.Head()

	n.setDown(true)
	require.Eventually(t, func() bool { return !w.Healthy(time.Now(), silence) }, 5*time.Second, time.Millisecond)
	st := w.Status()
	require.Error(t, st.LastError)
	require.Positive(t, st.PollErrors)
	h, ok := w.Head()
	require.True(t, ok)
	require.Equal(t, good, h)
	chainChecks := n.callCount("eth_chainId")

	n.extendTo(6, 0)
	n.setDown(false)
	require.Eventually(t, func() bool { return w.Healthy(time.Now(), silence) }, 5*time.Second, time.Millisecond)
	require.Eventually(t, func() bool { h, _ := w.Head(); return h.Height == 6 }, 5*time.Second, time.Millisecond)
	require.Greater(t, n.callCount("eth_chainId"), chainChecks, "the chain id is checked again after the outage")
	require.ErrorIs(t, stop(), context.Canceled)
}

func TestRunStopsOnCancel(t *testing.T) {
	// While polling normally.
	n := newFakeNode(t, 1, 3)
	w := newTestWatcher(t, n, 0)
	stop := runWatcher(t, w)
	require.Eventually(t, func() bool { _, ok := w.Head(); return ok }, 5*time.Second, time.Millisecond)
	require.ErrorIs(t, stop(), context.Canceled)

	// While a call hangs (RequestTimeout far away): the call is abandoned at once.
	release := make(chan struct{})
	hang := httptest.NewServer(http.HandlerFunc(func(_ http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-release:
		}
	}))
	t.Cleanup(hang.Close)
	t.Cleanup(func() { close(release) }) // runs first: Close waits for the handler
	w, err := NewWatcher(Config{RPC: hang.URL, RequestTimeout: time.Minute}, log.NewTestLogger(t))
	require.NoError(t, err)
	stop = runWatcher(t, w)
	time.Sleep(20 * time.Millisecond)
	start := time.Now()
	require.ErrorIs(t, stop(), context.Canceled)
	require.Less(t, time.Since(start), 2*time.Second)
	require.Zero(t, w.Status().PollErrors, "a call cut short by the stop is no poll error")

	// While backing off from a node that is down.
	n.setDown(true)
	w, err = NewWatcher(Config{RPC: n.srv.URL, PollInterval: time.Minute}, log.NewTestLogger(t))
	require.NoError(t, err)
	stop = runWatcher(t, w)
	require.Eventually(t, func() bool { return w.Status().PollErrors == 1 }, 5*time.Second, time.Millisecond)
	start = time.Now()
	require.ErrorIs(t, stop(), context.Canceled)
	require.Less(t, time.Since(start), 2*time.Second)
}

func TestRunOnlyOnce(t *testing.T) {
	n := newFakeNode(t, 1, 1)
	w := newTestWatcher(t, n, 0)
	runWatcher(t, w)
	require.Eventually(t, func() bool { return w.running.Load() }, 5*time.Second, time.Millisecond)
	require.ErrorContains(t, w.Run(context.Background()), "already running")
}

// Readers (ExtendVote, health) call Head, LastSuccess, Healthy and Status while Run
// replaces the state; run with -race. Heights seen by one reader never mix two
// states: a head's hash always belongs to its height.
func TestHeadUnderConcurrentRun(t *testing.T) {
	n := newFakeNode(t, 1, 1)
	w := newTestWatcher(t, n, 0)
	runWatcher(t, w)
	mainChain := map[uint64]common.Hash{}
	var parent common.Hash
	for h := uint64(0); h <= 40; h++ {
		mainChain[h] = fakeHeader(h, 0, parent).Hash()
		parent = mainChain[h]
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				if h, ok := w.Head(); ok && h.Hash != mainChain[h.Height] {
					t.Errorf("head %d has hash %s", h.Height, h.Hash)
					return
				}
				_ = w.LastSuccess()
				_ = w.Healthy(time.Now(), time.Second)
				_ = w.Status()
			}
		}()
	}
	for h := uint64(2); h <= 40; h++ {
		n.extendTo(h, 0)
		time.Sleep(time.Millisecond)
	}
	require.Eventually(t, func() bool { h, _ := w.Head(); return h.Height == 40 }, 5*time.Second, time.Millisecond)
	cancel()
	wg.Wait()
}

func TestBackoff(t *testing.T) {
	require.Equal(t, 250*time.Millisecond, backoff(250*time.Millisecond, 2*time.Second, 1))
	require.Equal(t, time.Second, backoff(250*time.Millisecond, 2*time.Second, 3))
	require.Equal(t, 2*time.Second, backoff(250*time.Millisecond, 2*time.Second, 4))
	require.Equal(t, 2*time.Second, backoff(250*time.Millisecond, 2*time.Second, 1000))
}
