package app

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	cmtjson "github.com/cometbft/cometbft/libs/json"
	"github.com/cometbft/cometbft/privval"
	servertypes "github.com/cosmos/cosmos-sdk/server/types"

	"github.com/themis-network/themis/bridge/l2"
	"github.com/themis-network/themis/x/epoch/reporter"
	epochtypes "github.com/themis-network/themis/x/epoch/types"
	"github.com/themis-network/themis/x/voteext"
)

// epochReportSources builds this node's x/epoch report source when it follows an L2
// node: the bridge's L2 watcher runs in the node so that ExtendVote reads the head, and
// the blocks the L2 node refused for a wrong state root, from memory. Without an L2
// node the node reports nothing and is never scheduled.
func epochReportSources(app *App, appOpts servertypes.AppOptions, cfg ThemisConfig) map[string]voteext.ReportSource {
	heads, _ := appOpts.Get(OptL2Heads).(reporter.Heads)
	if heads == nil && cfg.L2RPC != "" {
		w, err := l2.NewWatcher(l2.Config{RPC: cfg.L2RPC, ExpectChainID: cfg.L2ChainID}, app.Logger().With("module", "l2-watcher"))
		if err != nil {
			panic(fmt.Errorf("[themis] l2-rpc: %w", err)) // start-up configuration error
		}
		ctx, cancel := context.WithCancel(context.Background())
		app.stopBackground = append(app.stopBackground, cancel)
		go func() { _ = w.Run(ctx) }()
		heads = watcherHeads{w}
		app.nodeHealth.L2 = w
	}
	if heads == nil {
		return nil
	}
	home := castString(appOpts.Get("home"), DefaultNodeHome)
	keyFile := inHome(home, castString(appOpts.Get("priv_validator_key_file"), filepath.Join("config", "priv_validator_key.json")))
	addr, err := consAddressOf(keyFile)
	if err != nil {
		panic(fmt.Errorf("[themis] l2 reports need the validator key: %w", err))
	}
	secret, err := reporter.LoadOrCreateSecret(filepath.Join(home, "data", "epoch_onion_secret"))
	if err != nil {
		panic(fmt.Errorf("[themis] onion secret: %w", err))
	}
	// The refused blocks come from the same watcher (an in-process source may offer
	// them too); the chain's state says which of them are still worth reporting.
	rejections, _ := heads.(reporter.Rejections)
	src, err := reporter.New(reporter.Config{
		ConsAddress: addr, Secret: secret, Heads: heads, MaxSilence: cfg.L2MaxSilence,
		Rejections: rejections, WrongRoots: app.EpochKeeper,
	}, app.EpochKeeper.Onions)
	if err != nil {
		panic(fmt.Errorf("[themis] epoch reporter: %w", err))
	}
	return map[string]voteext.ReportSource{epochtypes.ModuleName: src}
}

// watcherHeads adapts the bridge's L2 watcher to the reporter.
type watcherHeads struct{ w *l2.Watcher }

func (h watcherHeads) Head() (reporter.Head, bool) {
	head, ok := h.w.Head()
	return reporter.Head{Height: head.Height, Hash: head.Hash, Time: head.Time}, ok
}

func (h watcherHeads) LastSuccess() time.Time { return h.w.LastSuccess() }

// Rejected implements reporter.Rejections: the refused blocks the watcher caches.
func (h watcherHeads) Rejected() [][]byte { return h.w.Rejected() }

// consAddressOf reads the validator address from a priv_validator_key.json.
func consAddressOf(keyFile string) ([]byte, error) {
	bz, err := os.ReadFile(keyFile)
	if err != nil {
		return nil, err
	}
	var key privval.FilePVKey
	if err := cmtjson.Unmarshal(bz, &key); err != nil {
		return nil, fmt.Errorf("%s: %w", keyFile, err)
	}
	return key.Address, nil
}

func inHome(home, p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(home, p)
}
