package keeper

import (
	"context"
	"fmt"

	"cosmossdk.io/collections"
	sdk "github.com/cosmos/cosmos-sdk/types"

	sequencertypes "github.com/themis-network/themis/x/sequencer/types"
	"github.com/themis-network/themis/x/slashing/ladder"
	"github.com/themis-network/themis/x/slashing/types"
)

// Evidence is one offence as its source found it, before the ladder.
type Evidence struct {
	Class       types.OffenceClass
	Severity    types.Severity
	SequencerID uint64
	// Text says what was seen; Ref names the stored evidence ("epoch-offence/7").
	Text, Ref string
}

// Judge applies the ladder to one offence and carries the outcome out, all in the
// caller's block: the offence is recorded with its evidence; the slash of the whole
// stake the chain sees (locked less slashes L1 has not confirmed yet) lowers that stake
// at once and is queued as a typed L1 action with its escrow record; the owner's strike
// is counted; and the sequencer is jailed, removed (the owner leaves the whitelist) or
// banned (owner and signer) in x/sequencer, so this block's validator updates carry it.
func (k Keeper) Judge(ctx context.Context, ev Evidence) (types.Offence, error) {
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	params, err := k.Params.Get(ctx)
	if err != nil {
		return types.Offence{}, err
	}
	seq, err := k.sequencers.GetSequencer(ctx, ev.SequencerID)
	if err != nil {
		return types.Offence{}, err
	}
	strikes, err := k.strikesOf(ctx, seq.Owner)
	if err != nil {
		return types.Offence{}, err
	}
	stake := sequencertypes.ChainStake(seq)
	out, err := ladder.Decide(params.Ladder(), ladder.Severity(ev.Severity), stake, strikes, sdkCtx.BlockTime())
	if err != nil {
		return types.Offence{}, err
	}
	n, err := k.NextOffence.Next(ctx)
	if err != nil {
		return types.Offence{}, err
	}
	o := types.Offence{
		Id: n + 1, Class: ev.Class, Severity: ev.Severity, SequencerId: seq.Id, Owner: seq.Owner, Signer: seq.Signer,
		Evidence: ev.Text, EvidenceRef: ev.Ref, Height: sdkCtx.BlockHeight(), Time: sdkCtx.BlockTime(),
		StakeBefore: stake, Slashed: out.Slashed, Remaining: out.Remaining,
		MediumStrikes: out.MediumStrikes, Status: types.OFFENCE_STATUS_APPLIED,
	}
	if out.SendL1 {
		if o.L1ActionId, err = k.queueSlash(ctx, o); err != nil {
			return types.Offence{}, err
		}
	}
	if out.MediumStrikes != strikes {
		if err := k.Strikes.Set(ctx, seq.Owner, out.MediumStrikes); err != nil {
			return types.Offence{}, err
		}
	}
	if err := k.punish(ctx, &o, out); err != nil {
		return types.Offence{}, err
	}
	if err := k.Offences.Set(ctx, o.Id, o); err != nil {
		return types.Offence{}, err
	}
	if err := k.OffencesBySequencer.Set(ctx, collections.Join(o.SequencerId, o.Id)); err != nil {
		return types.Offence{}, err
	}
	k.Logger(ctx).Info("offence judged", "offence", o.Id, "sequencer", o.SequencerId, "class", o.Class, "severity", o.Severity,
		"slashed", o.Slashed, "jailed", o.Jailed, "removed", o.Removed, "banned", o.Banned)
	return o, emit(ctx, &types.EventOffenceJudged{Offence: o})
}

// punish carries out the status part of the outcome in x/sequencer and records it on o.
func (k Keeper) punish(ctx context.Context, o *types.Offence, out ladder.Outcome) error {
	reason := fmt.Sprintf("offence %d: %s (%s)", o.Id, o.Class, o.Severity)
	switch {
	case out.Ban:
		if err := k.sequencers.BanOwner(ctx, o.SequencerId, reason); err != nil {
			return err
		}
		o.Removed, o.Banned = true, true
		return k.Jails.Remove(ctx, o.SequencerId)
	case out.Remove:
		if err := k.sequencers.RemoveOwner(ctx, o.SequencerId, reason); err != nil {
			return err
		}
		o.Removed = true
		return k.Jails.Remove(ctx, o.SequencerId)
	case out.Jail:
		jailed, err := k.sequencers.Jail(ctx, o.SequencerId, reason)
		if err != nil || !jailed {
			return err // a sequencer on its way out of L1, or removed, is not jailed
		}
		until := out.JailedUntil
		if prev, err := k.Jails.Get(ctx, o.SequencerId); err == nil && prev.Until.After(until) {
			until = prev.Until // a second offence in jail never shortens the first
		}
		o.Jailed, o.JailedUntil = true, until
		return k.Jails.Set(ctx, o.SequencerId, types.Jail{SequencerId: o.SequencerId, OffenceId: o.Id, Until: until})
	}
	return nil
}

// strikesOf is the owner's lifetime medium strikes (0 if none).
func (k Keeper) strikesOf(ctx context.Context, owner string) (uint32, error) {
	n, err := k.Strikes.Get(ctx, owner)
	if err != nil && !isNotFound(err) {
		return 0, err
	}
	return n, nil
}
