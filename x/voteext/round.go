package voteext

import (
	abci "github.com/cometbft/cometbft/abci/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
)

// voteRound gathers what ExtendVote(H) may know of block H beyond the state of H-1:
// block H's messages (relays not yet queued) and the items block H's PreBlock will
// resolve. Without it a relay waits a block before anyone votes on it, and an item is
// voted again in the vote on the very block that decides it, which wastes its slot.
//
// A validator precommits block H only once more than 2/3 of the power prevoted it,
// i.e. accepted it in ProcessProposal, which verified the injected commit's
// signatures; so it is re-read here without them (as PreBlock does). Anything that
// fails here only costs the optimisation: the round then knows nothing of block H, and
// a wrongly skipped item is simply voted on at the next height.
func (h *Handlers) voteRound(ctx sdk.Context, req *abci.RequestExtendVote) VoteRound {
	round := VoteRound{Height: req.Height}
	txs := req.Txs
	if CommitInjected(ctx.ConsensusParams(), req.Height) && len(txs) > 0 {
		round.deciding = h.decidedBy(ctx, req.Height, txs[0], req.ProposedLastCommit)
		txs = txs[1:]
	}
	round.Incoming = h.decodeMsgs(txs)
	return round
}

// decidedBy tallies the extended commit of height-1 that block height carries, exactly
// as PreBlock(height) will, and returns the items it decides.
func (h *Handlers) decidedBy(ctx sdk.Context, height int64, injected []byte, last abci.CommitInfo) map[itemID]struct{} {
	set, err := h.sets.ValidatorSetAt(ctx, height-1)
	if err != nil {
		h.logger.Info("no recorded validator set to pre-tally; items may be voted twice", "height", height, "err", err)
		return nil
	}
	ballots, err := h.checkCommit(ctx.ChainID(), height, injected, last, set, false)
	if err != nil {
		h.logger.Info("cannot read the block's extended commit; items may be voted twice", "height", height, "err", err)
		return nil
	}
	results, err := Tally(set, ballots)
	if err != nil {
		return nil
	}
	decided := make(map[itemID]struct{})
	for _, r := range results {
		if r.Decided() {
			decided[itemID{module: r.Module, digest: string(r.Digest)}] = struct{}{}
		}
	}
	return decided
}

// decodeMsgs decodes the block's transactions into their messages, in block order.
// A transaction that does not decode is skipped: it cannot queue anything either.
func (h *Handlers) decodeMsgs(txs [][]byte) []sdk.Msg {
	if h.txDecoder == nil {
		return nil
	}
	var msgs []sdk.Msg
	for _, bz := range txs {
		tx, err := h.txDecoder(bz)
		if err != nil {
			continue
		}
		msgs = append(msgs, tx.GetMsgs()...)
	}
	return msgs
}
