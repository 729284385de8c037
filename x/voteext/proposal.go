package voteext

import (
	"fmt"

	abci "github.com/cometbft/cometbft/abci/types"
	cmttypes "github.com/cometbft/cometbft/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
)

// PrepareProposalHandler returns the sdk.PrepareProposalHandler. When the block must
// carry the extended commit of the previous height, the proposer puts its local copy
// (CometBFT's req.LocalLastCommit) first and leaves the rest of the byte budget to the
// wrapped handler. The commit goes in even if the wrapped handler fails: without it
// every honest validator would reject the block.
func (h *Handlers) PrepareProposalHandler() sdk.PrepareProposalHandler {
	return func(ctx sdk.Context, req *abci.RequestPrepareProposal) (*abci.ResponsePrepareProposal, error) {
		if !CommitInjected(ctx.ConsensusParams(), req.Height) {
			return h.prepare(ctx, req)
		}
		injected, err := req.LocalLastCommit.Marshal()
		if err != nil { // cannot happen for a well-formed message; nothing sane to propose
			h.logger.Error("encoding local last commit", "height", req.Height, "err", err)
			return &abci.ResponsePrepareProposal{}, nil
		}
		// CometBFT counts each tx with its protobuf framing; so does the default handler.
		size := cmttypes.ComputeProtoSizeForTxs([]cmttypes.Tx{injected})
		alone := &abci.ResponsePrepareProposal{Txs: [][]byte{injected}}
		if size > req.MaxTxBytes {
			h.logger.Error("extended commit alone exceeds the block's tx bytes", "height", req.Height, "size", size, "max", req.MaxTxBytes)
			return alone, nil
		}
		inner := *req
		inner.MaxTxBytes = req.MaxTxBytes - size
		resp, err := h.safePrepare(h.afterTally(ctx, req.Height, injected, commitInfoOf(req.LocalLastCommit)), &inner)
		if err != nil || resp == nil {
			h.logger.Error("mempool proposal handler failed; proposing the extended commit alone", "height", req.Height, "err", err)
			return alone, nil
		}
		txs := make([][]byte, 0, 1+len(resp.Txs))
		txs = append(txs, injected)
		txs = append(txs, resp.Txs...)
		return &abci.ResponsePrepareProposal{Txs: txs}, nil
	}
}

func (h *Handlers) safePrepare(ctx sdk.Context, req *abci.RequestPrepareProposal) (resp *abci.ResponsePrepareProposal, err error) {
	defer func() {
		if r := recover(); r != nil {
			resp, err = nil, fmt.Errorf("panic: %v", r)
		}
	}()
	return h.prepare(ctx, req)
}

// ProcessProposalHandler returns the sdk.ProcessProposalHandler. When the block must
// carry the extended commit of the previous height, its first tx must be that commit,
// complete and authentic (see checkCommit); the other txs go to the wrapped handler.
// It does no I/O beyond reading the chain's validator record, and never returns an
// error: every problem is a REJECT.
func (h *Handlers) ProcessProposalHandler() sdk.ProcessProposalHandler {
	reject := func() *abci.ResponseProcessProposal {
		return &abci.ResponseProcessProposal{Status: abci.ResponseProcessProposal_REJECT}
	}
	return func(ctx sdk.Context, req *abci.RequestProcessProposal) (resp *abci.ResponseProcessProposal, err error) {
		defer func() {
			if r := recover(); r != nil {
				h.logger.Error("panic processing proposal; rejecting", "height", req.Height, "panic", fmt.Sprint(r))
				resp, err = reject(), nil
			}
		}()
		inner := req
		if CommitInjected(ctx.ConsensusParams(), req.Height) {
			if len(req.Txs) == 0 {
				h.logger.Error("rejecting proposal without the extended commit", "height", req.Height, "err", ErrMissingCommit)
				return reject(), nil
			}
			set, err := h.sets.ValidatorSetAt(ctx, req.Height-1)
			if err != nil {
				h.logger.Error("no recorded validator set; rejecting proposal", "height", req.Height, "err", err)
				return reject(), nil
			}
			if _, err := h.checkCommit(ctx.ChainID(), req.Height, req.Txs[0], req.ProposedLastCommit, set, true); err != nil {
				h.logger.Error("rejecting proposal: bad extended commit", "height", req.Height, "proposer", fmt.Sprintf("%X", req.ProposerAddress), "err", err)
				return reject(), nil
			}
			stripped := *req
			stripped.Txs = req.Txs[1:]
			inner = &stripped
			ctx = h.afterTally(ctx, req.Height, req.Txs[0], req.ProposedLastCommit)
		}
		resp, err = h.process(ctx, inner)
		if err != nil || resp == nil {
			h.logger.Error("mempool proposal handler failed; rejecting", "height", req.Height, "err", err)
			return reject(), nil
		}
		return resp, nil
	}
}

// afterTally returns a branch of ctx on which the extended commit's tally is applied as
// PreBlock will apply it in FinalizeBlock, before the block's transactions run; the
// wrapped handler checks the transactions on that state, the one they will run on. (A
// relay of an event the tally applies is then refused before inclusion, instead of
// passing the checks and failing in execution.) The branch is thrown away.
func (h *Handlers) afterTally(ctx sdk.Context, height int64, injected []byte, lastCommit abci.CommitInfo) sdk.Context {
	branch, _ := ctx.CacheContext()
	h.preBlock(branch.WithEventManager(sdk.NewEventManager()), &abci.RequestFinalizeBlock{
		Height: height, Txs: [][]byte{injected}, DecidedLastCommit: lastCommit})
	return branch
}

// commitInfoOf is the commit CometBFT decides from the proposer's extended commit: the
// same votes and flags, without the extensions (FinalizeBlock's DecidedLastCommit).
func commitInfoOf(ext abci.ExtendedCommitInfo) abci.CommitInfo {
	votes := make([]abci.VoteInfo, len(ext.Votes))
	for i, v := range ext.Votes {
		votes[i] = abci.VoteInfo{Validator: v.Validator, BlockIdFlag: v.BlockIdFlag}
	}
	return abci.CommitInfo{Round: ext.Round, Votes: votes}
}
