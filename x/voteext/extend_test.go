package voteext_test

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"

	abci "github.com/cometbft/cometbft/abci/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/x/voteext"
	"github.com/themis-network/themis/x/voteext/types"
)

// scriptObserver answers per item id: a fixed verdict, a panic, or blocking until
// released (ignoring its context, the worst case).
type scriptObserver struct {
	verdicts map[uint64]types.Verdict
	panics   map[uint64]bool
	blocks   map[uint64]bool
	release  chan struct{}
	calls    atomic.Int32
	returned atomic.Int32
}

func (o *scriptObserver) Observe(_ context.Context, _ sdk.Context, item voteext.SideTx) types.Verdict {
	o.calls.Add(1)
	defer o.returned.Add(1)
	if o.panics[item.ID] {
		panic("observer exploded")
	}
	if o.blocks[item.ID] {
		<-o.release
	}
	return o.verdicts[item.ID]
}

func items(ids ...uint64) []voteext.SideTx {
	out := make([]voteext.SideTx, len(ids))
	for i, id := range ids {
		out[i] = voteext.SideTx{ID: id, Digest: dg(string(rune('a' + id)))}
	}
	return out
}

// extendAndCheck runs ExtendVote and checks that the result is what every validator
// would accept, then returns the decoded extension.
func extendAndCheck(t *testing.T, e *env, h *voteext.Handlers, height int64) types.VoteExtension {
	t.Helper()
	resp, err := h.ExtendVoteHandler()(e.ctx, &abci.RequestExtendVote{Height: height})
	require.NoError(t, err)
	v, err := h.VerifyVoteExtensionHandler()(e.ctx, &abci.RequestVerifyVoteExtension{Height: height, VoteExtension: resp.VoteExtension})
	require.NoError(t, err)
	require.Equal(t, abci.ResponseVerifyVoteExtension_ACCEPT, v.Status)
	got, err := voteext.DecodeVoteExtension(resp.VoteExtension)
	require.NoError(t, err)
	return got
}

func verdictsOf(x types.VoteExtension) map[uint64]types.Verdict {
	out := map[uint64]types.Verdict{}
	for _, v := range x.Verdicts {
		out[idOf(v.Digest)] = v.Verdict
	}
	return out
}

func TestExtendVoteInQueueOrder(t *testing.T) {
	e := newEnv(t, 10)
	e.queue.items = items(3, 1, 2)
	other := &kvQueue{module: otherModule, key: e.key, items: items(9)}
	obs := &scriptObserver{verdicts: map[uint64]types.Verdict{1: types.Verdict_VERDICT_YES, 2: types.Verdict_VERDICT_NO, 3: types.Verdict_VERDICT_YES}}
	// otherModule has no observer: this node votes UNSPECIFIED on its items.
	h := e.handlers(voteext.Config{
		Queues:    []voteext.SideTxQueue{e.queue, other},
		Observers: map[string]voteext.SideTxObserver{testModule: obs},
	})
	got := extendAndCheck(t, e, h, 7)
	require.Equal(t, ext(7,
		yes(testModule, 3, dg("d")),
		yes(testModule, 1, dg("b")),
		no(testModule, 2, dg("c")),
		vd(otherModule, 9, dg("j"), types.Verdict_VERDICT_UNSPECIFIED),
	), got)
}

func TestExtendVoteSlowObserver(t *testing.T) {
	e := newEnv(t, 10)
	e.queue.items = items(1, 2, 3)
	obs := &scriptObserver{
		verdicts: map[uint64]types.Verdict{1: types.Verdict_VERDICT_YES, 2: types.Verdict_VERDICT_YES, 3: types.Verdict_VERDICT_YES},
		blocks:   map[uint64]bool{2: true},
		release:  make(chan struct{}),
	}
	defer close(obs.release)
	// A second queue whose observer answers at once: it is only reached after the
	// budget is spent, so it must not be asked at all.
	other := &kvQueue{module: otherModule, key: e.key, items: items(4)}
	fast := &scriptObserver{verdicts: map[uint64]types.Verdict{4: types.Verdict_VERDICT_YES}}
	budget := 150 * time.Millisecond
	h := e.handlers(voteext.Config{
		Queues:        []voteext.SideTxQueue{e.queue, other},
		Observers:     map[string]voteext.SideTxObserver{testModule: obs, otherModule: fast},
		ObserveBudget: budget,
	})

	start := time.Now()
	got := extendAndCheck(t, e, h, 7)
	took := time.Since(start)
	require.Less(t, took, budget+time.Second, "ExtendVote must not wait for a hung observer")
	require.GreaterOrEqual(t, took, budget)
	require.Equal(t, map[uint64]types.Verdict{
		1: types.Verdict_VERDICT_YES,
		2: types.Verdict_VERDICT_UNSPECIFIED, // cut off at the deadline
		3: types.Verdict_VERDICT_UNSPECIFIED, // not reached in time
		4: types.Verdict_VERDICT_UNSPECIFIED, // not reached in time
	}, verdictsOf(got))
	require.Equal(t, int32(2), obs.calls.Load(), "item 3 was never asked")
	require.Never(t, func() bool { return fast.calls.Load() != 0 }, 50*time.Millisecond, time.Millisecond, "item 4 was never asked")

	// The hung call is still running: the observer is not asked again meanwhile, so a
	// hung observer costs one goroutine, not one per height.
	e.queue.items = items(1)
	other.items = nil
	start = time.Now()
	got = extendAndCheck(t, e, h, 8)
	require.Less(t, time.Since(start), budget)
	require.Equal(t, types.Verdict_VERDICT_UNSPECIFIED, verdictsOf(got)[1])
	require.Equal(t, int32(2), obs.calls.Load())

	// Once it returns, the observer is used again.
	obs.release <- struct{}{}
	require.Eventually(t, func() bool { return obs.returned.Load() == 2 }, time.Second, time.Millisecond)
	require.Eventually(t, func() bool {
		return verdictsOf(extendAndCheck(t, e, h, 9))[1] == types.Verdict_VERDICT_YES
	}, time.Second, 5*time.Millisecond)
}

func TestExtendVotePanickingObserver(t *testing.T) {
	e := newEnv(t, 10)
	e.queue.items = items(1, 2)
	obs := &scriptObserver{
		verdicts: map[uint64]types.Verdict{2: types.Verdict_VERDICT_NO},
		panics:   map[uint64]bool{1: true},
	}
	h := e.handlers(voteext.Config{Observers: map[string]voteext.SideTxObserver{testModule: obs}})
	require.NotPanics(t, func() {
		got := extendAndCheck(t, e, h, 7)
		require.Equal(t, map[uint64]types.Verdict{
			1: types.Verdict_VERDICT_UNSPECIFIED,
			2: types.Verdict_VERDICT_NO,
		}, verdictsOf(got))
	})
}

func TestExtendVoteSkipsWhatOthersWouldRefuse(t *testing.T) {
	e := newEnv(t, 10)
	bad := voteext.SideTx{ID: 5, Digest: []byte("short")}
	e.queue.items = append(items(1, 1), bad)                                        // a repeated id and a malformed digest
	obs := &scriptObserver{verdicts: map[uint64]types.Verdict{1: types.Verdict(7)}} // out of range
	h := e.handlers(voteext.Config{Observers: map[string]voteext.SideTxObserver{testModule: obs}})
	got := extendAndCheck(t, e, h, 7)
	require.Equal(t, ext(7, vd(testModule, 1, dg("b"), types.Verdict_VERDICT_UNSPECIFIED)), got)
}

func TestExtendVoteCapsItems(t *testing.T) {
	e := newEnv(t, 10)
	for i := range 2 * voteext.MaxVerdictsPerExtension {
		e.queue.items = append(e.queue.items, items(uint64(i+1))...)
	}
	h := e.handlers(voteext.Config{MaxItemsPerQueue: 1000})
	require.Len(t, extendAndCheck(t, e, h, 7).Verdicts, voteext.MaxVerdictsPerExtension)

	h = e.handlers(voteext.Config{})
	require.Len(t, extendAndCheck(t, e, h, 7).Verdicts, voteext.DefaultMaxItemsPerQueue)
}

type brokenQueue struct {
	*kvQueue
	panics bool
}

func (q brokenQueue) Pending(context.Context, int, voteext.VoteRound) ([]voteext.SideTx, error) {
	if q.panics {
		panic("store corrupted")
	}
	return nil, errors.New("store unavailable")
}

func TestExtendVoteQueueFailure(t *testing.T) {
	for _, panics := range []bool{false, true} {
		e := newEnv(t, 10)
		other := &kvQueue{module: otherModule, key: e.key, items: items(1)}
		h := e.handlers(voteext.Config{Queues: []voteext.SideTxQueue{brokenQueue{e.queue, panics}, other}})
		got := extendAndCheck(t, e, h, 7)
		require.Equal(t, ext(7, vd(otherModule, 1, dg("b"), types.Verdict_VERDICT_UNSPECIFIED)), got,
			"a broken queue costs only its own items")
	}
}

func TestNewHandlersRejectsBadConfig(t *testing.T) {
	e := newEnv(t, 10)
	q := e.queue
	require.Panics(t, func() { voteext.NewHandlers(voteext.Config{Queues: []voteext.SideTxQueue{q}}) }, "no validator record")
	require.Panics(t, func() { e.handlers(voteext.Config{Queues: []voteext.SideTxQueue{q, q}}) }, "duplicate queue")
	require.Panics(t, func() {
		e.handlers(voteext.Config{Observers: map[string]voteext.SideTxObserver{otherModule: &scriptObserver{}}})
	}, "observer without a queue")
	require.Panics(t, func() {
		e.handlers(voteext.Config{Queues: []voteext.SideTxQueue{&kvQueue{module: ""}}})
	}, "empty module name")
}
