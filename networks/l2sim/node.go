package l2sim

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"cosmossdk.io/log"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/rpc"
)

// Defaults of Config.
const (
	DefaultBlockInterval = time.Second
	DefaultSyncInterval  = 250 * time.Millisecond
	DefaultChainID       = 59902
	DefaultListen        = "127.0.0.1:8645"
	// DefaultMaxReorgDepth is how far back a node looks for the point where a peer's
	// chain and its own part. A replaced producer's orphaned blocks are a handful; a
	// deeper fork is logged and left alone.
	DefaultMaxReorgDepth = 128
	// peerTimeout bounds one call to a peer, so a hung peer cannot stall the sync loop.
	peerTimeout = 2 * time.Second
	// maxSyncBatch bounds the blocks taken from one peer per sync tick.
	maxSyncBatch = 256
)

// Config configures a Node.
type Config struct {
	ChainID       uint64            // L2 chain id (eth_chainId); fixes the genesis
	Key           *ecdsa.PrivateKey // the sequencer's signer key: it signs the blocks it produces
	Listen        string            // JSON-RPC and admin address; "127.0.0.1:0" lets the OS choose
	Peers         []string          // JSON-RPC URLs of the other l2sim nodes
	Schedule      Schedule          // who produces each height
	BlockInterval time.Duration     // how often to try to produce (0: DefaultBlockInterval)
	SyncInterval  time.Duration     // how often to pull from peers (0: DefaultSyncInterval)
	DataDir       string            // where the chain journal lives ("": memory only)
	Fault         Mode              // initial fault mode ("": none)
	MaxReorgDepth uint64            // 0: DefaultMaxReorgDepth
	Logger        log.Logger        // nil: no logging
	Now           func() time.Time  // nil: time.Now (block timestamps)
}

// Node is one L2 node.
type Node struct {
	cfg      Config
	key      *ecdsa.PrivateKey
	signer   common.Address
	store    *chainStore
	faults   faultLog
	rejected rejectedLog
	logger   log.Logger

	mode  atomic.Value // Mode
	peers atomic.Pointer[[]*peerClient]

	// lastProduced is when this node last produced a block (monotonic clock; only the
	// producer loop touches it).
	lastProduced time.Time
	altMu        sync.Mutex
	alts         map[uint64]Block // equivocation: the second block signed at each height
	// altServe alternates which of the two blocks eth_getBlockByNumber hands out.
	altServe atomic.Uint64
	// lies are the forged hashes served in lie mode, by height (lie.go).
	lieMu sync.Mutex
	lies  map[uint64]common.Hash

	rpc       *rpc.Server
	listener  net.Listener
	server    *http.Server
	ran       atomic.Bool
	closeOnce sync.Once
	closeErr  error
}

// New checks cfg, loads the chain from the data dir and binds the listen address (so
// URL is known before Run). Call Run to serve, or Close to give the resources back.
func New(cfg Config) (*Node, error) {
	if cfg.ChainID == 0 {
		return nil, errors.New("l2sim: the L2 chain id must not be 0")
	}
	if cfg.Key == nil {
		return nil, errors.New("l2sim: no signer key")
	}
	if cfg.Schedule == nil {
		return nil, errors.New("l2sim: no schedule")
	}
	if cfg.BlockInterval < 0 || cfg.SyncInterval < 0 {
		return nil, errors.New("l2sim: intervals must be positive")
	}
	if cfg.BlockInterval == 0 {
		cfg.BlockInterval = DefaultBlockInterval
	}
	if cfg.SyncInterval == 0 {
		cfg.SyncInterval = DefaultSyncInterval
	}
	if cfg.MaxReorgDepth == 0 {
		cfg.MaxReorgDepth = DefaultMaxReorgDepth
	}
	if cfg.Listen == "" {
		cfg.Listen = DefaultListen
	}
	if cfg.Logger == nil {
		cfg.Logger = log.NewNopLogger()
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	mode, err := ParseMode(string(cfg.Fault))
	if err != nil {
		return nil, fmt.Errorf("l2sim: %w", err)
	}
	n := &Node{
		cfg: cfg, key: cfg.Key, signer: crypto.PubkeyToAddress(cfg.Key.PublicKey),
		logger: cfg.Logger.With("module", "l2sim"), alts: map[uint64]Block{},
	}
	n.mode.Store(mode)
	if err := n.SetPeers(cfg.Peers); err != nil {
		return nil, err
	}
	if n.rpc, err = newRPCServer(n); err != nil {
		return nil, err
	}
	if n.store, err = openStore(cfg.DataDir, cfg.ChainID, n.logger); err != nil {
		return nil, fmt.Errorf("l2sim: %w", err)
	}
	if n.listener, err = net.Listen("tcp", cfg.Listen); err != nil {
		n.store.Close()
		return nil, fmt.Errorf("l2sim: listen on %s: %w", cfg.Listen, err)
	}
	// Timeouts: a client that never finishes its request must not hold a connection forever.
	n.server = &http.Server{Handler: n.Handler(), ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout: 10 * time.Second, WriteTimeout: 10 * time.Second, IdleTimeout: time.Minute}
	return n, nil
}

// SetPeers replaces the peer list (the localnet and tests learn the ports of the other
// nodes only after binding them).
func (n *Node) SetPeers(urls []string) error {
	peers := make([]*peerClient, 0, len(urls))
	for _, u := range urls {
		p, err := newPeer(u)
		if err != nil {
			closePeers(&peers)
			return fmt.Errorf("l2sim: %w", err)
		}
		peers = append(peers, p)
	}
	// A sync tick still using an old client gets an error on its next call and the
	// next tick uses the new list.
	closePeers(n.peers.Swap(&peers))
	return nil
}

func newPeer(url string) (*peerClient, error) {
	u, err := normalizePeer(url)
	if err != nil {
		return nil, err
	}
	return dialPeer(u)
}

func closePeers(peers *[]*peerClient) {
	if peers == nil {
		return
	}
	for _, p := range *peers {
		p.close()
	}
}

// URL is the node's JSON-RPC endpoint (admin endpoints are under it).
func (n *Node) URL() string { return "http://" + n.listener.Addr().String() }

// Signer is the address of the node's signer key.
func (n *Node) Signer() common.Address { return n.signer }

// Head is the node's highest block.
func (n *Node) Head() Block { return n.store.Head() }

// BlockAt is the node's block at height h on its own chain.
func (n *Node) BlockAt(h uint64) (Block, bool) { return n.store.At(h) }

// Faults are the faults this node has observed in peers' blocks, oldest first.
func (n *Node) Faults() []Fault { return n.faults.list() }

// Rejected are the blocks this node refused for a wrong state root (the newest
// maxRejected), oldest first.
func (n *Node) Rejected() []Block { return n.rejected.since(0, maxRejected) }

// Mode is the current fault mode.
func (n *Node) Mode() Mode { return n.mode.Load().(Mode) }

// SetMode switches the fault mode. Leaving equivocate forgets the second blocks, so the
// node serves one block per height again.
func (n *Node) SetMode(m Mode) {
	old := n.mode.Swap(m).(Mode)
	if old != m {
		n.logger.Info("l2sim: fault mode switched", "from", old, "to", m)
	}
	if m != ModeEquivocate {
		n.altMu.Lock()
		clear(n.alts)
		n.altMu.Unlock()
	}
	if m != ModeLie {
		n.lieMu.Lock()
		clear(n.lies)
		n.lieMu.Unlock()
	}
}

// Run serves JSON-RPC and runs the producer and sync loops until ctx ends, then shuts
// the server down and closes the journal. It can be called once.
func (n *Node) Run(ctx context.Context) error {
	if !n.ran.CompareAndSwap(false, true) {
		return errors.New("l2sim: Run called twice")
	}
	head := n.store.Head()
	n.logger.Info("l2sim: node started", "rpc", n.URL(), "signer", n.signer, "chain_id", n.cfg.ChainID,
		"head", head.Height(), "hash", head.Hash, "mode", n.Mode())

	serveErr := make(chan error, 1)
	go func() { serveErr <- n.server.Serve(n.listener) }()

	var wg sync.WaitGroup
	loopCtx, stopLoops := context.WithCancel(ctx)
	defer stopLoops()
	wg.Add(2)
	// The producer looks at the schedule more often than it produces, so a node that
	// has just been scheduled (a re-election) makes its first block at once, not at its
	// next block tick; produceOnce keeps its own blocks BlockInterval apart.
	go func() { defer wg.Done(); n.every(loopCtx, min(n.cfg.BlockInterval, n.cfg.SyncInterval), n.produceOnce) }()
	go func() { defer wg.Done(); n.every(loopCtx, n.cfg.SyncInterval, n.syncOnce) }()

	var err error
	select {
	case <-ctx.Done():
	case err = <-serveErr:
		err = fmt.Errorf("l2sim: JSON-RPC server stopped: %w", err)
	}
	stopLoops()
	wg.Wait()
	shutCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if serr := n.server.Shutdown(shutCtx); serr != nil && err == nil {
		err = serr
	}
	n.rpc.Stop()
	if cerr := n.Close(); cerr != nil && err == nil {
		err = cerr
	}
	return err
}

// Close releases the listener and the journal; Run calls it on the way out.
func (n *Node) Close() error {
	n.closeOnce.Do(func() {
		lerr := n.listener.Close()
		if errors.Is(lerr, net.ErrClosed) {
			lerr = nil
		}
		n.closeErr = errors.Join(lerr, n.store.Close())
		closePeers(n.peers.Load())
	})
	return n.closeErr
}

// every calls f each interval until ctx ends.
func (n *Node) every(ctx context.Context, interval time.Duration, f func(context.Context)) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			f(ctx)
		}
	}
}
