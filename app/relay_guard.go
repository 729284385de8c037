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
// inner handler while still proposing the commit, and the guard selects from the
// whole mempool before anything is cut for size or gas, so a flood ahead of an honest
// relay is filtered out instead of filling the block's budget.
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
