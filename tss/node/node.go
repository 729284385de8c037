// Package node starts a sequencer's TSS engine inside themisd: the sealed store, the
// preparams pool and its one-core top-up, the transport and the engine, wired
// together. The app gives it the chain's work each height (Observe) and takes its
// report for the vote extension (Report); see tss/README.md for why it runs in the
// node process.
package node

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"cosmossdk.io/log"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/themis-network/themis/tss/engine"
	"github.com/themis-network/themis/tss/keystore"
	"github.com/themis-network/themis/tss/preparams"
	"github.com/themis-network/themis/tss/transport"
)

// Config of a node's engine.
type Config struct {
	// Home is the node's home; the store is <home>/tss, the node key
	// <home>/config/node_key.json.
	Home    string
	ChainID string
	// Signer is the node's signer key (its CometBFT consensus key).
	Signer *ecdsa.PrivateKey
	// Listen is the transport's host:port; Endpoint the URL peers use (default
	// http://Listen).
	Listen   string
	Endpoint string
	// Passphrase, when the store was made with one.
	Passphrase []byte
	// PreparamsTarget is the pool size the top-up keeps (0: 2; negative: no top-up,
	// for tests and for operators who fill the pool with `themisd tss init` only).
	PreparamsTarget int
	// GenerateExe and GenerateArgs run one preparams set in a child process (the
	// themisd binary, `tss generate-one`); empty generates in process.
	GenerateExe  string
	GenerateArgs []string
	RoundTimeout time.Duration
	Logger       log.Logger
	// Registerer takes the Prometheus series (nil: prometheus.DefaultRegisterer, where
	// CometBFT's are served).
	Registerer prometheus.Registerer
}

// Node is a running engine.
type Node struct {
	Engine    *engine.Engine
	Store     *keystore.Store
	Pool      *preparams.Pool
	TopUp     *preparams.TopUp
	Transport *transport.Transport
	dir       *directory
	cancel    context.CancelFunc
	wg        sync.WaitGroup
}

// Start opens the store, starts the transport, the top-up and the engine.
func Start(ctx context.Context, cfg Config) (*Node, error) {
	if cfg.Signer == nil || cfg.ChainID == "" || cfg.Listen == "" {
		return nil, errors.New("tss: signer key, chain id and listen address are required")
	}
	if cfg.Logger == nil {
		cfg.Logger = log.NewNopLogger()
	}
	if cfg.Registerer == nil {
		cfg.Registerer = prometheus.DefaultRegisterer
	}
	if cfg.PreparamsTarget == 0 {
		cfg.PreparamsTarget = 2
	}
	nodeKey, err := keystore.LoadNodeKey(filepath.Join(cfg.Home, "config", "node_key.json"))
	if err != nil {
		return nil, fmt.Errorf("tss: %w", err)
	}
	store, err := keystore.Open(filepath.Join(cfg.Home, "tss"), nodeKey, keystore.Options{Passphrase: cfg.Passphrase, Create: true})
	if err != nil {
		return nil, fmt.Errorf("tss store: %w", err)
	}
	dir := &directory{}
	metrics := newTransportMetrics(cfg.Registerer, cfg.Logger)
	// The transport proves equivocations; the engine, built after it, claims them.
	var proven atomic.Pointer[engine.Engine]
	tr, err := transport.New(transport.Config{
		ChainID: cfg.ChainID, Self: cfg.Signer, Listen: cfg.Listen, Directory: dir,
		SendRetries: 5, Metrics: metrics,
		OnEquivocation: func(p transport.EquivocationProof) {
			cfg.Logger.Error("tss: equivocation proven", "session", fmt.Sprintf("%x", p.Session[:4]), "origin", p.Slot.Origin.Hex(), "round", p.Slot.Round)
			if e := proven.Load(); e != nil {
				e.ProvenEquivocation(p.Session, p.Slot.Origin)
			}
		},
	})
	if err != nil {
		return nil, fmt.Errorf("tss transport: %w", err)
	}
	ctx, cancel := context.WithCancel(ctx)
	if err := tr.Start(ctx); err != nil {
		cancel()
		return nil, fmt.Errorf("tss transport: %w", err)
	}
	endpoint := cfg.Endpoint
	if endpoint == "" {
		endpoint = "http://" + tr.Addr()
	}
	pool := preparams.NewPool(store)
	gate := preparams.NewSessions()
	gen := preparams.GenerateFunc(nil)
	if cfg.GenerateExe != "" {
		gen = preparams.ChildGenerate(cfg.GenerateExe, cfg.GenerateArgs...)
	}
	topup := &preparams.TopUp{Pool: pool, Target: cfg.PreparamsTarget, Gate: gate, Generate: gen, Logger: cfg.Logger.With("component", "preparams")}
	eng, err := engine.New(engine.Config{
		Self: crypto.PubkeyToAddress(cfg.Signer.PublicKey), Endpoint: endpoint,
		Shares: store.Shares(), Preparams: pool, Marks: store, Net: transportNet{t: tr}, Gate: gate,
		Logger: cfg.Logger, RoundTimeout: cfg.RoundTimeout, Metrics: engine.NewMetrics(cfg.Registerer),
	})
	if err != nil {
		cancel()
		tr.Close()
		return nil, err
	}
	proven.Store(eng)
	n := &Node{Engine: eng, Store: store, Pool: pool, TopUp: topup, Transport: tr, dir: dir, cancel: cancel}
	n.wg.Add(1)
	go func() { defer n.wg.Done(); _ = eng.Run(ctx) }()
	if cfg.PreparamsTarget > 0 {
		n.wg.Add(1)
		go func() { defer n.wg.Done(); _ = topup.Run(ctx) }()
	}
	cfg.Logger.Info("tss engine started", "address", crypto.PubkeyToAddress(cfg.Signer.PublicKey).Hex(), "endpoint", endpoint, "preparams", pool.Count())
	return n, nil
}

// Observe hands the engine the chain's work and the parties' endpoints.
func (n *Node) Observe(w engine.Work) {
	n.dir.update(w)
	n.Engine.Observe(w)
}

// Report is the engine's report for the vote extension.
func (n *Node) Report() engine.Report { return n.Engine.Report() }

// Stop ends the engine, the top-up and the transport.
func (n *Node) Stop() {
	n.cancel()
	n.Transport.Close()
	n.wg.Wait()
}

// directory is the transport's view of where parties listen: what the chain last
// said, session by session.
type directory struct {
	mu        sync.RWMutex
	endpoints map[common.Address]string
}

func (d *directory) update(w engine.Work) {
	m := map[common.Address]string{}
	for _, p := range w.Peers {
		if p.Endpoint != "" {
			m[p.Address] = p.Endpoint
		}
	}
	for _, s := range w.Sessions {
		for _, list := range [][]engine.Party{s.Parties, s.OldParties, s.NewParties} {
			for _, p := range list {
				if p.Endpoint != "" {
					m[p.Address] = p.Endpoint
				}
			}
		}
	}
	d.mu.Lock()
	d.endpoints = m
	d.mu.Unlock()
}

// Endpoint implements transport.Directory.
func (d *directory) Endpoint(a common.Address) (string, bool) {
	d.mu.RLock()
	defer d.mu.RUnlock()
	e, ok := d.endpoints[a]
	return e, ok
}
