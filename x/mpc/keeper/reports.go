package keeper

import (
	"bytes"
	"fmt"
	"slices"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/themis-network/themis/x/mpc/types"
	"github.com/themis-network/themis/x/voteext"
)

var _ voteext.Reporter = Keeper{}

// Module implements voteext.Reporter.
func (Keeper) Module() string { return types.ModuleName }

// CheckReport implements voteext.Reporter: the strict, stateless decode every node
// applies to a validator's report before its extension is accepted (canonical bytes,
// so no unknown field; bounded sizes; no duplicates).
func (Keeper) CheckReport(payload []byte) error {
	_, err := types.DecodeReport(payload)
	return err
}

// applyRound is what one ApplyReports call knows and has touched.
type applyRound struct {
	params  types.Params
	pool    types.PoolKey
	hasPool bool
	// open are the sessions open when the round started; a sign session completed in
	// the round is closed in place.
	open []types.Session
	// keygens are the keygen and resharing sessions that received a voice, and
	// blamed the sessions that received a claim (numbers, sorted and unique at the end).
	keygens, blamed []uint64
	// badSigs are the (session, signature) pairs already found not to recover to the
	// pool address this round: each distinct signature is recovered once. badSenders
	// are the validators that reported one: they get no further recovery this round,
	// so a block costs at most one failed recovery per validator (an honest engine's
	// signatures recover).
	badSigs    map[string]struct{}
	badSenders map[string]struct{}
	// byKey caches the sessions claims name, by session key (nil: no such session).
	byKey map[string]*types.Session
	// parties caches, per session number, its parties and their consensus addresses
	// (looked up, never iterated), so each is derived once per round.
	parties map[uint64]*roundParties
}

// roundParties are a session's parties with their consensus addresses: all of them
// (dealers, new parties, signers) and the new parties alone.
type roundParties struct {
	all, fresh         []types.Party
	allCons, freshCons [][]byte
}

func consOf(ps []types.Party) [][]byte {
	out := make([][]byte, len(ps))
	for i, p := range ps {
		out[i] = types.ConsAddress(p.PubKey)
	}
	return out
}

func indexOf(cons [][]byte, addr []byte) int {
	for i, c := range cons {
		if bytes.Equal(c, addr) {
			return i
		}
	}
	return -1
}

// partiesOf returns the session's parties, derived once per round.
func (r *applyRound) partiesOf(s types.Session) *roundParties {
	if p, ok := r.parties[s.Number]; ok {
		return p
	}
	all := allParties(s)
	p := &roundParties{all: all, allCons: consOf(all), fresh: s.NewParties, freshCons: consOf(s.NewParties)}
	r.parties[s.Number] = p
	return p
}

// sessionByKey returns the session with the key (nil if none), read once per round.
// A session closed earlier in the round is read after its close.
func (k Keeper) sessionByKey(ctx sdk.Context, r *applyRound, key []byte) (*types.Session, error) {
	if s, ok := r.byKey[string(key)]; ok {
		return s, nil
	}
	var out *types.Session
	n, err := k.SessionsByKey.Get(ctx, key)
	if ok, err := found(err); err != nil {
		return nil, err
	} else if ok {
		s, err := k.Sessions.Get(ctx, n)
		if err != nil {
			return nil, err
		}
		out = &s
	}
	r.byKey[string(key)] = out
	return out, nil
}

func (r *applyRound) openByKey(key []byte) *types.Session {
	for i := range r.open {
		if r.open[i].Status == types.SESSION_STATUS_OPEN && bytes.Equal(r.open[i].SessionKey, key) {
			return &r.open[i]
		}
	}
	return nil
}

// ApplyReports implements voteext.Reporter. For the extensions of height it records
// every validator's readiness, share generation and endpoint; takes the results and
// blame claims of the parties of open sessions; and then tallies the keygens and
// resharings that received a result and the sessions that received a claim, in session
// order. Everything is deterministic: reports in the recorded set's order, results and
// claims in report order, no map is iterated.
func (k Keeper) ApplyReports(ctx sdk.Context, height int64, _ voteext.ValidatorSet, reports []voteext.ValidatorReport) error {
	params, err := k.Params.Get(ctx)
	if err != nil {
		return err
	}
	round := &applyRound{params: params, badSigs: map[string]struct{}{}, badSenders: map[string]struct{}{},
		byKey: map[string]*types.Session{}, parties: map[uint64]*roundParties{}}
	if round.pool, round.hasPool, err = k.GetPoolKey(ctx); err != nil {
		return err
	}
	if round.open, err = k.OpenSessionList(ctx); err != nil {
		return err
	}
	for _, vr := range reports {
		if vr.Payload == nil {
			continue
		}
		r, err := types.DecodeReport(vr.Payload)
		if err != nil { // checked before the block was accepted; defensive only
			continue
		}
		if err := k.recordReadiness(ctx, round, height, vr.Validator, r); err != nil {
			return err
		}
		results := r.Results
		if len(results) > int(params.MaxReportResults) {
			results = results[:params.MaxReportResults]
		}
		for _, res := range results {
			if err := k.takeResult(ctx, round, vr.Validator.ConsAddress, *res); err != nil {
				return err
			}
		}
		blames := r.Blames
		if len(blames) > int(params.MaxBlamesPerReport) {
			blames = blames[:params.MaxBlamesPerReport]
		}
		for _, b := range blames {
			if err := k.takeBlameClaim(ctx, round, vr.Validator.ConsAddress, *b); err != nil {
				return err
			}
		}
	}
	for _, n := range sortedUnique(round.keygens) {
		if err := k.tallyKeygen(ctx, params, n); err != nil {
			return err
		}
	}
	for _, n := range sortedUnique(round.blamed) {
		if err := k.tallyBlames(ctx, params, n); err != nil {
			return err
		}
	}
	return nil
}

func sortedUnique(ns []uint64) []uint64 {
	slices.Sort(ns)
	return slices.Compact(ns)
}

// recordReadiness stores a validator's readiness, share generation and endpoint. A
// report of a share generation below the confirmed one starts (or continues) the
// validator's lost-share clock; one at or above it stops the clock.
func (k Keeper) recordReadiness(ctx sdk.Context, round *applyRound, height int64, v voteext.Validator, r types.MpcReport) error {
	rec := types.Readiness{
		ConsAddress: v.ConsAddress, PubKey: v.PubKey, ReportedHeight: height,
		Ready: r.Ready, ShareGeneration: r.ShareGeneration, Endpoint: r.Endpoint,
	}
	prev, err := k.Readiness.Get(ctx, v.ConsAddress)
	had, err := found(err)
	if err != nil {
		return err
	}
	continuous := had && height-prev.ReportedHeight <= int64(round.params.ReadyWindowBlocks)
	if r.Ready {
		rec.ReadySince = height
		if continuous && prev.Ready && prev.ReadySince != 0 {
			rec.ReadySince = prev.ReadySince
		}
	} else {
		rec.NotReadySince = height
		if continuous && !prev.Ready && prev.NotReadySince != 0 {
			rec.NotReadySince = prev.NotReadySince
		}
	}
	if round.hasPool && r.ShareGeneration < round.pool.Generation {
		rec.ShareLostSince = height
		if had && prev.ShareLostSince != 0 {
			rec.ShareLostSince = prev.ShareLostSince
		}
	}
	return k.Readiness.Set(ctx, v.ConsAddress, rec)
}

// takeResult takes one result of a validator's report. Only an open session's key is
// looked at. A keygen or resharing result counts only from a new party's own
// validator (its consensus key is the party's signer key) and replaces that party's
// earlier one. A signature is taken from anyone: it completes the sign session if it
// recovers to the pool address from the request's digest, with a low S.
func (k Keeper) takeResult(ctx sdk.Context, round *applyRound, cons []byte, res types.SessionResult) error {
	s := round.openByKey(res.SessionKey)
	if s == nil {
		return nil // an old, unknown or closed session: replaying its result does nothing
	}
	switch s.Kind {
	case types.SESSION_KIND_KEYGEN, types.SESSION_KIND_RESHARE:
		if len(res.PublicKey) == 0 {
			return nil
		}
		i := indexOf(round.partiesOf(*s).freshCons, cons)
		if i < 0 {
			return nil // not a new party of this session: its word changes nothing
		}
		round.keygens = append(round.keygens, s.Number)
		return k.setVoice(ctx, s.Number, s.NewParties[i].SequencerId, res.PublicKey)
	case types.SESSION_KIND_SIGN:
		if len(res.Signature) == 0 || !round.hasPool {
			return nil
		}
		seen := fmt.Sprintf("%d/%x", s.Number, res.Signature)
		if _, bad := round.badSigs[seen]; bad {
			return nil
		}
		if _, bad := round.badSenders[string(cons)]; bad {
			return nil
		}
		if err := types.VerifyPoolSignature(s.Digest, res.Signature, round.pool.Address); err != nil {
			round.badSigs[seen] = struct{}{}
			round.badSenders[string(cons)] = struct{}{}
			k.Logger(ctx).Debug("mpc signature ignored", "session", s.Number, "validator", fmt.Sprintf("%X", cons), "err", err)
			return nil
		}
		return k.completeSign(ctx, round.params, s, res.Signature)
	}
	return nil
}

// completeSign records a valid signature: the session is COMPLETED, the request
// SIGNED, and its payload type's OnSigned is called (a failure there leaves it SIGNED).
func (k Keeper) completeSign(ctx sdk.Context, params types.Params, s *types.Session, sig []byte) error {
	req, err := k.SignRequests.Get(ctx, s.SignRequestId)
	if ok, err := found(err); !ok { // a session's request always exists; defensive only
		if err == nil {
			k.Logger(ctx).Error("sign session without its request", "session", s.Number, "request", s.SignRequestId)
		}
		return err
	}
	s.Signature = append([]byte(nil), sig...)
	if err := k.closeSession(ctx, params, s, types.SESSION_STATUS_COMPLETED); err != nil {
		return err
	}
	prev := req.Status
	req.Status = types.SIGN_REQUEST_STATUS_SIGNED
	req.Disputes = nil // they only served its signer choice
	req.Signature = s.Signature
	req.SignedHeight = ctx.BlockHeight()
	req.Generation = s.Generation
	req.Session = s.Number
	if err := k.setRequest(ctx, req, prev); err != nil {
		return err
	}
	k.Logger(ctx).Info("sign request signed", "id", req.Id, "payload_type", req.PayloadType, "session", s.Number)
	if err := emit(ctx, &types.EventSignRequestSigned{
		Id: req.Id, PayloadType: req.PayloadType, Digest: req.Digest, Signature: req.Signature, Session: s.Number,
	}); err != nil {
		return err
	}
	after, err := k.onSigned(ctx, req)
	if err != nil || after.CallbackError == "" {
		return err
	}
	return k.SignRequests.Set(ctx, after.Id, after)
}
