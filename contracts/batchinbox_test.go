package contracts_test

import (
	"math"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/contracts/bindings/batchinbox"
)

func root(name string) [32]byte { return crypto.Keccak256Hash([]byte(name)) }

func TestBatchInboxAppend(t *testing.T) {
	e := newEnv(t)
	b := e.inbox
	require.Equal(t, e.deployment.Staking, call(e, e.inboxC, b.PackStaking(), b.UnpackStaking))
	require.Equal(t, uint64(testFirstL2Block), call(e, e.inboxC, b.PackFirstL2Block(), b.UnpackFirstL2Block))
	require.Zero(t, call(e, e.inboxC, b.PackNextBatchIndex(), b.UnpackNextBatchIndex).Sign())

	first := uint64(testFirstL2Block)
	e.expectInboxRevert(e.alice, b.PackAppendStateBatch(big.NewInt(0), first, first+9, root("s0"), root("t0")),
		&batchinbox.BatchInboxNotPoolAddress{Caller: e.alice.addr})
	e.expectInboxRevert(e.owner, b.PackAppendStateBatch(big.NewInt(0), first, first+9, root("s0"), root("t0")),
		&batchinbox.BatchInboxNotPoolAddress{Caller: e.owner.addr})
	e.expectInboxRevert(e.pool, b.PackAppendStateBatch(big.NewInt(1), first, first+9, root("s0"), root("t0")),
		&batchinbox.BatchInboxUnexpectedBatchIndex{Expected: big.NewInt(0), Got: big.NewInt(1)})
	e.expectInboxRevert(e.pool, b.PackAppendStateBatch(big.NewInt(0), first, first-1, root("s0"), root("t0")),
		&batchinbox.BatchInboxInvalidBatchRange{L2Start: first, L2End: first - 1})

	receipt := e.send(e.pool, e.inboxC, b.PackAppendStateBatch(big.NewInt(0), first, first+49, root("s0"), root("t0")))
	requireEvent(t, receipt, b.UnpackStateBatchAppendedEvent, batchinbox.BatchInboxStateBatchAppended{
		BatchIndex: big.NewInt(0), L2Start: first, L2End: first + 49, StateRoot: root("s0"), TxRoot: root("t0"), Submitter: e.pool.addr,
	})
	require.Equal(t, batchinbox.BatchesOutput{
		L2Start: first, L2End: first + 49, StateRoot: root("s0"), TxRoot: root("t0"), Submitter: e.pool.addr,
	}, call(e, e.inboxC, b.PackBatches(big.NewInt(0)), b.UnpackBatches))
	require.Equal(t, big.NewInt(1), call(e, e.inboxC, b.PackNextBatchIndex(), b.UnpackNextBatchIndex))

	next := first + 50
	e.expectInboxRevert(e.pool, b.PackAppendStateBatch(big.NewInt(0), next, next+10, root("s1"), root("t1")),
		&batchinbox.BatchInboxUnexpectedBatchIndex{Expected: big.NewInt(1), Got: big.NewInt(0)})
	for _, start := range []uint64{next - 1, next + 1} {
		e.expectInboxRevert(e.pool, b.PackAppendStateBatch(big.NewInt(1), start, next+10, root("s1"), root("t1")),
			&batchinbox.BatchInboxNonContiguousBatch{ExpectedStart: new(big.Int).SetUint64(next), Got: start})
	}
	e.expectInboxRevert(e.pool, b.PackAppendStateBatch(big.NewInt(1), next, next-1, root("s1"), root("t1")),
		&batchinbox.BatchInboxInvalidBatchRange{L2Start: next, L2End: next - 1})

	// A one-block batch.
	receipt = e.send(e.pool, e.inboxC, b.PackAppendStateBatch(big.NewInt(1), next, next, root("s1"), root("t1")))
	requireEvent(t, receipt, b.UnpackStateBatchAppendedEvent, batchinbox.BatchInboxStateBatchAppended{
		BatchIndex: big.NewInt(1), L2Start: next, L2End: next, StateRoot: root("s1"), TxRoot: root("t1"), Submitter: e.pool.addr,
	})

	// A batch ending at the largest L2 block number closes the chain cleanly.
	e.send(e.pool, e.inboxC, b.PackAppendStateBatch(big.NewInt(2), next+1, math.MaxUint64, root("s2"), root("t2")))
	beyond := new(big.Int).Add(new(big.Int).SetUint64(math.MaxUint64), big.NewInt(1))
	e.expectInboxRevert(e.pool, b.PackAppendStateBatch(big.NewInt(3), 0, 0, root("s3"), root("t3")),
		&batchinbox.BatchInboxNonContiguousBatch{ExpectedStart: beyond, Got: 0})
}

// Audit point 8: the batch chain starts where the deployment says, not wherever the first
// batch happens to start, so no L2 blocks before it can be skipped or left out.
func TestBatchInboxFirstBatchMustStartAtFirstL2Block(t *testing.T) {
	e := newEnv(t)
	b := e.inbox
	for _, start := range []uint64{0, 1, testFirstL2Block - 1, testFirstL2Block + 1} {
		e.expectInboxRevert(e.pool, b.PackAppendStateBatch(big.NewInt(0), start, testFirstL2Block+10, root("s0"), root("t0")),
			&batchinbox.BatchInboxNonContiguousBatch{ExpectedStart: big.NewInt(testFirstL2Block), Got: start})
	}
	e.send(e.pool, e.inboxC, b.PackAppendStateBatch(big.NewInt(0), testFirstL2Block, testFirstL2Block+10, root("s0"), root("t0")))
}

// Audit point 8: the inbox asks the staking contract for the pool address on every call, so
// it follows a rotation exactly when the new pool accepts, not when it is proposed.
func TestBatchInboxFollowsAcceptedPool(t *testing.T) {
	e := newEnv(t)
	b := e.inbox
	first := uint64(testFirstL2Block)
	e.send(e.pool, e.inboxC, b.PackAppendStateBatch(big.NewInt(0), first, first+9, root("s0"), root("t0")))
	e.send(e.pool, e.stakingC, e.staking.PackProposePoolAddress(e.pool2.addr))
	e.expectInboxRevert(e.pool2, b.PackAppendStateBatch(big.NewInt(1), first+10, first+19, root("s1"), root("t1")),
		&batchinbox.BatchInboxNotPoolAddress{Caller: e.pool2.addr})
	e.send(e.pool, e.inboxC, b.PackAppendStateBatch(big.NewInt(1), first+10, first+19, root("s1"), root("t1")))
	e.send(e.pool2, e.stakingC, e.staking.PackAcceptPoolAddress())

	e.expectInboxRevert(e.pool, b.PackAppendStateBatch(big.NewInt(2), first+20, first+29, root("s2"), root("t2")),
		&batchinbox.BatchInboxNotPoolAddress{Caller: e.pool.addr})
	receipt := e.send(e.pool2, e.inboxC, b.PackAppendStateBatch(big.NewInt(2), first+20, first+29, root("s2"), root("t2")))
	requireEvent(t, receipt, b.UnpackStateBatchAppendedEvent, batchinbox.BatchInboxStateBatchAppended{
		BatchIndex: big.NewInt(2), L2Start: first + 20, L2End: first + 29, StateRoot: root("s2"), TxRoot: root("t2"), Submitter: e.pool2.addr,
	})
	require.Equal(t, e.pool.addr, call(e, e.inboxC, b.PackBatches(big.NewInt(1)), b.UnpackBatches).Submitter)
	require.Equal(t, e.pool2.addr, call(e, e.inboxC, b.PackBatches(big.NewInt(2)), b.UnpackBatches).Submitter)
}

func TestBatchInboxConstructor(t *testing.T) {
	e := newBareEnv(t)
	b := e.inbox
	requireRevert(t, e.deployRevertData(batchinbox.BatchInboxMetaData.Bin, b.PackConstructor(common.Address{}, 5)), b.UnpackError,
		&batchinbox.BatchInboxZeroAddress{})
	for _, first := range []uint64{0, 7, math.MaxUint64} {
		addr := e.deployRaw(batchinbox.BatchInboxMetaData.Bin, b.PackConstructor(e.carol.addr, first))
		c := b.Instance(e.client, addr)
		require.Equal(t, first, call(e, c, b.PackFirstL2Block(), b.UnpackFirstL2Block))
		require.Equal(t, e.carol.addr, call(e, c, b.PackStaking(), b.UnpackStaking))
	}
}
