package keeper

import (
	"context"

	"cosmossdk.io/collections"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/themis-network/themis/x/mpc/committee"
	"github.com/themis-network/themis/x/mpc/sessions"
	"github.com/themis-network/themis/x/mpc/types"
)

// maxBlameWindowsClosedPerBlock bounds the closed sessions whose claims one EndBlock
// forgets; the rest wait (a session past its blame deadline takes no claim anyway).
const maxBlameWindowsClosedPerBlock = 64

// allParties lists every party of a session (a resharing's dealers and new parties).
func allParties(s types.Session) []types.Party {
	out := append([]types.Party(nil), s.OldParties...)
	out = append(out, s.NewParties...)
	return append(out, s.Signers...)
}

// takeBlameClaim records one claim of a validator's report: the session takes blames
// (open, or closed less than sign_timeout_blocks ago), the validator is one of its
// parties (by its consensus key), the accused is another party (by signer address) not
// yet recorded for the session. The claim replaces the voter's earlier claim against
// the same accused in the session. Anything else counts nothing.
func (k Keeper) takeBlameClaim(ctx sdk.Context, round *applyRound, cons []byte, c types.BlameClaim) error {
	sp, err := k.sessionByKey(ctx, round, c.SessionKey)
	if err != nil || sp == nil {
		return err
	}
	s := *sp
	number := s.Number
	if !sessions.BlameWindowOpen(sessions.Status(s.Status), s.BlameDeadlineHeight, ctx.BlockHeight()) {
		return nil
	}
	ps := round.partiesOf(s)
	i := indexOf(ps.allCons, cons)
	if i < 0 {
		return nil // a non-party's claim does not count
	}
	voter := ps.all[i].SequencerId
	accused, ok := types.PartyBySigner(ps.all, c.Accused)
	if !ok || accused.SequencerId == voter {
		return nil
	}
	if err := k.foldDispute(ctx, sp, voter, accused.SequencerId, c.Progress); err != nil {
		return err
	}
	if has, err := k.SessionBlames.Has(ctx, collections.Join(number, accused.SequencerId)); err != nil || has {
		return err
	}
	round.blamed = append(round.blamed, number)
	return k.BlameVotes.Set(ctx, collections.Join3(number, accused.SequencerId, voter), int32(c.Reason))
}

// foldDispute folds a sign session's claim into its disputes (committee.FoldClaim),
// even against a party already blamed: a party everyone waits for collects a dispute
// with each of them. It reads the session from the store, not the round's cached copy
// (cached is that copy): a result taken earlier in the round may have completed the
// session through another copy, and writing the cached one back would reopen it. The
// cached copy gets the new disputes too.
func (k Keeper) foldDispute(ctx sdk.Context, cached *types.Session, voter, accused uint64, progress uint32) error {
	if cached.Kind != types.SESSION_KIND_SIGN {
		return nil
	}
	s, err := k.Sessions.Get(ctx, cached.Number)
	if err != nil {
		return err
	}
	lowest, pairs, changed := committee.FoldClaim(s.DisputeProgress, disputesOf(s.Disputes), voter, accused, progress)
	if !changed {
		return nil
	}
	s.DisputeProgress, s.Disputes = lowest, typesDisputes(pairs)
	cached.DisputeProgress, cached.Disputes = s.DisputeProgress, s.Disputes
	return k.Sessions.Set(ctx, s.Number, s)
}

func typesDisputes(ds []committee.Dispute) []types.Dispute {
	out := make([]types.Dispute, len(ds))
	for i, d := range ds {
		out[i] = types.Dispute{A: d.A, B: d.B}
	}
	return out
}

func disputesOf(ds []types.Dispute) []committee.Dispute {
	out := make([]committee.Dispute, len(ds))
	for i, d := range ds {
		out[i] = committee.Dispute{A: d.A, B: d.B}
	}
	return out
}

// tallyBlames records a blame for every accused of the session that more than 2/3 of
// its other parties named for the same reason (sessions.TallyBlames), once per accused
// and session, with the severity of the params.
func (k Keeper) tallyBlames(ctx sdk.Context, params types.Params, number uint64) error {
	s, err := k.Sessions.Get(ctx, number)
	if err != nil {
		return err
	}
	var votes []sessions.BlameVote
	if err := k.BlameVotes.Walk(ctx, collections.NewPrefixedTripleRange[uint64, uint64, uint64](number),
		func(key collections.Triple[uint64, uint64, uint64], reason int32) (bool, error) {
			votes = append(votes, sessions.BlameVote{Accused: key.K2(), Voter: key.K3(), Reason: uint8(reason)})
			return false, nil
		}); err != nil {
		return err
	}
	recorded := false
	for _, v := range sessions.TallyBlames(types.SessionParties(s), votes) {
		has, err := k.SessionBlames.Has(ctx, collections.Join(number, v.Accused))
		if err != nil {
			return err
		}
		if has {
			continue
		}
		if err := k.recordBlame(ctx, params, s, v); err != nil {
			return err
		}
		recorded = true
	}
	if recorded && s.Kind == types.SESSION_KIND_SIGN && s.Status == types.SESSION_STATUS_OPEN {
		return k.failSignEarly(ctx, params, &s)
	}
	return nil
}

// failSignEarly closes an open sign session as soon as a blame is recorded in it:
// more than 2/3 of its other signers gave up on a party, and a signature needs every
// signer, so it can no longer complete. Waiting for the deadline would only delay the
// retry, which opens next EndBlock without the blamed party (committee.Signers).
func (k Keeper) failSignEarly(ctx sdk.Context, params types.Params, s *types.Session) error {
	k.Logger(ctx).Info("sign session failed before its deadline: its signers blamed a party", "number", s.Number, "request", s.SignRequestId)
	if err := k.closeSession(ctx, params, s, types.SESSION_STATUS_TIMED_OUT); err != nil {
		return err
	}
	return k.requeue(ctx, s.SignRequestId)
}

// severityOf is a record's severity: the parameter's, except that MISSING is always
// LOW. Missing is a claim, not a proof: one signer that feeds a victim a bad message
// makes the victim stop and look missing to everyone else (it files INVALID alone), so
// slashing on MISSING would let a single member get an honest one slashed.
func severityOf(params types.Params, reason types.BlameReason) types.BlameSeverity {
	if reason == types.BLAME_REASON_MISSING {
		return types.BLAME_SEVERITY_LOW
	}
	return params.BlameSeverity
}

// recordBlame appends a blame record to the log and forgets the claims against the
// accused in the session (no second record can follow).
func (k Keeper) recordBlame(ctx sdk.Context, params types.Params, s types.Session, v sessions.Verdict) error {
	n, err := k.NextBlame.Next(ctx)
	if err != nil {
		return err
	}
	b := types.Blame{
		Id: n + 1, Session: s.Number, SessionKey: s.SessionKey, Accused: v.Accused,
		Reason: types.BlameReason(v.Reason), Height: ctx.BlockHeight(), Severity: severityOf(params, types.BlameReason(v.Reason)),
		Voters: uint32(v.Voters), Parties: uint32(v.Others),
	}
	if err := k.Blames.Set(ctx, b.Id, b); err != nil {
		return err
	}
	if err := k.SessionBlames.Set(ctx, collections.Join(s.Number, v.Accused), b.Id); err != nil {
		return err
	}
	if err := k.BlameVotes.Clear(ctx, collections.NewSuperPrefixedTripleRange[uint64, uint64, uint64](s.Number, v.Accused)); err != nil {
		return err
	}
	k.Logger(ctx).Info("mpc party blamed", "blame", b.Id, "session", s.Number, "accused", b.Accused, "reason", b.Reason, "severity", b.Severity)
	return emit(ctx, &types.EventBlameRecorded{Blame: b})
}

// closeBlameWindows forgets the claims of closed sessions whose blame deadline is at
// or below height, at most maxBlameWindowsClosedPerBlock of them.
func (k Keeper) closeBlameWindows(ctx context.Context, height int64) error {
	var due []collections.Pair[int64, uint64]
	if err := k.BlameWindow.Walk(ctx, collections.NewPrefixUntilPairRange[int64, uint64](height),
		func(key collections.Pair[int64, uint64]) (bool, error) {
			due = append(due, key)
			return len(due) >= maxBlameWindowsClosedPerBlock, nil
		}); err != nil {
		return err
	}
	for _, key := range due {
		number := key.K2()
		if err := k.BlameVotes.Clear(ctx, collections.NewPrefixedTripleRange[uint64, uint64, uint64](number)); err != nil {
			return err
		}
		s, err := k.Sessions.Get(ctx, number)
		if err != nil {
			return err
		}
		s.BlameDeadlineHeight = 0
		if err := k.Sessions.Set(ctx, number, s); err != nil {
			return err
		}
		if err := k.BlameWindow.Remove(ctx, key); err != nil {
			return err
		}
		if err := k.rememberDisputes(ctx, s); err != nil {
			return err
		}
	}
	return nil
}

// rememberDisputes adds a sign session's disputes to its request once they are final
// (its blame window closed: no claim can replace them), unless the request is signed.
// Earlier, a later claim at a lower progress may still start the session's set over
// (a victim's claim correcting the pairs the others made against it), so the signer
// choice reads those sessions live instead (requestDisputes).
func (k Keeper) rememberDisputes(ctx context.Context, s types.Session) error {
	if s.Kind != types.SESSION_KIND_SIGN || len(s.Disputes) == 0 {
		return nil
	}
	req, err := k.SignRequests.Get(ctx, s.SignRequestId)
	if err != nil {
		return err
	}
	if req.Status == types.SIGN_REQUEST_STATUS_SIGNED {
		return nil
	}
	req.Disputes = typesDisputes(committee.MergeDisputes(disputesOf(req.Disputes), disputesOf(s.Disputes)))
	return k.SignRequests.Set(ctx, req.Id, req)
}

// BlamesAfter returns up to limit blame records with id > after, in id order:
// x/slashing reads the log with its own cursor, so nothing is judged twice or skipped.
func (k Keeper) BlamesAfter(ctx context.Context, after uint64, limit int) ([]types.Blame, error) {
	var out []types.Blame
	err := k.Blames.Walk(ctx, new(collections.Range[uint64]).StartExclusive(after), func(_ uint64, b types.Blame) (bool, error) {
		out = append(out, b)
		return len(out) >= limit, nil
	})
	return out, err
}

// missingIn reports whether the session recorded a MISSING blame against sequencer id.
func (k Keeper) missingIn(ctx context.Context, session, id uint64) (bool, error) {
	if session == 0 {
		return false, nil
	}
	bid, err := k.SessionBlames.Get(ctx, collections.Join(session, id))
	if ok, err := found(err); !ok {
		return false, err
	}
	b, err := k.Blames.Get(ctx, bid)
	if err != nil {
		return false, err
	}
	return b.Reason == types.BLAME_REASON_MISSING, nil
}
