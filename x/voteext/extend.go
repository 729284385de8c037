package voteext

import (
	"bytes"
	"context"
	"fmt"

	storetypes "cosmossdk.io/store/types"
	abci "github.com/cometbft/cometbft/abci/types"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/themis-network/themis/x/voteext/types"
)

// ExtendVote is the only place where this framework touches the outside world (an L1
// node, ...): its result is a signed opinion, not state, so it may differ between
// validators and may use the clock. Everything after it is pure and deterministic.
//
// It never returns an error: CometBFT treats an ExtendVote error as fatal. Whatever
// goes wrong (slow or panicking observer, failing queue) turns into
// VERDICT_UNSPECIFIED for the items concerned, or at worst into an extension without
// verdicts.

// ExtendVoteHandler returns the sdk.ExtendVoteHandler.
func (h *Handlers) ExtendVoteHandler() sdk.ExtendVoteHandler {
	return func(ctx sdk.Context, req *abci.RequestExtendVote) (*abci.ResponseExtendVote, error) {
		return &abci.ResponseExtendVote{VoteExtension: h.extendVote(ctx, req)}, nil
	}
}

// emptyExtension is the extension of a validator with nothing to say.
func emptyExtension(height int64) []byte {
	bz, err := EncodeVoteExtension(types.VoteExtension{Height: height})
	if err != nil { // cannot happen: an int64 always encodes
		return nil
	}
	return bz
}

func (h *Handlers) extendVote(ctx sdk.Context, req *abci.RequestExtendVote) (bz []byte) {
	height := req.Height
	defer func() {
		if r := recover(); r != nil {
			h.logger.Error("panic in ExtendVote; voting no verdicts", "height", height, "panic", fmt.Sprint(r))
			bz = emptyExtension(height)
		}
	}()

	// One deadline for the whole call: items not reached by then get UNSPECIFIED.
	parent := ctx.Context()
	if parent == nil {
		parent = context.Background()
	}
	obsCtx, cancel := context.WithTimeout(parent, h.budget)
	defer cancel()

	ext := types.VoteExtension{
		Height:   height,
		Verdicts: h.collectVerdicts(ctx, obsCtx, h.voteRound(ctx, req)),
		Reports:  h.collectReports(ctx, obsCtx, height),
	}
	bz, err := EncodeVoteExtension(ext)
	if err == nil {
		// Never sign what the other validators would refuse: that would only get
		// this validator's precommit dropped.
		_, err = DecodeAndCheck(bz, height, h.modules, h.reportChecks)
	}
	if err != nil {
		h.logger.Error("own vote extension is invalid; voting no verdicts", "height", height, "err", err)
		return emptyExtension(height)
	}
	return bz
}

// collectVerdicts walks the queues in their configured order and the items in the
// order Pending returns them, skipping what the strict decoder would refuse and what
// block round.Height resolves anyway.
func (h *Handlers) collectVerdicts(ctx sdk.Context, obsCtx context.Context, round VoteRound) []*types.SideTxVerdict {
	var out []*types.SideTxVerdict
	seen := make(map[itemID]struct{})
	for _, q := range h.queues {
		room := MaxVerdictsPerExtension - len(out)
		if room <= 0 {
			h.logger.Info("vote extension full; remaining queues wait for a later height", "module", q.Module())
			break
		}
		limit := min(h.maxItems, room)
		module := q.Module()
		items, err := h.pending(ctx, q, limit, round)
		if err != nil {
			h.logger.Error("reading pending side txs", "module", module, "err", err)
			continue
		}
		if len(items) > limit {
			items = items[:limit]
		}
		slot := h.observers[module]
		for _, item := range items {
			if len(item.Digest) != DigestLen {
				h.logger.Error("pending side tx has a malformed digest; skipped", "module", module, "id", item.ID, "len", len(item.Digest))
				continue
			}
			k := itemID{module: module, digest: string(item.Digest)}
			if _, dup := seen[k]; dup || round.Deciding(module, item.Digest) {
				continue
			}
			seen[k] = struct{}{}
			verdict := types.Verdict_VERDICT_UNSPECIFIED
			if slot != nil && obsCtx.Err() == nil {
				verdict = h.observe(obsCtx, ctx, slot, module, item)
			}
			out = append(out, &types.SideTxVerdict{
				Module:  module,
				Digest:  bytes.Clone(item.Digest),
				Verdict: verdict,
			})
		}
	}
	return out
}

// pending calls q.Pending, turning a panic into an error.
func (h *Handlers) pending(ctx sdk.Context, q SideTxQueue, limit int, round VoteRound) (items []SideTx, err error) {
	defer func() {
		if r := recover(); r != nil {
			items, err = nil, fmt.Errorf("panic in Pending: %v", r)
		}
	}()
	return q.Pending(ctx, limit, round)
}

// observe asks slot's observer about item and waits at most until obsCtx's deadline.
//
// The call runs in its own goroutine so that an observer that ignores its context
// cannot hold up the vote; if it is abandoned, the slot stays busy until it returns
// and the observer is not asked again meanwhile. It reads chain state through its own
// cache branch with its own gas meter, so a late call shares nothing mutable with the
// rest of ExtendVote.
func (h *Handlers) observe(obsCtx context.Context, chain sdk.Context, slot *observerSlot, module string, item SideTx) types.Verdict {
	if !slot.busy.CompareAndSwap(false, true) {
		h.logger.Info("observer still busy with an abandoned call", "module", module, "id", item.ID)
		return types.Verdict_VERDICT_UNSPECIFIED
	}
	branch, _ := chain.CacheContext()
	branch = branch.WithGasMeter(storetypes.NewInfiniteGasMeter())
	done := make(chan types.Verdict, 1) // buffered: a late result is dropped, not blocked on
	go func() {
		v := types.Verdict_VERDICT_UNSPECIFIED
		defer func() {
			if r := recover(); r != nil {
				h.logger.Error("observer panicked; voting UNSPECIFIED", "module", module, "id", item.ID, "panic", fmt.Sprint(r))
				v = types.Verdict_VERDICT_UNSPECIFIED
			}
			slot.busy.Store(false)
			done <- v
		}()
		v = slot.obs.Observe(obsCtx, branch, item)
	}()
	select {
	case v := <-done:
		switch v {
		case types.Verdict_VERDICT_YES, types.Verdict_VERDICT_NO:
			return v
		case types.Verdict_VERDICT_UNSPECIFIED:
			return v
		default:
			h.logger.Error("observer returned an invalid verdict; voting UNSPECIFIED", "module", module, "id", item.ID, "verdict", int32(v))
			return types.Verdict_VERDICT_UNSPECIFIED
		}
	case <-obsCtx.Done():
		h.logger.Info("observe budget exhausted; voting UNSPECIFIED", "module", module, "id", item.ID)
		return types.Verdict_VERDICT_UNSPECIFIED
	}
}
