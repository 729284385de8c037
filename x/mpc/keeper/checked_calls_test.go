package keeper_test

import (
	"context"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/x/mpc/outbound"
	"github.com/themis-network/themis/x/mpc/types"
)

// checkedPurpose is a module's purpose whose calls are dry-run first.
type checkedPurpose struct{}

func (checkedPurpose) Name() string                                       { return "test_checked" }
func (checkedPurpose) OnLanded(context.Context, types.PoolTx, bool) error { return nil }

var refusedSelector = []byte{0xde, 0xad, 0xbe, 0xef}

// newCheckedChain is the outbound chain with no L2 batches and the checked purpose.
func newCheckedChain(t *testing.T) *chain {
	c := newOutboundChain(t)
	c.l2.known = false
	require.NoError(t, c.k.RegisterPoolPurpose(checkedPurpose{}))
	return c
}

func (c *chain) proposeChecked() uint64 {
	c.t.Helper()
	id, err := c.k.ProposePoolCall(c.ctx, "test_checked", 7, outbound.Call{To: common.HexToAddress("0x00000000000000000000000000000000000000aa"), Data: []byte{1, 2, 3, 4}, Gas: 100_000})
	require.NoError(c.t, err)
	return id
}

func (c *chain) poolTx(id uint64) types.PoolTx {
	c.t.Helper()
	tx, err := c.k.GetPoolTx(c.ctx, id)
	require.NoError(c.t, err)
	return tx
}

// reverting is a dry run that reverts with the test selector.
func reverting(tx types.PoolTx) types.CallCheck {
	return types.CallCheck{PoolTx: tx.Id, Reverted: true, Selector: refusedSelector}
}

// A checked call is signed only after more than 2/3 of power saw its dry run pass;
// it then lands like any pool call.
func TestCheckedCallIsSignedOnlyAfterItsDryRunPasses(t *testing.T) {
	c := newCheckedChain(t)
	c.l1.dryRun = reverting
	c.node(1).l1Lie = withDryRun(func(tx types.PoolTx) types.CallCheck { return types.CallCheck{PoolTx: tx.Id} })
	id := c.proposeChecked()
	require.Equal(t, types.POOL_TX_STATUS_CHECKING, c.poolTx(id).Status)
	c.run(1)
	require.Equal(t, types.POOL_TX_STATUS_REFUSED, c.poolTx(id).Status, "three of four saw it revert; one liar cannot pass it")

	c.l1.dryRun = nil
	id = c.proposeChecked()
	c.until(60, "the checked call landed", func() bool { return c.poolTx(id).Status == types.POOL_TX_STATUS_CONFIRMED })
	require.Len(t, c.poolTx(id).Versions, 1)
}

// More than 2/3 seeing one revert refuses the call with its selector: never signed.
// A split (two see it pass, two see it revert) decides nothing, and neither do dry
// runs read below the L1 height the call was proposed at.
func TestCheckedCallRefusalNeedsASupermajority(t *testing.T) {
	c := newCheckedChain(t)
	for _, id := range []uint64{1, 2} {
		c.node(id).l1Lie = withDryRun(reverting)
	}
	id := c.proposeChecked()
	c.run(10)
	require.Equal(t, types.POOL_TX_STATUS_CHECKING, c.poolTx(id).Status, "two against two: nothing decided")

	for _, id := range []uint64{3, 4} {
		c.node(id).l1Lie = staleDryRun(reverting)
	}
	c.run(10)
	require.Equal(t, types.POOL_TX_STATUS_CHECKING, c.poolTx(id).Status, "dry runs below the proposal's L1 height do not count")

	c.l1.dryRun = reverting
	for _, n := range []uint64{3, 4} {
		c.node(n).l1Lie = nil
	}
	c.run(1)
	tx := c.poolTx(id)
	require.Equal(t, types.POOL_TX_STATUS_REFUSED, tx.Status)
	require.Equal(t, refusedSelector, tx.Refusal)
	require.Empty(t, tx.Versions, "never signed")
	refused := events[*types.EventPoolCallRefused](c)
	require.Len(t, refused, 1)
	require.Equal(t, "0xdeadbeef", refused[0].Selector)
	c.run(20)
	require.Equal(t, types.POOL_TX_STATUS_REFUSED, c.poolTx(id).Status, "a refusal is final")
}

// A purpose withdraws a call nobody signed; a signed one cannot be withdrawn.
func TestCheckedCallCancelOnlyBeforeSigning(t *testing.T) {
	c := newCheckedChain(t)
	c.l1.dryRun = reverting
	c.node(1).l1Lie = withDryRun(reverting)
	first := c.proposeChecked()
	require.NoError(t, c.k.CancelPoolCall(c.ctx, first))
	require.Equal(t, types.POOL_TX_STATUS_CANCELLED, c.poolTx(first).Status)
	require.NoError(t, c.k.CancelPoolCall(c.ctx, first), "withdrawn twice: nothing more")

	c.l1.dryRun = nil
	c.node(1).l1Lie = nil
	second := c.proposeChecked()
	c.until(30, "signing", func() bool {
		st := c.poolTx(second).Status
		return st == types.POOL_TX_STATUS_SIGNING || st == types.POOL_TX_STATUS_SENT
	})
	require.ErrorIs(t, c.k.CancelPoolCall(c.ctx, second), types.ErrPoolTxSigned)
	c.run(5)
	require.Equal(t, types.POOL_TX_STATUS_CANCELLED, c.poolTx(first).Status, "a cancelled call is never signed")
	require.Empty(t, c.poolTx(first).Versions)
}

// withDryRun is a validator whose own L1 node ends dry runs with run.
func withDryRun(run func(types.PoolTx) types.CallCheck) func(c *chain) []byte {
	return dryRunReport(run, false)
}

// staleDryRun reports dry runs read at an L1 height below every call's proposal.
func staleDryRun(run func(types.PoolTx) types.CallCheck) func(c *chain) []byte {
	return dryRunReport(run, true)
}

func dryRunReport(run func(types.PoolTx) types.CallCheck, stale bool) func(c *chain) []byte {
	return func(c *chain) []byte {
		r := c.honestL1Report()
		for i := range r.Checks {
			tx, err := c.k.GetPoolTx(c.ctx, r.Checks[i].PoolTx)
			require.NoError(c.t, err)
			r.Checks[i] = run(tx)
			if stale {
				r.L1Height = min(r.L1Height, tx.L1Height-1)
			}
		}
		bz, err := types.EncodeL1Report(r)
		require.NoError(c.t, err)
		return bz
	}
}

// Checked calls in every state survive export and import: the one still checking is
// checked again by the imported chain and queued once.
func TestCheckedCallsGenesisRoundTrip(t *testing.T) {
	c := newCheckedChain(t)
	c.l1.dryRun = reverting
	refused := c.proposeChecked()
	c.run(1)
	cancelled := c.proposeChecked()
	require.NoError(t, c.k.CancelPoolCall(c.ctx, cancelled))
	c.l1.dryRun = nil
	for _, n := range []uint64{1, 2} {
		c.node(n).online = false
	}
	checking := c.proposeChecked()
	c.run(2)
	require.Equal(t, types.POOL_TX_STATUS_CHECKING, c.poolTx(checking).Status, "half the power offline: not yet decided")

	gs, err := c.k.ExportGenesis(c.ctx)
	require.NoError(t, err)
	require.NoError(t, gs.Validate())
	imported := newChainWithGenesis(t, 4, gs).withOutbound()
	require.NoError(t, imported.k.RegisterPoolPurpose(checkedPurpose{}))
	imported.l1.head = c.l1.head // the same L1: dry runs at the call's height count
	require.Equal(t, types.POOL_TX_STATUS_REFUSED, imported.poolTx(refused).Status)
	require.Equal(t, refusedSelector, imported.poolTx(refused).Refusal)
	require.Equal(t, types.POOL_TX_STATUS_CANCELLED, imported.poolTx(cancelled).Status)
	calls, err := imported.k.CallsToCheck(imported.ctx)
	require.NoError(t, err)
	require.Len(t, calls, 1)
	require.Equal(t, checking, calls[0].Id)
	imported.run(1)
	require.Contains(t, []types.PoolTxStatus{types.POOL_TX_STATUS_QUEUED, types.POOL_TX_STATUS_SIGNING}, imported.poolTx(checking).Status,
		"its dry run passed on the imported chain")

	for name, mutate := range map[string]func(*types.GenesisState){
		"refused with a version":  func(gs *types.GenesisState) { gs.PoolTxs[refused-1].Versions = []types.PoolTxVersion{{}} },
		"a 3-byte refusal":        func(gs *types.GenesisState) { gs.PoolTxs[refused-1].Refusal = []byte{1, 2, 3} },
		"a refusal while checked": func(gs *types.GenesisState) { gs.PoolTxs[checking-1].Refusal = refusedSelector },
		"checked above the view":  func(gs *types.GenesisState) { gs.PoolTxs[checking-1].L1Height = gs.L1View.L1Height + 1 },
	} {
		bad, err := c.k.ExportGenesis(c.ctx)
		require.NoError(t, err)
		mutate(bad)
		require.ErrorIs(t, bad.Validate(), types.ErrInvalidGenesis, name)
	}
}

// The L2 batch's call goes before other queued calls (a backlog of a module's calls
// must not slow the rollup's state commitments): with three calls queued ahead of it,
// the batch is signed next after the one in flight.
func TestBatchCallGoesBeforeQueuedCalls(t *testing.T) {
	c := newCheckedChain(t)
	var ids []uint64
	for range 3 {
		id, err := c.k.QueuePoolCall(c.ctx, "test_checked", 1, outbound.Call{To: common.HexToAddress("0x00000000000000000000000000000000000000aa"), Data: []byte{9}, Gas: 50_000})
		require.NoError(t, err)
		ids = append(ids, id)
	}
	c.l2.known = true
	c.until(200, "a batch accepted", func() bool { return len(c.accepted()) >= 1 })
	batch := c.poolTx(c.accepted()[0].PoolTx)
	landedBefore := 0
	for _, id := range ids {
		tx := c.poolTx(id)
		if tx.Status == types.POOL_TX_STATUS_CONFIRMED && tx.Nonce < batch.Nonce {
			landedBefore++
		}
	}
	require.LessOrEqual(t, landedBefore, 1, "only the call already in flight went before the batch (batch nonce %d)", batch.Nonce)
}
