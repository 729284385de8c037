package types

import (
	"bytes"
	"fmt"
	"slices"

	errorsmod "cosmossdk.io/errors"

	"github.com/themis-network/themis/x/mpc/committee"
)

// ConsAddressLen is the length of a CometBFT validator address.
const ConsAddressLen = 20

// DefaultGenesis has the default params and no key: the first committee's keygen
// opens once enough sequencers report ready.
func DefaultGenesis() *GenesisState {
	return &GenesisState{Params: DefaultParams()}
}

func invalid(format string, args ...any) error {
	return errorsmod.Wrapf(ErrInvalidGenesis, format, args...)
}

// Validate checks a genesis state as InitGenesis would load it.
func (gs GenesisState) Validate() error {
	if err := gs.Params.Validate(); err != nil {
		return errorsmod.Wrap(ErrInvalidGenesis, err.Error())
	}
	if gs.PoolKey != nil {
		if err := gs.PoolKey.Validate(); err != nil {
			return errorsmod.Wrap(ErrInvalidGenesis, err.Error())
		}
	}
	if err := validateRetiredKeys(gs); err != nil {
		return err
	}
	if err := validateSessions(gs); err != nil {
		return err
	}
	if err := validateRequests(gs); err != nil {
		return err
	}
	seen := map[string]bool{}
	for i, r := range gs.Readiness {
		if err := r.Validate(); err != nil {
			return invalid("readiness %d: %v", i, err)
		}
		if seen[string(r.ConsAddress)] {
			return invalid("readiness %d: %X twice", i, r.ConsAddress)
		}
		seen[string(r.ConsAddress)] = true
	}
	if err := validateBlames(gs); err != nil {
		return err
	}
	if err := validateVotes(gs); err != nil {
		return err
	}
	if len(gs.Progress.Pending.Members) != 0 {
		if err := ValidateCommittee(gs.Progress.Pending); err != nil {
			return invalid("progress: %v", err)
		}
	}
	return validateOutbound(gs)
}

// Validate checks a pool key: a valid compressed key, its address, a generation and a
// valid committee.
func (k PoolKey) Validate() error {
	addr, err := ParsePubKey(k.PublicKey)
	if err != nil {
		return err
	}
	if addr != k.Address {
		return fmt.Errorf("pool address %q, the key's is %s", k.Address, addr)
	}
	if k.Generation == 0 {
		return fmt.Errorf("pool key of generation 0")
	}
	return ValidateCommittee(k.Committee)
}

// ValidateCommittee checks a committee: members in strictly increasing id order, each
// a valid party, and the threshold floor(2n/3).
func ValidateCommittee(c Committee) error {
	if err := validateParties("member", c.Members); err != nil {
		return err
	}
	t, err := committee.Threshold(len(c.Members))
	if err != nil {
		return err
	}
	if c.Threshold != uint32(t) {
		return fmt.Errorf("threshold %d for %d members, want %d", c.Threshold, len(c.Members), t)
	}
	return nil
}

// validateParties checks a party list: non-empty, strictly increasing ids, each with a
// valid key whose address is its signer, and non-negative power.
func validateParties(what string, ps []Party) error {
	if len(ps) == 0 {
		return fmt.Errorf("no %ss", what)
	}
	for i, p := range ps {
		if p.SequencerId == 0 || (i > 0 && ps[i-1].SequencerId >= p.SequencerId) {
			return fmt.Errorf("%s %d: sequencer id %d not increasing", what, i, p.SequencerId)
		}
		addr, err := ParsePubKey(p.PubKey)
		if err != nil {
			return fmt.Errorf("%s %d: %v", what, i, err)
		}
		if addr != p.Signer {
			return fmt.Errorf("%s %d: signer %q, the key's is %s", what, i, p.Signer, addr)
		}
		if p.Power < 0 {
			return fmt.Errorf("%s %d: power %d", what, i, p.Power)
		}
	}
	return nil
}

// Validate checks a session on its own.
func (s Session) Validate() error {
	if s.Number == 0 || len(s.SessionKey) != SessionKeyLen {
		return fmt.Errorf("number %d, session key of %d bytes", s.Number, len(s.SessionKey))
	}
	if s.OpenedHeight < 0 || s.DeadlineHeight < s.OpenedHeight {
		return fmt.Errorf("opened at %d, deadline %d", s.OpenedHeight, s.DeadlineHeight)
	}
	switch s.Status {
	case SESSION_STATUS_OPEN:
		if s.ClosedHeight != 0 || s.BlameDeadlineHeight != 0 || len(s.PublicKey) != 0 || len(s.Signature) != 0 {
			return fmt.Errorf("open, with a close height, blame deadline or result")
		}
	case SESSION_STATUS_COMPLETED, SESSION_STATUS_TIMED_OUT, SESSION_STATUS_SUPERSEDED:
		if s.ClosedHeight < s.OpenedHeight || (s.BlameDeadlineHeight != 0 && s.BlameDeadlineHeight < s.ClosedHeight) {
			return fmt.Errorf("closed at %d (opened at %d), blame deadline %d", s.ClosedHeight, s.OpenedHeight, s.BlameDeadlineHeight)
		}
	default:
		return fmt.Errorf("status %d", s.Status)
	}
	completed := s.Status == SESSION_STATUS_COMPLETED
	switch s.Kind {
	case SESSION_KIND_KEYGEN, SESSION_KIND_RESHARE:
		if err := ValidateCommittee(Committee{Members: s.NewParties, Threshold: s.Threshold}); err != nil {
			return fmt.Errorf("new parties: %v", err)
		}
		if len(s.Signers) != 0 || s.SignRequestId != 0 || len(s.Digest) != 0 || len(s.Signature) != 0 || len(s.Disputes) != 0 || s.DisputeProgress != 0 {
			return fmt.Errorf("%s with sign fields", s.Kind)
		}
		if s.Status == SESSION_STATUS_SUPERSEDED {
			return fmt.Errorf("%s superseded", s.Kind)
		}
		if completed {
			if _, err := ParsePubKey(s.PublicKey); err != nil {
				return fmt.Errorf("result: %v", err)
			}
		} else if len(s.PublicKey) != 0 {
			return fmt.Errorf("a result without completion")
		}
		if s.Kind == SESSION_KIND_KEYGEN {
			if len(s.OldParties) != 0 || s.OldThreshold != 0 || s.Generation == 0 {
				return fmt.Errorf("keygen with dealers or of generation %d", s.Generation)
			}
			return nil
		}
		if err := validateParties("dealer", s.OldParties); err != nil {
			return err
		}
		if len(s.OldParties) != int(s.OldThreshold)+1 || s.Generation < 2 {
			return fmt.Errorf("resharing with %d dealers for old threshold %d, generation %d", len(s.OldParties), s.OldThreshold, s.Generation)
		}
	case SESSION_KIND_SIGN:
		if err := validateParties("signer", s.Signers); err != nil {
			return err
		}
		if len(s.Signers) != int(s.Threshold)+1 {
			return fmt.Errorf("%d signers for threshold %d", len(s.Signers), s.Threshold)
		}
		if len(s.OldParties) != 0 || len(s.NewParties) != 0 || len(s.PublicKey) != 0 {
			return fmt.Errorf("sign session with committee fields")
		}
		if s.SignRequestId == 0 || len(s.Digest) != DigestLen || s.Generation == 0 {
			return fmt.Errorf("request %d, digest of %d bytes, generation %d", s.SignRequestId, len(s.Digest), s.Generation)
		}
		if completed {
			if err := CheckSignatureShape(s.Signature); err != nil {
				return err
			}
		} else if len(s.Signature) != 0 {
			return fmt.Errorf("a result without completion")
		}
		if err := validateDisputes(s); err != nil {
			return err
		}
	default:
		return fmt.Errorf("kind %d", s.Kind)
	}
	return nil
}

// validateDisputes checks a sign session's disputes: ordered pairs (a < b) of its
// signers, each once, and no progress without a pair.
func validateDisputes(s Session) error {
	if len(s.Disputes) == 0 && s.DisputeProgress != 0 {
		return fmt.Errorf("dispute progress %d without disputes", s.DisputeProgress)
	}
	signer := map[uint64]bool{} // lookups only
	for _, p := range s.Signers {
		signer[p.SequencerId] = true
	}
	return validatePairs(s.Disputes, committee.MaxDisputesPerSession, signer)
}

// validatePairs checks disputes: at most limit, ordered pairs (a < b), each once, both
// ends in members unless members is nil.
func validatePairs(disputes []Dispute, limit int, members map[uint64]bool) error {
	if len(disputes) > limit {
		return fmt.Errorf("%d disputes, at most %d", len(disputes), limit)
	}
	seen := map[Dispute]bool{} // lookups only
	for _, d := range disputes {
		if d.A == 0 || d.A >= d.B {
			return fmt.Errorf("dispute (%d, %d): not an ordered pair of sequencer ids", d.A, d.B)
		}
		if members != nil && (!members[d.A] || !members[d.B]) {
			return fmt.Errorf("dispute (%d, %d): not a pair of the session's signers", d.A, d.B)
		}
		if seen[d] {
			return fmt.Errorf("dispute (%d, %d) twice", d.A, d.B)
		}
		seen[d] = true
	}
	return nil
}

func validateSessions(gs GenesisState) error {
	keys := map[string]bool{}
	openByRequest := map[uint64]uint64{}
	committeeOpen := false
	for i, s := range gs.Sessions {
		if s.Number != uint64(i)+1 {
			return invalid("session %d: number %d, want %d", i, s.Number, i+1)
		}
		if err := s.Validate(); err != nil {
			return invalid("session %d: %v", s.Number, err)
		}
		if keys[string(s.SessionKey)] {
			return invalid("session %d: session key twice", s.Number)
		}
		keys[string(s.SessionKey)] = true
		if p := s.PreviousSession; p != 0 {
			// Only a sign session retries one, of the same request, opened before it.
			if s.Kind != SESSION_KIND_SIGN || p >= s.Number {
				return invalid("session %d: previous session %d is not an earlier session", s.Number, p)
			}
			if prev := gs.Sessions[p-1]; prev.Kind != SESSION_KIND_SIGN || prev.SignRequestId != s.SignRequestId {
				return invalid("session %d: previous session %d is not a sign session of request %d", s.Number, p, s.SignRequestId)
			}
		}
		if s.Status != SESSION_STATUS_OPEN {
			continue
		}
		if s.Kind == SESSION_KIND_SIGN {
			if _, dup := openByRequest[s.SignRequestId]; dup {
				return invalid("session %d: request %d has two open sessions", s.Number, s.SignRequestId)
			}
			openByRequest[s.SignRequestId] = s.Number
			continue
		}
		if committeeOpen {
			return invalid("session %d: a second open keygen or resharing", s.Number)
		}
		committeeOpen = true
		if s.Kind == SESSION_KIND_KEYGEN && gs.PoolKey != nil {
			return invalid("session %d: keygen open with a pool key", s.Number)
		}
		if s.Kind == SESSION_KIND_KEYGEN && s.Generation != NextKeyGeneration(lastRetired(gs)) {
			return invalid("session %d: keygen of generation %d, want %d (after the retired keys)", s.Number, s.Generation, NextKeyGeneration(lastRetired(gs)))
		}
		if s.Kind == SESSION_KIND_RESHARE && (gs.PoolKey == nil || s.Generation != gs.PoolKey.Generation+1) {
			return invalid("session %d: resharing to generation %d without the key it follows", s.Number, s.Generation)
		}
	}
	for i, r := range gs.SignRequests {
		open, has := openByRequest[r.Id]
		if r.Status == SIGN_REQUEST_STATUS_SIGNING && (!has || open != r.Session) {
			return invalid("sign request %d: SIGNING without its open session %d", i, r.Session)
		}
		if r.Status != SIGN_REQUEST_STATUS_SIGNING && has {
			return invalid("sign request %d: %s with an open session", i, r.Status)
		}
		delete(openByRequest, r.Id)
	}
	if len(openByRequest) != 0 {
		return invalid("an open sign session for a request that does not exist")
	}
	return nil
}

// Validate checks a sign request on its own.
func (r SignRequest) Validate() error {
	if err := ValidatePayloadTypeName(r.PayloadType); err != nil {
		return err
	}
	if len(r.Payload) > MaxPayloadBytes || len(r.Digest) != DigestLen {
		return fmt.Errorf("payload of %d bytes, digest of %d", len(r.Payload), len(r.Digest))
	}
	switch r.Status {
	case SIGN_REQUEST_STATUS_QUEUED, SIGN_REQUEST_STATUS_SIGNING, SIGN_REQUEST_STATUS_CANCELLED:
		if len(r.Signature) != 0 || r.SignedHeight != 0 {
			return fmt.Errorf("%s with a signature", r.Status)
		}
	case SIGN_REQUEST_STATUS_SIGNED:
		if err := CheckSignatureShape(r.Signature); err != nil {
			return err
		}
		if r.SignedHeight < r.CreatedHeight {
			return fmt.Errorf("signed at %d, created at %d", r.SignedHeight, r.CreatedHeight)
		}
	default:
		return fmt.Errorf("status %d", r.Status)
	}
	return validatePairs(r.Disputes, committee.MaxDisputesPerRequest, nil)
}

func validateRequests(gs GenesisState) error {
	for i, r := range gs.SignRequests {
		if r.Id != uint64(i)+1 {
			return invalid("sign request %d: id %d, want %d", i, r.Id, i+1)
		}
		if err := r.Validate(); err != nil {
			return invalid("sign request %d: %v", r.Id, err)
		}
		if r.Session > uint64(len(gs.Sessions)) {
			return invalid("sign request %d: session %d does not exist", r.Id, r.Session)
		}
	}
	for _, s := range gs.Sessions {
		if s.Kind == SESSION_KIND_SIGN && s.SignRequestId > uint64(len(gs.SignRequests)) {
			return invalid("session %d: request %d does not exist", s.Number, s.SignRequestId)
		}
	}
	return nil
}

// Validate checks a readiness record on its own.
func (r Readiness) Validate() error {
	if len(r.ConsAddress) != ConsAddressLen {
		return fmt.Errorf("address of %d bytes", len(r.ConsAddress))
	}
	if len(r.PubKey) != PubKeyLen || !bytes.Equal(ConsAddress(r.PubKey), r.ConsAddress) {
		return fmt.Errorf("key of %d bytes that is not the address's", len(r.PubKey))
	}
	if r.ReportedHeight < 0 || r.ShareLostSince < 0 {
		return fmt.Errorf("heights %d, %d", r.ReportedHeight, r.ShareLostSince)
	}
	return ValidateEndpoint(r.Endpoint)
}

// sessionOf returns the session with number n of gs, if any.
func sessionOf(gs GenesisState, n uint64) (Session, bool) {
	if n == 0 || n > uint64(len(gs.Sessions)) {
		return Session{}, false
	}
	return gs.Sessions[n-1], true
}

// SessionParties are the distinct sequencer ids taking part in a session (dealers and
// new parties of a resharing count once each), sorted.
func SessionParties(s Session) []uint64 {
	var out []uint64
	add := func(ps []Party) {
		for _, p := range ps {
			out = append(out, p.SequencerId)
		}
	}
	add(s.OldParties)
	add(s.NewParties)
	add(s.Signers)
	slices.Sort(out)
	return slices.Compact(out)
}

func hasParty(s Session, id uint64) bool {
	_, ok := slices.BinarySearch(SessionParties(s), id)
	return ok
}

func validateBlames(gs GenesisState) error {
	seen := map[[2]uint64]bool{}
	for i, b := range gs.Blames {
		if b.Id != uint64(i)+1 {
			return invalid("blame %d: id %d, want %d", i, b.Id, i+1)
		}
		s, ok := sessionOf(gs, b.Session)
		if !ok || !bytes.Equal(s.SessionKey, b.SessionKey) || !hasParty(s, b.Accused) {
			return invalid("blame %d: session %d or accused %d unknown", b.Id, b.Session, b.Accused)
		}
		if _, ok := BlameReason_name[int32(b.Reason)]; !ok || b.Reason == BLAME_REASON_UNSPECIFIED {
			return invalid("blame %d: reason %d", b.Id, b.Reason)
		}
		if _, ok := BlameSeverity_name[int32(b.Severity)]; !ok {
			return invalid("blame %d: severity %d", b.Id, b.Severity)
		}
		k := [2]uint64{b.Session, b.Accused}
		if seen[k] {
			return invalid("blame %d: a second record of %d in session %d", b.Id, b.Accused, b.Session)
		}
		seen[k] = true
	}
	return nil
}

func validateVotes(gs GenesisState) error {
	voices := map[[2]uint64]bool{}
	for i, v := range gs.Voices {
		s, ok := sessionOf(gs, v.Session)
		if !ok || s.Status != SESSION_STATUS_OPEN || s.Kind == SESSION_KIND_SIGN {
			return invalid("voice %d: session %d is no open keygen or resharing", i, v.Session)
		}
		if _, ok := partyByID(s.NewParties, v.SequencerId); !ok {
			return invalid("voice %d: %d is no new party of session %d", i, v.SequencerId, v.Session)
		}
		if len(v.PublicKey) != PubKeyLen {
			return invalid("voice %d: key of %d bytes", i, len(v.PublicKey))
		}
		k := [2]uint64{v.Session, v.SequencerId}
		if voices[k] {
			return invalid("voice %d: twice", i)
		}
		voices[k] = true
	}
	votes := map[[3]uint64]bool{}
	for i, v := range gs.BlameVotes {
		s, ok := sessionOf(gs, v.Session)
		if !ok || (s.Status != SESSION_STATUS_OPEN && s.BlameDeadlineHeight == 0) {
			return invalid("blame vote %d: session %d takes no blames", i, v.Session)
		}
		if v.Voter == v.Accused || !hasParty(s, v.Voter) || !hasParty(s, v.Accused) {
			return invalid("blame vote %d: voter %d or accused %d", i, v.Voter, v.Accused)
		}
		if _, ok := BlameReason_name[int32(v.Reason)]; !ok || v.Reason == BLAME_REASON_UNSPECIFIED {
			return invalid("blame vote %d: reason %d", i, v.Reason)
		}
		k := [3]uint64{v.Session, v.Accused, v.Voter}
		if votes[k] {
			return invalid("blame vote %d: twice", i)
		}
		votes[k] = true
	}
	return nil
}

func partyByID(ps []Party, id uint64) (Party, bool) {
	for _, p := range ps {
		if p.SequencerId == id {
			return p, true
		}
	}
	return Party{}, false
}
