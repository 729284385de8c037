package keeper_test

import (
	"context"
	"encoding/binary"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	ethtypes "github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/x/mpc/keeper"
	"github.com/themis-network/themis/x/mpc/outbound"
	"github.com/themis-network/themis/x/mpc/types"
	"github.com/themis-network/themis/x/voteext"
)

// fakeL1 is the L1 every honest validator's own node shows: one L1 block per chain
// block, a mempool the fake bridge sends the pool's signed versions to, and receipts.
type fakeL1 struct {
	chainID  *big.Int
	head     uint64
	baseFee  *big.Int
	balance  *big.Int
	nonce    uint64 // the pool's nonce at the head
	proposed bool
	// revertNext makes the next mined pool transactions revert.
	revertNext int
	// mempool holds sent versions; mined maps a hash to its receipt.
	mempool []*ethtypes.Transaction
	mined   map[common.Hash]minedTx
	// byNonce is the pool's transaction at each nonce L1 used.
	byNonce map[uint64]*ethtypes.Transaction
	// nonceAt is the pool's nonce after each block.
	nonceAt map[uint64]uint64
	// dropVersions: the bridge never sends versions below this index (a transaction
	// dropped from the mempool).
	dropVersions uint32
	// sent counts every sent version, landed every mined one.
	landed []common.Hash
	// dryRun is how a checked pool call's dry run ends at the confirmed height (nil:
	// it succeeds).
	dryRun func(tx types.PoolTx) types.CallCheck
}

type minedTx struct {
	block    uint64
	reverted bool
}

const testConfirmations = 2

// fakeL2Head is x/epoch's agreed head as the test sets it.
type fakeL2Head struct {
	head  uint64
	known bool
}

func (h *fakeL2Head) AgreedHead(context.Context) (uint64, bool, error) { return h.head, h.known, nil }

// withOutbound turns on the outbound path: an L1 with a batch inbox and staking
// contract, the pool address accepted on L1 once a key exists, an agreed L2 head.
func (c *chain) withOutbound() *chain {
	c.l1 = &fakeL1{chainID: big.NewInt(31337), head: 100, baseFee: big.NewInt(1_000_000_000), balance: big.NewInt(1e18),
		mined: map[common.Hash]minedTx{}, byNonce: map[uint64]*ethtypes.Transaction{}, nonceAt: map[uint64]uint64{}}
	c.l2 = &fakeL2Head{}
	c.seqs.params.L1ChainId = 31337
	c.seqs.params.L1Confirmations = testConfirmations
	c.seqs.params.StakingContract = "0x00000000000000000000000000000000000000aa"
	p, err := c.k.Params.Get(c.ctx)
	require.NoError(c.t, err)
	p.BatchInbox = "0x00000000000000000000000000000000000000bb"
	p.BatchMinBlocks, p.BatchMaxBlocks, p.BatchVoteBlocks, p.StuckBlocks = 5, 20, 6, 8
	require.NoError(c.t, c.k.Params.Set(c.ctx, p))
	c.k = c.k.WithL2Heads(c.l2)
	return c
}

// acceptPoolOnL1 makes the staking contract know the pool address (as the relayed
// PoolAddressUpdated event would).
func (c *chain) acceptPoolOnL1() {
	pk, ok := c.poolKey()
	require.True(c.t, ok)
	c.seqs.l1.PoolAddress = pk.Address
}

// l1Block mines one L1 block: the fake bridge first sends the latest signed version
// of every SENT pool transaction, then the block takes the best-paying version of the
// pool's next nonce.
func (c *chain) l1Block() {
	res, err := keeper.NewQueryServerImpl(c.k).PoolTxs(c.ctx, &types.QueryPoolTxsRequest{Status: types.POOL_TX_STATUS_SENT})
	require.NoError(c.t, err)
	for _, ptx := range res.PoolTxs {
		last := uint32(len(ptx.Versions) - 1)
		v := ptx.Versions[last]
		if len(v.Raw) == 0 || last < c.l1.dropVersions {
			continue
		}
		tx := new(ethtypes.Transaction)
		require.NoError(c.t, tx.UnmarshalBinary(v.Raw))
		require.Equal(c.t, common.BytesToHash(v.TxHash), tx.Hash())
		c.l1.mempool = append(c.l1.mempool, tx)
	}
	c.l1.head++
	var best *ethtypes.Transaction
	var kept []*ethtypes.Transaction
	for _, tx := range c.l1.mempool {
		if _, done := c.l1.mined[tx.Hash()]; done || tx.Nonce() < c.l1.nonce {
			continue // landed, or its nonce is used: dropped by the pool
		}
		kept = append(kept, tx)
		if tx.Nonce() == c.l1.nonce && (best == nil || tx.GasFeeCap().Cmp(best.GasFeeCap()) > 0) {
			best = tx
		}
	}
	c.l1.mempool = kept
	if best != nil {
		from, err := ethtypes.Sender(ethtypes.NewLondonSigner(c.l1.chainID), best)
		require.NoError(c.t, err)
		require.Equal(c.t, cryptoAddress(c.group), from, "only the pool sends")
		reverted := c.l1.revertNext > 0
		if reverted {
			c.l1.revertNext--
		}
		c.l1.mined[best.Hash()] = minedTx{block: c.l1.head, reverted: reverted}
		c.l1.byNonce[best.Nonce()] = best
		c.l1.landed = append(c.l1.landed, best.Hash())
		c.l1.nonce++
	}
	c.l1.nonceAt[c.l1.head] = c.l1.nonce
}

// l1Report is what an honest validator's own nodes say, seeing the committed state.
func (c *chain) l1Report(n *node) []byte {
	if n.l1Lie != nil {
		return n.l1Lie(c)
	}
	r := c.honestL1Report()
	payload, err := types.EncodeL1Report(r)
	require.NoError(c.t, err)
	require.NoError(c.t, c.k.L1Reporter().CheckReport(payload))
	return payload
}

func (c *chain) honestL1Report() types.L1Report {
	confirmed := c.l1.head - testConfirmations
	r := types.L1Report{
		L1Height: confirmed, BaseFee: types.WeiBytes(c.l1.baseFee), PoolNonce: c.l1.nonceAt[confirmed],
		PoolBalance: types.WeiBytes(c.l1.balance), PoolProposed: c.l1.proposed,
	}
	if tx, ok, err := c.k.InFlight(c.ctx); err == nil && ok {
		for _, v := range tx.Versions {
			if m, ok := c.l1.mined[common.BytesToHash(v.TxHash)]; ok && len(v.TxHash) == 32 && m.block <= confirmed {
				r.Receipt = &types.PoolTxReceipt{PoolTx: tx.Id, TxHash: v.TxHash, Reverted: m.reverted, L1Block: m.block}
			}
		}
		// None of the chain's hashes landed, yet L1 used the nonce: the reporter finds
		// the pool's transaction at it and reports it with its signature.
		if at, ok := c.l1.byNonce[tx.Nonce]; r.Receipt == nil && ok && c.l1.mined[at.Hash()].block <= confirmed {
			m := c.l1.mined[at.Hash()]
			r.Receipt = &types.PoolTxReceipt{PoolTx: tx.Id, TxHash: at.Hash().Bytes(), Reverted: m.reverted, L1Block: m.block, Signature: outbound.SignatureOf(at)}
		}
	}
	calls, err := c.k.CallsToCheck(c.ctx)
	require.NoError(c.t, err)
	for _, tx := range calls {
		check := types.CallCheck{PoolTx: tx.Id}
		if c.l1.dryRun != nil {
			check = c.l1.dryRun(tx)
		}
		r.Checks = append(r.Checks, check)
	}
	if prog, err := c.k.GetBatchProgress(c.ctx); err == nil && prog.Current != nil && prog.Current.Status == types.BATCH_STATUS_PROPOSED {
		b := l2Commitment(prog.Current.Index, prog.Current.L2Start, prog.Current.L2End)
		r.Batch = &b
	}
	return r
}

// l2Commitment is the honest L2 node's commitment of a range.
func l2Commitment(index, start, end uint64) types.BatchCommitment {
	h := func(tag string, xs ...uint64) []byte {
		b := []byte(tag)
		for _, x := range xs {
			b = binary.BigEndian.AppendUint64(b, x)
		}
		return crypto.Keccak256(b)
	}
	return types.BatchCommitment{Index: index, L2Start: start, L2End: end,
		StateRoot: h("state", end), TxRoot: h("tx", start, end), LastHash: h("hash", end)}
}

// applyL1Reports runs the mpc-l1 reporter on the online validators' reports.
func (c *chain) applyL1Reports(set voteext.ValidatorSet, reports []voteext.ValidatorReport) {
	for i := range reports {
		reports[i].Payload = nil
		for _, m := range c.seqs.active {
			if string(m.ConsAddress) == string(reports[i].Validator.ConsAddress) {
				if n := c.node(m.SequencerId); n.online {
					reports[i].Payload = c.l1Report(n)
				}
			}
		}
	}
	require.NoError(c.t, c.k.L1Reporter().ApplyReports(c.ctx, c.height-1, set, reports))
}

func (c *chain) outbound() *types.QueryOutboundResponse {
	res, err := keeper.NewQueryServerImpl(c.k).Outbound(c.ctx, &types.QueryOutboundRequest{})
	require.NoError(c.t, err)
	return res
}

func (c *chain) accepted() []types.AcceptedBatch {
	res, err := keeper.NewQueryServerImpl(c.k).AcceptedBatches(c.ctx, &types.QueryAcceptedBatchesRequest{})
	require.NoError(c.t, err)
	return res.Batches
}

func (c *chain) poolTxs() []types.PoolTx {
	res, err := keeper.NewQueryServerImpl(c.k).PoolTxs(c.ctx, &types.QueryPoolTxsRequest{})
	require.NoError(c.t, err)
	return res.PoolTxs
}
