package contracts_test

import (
	"context"
	"math/big"
	"net"
	"os"
	"os/exec"
	"strconv"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/rpc"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/contracts"
	"github.com/themis-network/themis/contracts/bindings/batchinbox"
	"github.com/themis-network/themis/contracts/bindings/staking"
	"github.com/themis-network/themis/contracts/bindings/testtoken"
)

// TestDeployOnGethDev runs Deploy and a lock against a real `geth --dev` node, which mines on
// its own (no commit hook). It needs a geth binary (go install
// github.com/ethereum/go-ethereum/cmd/geth@v1.17.8) named by GETH_BINARY and is skipped otherwise.
func TestDeployOnGethDev(t *testing.T) {
	gethBinary := os.Getenv("GETH_BINARY")
	if gethBinary == "" {
		t.Skip("set GETH_BINARY to a geth executable to run against geth --dev")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	url := startGethDev(t, gethBinary)
	rpcClient := dialWhenReady(ctx, t, url)
	client := ethclient.NewClient(rpcClient)
	chainID, err := client.ChainID(ctx)
	require.NoError(t, err)

	var devAccounts []common.Address
	require.NoError(t, rpcClient.CallContext(ctx, &devAccounts, "eth_accounts"))
	require.NotEmpty(t, devAccounts)
	// The dev account is unlocked inside geth; it pays for the keys this test controls.
	deployer, pool := newAccount("geth deployer"), newAccount("geth pool")
	for _, to := range []common.Address{deployer.addr, pool.addr} {
		var fundTx common.Hash
		require.NoError(t, rpcClient.CallContext(ctx, &fundTx, "eth_sendTransaction", map[string]any{
			"from": devAccounts[0], "to": to, "value": (*hexutil.Big)(new(big.Int).Mul(big.NewInt(100), ether)),
		}))
		_, err = bind.WaitMined(ctx, client, fundTx)
		require.NoError(t, err)
	}

	auth := bind.NewKeyedTransactor(deployer.key, chainID)
	d, err := contracts.Deploy(ctx, client, auth, contracts.DeployConfig{
		MinLock: testMinLock, MaxLock: testMaxLock, FirstL2Block: 1,
		PoolKey:     pool.key,
		Whitelist:   []common.Address{deployer.addr},
		Mint:        []contracts.Allocation{{To: deployer.addr, Amount: testMinLock}},
		FundRewards: tokens(5),
	})
	require.NoError(t, err)

	s := staking.NewThemisStaking()
	c := s.Instance(client, d.Staking)
	reserve, err := bind.Call(c, &bind.CallOpts{Context: ctx}, s.PackRewardReserve(), s.UnpackRewardReserve)
	require.NoError(t, err)
	require.Equal(t, tokens(5), reserve)
	poolAddress, err := bind.Call(c, &bind.CallOpts{Context: ctx}, s.PackPoolAddress(), s.UnpackPoolAddress)
	require.NoError(t, err)
	require.Equal(t, pool.addr, poolAddress, "the pool key accepted the owner's proposal")

	// The accepted pool posts the first batch, which starts at FirstL2Block.
	inbox := batchinbox.NewBatchInbox()
	newTxOn(ctx, t, client, bind.NewKeyedTransactor(pool.key, chainID))(d.BatchInbox,
		inbox.PackAppendStateBatch(big.NewInt(0), 1, 10, root("geth state"), root("geth txs")))

	// A lock on the real node, found again through a log filter as the bridge would.
	tc := newTxOn(ctx, t, client, auth)
	tc(d.Token, testtoken.NewTestToken().PackApprove(d.Staking, testMinLock))
	signer := newSigner("geth")
	proof, err := contracts.SignSignerProof(signer.key,
		contracts.SignerProofDigest(chainID, d.Staking, deployer.addr, big.NewInt(1), big.NewInt(1)))
	require.NoError(t, err)
	tc(d.Staking, s.PackLock(signer.pubkey, testMinLock, deployer.addr, proof))
	it, err := bind.FilterEvents(c, &bind.FilterOpts{Start: d.StakingBlock, Context: ctx}, s.UnpackLockedEvent)
	require.NoError(t, err)
	defer it.Close()
	require.True(t, it.Next(), "no Locked event: %v", it.Error())
	requireSameEvent(t, staking.ThemisStakingLocked{
		SequencerId: big.NewInt(1), Owner: deployer.addr, Signer: signer.addr, Pubkey: signer.pubkey,
		Amount: testMinLock, RewardRecipient: deployer.addr, Nonce: big.NewInt(1),
	}, *it.Value())
}

func startGethDev(t *testing.T, gethBinary string) string {
	t.Helper()
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	port := listener.Addr().(*net.TCPAddr).Port
	require.NoError(t, listener.Close())

	cmd := exec.Command(gethBinary, "--dev", "--dev.period", "1",
		"--http", "--http.addr", "127.0.0.1", "--http.port", strconv.Itoa(port), "--http.api", "eth,net,web3",
		"--ipcdisable", "--nodiscover", "--maxpeers", "0", "--verbosity", "2")
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	require.NoError(t, cmd.Start())
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	})
	return "http://127.0.0.1:" + strconv.Itoa(port)
}

func dialWhenReady(ctx context.Context, t *testing.T, url string) *rpc.Client {
	t.Helper()
	for {
		client, err := rpc.DialContext(ctx, url)
		if err == nil {
			var id hexutil.Big
			if err = client.CallContext(ctx, &id, "eth_chainId"); err == nil {
				return client
			}
			client.Close()
		}
		select {
		case <-ctx.Done():
			t.Fatalf("geth at %s not ready: %v", url, err)
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// newTxOn returns a function that sends calldata to a contract and waits until it is mined
// successfully on a self-mining node.
func newTxOn(ctx context.Context, t *testing.T, client *ethclient.Client, auth *bind.TransactOpts) func(common.Address, []byte) {
	return func(to common.Address, calldata []byte) {
		t.Helper()
		opts := *auth
		opts.Context = ctx
		tx, err := bind.Transact(bind.NewBoundContract(to, abi.ABI{}, client, client, client), &opts, calldata)
		require.NoError(t, err)
		receipt, err := bind.WaitMined(ctx, client, tx.Hash())
		require.NoError(t, err)
		require.Equal(t, uint64(1), receipt.Status)
	}
}
