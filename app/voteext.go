package app

import (
	"context"
	"fmt"

	servertypes "github.com/cosmos/cosmos-sdk/server/types"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/themis-network/themis/bridge/l1"
	mpctypes "github.com/themis-network/themis/x/mpc/types"
	"github.com/themis-network/themis/x/sequencer/observer"
	sequencertypes "github.com/themis-network/themis/x/sequencer/types"
	"github.com/themis-network/themis/x/voteext"
)

// proposalHandlers handle a block's ordinary transactions (the proposal guard).
type proposalHandlers interface {
	PrepareProposalHandler() sdk.PrepareProposalHandler
	ProcessProposalHandler() sdk.ProcessProposalHandler
}

// newVoteExtHandlers registers each module's side-transaction queue and, when this
// node is configured with outside clients, its observers.
func newVoteExtHandlers(app *App, appOpts servertypes.AppOptions, txs proposalHandlers) *voteext.Handlers {
	cfg := readThemisConfig(appOpts)
	observers := map[string]voteext.SideTxObserver{}
	if cfg.L1FakeChainID != 0 {
		observers[sequencertypes.ModuleName] = observer.New(observer.NewFakeL1(cfg.L1FakeChainID), app.SequencerKeeper)
	}
	if cfg.L1RPC != "" {
		reader, err := l1.DialReader(context.Background(), cfg.L1RPC)
		if err != nil {
			panic(fmt.Errorf("[themis] l1-rpc: %w", err)) // start-up configuration error
		}
		observers[sequencertypes.ModuleName] = observer.New(reader, app.SequencerKeeper)
	}
	if reader, ok := appOpts.Get(OptL1Reader).(observer.L1Reader); ok && reader != nil {
		observers[sequencertypes.ModuleName] = observer.New(reader, app.SequencerKeeper)
	}
	return voteext.NewHandlers(voteext.Config{
		Logger:                 app.Logger(),
		ValidatorSets:          app.SequencerKeeper,
		Queues:                 []voteext.SideTxQueue{app.SequencerKeeper},
		Observers:              observers,
		Reporters:              []voteext.Reporter{app.EpochKeeper, app.MpcKeeper, app.MpcKeeper.L1Reporter()},
		ReportSources:          reportSources(app, appOpts, cfg),
		ObserveBudget:          cfg.ObserveBudget,
		TxDecoder:              app.TxConfig().TxDecoder(),
		PrepareProposalHandler: txs.PrepareProposalHandler(),
		ProcessProposalHandler: txs.ProcessProposalHandler(),
	})
}

// reportSources are this node's report sources: x/epoch's when it follows an L2 node,
// x/mpc's when a TSS engine runs in the node (passed in-process; without one the
// node reports nothing for x/mpc and takes part in no session), and x/mpc's mpc-l1
// when it has an L1 or L2 node.
func reportSources(app *App, appOpts servertypes.AppOptions, cfg ThemisConfig) map[string]voteext.ReportSource {
	sources := epochReportSources(app, appOpts, cfg)
	add := func(module string, src voteext.ReportSource) {
		if src == nil {
			return
		}
		if sources == nil {
			sources = map[string]voteext.ReportSource{}
		}
		sources[module] = src
	}
	add(mpctypes.ModuleName, mpcReportSource(app, appOpts, cfg))
	add(mpctypes.L1ReportModule, mpcL1ReportSource(app, appOpts, cfg))
	return sources
}
