package devl1

import (
	"context"
	"crypto/ecdsa"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/params"

	"github.com/themis-network/themis/contracts"
)

// The localnet's deployment, in whole tokens: `themisd devnet l1`'s flag defaults and
// OwnersConfig, so the in-process chain and an external one (geth --dev) hold the same.
const (
	DefaultTokens  = 1_000_000 // test tokens minted to each funded account
	DefaultMinLock = 20_000
	DefaultMaxLock = 100_000
)

var (
	// AccountEther is the ETH of each funded account (gas for locks and claims).
	AccountEther = new(big.Int).Mul(big.NewInt(1_000_000), Ether)
	// DeployerEther is the deployer's ETH: it pays for the deployment and, on an external
	// chain, for AccountEther to every account.
	DeployerEther = new(big.Int).Mul(big.NewInt(1_000_000_000), Ether)
)

// Tokens is n whole test tokens in base units (18 decimals, like Ether).
func Tokens(n int64) *big.Int { return new(big.Int).Mul(big.NewInt(n), Ether) }

// OwnersConfig is the L1 of the localnet and the e2e tests: the first owners development
// owners funded with AccountEther and DefaultTokens test tokens and L1-whitelisted, locks
// of DefaultMinLock to DefaultMaxLock tokens and exitDelay (whole seconds) between unlock
// and claim. RPCAddr and BlockTime are left to the in-process chain's caller.
func OwnersConfig(owners int, exitDelay time.Duration) Config {
	accounts := OwnerAddresses(owners)
	return Config{
		Accounts: accounts,
		Tokens:   Tokens(DefaultTokens),
		Contracts: contracts.DeployConfig{MinLock: Tokens(DefaultMinLock), MaxLock: Tokens(DefaultMaxLock),
			ExitDelay: uint64(exitDelay / time.Second), Whitelist: accounts},
	}
}

// deployContracts deploys cfg.Contracts from deployer with cfg.Tokens test tokens minted
// to each of cfg.Accounts. commit mines a block; nil for a chain that mines by itself.
func deployContracts(ctx context.Context, backend bind.ContractBackend, deployer *ecdsa.PrivateKey, chainID *big.Int, cfg Config, commit func()) (*contracts.Deployment, error) {
	auth := bind.NewKeyedTransactor(deployer, chainID)
	dc := cfg.Contracts
	dc.Commit = commit
	if cfg.Tokens != nil && cfg.Tokens.Sign() > 0 {
		for _, a := range cfg.Accounts {
			dc.Mint = append(dc.Mint, contracts.Allocation{To: a, Amount: cfg.Tokens})
		}
	}
	d, err := contracts.Deploy(ctx, backend, auth, dc)
	if err != nil {
		return nil, fmt.Errorf("devl1: deploy contracts: %w", err)
	}
	return d, nil
}

// DeployOn makes an external development chain that mines by itself (geth --dev) hold
// what Start's chain holds: DeployerKey, which must already have DeployerEther, sends
// AccountEther to each of cfg.Accounts (Start allocates it in genesis instead), then
// deploys cfg's contracts exactly as Start does. cfg.RPCAddr and cfg.BlockTime are unused.
func DeployOn(ctx context.Context, client *ethclient.Client, cfg Config) (*contracts.Deployment, error) {
	chainID, err := client.ChainID(ctx)
	if err != nil {
		return nil, fmt.Errorf("devl1: chain id: %w", err)
	}
	deployer := DeployerKey()
	if err := sendEther(ctx, client, deployer, chainID, cfg); err != nil {
		return nil, err
	}
	return deployContracts(ctx, client, deployer, chainID, cfg, nil)
}

// sendEther sends AccountEther to every account with consecutive nonces and then waits
// for all of them: one block in all, not one per account.
func sendEther(ctx context.Context, client *ethclient.Client, from *ecdsa.PrivateKey, chainID *big.Int, cfg Config) error {
	nonce, err := client.PendingNonceAt(ctx, crypto.PubkeyToAddress(from.PublicKey))
	if err != nil {
		return fmt.Errorf("devl1: deployer nonce: %w", err)
	}
	var sent []*types.Transaction
	for _, a := range cfg.Accounts {
		opts := bind.NewKeyedTransactor(from, chainID)
		opts.Context, opts.Value, opts.Nonce = ctx, AccountEther, new(big.Int).SetUint64(nonce)
		// A plain transfer: bind refuses to estimate gas for an address without code.
		opts.GasLimit = params.TxGas
		tx, err := bind.NewBoundContract(a, abi.ABI{}, client, client, client).RawTransact(opts, nil)
		if err != nil {
			return fmt.Errorf("devl1: fund %s: %w", a, err)
		}
		sent = append(sent, tx)
		nonce++
	}
	for i, tx := range sent {
		receipt, err := bind.WaitMined(ctx, client, tx.Hash())
		if err != nil {
			return fmt.Errorf("devl1: fund %s: wait for %s: %w", cfg.Accounts[i], tx.Hash(), err)
		}
		if receipt.Status != types.ReceiptStatusSuccessful {
			return fmt.Errorf("devl1: fund %s: transaction %s failed", cfg.Accounts[i], tx.Hash())
		}
	}
	return nil
}
