package devl1_test

import (
	"context"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/contracts"
	"github.com/themis-network/themis/contracts/bindings/staking"
	"github.com/themis-network/themis/contracts/bindings/testtoken"
	"github.com/themis-network/themis/networks/devl1"
)

// DeployOn, as the geth --dev e2e test uses it, leaves an external self-mining chain
// holding what Start gives the localnet: owners funded with ETH and test tokens and
// whitelisted, the localnet's lock limits and the exit delay. The external chain here
// is an in-process one on a block timer whose only funded account is the deployer.
func TestDeployOnSelfMiningChain(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	node, err := devl1.Start(ctx, devl1.Config{RPCAddr: "127.0.0.1:0", BlockTime: 20 * time.Millisecond,
		Contracts: contracts.DeployConfig{MinLock: devl1.Ether, MaxLock: devl1.Ether}})
	require.NoError(t, err)
	t.Cleanup(func() { require.NoError(t, node.Close()) })
	client, err := ethclient.DialContext(ctx, node.RPCURL())
	require.NoError(t, err)
	defer client.Close()

	cfg := devl1.OwnersConfig(2, 8*24*time.Hour)
	d, err := devl1.DeployOn(ctx, client, cfg)
	require.NoError(t, err)

	s := staking.NewThemisStaking()
	sc := s.Instance(client, d.Staking)
	tok := testtoken.NewTestToken()
	tc := tok.Instance(client, d.Token)
	call := &bind.CallOpts{Context: ctx}
	delay, err := bind.Call(sc, call, s.PackExitDelay(), s.UnpackExitDelay)
	require.NoError(t, err)
	require.Equal(t, big.NewInt(8*24*3600), delay)
	minLock, err := bind.Call(sc, call, s.PackMinLock(), s.UnpackMinLock)
	require.NoError(t, err)
	require.Equal(t, devl1.Tokens(devl1.DefaultMinLock), minLock)
	maxLock, err := bind.Call(sc, call, s.PackMaxLock(), s.UnpackMaxLock)
	require.NoError(t, err)
	require.Equal(t, devl1.Tokens(devl1.DefaultMaxLock), maxLock)
	for _, owner := range devl1.OwnerAddresses(2) {
		eth, err := client.BalanceAt(ctx, owner, nil)
		require.NoError(t, err)
		require.Equal(t, devl1.AccountEther, eth, "ETH of %s", owner)
		tokens, err := bind.Call(tc, call, tok.PackBalanceOf(owner), tok.UnpackBalanceOf)
		require.NoError(t, err)
		require.Equal(t, devl1.Tokens(devl1.DefaultTokens), tokens, "tokens of %s", owner)
		allowed, err := bind.Call(sc, call, s.PackWhitelisted(owner), s.UnpackWhitelisted)
		require.NoError(t, err)
		require.True(t, allowed, "%s whitelisted", owner)
	}
}
