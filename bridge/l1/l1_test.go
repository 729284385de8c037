package l1_test

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"math/big"
	"testing"
	"time"

	"cosmossdk.io/math"
	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	gethtypes "github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/bridge/l1"
	"github.com/themis-network/themis/contracts"
	"github.com/themis-network/themis/networks/devl1"
	"github.com/themis-network/themis/x/sequencer/observer"
	seqtypes "github.com/themis-network/themis/x/sequencer/types"
)

func tokens(n int64) *big.Int { return new(big.Int).Mul(big.NewInt(n), devl1.Ether) }

type l1Env struct {
	node   *devl1.Node
	rpc    *ethclient.Client
	owner  *l1.Owner
	key    *ecdsa.PrivateKey
	reader *l1.Reader
}

func startL1(t *testing.T) *l1Env {
	t.Helper()
	ctx := context.Background()
	key, err := crypto.GenerateKey()
	require.NoError(t, err)
	addr := crypto.PubkeyToAddress(key.PublicKey)
	node, err := devl1.Start(ctx, devl1.Config{RPCAddr: "127.0.0.1:0", Accounts: []common.Address{addr}, Tokens: tokens(1_000_000),
		Contracts: contracts.DeployConfig{MinLock: tokens(20_000), MaxLock: tokens(100_000), ExitDelay: contracts.MinExitDelaySeconds, Whitelist: []common.Address{addr}}})
	require.NoError(t, err)
	t.Cleanup(func() { require.NoError(t, node.Close()) })
	rpc, err := ethclient.DialContext(ctx, node.RPCURL())
	require.NoError(t, err)
	t.Cleanup(rpc.Close)
	owner, err := l1.NewOwner(ctx, rpc, key, node.Deployment().Staking)
	require.NoError(t, err)
	owner.Mine = func() { node.Mine(1) }
	return &l1Env{node: node, rpc: rpc, owner: owner, key: key, reader: l1.NewReader(rpc)}
}

func newSigner(t *testing.T) *ecdsa.PrivateKey {
	t.Helper()
	k, err := crypto.GenerateKey()
	require.NoError(t, err)
	return k
}

func pub64(k *ecdsa.PrivateKey) []byte { return crypto.FromECDSAPub(&k.PublicKey)[1:] }

// onlyLog returns the single relayed staking log of a receipt.
func onlyLog(t *testing.T, r *gethtypes.Receipt) (gethtypes.Log, seqtypes.L1EventMsg) {
	t.Helper()
	var found []gethtypes.Log
	var msgs []seqtypes.L1EventMsg
	for _, log := range r.Logs {
		msg, err := l1.DecodeStakingLog(*log)
		if errors.Is(err, l1.ErrNotStakingEvent) {
			continue
		}
		require.NoError(t, err)
		found, msgs = append(found, *log), append(msgs, msg)
	}
	require.Len(t, found, 1)
	return found[0], msgs[0]
}

func refOf(log gethtypes.Log) seqtypes.L1EventRef {
	return seqtypes.L1EventRef{TxHash: log.TxHash.Hex(), LogIndex: uint64(log.Index), BlockNumber: log.BlockNumber}
}

// Every relayed event, emitted by the real contract on the development L1, decodes to
// the x/sequencer message with every field, and reads back the same through the
// JSON-RPC reader a validator uses while voting.
func TestEveryRelayedEventDecodesAndReadsBack(t *testing.T) {
	ctx := context.Background()
	e := startL1(t)
	staking := e.node.Deployment().Staking.Hex()
	ownerHex := crypto.PubkeyToAddress(e.key.PublicKey)
	signer := newSigner(t)
	pub := pub64(signer)

	check := func(r *gethtypes.Receipt, want seqtypes.L1EventMsg) {
		t.Helper()
		log, got := onlyLog(t, r)
		require.Equal(t, refOf(log).TxHash, got.GetEvent().TxHash)
		want.SetEvent(got.GetEvent())
		require.Equal(t, want, got)
		read, block, err := e.reader.EventAt(ctx, staking, got.GetEvent())
		require.NoError(t, err)
		require.Equal(t, log.BlockNumber, block)
		require.True(t, observer.SameEvent(got, read))
	}

	r, err := e.owner.Lock(ctx, signer, tokens(30_000), ownerHex)
	require.NoError(t, err)
	lower := func(a common.Address) string { return l1LowerHex(a) }
	check(r, &seqtypes.MsgLocked{SequencerId: 1, Owner: lower(ownerHex), PubKey: pub, Amount: math.NewIntFromBigInt(tokens(30_000)), RewardRecipient: lower(ownerHex), Nonce: 1})

	r, err = e.owner.Relock(ctx, 1, tokens(5_000))
	require.NoError(t, err)
	check(r, &seqtypes.MsgRelocked{SequencerId: 1, Amount: math.NewIntFromBigInt(tokens(5_000)), Total: math.NewIntFromBigInt(tokens(35_000)), Nonce: 2})

	r, err = e.owner.Withdraw(ctx, 1, tokens(10_000))
	require.NoError(t, err)
	check(r, &seqtypes.MsgWithdrawn{SequencerId: 1, Amount: math.NewIntFromBigInt(tokens(10_000)), Total: math.NewIntFromBigInt(tokens(25_000)), Nonce: 3})

	signer2 := newSigner(t)
	pub2 := pub64(signer2)
	r, err = e.owner.UpdateSigner(ctx, 1, signer2)
	require.NoError(t, err)
	check(r, &seqtypes.MsgSignerChanged{SequencerId: 1, NewPubKey: pub2, Nonce: 4})

	r, err = e.owner.InitiateUnlock(ctx, 1)
	require.NoError(t, err)
	unlockBlock, err := e.rpc.HeaderByNumber(ctx, r.BlockNumber)
	require.NoError(t, err)
	// The claim time is the contract's: its block time plus its exit delay.
	check(r, &seqtypes.MsgUnlockInitiated{SequencerId: 1, Nonce: 5, UnlockableAt: unlockBlock.Time + contracts.MinExitDelaySeconds})

	_, err = e.owner.ClaimUnlock(ctx, 1)
	require.ErrorContains(t, err, "UnlockNotReady", "the revert names the contract's error")
	require.NoError(t, e.node.AdvanceTime(7*24*time.Hour+time.Hour))
	// The withdrawal's tokens wait out the same delay; claiming them is no mirrored change.
	r, err = e.owner.ClaimWithdrawal(ctx, 1)
	require.NoError(t, err)
	for _, lg := range r.Logs {
		_, err := l1.DecodeStakingLog(*lg)
		require.ErrorIs(t, err, l1.ErrNotStakingEvent, "claimWithdrawal emits nothing the chain mirrors")
	}
	r, err = e.owner.ClaimUnlock(ctx, 1)
	require.NoError(t, err)
	check(r, &seqtypes.MsgUnlockClaimed{SequencerId: 1, Amount: math.NewIntFromBigInt(tokens(25_000)), Nonce: 6})

	topics := l1.StakingEventTopics()
	logs, err := e.rpc.FilterLogs(ctx, ethereum.FilterQuery{Addresses: []common.Address{e.node.Deployment().Staking}, Topics: [][]common.Hash{topics}})
	require.NoError(t, err)
	// The deployment's configuration events (the constructor's four and one whitelisting)
	// and the sequencer's six: the topic filter selects exactly the relayed events.
	var perSequencer, config int
	for _, lg := range logs {
		msg, err := l1.DecodeStakingLog(lg)
		require.NoError(t, err)
		if _, ok := msg.(*seqtypes.MsgConfigChanged); ok {
			config++
			require.EqualValues(t, config, msg.GetNonce(), "configuration events in configNonce order")
		} else {
			perSequencer++
		}
	}
	require.Equal(t, 6, perSequencer)
	require.Equal(t, 5, config)
}

// The reader says "no such event" only for facts; a node it cannot reach leaves the
// question open.
func TestReaderVerdictInputs(t *testing.T) {
	ctx := context.Background()
	e := startL1(t)
	staking := e.node.Deployment().Staking.Hex()
	r, err := e.owner.Lock(ctx, newSigner(t), tokens(30_000), crypto.PubkeyToAddress(e.key.PublicKey))
	require.NoError(t, err)
	log, _ := onlyLog(t, r)
	ref := refOf(log)

	wrongIndex := ref
	wrongIndex.LogIndex += 7
	_, _, err = e.reader.EventAt(ctx, staking, wrongIndex)
	require.ErrorIs(t, err, observer.ErrLogNotFound)

	_, _, err = e.reader.EventAt(ctx, e.node.Deployment().Token.Hex(), ref)
	require.ErrorIs(t, err, observer.ErrLogNotFound, "a log of another contract is not a staking event")

	unknown := ref
	unknown.TxHash = common.HexToHash("0xdead").Hex()
	_, _, err = e.reader.EventAt(ctx, staking, unknown)
	require.ErrorIs(t, err, observer.ErrLogNotFound)

	approve := refOf(*r.Logs[0]) // the lock's token transfer log
	approve.TxHash = r.TxHash.Hex()
	if approve.LogIndex != ref.LogIndex {
		_, _, err = e.reader.EventAt(ctx, staking, approve)
		require.ErrorIs(t, err, observer.ErrLogNotFound)
	}

	chainID, err := e.reader.ChainID(ctx)
	require.NoError(t, err)
	require.Equal(t, devl1.ChainID, chainID)

	e.node.SetRPCDown(true)
	_, _, err = e.reader.EventAt(ctx, staking, ref)
	require.Error(t, err)
	require.NotErrorIs(t, err, observer.ErrLogNotFound, "an unreachable node is not evidence")
	e.node.SetRPCDown(false)
	_, _, err = e.reader.EventAt(ctx, staking, ref)
	require.NoError(t, err)
}

// A reorg that drops the lock's block makes the event vanish from the reader.
func TestReorgRemovesTheEvent(t *testing.T) {
	ctx := context.Background()
	e := startL1(t)
	staking := e.node.Deployment().Staking.Hex()
	r, err := e.owner.Lock(ctx, newSigner(t), tokens(30_000), crypto.PubkeyToAddress(e.key.PublicKey))
	require.NoError(t, err)
	log, _ := onlyLog(t, r)
	head, err := e.node.Head(ctx)
	require.NoError(t, err)
	require.NoError(t, e.node.Reorg(ctx, int(head-log.BlockNumber)+1, true))
	_, _, err = e.reader.EventAt(ctx, staking, refOf(log))
	require.ErrorIs(t, err, observer.ErrLogNotFound)
	newHead, err := e.node.Head(ctx)
	require.NoError(t, err)
	require.Greater(t, newHead, head, "the replacement chain is longer")
}

// A reorg that keeps the transaction re-mines it in a new block: the reader follows
// the canonical chain (the block the node now reports), never the replaced block.
func TestReorgKeepsTheEventOnTheCanonicalChain(t *testing.T) {
	ctx := context.Background()
	e := startL1(t)
	staking := e.node.Deployment().Staking.Hex()
	r, err := e.owner.Lock(ctx, newSigner(t), tokens(30_000), crypto.PubkeyToAddress(e.key.PublicKey))
	require.NoError(t, err)
	log, _ := onlyLog(t, r)
	head, err := e.node.Head(ctx)
	require.NoError(t, err)
	require.NoError(t, e.node.Reorg(ctx, int(head-log.BlockNumber)+1, false))
	now := receiptOf(t, e.rpc, r.TxHash)
	require.NotEqual(t, r.BlockHash, now.BlockHash, "the transaction is in a new block")
	_, block, err := e.reader.EventAt(ctx, staking, refOf(log))
	require.NoError(t, err)
	require.Equal(t, now.BlockNumber.Uint64(), block)
}

// SendRelock queues relocks without waiting, so many land in one block, each with its
// own staking nonce and all of them decoding as relayed events.
func TestSendRelockQueuesManyInOneBlock(t *testing.T) {
	env := startL1(t)
	ctx := context.Background()
	_, err := env.owner.Lock(ctx, newSigner(t), tokens(20_000), crypto.PubkeyToAddress(env.key.PublicKey))
	require.NoError(t, err)
	_, err = env.owner.Approve(ctx, tokens(10))
	require.NoError(t, err)
	nonce, err := env.rpc.PendingNonceAt(ctx, crypto.PubkeyToAddress(env.key.PublicKey))
	require.NoError(t, err)
	var hashes []common.Hash
	for i := range uint64(10) {
		h, err := env.owner.SendRelock(ctx, 1, tokens(1), nonce+i)
		require.NoError(t, err)
		hashes = append(hashes, h)
	}
	env.node.Mine(1)
	var block uint64
	for i, h := range hashes {
		r := receiptOf(t, env.rpc, h)
		require.Equal(t, gethtypes.ReceiptStatusSuccessful, r.Status)
		if i == 0 {
			block = r.BlockNumber.Uint64()
		}
		require.Equal(t, block, r.BlockNumber.Uint64(), "all in one block")
		_, msg := onlyLog(t, r)
		relock, ok := msg.(*seqtypes.MsgRelocked)
		require.True(t, ok)
		require.EqualValues(t, 2+i, relock.Nonce)
	}
	_, err = env.owner.SendRelock(ctx, 1, tokens(1), nonce+10)
	require.ErrorContains(t, err, "relock", "the allowance is spent: the estimate reverts")
}

// receiptOf waits for the receipt of a mined transaction: the node indexes a new
// block's transactions in the background, so "not found" may briefly follow Mine.
func receiptOf(t *testing.T, rpc *ethclient.Client, h common.Hash) *gethtypes.Receipt {
	t.Helper()
	var (
		r   *gethtypes.Receipt
		err error
	)
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if r, err = rpc.TransactionReceipt(context.Background(), h); err == nil {
			return r
		}
	}
	require.NoError(t, err, "receipt of %s", h)
	return r
}
