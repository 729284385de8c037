package reporter

import (
	"context"
	"math/big"
	"testing"
	"time"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/ethereum/go-ethereum/common"
	gethtypes "github.com/ethereum/go-ethereum/core/types"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/bridge/l2"
	"github.com/themis-network/themis/x/mpc/types"
	sequencertypes "github.com/themis-network/themis/x/sequencer/types"
	"github.com/themis-network/themis/x/voteext"
)

var (
	poolAddr    = common.HexToAddress("0x00000000000000000000000000000000000000a1")
	stakingAddr = common.HexToAddress("0x00000000000000000000000000000000000000b2")
	hash1       = common.HexToHash("0x01")
	hash2       = common.HexToHash("0x02")
	gwei30      = big.NewInt(30_000_000_000)
	oneEther    = new(big.Int).Exp(big.NewInt(10), big.NewInt(18), nil)
)

// harness is one validator: committed state, its L1 and L2 nodes, the watcher and
// the source over them, and a clock.
type harness struct {
	chain *fakeChain
	l1    *fakeL1
	l2    *fakeL2
	clock *clock
	w     *L1Watcher
	src   *L1Source
}

// newHarness: a pool key, 12 confirmations, an L1 head at 100 (so facts at 88) with
// the pool's nonce 7 there, a balance of 1 ETH, a base fee of 30 gwei, and the pool
// proposed on the staking contract.
func newHarness(t *testing.T) *harness {
	t.Helper()
	params := sequencertypes.DefaultParams()
	params.StakingContract, params.L1Confirmations = types.AddressString(stakingAddr), 12
	h := &harness{
		chain: &fakeChain{pool: &types.PoolKey{Address: types.AddressString(poolAddr), Generation: 1}, params: params},
		l1: &fakeL1{head: 100, baseFee: gwei30, nonces: map[uint64]uint64{88: 7}, balance: oneEther, pending: poolAddr,
			receipts: map[common.Hash]*gethtypes.Receipt{}},
		l2:    &fakeL2{ranges: map[[2]uint64]l2.RangeCommitment{}},
		clock: &clock{now: time.Unix(1_700_000_000, 0)},
	}
	h.w = NewL1Watcher(L1WatchConfig{L1: h.l1, L2: h.l2, Now: h.clock.Now})
	h.src = NewL1Source(h.chain, h.chain, h.w)
	return h
}

// report is what the source puts in the vote extension, through the chain's strict
// decoder; nil: nothing.
func (h *harness) report(t *testing.T) *types.L1Report {
	t.Helper()
	bz, err := h.src.Report(context.Background(), sdk.Context{}, 10)
	require.NoError(t, err)
	if bz == nil {
		return nil
	}
	require.LessOrEqual(t, len(bz), voteext.MaxReportBytes)
	r, err := types.DecodeL1Report(bz)
	require.NoError(t, err, "the chain's check must accept what the source reports")
	return &r
}

// poll runs one poll of each node, as Run does every second.
func (h *harness) poll(t *testing.T) (l1Err, l2Err error) {
	t.Helper()
	return h.w.pollL1(context.Background()), h.w.pollL2(context.Background())
}

// pollOK is a vote (which hands the wants over), a poll, and the next vote's report.
func (h *harness) pollOK(t *testing.T) *types.L1Report {
	t.Helper()
	h.report(t)
	l1Err, l2Err := h.poll(t)
	require.NoError(t, l1Err)
	require.NoError(t, l2Err)
	return h.report(t)
}

func (h *harness) inFlight(id uint64, hashes ...common.Hash) {
	tx := &types.PoolTx{Id: id, Status: types.POOL_TX_STATUS_SENT, Nonce: 7, L1Height: 80}
	for _, x := range hashes {
		tx.Versions = append(tx.Versions, types.PoolTxVersion{TxHash: x.Bytes()})
	}
	tx.Versions = append(tx.Versions, types.PoolTxVersion{}) // a replacement still signing
	h.chain.inFlight = tx
}

func (h *harness) propose(index, start, end uint64) {
	h.chain.progress.Current = &types.Batch{Index: index, L2Start: start, L2End: end, Status: types.BATCH_STATUS_PROPOSED}
}

func commitmentOf(start, end uint64, seed byte) l2.RangeCommitment {
	return l2.RangeCommitment{From: start, To: end, StateRoot: common.Hash{seed, 1}, TxRoot: common.Hash{seed, 2}, LastHash: common.Hash{seed, 3}}
}

func TestL1ReportsNothingWithoutAPoolKey(t *testing.T) {
	h := newHarness(t)
	h.chain.pool = nil
	require.Nil(t, h.pollOK(t))
	require.Zero(t, h.l1.calls, "no pool key: nothing to read on L1")
}

func TestL1ReportsNothingBeforeTheFirstPollOrWithoutAnL1Node(t *testing.T) {
	h := newHarness(t)
	require.Nil(t, h.report(t), "the watcher has read nothing yet")

	h.w = NewL1Watcher(L1WatchConfig{Now: h.clock.Now}) // neither node configured
	h.src = NewL1Source(h.chain, h.chain, h.w)
	h.propose(1, 1, 100)
	require.Nil(t, h.pollOK(t))
}

func TestL1FactsAreReadAtTheHeadMinusTheConfirmations(t *testing.T) {
	h := newHarness(t)
	r := h.pollOK(t)
	require.NotNil(t, r)
	require.EqualValues(t, 88, r.L1Height)
	require.Equal(t, []uint64{88}, h.l1.nonceBlocks, "the nonce is read at the confirmed block, not the head")
	require.EqualValues(t, 7, r.PoolNonce)
	require.Equal(t, oneEther, types.Wei(r.PoolBalance))
	require.Equal(t, gwei30, types.Wei(r.BaseFee), "the base fee is the head's")
	require.True(t, r.PoolProposed)
	require.Nil(t, r.Receipt)
	require.Nil(t, r.Batch)

	h.l1.set(func(f *fakeL1) { f.pending = common.HexToAddress("0x00000000000000000000000000000000000000c3") })
	require.False(t, h.pollOK(t).PoolProposed, "another address is proposed")

	h.l1.set(func(f *fakeL1) { f.balance = new(big.Int) })
	require.Empty(t, h.pollOK(t).PoolBalance, "a zero balance is the empty amount")
}

// Governance raising the depth must not leave facts read at the old depth in votes.
func TestL1FactsReadForOtherParamsAreNotReported(t *testing.T) {
	h := newHarness(t)
	require.NotNil(t, h.pollOK(t))
	h.chain.params.L1Confirmations = 20
	require.Nil(t, h.report(t), "read at 12 confirmations, the chain now wants 20")
	require.EqualValues(t, 80, h.pollOK(t).L1Height)
}

func TestL1NothingWhileTheHeadIsNotDeeperThanTheConfirmations(t *testing.T) {
	h := newHarness(t)
	h.l1.set(func(f *fakeL1) { f.head = 12 })
	require.Nil(t, h.pollOK(t))

	h.l1.set(func(f *fakeL1) { f.head = 100 })
	require.NotNil(t, h.pollOK(t))
	h.l1.set(func(f *fakeL1) { f.head = 5 }) // the node was swapped for one still syncing
	require.Nil(t, h.pollOK(t), "what the old node said is not this node's view")
}

func TestL1ReceiptOnlyOnceConfirmedDeepEnough(t *testing.T) {
	h := newHarness(t)
	h.inFlight(3, hash1, hash2)
	h.l1.set(func(f *fakeL1) {
		f.receipts[hash2] = &gethtypes.Receipt{TxHash: hash2, BlockNumber: big.NewInt(95), Status: gethtypes.ReceiptStatusSuccessful}
	})
	r := h.pollOK(t)
	require.Nil(t, r.Receipt, "block 95 is above the confirmed height 88")
	require.Equal(t, []common.Hash{hash1, hash2}, h.l1.receiptAsked, "only signed versions are looked up")

	h.l1.set(func(f *fakeL1) { f.head = 107; f.nonces[95] = 8 })
	r = h.pollOK(t)
	require.EqualValues(t, 95, r.L1Height)
	require.Equal(t, &types.PoolTxReceipt{PoolTx: 3, TxHash: hash2.Bytes(), L1Block: 95}, r.Receipt)
}

func TestL1RevertedReceiptIsReportedAsReverted(t *testing.T) {
	h := newHarness(t)
	h.inFlight(3, hash1)
	h.l1.set(func(f *fakeL1) {
		f.receipts[hash1] = &gethtypes.Receipt{TxHash: hash1, BlockNumber: big.NewInt(80), Status: gethtypes.ReceiptStatusFailed}
	})
	r := h.pollOK(t)
	require.True(t, r.Receipt.Reverted)
	require.EqualValues(t, 80, r.Receipt.L1Block)
}

func TestL1BatchCommitmentOnlyForTheProposedRangeAndReadOnce(t *testing.T) {
	h := newHarness(t)
	h.propose(2, 101, 200)
	h.report(t)
	_, l2Err := h.poll(t)
	require.ErrorIs(t, l2Err, l2.ErrNoBlock)
	r := h.report(t)
	require.Nil(t, r.Batch, "the L2 node does not have the blocks yet")

	c := commitmentOf(101, 200, 9)
	h.l2.ranges[[2]uint64{101, 200}] = c
	r = h.pollOK(t)
	require.Equal(t, &types.BatchCommitment{Index: 2, L2Start: 101, L2End: 200,
		StateRoot: c.StateRoot.Bytes(), TxRoot: c.TxRoot.Bytes(), LastHash: c.LastHash.Bytes()}, r.Batch)
	calls := h.l2.calls
	h.pollOK(t)
	h.pollOK(t)
	require.Equal(t, calls, h.l2.calls, "a range the L2 node has never changes: read once")

	// A node that answers for another range than asked is not believed.
	h.propose(3, 201, 300)
	h.l2.ranges[[2]uint64{201, 300}] = commitmentOf(201, 299, 4)
	h.report(t)
	_, l2Err = h.poll(t)
	require.Error(t, l2Err)
	require.Nil(t, h.report(t).Batch)
}

func TestL1BatchCommitmentNeedsNoL1(t *testing.T) {
	h := newHarness(t)
	h.l1.set(func(f *fakeL1) { f.err = errNodeDown })
	h.propose(2, 101, 200)
	h.l2.ranges[[2]uint64{101, 200}] = commitmentOf(101, 200, 9)
	h.report(t)
	l1Err, l2Err := h.poll(t)
	require.ErrorIs(t, l1Err, errNodeDown)
	require.NoError(t, l2Err)
	r := h.report(t)
	require.Zero(t, r.L1Height)
	require.NotNil(t, r.Batch)
}

// A fact about work the chain has moved past stays in memory until the next poll; it
// must not be reported meanwhile.
func TestL1StaleFactsOfOldWorkAreNotReported(t *testing.T) {
	h := newHarness(t)
	h.inFlight(3, hash1)
	h.l1.set(func(f *fakeL1) {
		f.receipts[hash1] = &gethtypes.Receipt{TxHash: hash1, BlockNumber: big.NewInt(80), Status: gethtypes.ReceiptStatusSuccessful}
	})
	h.propose(5, 101, 200)
	h.l2.ranges[[2]uint64{101, 200}] = commitmentOf(101, 200, 1)
	r := h.pollOK(t)
	require.NotNil(t, r.Receipt)
	require.NotNil(t, r.Batch)

	h.inFlight(4, hash2) // tx 3 landed; tx 4 went out
	h.propose(6, 201, 300)
	r = h.report(t)
	require.Nil(t, r.Receipt, "the receipt is of tx 3, not of the one in flight")
	require.Nil(t, r.Batch, "the commitment is of batch 5, not of the proposed one")
	require.EqualValues(t, 88, r.L1Height, "the L1 facts themselves still hold")

	h.chain.progress.Current.Status = types.BATCH_STATUS_SUBMITTED
	h.chain.inFlight = nil
	r = h.pollOK(t)
	require.Nil(t, r.Receipt)
	require.Nil(t, r.Batch, "nothing is proposed")
}

// A node that stops answering keeps its last facts for a while (one failed poll must
// not cost a vote), never for long: the world moved on.
func TestL1FactsOfANodeThatStoppedAnsweringAgeOut(t *testing.T) {
	h := newHarness(t)
	require.NotNil(t, h.pollOK(t))
	h.l1.set(func(f *fakeL1) { f.err = errNodeDown; f.head = 200 })

	h.clock.advance(10 * time.Second)
	l1Err, _ := h.poll(t)
	require.ErrorIs(t, l1Err, errNodeDown)
	r := h.report(t)
	require.EqualValues(t, 88, r.L1Height, "ten seconds old: still this node's view")

	h.clock.advance(DefaultL1MaxAge)
	h.poll(t)
	require.Nil(t, h.report(t), "forty seconds old: dropped")

	h.l1.set(func(f *fakeL1) { f.err = nil; f.nonces[188] = 9 })
	require.EqualValues(t, 188, h.pollOK(t).L1Height)
}

// Report runs in ExtendVote: a node that hangs must hold up the watcher only.
func TestL1HangingNodesDoNotBlockReport(t *testing.T) {
	h := newHarness(t)
	h.l1.set(func(f *fakeL1) { f.hang = true })
	h.l2.hang = true
	h.w = NewL1Watcher(L1WatchConfig{L1: h.l1, L2: h.l2, Poll: 10 * time.Millisecond, L1ReadTimeout: time.Hour, L2RangeTimeout: time.Hour})
	h.src = NewL1Source(h.chain, h.chain, h.w)
	h.propose(2, 101, 200)
	require.Nil(t, h.report(t)) // hands the wants over

	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- h.w.Run(ctx) }()
	require.Eventually(t, func() bool {
		h.l1.mu.Lock()
		defer h.l1.mu.Unlock()
		return h.l1.calls > 0
	}, 5*time.Second, time.Millisecond, "the watcher is stuck in a read")

	start := time.Now()
	for range 100 {
		require.Nil(t, h.report(t))
	}
	require.Less(t, time.Since(start), time.Second)

	cancel()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("Run did not stop with its context")
	}
}

func TestL1ReadsAreBoundedInTime(t *testing.T) {
	h := newHarness(t)
	h.l1.set(func(f *fakeL1) { f.hang = true })
	h.l2.hang = true
	h.w = NewL1Watcher(L1WatchConfig{L1: h.l1, L2: h.l2, L1ReadTimeout: 20 * time.Millisecond, L2RangeTimeout: 20 * time.Millisecond})
	h.src = NewL1Source(h.chain, h.chain, h.w)
	h.propose(2, 101, 200)
	h.report(t)
	l1Err, l2Err := h.poll(t)
	require.ErrorIs(t, l1Err, context.DeadlineExceeded)
	require.ErrorIs(t, l2Err, context.DeadlineExceeded)
}

func TestWantsOfReadsCommittedState(t *testing.T) {
	h := newHarness(t)
	h.inFlight(3, hash1, hash2)
	h.propose(2, 101, 200)
	want, err := WantsOf(context.Background(), h.chain, h.chain)
	require.NoError(t, err)
	require.Equal(t, L1Wants{Pool: poolAddr, StakingContract: stakingAddr, Confirmations: 12, PoolTx: 3,
		TxHashes: []common.Hash{hash1, hash2}, Nonce: 7, FromL1: 80, Batch: &BatchRange{Index: 2, Start: 101, End: 200}}, want)

	h.chain.progress.Current.Status = types.BATCH_STATUS_SUBMITTED
	h.chain.pool = nil
	want, err = WantsOf(context.Background(), h.chain, h.chain)
	require.NoError(t, err)
	require.Equal(t, L1Wants{}, want, "no pool key, no proposal: nothing wanted")
}
