// Package devl1 is the development L1 of the localnet and the tests: go-ethereum's
// simulated chain in process, serving JSON-RPC on a loopback port, producing blocks on a
// timer, with the themis contracts deployed and test accounts funded. Unlike a real
// node it can be told to reorg, to make its RPC unreachable, to drop a sender's
// transactions from its mempool, and to jump in time, so the faults the bridge must
// survive can be produced on demand. It needs nothing beyond Go modules; the same
// flows also run against `geth --dev`.
package devl1

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/node"
	"github.com/ethereum/go-ethereum/params"

	"github.com/themis-network/themis/contracts"
)

// ChainID is the development chain's id (go-ethereum's dev chain, as `geth --dev`).
var ChainID = params.AllDevChainProtocolChanges.ChainID.Uint64()

// Ether is 10^18 wei.
var Ether = new(big.Int).Exp(big.NewInt(10), big.NewInt(18), nil)

// Config describes a development L1.
type Config struct {
	// RPCAddr is the loopback host:port clients use (through the fault switch).
	RPCAddr string
	// BlockTime is the block interval; 0 mines only when asked (tests).
	BlockTime time.Duration
	// Accounts are funded with ETH and Tokens test tokens each.
	Accounts []common.Address
	Tokens   *big.Int
	// Contracts configures the deployment (lock limits, exit delay, whitelist...).
	// Commit is set by the node.
	Contracts contracts.DeployConfig
}

// Node is a running development L1.
type Node struct {
	backend    *simulated.Backend
	deployment *contracts.Deployment
	deployer   *ecdsa.PrivateKey
	rpcURL     string
	server     *http.Server
	listener   net.Listener

	mu      sync.Mutex // serialises block production, reorgs and time jumps
	rpcDown atomic.Bool
	evict   atomic.Pointer[eviction] // the mempool drops one sender's transactions
	paused  atomic.Bool              // the block timer mines nothing (explicit Mine still does)
	stop    chan struct{}
	done    chan struct{}

	evictedMu sync.Mutex
	evicted   []common.Hash // sends the mempool fault swallowed, newest maxEvictedListed
}

// DeployerKey is the well-known development key that deploys and owns the contracts.
// It exists only on development chains.
func DeployerKey() *ecdsa.PrivateKey {
	key, err := crypto.ToECDSA(crypto.Keccak256([]byte("themis development L1 deployer")))
	if err != nil {
		panic(err) // a 32-byte hash below the curve order: cannot fail
	}
	return key
}

// Start launches the chain, deploys the contracts and serves JSON-RPC on cfg.RPCAddr.
func Start(ctx context.Context, cfg Config) (*Node, error) {
	if cfg.RPCAddr == "" {
		return nil, errors.New("devl1: an RPC address is required")
	}
	internal, err := freeLoopbackPort()
	if err != nil {
		return nil, err
	}
	deployer := DeployerKey()
	alloc := types.GenesisAlloc{crypto.PubkeyToAddress(deployer.PublicKey): {Balance: new(big.Int).Set(DeployerEther)}}
	for _, a := range cfg.Accounts {
		alloc[a] = types.Account{Balance: new(big.Int).Set(AccountEther)}
	}
	backend := simulated.NewBackend(alloc, func(nc *node.Config, ec *ethconfig.Config) {
		nc.HTTPHost, nc.HTTPPort = "127.0.0.1", internal
		nc.HTTPModules = []string{"eth", "net", "web3"}
		nc.HTTPVirtualHosts = []string{"*"}
	})
	n := &Node{backend: backend, deployer: deployer, stop: make(chan struct{}), done: make(chan struct{})}
	if err := n.deploy(ctx, cfg); err != nil {
		_ = backend.Close()
		return nil, err
	}
	if err := n.serve(cfg.RPCAddr, fmt.Sprintf("http://127.0.0.1:%d", internal)); err != nil {
		_ = backend.Close()
		return nil, err
	}
	go n.produce(cfg.BlockTime)
	return n, nil
}

func (n *Node) deploy(ctx context.Context, cfg Config) error {
	d, err := deployContracts(ctx, n.backend.Client(), n.deployer, new(big.Int).SetUint64(ChainID), cfg, func() { n.backend.Commit() })
	if err != nil {
		return err
	}
	n.deployment = d
	return nil
}

// serve puts the fault switch in front of go-ethereum's own HTTP JSON-RPC server.
func (n *Node) serve(addr, internal string) error {
	target, err := url.Parse(internal)
	if err != nil {
		return err
	}
	proxy := httputil.NewSingleHostReverseProxy(target)
	// No compression on the hop to go-ethereum: its gzip writer drops Content-Length,
	// so a large answer (a contract's code) would be relayed as a gzip stream inside a
	// chunked body, and a cut on the inner hop would reach the client as a bare
	// "unexpected EOF" (seen once in CI, reading the staking contract's code). Plain
	// answers carry their length; the client's own transport may still ask us for gzip.
	proxy.Transport = &http.Transport{DisableCompression: true, MaxIdleConnsPerHost: 16, IdleConnTimeout: 30 * time.Second}
	direct := proxy.Director
	proxy.Director = func(r *http.Request) {
		direct(r)
		r.Header.Del("Accept-Encoding")
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("devl1: listen on %s: %w", addr, err)
	}
	n.listener = ln
	n.rpcURL = "http://" + ln.Addr().String()
	n.server = &http.Server{ReadHeaderTimeout: 5 * time.Second, Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if n.rpcDown.Load() {
			http.Error(w, "development L1: RPC switched off", http.StatusServiceUnavailable)
			return
		}
		if n.swallowEvicted(w, r) {
			return
		}
		proxy.ServeHTTP(w, r)
	})}
	go func() { _ = n.server.Serve(ln) }()
	return nil
}

func (n *Node) produce(every time.Duration) {
	defer close(n.done)
	if every <= 0 {
		<-n.stop
		return
	}
	ticker := time.NewTicker(every)
	defer ticker.Stop()
	for {
		select {
		case <-n.stop:
			return
		case <-ticker.C:
			if !n.paused.Load() {
				n.Mine(1)
			}
		}
	}
}

// RPCURL is the JSON-RPC endpoint clients use.
func (n *Node) RPCURL() string { return n.rpcURL }

// Deployment returns the contract addresses.
func (n *Node) Deployment() contracts.Deployment { return *n.deployment }

// Client is an in-process client (never affected by the fault switch).
func (n *Node) Client() simulated.Client { return n.backend.Client() }

// Mine produces k blocks.
func (n *Node) Mine(k int) {
	n.mu.Lock()
	defer n.mu.Unlock()
	for range k {
		n.dropEvicted()
		n.backend.Commit()
	}
}

// Head returns the newest block number.
func (n *Node) Head(ctx context.Context) (uint64, error) { return n.backend.Client().BlockNumber(ctx) }

// Reorg replaces the newest depth blocks with longer chain of new ones. With dropTxs the
// transactions of the replaced blocks (and any pending ones) are discarded, so their
// events vanish; otherwise they are mined again in the new blocks (their events move).
func (n *Node) Reorg(ctx context.Context, depth int, dropTxs bool) error {
	if depth <= 0 {
		return fmt.Errorf("devl1: reorg depth must be positive, got %d", depth)
	}
	n.mu.Lock()
	defer n.mu.Unlock()
	client := n.backend.Client()
	head, err := client.BlockNumber(ctx)
	if err != nil {
		return err
	}
	if uint64(depth) > head {
		return fmt.Errorf("devl1: cannot reorg %d blocks below head %d", depth, head)
	}
	parent, err := client.HeaderByNumber(ctx, new(big.Int).SetUint64(head-uint64(depth)))
	if err != nil {
		return err
	}
	// Fork needs an empty pool: what is pending goes into one more block, replaced too.
	n.backend.Commit()
	if err := n.backend.Fork(parent.Hash()); err != nil {
		return fmt.Errorf("devl1: fork at %d: %w", parent.Number, err)
	}
	if dropTxs {
		// The pool re-adds the replaced blocks' transactions in the background. Fork
		// first waits for that (then refuses, the pool being dirty), so after it the
		// pool can be cleared for good; the second Fork proves it is empty.
		_ = n.backend.Fork(parent.Hash())
		n.backend.Rollback()
		if err := n.backend.Fork(parent.Hash()); err != nil {
			return fmt.Errorf("devl1: drop the reorged transactions: %w", err)
		}
	}
	for range depth + 2 {
		n.backend.Commit()
	}
	return nil
}

// SetRPCDown switches the public JSON-RPC endpoint off (503 on every request) or on.
func (n *Node) SetRPCDown(down bool) { n.rpcDown.Store(down) }

// SetMiningPaused stops (or resumes) the block timer; Mine, Reorg and AdvanceTime
// still produce blocks, so a test decides exactly which block holds what.
func (n *Node) SetMiningPaused(paused bool) { n.paused.Store(paused) }

// AdvanceTime mines one block d later than the previous one (exit delays, escrows).
func (n *Node) AdvanceTime(d time.Duration) error {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.backend.Commit()
	return n.backend.AdjustTime(d)
}

// Close stops block production, the RPC server and the chain.
func (n *Node) Close() error {
	close(n.stop)
	<-n.done
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	err := n.server.Shutdown(ctx)
	return errors.Join(err, n.backend.Close())
}

func freeLoopbackPort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

// OwnerKey is the well-known development key of localnet sequencer owner i: the
// localnet funds and whitelists these on L1 and locks with them.
func OwnerKey(i int) *ecdsa.PrivateKey {
	key, err := crypto.ToECDSA(crypto.Keccak256([]byte(fmt.Sprintf("themis localnet sequencer owner %d", i))))
	if err != nil {
		panic(err) // a 32-byte hash below the curve order: cannot fail
	}
	return key
}

// OwnerAddresses returns the L1 addresses of the first n development owners.
func OwnerAddresses(n int) []common.Address {
	out := make([]common.Address, n)
	for i := range out {
		out[i] = crypto.PubkeyToAddress(OwnerKey(i).PublicKey)
	}
	return out
}
