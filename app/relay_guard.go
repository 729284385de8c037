package app

import (
	sequencerante "github.com/themis-network/themis/x/sequencer/ante"
)

// newProposalGuard checks the ordinary transactions of a block as x/voteext's inner
// proposal handlers: it replays them on a branch of the proposal's state through this
// app's ante handler (fees, the fee-free relay quota, relays that would fail) and
// bounds their gas by the block's max_gas; see x/sequencer/ante/proposal.go.
//
// It sits inside x/voteext's handlers rather than around them: voteext strips the
// injected commit and sizes the byte budget first, recovers from a panic of the
// inner handler while still proposing the commit. The guard sees what CometBFT reaped
// from its mempool, which CometBFT cuts in arrival order at the block's max_gas (gas
// limits, not gas used) and max_bytes before the app sees it: that is why a fee-free
// relay's gas limit is bounded by its content (ante.Policy.FreeGasLimit), so a flood
// of free relays cannot reserve the reap's gas for nothing.
func (app *App) newProposalGuard() sequencerante.ProposalGuard {
	return sequencerante.ProposalGuard{
		Decoder:  app.txConfig.TxDecoder(),
		Ante:     app.AnteHandler(),
		Router:   app.MsgServiceRouter(),
		Relayers: app.SequencerKeeper,
		Policy:   FeePolicy(),
		Logger:   app.Logger().With("module", "proposal-guard"),
	}
}
