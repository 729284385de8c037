package voteext_test

import (
	"errors"
	"testing"

	abci "github.com/cometbft/cometbft/abci/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/x/voteext"
	"github.com/themis-network/themis/x/voteext/types"
)

func finalizeReq(t testing.TB, ec abci.ExtendedCommitInfo, extra ...[]byte) *abci.RequestFinalizeBlock {
	return &abci.RequestFinalizeBlock{
		Height:            testHeight,
		Txs:               append([][]byte{marshalCommit(t, ec)}, extra...),
		DecidedLastCommit: lastCommitOf(ec),
	}
}

func tallyEvent(t *testing.T, ctx sdk.Context) map[string]string {
	t.Helper()
	var found map[string]string
	for _, ev := range ctx.EventManager().Events() {
		if ev.Type != voteext.EventTypeTally {
			continue
		}
		require.Nil(t, found, "one tally event per block")
		found = map[string]string{}
		for _, a := range ev.Attributes {
			found[a.Key] = a.Value
		}
	}
	return found
}

func TestPreBlockerResolvesDecidedItems(t *testing.T) {
	e := newEnv(t, 10, 10, 10, 10) // total 40: approval needs > 26.67, rejection >= 13.34
	boom := errors.New("resolve failed")
	d := func(id uint64) []byte { return dg(string(rune('0' + id))) }
	e.queue.fail = map[string]error{string(d(4)): boom}
	logger, logs := newLog()
	h := e.handlers(voteext.Config{Logger: logger})

	u := func(id uint64) *types.SideTxVerdict {
		return vd(testModule, id, d(id), types.Verdict_VERDICT_UNSPECIFIED)
	}
	exts := []*types.VoteExtension{
		// item 1: 3 of 4 YES -> approved. item 2: 1 of 4 YES -> undecided.
		// item 3: 2 of 4 NO -> rejected. item 4: 3 of 4 YES, but Resolve fails.
		ptr(ext(testExtHeight, yes(testModule, 1, d(1)), yes(testModule, 2, d(2)), no(testModule, 3, d(3)), yes(testModule, 4, d(4)))),
		ptr(ext(testExtHeight, yes(testModule, 1, d(1)), u(2), no(testModule, 3, d(3)), yes(testModule, 4, d(4)))),
		ptr(ext(testExtHeight, yes(testModule, 1, d(1)), u(2), u(3), yes(testModule, 4, d(4)))),
		ptr(ext(testExtHeight, u(1), u(2), yes(testModule, 3, d(3)), u(4))),
	}
	ec := e.commit(t, exts)

	resp, err := h.PreBlocker()(e.ctx, finalizeReq(t, ec, []byte("ordinary tx")))
	require.NoError(t, err)
	require.NotNil(t, resp)

	// In digest order: the tally's order.
	require.ElementsMatch(t, []resolution{
		{digest: d(1), outcome: voteext.OutcomeApproved},
		{digest: d(3), outcome: voteext.OutcomeRejected},
	}, e.queue.resolved)

	store := e.ctx.KVStore(e.key)
	require.Equal(t, []byte{byte(voteext.OutcomeApproved)}, store.Get(resolvedKey(d(1))))
	require.Nil(t, store.Get(resolvedKey(d(2))), "vouched for by 1 of 4: not resolved")
	require.Equal(t, []byte{byte(voteext.OutcomeRejected)}, store.Get(resolvedKey(d(3))))
	require.Nil(t, store.Get(resolvedKey(d(4))), "a failed Resolve writes nothing")
	require.Contains(t, logs.String(), "resolve failed")

	require.Equal(t, map[string]string{
		voteext.AttributeHeight:   "10",
		voteext.AttributeDecided:  "3",
		voteext.AttributeApproved: "2",
		voteext.AttributeRejected: "1",
		voteext.AttributeResolved: "2",
		voteext.AttributeFailed:   "1",
	}, tallyEvent(t, e.ctx))
	var resolvedEvents int
	for _, ev := range e.ctx.EventManager().Events() {
		if ev.Type == "resolved" {
			resolvedEvents++
		}
	}
	require.Equal(t, 2, resolvedEvents, "the failed Resolve's events are dropped with its writes")
}

// The power of the recorded set decides, not the number of validators.
func TestPreBlockerUsesRecordedPower(t *testing.T) {
	e := newEnv(t, 70, 10, 10, 10)
	h := e.handlers(voteext.Config{})
	// Only the big validator says YES; the three small ones say NO (30 < 100/3).
	exts := []*types.VoteExtension{
		ptr(ext(testExtHeight, yes(testModule, 1, dg("x")))),
		ptr(ext(testExtHeight, no(testModule, 1, dg("x")))),
		ptr(ext(testExtHeight, no(testModule, 1, dg("x")))),
		ptr(ext(testExtHeight, no(testModule, 1, dg("x")))),
	}
	_, err := h.PreBlocker()(e.ctx, finalizeReq(t, e.commit(t, exts)))
	require.NoError(t, err)
	require.Equal(t, []resolution{{digest: dg("x"), outcome: voteext.OutcomeApproved}}, e.queue.resolved)
}

func TestPreBlockerSkipsBadBlocks(t *testing.T) {
	approvedByAll := func(e *env) abci.ExtendedCommitInfo { return e.commit(t, honestExts(4)) }
	cases := map[string]func(e *env) *abci.RequestFinalizeBlock{
		"no txs": func(*env) *abci.RequestFinalizeBlock {
			return &abci.RequestFinalizeBlock{Height: testHeight}
		},
		"garbage first tx": func(e *env) *abci.RequestFinalizeBlock {
			r := finalizeReq(t, approvedByAll(e))
			r.Txs[0] = []byte{0xff, 0x01}
			return r
		},
		"commit does not match the decided last commit": func(e *env) *abci.RequestFinalizeBlock {
			ec := approvedByAll(e)
			r := finalizeReq(t, ec)
			ec.Votes = ec.Votes[1:]
			r.Txs[0] = marshalCommit(t, ec)
			return r
		},
		"no recorded set": func(e *env) *abci.RequestFinalizeBlock {
			delete(e.sets, testExtHeight)
			return finalizeReq(t, approvedByAll(e))
		},
	}
	for name, mk := range cases {
		t.Run(name, func(t *testing.T) {
			e := newEnv(t, 10, 10, 10, 10)
			h := e.handlers(voteext.Config{})
			resp, err := h.PreBlocker()(e.ctx, mk(e))
			require.NoError(t, err)
			require.NotNil(t, resp)
			require.Empty(t, e.queue.resolved)
			require.Nil(t, tallyEvent(t, e.ctx))
		})
	}

	t.Run("resolve panics", func(t *testing.T) {
		e := newEnv(t, 10, 10, 10, 10)
		h := e.handlers(voteext.Config{Queues: []voteext.SideTxQueue{panicQueue{e.queue}}})
		_, err := h.PreBlocker()(e.ctx, finalizeReq(t, approvedByAll(e)))
		require.NoError(t, err)
		require.Nil(t, e.ctx.KVStore(e.key).Get(resolvedKey(dg("item1"))))
		require.Equal(t, "1", tallyEvent(t, e.ctx)[voteext.AttributeFailed])
	})

	t.Run("extensions not yet expected", func(t *testing.T) {
		e := newEnv(t, 10, 10, 10, 10)
		h := e.handlers(voteext.Config{})
		r := finalizeReq(t, approvedByAll(e))
		r.Height = 1
		_, err := h.PreBlocker()(e.ctx, r)
		require.NoError(t, err)
		require.Empty(t, e.queue.resolved)
	})
}

// panicQueue writes, then panics in Resolve.
type panicQueue struct{ *kvQueue }

func (q panicQueue) Resolve(ctx sdk.Context, digest []byte, outcome voteext.Outcome) error {
	ctx.KVStore(q.key).Set(resolvedKey(digest), []byte{byte(outcome)})
	panic("resolve exploded")
}
