// Package contracts deploys the Themis L1 contracts (TestToken, ThemisStaking, BatchInbox).
// The Solidity sources are in src/, the compiled artefacts in build/ and the abigen v2
// bindings in bindings/; `make contracts` regenerates the last two.
package contracts

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/themis-network/themis/contracts/bindings/batchinbox"
	"github.com/themis-network/themis/contracts/bindings/staking"
	"github.com/themis-network/themis/contracts/bindings/testtoken"
)

// Default test-token metadata, used when DeployConfig leaves them empty.
const (
	DefaultTokenName   = "Themis Test Token"
	DefaultTokenSymbol = "tTHEMIS"
)

// Allocation mints Amount test tokens to To.
type Allocation struct {
	To     common.Address
	Amount *big.Int
}

// DeployConfig describes one deployment. MinLock and MaxLock are required; everything else
// has a usable zero value.
type DeployConfig struct {
	TokenName   string         // default DefaultTokenName
	TokenSymbol string         // default DefaultTokenSymbol
	Treasury    common.Address // receives released escrow; default: the deployer
	MinLock     *big.Int       // smallest lock, > 0
	MaxLock     *big.Int       // largest lock, >= MinLock
	// ExitDelay is the seconds between initiateUnlock and claimUnlock: from
	// MinExitDelaySeconds (the contract's MIN_EXIT_DELAY) to 365 days; 0 means the minimum.
	ExitDelay uint64
	// BootstrapPeriod is the seconds after deployment when the owner's administrative
	// powers end by themselves (at most MaxBootstrapPeriodSeconds); 0 means the maximum.
	BootstrapPeriod uint64
	// FirstL2Block is the L2 block the BatchInbox's first batch must start at.
	FirstL2Block uint64
	// PoolKey, if set, becomes the pool address: the owner proposes its address with the
	// bootstrap right and the key accepts (it needs ETH for that one transaction). Bootstrap
	// stays open either way; the owner or the pool ends it with endBootstrap.
	PoolKey   *ecdsa.PrivateKey
	Whitelist []common.Address // accounts allowed to lock
	Mint      []Allocation     // test tokens to mint
	// FundRewards, if positive, mints that amount to the deployer and moves it into the
	// staking contract's reward reserve.
	FundRewards *big.Int
	// Commit mines a block. Set it for the simulated backend (backend.Commit); leave it nil
	// for a node that mines on its own (geth --dev).
	Commit func()
}

// The staking contract's fixed bounds, in seconds (ThemisStaking's constants).
const (
	MinExitDelaySeconds       = 7 * 24 * 60 * 60
	MaxBootstrapPeriodSeconds = 180 * 24 * 60 * 60
)

// Deployment holds the addresses of a deployment.
type Deployment struct {
	Owner      common.Address // the deployer: owner of ThemisStaking and minter of TestToken
	Token      common.Address
	Staking    common.Address
	BatchInbox common.Address
	// StakingBlock is the block holding the staking contract's creation: the first block a
	// bridge has to scan for its events.
	StakingBlock uint64
}

func (cfg *DeployConfig) validate() error {
	switch {
	case cfg.MinLock == nil || cfg.MaxLock == nil:
		return errors.New("MinLock and MaxLock are required")
	case cfg.MinLock.Sign() <= 0 || cfg.MinLock.Cmp(cfg.MaxLock) > 0:
		return fmt.Errorf("lock limits need 0 < MinLock <= MaxLock, got %s and %s", cfg.MinLock, cfg.MaxLock)
	case cfg.FundRewards != nil && cfg.FundRewards.Sign() < 0:
		return errors.New("FundRewards must not be negative")
	case cfg.ExitDelay != 0 && cfg.ExitDelay < MinExitDelaySeconds:
		return fmt.Errorf("ExitDelay %d s is below the contract's minimum of %d s (seven days)", cfg.ExitDelay, MinExitDelaySeconds)
	case cfg.BootstrapPeriod > MaxBootstrapPeriodSeconds:
		return fmt.Errorf("BootstrapPeriod %d s is above the contract's maximum of %d s (180 days)", cfg.BootstrapPeriod, MaxBootstrapPeriodSeconds)
	}
	for _, a := range cfg.Mint {
		if a.Amount == nil || a.Amount.Sign() <= 0 || a.To == (common.Address{}) {
			return fmt.Errorf("invalid mint allocation %+v", a)
		}
	}
	return nil
}

// Deploy deploys TestToken, ThemisStaking and BatchInbox from auth.From, then applies the
// rest of cfg. It waits for every transaction and fails on the first revert. It takes
// three rounds of blocks (deploy, configure, fund), whatever the length of cfg's lists.
//
// backend must also implement bind.DeployBackend (ethclient.Client and the simulated
// backend's client do). auth is not modified.
func Deploy(ctx context.Context, backend bind.ContractBackend, auth *bind.TransactOpts, cfg DeployConfig) (*Deployment, error) {
	if err := cfg.validate(); err != nil {
		return nil, fmt.Errorf("deploy config: %w", err)
	}
	name, symbol, treasury := cfg.TokenName, cfg.TokenSymbol, cfg.Treasury
	if name == "" {
		name = DefaultTokenName
	}
	if symbol == "" {
		symbol = DefaultTokenSymbol
	}
	if treasury == (common.Address{}) {
		treasury = auth.From
	}
	exitDelay, bootstrap := cfg.ExitDelay, cfg.BootstrapPeriod
	if exitDelay == 0 {
		exitDelay = MinExitDelaySeconds
	}
	if bootstrap == 0 {
		bootstrap = MaxBootstrapPeriodSeconds
	}
	batch, err := newTxBatch(ctx, backend, auth, cfg.Commit)
	if err != nil {
		return nil, err
	}
	tokenABI, stakingABI, inboxABI := testtoken.NewTestToken(), staking.NewThemisStaking(), batchinbox.NewBatchInbox()
	d := &Deployment{Owner: auth.From}

	// Round 1: the three contracts. Their addresses follow from the nonces, so BatchInbox
	// can point at ThemisStaking before either exists.
	if d.Token, err = batch.deploy("TestToken", testtoken.TestTokenMetaData.Bin,
		tokenABI.PackConstructor(name, symbol)); err != nil {
		return nil, err
	}
	if d.Staking, err = batch.deploy("ThemisStaking", staking.ThemisStakingMetaData.Bin,
		stakingABI.PackConstructor(d.Token, treasury, cfg.MinLock, cfg.MaxLock,
			new(big.Int).SetUint64(exitDelay), new(big.Int).SetUint64(bootstrap))); err != nil {
		return nil, err
	}
	if d.BatchInbox, err = batch.deploy("BatchInbox", batchinbox.BatchInboxMetaData.Bin,
		inboxABI.PackConstructor(d.Staking, cfg.FirstL2Block)); err != nil {
		return nil, err
	}
	receipts, err := batch.wait()
	if err != nil {
		return nil, err
	}
	for i, want := range []common.Address{d.Token, d.Staking, d.BatchInbox} {
		if receipts[i].ContractAddress != want {
			return nil, fmt.Errorf("contract %d deployed at %s, expected %s", i, receipts[i].ContractAddress, want)
		}
	}
	d.StakingBlock = receipts[1].BlockNumber.Uint64()

	// Round 2: configuration and minting; none of these depends on another.
	token := tokenABI.Instance(backend, d.Token)
	stakingContract := stakingABI.Instance(backend, d.Staking)
	if cfg.PoolKey != nil {
		pool := crypto.PubkeyToAddress(cfg.PoolKey.PublicKey)
		if err := batch.transact("proposePoolAddress", stakingContract, stakingABI.PackProposePoolAddress(pool)); err != nil {
			return nil, err
		}
	}
	for _, account := range cfg.Whitelist {
		if err := batch.transact("setWhitelist", stakingContract, stakingABI.PackSetWhitelist(account, true)); err != nil {
			return nil, err
		}
	}
	for _, a := range cfg.Mint {
		if err := batch.transact("mint", token, tokenABI.PackMint(a.To, a.Amount)); err != nil {
			return nil, err
		}
	}
	funding := cfg.FundRewards != nil && cfg.FundRewards.Sign() > 0
	if funding {
		if err := batch.transact("mint reward funds", token, tokenABI.PackMint(auth.From, cfg.FundRewards)); err != nil {
			return nil, err
		}
		if err := batch.transact("approve reward funds", token, tokenABI.PackApprove(d.Staking, cfg.FundRewards)); err != nil {
			return nil, err
		}
	}
	if _, err := batch.wait(); err != nil {
		return nil, err
	}

	// Round 3: fundRewards needs the minted balance and the allowance of round 2, and the
	// pool accepts the proposal of round 2 (from its own account, so its own batch).
	if funding {
		if err := batch.transact("fundRewards", stakingContract, stakingABI.PackFundRewards(cfg.FundRewards)); err != nil {
			return nil, err
		}
	}
	var poolBatch *txBatch
	if cfg.PoolKey != nil {
		chain, ok := backend.(interface {
			ChainID(context.Context) (*big.Int, error)
		})
		if !ok {
			return nil, errors.New("backend cannot report its chain id, needed to sign the pool's acceptance")
		}
		chainID, err := chain.ChainID(ctx)
		if err != nil {
			return nil, fmt.Errorf("read chain id: %w", err)
		}
		poolAuth := bind.NewKeyedTransactor(cfg.PoolKey, chainID)
		if poolBatch, err = newTxBatch(ctx, backend, poolAuth, cfg.Commit); err != nil {
			return nil, err
		}
		if err := poolBatch.transact("acceptPoolAddress", stakingContract, stakingABI.PackAcceptPoolAddress()); err != nil {
			return nil, err
		}
	}
	for _, b := range []*txBatch{batch, poolBatch} {
		if b == nil {
			continue
		}
		if _, err := b.wait(); err != nil {
			return nil, err
		}
	}
	return d, nil
}
