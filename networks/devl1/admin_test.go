package devl1_test

import (
	"context"
	"encoding/json"
	"math/big"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	gethtypes "github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/contracts"
	"github.com/themis-network/themis/contracts/bindings/staking"
	"github.com/themis-network/themis/networks/devl1"
)

func post(t *testing.T, srv *httptest.Server, path string) int {
	t.Helper()
	resp, err := http.Post(srv.URL+path, "application/json", nil)
	require.NoError(t, err)
	defer resp.Body.Close()
	return resp.StatusCode
}

// The admin controls a test relies on: the block timer pauses and resumes while /mine
// still mines; the RPC switch answers 503 and comes back; bad parameters are refused.
func TestAdminControls(t *testing.T) {
	ctx := context.Background()
	node, err := devl1.Start(ctx, devl1.Config{RPCAddr: "127.0.0.1:0", BlockTime: 20 * time.Millisecond,
		Contracts: contracts.DeployConfig{MinLock: devl1.Ether, MaxLock: devl1.Ether, ExitDelay: contracts.MinExitDelaySeconds}})
	require.NoError(t, err)
	t.Cleanup(func() { require.NoError(t, node.Close()) })
	srv := httptest.NewServer(node.AdminHandler())
	t.Cleanup(srv.Close)

	require.Equal(t, http.StatusOK, post(t, srv, "/mining?paused=true"))
	time.Sleep(60 * time.Millisecond) // a tick already running may still land
	paused, err := node.Head(ctx)
	require.NoError(t, err)
	time.Sleep(200 * time.Millisecond)
	head, err := node.Head(ctx)
	require.NoError(t, err)
	require.Equal(t, paused, head, "no block while paused")
	require.Equal(t, http.StatusOK, post(t, srv, "/mine?blocks=3"))
	head, err = node.Head(ctx)
	require.NoError(t, err)
	require.Equal(t, paused+3, head, "/mine mines while paused")
	require.Equal(t, http.StatusOK, post(t, srv, "/mining?paused=false"))
	require.Eventually(t, func() bool { h, _ := node.Head(ctx); return h > paused+3 }, 5*time.Second, 10*time.Millisecond)

	rpc, err := ethclient.DialContext(ctx, node.RPCURL())
	require.NoError(t, err)
	defer rpc.Close()
	require.Equal(t, http.StatusOK, post(t, srv, "/rpc?down=true"))
	_, err = rpc.BlockNumber(ctx)
	require.ErrorContains(t, err, "503")
	require.Equal(t, http.StatusOK, post(t, srv, "/rpc?down=false"))
	_, err = rpc.BlockNumber(ctx)
	require.NoError(t, err)

	// /fund sends ETH to a plain account and mints tokens.
	require.Equal(t, http.StatusOK, post(t, srv, "/fund?address=0x00000000000000000000000000000000000000f1&eth=5&tokens=7"))
	bal, err := rpc.BalanceAt(ctx, common.HexToAddress("0x00000000000000000000000000000000000000f1"), nil)
	require.NoError(t, err)
	require.EqualValues(t, 5, bal.Int64())

	// /lock-limits sets the contract's limits as its administrator (the deployer).
	require.Equal(t, http.StatusOK, post(t, srv, "/lock-limits?min=5&max=9"))
	stakingAddr := node.Deployment().Staking
	out, err := rpc.CallContract(ctx, ethereum.CallMsg{To: &stakingAddr, Data: staking.NewThemisStaking().PackMaxLock()}, nil)
	require.NoError(t, err)
	maxLock, err := staking.NewThemisStaking().UnpackMaxLock(out)
	require.NoError(t, err)
	require.EqualValues(t, 9, maxLock.Int64())

	// /propose-pool proposes the pool address as the bootstrap owner.
	require.Equal(t, http.StatusOK, post(t, srv, "/propose-pool?address=0x00000000000000000000000000000000000000f2"))
	out, err = rpc.CallContract(ctx, ethereum.CallMsg{To: &stakingAddr, Data: staking.NewThemisStaking().PackPendingPoolAddress()}, nil)
	require.NoError(t, err)
	pending, err := staking.NewThemisStaking().UnpackPendingPoolAddress(out)
	require.NoError(t, err)
	require.Equal(t, common.HexToAddress("0x00000000000000000000000000000000000000f2"), pending)

	// /propose-recovery needs a pool on the contract: none yet, so it is refused.
	require.Equal(t, http.StatusBadRequest, post(t, srv, "/propose-recovery?address=0x00000000000000000000000000000000000000f3"))
	poolKey, err := crypto.GenerateKey()
	require.NoError(t, err)
	pool := crypto.PubkeyToAddress(poolKey.PublicKey)
	require.Equal(t, http.StatusOK, post(t, srv, "/propose-pool?address="+pool.Hex()))
	require.Equal(t, http.StatusOK, post(t, srv, "/fund?address="+pool.Hex()+"&eth=1000000000000000000"))
	nonce, err := rpc.NonceAt(ctx, pool, nil)
	require.NoError(t, err)
	accept := gethtypes.NewTx(&gethtypes.DynamicFeeTx{ChainID: new(big.Int).SetUint64(devl1.ChainID), Nonce: nonce, GasTipCap: big.NewInt(1e9),
		GasFeeCap: big.NewInt(100e9), Gas: 300_000, To: &stakingAddr, Data: staking.NewThemisStaking().PackAcceptPoolAddress()})
	signed, err := gethtypes.SignTx(accept, gethtypes.LatestSignerForChainID(new(big.Int).SetUint64(devl1.ChainID)), poolKey)
	require.NoError(t, err)
	// The node's transaction pool takes in the funding block in the background: until it
	// has, it judges the pool's balance by the block before and refuses the transaction.
	require.Eventually(t, func() bool {
		err := rpc.SendTransaction(ctx, signed)
		return err == nil || !strings.Contains(err.Error(), "insufficient funds")
	}, 10*time.Second, 20*time.Millisecond)
	require.Eventually(t, func() bool {
		rc, err := rpc.TransactionReceipt(ctx, signed.Hash())
		return err == nil && rc.Status == gethtypes.ReceiptStatusSuccessful
	}, 10*time.Second, 20*time.Millisecond)
	require.Equal(t, http.StatusOK, post(t, srv, "/propose-recovery?address=0x00000000000000000000000000000000000000f3"))
	out, err = rpc.CallContract(ctx, ethereum.CallMsg{To: &stakingAddr, Data: staking.NewThemisStaking().PackRecoveryPool()}, nil)
	require.NoError(t, err)
	recovery, err := staking.NewThemisStaking().UnpackRecoveryPool(out)
	require.NoError(t, err)
	require.Equal(t, common.HexToAddress("0x00000000000000000000000000000000000000f3"), recovery)

	for _, bad := range []string{"/propose-recovery?address=", "/propose-pool?address=", "/mining?paused=maybe", "/rpc?down=", "/mine?blocks=0", "/reorg?depth=x", "/fund?address=nope",
		"/lock-limits?min=5", "/lock-limits?min=9&max=5", "/lock-limits?min=0&max=5"} {
		require.Equal(t, http.StatusBadRequest, post(t, srv, bad), bad)
	}
	resp, err := http.Get(srv.URL + "/info")
	require.NoError(t, err)
	defer resp.Body.Close()
	var info devl1.Info
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&info))
	require.Equal(t, devl1.ChainID, info.ChainID)
	require.NotEmpty(t, info.Staking)
}
