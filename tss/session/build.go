package session

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/big"

	"github.com/bnb-chain/tss-lib/v2/ecdsa/keygen"
	"github.com/bnb-chain/tss-lib/v2/ecdsa/resharing"
	"github.com/bnb-chain/tss-lib/v2/ecdsa/signing"
	"github.com/bnb-chain/tss-lib/v2/tss"
)

// ErrMissingInput is a session started without the secret it needs.
var ErrMissingInput = errors.New("missing session input")

// buildKeygen makes the one keygen party of this engine.
func (s *Session) buildKeygen(in Inputs) error {
	if in.Preparams == nil || !in.Preparams.ValidateWithProof() {
		return fmt.Errorf("%w: keygen needs valid preparams", ErrMissingInput)
	}
	s.single = newCommittee(s.plan.Parties, s.plan.Generation, RoleParty)
	self := s.single.byAddr[s.plan.Self]
	params := tss.NewParameters(tss.S256(), tss.NewPeerContext(s.single.ids), self, len(s.single.ids), s.plan.Threshold)
	party := keygen.NewLocalParty(params, s.out, s.keyEnd, *in.Preparams)
	s.parties = []*localParty{{role: RoleParty, party: party, own: s.single}}
	return nil
}

// buildSign makes the one signing party of this engine. The share must be of the
// plan's generation: its indexes are the party keys of that generation.
func (s *Session) buildSign(in Inputs) error {
	if in.Share == nil || in.Share.Xi == nil {
		return fmt.Errorf("%w: signing needs this party's key share", ErrMissingInput)
	}
	s.single = newCommittee(s.plan.Parties, s.plan.Generation, RoleParty)
	if err := shareCovers(in.Share, s.single.ids); err != nil {
		return err
	}
	self := s.single.byAddr[s.plan.Self]
	params := tss.NewParameters(tss.S256(), tss.NewPeerContext(s.single.ids), self, len(s.single.ids), s.plan.Threshold)
	msg := new(big.Int).SetBytes(s.plan.Digest[:])
	share, err := copyShare(in.Share)
	if err != nil {
		return err
	}
	party := signing.NewLocalParty(msg, params, *share, s.out, s.sigEnd, 32)
	s.parties = []*localParty{{role: RoleParty, party: party, own: s.single}}
	s.signShare = in.Share
	return nil
}

// shareCovers checks that a share knows every party of a committee: a share of
// another generation (or another committee) would make tss-lib fail deep inside a
// round.
func shareCovers(share *keygen.LocalPartySaveData, ids tss.SortedPartyIDs) error {
	for _, id := range ids {
		found := false
		for _, k := range share.Ks {
			if k != nil && k.Cmp(id.KeyInt()) == 0 {
				found = true
				break
			}
		}
		if !found {
			return fmt.Errorf("%w: the key share does not know party %s (another generation?)", ErrMissingInput, id.Moniker)
		}
	}
	return nil
}

// buildReshare makes this engine's old party (a dealer), new party, or both.
func (s *Session) buildReshare(in Inputs) error {
	p := s.plan
	s.old = newCommittee(p.OldParties, p.Generation, RoleOld)
	s.new = newCommittee(p.NewParties, p.NewGeneration, RoleNew)
	oldCtx, newCtx := tss.NewPeerContext(s.old.ids), tss.NewPeerContext(s.new.ids)
	if self, ok := s.old.byAddr[p.Self]; ok {
		if in.Share == nil || in.Share.Xi == nil {
			return fmt.Errorf("%w: a dealer needs its key share", ErrMissingInput)
		}
		if err := shareCovers(in.Share, s.old.ids); err != nil {
			return err
		}
		// tss-lib zeroes the dealer's Xi in place when the resharing ends: the share
		// this engine keeps signing with until the chain confirms the successor must
		// not be the object the library holds.
		share, err := copyShare(in.Share)
		if err != nil {
			return err
		}
		s.signShare = in.Share
		params := tss.NewReSharingParameters(tss.S256(), oldCtx, newCtx, self, len(p.OldParties), p.OldThreshold, len(p.NewParties), p.NewThreshold)
		party := resharing.NewLocalParty(params, *share, s.out, s.keyEnd)
		s.parties = append(s.parties, &localParty{role: RoleOld, party: party, own: s.old})
	}
	if self, ok := s.new.byAddr[p.Self]; ok {
		if in.Preparams == nil || !in.Preparams.ValidateWithProof() {
			return fmt.Errorf("%w: a new party needs valid preparams", ErrMissingInput)
		}
		save := keygen.NewLocalPartySaveData(len(p.NewParties))
		save.LocalPreParams = *in.Preparams
		params := tss.NewReSharingParameters(tss.S256(), oldCtx, newCtx, self, len(p.OldParties), p.OldThreshold, len(p.NewParties), p.NewThreshold)
		party := resharing.NewLocalParty(params, save, s.out, s.keyEnd)
		s.parties = append(s.parties, &localParty{role: RoleNew, party: party, own: s.new})
	}
	return nil
}

// copyShare deep-copies a share so the library can never change the caller's.
func copyShare(share *keygen.LocalPartySaveData) (*keygen.LocalPartySaveData, error) {
	bz, err := json.Marshal(share)
	if err != nil {
		return nil, fmt.Errorf("copy key share: %w", err)
	}
	out := new(keygen.LocalPartySaveData)
	if err := json.Unmarshal(bz, out); err != nil {
		return nil, fmt.Errorf("copy key share: %w", err)
	}
	return out, nil
}

// signPublicKey is the pool key of the share a signing or a dealer started from.
func (s *Session) signPublicKey() []byte { return PublicKeyOf(s.signShare) }
