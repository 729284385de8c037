package app

import (
	"context"
	"fmt"

	servertypes "github.com/cosmos/cosmos-sdk/server/types"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/themis-network/themis/bridge/l2"
	"github.com/themis-network/themis/x/mpc/reporter"
	"github.com/themis-network/themis/x/voteext"
)

// mpcL1ReportSource builds this node's "mpc-l1" report source: a watcher in the node
// polls its own L1 node (the pool's nonce, balance and receipts, the base fee) and L2
// node (the proposed batch's commitment) so that ExtendVote reads them from memory.
// Either node alone is worth running: each fact is tallied on its own, and a node
// without an L1 client can still vote on batches. Neither: nil, nothing reported.
func mpcL1ReportSource(app *App, appOpts servertypes.AppOptions, cfg ThemisConfig) voteext.ReportSource {
	if src, ok := appOpts.Get(OptMpcL1Reports).(voteext.ReportSource); ok && src != nil {
		return src
	}
	if cfg.L1RPC == "" && cfg.L2RPC == "" {
		return nil
	}
	var closers []func()
	watch := reporter.L1WatchConfig{Logger: app.Logger().With("module", "mpc-l1")}
	if cfg.L1RPC != "" {
		c, err := ethclient.DialContext(context.Background(), cfg.L1RPC)
		if err != nil {
			panic(fmt.Errorf("[themis] l1-rpc %q: %w", cfg.L1RPC, err)) // start-up configuration error
		}
		watch.L1 = c
		closers = append(closers, c.Close)
	}
	if cfg.L2RPC != "" {
		c, err := l2.Dial(cfg.L2RPC, 0)
		if err != nil {
			panic(fmt.Errorf("[themis] l2-rpc: %w", err))
		}
		watch.L2 = c
		closers = append(closers, c.Close)
	}
	w := reporter.NewL1Watcher(watch)
	ctx, cancel := context.WithCancel(context.Background())
	app.stopBackground = append(app.stopBackground, func() {
		cancel()
		for _, closeClient := range closers {
			closeClient()
		}
	})
	go func() { _ = w.Run(ctx) }()
	return reporter.NewL1Source(app.MpcKeeper, app.SequencerKeeper, w)
}
