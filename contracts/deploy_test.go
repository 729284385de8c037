package contracts_test

import (
	"context"
	"math/big"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/contracts"
)

func TestDeployAppliesConfig(t *testing.T) {
	e := newBareEnv(t)
	e.deployWith(contracts.DeployConfig{
		TokenName:       "Devnet Token",
		TokenSymbol:     "DEV",
		Treasury:        e.treasury.addr,
		MinLock:         testMinLock,
		MaxLock:         testMaxLock,
		ExitDelay:       2 * contracts.MinExitDelaySeconds,
		BootstrapPeriod: 30 * 24 * 3600,
		FirstL2Block:    42,
		PoolKey:         e.pool.key,
		Whitelist:       []common.Address{e.alice.addr, e.carol.addr},
		Mint:            []contracts.Allocation{{To: e.alice.addr, Amount: tokens(7)}, {To: e.bob.addr, Amount: tokens(8)}},
		FundRewards:     tokens(50),
	})
	d, s, tk := e.deployment, e.staking, e.token
	require.Equal(t, e.owner.addr, d.Owner)
	require.Equal(t, "Devnet Token", call(e, e.tokenC, tk.PackName(), tk.UnpackName))
	require.Equal(t, "DEV", call(e, e.tokenC, tk.PackSymbol(), tk.UnpackSymbol))
	require.Equal(t, e.treasury.addr, call(e, e.stakingC, s.PackTreasury(), s.UnpackTreasury))
	require.Equal(t, big.NewInt(2*contracts.MinExitDelaySeconds), call(e, e.stakingC, s.PackExitDelay(), s.UnpackExitDelay))
	// The owner proposed the pool key's address and the key accepted.
	require.Equal(t, e.pool.addr, e.poolAddress())
	require.Equal(t, common.Address{}, e.pendingPoolAddress())
	require.Len(t, filterAll(e, s.UnpackPoolAddressProposedEvent), 1)
	require.True(t, call(e, e.stakingC, s.PackBootstrapOpen(), s.UnpackBootstrapOpen), "Deploy leaves bootstrap open")
	require.Equal(t, e.stakingBlockTime()+30*24*3600, call(e, e.stakingC, s.PackBootstrapDeadline(), s.UnpackBootstrapDeadline))
	require.Equal(t, uint64(42), call(e, e.inboxC, e.inbox.PackFirstL2Block(), e.inbox.UnpackFirstL2Block))
	require.Equal(t, big.NewInt(7), e.configNonce(), "4 from the constructor, 2 whitelist entries, the pool")
	require.True(t, call(e, e.stakingC, s.PackWhitelisted(e.carol.addr), s.UnpackWhitelisted))
	require.False(t, call(e, e.stakingC, s.PackWhitelisted(e.bob.addr), s.UnpackWhitelisted))
	require.Equal(t, tokens(7), e.tokenBalance(e.alice.addr))
	require.Equal(t, tokens(8), e.tokenBalance(e.bob.addr))
	require.Equal(t, tokens(50), call(e, e.stakingC, s.PackRewardReserve(), s.UnpackRewardReserve))
	require.Equal(t, tokens(50), e.tokenBalance(d.Staking))
	require.Equal(t, d.Staking, call(e, e.inboxC, e.inbox.PackStaking(), e.inbox.UnpackStaking))

	// StakingBlock is the first block with the staking contract's code.
	code, err := e.client.CodeAt(e.ctx, d.Staking, new(big.Int).SetUint64(d.StakingBlock))
	require.NoError(t, err)
	require.NotEmpty(t, code)
	code, err = e.client.CodeAt(e.ctx, d.Staking, new(big.Int).SetUint64(d.StakingBlock-1))
	require.NoError(t, err)
	require.Empty(t, code)
}

func TestDeployDefaults(t *testing.T) {
	e := newBareEnv(t)
	e.deployWith(contracts.DeployConfig{MinLock: testMinLock, MaxLock: testMaxLock})
	require.Equal(t, contracts.DefaultTokenName, call(e, e.tokenC, e.token.PackName(), e.token.UnpackName))
	require.Equal(t, contracts.DefaultTokenSymbol, call(e, e.tokenC, e.token.PackSymbol(), e.token.UnpackSymbol))
	s := e.staking
	require.Equal(t, e.owner.addr, call(e, e.stakingC, s.PackTreasury(), s.UnpackTreasury))
	// Zero delays mean the contract's bounds, which the package constants mirror.
	minDelay := call(e, e.stakingC, s.PackMINEXITDELAY(), s.UnpackMINEXITDELAY)
	require.Equal(t, big.NewInt(contracts.MinExitDelaySeconds), minDelay)
	require.Equal(t, minDelay, call(e, e.stakingC, s.PackExitDelay(), s.UnpackExitDelay))
	maxBootstrapPeriod := call(e, e.stakingC, s.PackMAXBOOTSTRAPPERIOD(), s.UnpackMAXBOOTSTRAPPERIOD)
	require.Equal(t, big.NewInt(contracts.MaxBootstrapPeriodSeconds), maxBootstrapPeriod)
	require.Equal(t, e.stakingBlockTime()+maxBootstrapPeriod.Uint64(), call(e, e.stakingC, s.PackBootstrapDeadline(), s.UnpackBootstrapDeadline))
	// No pool key: no pool, and no proposal either.
	require.Equal(t, common.Address{}, e.poolAddress())
	require.Equal(t, common.Address{}, e.pendingPoolAddress())
	require.Zero(t, call(e, e.inboxC, e.inbox.PackFirstL2Block(), e.inbox.UnpackFirstL2Block))
	require.Zero(t, call(e, e.tokenC, e.token.PackTotalSupply(), e.token.UnpackTotalSupply).Sign())
}

func TestDeployRejectsBadConfigBeforeSending(t *testing.T) {
	e := newBareEnv(t)
	for name, cfg := range map[string]contracts.DeployConfig{
		"no limits":        {},
		"zero minimum":     {MinLock: big.NewInt(0), MaxLock: testMaxLock},
		"min above max":    {MinLock: testMaxLock, MaxLock: testMinLock},
		"negative funding": {MinLock: testMinLock, MaxLock: testMaxLock, FundRewards: big.NewInt(-1)},
		"empty mint":       {MinLock: testMinLock, MaxLock: testMaxLock, Mint: []contracts.Allocation{{To: e.alice.addr}}},
		"mint to zero":     {MinLock: testMinLock, MaxLock: testMaxLock, Mint: []contracts.Allocation{{Amount: big.NewInt(1)}}},
		"short exit delay": {MinLock: testMinLock, MaxLock: testMaxLock, ExitDelay: contracts.MinExitDelaySeconds - 1},
		"long bootstrap":   {MinLock: testMinLock, MaxLock: testMaxLock, BootstrapPeriod: contracts.MaxBootstrapPeriodSeconds + 1},
	} {
		_, err := contracts.Deploy(e.ctx, e.client, e.opts(e.owner), cfg)
		require.ErrorContains(t, err, "deploy config", name)
	}
	nonce, err := e.client.PendingNonceAt(e.ctx, e.owner.addr)
	require.NoError(t, err)
	require.Zero(t, nonce)
}

func TestDeployReportsTheFailingStep(t *testing.T) {
	e := newBareEnv(t)
	cfg := contracts.DeployConfig{
		MinLock:   testMinLock,
		MaxLock:   testMaxLock,
		Whitelist: []common.Address{{}}, // the contract refuses the zero address
		Commit:    func() { e.backend.Commit() },
	}
	_, err := contracts.Deploy(e.ctx, e.client, e.opts(e.owner), cfg)
	require.ErrorContains(t, err, "setWhitelist")

	// The contract's own bounds, which Deploy does not check twice.
	cfg.Whitelist = nil
	cfg.ExitDelay = 365*24*3600 + 1
	_, err = contracts.Deploy(e.ctx, e.client, e.opts(e.owner), cfg)
	require.ErrorContains(t, err, "deploy ThemisStaking")
}

func TestDeployNeedsReceipts(t *testing.T) {
	e := newBareEnv(t)
	type transactOnly struct{ bind.ContractBackend }
	_, err := contracts.Deploy(e.ctx, transactOnly{e.client}, e.opts(e.owner),
		contracts.DeployConfig{MinLock: testMinLock, MaxLock: testMaxLock})
	require.ErrorContains(t, err, "receipts")
}

// Without a commit hook Deploy waits for a node that mines on its own, as geth --dev does.
func TestDeployOnSelfMiningNode(t *testing.T) {
	e := newBareEnv(t)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		ticker := time.NewTicker(200 * time.Millisecond)
		defer ticker.Stop()
		for {
			select {
			case <-stop:
				return
			case <-ticker.C:
				e.backend.Commit()
			}
		}
	}()
	defer func() { close(stop); wg.Wait() }()

	ctx, cancel := context.WithTimeout(e.ctx, 30*time.Second)
	defer cancel()
	auth := e.opts(e.owner)
	d, err := contracts.Deploy(ctx, e.client, auth, contracts.DeployConfig{
		MinLock: testMinLock, MaxLock: testMaxLock, PoolKey: e.pool.key, FundRewards: tokens(1),
	})
	require.NoError(t, err)
	require.Nil(t, auth.Nonce, "Deploy must not change the caller's options")
	reserve, err := bind.Call(e.staking.Instance(e.client, d.Staking), &bind.CallOpts{Context: ctx},
		e.staking.PackRewardReserve(), e.staking.UnpackRewardReserve)
	require.NoError(t, err)
	require.Equal(t, tokens(1), reserve)
	pool, err := bind.Call(e.staking.Instance(e.client, d.Staking), &bind.CallOpts{Context: ctx},
		e.staking.PackPoolAddress(), e.staking.UnpackPoolAddress)
	require.NoError(t, err)
	require.Equal(t, e.pool.addr, pool)
}

// stakingBlockTime is the timestamp of the block that created the staking contract.
func (e *env) stakingBlockTime() uint64 {
	e.t.Helper()
	header, err := e.client.HeaderByNumber(e.ctx, new(big.Int).SetUint64(e.deployment.StakingBlock))
	require.NoError(e.t, err)
	return header.Time
}
