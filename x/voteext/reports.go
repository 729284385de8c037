package voteext

import (
	"context"
	"fmt"
	"sort"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/themis-network/themis/x/voteext/types"
)

// collectReports asks this node's report sources, in reporter order, and keeps what
// the module's own strict check accepts. A failing, panicking or invalid source only
// costs its own report; the rest of the vote is unaffected.
func (h *Handlers) collectReports(chain sdk.Context, obsCtx context.Context, height int64) []*types.ModuleReport {
	var out []*types.ModuleReport
	for _, r := range h.reporters {
		module := r.Module()
		src, ok := h.sources[module]
		if !ok {
			continue
		}
		payload, err := h.report(obsCtx, chain, src, height)
		if err != nil {
			h.logger.Error("report source failed; reporting nothing", "module", module, "err", err)
			continue
		}
		if payload == nil {
			continue
		}
		if len(payload) > MaxReportBytes {
			h.logger.Error("report too large; reporting nothing", "module", module, "bytes", len(payload))
			continue
		}
		if err := safeCheck(r.CheckReport, payload); err != nil {
			h.logger.Error("own report is invalid; reporting nothing", "module", module, "err", err)
			continue
		}
		out = append(out, &types.ModuleReport{Module: module, Payload: payload})
	}
	// The canonical order is by module name, whatever the reporters' order.
	sort.Slice(out, func(i, j int) bool { return out[i].Module < out[j].Module })
	return out
}

// report calls a source on a cache branch of the committed state, turning a panic
// into an error.
func (h *Handlers) report(obsCtx context.Context, chain sdk.Context, src ReportSource, height int64) (payload []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			payload, err = nil, fmt.Errorf("panic in report source: %v", r)
		}
	}()
	branch, _ := chain.CacheContext()
	return src.Report(obsCtx, branch, height)
}

// applyReports hands each reporter the reports of the ballots, one entry per validator
// of the recorded set in the set's order, in a cache context written only when the
// reporter returns nil.
func (h *Handlers) applyReports(ctx sdk.Context, height int64, set ValidatorSet, ballots []Ballot) (applied, failed int) {
	byValidator := make(map[string]types.VoteExtension, len(ballots)) // lookups only
	for _, b := range ballots {
		byValidator[string(b.ConsAddress)] = b.Extension
	}
	for _, r := range h.reporters {
		module := r.Module()
		reports := make([]ValidatorReport, len(set.Validators))
		for i, v := range set.Validators {
			reports[i] = ValidatorReport{Validator: v}
			ext, ok := byValidator[string(v.ConsAddress)]
			if !ok {
				continue
			}
			for _, rep := range ext.Reports {
				if rep.Module == module {
					reports[i].Payload = rep.Payload
				}
			}
		}
		if err := h.applyReporter(ctx, r, height, set, reports); err != nil {
			failed++
			h.logger.Error("applying reports failed; nothing written", "module", module, "height", height, "err", err)
			continue
		}
		applied++
	}
	return applied, failed
}

func (h *Handlers) applyReporter(ctx sdk.Context, r Reporter, height int64, set ValidatorSet, reports []ValidatorReport) (err error) {
	cacheCtx, write := ctx.CacheContext()
	defer func() {
		if rec := recover(); rec != nil {
			err = fmt.Errorf("panic in ApplyReports: %v", rec)
		}
	}()
	if err := r.ApplyReports(cacheCtx, height, set, reports); err != nil {
		return err
	}
	write()
	return nil
}
