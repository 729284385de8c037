package l1_test

import (
	"context"
	"crypto/ecdsa"
	"math/big"
	"testing"
	"time"

	"cosmossdk.io/math"
	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	gethtypes "github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/bridge/l1"
	"github.com/themis-network/themis/contracts"
	"github.com/themis-network/themis/contracts/bindings/staking"
	"github.com/themis-network/themis/contracts/bindings/testtoken"
	"github.com/themis-network/themis/networks/devl1"
	slashingtypes "github.com/themis-network/themis/x/slashing/types"
)

// The operator's paths around the pool's actions: `themisd l1 fund-rewards` (anyone's
// key) fills the reward reserve; `themisd l1 withdraw-rewards` pays what the pool's
// reward batch credited to the reward recipient, once; `themisd l1 release-escrow`
// (anyone's key) moves a slash's escrow to the treasury after its period, not before.
// The pool's calls are the write-back's own (types.L1Call).
func TestOwnerWithdrawsRewardsAndAnyoneReleasesEscrow(t *testing.T) {
	ctx := context.Background()
	ownerKey, poolKey, anyKey := newSigner(t), newSigner(t), newSigner(t)
	addr := func(k *ecdsa.PrivateKey) common.Address { return crypto.PubkeyToAddress(k.PublicKey) }
	node, err := devl1.Start(ctx, devl1.Config{RPCAddr: "127.0.0.1:0", Accounts: []common.Address{addr(ownerKey), addr(poolKey), addr(anyKey)},
		Tokens: tokens(1_000_000), Contracts: contracts.DeployConfig{MinLock: tokens(20_000), MaxLock: tokens(100_000),
			ExitDelay: contracts.MinExitDelaySeconds, Whitelist: []common.Address{addr(ownerKey)}, PoolKey: poolKey}})
	require.NoError(t, err)
	t.Cleanup(func() { require.NoError(t, node.Close()) })
	rpc, err := ethclient.DialContext(ctx, node.RPCURL())
	require.NoError(t, err)
	t.Cleanup(rpc.Close)
	chainID, err := rpc.ChainID(ctx)
	require.NoError(t, err)
	d := node.Deployment()
	as := func(k *ecdsa.PrivateKey) *l1.Owner {
		o, err := l1.NewOwner(ctx, rpc, k, d.Staking)
		require.NoError(t, err)
		o.Mine = func() { node.Mine(1) }
		return o
	}
	owner, anyone := as(ownerKey), as(anyKey)
	poolCalls := func(to common.Address, calldata []byte) {
		t.Helper()
		opts := bind.NewKeyedTransactor(poolKey, chainID)
		opts.GasLimit = 15_000_000
		tx, err := bind.NewBoundContract(to, abi.ABI{}, rpc, rpc, rpc).RawTransact(opts, calldata)
		require.NoError(t, err)
		node.Mine(1)
		r, err := bind.WaitMined(ctx, rpc, tx.Hash())
		require.NoError(t, err)
		require.Equal(t, gethtypes.ReceiptStatusSuccessful, r.Status)
	}
	balance := func(a common.Address) *big.Int {
		out, err := rpc.CallContract(ctx, ethereum.CallMsg{To: &d.Token, Data: testtoken.NewTestToken().PackBalanceOf(a)}, nil)
		require.NoError(t, err)
		b, err := testtoken.NewTestToken().UnpackBalanceOf(out)
		require.NoError(t, err)
		return b
	}

	_, err = owner.Lock(ctx, newSigner(t), tokens(40_000), addr(ownerKey))
	require.NoError(t, err)
	_, err = owner.WithdrawRewards(ctx, 1)
	require.ErrorContains(t, err, "NoPendingRewards", "nothing credited yet: the contract's error, named")

	// Anyone funds the reserve (`themisd l1 fund-rewards`): less than one token is
	// refused with the contract's error; then the pool sends the write-back's batch.
	_, err = anyone.FundRewards(ctx, big.NewInt(1))
	require.ErrorContains(t, err, "FundingTooSmall")
	_, err = as(newSigner(t)).FundRewards(ctx, tokens(100))
	require.ErrorContains(t, err, "fewer than the", "a funder without the tokens is told so before any transaction")
	reserve := func() *big.Int {
		out, err := rpc.CallContract(ctx, ethereum.CallMsg{To: &d.Staking, Data: staking.NewThemisStaking().PackRewardReserve()}, nil)
		require.NoError(t, err)
		r, err := staking.NewThemisStaking().UnpackRewardReserve(out)
		require.NoError(t, err)
		return r
	}
	funderBefore := balance(addr(anyKey))
	_, err = anyone.FundRewards(ctx, tokens(100))
	require.NoError(t, err)
	require.Equal(t, tokens(100), reserve(), "the reserve holds the funding")
	require.Equal(t, new(big.Int).Sub(funderBefore, tokens(100)), balance(addr(anyKey)), "taken from the funder")
	batch := slashingtypes.L1Action{Id: 1, Kind: slashingtypes.L1_ACTION_KIND_REWARD_BATCH, RewardBatch: &slashingtypes.RewardBatchAction{
		BatchId: 1, Payments: []slashingtypes.RewardPayment{{SequencerId: 1, Amount: math.NewIntFromBigInt(tokens(7))}}}}
	call, err := batch.L1Call(d.Staking)
	require.NoError(t, err)
	poolCalls(call.To, call.Data)

	before := balance(addr(ownerKey))
	r, err := owner.WithdrawRewards(ctx, 1)
	require.NoError(t, err)
	require.Equal(t, new(big.Int).Add(before, tokens(7)), balance(addr(ownerKey)), "paid to the reward recipient")
	require.NotEmpty(t, r.Logs)
	_, err = owner.WithdrawRewards(ctx, 1)
	require.ErrorContains(t, err, "NoPendingRewards", "paid once")
	_, err = anyone.WithdrawRewards(ctx, 1)
	require.ErrorContains(t, err, "NotSequencerOwner", "only the owner")

	// A slash by the pool, then its escrow: not releasable before its period, then
	// released by anyone to the treasury.
	slash := slashingtypes.L1Action{Id: 2, Kind: slashingtypes.L1_ACTION_KIND_SLASH, Slash: &slashingtypes.SlashAction{
		SequencerId: 1, Amount: math.NewIntFromBigInt(tokens(2_500)), Severity: slashingtypes.SEVERITY_MEDIUM, OffenceId: slashingtypes.L1OffenceID("themis-test", 1)}}
	call, err = slash.L1Call(d.Staking)
	require.NoError(t, err)
	poolCalls(call.To, call.Data)
	_, err = anyone.ReleaseEscrow(ctx, 1)
	require.ErrorContains(t, err, "EscrowNotReleasable")
	require.NoError(t, node.AdvanceTime(366*24*time.Hour))
	treasury := balance(d.Owner) // the deployment's treasury: the deployer
	_, err = anyone.ReleaseEscrow(ctx, 1)
	require.NoError(t, err)
	require.Equal(t, new(big.Int).Add(treasury, tokens(2_500)), balance(d.Owner), "the escrow went to the treasury")
	_, err = anyone.ReleaseEscrow(ctx, 1)
	require.ErrorContains(t, err, "EscrowSettled")
}
