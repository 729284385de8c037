package differential

import (
	"context"
	"crypto/ecdsa"
	"crypto/sha256"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	gethtypes "github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient/simulated"

	"github.com/themis-network/themis/bridge/l1"
	"github.com/themis-network/themis/contracts"
)

// The L1 every sequence starts from. The contract limits equal the chain's default
// params (sequencertest's genesis), so both sides start with the same rules.
const (
	NumOwners      = 4
	initialMinLock = 20_000 // whole tokens
	initialMaxLock = 100_000
	// exitDelay is the contract's minimum (seven days); AdvanceTime ops jump past it.
	exitDelay = contracts.MinExitDelaySeconds
)

// InitiallyWhitelisted says which owners are on both whitelists at the start: the last
// one is on neither, so its locks revert until a whitelist op lets it in.
func InitiallyWhitelisted(i int) bool { return i < NumOwners-1 }

var (
	ether       = new(big.Int).Exp(big.NewInt(10), big.NewInt(18), nil)
	ownerTokens = tokens(10_000_000)
	rewardFund  = tokens(1_000_000)
	gasMoney    = new(big.Int).Mul(big.NewInt(1_000_000), ether)
	// maxDrift is how far the L1 clock may run ahead of the deployment before the
	// world is deployed again: Fork rewinds blocks but not the simulated beacon's clock
	// (every AdvanceTime op moves it on for good), and a long fuzz run must not carry
	// unlock times past what the chain accepts (year 9999).
	maxDrift = uint64(50 * 365 * 24 * time.Hour / time.Second)
)

// tokens is n whole tokens in base units.
func tokens(n int64) *big.Int { return new(big.Int).Mul(big.NewInt(n), ether) }

// Account is an L1 key.
type Account struct {
	Key  *ecdsa.PrivateKey
	Addr common.Address
}

// account derives a fixed key from a name, so that runs reproduce.
func account(name string) Account {
	seed := sha256.Sum256([]byte("themis differential " + name))
	key, err := crypto.ToECDSA(seed[:])
	if err != nil {
		panic(err) // a fixed seed in the curve order's range: checked by every run
	}
	return Account{Key: key, Addr: crypto.PubkeyToAddress(key.PublicKey)}
}

// World is the simulated L1 with the contracts deployed once. Reset forks back to the
// block after the deployment, so every sequence starts from the same contract state
// without paying for a deployment.
type World struct {
	Backend    *simulated.Backend
	Client     Client
	ChainID    *big.Int
	Deployment *contracts.Deployment
	// Deployer owns the contract (bootstrap); Pool is the accepted pool address, the
	// administrator for the whole run (bootstrap's deadline passes as the clock drifts).
	Deployer, Pool Account
	Owners         [NumOwners]Account
	OwnerCalls     [NumOwners]*l1.Owner
	// Base is the head after the deployment; every sequence starts on top of it.
	Base      common.Hash
	BaseBlock uint64
	baseTime  uint64
}

// NewWorld starts a simulated L1 and deploys the contracts.
func NewWorld(ctx context.Context) (*World, error) {
	w := &World{Deployer: account("deployer"), Pool: account("pool")}
	alloc := gethtypes.GenesisAlloc{w.Deployer.Addr: {Balance: gasMoney}, w.Pool.Addr: {Balance: gasMoney}}
	var whitelist []common.Address
	mint := []contracts.Allocation{{To: w.Pool.Addr, Amount: ownerTokens}}
	for i := range w.Owners {
		w.Owners[i] = account(fmt.Sprintf("owner %d", i))
		alloc[w.Owners[i].Addr] = gethtypes.Account{Balance: gasMoney}
		mint = append(mint, contracts.Allocation{To: w.Owners[i].Addr, Amount: ownerTokens})
		if InitiallyWhitelisted(i) {
			whitelist = append(whitelist, w.Owners[i].Addr)
		}
	}
	w.Backend = simulated.NewBackend(alloc)
	w.Client = Client{Client: w.Backend.Client(), backend: w.Backend}
	var err error
	if w.ChainID, err = w.Client.ChainID(ctx); err != nil {
		return nil, w.closeWith(err)
	}
	w.Deployment, err = contracts.Deploy(ctx, w.Client, bind.NewKeyedTransactor(w.Deployer.Key, w.ChainID), contracts.DeployConfig{
		MinLock: tokens(initialMinLock), MaxLock: tokens(initialMaxLock), ExitDelay: exitDelay,
		PoolKey: w.Pool.Key, Whitelist: whitelist, Mint: mint, FundRewards: rewardFund,
		Commit: func() { w.Backend.Commit() },
	})
	if err != nil {
		return nil, w.closeWith(fmt.Errorf("deploy: %w", err))
	}
	for i, o := range w.Owners {
		if w.OwnerCalls[i], err = l1.NewOwner(ctx, w.Client, o.Key, w.Deployment.Staking); err != nil {
			return nil, w.closeWith(err)
		}
	}
	head, err := w.Client.HeaderByNumber(ctx, nil)
	if err != nil {
		return nil, w.closeWith(err)
	}
	w.Base, w.BaseBlock, w.baseTime = head.Hash(), head.Number.Uint64(), head.Time
	return w, nil
}

func (w *World) closeWith(err error) error {
	_ = w.Backend.Close()
	return err
}

// Close stops the simulated L1.
func (w *World) Close() error { return w.Backend.Close() }

// Reset makes Base the head again, with an empty transaction pool: the blocks of the
// last sequence are abandoned and their transactions dropped, not mined again. It
// reports whether the world is stale (its clock drifted too far) and must be rebuilt.
func (w *World) Reset(ctx context.Context) (stale bool, err error) {
	head, err := w.Client.HeaderByNumber(ctx, nil)
	if err != nil {
		return false, err
	}
	if head.Time > w.baseTime+maxDrift {
		return true, nil
	}
	if head.Hash() == w.Base {
		return false, nil
	}
	// As devl1.Reorg with dropTxs: the pool re-adds the abandoned blocks' transactions
	// in the background; the second Fork waits for that (and refuses, the pool being
	// dirty), Rollback empties the pool, and the last Fork proves it empty.
	if err := w.Backend.Fork(w.Base); err != nil {
		return false, fmt.Errorf("fork back to the deployment: %w", err)
	}
	_ = w.Backend.Fork(w.Base)
	w.Backend.Rollback()
	if err := w.Backend.Fork(w.Base); err != nil {
		return false, fmt.Errorf("drop the abandoned transactions: %w", err)
	}
	return false, nil
}

// Worlds hands out a reset World, deploying again when the old one went stale or has
// served worldUses sequences: the simulated chain keeps every abandoned block in memory.
type Worlds struct {
	w    *World
	uses int
}

// worldUses bounds the sequences one World serves (a deployment costs about one sequence).
const worldUses = 100

// Fresh returns a World at its Base.
func (ws *Worlds) Fresh(ctx context.Context) (*World, error) {
	if ws.w != nil && ws.uses < worldUses {
		stale, err := ws.w.Reset(ctx)
		if err != nil {
			return nil, err
		}
		if !stale {
			ws.uses++
			return ws.w, nil
		}
	}
	if ws.w != nil {
		_ = ws.w.Close()
		ws.w = nil
	}
	w, err := NewWorld(ctx)
	if err != nil {
		return nil, err
	}
	ws.w, ws.uses = w, 1
	return w, nil
}

// Close stops the current World.
func (ws *Worlds) Close() error {
	if ws.w == nil {
		return nil
	}
	return ws.w.Close()
}
