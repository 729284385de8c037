package voteext

import (
	"fmt"
	"strconv"

	abci "github.com/cometbft/cometbft/abci/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
)

// Event emitted once per tallied block.
const (
	EventTypeTally    = "voteext_tally"
	AttributeHeight   = "height"
	AttributeDecided  = "decided"
	AttributeApproved = "approved"
	AttributeRejected = "rejected"
	AttributeResolved = "resolved"
	AttributeFailed   = "failed"
)

// PreBlocker returns the sdk.PreBlocker that tallies the injected extended commit of
// the previous height and resolves the decided items.
//
// It never returns an error and never panics: a PreBlocker error halts the chain, and
// the block already passed ProcessProposal. Every node runs the same deterministic
// code on the same block (no clock, no I/O, no map order), so skipping is as
// deterministic as tallying.
func (h *Handlers) PreBlocker() sdk.PreBlocker {
	return func(ctx sdk.Context, req *abci.RequestFinalizeBlock) (*sdk.ResponsePreBlock, error) {
		h.preBlock(ctx, req)
		return &sdk.ResponsePreBlock{}, nil
	}
}

func (h *Handlers) preBlock(ctx sdk.Context, req *abci.RequestFinalizeBlock) {
	defer func() {
		if r := recover(); r != nil {
			h.logger.Error("panic in vote tally; skipped", "height", req.Height, "panic", fmt.Sprint(r))
		}
	}()
	if !CommitInjected(ctx.ConsensusParams(), req.Height) {
		return
	}
	if len(req.Txs) == 0 {
		h.logger.Error("block without the extended commit; tally skipped", "height", req.Height)
		return
	}
	set, err := h.sets.ValidatorSetAt(ctx, req.Height-1)
	if err != nil {
		h.logger.Error("no recorded validator set; tally skipped", "height", req.Height, "err", err)
		return
	}
	ballots, err := h.checkCommit(ctx.ChainID(), req.Height, req.Txs[0], req.DecidedLastCommit, set, false)
	if err != nil {
		h.logger.Error("bad extended commit in a finalized block; tally skipped", "height", req.Height, "err", err)
		return
	}
	results, err := Tally(set, ballots)
	if err != nil {
		h.logger.Error("tally failed; skipped", "height", req.Height, "err", err)
		return
	}

	var decided, approved, rejected, resolved, failed int
	for _, r := range results { // sorted by (module, digest)
		if !r.Decided() {
			if !r.JudgedByMost(set.TotalPower) {
				continue // named by a minority only: it proves nothing about the item
			}
			if err := h.undecided(ctx, r); err != nil {
				h.logger.Error("recording an undecided side tx failed; nothing written", "height", req.Height,
					"module", r.Module, "digest", fmt.Sprintf("%X", r.Digest), "err", err)
			}
			continue
		}
		decided++
		if r.Outcome == OutcomeApproved {
			approved++
		} else {
			rejected++
		}
		if err := h.resolve(ctx, r); err != nil {
			failed++
			h.logger.Error("resolving side tx failed; nothing written", "height", req.Height,
				"module", r.Module, "digest", fmt.Sprintf("%X", r.Digest), "outcome", r.Outcome.String(), "err", err)
			continue
		}
		resolved++
	}
	// Reports are applied after the items, for the height whose extensions they are.
	h.applyReports(ctx, req.Height-1, set, ballots)
	ctx.EventManager().EmitEvent(sdk.NewEvent(EventTypeTally,
		sdk.NewAttribute(AttributeHeight, strconv.FormatInt(req.Height, 10)),
		sdk.NewAttribute(AttributeDecided, strconv.Itoa(decided)),
		sdk.NewAttribute(AttributeApproved, strconv.Itoa(approved)),
		sdk.NewAttribute(AttributeRejected, strconv.Itoa(rejected)),
		sdk.NewAttribute(AttributeResolved, strconv.Itoa(resolved)),
		sdk.NewAttribute(AttributeFailed, strconv.Itoa(failed)),
	))
}

// resolve hands one decided item to its queue in a cache context that is written only
// when Resolve returns nil, so a failing (or panicking) Resolve leaves no half-applied
// state and no events behind.
func (h *Handlers) resolve(ctx sdk.Context, r ItemTally) error {
	return h.inBranch(ctx, r.Module, func(q SideTxQueue, branch sdk.Context) error {
		return q.Resolve(branch, r.Digest, r.Outcome)
	})
}

// undecided tells the queue that a vote judged the item without a decision, under the
// same all-or-nothing rule as resolve.
func (h *Handlers) undecided(ctx sdk.Context, r ItemTally) error {
	return h.inBranch(ctx, r.Module, func(q SideTxQueue, branch sdk.Context) error {
		return q.Undecided(branch, r.Digest)
	})
}

func (h *Handlers) inBranch(ctx sdk.Context, module string, call func(SideTxQueue, sdk.Context) error) (err error) {
	q, ok := h.byModule[module]
	if !ok { // strict decoding admits registered modules only
		return fmt.Errorf("no queue for module %q", module)
	}
	cacheCtx, write := ctx.CacheContext()
	defer func() {
		if rec := recover(); rec != nil {
			err = fmt.Errorf("panic in the %s queue: %v", module, rec)
		}
	}()
	if err := call(q, cacheCtx); err != nil {
		return err
	}
	write()
	return nil
}
