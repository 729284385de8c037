package keeper_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/contracts/bindings/staking"
	sequencertest "github.com/themis-network/themis/testutil/sequencer"
	"github.com/themis-network/themis/x/mpc/keeper"
	"github.com/themis-network/themis/x/mpc/types"
	sequencertypes "github.com/themis-network/themis/x/sequencer/types"
)

// replaceKey is governance's MsgReplacePoolKey.
func (c *chain) replaceKey(generation uint64, reason string) (*types.MsgReplacePoolKeyResponse, error) {
	return keeper.NewMsgServerImpl(c.k).ReplacePoolKey(c.ctx, &types.MsgReplacePoolKey{
		Authority: sequencertest.Authority(c.t), Generation: generation, Reason: reason,
	})
}

// unfinished counts the pool transactions not yet final and the unsigned requests.
func (c *chain) unfinished() (txs, requests int) {
	for _, tx := range c.poolTxs() {
		switch tx.Status {
		case types.POOL_TX_STATUS_CHECKING, types.POOL_TX_STATUS_QUEUED, types.POOL_TX_STATUS_SIGNING, types.POOL_TX_STATUS_SENT:
			txs++
		}
	}
	for id := uint64(1); ; id++ {
		r, err := c.k.GetSignRequest(c.ctx, id)
		if err != nil {
			return txs, requests
		}
		if r.Status == types.SIGN_REQUEST_STATUS_QUEUED || r.Status == types.SIGN_REQUEST_STATUS_SIGNING {
			requests++
		}
	}
}

// Only governance retires a key, only the confirmed generation, with a reason, and
// only while there is one.
func TestReplacePoolKeyRefusesBadRequests(t *testing.T) {
	c := newOutboundChain(t)
	pk, _ := c.poolKey()
	srv := keeper.NewMsgServerImpl(c.k)
	_, err := srv.ReplacePoolKey(c.ctx, &types.MsgReplacePoolKey{Authority: c.nodes[0].signer(), Generation: pk.Generation, Reason: "lost"})
	require.ErrorIs(t, err, types.ErrUnauthorized)
	_, err = c.replaceKey(pk.Generation+1, "lost")
	require.ErrorIs(t, err, types.ErrWrongGeneration)
	_, err = c.replaceKey(pk.Generation, "")
	require.ErrorIs(t, err, types.ErrInvalidReason)
	_, err = c.replaceKey(pk.Generation, string(make([]byte, types.MaxReasonBytes+1)))
	require.ErrorIs(t, err, types.ErrInvalidReason)
	_, has := c.poolKey()
	require.True(t, has, "a refused retirement changed nothing")

	_, err = c.replaceKey(pk.Generation, "shares lost")
	require.NoError(t, err)
	_, err = c.replaceKey(pk.Generation, "shares lost")
	require.ErrorIs(t, err, types.ErrNoPoolKey)
}

// The whole path on the chain's side: the key is retired with work in flight; nothing
// of the old key stays open (pool transactions voided, requests cancelled, sessions
// closed, the nonce view reset); a keygen of the next generation makes a new key,
// approved as the recovery pool; the new pool completes the contract's recovery once
// the owner proposed it and its delay passed (dry runs refused before), from nonce 0
// of its own address; then the batches go on from where L1 left them.
func TestReplacePoolKeyRecoversThePool(t *testing.T) {
	c := newOutboundChain(t)
	old, _ := c.poolKey()
	c.l1.dropVersions = 1 << 30 // nothing the old key signs lands from now on: it is lost
	c.proposeCheckedAsPool()
	c.until(60, "pool transactions in flight", func() bool {
		txs, _ := c.unfinished()
		return txs >= 2
	})
	acceptedBefore := len(c.accepted())
	signing := c.requestSig("signing when the key is lost")
	c.block()
	require.Equal(t, types.SIGN_REQUEST_STATUS_SIGNING, c.request(signing).Status)
	queued := c.requestSig("queued when the key is lost")

	res, err := c.replaceKey(old.Generation, "fewer than t+1 shares survive")
	require.NoError(t, err)
	require.GreaterOrEqual(t, res.VoidedPoolTxs, uint32(2))
	txs, reqs := c.unfinished()
	require.Zero(t, txs, "every pool transaction is final")
	require.Zero(t, reqs, "every unsigned request is cancelled")
	require.Empty(t, c.open(), "no session of the old key stays open")
	require.Equal(t, types.SESSION_STATUS_SUPERSEDED, c.session(c.request(signing).Session).Status)
	require.GreaterOrEqual(t, res.CancelledRequests, uint32(2))
	_, has := c.poolKey()
	require.False(t, has)
	out := c.outbound()
	require.Zero(t, out.L1View.PoolNonce)
	require.Zero(t, out.L1View.NextNonce)
	retired := events[*types.EventPoolKeyRetired](c)
	require.Len(t, retired, 1)
	require.Equal(t, old.Generation+1, retired[0].NextGeneration)
	rk, err := keeper.NewQueryServerImpl(c.k).RetiredPoolKeys(c.ctx, &types.QueryRetiredPoolKeysRequest{})
	require.NoError(t, err)
	require.Len(t, rk.RetiredKeys, 1)
	require.Equal(t, old, rk.RetiredKeys[0].PoolKey)
	require.Equal(t, "fewer than t+1 shares survive", rk.RetiredKeys[0].Reason)
	gs, err := c.k.ExportGenesis(c.ctx)
	require.NoError(t, err)
	require.NoError(t, gs.Validate())
	require.Len(t, gs.RetiredKeys, 1)

	// The engines make a new key (another group key: the old shares are gone), and the
	// new address has a nonce history of its own.
	c.group = privOf("group", 1)
	c.l1.nonce, c.l1.nonceAt, c.l1.dropVersions = 0, map[uint64]uint64{}, 0
	c.until(20, "the keygen of the next generation open", func() bool { _, ok := c.openOf(types.SESSION_KIND_KEYGEN); return ok })
	gs, err = c.k.ExportGenesis(c.ctx)
	require.NoError(t, err)
	require.NoError(t, gs.Validate(), "an export with the keygen after a retirement loads")
	kg, _ := c.openOf(types.SESSION_KIND_KEYGEN)
	kg.Generation = old.Generation
	gs.Sessions[kg.Number-1] = kg
	require.ErrorIs(t, gs.Validate(), types.ErrInvalidGenesis, "a keygen reusing the retired generation does not")
	pk := c.keygen()
	require.Equal(t, old.Generation+1, pk.Generation)
	require.NotEqual(t, old.Address, pk.Address)
	keygen := c.session(pk.Session)
	require.Equal(t, types.SESSION_KIND_KEYGEN, keygen.Kind)
	require.Equal(t, pk.Generation, keygen.Generation)
	require.Equal(t, pk.Address, c.seqs.approved, "the new address is governance's approved recovery pool")
	require.Len(t, events[*types.EventPoolRecoveryApproved](c), 1)

	// Until the owner proposes it on L1, the new key makes no call at all.
	c.run(20)
	require.Empty(t, c.recoveryCalls())
	require.Len(t, c.accepted(), acceptedBefore, "no batch while the contract's pool is the old one")

	// The owner proposes it; the contract refuses the completion until the delay passed.
	c.seqs.l1.RecoveryPool = pk.Address
	notReady := []byte{0x01, 0x02, 0x03, 0x04}
	c.l1.dryRun = func(tx types.PoolTx) types.CallCheck {
		return types.CallCheck{PoolTx: tx.Id, Reverted: true, Selector: notReady}
	}
	c.until(20, "a completion dry-run", func() bool { return len(c.recoveryCalls()) == 1 })
	c.until(20, "the completion refused", func() bool { return c.recoveryCalls()[0].Status == types.POOL_TX_STATUS_REFUSED })
	c.run(25)
	require.Len(t, c.recoveryCalls(), 1, "no second dry run within the first wait (30 blocks)")
	c.until(20, "a second dry run, refused", func() bool {
		calls := c.recoveryCalls()
		return len(calls) == 2 && calls[1].Status == types.POOL_TX_STATUS_REFUSED
	})
	// A resharing meanwhile (a new confirmation of the same key) keeps the count.
	reshared, _ := c.poolKey()
	reshared.ConfirmedHeight = c.height
	require.NoError(t, c.k.PoolKey.Set(c.ctx, reshared))
	c.run(50)
	require.Len(t, c.recoveryCalls(), 2, "the wait doubles with each attempt (60 blocks)")
	require.EqualValues(t, old.Generation<<32|2, c.recoveryCalls()[1].Ref, "the call's ref: the retired generation and the attempt")

	c.l1.dryRun = nil // the delay passed
	c.until(120, "the completion landed", func() bool {
		calls := c.recoveryCalls()
		return len(calls) > 0 && calls[len(calls)-1].Status == types.POOL_TX_STATUS_CONFIRMED
	})
	calls := c.recoveryCalls()
	done := calls[len(calls)-1]
	require.Equal(t, staking.NewThemisStaking().PackCompletePoolRecovery(), done.Data)
	require.Zero(t, done.Nonce, "the first transaction of the new address")
	for _, tx := range calls[:len(calls)-1] {
		require.NotEqual(t, types.POOL_TX_STATUS_CONFIRMED, tx.Status)
	}

	// The contract's PoolAddressUpdated is mirrored: batches go on, no more completions.
	c.seqs.l1.PoolAddress, c.seqs.l1.RecoveryPool = pk.Address, ""
	c.until(200, "a batch accepted from the new pool", func() bool { return len(c.accepted()) > acceptedBefore })
	require.Len(t, c.recoveryCalls(), len(calls))
	acc := c.accepted()
	for i := 1; i < len(acc); i++ {
		require.Equal(t, acc[i-1].L2End+1, acc[i].L2Start, "the batches stay contiguous across the recovery")
	}
	for _, id := range []uint64{signing, queued} {
		require.Equal(t, types.SIGN_REQUEST_STATUS_CANCELLED, c.request(id).Status, "the new key never signs a request of the old")
		require.False(t, c.callbackWrote(id))
	}
	c.checkInvariants()
}

// The edges of the path: engines agreeing on the retired key confirm nothing; a
// failed approval does not undo the new key; an export taken before the keygen loads
// into a fresh chain, which makes the new key; a recovery governance no longer approves
// is not completed; stale reports give the keyless chain no balance or proposal.
func TestReplacePoolKeyEdges(t *testing.T) {
	c := newOutboundChain(t)
	old, _ := c.poolKey()
	c.l1.proposed = true
	_, err := c.replaceKey(old.Generation, "lost")
	require.NoError(t, err)
	c.run(3)
	view := c.outbound().L1View
	require.False(t, view.PoolProposed, "no proposal taken without a key")
	require.Empty(t, view.PoolBalance, "no balance taken without a key")
	c.l1.proposed = false

	c.run(30) // the engines report the old group key
	_, has := c.poolKey()
	require.False(t, has, "a keygen agreeing on a retired key confirms nothing")

	gs, err := c.k.ExportGenesis(c.ctx)
	require.NoError(t, err)
	imported := newChainWithGenesis(t, 4, gs).withOutbound()
	imported.group = privOf("group", 2)
	imported.seqs.approveErr = errors.New("x/sequencer refuses")
	pk := imported.keygen()
	require.Equal(t, old.Generation+1, pk.Generation, "the imported chain makes the next generation")
	require.Empty(t, imported.seqs.approved, "the approval failed")
	require.Empty(t, events[*types.EventPoolRecoveryApproved](imported))

	// The owner proposed the new address, but governance withdrew its approval: x/sequencer
	// lists the recovery's cancellation, and the chain does not complete it.
	imported.seqs.l1.PoolAddress, imported.seqs.l1.RecoveryPool = old.Address, pk.Address
	imported.seqs.admin = []sequencertypes.L1AdminChange{{Kind: sequencertypes.L1AdminCancelRecovery, Account: pk.Address}}
	imported.run(10)
	require.Empty(t, imported.recoveryCalls())
	imported.seqs.admin = nil
	imported.l1.dryRun = func(tx types.PoolTx) types.CallCheck { return types.CallCheck{PoolTx: tx.Id} }
	imported.until(10, "the completion proposed once approved", func() bool { return len(imported.recoveryCalls()) == 1 })
	// Withdrawn again while the completion is still unsigned: it is withdrawn too.
	imported.seqs.admin = []sequencertypes.L1AdminChange{{Kind: sequencertypes.L1AdminCancelRecovery, Account: pk.Address}}
	imported.block()
	require.Equal(t, types.POOL_TX_STATUS_CANCELLED, imported.recoveryCalls()[0].Status)
}

// After a retirement with no sequencer ready at all the chain raises the alarm once.
func TestNoCandidateAfterARetirementAlarms(t *testing.T) {
	c := newOutboundChain(t)
	old, _ := c.poolKey()
	_, err := c.replaceKey(old.Generation, "lost")
	require.NoError(t, err)
	for _, n := range c.nodes {
		n.ready = false
	}
	below := 0
	for range 20 {
		c.block()
		below += len(events[*types.EventCommitteeBelowMinimum](c))
	}
	require.Equal(t, 1, below)
}

// proposeCheckedAsPool proposes two checked calls, so that the outbox has more than
// the batch in flight.
func (c *chain) proposeCheckedAsPool() {
	c.t.Helper()
	require.NoError(c.t, c.k.RegisterPoolPurpose(checkedPurpose{}))
	c.proposeChecked()
	c.proposeChecked()
}

// recoveryCalls are the completion calls so far, oldest first.
func (c *chain) recoveryCalls() []types.PoolTx {
	var out []types.PoolTx
	for _, tx := range c.poolTxs() {
		if tx.Purpose == keeper.CompleteRecoveryPurpose {
			out = append(out, tx)
		}
	}
	return out
}

// A report read before the retirement cannot give the new address the old one's
// nonce: no nonce is taken while there is no key.
func TestNoNonceIsTakenWithoutAKey(t *testing.T) {
	c := newOutboundChain(t)
	c.until(60, "the pool's nonce agreed above 0", func() bool { return c.outbound().L1View.PoolNonce > 0 })
	pk, _ := c.poolKey()
	_, err := c.replaceKey(pk.Generation, "lost")
	require.NoError(t, err)
	c.block() // the honest fake still reports the old address's nonce
	require.Zero(t, c.outbound().L1View.PoolNonce)
	require.NotZero(t, c.l1.nonce)
}

// Governance sets the batch progress to the inbox's, for batches the chain did not see
// land: both together, never below a batch the chain saw land nor over one in flight,
// undone by another resync; the batch purpose resumes and the next batch continues
// from there.
func TestResyncBatchesFollowsTheInbox(t *testing.T) {
	c := newOutboundChain(t)
	srv := keeper.NewMsgServerImpl(c.k)
	resync := func(index, start uint64) error {
		_, err := srv.ResyncBatches(c.ctx, &types.MsgResyncBatches{Authority: sequencertest.Authority(t), NextIndex: index, NextStart: start})
		return err
	}
	c.until(100, "a batch in flight", func() bool {
		prog, err := c.k.GetBatchProgress(c.ctx)
		require.NoError(t, err)
		return prog.Current != nil && prog.Current.Status == types.BATCH_STATUS_SUBMITTED
	})
	prog, err := c.k.GetBatchProgress(c.ctx)
	require.NoError(t, err)
	require.ErrorIs(t, resync(prog.NextIndex+2, prog.NextStart+40), types.ErrInvalidResync, "not over a batch in flight")

	c.l2.known = false // no new batch proposed
	c.until(100, "no batch in progress", func() bool {
		p, err := c.k.GetBatchProgress(c.ctx)
		require.NoError(t, err)
		return p.Current == nil
	})
	prog, err = c.k.GetBatchProgress(c.ctx)
	require.NoError(t, err)
	_, err = srv.ResyncBatches(c.ctx, &types.MsgResyncBatches{Authority: c.nodes[0].signer(), NextIndex: prog.NextIndex + 2, NextStart: prog.NextStart + 40})
	require.ErrorIs(t, err, types.ErrUnauthorized)
	last := c.accepted()[len(c.accepted())-1]
	require.Equal(t, prog.NextIndex, last.Index+1)
	for _, bad := range [][2]uint64{
		{prog.NextIndex, prog.NextStart},          // nothing to change
		{prog.NextIndex + 1, prog.NextStart},      // the index alone
		{prog.NextIndex, prog.NextStart + 10},     // the start alone
		{prog.NextIndex - 1, prog.NextStart - 1},  // over the last batch the chain saw land
		{prog.NextIndex + 1, last.L2End},          // a start inside it
		{prog.NextIndex - 1, prog.NextStart + 10}, // an index below it
	} {
		require.ErrorIs(t, resync(bad[0], bad[1]), types.ErrInvalidResync, "%v", bad)
	}
	// A wrong resync is undone by another (down to the batch after the last seen).
	require.NoError(t, resync(prog.NextIndex+7, prog.NextStart+300))
	require.ErrorIs(t, resync(prog.NextIndex, prog.NextStart+1), types.ErrInvalidResync, "the batch after the last seen starts after its end")
	require.NoError(t, c.k.Reverts.Set(c.ctx, keeper.BatchPurpose, 99))
	require.NoError(t, resync(prog.NextIndex+2, prog.NextStart+40))
	halted, err := c.k.PurposeHalted(c.ctx, keeper.BatchPurpose)
	require.NoError(t, err)
	require.False(t, halted, "the batch purpose resumes")
	require.Len(t, events[*types.EventBatchesResynced](c), 2)

	accepted := len(c.accepted())
	c.l2.known = true
	c.until(100, "the next batch accepted", func() bool { return len(c.accepted()) > accepted })
	next := c.accepted()[accepted]
	require.Equal(t, prog.NextIndex+2, next.Index)
	require.Equal(t, prog.NextStart+40, next.L2Start)
	gs, err := c.k.ExportGenesis(c.ctx)
	require.NoError(t, err)
	require.NoError(t, gs.Validate(), "an export after a resync loads")
}

// After a retirement, too few ready sequencers for a keygen is an alarm (once), not
// the quiet wait of a chain's first blocks; lowering min_parties opens the keygen.
func TestKeygenBelowMinimumAfterARetirementAlarms(t *testing.T) {
	c := newOutboundChain(t)
	old, _ := c.poolKey()
	p, err := c.k.Params.Get(c.ctx)
	require.NoError(t, err)
	p.MinParties = 5
	require.NoError(t, c.k.Params.Set(c.ctx, p))
	_, err = c.replaceKey(old.Generation, "lost")
	require.NoError(t, err)
	below := 0
	for range 20 {
		c.block()
		below += len(events[*types.EventCommitteeBelowMinimum](c))
	}
	require.Equal(t, 1, below, "one alarm per episode")
	_, open := c.openOf(types.SESSION_KIND_KEYGEN)
	require.False(t, open)
	p.MinParties = 4
	require.NoError(t, c.k.Params.Set(c.ctx, p))
	c.group = privOf("group", 3)
	pk := c.keygen()
	require.Equal(t, old.Generation+1, pk.Generation)
}
