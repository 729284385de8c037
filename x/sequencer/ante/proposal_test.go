package ante_test

import (
	"bytes"
	"testing"

	abci "github.com/cometbft/cometbft/abci/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/themis-network/themis/app"
	"github.com/themis-network/themis/x/sequencer/ante"
)

func (f *fixture) prepare(g ante.ProposalGuard, maxBytes int64, txs ...[]byte) [][]byte {
	resp, err := g.PrepareProposalHandler()(f.ctx(sdk.ExecModePrepareProposal), &abci.RequestPrepareProposal{Height: 2, MaxTxBytes: maxBytes, Txs: txs})
	require.NoError(f.t, err)
	return resp.Txs
}

func (f *fixture) accepts(g ante.ProposalGuard, txs ...[]byte) bool {
	resp, err := g.ProcessProposalHandler()(f.ctx(sdk.ExecModeProcessProposal), &abci.RequestProcessProposal{Height: 2, Txs: txs})
	require.NoError(f.t, err)
	return resp.Status == abci.ResponseProcessProposal_ACCEPT
}

func (f *fixture) send(from int, fee sdk.Coins) []byte {
	msg := &banktypes.MsgSend{FromAddress: f.account(from), ToAddress: f.account(2), Amount: sdk.NewCoins(sdk.NewInt64Coin(app.BondDenom, 1))}
	return f.tx(from, fee, 100_000, msg)
}

// PrepareProposal keeps the passing transactions in arrival order and leaves out what
// ProcessProposal would reject, including what only fails because of a transaction
// left out before it (a later sequence of the same sender).
func TestProposalGuardLeavesOutWhatItWouldReject(t *testing.T) {
	f := newFixture(t)
	g := f.guard()
	a1 := f.tx(1, nil, 200_000, f.fresh(1, 0))
	bStale := f.tx(2, nil, 200_000, f.stale(2, 0))
	a2 := f.tx(1, nil, 200_000, f.fresh(1, 1))
	unpaid := f.send(0, nil)
	f.seq[0]-- // the unpaid send is left out: the paid one takes its sequence
	paid := f.send(0, fee(100_000))
	bAfterGap := f.tx(2, nil, 200_000, f.fresh(2, 0)) // its sequence follows bStale's
	all := [][]byte{a1, bStale, a2, unpaid, paid, bAfterGap}

	kept := f.prepare(g, 1<<20, all...)
	requireTxs(t, [][]byte{a1, a2, paid}, kept)
	require.True(t, f.accepts(g, kept...), "an honest proposer's block is accepted")
	require.False(t, f.accepts(g, all...), "the whole list is not")
	for _, tx := range [][]byte{bStale, unpaid} {
		require.False(t, f.accepts(g, tx), "a block with only the offending transaction")
	}
}

// One sender's fee-free relays are examined at most K times per proposal, failing or
// not: a sender whose first K fail has its next one left out unexamined, and nobody
// else is affected.
func TestProposalGuardBoundsTheWorkOfAFlood(t *testing.T) {
	f := newFixture(t)
	g := f.guard()
	var txs [][]byte
	for n := 0; n < ante.DefaultFreeTxsPerBlock; n++ {
		txs = append(txs, f.net.SignedTxBy(2, 0, nil, 200_000, f.stale(2, n)))
	}
	valid := f.net.SignedTxBy(2, 0, nil, 200_000, f.fresh(2, 0))
	honest := f.tx(1, nil, 200_000, f.fresh(1, 0))
	requireTxs(t, [][]byte{honest}, f.prepare(g, 1<<20, append(txs, valid, honest)...))
	requireTxs(t, [][]byte{valid, honest}, f.prepare(g, 1<<20, append(txs[1:], valid, honest)...), "with K-1 before it, it is examined")
}

// The block's bytes and gas bound what is kept; ProcessProposal rejects a block over
// the block's max_gas and anything that does not decode.
func TestProposalGuardBlockLimits(t *testing.T) {
	f := newFixture(t)
	g := f.guard()
	small := f.tx(1, nil, 200_000, f.fresh(1, 0))
	big := f.tx(0, fee(100_000), 100_000, &banktypes.MsgSend{FromAddress: f.account(0), ToAddress: f.account(1),
		Amount: sdk.NewCoins(sdk.NewInt64Coin(app.BondDenom, 1))}, f.fresh(0, 0), f.fresh(0, 1), f.fresh(0, 2))
	other := f.tx(2, nil, 200_000, f.fresh(2, 0))
	size := func(txs ...[]byte) int64 {
		var n int64
		for _, tx := range txs {
			n += int64(len(tx)) + 3 // protobuf framing of a repeated bytes field
		}
		return n
	}
	requireTxs(t, [][]byte{small, other}, f.prepare(g, size(small, other), small, big, other), "what does not fit is left out, the rest still considered")

	f.seq[0] = 0 // big was left out
	var heavy [][]byte
	for n := 0; n < 11; n++ { // 11 x 3M > 30M
		heavy = append(heavy, f.tx(0, fee(3_000_000), 3_000_000, &banktypes.MsgSend{FromAddress: f.account(0), ToAddress: f.account(1),
			Amount: sdk.NewCoins(sdk.NewInt64Coin(app.BondDenom, 1))}))
	}
	require.Len(t, f.prepare(g, 1<<20, heavy...), 10)
	require.False(t, f.accepts(g, heavy...))
	require.True(t, f.accepts(g, heavy[:10]...))

	require.False(t, f.accepts(g, []byte("not a transaction")))
	require.Empty(t, f.prepare(g, 1<<20, []byte("not a transaction")))
}

// A panic anywhere in the checks rejects the block, or proposes none of its
// transactions; it never stops the node.
func TestProposalGuardNeverPanics(t *testing.T) {
	f := newFixture(t)
	g := f.guard()
	g.Ante = func(sdk.Context, sdk.Tx, bool) (sdk.Context, error) { panic("boom") }
	tx := f.tx(1, nil, 200_000, f.fresh(1, 0))
	require.False(t, f.accepts(g, tx))
	require.Empty(t, f.prepare(g, 1<<20, tx))
}

// Whatever CometBFT's mempool holds, in whatever order, the block PrepareProposal
// builds from it passes ProcessProposal, keeps the arrival order and holds at most K
// fee-free relays per sender.
func TestProposalGuardPrepareAlwaysPassesProcess(t *testing.T) {
	f := newFixture(t)
	g := f.guard()
	rapid.Check(t, func(rt *rapid.T) {
		f.seq = map[int]uint64{}
		var txs [][]byte
		n := rapid.IntRange(1, 14).Draw(rt, "txs")
		for i := 0; i < n; i++ {
			sender := rapid.IntRange(0, 2).Draw(rt, "sender")
			if rapid.Bool().Draw(rt, "reuse sequence") && f.seq[sender] > 0 {
				f.seq[sender]-- // a replacement, or a transaction after a gap
			}
			ev := rapid.IntRange(0, 5).Draw(rt, "event")
			switch rapid.IntRange(0, 4).Draw(rt, "kind") {
			case 0:
				txs = append(txs, f.tx(sender, nil, 200_000, f.fresh(sender, ev)))
			case 1:
				txs = append(txs, f.tx(sender, nil, 200_000, f.stale(sender, ev)))
			case 2:
				txs = append(txs, f.tx(sender, fee(200_000), 200_000, f.stale(sender, ev)))
			case 3:
				txs = append(txs, f.send(sender, fee(100_000)))
			case 4:
				txs = append(txs, f.send(sender, nil))
			}
		}
		kept := f.prepare(g, 1<<20, txs...)
		if !f.accepts(g, kept...) {
			rt.Fatalf("the prepared block of %d transactions is rejected", len(kept))
		}
		next := 0
		for _, k := range kept {
			for next < len(txs) && !bytes.Equal(txs[next], k) {
				next++
			}
			if next == len(txs) {
				rt.Fatalf("kept transactions out of arrival order")
			}
			next++
		}
	})
}

func requireTxs(t *testing.T, want, got [][]byte, msgAndArgs ...any) {
	t.Helper()
	require.Len(t, got, len(want), msgAndArgs...)
	for i := range want {
		require.True(t, bytes.Equal(want[i], got[i]), "transaction %d differs", i)
	}
}

// Point-5 review: the guard ran a paying transaction's ante handler but not its
// messages, so a paying relay of an event followed by a fee-free relay of the same
// event passed every node's checks and the free one failed unpaid in execution. The
// paying relay's messages now run in the checks (their effects kept if they succeed);
// a paying relay that fails is still the block's to carry, since it pays.
func TestProposalGuardSeesPaidRelays(t *testing.T) {
	f := newFixture(t)
	g := f.guard()
	event := f.fresh(1, 0)
	paid := f.tx(0, fee(200_000), 200_000, f.relayAs(0, event)) // validator 0 holds fee tokens
	freeCopy := f.tx(0, nil, 200_000, f.relayAs(0, event))      // the same relayer again, for free
	require.True(t, f.accepts(g, paid), "a paying relay")
	require.False(t, f.accepts(g, paid, freeCopy), "the free copy would fail in execution, unpaid")
	requireTxs(t, [][]byte{paid}, f.prepare(g, 1<<20, paid, freeCopy))

	f.seq[0]-- // the free copy is left out: the next transaction takes its sequence
	paidStale := f.tx(0, fee(200_000), 200_000, f.stale(0, 1))
	require.True(t, f.accepts(g, paid, paidStale), "a paying relay that fails pays: the block may carry it")
}
