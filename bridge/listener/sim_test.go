package listener

import (
	"context"
	"encoding/binary"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	gethtypes "github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/rpc"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/bridge/listener/l1test"
)

// oneNode sends the listener's batches to the simulated backend call by call: it is
// one in-process node (its client hides the rpc.Client; the JSON-RPC batch path is
// covered against a real node by the bridge's development-L1 test).
type oneNode struct{ simulated.Client }

func (n oneNode) BatchCallContext(ctx context.Context, b []rpc.BatchElem) error {
	return l1test.Batch(ctx, n.Client, b)
}

// emitterCode deploys a contract that, on any call, emits LOG2 with topic0 =
// calldata[0:32], topic1 = calldata[32:64] and data = calldata[64:]:
//
//	init:    PUSH1 0x16 DUP1 PUSH1 0x0b PUSH1 0 CODECOPY PUSH1 0 RETURN
//	runtime: PUSH1 0x40 CALLDATASIZE SUB DUP1 PUSH1 0x40 PUSH1 0 CALLDATACOPY
//	         PUSH1 0x20 CALLDATALOAD SWAP1 PUSH1 0 CALLDATALOAD SWAP1 PUSH1 0 LOG2 STOP
var emitterCode = common.FromHex("0x601680600b6000396000f3" + "604036038060406000376020359060003590600" + "0a200")

type simL1 struct {
	t       *testing.T
	backend *simulated.Backend
	client  simulated.Client
	key     []byte
	nonce   uint64
	fee     int64
	chainID *big.Int
	addr    common.Address
}

func newSimL1(t *testing.T) *simL1 {
	t.Helper()
	key, err := crypto.GenerateKey()
	require.NoError(t, err)
	from := crypto.PubkeyToAddress(key.PublicKey)
	backend := simulated.NewBackend(gethtypes.GenesisAlloc{from: {Balance: new(big.Int).Lsh(big.NewInt(1), 100)}})
	t.Cleanup(func() { _ = backend.Close() })
	s := &simL1{t: t, backend: backend, client: backend.Client(), key: crypto.FromECDSA(key), fee: 1}
	s.chainID, err = s.client.ChainID(context.Background())
	require.NoError(t, err)
	s.send(nil, emitterCode)
	s.backend.Commit()
	s.addr = crypto.CreateAddress(from, 0)
	code, err := s.client.CodeAt(context.Background(), s.addr, nil)
	require.NoError(t, err)
	require.NotEmpty(t, code, "emitter not deployed")
	return s
}

func (s *simL1) send(to *common.Address, data []byte) {
	s.t.Helper()
	key, err := crypto.ToECDSA(s.key)
	require.NoError(s.t, err)
	tx := gethtypes.NewTx(&gethtypes.DynamicFeeTx{
		ChainID: s.chainID, Nonce: s.nonce, GasTipCap: big.NewInt(s.fee * 1e9), GasFeeCap: big.NewInt(s.fee * 1e11),
		Gas: 200_000, To: to, Data: data,
	})
	signed, err := gethtypes.SignTx(tx, gethtypes.LatestSignerForChainID(s.chainID), key)
	require.NoError(s.t, err)
	require.NoError(s.t, s.client.SendTransaction(context.Background(), signed))
	s.nonce++
}

// emit sends one call that logs (topic, seq) with the nonce as data.
func (s *simL1) emit(topic common.Hash, seq, nonce uint64) {
	data := append(append(topic.Bytes(), common.BigToHash(new(big.Int).SetUint64(seq)).Bytes()...), binary.BigEndian.AppendUint64(nil, nonce)...)
	s.send(&s.addr, data)
}

func (s *simL1) head() uint64 {
	h, err := s.client.BlockNumber(context.Background())
	require.NoError(s.t, err)
	return h
}

// The listener against a real in-process go-ethereum chain: logs of a deployed
// contract, a foreign topic filtered out by the node, confirmations, chunking, and a
// reorg inside the confirmation depth that is never read.
func TestSimulatedBackend(t *testing.T) {
	sim := newSimL1(t)
	for i := uint64(1); i <= 6; i++ {
		sim.emit(stakingTopic, 1, i)
		if i == 3 {
			sim.emit(otherTopic, 9, 9) // another event of the contract, same block
		}
		sim.backend.Commit()
	}
	s := openStore(t, t.TempDir())
	defer s.Close()
	l, err := New(Config{
		Contract: sim.addr, Topics: []common.Hash{stakingTopic}, Confirmations: 3, ChunkSize: 2,
		Decode: decode, NotStakingEvent: errNotStake, ChainID: sim.chainID.Uint64(), StartBlock: 1,
	}, oneNode{sim.client}, s)
	require.NoError(t, err)
	require.NoError(t, l.checkChainID(context.Background()))
	stepUntilCaughtUp(t, l)

	head := sim.head() // 7: the deployment and six emitting blocks
	require.EqualValues(t, 7, head)
	c, _ := s.Cursor()
	require.EqualValues(t, head+1-3, c)
	all, err := s.All()
	require.NoError(t, err)
	require.Len(t, all, 4) // blocks 2..5
	for i, it := range all {
		require.EqualValues(t, i+1, it.Msg.GetNonce())
		require.EqualValues(t, i+2, it.Msg.GetEvent().BlockNumber)
		rcpt, err := sim.client.TransactionReceipt(context.Background(), common.HexToHash(it.Msg.GetEvent().TxHash))
		require.NoError(t, err)
		require.EqualValues(t, it.Msg.GetEvent().BlockNumber, rcpt.BlockNumber.Uint64())
	}

	// A reorg of the unconfirmed tip: block 7 (the nonce-6 log, never read: it had only
	// one confirmation) is replaced by a block whose transaction, with the same sender
	// nonce and a higher fee, logs another event. The listener reads the new branch only.
	parent, err := sim.client.HeaderByNumber(context.Background(), big.NewInt(6))
	require.NoError(t, err)
	require.NoError(t, sim.backend.Fork(parent.Hash()))
	// The pool resets to the new head in the background; a second Fork waits for that
	// reset (and then refuses: the replaced transaction is pending again), so the
	// replacement below is judged against block 6's nonces, not block 7's.
	_ = sim.backend.Fork(parent.Hash())
	sim.nonce, sim.fee = 7, 3
	sim.emit(stakingTopic, 2, 1)
	sim.backend.Commit() // new 7
	sim.backend.Commit() // 8
	sim.backend.Commit() // 9
	sim.backend.Commit() // 10
	require.EqualValues(t, 10, sim.head())
	stepUntilCaughtUp(t, l)
	c, _ = s.Cursor()
	require.EqualValues(t, 8, c)
	all, err = s.All()
	require.NoError(t, err)
	require.Len(t, all, 6)
	var seen []uint64
	for _, it := range all {
		seen = append(seen, it.Msg.GetSequencerId()*100+it.Msg.GetNonce())
	}
	require.Equal(t, []uint64{101, 102, 103, 104, 105, 201}, seen)
}
