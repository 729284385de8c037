package keeper

import (
	"context"
	"fmt"
	"time"

	sdk "github.com/cosmos/cosmos-sdk/types"

	sequencertypes "github.com/themis-network/themis/x/sequencer/types"
	"github.com/themis-network/themis/x/slashing/downtime"
	"github.com/themis-network/themis/x/slashing/types"
)

// The downtime rule, wired to the commit info the chain already sees. Each block H
// carries the votes of the set that signed H-1 (x/sequencer's recorded set at H-1):
// every member's window records whether its vote was absent. The pure rule
// (downtime.Outage) then names a group over the threshold: high if it is large enough
// by count and by power, low for a member alone. See downtime's package doc for why a
// proposer trimming its LastCommit cannot frame anyone.

// recordVotes is the BeginBlock half: the grace clock, the members' windows, the
// verdict and its offences.
func (k Keeper) recordVotes(ctx context.Context) error {
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	params, err := k.Params.Get(ctx)
	if err != nil {
		return err
	}
	p := params.Downtime()
	height := sdkCtx.BlockHeight()
	counting, err := k.advanceGrace(ctx, p)
	if err != nil || height < 2 {
		return err
	}
	set, err := k.sequencers.RecordedSetAt(ctx, height-1)
	if err != nil {
		return nil // no set recorded for H-1 (the first blocks): nothing to judge
	}
	// Every signer of a block is indexed, counted or not, so double-sign evidence of
	// any height finds its sequencer.
	if err := k.indexConsAddresses(ctx, set); err != nil || !counting {
		return err
	}
	// Votes by consensus address; looked up, never iterated.
	absent := make(map[string]bool, len(sdkCtx.VoteInfos()))
	seen := make(map[string]bool, len(sdkCtx.VoteInfos()))
	for _, v := range sdkCtx.VoteInfos() {
		seen[string(v.Validator.Address)] = true
		absent[string(v.Validator.Address)] = downtime.IsMiss(v.BlockIdFlag)
	}
	members := make([]downtime.Member, 0, len(set.Validators))
	inSet := make(map[uint64]bool, len(set.Validators))
	for _, v := range set.Validators {
		s, err := k.signing(ctx, v.SequencerId)
		if err != nil {
			return err
		}
		// A member the commit does not list at all is absent too.
		missed := absent[string(v.ConsAddress)] || !seen[string(v.ConsAddress)]
		s = s.Record(missed, p.Window)
		if err := k.setSigning(ctx, v.SequencerId, s); err != nil {
			return err
		}
		members = append(members, downtime.Member{ID: v.SequencerId, Power: v.Power, Signing: s})
		inSet[v.SequencerId] = true
	}
	if err := k.forgetLeavers(ctx, inSet); err != nil {
		return err
	}
	verdict, err := downtime.Outage(members, p)
	if err != nil {
		k.Logger(ctx).Error("downtime verdict refused its input; nothing judged", "err", err)
		return nil
	}
	return k.judgeOutage(ctx, verdict, members, p)
}

// advanceGrace moves the grace clock (a halt gap or an upgrade starts a grace period)
// and the last block time, and says whether this block is counted.
func (k Keeper) advanceGrace(ctx context.Context, p downtime.Params) (bool, error) {
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	var prev time.Time
	if last, err := k.LastBlockTime.Get(ctx); err == nil {
		prev = time.Unix(0, last).UTC()
	} else if !isNotFound(err) {
		return false, err
	}
	grace, err := k.GraceUntil.Get(ctx)
	if err != nil && !isNotFound(err) {
		return false, err
	}
	upgraded := false
	if k.upgrades != nil {
		_, at, err := k.upgrades.GetLastCompletedUpgrade(ctx)
		upgraded = err == nil && at == sdkCtx.BlockHeight()
	}
	next := downtime.GraceUntil(sdkCtx.BlockHeight(), prev, sdkCtx.BlockTime(), upgraded, p, grace)
	if next != grace {
		k.Logger(ctx).Info("downtime counting paused", "until_height", next, "upgraded", upgraded, "previous_block", prev)
		if err := k.GraceUntil.Set(ctx, next); err != nil {
			return false, err
		}
	}
	if err := k.LastBlockTime.Set(ctx, sdkCtx.BlockTime().UnixNano()); err != nil {
		return false, err
	}
	return downtime.Counting(sdkCtx.BlockHeight(), next), nil
}

// judgeOutage charges a high group, each member once (its window restarts), flags a
// member over the threshold alone as low once per spell, and clears the flags of
// members back under it.
func (k Keeper) judgeOutage(ctx context.Context, v downtime.Verdict, members []downtime.Member, p downtime.Params) error {
	over := make(map[uint64]bool, len(v.Group))
	for _, id := range v.Group {
		over[id] = true
	}
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	for _, m := range members {
		if over[m.ID] {
			continue
		}
		// A flag clears only after a full window under the threshold: a validator that
		// hovers at the threshold is flagged once a window, not at every crossing.
		at, err := k.LowFlagged.Get(ctx, m.ID)
		if isNotFound(err) {
			continue
		}
		if err != nil {
			return err
		}
		if sdkCtx.BlockHeight()-at >= int64(p.Window) {
			if err := k.LowFlagged.Remove(ctx, m.ID); err != nil {
				return err
			}
		}
	}
	for _, m := range members {
		if !over[m.ID] {
			continue
		}
		ev := Evidence{SequencerID: m.ID, Ref: fmt.Sprintf("downtime/%d/%d", sdkCtx.BlockHeight(), m.ID)}
		missed := fmt.Sprintf("missed %d of the last %d consensus votes (threshold %d.%02d%%) up to height %d",
			m.Signing.Missed(), p.Window, p.MinMissedBps/100, p.MinMissedBps%100, sdkCtx.BlockHeight()-1)
		if v.High {
			ev.Class, ev.Severity = types.OFFENCE_CLASS_MULTI_NODE_OUTAGE, types.SEVERITY_HIGH
			ev.Text = fmt.Sprintf("%s, one of %d validators of %d (power %d of %d) over it in the same window: %s",
				missed, len(v.Group), v.Members, v.GroupPower, v.TotalPower, v.Reason)
		} else {
			flagged, err := k.LowFlagged.Has(ctx, m.ID)
			if err != nil {
				return err
			}
			if flagged {
				continue
			}
			ev.Class, ev.Severity = types.OFFENCE_CLASS_NODE_OUTAGE, types.SEVERITY_LOW
			ev.Text = fmt.Sprintf("%s; not high: %s", missed, v.Reason)
		}
		if err := k.judgeInCache(ctx, ev); err != nil {
			return err
		}
		if v.High {
			if err := k.Signings.Remove(ctx, m.ID); err != nil {
				return err
			}
			if err := k.LowFlagged.Remove(ctx, m.ID); err != nil {
				return err
			}
		} else if err := k.LowFlagged.Set(ctx, m.ID, sdkCtx.BlockHeight()); err != nil {
			return err
		}
	}
	return nil
}

// judgeInCache judges one piece of evidence in a cache of its own: evidence that cannot
// be judged is logged and passed over (the failure is the same on every node).
func (k Keeper) judgeInCache(ctx context.Context, ev Evidence) error {
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	cacheCtx, write := sdkCtx.CacheContext()
	if _, err := k.Judge(cacheCtx, ev); err != nil {
		k.Logger(ctx).Error("offence not judged", "ref", ev.Ref, "sequencer", ev.SequencerID, "err", err)
		return nil
	}
	write()
	return nil
}

// forgetLeavers drops the windows of members no longer in the set: a member that
// comes back starts a fresh window.
func (k Keeper) forgetLeavers(ctx context.Context, inSet map[uint64]bool) error {
	var gone []uint64
	if err := k.Signings.Walk(ctx, nil, func(id uint64, _ []byte) (bool, error) {
		if !inSet[id] {
			gone = append(gone, id)
		}
		return false, nil
	}); err != nil {
		return err
	}
	for _, id := range gone {
		if err := k.Signings.Remove(ctx, id); err != nil {
			return err
		}
		if err := k.LowFlagged.Remove(ctx, id); err != nil {
			return err
		}
	}
	return nil
}

// indexConsAddresses records the sequencer of every consensus address in the set (a
// key identifies one sequencer for ever: x/sequencer retires replaced keys).
func (k Keeper) indexConsAddresses(ctx context.Context, set sequencertypes.ValidatorSet) error {
	for _, v := range set.Validators {
		if has, err := k.ConsAddresses.Has(ctx, v.ConsAddress); err != nil || has {
			if err != nil {
				return err
			}
			continue
		}
		if err := k.ConsAddresses.Set(ctx, v.ConsAddress, v.SequencerId); err != nil {
			return err
		}
	}
	return nil
}

// signing loads a member's window (empty if none).
func (k Keeper) signing(ctx context.Context, id uint64) (downtime.Signing, error) {
	var s downtime.Signing
	bz, err := k.Signings.Get(ctx, id)
	if isNotFound(err) {
		return s, nil
	}
	if err != nil {
		return s, err
	}
	return s, s.UnmarshalBinary(bz)
}

func (k Keeper) setSigning(ctx context.Context, id uint64, s downtime.Signing) error {
	bz, err := s.MarshalBinary()
	if err != nil {
		return err
	}
	return k.Signings.Set(ctx, id, bz)
}
