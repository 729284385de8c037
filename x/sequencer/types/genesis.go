package types

import (
	"fmt"

	errorsmod "cosmossdk.io/errors"
)

// DefaultGenesis is an empty pool with default params.
func DefaultGenesis() *GenesisState {
	return &GenesisState{Params: DefaultParams(), NextPendingId: 1, L1Config: DefaultL1Config(), L1Ledger: DefaultL1Ledger(), L1Admin: DefaultL1Admin()}
}

// Validate checks the genesis state as a whole: params, unique and well-formed
// records, consistent indices, and a validator history in height order.
func (gs GenesisState) Validate() error {
	if err := gs.Params.Validate(); err != nil {
		return err
	}
	if err := gs.L1Config.Validate(); err != nil {
		return errorsmod.Wrapf(ErrInvalidGenesis, "l1_config: %v", err)
	}
	if err := gs.L1Ledger.Validate(); err != nil {
		return errorsmod.Wrapf(ErrInvalidGenesis, "l1_ledger: %v", err)
	}
	fail := func(format string, args ...any) error {
		return errorsmod.Wrapf(ErrInvalidGenesis, format, args...)
	}
	white := map[string]bool{}
	for _, a := range gs.Whitelist {
		n, err := NormalizeL1Address(a)
		if err != nil || n != a {
			return fail("whitelist entry %q must be a lower-case 0x address", a)
		}
		if white[a] {
			return fail("whitelist entry %s is duplicated", a)
		}
		if a == zeroAddress {
			return fail("whitelist entry %s: the zero address cannot be an owner", a)
		}
		white[a] = true
	}
	l1White := map[string]bool{}
	for _, a := range gs.L1Whitelist {
		n, err := NormalizeL1Address(a)
		if err != nil || n != a || l1White[a] {
			return fail("l1_whitelist entry %q must be a lower-case 0x address, once", a)
		}
		l1White[a] = true
	}
	if err := gs.L1Admin.Validate(); err != nil {
		return fail("l1_admin: %v", err)
	}
	// signers holds the indexed signers: a sequencer in signer conflict carries a key
	// another holds (or a retired one) and is not indexed.
	nonces, signers := map[uint64]uint64{}, map[string]bool{}
	for _, s := range gs.Sequencers {
		if err := ValidateSequencer(s); err != nil {
			return fail("sequencer %d: %v", s.Id, err)
		}
		if _, dup := nonces[s.Id]; dup {
			return fail("sequencer id %d is duplicated", s.Id)
		}
		nonces[s.Id] = s.L1Nonce
		if s.SignerConflict {
			continue
		}
		if signers[s.Signer] {
			return fail("signer %s is used by two sequencers", s.Signer)
		}
		signers[s.Signer] = true
	}
	applied := map[string]bool{}
	for _, e := range gs.AppliedEvents {
		if applied[e] {
			return fail("applied event %s is duplicated", e)
		}
		applied[e] = true
	}
	pendingIDs, digests := map[uint64]bool{}, map[string]bool{}
	for _, p := range gs.PendingEvents {
		if p.Id == 0 || p.Id >= gs.NextPendingId {
			return fail("pending event id %d must be in [1, next_pending_id=%d)", p.Id, gs.NextPendingId)
		}
		if len(p.Digest) != 32 || len(p.Msg) == 0 || p.MsgType == "" {
			return fail("pending event %d is incomplete", p.Id)
		}
		if pendingIDs[p.Id] {
			return fail("pending event id %d is duplicated", p.Id)
		}
		if digests[string(p.Digest)] {
			return fail("pending event %d repeats another event's digest", p.Id)
		}
		pendingIDs[p.Id], digests[string(p.Digest)] = true, true
		if err := CheckPendingEvent(p); err != nil {
			return fail("%s", err)
		}
	}
	if gs.NextPendingId == 0 {
		return fail("next_pending_id must be at least 1")
	}
	for _, b := range gs.BannedAddresses {
		if n, err := NormalizeL1Address(b); err != nil || n != b {
			return fail("banned address %q must be a lower-case 0x address", b)
		}
	}
	retired := map[string]bool{}
	for _, r := range gs.RetiredSigners {
		if n, err := NormalizeL1Address(r); err != nil || n != r {
			return fail("retired signer %q must be a lower-case 0x address", r)
		}
		if retired[r] || signers[r] {
			return fail("retired signer %s is duplicated or still in use", r)
		}
		retired[r] = true
	}
	type seqNonce struct{ id, nonce uint64 }
	disagreements := map[seqNonce]bool{}
	for _, d := range gs.Disagreements {
		key := seqNonce{d.SequencerId, d.Nonce}
		if disagreements[key] {
			return fail("disagreement of sequencer %d nonce %d is duplicated", d.SequencerId, d.Nonce)
		}
		disagreements[key] = true
		at, ok := nonces[d.SequencerId]
		if !ok || d.Nonce == 0 || d.Nonce > at {
			return fail("disagreement of sequencer %d nonce %d names no applied event", d.SequencerId, d.Nonce)
		}
		if err := ValidateDisagreement(d); err != nil {
			return fail("disagreement of sequencer %d nonce %d: %v", d.SequencerId, d.Nonce, err)
		}
	}
	var last int64
	for i, h := range gs.ValidatorHistory {
		if i > 0 && h.Height <= last {
			return fail("validator history must be in increasing height order")
		}
		last = h.Height
	}
	return nil
}

// ValidateSequencer checks one record's fields and that the signer matches the key.
func ValidateSequencer(s Sequencer) error {
	if s.Id == 0 {
		return fmt.Errorf("id must be positive")
	}
	key, err := ParseSignerKey(s.PubKey)
	if err != nil {
		return err
	}
	if key.L1Address() != s.Signer {
		return fmt.Errorf("signer %s does not match the public key (%s)", s.Signer, key.L1Address())
	}
	if n, err := NormalizeL1Address(s.Owner); err != nil || n != s.Owner {
		return fmt.Errorf("owner %q must be a lower-case 0x address", s.Owner)
	}
	if n, err := NormalizeL1Address(s.RewardRecipient); err != nil || n != s.RewardRecipient {
		return fmt.Errorf("reward_recipient %q must be a lower-case 0x address", s.RewardRecipient)
	}
	if s.Locked.IsNil() || s.Locked.IsNegative() {
		return fmt.Errorf("locked must not be negative")
	}
	if !s.UnconfirmedSlash.IsNil() && s.UnconfirmedSlash.IsNegative() {
		return fmt.Errorf("unconfirmed_slash must not be negative")
	}
	if _, ok := SequencerStatus_name[int32(s.Status)]; !ok || s.Status == SEQUENCER_STATUS_UNSPECIFIED {
		return fmt.Errorf("status %d is not valid", s.Status)
	}
	if s.SignerConflict && s.Status == SEQUENCER_STATUS_ACTIVE {
		return fmt.Errorf("an ACTIVE sequencer must hold its signer (signer_conflict is set)")
	}
	if len(s.StatusReason) > MaxStatusReasonLen {
		return fmt.Errorf("status_reason is longer than %d bytes", MaxStatusReasonLen)
	}
	return s.Description.Validate()
}

// MaxStatusReasonLen bounds a stored status reason (a few findings' details).
const MaxStatusReasonLen = 1024

// ValidateDisagreement checks one stored alarm.
func ValidateDisagreement(d Disagreement) error {
	if err := d.Event.Validate(); err != nil {
		return err
	}
	if d.MsgType == "" {
		return fmt.Errorf("msg_type is empty")
	}
	if len(d.Findings) == 0 {
		return fmt.Errorf("no findings")
	}
	for _, f := range d.Findings {
		if _, ok := DisagreementReason_name[int32(f.Reason)]; !ok || f.Reason == DISAGREEMENT_REASON_UNSPECIFIED {
			return fmt.Errorf("reason %d is not valid", f.Reason)
		}
	}
	return nil
}
