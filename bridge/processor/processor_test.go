package processor

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"
	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/bridge/health"
	"github.com/themis-network/themis/bridge/store"
	seqtypes "github.com/themis-network/themis/x/sequencer/types"
)

var submitter = sdk.AccAddress(make([]byte, 20)).String()

type fakeChain struct {
	mu      sync.Mutex
	applied map[string]bool
	pending map[string]bool
	down    error
	queries int
}

func newFakeChain() *fakeChain {
	return &fakeChain{applied: map[string]bool{}, pending: map[string]bool{}}
}

func (c *fakeChain) EventApplied(_ context.Context, ref seqtypes.L1EventRef) (bool, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.queries++
	if c.down != nil {
		return false, c.down
	}
	return c.applied[seqtypes.EventKey(ref)], nil
}

func (c *fakeChain) PendingEvents(context.Context) (map[string]bool, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.down != nil {
		return nil, c.down
	}
	out := map[string]bool{}
	for k := range c.pending {
		out[k] = true
	}
	return out, nil
}

func (c *fakeChain) Ping(context.Context) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.down
}

func (c *fakeChain) set(m map[string]bool, ev seqtypes.L1EventMsg, v bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if v {
		m[seqtypes.EventKey(ev.GetEvent())] = true
	} else {
		delete(m, seqtypes.EventKey(ev.GetEvent()))
	}
}

// setPending marks ev queued on chain (by its queue key, as the chain reports it).
func (c *fakeChain) setPending(ev seqtypes.L1EventMsg, v bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if v {
		c.pending[pendingKey(ev)] = true
	} else {
		delete(c.pending, pendingKey(ev))
	}
}

// fakeRelayer answers with respond (nil: success) and records every call.
type fakeRelayer struct {
	mu      sync.Mutex
	calls   [][]seqtypes.L1EventMsg
	respond func(seqtypes.L1EventMsg) error
}

func (r *fakeRelayer) Relay(_ context.Context, msgs []seqtypes.L1EventMsg) []error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.calls = append(r.calls, msgs)
	out := make([]error, len(msgs))
	for i, m := range msgs {
		if r.respond != nil {
			out[i] = r.respond(m)
		}
	}
	return out
}

func (r *fakeRelayer) take() [][]seqtypes.L1EventMsg {
	r.mu.Lock()
	defer r.mu.Unlock()
	c := r.calls
	r.calls = nil
	return c
}

type clock struct{ t time.Time }

func (c *clock) now() time.Time          { return c.t }
func (c *clock) advance(d time.Duration) { c.t = c.t.Add(d) }

func ev(seq, nonce uint64) seqtypes.L1EventMsg {
	b := seq*1000 + nonce
	ref := seqtypes.L1EventRef{TxHash: fmt.Sprintf("0x%064x", b), LogIndex: nonce, BlockNumber: b}
	return &seqtypes.MsgRelocked{Event: ref, SequencerId: seq, Nonce: nonce, Amount: math.NewInt(1), Total: math.NewInt(int64(nonce))}
}

type env struct {
	t     *testing.T
	store *store.Store
	chain *fakeChain
	relay *fakeRelayer
	clock *clock
	mon   *health.Monitor
	p     *Processor
}

func newEnv(t *testing.T, events ...seqtypes.L1EventMsg) *env {
	t.Helper()
	s, err := store.Open(t.TempDir(), "test", store.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { _ = s.Close() })
	_, err = s.Commit(context.Background(), events, 1)
	require.NoError(t, err)
	e := &env{t: t, store: s, chain: newFakeChain(), relay: &fakeRelayer{}, clock: &clock{t: time.Unix(1_700_000_000, 0)}}
	e.mon = health.NewMonitor(health.Options{MaxLag: 10, Now: e.clock.now})
	e.p, err = New(Config{Submitter: submitter, Now: e.clock.now, Monitor: e.mon}, s, e.chain, e.relay)
	require.NoError(t, err)
	return e
}

func (e *env) step() {
	e.t.Helper()
	require.NoError(e.t, e.p.Step(context.Background()))
}

func ids(calls [][]seqtypes.L1EventMsg) [][2]uint64 {
	var out [][2]uint64
	for _, c := range calls {
		for _, m := range c {
			out = append(out, [2]uint64{m.GetSequencerId(), m.GetNonce()})
		}
	}
	return out
}

func (e *env) outbox() [][2]uint64 {
	all, err := e.store.All()
	require.NoError(e.t, err)
	var out [][2]uint64
	for _, it := range all {
		out = append(out, [2]uint64{it.Info.SequencerID, it.Info.Nonce})
	}
	return out
}

func TestSkipsAppliedAndPendingRelaysRestInOrder(t *testing.T) {
	a, b, c, d := ev(2, 1), ev(1, 1), ev(1, 2), ev(1, 3)
	e := newEnv(t, a, d, c, b)
	e.chain.set(e.chain.applied, b, true)
	e.chain.setPending(c, true)
	e.step()

	calls := e.relay.take()
	require.Len(t, calls, 1)
	require.Equal(t, [][2]uint64{{1, 3}, {2, 1}}, ids(calls), "(sequencer, nonce) order; applied and pending skipped")
	for _, m := range calls[0] {
		require.Equal(t, submitter, m.GetSubmitter())
	}
	require.Equal(t, [][2]uint64{{1, 2}, {1, 3}, {2, 1}}, e.outbox(), "only the applied event left the outbox")

	// Relayed events stay until the chain applies them.
	e.chain.setPending(d, true)
	e.chain.setPending(a, true)
	e.step()
	require.Empty(t, e.relay.take())
	require.Len(t, e.outbox(), 3)
	for _, m := range []seqtypes.L1EventMsg{a, c, d} {
		e.chain.setPending(m, false)
		e.chain.set(e.chain.applied, m, true)
	}
	e.step()
	require.Empty(t, e.outbox())
	require.Empty(t, e.relay.take())
}

func TestBackoffAndHeadOfLine(t *testing.T) {
	e := newEnv(t, ev(1, 1), ev(1, 2), ev(2, 1))
	failing := map[uint64]bool{1: true}
	e.relay.respond = func(m seqtypes.L1EventMsg) error {
		if failing[m.GetSequencerId()] && m.GetNonce() == 1 {
			return errors.New("connection reset")
		}
		return nil
	}
	e.step()
	require.Equal(t, [][2]uint64{{1, 1}, {1, 2}, {2, 1}}, ids(e.relay.take()))
	e.chain.setPending(ev(1, 2), true)
	e.chain.setPending(ev(2, 1), true)

	// Sequencer 1's nonce 1 backs off 1 s, 2 s, 4 s, ... capped at 30 s.
	var gaps []time.Duration
	last := e.clock.t
	for len(gaps) < 7 {
		e.clock.advance(250 * time.Millisecond)
		e.step()
		// Sequencer 2's head waits in the queue without progress, so it is relayed
		// again every JoinAfter (see join_test.go); only sequencer 1 matters here.
		if got := seqOnly(ids(e.relay.take()), 1); len(got) > 0 {
			require.Equal(t, [][2]uint64{{1, 1}}, got)
			gaps = append(gaps, e.clock.t.Sub(last))
			last = e.clock.t
		}
	}
	require.Equal(t, []time.Duration{time.Second, 2 * time.Second, 4 * time.Second, 8 * time.Second, 16 * time.Second, 30 * time.Second, 30 * time.Second}, gaps)

	// While the head of a sequencer backs off, its later nonces wait too.
	e.chain.setPending(ev(1, 2), false)
	e.clock.advance(time.Second)
	e.step()
	require.Empty(t, e.relay.take())

	failing[1] = false
	e.clock.advance(30 * time.Second)
	e.step()
	require.Equal(t, [][2]uint64{{1, 1}, {1, 2}}, seqOnly(ids(e.relay.take()), 1))
	require.True(t, hasMetric(t, e.mon, `themis_bridge_relays_total{result="error"} 8`))
}

func TestNotSequencer(t *testing.T) {
	e := newEnv(t, ev(1, 1), ev(2, 1))
	e.relay.respond = func(seqtypes.L1EventMsg) error {
		return errorsmod.ABCIError(seqtypes.ModuleName, 23, "sequencer 9 is UNLOCKING; only active sequencers relay")
	}
	e.step()
	require.Len(t, e.relay.take(), 1)
	require.Len(t, e.outbox(), 2, "events are kept")

	// For the retry period nothing is relayed, but applied events are still pruned.
	e.chain.set(e.chain.applied, ev(2, 1), true)
	for i := 0; i < 29; i++ {
		e.clock.advance(time.Second)
		e.step()
	}
	require.Empty(t, e.relay.take())
	require.Equal(t, [][2]uint64{{1, 1}}, e.outbox())

	e.clock.advance(time.Second)
	e.relay.respond = nil
	e.step()
	require.Equal(t, [][2]uint64{{1, 1}}, ids(e.relay.take()))
	require.True(t, hasMetric(t, e.mon, `themis_bridge_relays_total{result="not_sequencer"} 2`))

	// An account that does not exist yet counts the same.
	require.Equal(t, health.ResultNotSequencer, Classify(errorsmod.ABCIError(sdkerrors.RootCodespace, sdkerrors.ErrUnknownAddress.ABCICode(), "account x not found")))
}

func TestSupersededAndDuplicates(t *testing.T) {
	e := newEnv(t, ev(1, 1), ev(1, 2), ev(2, 1), ev(3, 1))
	e.relay.respond = func(m seqtypes.L1EventMsg) error {
		switch m.GetSequencerId() {
		case 1:
			if m.GetNonce() == 1 {
				return errorsmod.ABCIError(seqtypes.ModuleName, seqtypes.ErrNonceOutOfOrder.ABCICode(), "stale")
			}
			return errorsmod.ABCIError(seqtypes.ModuleName, seqtypes.ErrEventAlreadyPending.ABCICode(), "pending id 4")
		case 2:
			return errorsmod.ABCIError(seqtypes.ModuleName, seqtypes.ErrEventAlreadyApplied.ABCICode(), "applied")
		default:
			return errorsmod.ABCIError(seqtypes.ModuleName, seqtypes.ErrNotWhitelisted.ABCICode(), "owner 0x..")
		}
	}
	e.step()
	require.Len(t, e.relay.take(), 1)
	require.Equal(t, [][2]uint64{{1, 2}, {3, 1}}, e.outbox(), "the superseded and the already applied event are dropped")

	// Duplicates are not backed off; the next round asks whether they were applied.
	e.chain.setPending(ev(1, 2), true)
	e.step()
	require.Empty(t, e.relay.take(), "sequencer 3 backs off after a rejection")
	require.Equal(t, [][2]uint64{{1, 2}, {3, 1}}, e.outbox())
	e.clock.advance(time.Second)
	e.step()
	require.Equal(t, [][2]uint64{{3, 1}}, ids(e.relay.take()))
	require.True(t, hasMetric(t, e.mon, `themis_bridge_relays_total{result="superseded"} 1`))
	require.True(t, hasMetric(t, e.mon, `themis_bridge_relays_total{result="duplicate"} 2`))
	require.True(t, hasMetric(t, e.mon, `themis_bridge_relays_total{result="rejected"} 2`))
}

func TestInvalidEventIsKeptNotSent(t *testing.T) {
	bad := &seqtypes.MsgLocked{
		Event:       seqtypes.L1EventRef{TxHash: fmt.Sprintf("0x%064x", 7), LogIndex: 0, BlockNumber: 7},
		SequencerId: 5, Owner: "0x0000000000000000000000000000000000000001", PubKey: []byte{1, 2, 3},
		Amount: math.NewInt(1), RewardRecipient: "0x0000000000000000000000000000000000000001", Nonce: 1,
	}
	e := newEnv(t, bad, ev(6, 1))
	e.step()
	require.Equal(t, [][2]uint64{{6, 1}}, ids(e.relay.take()))
	require.Equal(t, [][2]uint64{{6, 1}}, e.outbox(), "the invalid event is parked, not dropped")
	parked := e.store.Parked()
	require.Len(t, parked, 1)
	require.Equal(t, health.ParkInvalid, parked[0].Class)
	require.Contains(t, parked[0].Reason, "fails validation")
	require.True(t, hasMetric(t, e.mon, `themis_bridge_relays_total{result="invalid"} 1`))
}

func TestChainDown(t *testing.T) {
	e := newEnv(t, ev(1, 1))
	e.chain.down = errors.New("grpc: connection refused")
	require.Error(t, e.p.Step(context.Background()))
	require.Contains(t, fmt.Sprint(e.mon.Check().Reasons), "chain unreachable")
	require.Empty(t, e.relay.take())
	e.chain.down = nil
	e.step()
	require.Len(t, e.relay.take(), 1)
}

func TestWindowBoundsInFlight(t *testing.T) {
	var evs []seqtypes.L1EventMsg
	for n := uint64(1); n <= DefaultWindow+40; n++ {
		evs = append(evs, ev(1, n))
	}
	e := newEnv(t, evs...)
	e.step()
	require.Len(t, ids(e.relay.take()), DefaultWindow)
}

func TestRunWakesOnNewEvents(t *testing.T) {
	s, err := store.Open(t.TempDir(), "test", store.Options{})
	require.NoError(t, err)
	defer s.Close()
	chain, relay := newFakeChain(), &fakeRelayer{}
	p, err := New(Config{Submitter: submitter, PollInterval: time.Hour}, s, chain, relay)
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- p.Run(ctx) }()
	time.Sleep(20 * time.Millisecond)
	_, err = s.Commit(ctx, []seqtypes.L1EventMsg{ev(1, 1)}, 5)
	require.NoError(t, err)
	require.Eventually(t, func() bool {
		relay.mu.Lock()
		defer relay.mu.Unlock()
		return len(relay.calls) == 1
	}, 5*time.Second, 5*time.Millisecond)
	cancel()
	require.NoError(t, <-done)
}

func TestClassify(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want string
	}{
		{nil, health.ResultOK},
		{errorsmod.Wrap(seqtypes.ErrEventAlreadyApplied, "x"), health.ResultDuplicate},
		{errorsmod.ABCIError(seqtypes.ModuleName, seqtypes.ErrEventAlreadyPending.ABCICode(), "x"), health.ResultDuplicate},
		{errorsmod.ABCIError(seqtypes.ModuleName, seqtypes.ErrSequencerExists.ABCICode(), "id 1"), health.ResultSuperseded},
		{errorsmod.ABCIError(seqtypes.ModuleName, seqtypes.ErrQueueFull.ABCICode(), "full"), health.ResultRejected},
		{errorsmod.ABCIError(sdkerrors.RootCodespace, sdkerrors.ErrOutOfGas.ABCICode(), "out of gas"), health.ResultError},
		{errors.New("EOF"), health.ResultError},
	} {
		require.Equal(t, tc.want, Classify(tc.err), "%v", tc.err)
	}
}

func hasMetric(t *testing.T, m *health.Monitor, line string) bool {
	t.Helper()
	mfs, err := m.Registry().Gather()
	require.NoError(t, err)
	var all string
	for _, mf := range mfs {
		for _, metric := range mf.GetMetric() {
			labels := ""
			for _, l := range metric.GetLabel() {
				labels += fmt.Sprintf(`%s="%s"`, l.GetName(), l.GetValue())
			}
			v := metric.GetCounter().GetValue()
			if labels != "" {
				all += fmt.Sprintf("%s{%s} %g\n", mf.GetName(), labels, v)
			}
		}
	}
	return slices.Contains(strings.Split(all, "\n"), line)
}

func seqOnly(all [][2]uint64, seq uint64) [][2]uint64 {
	var out [][2]uint64
	for _, x := range all {
		if x[0] == seq {
			out = append(out, x)
		}
	}
	return out
}
