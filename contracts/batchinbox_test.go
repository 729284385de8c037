package contracts_test

import (
	"math"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/contracts/bindings/batchinbox"
)

func root(name string) [32]byte { return crypto.Keccak256Hash([]byte(name)) }

func TestBatchInboxAppend(t *testing.T) {
	e := newEnv(t)
	b := e.inbox
	require.Equal(t, e.deployment.Staking, call(e, e.inboxC, b.PackStaking(), b.UnpackStaking))
	require.Zero(t, call(e, e.inboxC, b.PackNextBatchIndex(), b.UnpackNextBatchIndex).Sign())

	e.expectInboxRevert(e.alice, b.PackAppendStateBatch(big.NewInt(0), 1, 10, root("s0"), root("t0")),
		&batchinbox.BatchInboxNotPoolAddress{Caller: e.alice.addr})
	e.expectInboxRevert(e.owner, b.PackAppendStateBatch(big.NewInt(0), 1, 10, root("s0"), root("t0")),
		&batchinbox.BatchInboxNotPoolAddress{Caller: e.owner.addr})
	e.expectInboxRevert(e.pool, b.PackAppendStateBatch(big.NewInt(1), 1, 10, root("s0"), root("t0")),
		&batchinbox.BatchInboxUnexpectedBatchIndex{Expected: big.NewInt(0), Got: big.NewInt(1)})
	e.expectInboxRevert(e.pool, b.PackAppendStateBatch(big.NewInt(0), 10, 9, root("s0"), root("t0")),
		&batchinbox.BatchInboxInvalidBatchRange{L2Start: 10, L2End: 9})

	// The first batch may start anywhere.
	receipt := e.send(e.pool, e.inboxC, b.PackAppendStateBatch(big.NewInt(0), 100, 149, root("s0"), root("t0")))
	requireEvent(t, receipt, b.UnpackStateBatchAppendedEvent, batchinbox.BatchInboxStateBatchAppended{
		BatchIndex: big.NewInt(0), L2Start: 100, L2End: 149, StateRoot: root("s0"), TxRoot: root("t0"), Submitter: e.pool.addr,
	})
	require.Equal(t, batchinbox.BatchesOutput{
		L2Start: 100, L2End: 149, StateRoot: root("s0"), TxRoot: root("t0"), Submitter: e.pool.addr,
	}, call(e, e.inboxC, b.PackBatches(big.NewInt(0)), b.UnpackBatches))
	require.Equal(t, big.NewInt(1), call(e, e.inboxC, b.PackNextBatchIndex(), b.UnpackNextBatchIndex))

	e.expectInboxRevert(e.pool, b.PackAppendStateBatch(big.NewInt(0), 150, 160, root("s1"), root("t1")),
		&batchinbox.BatchInboxUnexpectedBatchIndex{Expected: big.NewInt(1), Got: big.NewInt(0)})
	for _, start := range []uint64{149, 151} {
		e.expectInboxRevert(e.pool, b.PackAppendStateBatch(big.NewInt(1), start, 160, root("s1"), root("t1")),
			&batchinbox.BatchInboxNonContiguousBatch{ExpectedStart: big.NewInt(150), Got: start})
	}
	e.expectInboxRevert(e.pool, b.PackAppendStateBatch(big.NewInt(1), 150, 149, root("s1"), root("t1")),
		&batchinbox.BatchInboxInvalidBatchRange{L2Start: 150, L2End: 149})

	// A one-block batch.
	receipt = e.send(e.pool, e.inboxC, b.PackAppendStateBatch(big.NewInt(1), 150, 150, root("s1"), root("t1")))
	requireEvent(t, receipt, b.UnpackStateBatchAppendedEvent, batchinbox.BatchInboxStateBatchAppended{
		BatchIndex: big.NewInt(1), L2Start: 150, L2End: 150, StateRoot: root("s1"), TxRoot: root("t1"), Submitter: e.pool.addr,
	})

	// A batch ending at the largest L2 block number closes the chain cleanly.
	e.send(e.pool, e.inboxC, b.PackAppendStateBatch(big.NewInt(2), 151, math.MaxUint64, root("s2"), root("t2")))
	beyond := new(big.Int).Add(new(big.Int).SetUint64(math.MaxUint64), big.NewInt(1))
	e.expectInboxRevert(e.pool, b.PackAppendStateBatch(big.NewInt(3), 0, 0, root("s3"), root("t3")),
		&batchinbox.BatchInboxNonContiguousBatch{ExpectedStart: beyond, Got: 0})
}

// The inbox asks the staking contract for the pool address on every call.
func TestBatchInboxFollowsPoolRotation(t *testing.T) {
	e := newEnv(t)
	b := e.inbox
	e.send(e.pool, e.inboxC, b.PackAppendStateBatch(big.NewInt(0), 1, 10, root("s0"), root("t0")))
	e.send(e.pool, e.stakingC, e.staking.PackSetPoolAddress(e.carol.addr))

	e.expectInboxRevert(e.pool, b.PackAppendStateBatch(big.NewInt(1), 11, 20, root("s1"), root("t1")),
		&batchinbox.BatchInboxNotPoolAddress{Caller: e.pool.addr})
	receipt := e.send(e.carol, e.inboxC, b.PackAppendStateBatch(big.NewInt(1), 11, 20, root("s1"), root("t1")))
	requireEvent(t, receipt, b.UnpackStateBatchAppendedEvent, batchinbox.BatchInboxStateBatchAppended{
		BatchIndex: big.NewInt(1), L2Start: 11, L2End: 20, StateRoot: root("s1"), TxRoot: root("t1"), Submitter: e.carol.addr,
	})
	require.Equal(t, e.carol.addr, call(e, e.inboxC, b.PackBatches(big.NewInt(1)), b.UnpackBatches).Submitter)
}

func TestBatchInboxConstructorRejectsZeroStaking(t *testing.T) {
	e := newBareEnv(t)
	_, _, err := bind.DeployContract(e.opts(e.owner), common.FromHex(batchinbox.BatchInboxMetaData.Bin), e.client,
		e.inbox.PackConstructor(common.Address{}))
	require.Error(t, err)
	data, ok := ethclient.RevertErrorData(err)
	require.True(t, ok, "no revert data in %v", err)
	requireRevert(t, data, e.inbox.UnpackError, &batchinbox.BatchInboxZeroAddress{})
}
