package ante_test

import (
	"fmt"
	"testing"

	storetypes "cosmossdk.io/store/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/x/sequencer/ante"
	sequencertypes "github.com/themis-network/themis/x/sequencer/types"
)

// In a block (execution or a proposal's checks) one sender's K-th fee-free relay
// passes and the next is refused; other senders and paying relays are not counted.
func TestFreeRelayQuotaPerBlock(t *testing.T) {
	for _, mode := range []sdk.ExecMode{sdk.ExecModeFinalize, sdk.ExecModePrepareProposal, sdk.ExecModeProcessProposal} {
		f := newFixture(t)
		ctx := f.ctx(mode)
		for n := 0; n < ante.DefaultFreeTxsPerBlock; n++ {
			require.NoError(t, f.ante(ctx, f.tx(1, nil, 200_000, f.fresh(1, n))), "mode %v, relay %d", mode, n)
		}
		err := f.ante(ctx, f.tx(1, nil, 200_000, f.fresh(1, 10)))
		require.ErrorIs(t, err, sequencertypes.ErrFreeRelayQuota, "mode %v", mode)
		require.ErrorContains(t, err, fmt.Sprintf("in this block (limit %d)", ante.DefaultFreeTxsPerBlock))

		require.NoError(t, f.ante(ctx, f.tx(2, nil, 200_000, f.fresh(2, 0))), "another sender has its own quota")
		require.NoError(t, f.ante(ctx, f.tx(0, fee(200_000), 200_000, f.fresh(0, 0))), "a paying relay is not counted")
	}
}

// In CheckTx the bound is on the sender's fee-free relays waiting in the mempool (C).
func TestFreeRelayQuotaInTheMempool(t *testing.T) {
	f := newFixture(t)
	ctx := f.ctx(sdk.ExecModeCheck)
	for n := 0; n < ante.DefaultFreeTxsInMempool; n++ {
		require.NoError(t, f.ante(ctx, f.tx(1, nil, 200_000, f.fresh(1, n))), "relay %d", n)
	}
	err := f.ante(ctx, f.tx(1, nil, 200_000, f.fresh(1, 99)))
	require.ErrorIs(t, err, sequencertypes.ErrFreeRelayQuota)
	require.ErrorContains(t, err, fmt.Sprintf("in this node's mempool (limit %d)", ante.DefaultFreeTxsInMempool))
}

// Block execution enforces the quota by itself, in a block the apps finalize without
// checking it first: the (K+1)-th fee-free relay of a sender fails. The counts live in
// a transient store, emptied at commit: the next block holds K again.
func TestFreeRelayQuotaInBlockExecutionResetsAtCommit(t *testing.T) {
	f := newFixture(t)
	var txs [][]byte
	for n := 0; n <= ante.DefaultFreeTxsPerBlock; n++ {
		txs = append(txs, f.tx(1, nil, 200_000, f.fresh(1, n)))
	}
	f.net.TamperTxs = func(_ int64, block [][]byte) [][]byte { return append(block[:1:1], txs...) }
	f.net.SkipProcess = true
	res := f.net.NextBlock()
	f.net.TamperTxs, f.net.SkipProcess = nil, false
	for n, r := range res.TxResults[1:] {
		if n < ante.DefaultFreeTxsPerBlock {
			require.Zero(t, r.Code, r.Log)
			continue
		}
		require.Equal(t, sequencertypes.ErrFreeRelayQuota.ABCICode(), r.Code, r.Log)
	}

	f.seq[1] = ante.DefaultFreeTxsPerBlock // the refused one used no sequence
	txs = txs[:0]
	for n := 0; n < ante.DefaultFreeTxsPerBlock; n++ {
		txs = append(txs, f.tx(1, nil, 200_000, f.fresh(1, 10+n)))
	}
	res = f.net.NextBlock(txs...)
	require.True(t, res.Accepted)
	require.Len(t, res.TxResults, 1+ante.DefaultFreeTxsPerBlock, "the next block holds K again")
	for _, r := range res.TxResults[1:] {
		require.Zero(t, r.Code, r.Log)
	}
}

// Simulation (the bridge's gas estimate) neither counts nor is refused.
func TestFreeRelayQuotaIgnoresSimulation(t *testing.T) {
	f := newFixture(t)
	ctx := f.ctx(sdk.ExecModeFinalize)
	relay := f.fresh(1, 0)
	for n := 0; n < 2*ante.DefaultFreeTxsPerBlock; n++ {
		bz := f.net.SignedTxBy(1, 0, nil, 200_000, relay)
		tx, err := f.app.TxConfig().TxDecoder()(bz)
		require.NoError(t, err)
		branch, _ := ctx.CacheContext()
		_, err = f.app.AnteHandler()(branch.WithTxBytes(bz).WithGasMeter(storetypes.NewInfiniteGasMeter()), tx, true)
		require.NoError(t, err)
	}
}
