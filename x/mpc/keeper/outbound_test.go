package keeper_test

import (
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	ethtypes "github.com/ethereum/go-ethereum/core/types"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/contracts/bindings/batchinbox"
	sequencertest "github.com/themis-network/themis/testutil/sequencer"
	"github.com/themis-network/themis/x/mpc/keeper"
	"github.com/themis-network/themis/x/mpc/types"
)

// newOutboundChain is four honest validators with a confirmed pool key known on L1
// and an agreed L2 head far enough for batches.
func newOutboundChain(t *testing.T) *chain {
	c := newChain(t, 4).withOutbound()
	c.keygen()
	c.acceptPoolOnL1()
	c.l2.head, c.l2.known = 1_000, true
	return c
}

// Batches follow one another on the inbox, each range exactly once, contiguous from
// the first L2 block, each sent as one pool transaction of the next nonce.
func TestBatchesReachTheInboxContiguouslyOnce(t *testing.T) {
	c := newOutboundChain(t)
	c.until(400, "6 batches accepted", func() bool { return len(c.accepted()) >= 6 })
	acc := c.accepted()
	var next uint64
	for i, b := range acc {
		require.Equal(t, uint64(i), b.Index)
		require.Equal(t, next, b.L2Start, "batch %d starts where the last ended", i)
		require.LessOrEqual(t, b.L2End-b.L2Start+1, uint64(20))
		require.Equal(t, l2Commitment(b.Index, b.L2Start, b.L2End).StateRoot, b.Commitment.StateRoot)
		next = b.L2End + 1
	}
	// Every landed transaction is one pool transaction, nonces 0, 1, 2, ...
	txs := c.poolTxs()
	for i, tx := range txs[:len(acc)] {
		require.Equal(t, types.POOL_TX_STATUS_CONFIRMED, tx.Status)
		require.Equal(t, uint64(i), tx.Nonce)
		require.Equal(t, keeper.BatchPurpose, tx.Purpose)
		// The call is exactly the inbox's appendStateBatch of the agreed commitment.
		b := acc[i]
		var sr, tr [32]byte
		copy(sr[:], b.Commitment.StateRoot)
		copy(tr[:], b.Commitment.TxRoot)
		want := batchinbox.NewBatchInbox().PackAppendStateBatch(new(big.Int).SetUint64(b.Index), b.L2Start, b.L2End, sr, tr)
		require.Equal(t, want, tx.Data)
	}
	// Each accepted batch's transaction landed on L1 exactly once.
	for _, b := range acc {
		require.Equal(t, 1, countHash(c.l1.landed, b.TxHash), "batch %d", b.Index)
	}
	c.checkInvariants()
}

func countHash(hs []common.Hash, h []byte) int {
	n := 0
	for _, x := range hs {
		if x == common.BytesToHash(h) {
			n++
		}
	}
	return n
}

// One validator reporting a wrong state root is outvoted: the batch carries the
// honest root. Two of four (not more than 2/3 honest) stop the batch: it expires and
// nothing is ever signed for the wrong root.
func TestWrongRootIsNeverSigned(t *testing.T) {
	lie := func(c *chain) []byte {
		r := c.honestL1Report()
		if r.Batch != nil {
			r.Batch.StateRoot = make([]byte, 32)
			r.Batch.StateRoot[0] = 0xee
		}
		bz, err := types.EncodeL1Report(r)
		require.NoError(t, err)
		return bz
	}
	c := newOutboundChain(t)
	c.node(1).l1Lie = lie
	c.until(100, "a batch accepted", func() bool { return len(c.accepted()) >= 1 })
	require.Equal(t, l2Commitment(0, 0, c.accepted()[0].L2End).StateRoot, c.accepted()[0].Commitment.StateRoot)

	c2 := newOutboundChain(t)
	c2.node(1).l1Lie, c2.node(2).l1Lie = lie, lie
	expired := 0
	for range 40 {
		c2.block()
		expired += len(events[*types.EventBatchExpired](c2))
	}
	require.Positive(t, expired, "a proposal no commitment won expires")
	require.Empty(t, c2.poolTxs(), "no pool transaction without more than 2/3 behind one commitment")
	for _, r := range c2.signRequests() {
		require.NotEqual(t, keeper.PoolTxPayloadType, r.PayloadType, "nothing signed for a batch without agreement")
	}
}

// The batch validator: a vote counts only for the batch the chain proposed (index and
// range), with the commitment the voter read from its own L2 node. Even three of four
// validators voting another range or another index (a replayed or future batch's
// vote) make nothing of it: the proposal expires, and no pool transaction or sign
// request is made. The honest vote is the valid case; a wrong root is outvoted while
// its voters hold less than 1/3 (TestWrongRootIsNeverSigned), since more than 2/3 of
// power is what the chain trusts for the root.
func TestBatchVotesCountOnlyForTheProposedBatch(t *testing.T) {
	for _, tc := range []struct {
		name  string
		alter func(b *types.BatchCommitment)
	}{
		{"valid", nil},
		{"wrong range end", func(b *types.BatchCommitment) { b.L2End++ }},
		{"wrong range start", func(b *types.BatchCommitment) { b.L2Start++ }},
		{"another index (replayed or future)", func(b *types.BatchCommitment) { b.Index++ }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := newOutboundChain(t)
			if tc.alter != nil {
				for _, id := range []uint64{1, 2, 3} {
					c.node(id).l1Lie = func(c *chain) []byte {
						r := c.honestL1Report()
						if r.Batch != nil {
							tc.alter(r.Batch)
						}
						bz, err := types.EncodeL1Report(r)
						require.NoError(t, err)
						return bz
					}
				}
			}
			expired := 0
			for range 40 {
				c.block()
				expired += len(events[*types.EventBatchExpired](c))
			}
			if tc.alter == nil {
				require.NotEmpty(t, c.poolTxs(), "the honest vote makes the inbox call")
				return
			}
			require.Positive(t, expired, "the proposal expires")
			require.Empty(t, c.poolTxs(), "no pool transaction")
			for _, r := range c.signRequests() {
				require.NotEqual(t, keeper.PoolTxPayloadType, r.PayloadType, "nothing signed")
			}
		})
	}
}

func (c *chain) signRequests() []types.SignRequest {
	gs, err := c.k.ExportGenesis(c.ctx)
	require.NoError(c.t, err)
	return gs.SignRequests
}

// A version dropped from the L1 mempool is replaced after stuck_blocks by a new
// version of the same nonce with both caps raised at least 10%; it lands once and the
// batch is accepted once.
func TestDroppedTransactionIsReplacedAndLandsOnce(t *testing.T) {
	c := newOutboundChain(t)
	c.l1.dropVersions = 1 // the bridge never gets version 0 out
	c.until(100, "a batch accepted", func() bool { return len(c.accepted()) >= 1 })
	tx := c.poolTxs()[0]
	require.Len(t, tx.Versions, 2)
	require.Equal(t, uint32(1), tx.Landed)
	v0, v1 := tx.Versions[0], tx.Versions[1]
	require.GreaterOrEqual(t, types.Wei(v1.MaxFee).Int64()*100, types.Wei(v0.MaxFee).Int64()*110)
	require.GreaterOrEqual(t, types.Wei(v1.MaxTip).Int64()*100, types.Wei(v0.MaxTip).Int64()*110)
	require.GreaterOrEqual(t, v1.OpenedHeight, v0.SignedHeight+8, "replaced only after stuck_blocks")
	for _, v := range tx.Versions {
		raw := new(ethtypes.Transaction)
		require.NoError(t, raw.UnmarshalBinary(v.Raw))
		require.Equal(t, tx.Nonce, raw.Nonce(), "a replacement keeps the nonce")
	}
	require.Len(t, c.accepted(), 1)
	require.Equal(t, 1, countHash(c.l1.landed, c.accepted()[0].TxHash))
	require.Zero(t, countHash(c.l1.landed, v0.TxHash), "the dropped version never lands")
}

// A reverted batch call is proposed again; after max_reverts in a row the purpose
// halts (alarm) and nothing more is proposed.
func TestRevertedBatchesHaltAfterMaxReverts(t *testing.T) {
	c := newOutboundChain(t)
	p, err := c.k.Params.Get(c.ctx)
	require.NoError(t, err)
	c.l1.revertNext = int(p.MaxReverts)
	halted := 0
	for range 200 {
		c.block()
		halted += len(events[*types.EventPurposeHalted](c))
	}
	require.Equal(t, 1, halted)
	require.Empty(t, c.accepted())
	txs := c.poolTxs()
	require.Len(t, txs, int(p.MaxReverts))
	for i, tx := range txs {
		require.Equal(t, types.POOL_TX_STATUS_REVERTED, tx.Status)
		require.Equal(t, uint64(i), tx.Nonce, "a reverted transaction used its nonce")
	}
	require.Nil(t, c.outbound().BatchProgress.Current)
	c.checkInvariants()

	// Governance resumes it once the cause is fixed; only governance, only a halted,
	// registered purpose. Batches flow again.
	msg := keeper.NewMsgServerImpl(c.k)
	_, err = msg.ResumePurpose(c.ctx, &types.MsgResumePurpose{Authority: sequencertest.Bech32(t, []byte("not-gov-not-gov-not-")), Purpose: "l2_batch"})
	require.ErrorIs(t, err, types.ErrUnauthorized)
	_, err = msg.ResumePurpose(c.ctx, &types.MsgResumePurpose{Authority: c.k.GetAuthority(), Purpose: "no_such_purpose"})
	require.ErrorIs(t, err, types.ErrUnknownPurpose)
	_, err = msg.ResumePurpose(c.ctx, &types.MsgResumePurpose{Authority: c.k.GetAuthority(), Purpose: "accept_pool_address"})
	require.ErrorIs(t, err, types.ErrPurposeNotHalted)
	_, err = msg.ResumePurpose(c.ctx, &types.MsgResumePurpose{Authority: c.k.GetAuthority(), Purpose: "l2_batch"})
	require.NoError(t, err)
	require.Len(t, events[*types.EventPurposeResumed](c), 1)
	c.until(100, "a batch accepted after resuming", func() bool { return len(c.accepted()) >= 1 })
}

// The pool accepts its address on L1 once the owner proposed it there, once.
func TestPoolAcceptsItsAddressOnce(t *testing.T) {
	c := newChain(t, 4).withOutbound()
	c.keygen()
	c.run(5)
	require.Empty(t, c.poolTxs(), "nothing to accept before the owner proposed")
	c.l1.proposed = true
	c.until(60, "acceptance landed", func() bool {
		txs := c.poolTxs()
		return len(txs) == 1 && txs[0].Status == types.POOL_TX_STATUS_CONFIRMED
	})
	tx := c.poolTxs()[0]
	require.Equal(t, keeper.AcceptPoolPurpose, tx.Purpose)
	require.Equal(t, c.seqs.params.StakingContract, tx.To)
	c.l1.proposed = false // acceptPoolAddress clears pendingPoolAddress
	c.acceptPoolOnL1()    // and the relayed PoolAddressUpdated sets it
	c.run(20)
	for _, tx := range c.poolTxs()[1:] {
		require.NotEqual(t, keeper.AcceptPoolPurpose, tx.Purpose, "accepted once")
	}
}

// A minority reporting absurd L1 facts moves nothing: not the nonce, the confirmed
// height, the base fee or the balance.
func TestMinorityCannotMoveTheL1View(t *testing.T) {
	c := newChain(t, 4).withOutbound()
	c.node(4).l1Lie = func(c *chain) []byte {
		r := c.honestL1Report()
		r.L1Height, r.PoolNonce = 1<<40, 1<<40
		r.BaseFee, r.PoolBalance = types.WeiBytes(big.NewInt(1<<62)), nil
		bz, err := types.EncodeL1Report(r)
		require.NoError(t, err)
		return bz
	}
	c.run(5)
	v := c.outbound().L1View
	require.Equal(t, c.l1.head-1-testConfirmations, v.L1Height)
	require.Zero(t, v.PoolNonce)
	require.Equal(t, c.l1.baseFee.Int64(), types.Wei(v.BaseFee).Int64())
	require.Equal(t, c.l1.balance.String(), types.Wei(v.PoolBalance).String())
}

// Silence is not agreement: with only two of four reporting, the view stays empty and
// no pool transaction can start (it would need a guessed fee and nonce).
func TestNoViewWithoutSupermajority(t *testing.T) {
	c := newChain(t, 4).withOutbound()
	c.node(3).online, c.node(4).online = false, false
	c.run(5)
	require.Zero(t, c.outbound().L1View.L1Height)
}

// The balance alarm is raised once per episode.
func TestLowBalanceAlarmOncePerEpisode(t *testing.T) {
	c := newOutboundChain(t)
	c.l1.balance = big.NewInt(1)
	alarms := 0
	for range 10 {
		c.block()
		alarms += len(events[*types.EventPoolBalanceLow](c))
	}
	require.Equal(t, 1, alarms)
	require.True(t, c.outbound().L1View.LowBalance)
	c.l1.balance = big.NewInt(1e18)
	c.run(3)
	require.False(t, c.outbound().L1View.LowBalance)
}

// The pool_tx payload type signs only an unsigned EIP-1559 transaction with a chain
// id, encoded canonically; anything else is refused before any session.
func TestPoolTxPayloadRefusesAnythingElse(t *testing.T) {
	c := newChain(t, 4)
	to := common.HexToAddress("0xbb")
	dyn := ethtypes.NewTx(&ethtypes.DynamicFeeTx{ChainID: big.NewInt(1), Nonce: 1, GasTipCap: big.NewInt(1), GasFeeCap: big.NewInt(2), Gas: 21000, To: &to, Value: new(big.Int)})
	legacy := ethtypes.NewTx(&ethtypes.LegacyTx{Nonce: 1, GasPrice: big.NewInt(1), Gas: 21000, To: &to, Value: new(big.Int)})
	signed, err := ethtypes.SignTx(dyn, ethtypes.NewLondonSigner(big.NewInt(1)), c.group)
	require.NoError(t, err)
	enc := func(tx *ethtypes.Transaction) []byte {
		bz, err := tx.MarshalBinary()
		require.NoError(t, err)
		return append(make([]byte, 12), bz...)
	}
	good := enc(dyn)
	_, err = c.k.RequestSignature(c.ctx, keeper.PoolTxPayloadType, good)
	require.NoError(t, err)
	for name, payload := range map[string][]byte{
		"empty":          nil,
		"header only":    make([]byte, 12),
		"legacy":         enc(legacy),
		"already signed": enc(signed),
		"trailing bytes": append(append([]byte(nil), good...), 0),
		"garbage":        append(make([]byte, 12), 0x02, 0xff, 0x01),
	} {
		_, err := c.k.RequestSignature(c.ctx, keeper.PoolTxPayloadType, payload)
		require.ErrorIs(t, err, types.ErrInvalidPayload, name)
	}
}

// A misconfigured chain (no L1 chain id) fails the outbox step, never EndBlock: the
// chain keeps running and nothing half-done is stored.
func TestOutboundFailureDoesNotHaltTheChain(t *testing.T) {
	c := newOutboundChain(t)
	c.seqs.params.L1ChainId = 0
	c.run(30) // block() requires EndBlock to succeed
	for _, tx := range c.poolTxs() {
		require.Equal(t, types.POOL_TX_STATUS_QUEUED, tx.Status, "no version opened without a chain id")
		require.Empty(t, tx.Versions)
	}
	c.seqs.params.L1ChainId = 31337
	c.until(100, "a batch accepted once fixed", func() bool { return len(c.accepted()) >= 1 })
}
