package bridge

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"cosmossdk.io/log"
	"github.com/ethereum/go-ethereum/common"

	"github.com/themis-network/themis/bridge/health"
	"github.com/themis-network/themis/bridge/l2"
	"github.com/themis-network/themis/bridge/listener"
	"github.com/themis-network/themis/bridge/processor"
	"github.com/themis-network/themis/bridge/reconcile"
	"github.com/themis-network/themis/bridge/sender"
	"github.com/themis-network/themis/bridge/store"
)

// Deps are the bridge's connections, built by the command (or a test).
type Deps struct {
	L1 listener.L1Client
	// Decode, Topics and NotStakingEvent describe the staking contract's events.
	Decode          listener.Decoder
	Topics          []common.Hash
	NotStakingEvent error

	Chain   processor.Chain
	Relayer processor.Relayer
	// Submitter is the operator's chain address (bech32).
	Submitter string

	Logger log.Logger
	// Monitor collects health and metrics; nil makes one (the command passes its own so
	// that the broadcaster reports into it too).
	Monitor *health.Monitor
	// Ready, when set, is called once the health server listens and the store is open.
	Ready func(healthAddr string)

	// PoolTxs and PoolL1, when set (and Config.SendPoolTxs), run the sender that
	// carries the pool's signed transactions to L1.
	PoolTxs sender.Chain
	PoolL1  sender.L1

	// Reconcile, when set, runs the watcher of the chain's L1 actions and contract
	// changes not yet confirmed on L1 (/healthz "divergence", themis_bridge_l1_*).
	Reconcile reconcile.Chain
}

// Run runs the listener, the processor and the health server until ctx ends, then
// closes the store. Every range and removal is fsync'ed as it happens, so there is
// nothing else to flush. It returns early on a fatal error (wrong L1 chain, store).
func Run(ctx context.Context, cfg Config, deps Deps) error {
	logger := deps.Logger
	if logger == nil {
		logger = log.NewNopLogger()
	}
	st, err := store.Open(cfg.DataDir, cfg.Identity(), store.Options{Capacity: cfg.OutboxCapacity, Logger: logger})
	if err != nil {
		return err
	}
	defer func() {
		if err := st.Close(); err != nil {
			logger.Error("bridge: closing the store", "err", err)
		}
	}()

	mon := deps.Monitor
	if mon == nil {
		mon = health.NewMonitor(health.Options{MaxLag: cfg.MaxLag})
	}
	if c, ok := st.Cursor(); ok {
		mon.Cursor(c)
	}
	mon.OutboxPending(st.Len())

	// The L2 watcher only feeds health and metrics here; the node runs its own for the
	// vote extension. Built before the health server so a bad URL fails at start.
	var l2w *l2.Watcher
	if cfg.L2RPC != "" {
		l2w, err = l2.NewWatcher(l2.Config{RPC: cfg.L2RPC, ExpectChainID: cfg.L2ChainID}, logger.With("component", "l2-watcher"))
		if err != nil {
			return fmt.Errorf("--l2-rpc: %w", err)
		}
		mon.WatchL2(l2w, health.L2Options{MaxSilence: cfg.L2MaxSilence, StallAfter: cfg.L2StallAfter})
	}

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	addr, serveDone, err := health.Serve(ctx, cfg.HealthAddr, mon.Handler())
	if err != nil {
		return err
	}

	lis, err := listener.New(listener.Config{
		Contract:        cfg.Contract(),
		Topics:          deps.Topics,
		StartBlock:      cfg.StartBlock,
		Confirmations:   cfg.Confirmations,
		UseFinalized:    cfg.UseFinalized,
		ChunkSize:       cfg.ChunkSize,
		PollInterval:    cfg.PollInterval,
		ChainID:         cfg.L1ChainID,
		Decode:          deps.Decode,
		NotStakingEvent: deps.NotStakingEvent,
		Logger:          logger.With("component", "l1-listener"),
		Monitor:         mon,
	}, deps.L1, st)
	if err != nil {
		return err
	}
	proc, err := processor.New(processor.Config{
		Submitter:    deps.Submitter,
		PollInterval: cfg.PollInterval,
		Logger:       logger.With("component", "processor"),
		Monitor:      mon,
	}, st, deps.Chain, deps.Relayer)
	if err != nil {
		return err
	}

	cursor, hasCursor := st.Cursor()
	logger.Info("bridge started",
		"health", "http://"+addr.String()+"/healthz", "metrics", "http://"+addr.String()+"/metrics",
		"staking_contract", cfg.StakingContract, "l1_chain_id", cfg.L1ChainID,
		"confirmations", cfg.Confirmations, "finalized", cfg.UseFinalized,
		"next_block", lis.Next(), "has_cursor", hasCursor, "cursor", cursor,
		"outbox", st.Len(), "parked", st.ParkedLen(), "submitter", deps.Submitter, "data_dir", cfg.DataDir, "l2_watcher", l2w != nil)
	if !hasCursor && cfg.StartBlock == 0 {
		logger.Info("bridge: no cursor and --start-block 0: scanning L1 from genesis; pass the staking contract's deploy block to skip the empty history")
	}
	if deps.Ready != nil {
		deps.Ready(addr.String())
	}

	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		firstErr error
	)
	run := func(name string, f func(context.Context) error) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := f(ctx); err != nil {
				mu.Lock()
				if firstErr == nil {
					firstErr = fmt.Errorf("%s: %w", name, err)
				}
				mu.Unlock()
				cancel()
			}
		}()
	}
	run("L1 listener", lis.Run)
	run("processor", proc.Run)
	if l2w != nil {
		run("L2 watcher", l2w.Run)
	}
	if cfg.SendPoolTxs && deps.PoolTxs != nil && deps.PoolL1 != nil {
		snd, err := sender.New(sender.Config{
			Interval: cfg.PoolTxInterval, Resend: cfg.PoolTxResend, DropVersions: cfg.FaultDropPoolTxVersions,
			Logger: logger.With("component", "pool-tx-sender"), Metrics: sender.NewMetrics(mon.Registry()),
		}, deps.PoolTxs, deps.PoolL1)
		if err != nil {
			return err
		}
		run("pool tx sender", snd.Run)
	}
	if deps.Reconcile != nil {
		w, err := reconcile.New(reconcile.Config{Logger: logger.With("component", "reconcile"), Monitor: mon,
			Metrics: reconcile.NewMetrics(mon.Registry())}, deps.Reconcile)
		if err != nil {
			return err
		}
		run("reconcile watcher", w.Run)
	}
	wg.Wait()
	cancel()
	if err := <-serveDone; err != nil && firstErr == nil {
		firstErr = fmt.Errorf("health server: %w", err)
	}
	if firstErr != nil && !errors.Is(firstErr, context.Canceled) {
		return firstErr
	}
	logger.Info("bridge stopped", "outbox", st.Len())
	return nil
}
