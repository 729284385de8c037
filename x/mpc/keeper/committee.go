package keeper

import (
	"bytes"
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/themis-network/themis/x/mpc/committee"
	"github.com/themis-network/themis/x/mpc/types"
)

// view is what one EndBlock knows of the pool: the active sequencers, each validator's
// readiness (looked up by consensus address, never iterated) and the confirmed key.
type view struct {
	height  int64
	params  types.Params
	active  map[string]int64 // consensus address -> power of the ACTIVE sequencers
	reports map[string]types.Readiness
	pool    types.PoolKey
	hasPool bool
	cands   []committee.Candidate
}

// loadView reads the active set and the readiness records. With prune (EndBlock) it
// forgets on the way the records of validators that are no longer active and have not
// reported within the ready window (exits and signer changes), so the store does not
// grow with every consensus key ever seen.
func (k Keeper) loadView(ctx sdk.Context, params types.Params, prune bool) (*view, error) {
	v := &view{height: ctx.BlockHeight(), params: params, active: map[string]int64{}, reports: map[string]types.Readiness{}}
	var err error
	if v.pool, v.hasPool, err = k.GetPoolKey(ctx); err != nil {
		return nil, err
	}
	set, err := k.sequencers.ActiveValidatorSet(ctx)
	if err != nil {
		return nil, err
	}
	for _, m := range set.Validators {
		v.active[string(m.ConsAddress)] = m.Power
	}
	var gone [][]byte
	if err := k.Readiness.Walk(ctx, nil, func(addr []byte, r types.Readiness) (bool, error) {
		if _, ok := v.active[string(addr)]; !ok && !v.fresh(r) && prune {
			gone = append(gone, addr)
			return false, nil
		}
		v.reports[string(addr)] = r
		return false, nil
	}); err != nil {
		return nil, err
	}
	for _, addr := range gone {
		if err := k.Readiness.Remove(ctx, addr); err != nil {
			return nil, err
		}
	}
	for _, m := range set.Validators { // in the set's order; Select sorts
		r, ok := v.reports[string(m.ConsAddress)]
		v.cands = append(v.cands, committee.Candidate{
			Member: committee.Member{ID: m.SequencerId, PubKey: m.PubKey, Power: m.Power},
			Ready:  ok && v.ready(r, v.isMember(m.PubKey)),
		})
	}
	return v, nil
}

// fresh: the record is within the ready window.
func (v *view) fresh(r types.Readiness) bool {
	return v.height-r.ReportedHeight <= int64(v.params.ReadyWindowBlocks)
}

// ready: the last report is within the ready window, and, with hysteresis, a
// newcomer has said ready without a break for committee_settle_blocks while a member
// of the confirmed committee stays ready until it has said not ready that long. A
// validator flipping its flag thus changes nothing: it cannot restart the committee's
// settle clock (a veto on every keygen and resharing) nor cause a resharing per flip.
func (v *view) ready(r types.Readiness, member bool) bool {
	if !v.fresh(r) {
		return false
	}
	settle := int64(v.params.CommitteeSettleBlocks)
	if member {
		return r.Ready || r.NotReadySince == 0 || v.height-r.NotReadySince < settle
	}
	return r.Ready && r.ReadySince != 0 && v.height-r.ReadySince >= settle
}

// isMember reports whether a consensus key belongs to the confirmed committee.
func (v *view) isMember(pub []byte) bool {
	if !v.hasPool {
		return false
	}
	for _, p := range v.pool.Committee.Members {
		if bytes.Equal(p.PubKey, pub) {
			return true
		}
	}
	return false
}

// readinessOf is the record of a party's consensus key, if any.
func (v *view) readinessOf(p types.Party) (types.Readiness, bool) {
	r, ok := v.reports[string(types.ConsAddress(p.PubKey))]
	return r, ok
}

// isActive: the party's key is an ACTIVE sequencer's consensus key.
func (v *view) isActive(p types.Party) bool {
	_, ok := v.active[string(types.ConsAddress(p.PubKey))]
	return ok
}

// holdsShare: the party is ready and reports holding a share of the confirmed generation.
func (v *view) holdsShare(p types.Party) bool {
	r, ok := v.readinessOf(p)
	return ok && r.Ready && v.fresh(r) && r.ShareGeneration == v.pool.Generation // a dealer must be up now
}

// lostShare: the party has reported a share generation below the confirmed one for
// ready_window_blocks, counted from the later of when it started and when the
// generation was confirmed (engines learn of a confirmation a block or two late).
func (v *view) lostShare(p types.Party) bool {
	r, ok := v.readinessOf(p)
	if !ok || r.ShareLostSince == 0 || r.ShareGeneration >= v.pool.Generation || !v.fresh(r) {
		return false
	}
	since := max(r.ShareLostSince, v.pool.ConfirmedHeight)
	return v.height-since >= int64(v.params.ReadyWindowBlocks)
}

// candidates is the candidate committee now, with signer addresses.
func (v *view) candidates() ([]committee.Member, error) {
	sel := committee.Select(v.cands, int(v.params.MaxMpcParties))
	for i := range sel {
		addr, err := types.ParsePubKey(sel[i].PubKey)
		if err != nil {
			return nil, err
		}
		sel[i].Signer = addr
	}
	return sel, nil
}

func membersOf(ps []types.Party) []committee.Member {
	out := make([]committee.Member, len(ps))
	for i, p := range ps {
		out[i] = committee.Member{ID: p.SequencerId, Signer: p.Signer, PubKey: p.PubKey, Power: p.Power}
	}
	return out
}

func partiesOf(ms []committee.Member) []types.Party {
	out := make([]types.Party, len(ms))
	for i, m := range ms {
		out[i] = types.Party{SequencerId: m.ID, Signer: m.Signer, PubKey: m.PubKey, Power: m.Power}
	}
	return out
}

func committeeOf(ms []committee.Member) (types.Committee, error) {
	t, err := committee.Threshold(len(ms))
	if err != nil {
		return types.Committee{}, err
	}
	return types.Committee{Members: partiesOf(ms), Threshold: uint32(t)}, nil
}

// committeeSessionOpen reports whether a keygen or resharing is open.
func (k Keeper) committeeSessionOpen(ctx context.Context) (bool, error) {
	open, err := k.OpenSessionList(ctx)
	if err != nil {
		return false, err
	}
	for _, s := range open {
		if s.Kind != types.SESSION_KIND_SIGN {
			return true, nil
		}
	}
	return false, nil
}

// progress is the committee watch (zero before any).
func (k Keeper) progress(ctx context.Context) (types.CommitteeProgress, error) {
	p, err := k.Progress.Get(ctx)
	if _, err := found(err); err != nil {
		return types.CommitteeProgress{}, err
	}
	return p, nil
}

// stepCommittee opens a keygen or resharing when one is due:
//
//   - no pool key yet (or since governance retired it): a keygen of the candidate
//     committee (at least min_parties), of the generation after any retired key;
//   - a pool key: a resharing from the confirmed committee to the candidate committee
//     when they differ (join, exit, jail, removal, signer change, a stronger
//     sequencer in the top max_mpc_parties) or a member lost its share, dealt by
//     old threshold+1 members of the confirmed committee that are active, ready and
//     hold the current share.
//
// A changed candidate committee must stay the same committee_settle_blocks blocks
// first, and nothing opens while a keygen or resharing is open. Too few dealers raise
// EventReshareImpossible, too small a committee EventCommitteeBelowMinimum, once per
// episode; both are retried every block. The confirmed committee keeps signing
// throughout.
func (k Keeper) stepCommittee(ctx sdk.Context, v *view) error {
	next, err := v.candidates()
	if err != nil {
		return err
	}
	var confirmed []committee.Member
	var lost []bool
	need := len(next) > 0
	if v.hasPool {
		confirmed = membersOf(v.pool.Committee.Members)
		lost = make([]bool, len(confirmed))
		for i, p := range v.pool.Committee.Members {
			lost[i] = v.lostShare(p)
		}
		need = committee.NeedsReshare(confirmed, next, lost)
	}
	prog, err := k.progress(ctx)
	if err != nil {
		return err
	}
	// No candidate at all (a chain's first blocks, or every engine down): there is
	// nothing to open, and no committee to describe. Returning an error here would halt
	// the chain in EndBlock. After a retired key that is an alarm: the pool has no key.
	if !v.hasPool && len(next) == 0 {
		last, err := k.lastRetiredGeneration(ctx)
		if err != nil {
			return err
		}
		if last > 0 {
			if prog.Stuck {
				return nil
			}
			prog.Pending, prog.Since, prog.Stuck = types.Committee{}, 0, true
			k.Logger(ctx).Error("mpc keygen after a retired pool key is due but no sequencer is ready: bring engines back (themisd tss status)")
			if err := k.Progress.Set(ctx, prog); err != nil {
				return err
			}
			return emit(ctx, &types.EventCommitteeBelowMinimum{Candidates: 0, MinParties: v.params.MinParties})
		}
	}
	if !need || len(next) == 0 {
		if prog.Since != 0 || prog.Stuck {
			prog.Pending, prog.Since, prog.Stuck = types.Committee{}, 0, false
			return k.Progress.Set(ctx, prog)
		}
		return nil
	}
	if prog.Since == 0 || !committee.Same(membersOf(prog.Pending.Members), next) {
		if prog.Pending, err = committeeOf(next); err != nil {
			return err
		}
		prog.Since, prog.Stuck = v.height, false
		if err := k.Progress.Set(ctx, prog); err != nil {
			return err
		}
	}
	if open, err := k.committeeSessionOpen(ctx); err != nil || open {
		return err
	}
	if v.height-prog.Since < int64(v.params.CommitteeSettleBlocks) {
		return nil
	}
	if len(next) < int(v.params.MinParties) {
		if prog.Stuck {
			return nil
		}
		msg := "mpc resharing due but the candidate committee is below min_parties; the confirmed committee keeps the key"
		if !v.hasPool {
			// Before the first key, waiting for enough ready sequencers is normal; after
			// a retired key the pool is without one until the keygen opens: alarm.
			if last, err := k.lastRetiredGeneration(ctx); err != nil || last == 0 {
				return err
			}
			msg = "mpc keygen after a retired pool key is due but the candidate committee is below min_parties: lower min_parties by governance or bring sequencers back"
		}
		prog.Stuck = true
		k.Logger(ctx).Error(msg, "candidates", len(next), "min_parties", v.params.MinParties)
		if err := k.Progress.Set(ctx, prog); err != nil {
			return err
		}
		return emit(ctx, &types.EventCommitteeBelowMinimum{Candidates: uint32(len(next)), MinParties: v.params.MinParties})
	}
	newCommittee, err := committeeOf(next)
	if err != nil {
		return err
	}
	s := types.Session{Attempt: prog.Attempt, NewParties: newCommittee.Members, Threshold: newCommittee.Threshold}
	if !v.hasPool {
		// 1 on a fresh chain; after a retired key (MsgReplacePoolKey), the generation
		// after it: engines keep shares by generation and never reuse one.
		last, err := k.lastRetiredGeneration(ctx)
		if err != nil {
			return err
		}
		s.Kind, s.Generation = types.SESSION_KIND_KEYGEN, types.NextKeyGeneration(last)
	} else {
		available := make([]bool, len(confirmed))
		for i, p := range v.pool.Committee.Members {
			available[i] = v.isActive(p) && v.holdsShare(p) && !lost[i]
		}
		t := int(v.pool.Committee.Threshold)
		dealers, ok := committee.Dealers(confirmed, available, t, prog.Attempt)
		if !ok {
			if prog.Stuck {
				return nil
			}
			prog.Stuck = true
			n := 0
			for _, a := range available {
				if a {
					n++
				}
			}
			k.Logger(ctx).Error("mpc resharing impossible: too few members of the confirmed committee can deal; the key is stuck with it until they return",
				"generation", v.pool.Generation, "available", n, "needed", t+1)
			if err := k.Progress.Set(ctx, prog); err != nil {
				return err
			}
			return emit(ctx, &types.EventReshareImpossible{Generation: v.pool.Generation, AvailableDealers: uint32(n), NeededDealers: uint32(t + 1)})
		}
		s.Kind, s.Generation = types.SESSION_KIND_RESHARE, v.pool.Generation+1
		s.OldParties, s.OldThreshold = partiesOf(dealers), v.pool.Committee.Threshold
	}
	if prog.Stuck {
		prog.Stuck = false
		if err := k.Progress.Set(ctx, prog); err != nil {
			return err
		}
	}
	_, err = k.openSession(ctx, v.params, s)
	return err
}

// signerStatus is what the signer choice of a request knows of each member of the
// confirmed committee: ready and holding the confirmed share, and blamed MISSING in
// the request's previous session.
func (k Keeper) signerStatus(ctx context.Context, v *view, previous uint64) ([]committee.SignerStatus, error) {
	out := make([]committee.SignerStatus, len(v.pool.Committee.Members))
	for i, p := range v.pool.Committee.Members {
		missing, err := k.missingIn(ctx, previous, p.SequencerId)
		if err != nil {
			return nil, err
		}
		out[i] = committee.SignerStatus{Available: v.holdsShare(p), Excluded: missing}
	}
	return out, nil
}

// maxDisputeLookback bounds how many of a request's latest sessions the signer choice
// reads: a bounded read per retry. The disputes of those still taking claims (open, or
// closed within their blame window) are read live; the others' are final and already
// in the request (rememberDisputes). A session beyond the walk that is still in its
// window (many early failures within one long sign_timeout_blocks) counts once its
// window closes.
const maxDisputeLookback = 64

// requestDisputes gathers the live disputes of request's latest sessions, from its last
// one back along previous_session, at most maxDisputeLookback of them. It walks past
// final sessions rather than stopping at them: a governance change of
// sign_timeout_blocks can close a later session's window before an earlier one's. The
// walk stops at a link that does not go back to an earlier sign session of the same
// request (genesis validation refuses one; EndBlock must not halt on it either).
func (k Keeper) requestDisputes(ctx context.Context, request, last uint64) ([]committee.Dispute, error) {
	var out []committee.Dispute
	for n, i := last, 0; n != 0 && i < maxDisputeLookback; i++ {
		s, err := k.Sessions.Get(ctx, n)
		if ok, err := found(err); err != nil {
			return nil, err
		} else if !ok || s.Kind != types.SESSION_KIND_SIGN || s.SignRequestId != request {
			break
		}
		if s.Status == types.SESSION_STATUS_OPEN || s.BlameDeadlineHeight != 0 {
			out = append(out, disputesOf(s.Disputes)...)
		}
		if s.PreviousSession >= n {
			break
		}
		n = s.PreviousSession
	}
	return out, nil
}
