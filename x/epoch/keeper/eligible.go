package keeper

import (
	"bytes"
	"context"
	"errors"
	"sort"

	"cosmossdk.io/collections"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/themis-network/themis/x/epoch/readiness"
	"github.com/themis-network/themis/x/epoch/selection"
	"github.com/themis-network/themis/x/epoch/types"
	sequencertypes "github.com/themis-network/themis/x/sequencer/types"
)

// activeMembers is the active set sorted by sequencer id.
type activeMembers []sequencertypes.ValidatorPower

// activeSet reads the active sequencers from x/sequencer, sorted by id.
func (k Keeper) activeSet(ctx context.Context) (activeMembers, error) {
	set, err := k.sequencers.ActiveValidatorSet(ctx)
	if err != nil {
		return nil, err
	}
	members := append(activeMembers(nil), set.Validators...)
	sort.Slice(members, func(i, j int) bool { return members[i].SequencerId < members[j].SequencerId })
	return members, nil
}

// readinessRule is the rule at this block.
func readinessRule(ctx sdk.Context, params types.Params, p types.HeadProgress) readiness.Rule {
	return readiness.Rule{
		Now:        ctx.BlockTime(),
		Window:     params.ReadinessWindow,
		AgreedHead: p.Height,
		Tolerance:  params.HeadTolerance,
		RequireTSS: params.RequireTssReady,
	}
}

// readinessOf checks one member against its last report.
func (k Keeper) readinessOf(ctx context.Context, rule readiness.Rule, m sequencertypes.ValidatorPower) (bool, string, *types.ValidatorReport, error) {
	r, err := k.Reports.Get(ctx, m.ConsAddress)
	if errors.Is(err, collections.ErrNotFound) {
		ok, why := readiness.Check(readiness.Report{}, false, rule)
		return ok, why, nil, nil
	}
	if err != nil {
		return false, "", nil, err
	}
	ok, why := readiness.Check(readiness.Report{
		HasHead: r.HasHead, L2Height: r.L2Height, TSSReady: r.TssReady, ReportedTime: r.ReportedTime,
	}, true, rule)
	return ok, why, &r, nil
}

// eligible lists the active, ready sequencers other than exclude, sorted by id, as
// selection candidates weighted by their voting power. It merges the active set
// (sorted by consensus address) with one ordered pass over the stored reports, which
// is much cheaper than a point read per sequencer and needs no map. The same pass
// forgets the reports and onions of validators no longer active (exits, signer
// changes), so the store does not grow with every consensus key ever seen; one that
// returns reports and commits an onion again.
func (k Keeper) eligible(ctx sdk.Context, params types.Params, p types.HeadProgress, exclude uint64) ([]selection.Candidate, error) {
	members, err := k.activeSet(ctx)
	if err != nil {
		return nil, err
	}
	sort.Slice(members, func(i, j int) bool { return bytes.Compare(members[i].ConsAddress, members[j].ConsAddress) < 0 })
	rule := readinessRule(ctx, params, p)
	var out []selection.Candidate
	var gone [][]byte
	i := 0
	if err := k.Reports.Walk(ctx, nil, func(addr []byte, r types.ValidatorReport) (bool, error) {
		for i < len(members) && bytes.Compare(members[i].ConsAddress, addr) < 0 {
			i++ // an active member without a report is not ready
		}
		if i == len(members) || !bytes.Equal(members[i].ConsAddress, addr) {
			gone = append(gone, addr)
			return false, nil
		}
		m := members[i]
		i++
		ready, _ := readiness.Check(readiness.Report{HasHead: r.HasHead, L2Height: r.L2Height, TSSReady: r.TssReady, ReportedTime: r.ReportedTime}, true, rule)
		if ready && m.SequencerId != exclude && m.Power > 0 {
			out = append(out, selection.Candidate{ID: m.SequencerId, Power: uint64(m.Power)})
		}
		return false, nil
	}); err != nil {
		return nil, err
	}
	for _, addr := range gone {
		if err := k.Reports.Remove(ctx, addr); err != nil {
			return nil, err
		}
		if err := k.Onions.Remove(ctx, addr); err != nil {
			return nil, err
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}
