package devl1_test

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"math/big"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/params"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/contracts"
	"github.com/themis-network/themis/networks/devl1"
)

// The mempool fault: while a sender is evicted, what it had pending is dropped and
// what it sends is accepted (the caller gets the hash) but never mined, while other
// senders' transactions are; when the eviction ends, its transactions are mined again.
func TestEvictedSenderIsAcceptedButNeverMined(t *testing.T) {
	ctx := context.Background()
	victim, other := testKey(t, "victim"), testKey(t, "other")
	node, err := devl1.Start(ctx, devl1.Config{RPCAddr: "127.0.0.1:0",
		Accounts:  []common.Address{crypto.PubkeyToAddress(victim.PublicKey), crypto.PubkeyToAddress(other.PublicKey)},
		Contracts: contracts.DeployConfig{MinLock: devl1.Ether, MaxLock: devl1.Ether, ExitDelay: contracts.MinExitDelaySeconds}})
	require.NoError(t, err)
	t.Cleanup(func() { require.NoError(t, node.Close()) })
	srv := httptest.NewServer(node.AdminHandler())
	t.Cleanup(srv.Close)
	rpc, err := ethclient.DialContext(ctx, node.RPCURL())
	require.NoError(t, err)
	defer rpc.Close()

	// Pending when the eviction starts: dropped.
	pending := transfer(t, rpc, victim, 0)
	require.Equal(t, http.StatusOK, post(t, srv, "/mempool?address="+crypto.PubkeyToAddress(victim.PublicKey).Hex()+"&for=1h"))
	node.Mine(2)
	requireNotMined(t, rpc, pending)

	// Sent while evicted: the node answers with the hash, and never mines it; the other
	// sender's transaction is mined.
	evicted := transfer(t, rpc, victim, 0)
	require.Equal(t, pending.Hash(), evicted.Hash(), "the same bytes again (nonce 0)")
	var hash common.Hash
	require.NoError(t, rpc.Client().CallContext(ctx, &hash, "eth_sendRawTransaction", hexutil.Bytes(mustBinary(t, evicted))))
	require.Equal(t, evicted.Hash(), hash, "answered with the transaction's hash")
	kept := transfer(t, rpc, other, 0)
	node.Mine(3)
	requireNotMined(t, rpc, evicted)
	require.Equal(t, []common.Hash{evicted.Hash()}, node.Evicted(), "listed once")
	info, err := node.Info(ctx)
	require.NoError(t, err)
	require.Equal(t, []string{evicted.Hash().Hex()}, info.EvictedTxs)
	receipt, err := rpc.TransactionReceipt(ctx, kept.Hash())
	require.NoError(t, err)
	require.Equal(t, types.ReceiptStatusSuccessful, receipt.Status)

	// Ended: the victim's next send is mined.
	require.Equal(t, http.StatusOK, post(t, srv, "/mempool?address="+crypto.PubkeyToAddress(victim.PublicKey).Hex()+"&for=0s"))
	again := transfer(t, rpc, victim, 0)
	node.Mine(1)
	receipt, err = rpc.TransactionReceipt(ctx, again.Hash())
	require.NoError(t, err)
	require.Equal(t, types.ReceiptStatusSuccessful, receipt.Status)

	// An eviction ends by itself.
	require.Equal(t, http.StatusOK, post(t, srv, "/mempool?address="+crypto.PubkeyToAddress(victim.PublicKey).Hex()+"&for=300ms"))
	late := transfer(t, rpc, victim, 1)
	node.Mine(1)
	requireNotMined(t, rpc, late)
	time.Sleep(400 * time.Millisecond)
	late = transfer(t, rpc, victim, 1)
	node.Mine(1)
	receipt, err = rpc.TransactionReceipt(ctx, late.Hash())
	require.NoError(t, err)
	require.Equal(t, types.ReceiptStatusSuccessful, receipt.Status)

	for _, bad := range []string{"/mempool?address=nope&for=1s", "/mempool?address=" + crypto.PubkeyToAddress(victim.PublicKey).Hex() + "&for=soon"} {
		require.Equal(t, http.StatusBadRequest, post(t, srv, bad), bad)
	}
}

func mustBinary(t *testing.T, tx *types.Transaction) []byte {
	raw, err := tx.MarshalBinary()
	require.NoError(t, err)
	return raw
}

func testKey(t *testing.T, seed string) *ecdsa.PrivateKey {
	key, err := crypto.ToECDSA(crypto.Keccak256([]byte(seed)))
	require.NoError(t, err)
	return key
}

// transfer sends 1 wei from key to itself at nonce through rpc, with the fees fixed so
// the same nonce gives the same bytes.
func transfer(t *testing.T, rpc *ethclient.Client, key *ecdsa.PrivateKey, nonce uint64) *types.Transaction {
	t.Helper()
	self := crypto.PubkeyToAddress(key.PublicKey)
	tx, err := types.SignNewTx(key, types.LatestSignerForChainID(new(big.Int).SetUint64(devl1.ChainID)), &types.DynamicFeeTx{
		ChainID: new(big.Int).SetUint64(devl1.ChainID), Nonce: nonce, GasTipCap: big.NewInt(params.GWei),
		GasFeeCap: big.NewInt(100 * params.GWei), Gas: params.TxGas, To: &self, Value: big.NewInt(1)})
	require.NoError(t, err)
	require.NoError(t, rpc.SendTransaction(context.Background(), tx))
	return tx
}

func requireNotMined(t *testing.T, rpc *ethclient.Client, tx *types.Transaction) {
	t.Helper()
	_, err := rpc.TransactionReceipt(context.Background(), tx.Hash())
	require.True(t, errors.Is(err, ethereum.NotFound), "transaction %s: %v", tx.Hash(), err)
	sender, err := types.Sender(types.LatestSignerForChainID(tx.ChainId()), tx)
	require.NoError(t, err)
	pending, err := rpc.PendingNonceAt(context.Background(), sender)
	require.NoError(t, err)
	require.Equal(t, tx.Nonce(), pending, "nothing of its left in the pool")
}
