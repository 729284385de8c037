package types

import (
	"fmt"
	"strings"
)

// The rule: L1 decides stake and keys, the chain decides admission. A confirmed L1
// event is always applied as L1 says; what the chain disagrees with is a finding,
// which changes status or power and raises an alarm, never a refusal. This file
// holds the pure part of that: no store, no context.

// AdmissionFacts are what the chain knows about whether a locked sequencer may be ACTIVE.
// The stake is not among them: min_lock is the contract's, which refuses any lock or
// withdrawal below it, and a raised min_lock leaves existing locks standing on L1 as on
// the chain. So admission never depends on when a limits change was relayed.
type AdmissionFacts struct {
	Owner, Signer    string
	OwnerWhitelisted bool
	OwnerBanned      bool
	SignerBanned     bool
	// SignerConflict, when not empty, says why the signer cannot be indexed (held by
	// another sequencer, or retired).
	SignerConflict string
}

// Findings lists why the sequencer may not be ACTIVE, in a fixed order; none means it may.
func (f AdmissionFacts) Findings() []DisagreementFinding {
	var out []DisagreementFinding
	if f.OwnerBanned {
		out = append(out, DisagreementFinding{Reason: DISAGREEMENT_REASON_BANNED, Detail: fmt.Sprintf("owner %s is banned", f.Owner)})
	}
	if f.SignerBanned {
		out = append(out, DisagreementFinding{Reason: DISAGREEMENT_REASON_BANNED, Detail: fmt.Sprintf("signer %s is banned", f.Signer)})
	}
	if f.SignerConflict != "" {
		out = append(out, DisagreementFinding{Reason: DISAGREEMENT_REASON_SIGNER_CONFLICT, Detail: f.SignerConflict})
	}
	if !f.OwnerWhitelisted {
		out = append(out, DisagreementFinding{Reason: DISAGREEMENT_REASON_NOT_WHITELISTED, Detail: fmt.Sprintf("owner %s is not whitelisted", f.Owner)})
	}
	return out
}

// LockStatus is the status a new lock gets: BANNED when its owner or signer is banned,
// NOT_ADMITTED for any other finding, ACTIVE otherwise; with the reason.
func LockStatus(findings []DisagreementFinding) (SequencerStatus, string) {
	if len(findings) == 0 {
		return SEQUENCER_STATUS_ACTIVE, ""
	}
	for _, f := range findings {
		if f.Reason == DISAGREEMENT_REASON_BANNED {
			return SEQUENCER_STATUS_BANNED, JoinFindings(findings)
		}
	}
	return SEQUENCER_STATUS_NOT_ADMITTED, JoinFindings(findings)
}

// JoinFindings is the findings' details as one status reason, at most MaxStatusReasonLen bytes.
func JoinFindings(findings []DisagreementFinding) string {
	details := make([]string, len(findings))
	for i, f := range findings {
		details[i] = f.Detail
	}
	reason := strings.Join(details, "; ")
	if len(reason) > MaxStatusReasonLen {
		reason = reason[:MaxStatusReasonLen]
	}
	return reason
}

// L1Active reports whether the status is one the contract shows as Active (it lets the
// owner relock, withdraw and initiate the unlock): every status but UNLOCKING and UNLOCKED.
func L1Active(s SequencerStatus) bool {
	return s != SEQUENCER_STATUS_UNLOCKING && s != SEQUENCER_STATUS_UNLOCKED
}

// EventFindings compares an event with the record it applies to, before it is applied:
// an event the contract cannot emit in the record's status, and amounts that do not add
// up against the record. L1 wins either way; these are the alarms.
func EventFindings(msg L1EventMsg, s Sequencer) []DisagreementFinding {
	var out []DisagreementFinding
	status := func(format string, args ...any) {
		out = append(out, DisagreementFinding{Reason: DISAGREEMENT_REASON_STATUS_MISMATCH, Detail: fmt.Sprintf(format, args...)})
	}
	amount := func(format string, args ...any) {
		out = append(out, DisagreementFinding{Reason: DISAGREEMENT_REASON_AMOUNT_MISMATCH, Detail: fmt.Sprintf(format, args...)})
	}
	switch m := msg.(type) {
	case *MsgRelocked:
		if !L1Active(s.Status) {
			status("relocked while the chain has sequencer %d %s", s.Id, s.Status)
		}
		if !m.Total.Equal(s.Locked.Add(m.Amount)) {
			amount("total %s is not locked %s + amount %s", m.Total, s.Locked, m.Amount)
		}
	case *MsgWithdrawn:
		if !L1Active(s.Status) {
			status("withdrawn while the chain has sequencer %d %s", s.Id, s.Status)
		}
		if !m.Total.Add(m.Amount).Equal(s.Locked) {
			amount("total %s + amount %s is not locked %s", m.Total, m.Amount, s.Locked)
		}
	case *MsgUnlockInitiated:
		if !L1Active(s.Status) {
			status("unlock initiated while the chain has sequencer %d %s", s.Id, s.Status)
		}
	case *MsgUnlockClaimed:
		if s.Status != SEQUENCER_STATUS_UNLOCKING {
			status("unlock claimed while the chain has sequencer %d %s, not UNLOCKING", s.Id, s.Status)
		}
		if !m.Amount.Equal(s.Locked) {
			amount("claimed %s, but locked is %s", m.Amount, s.Locked)
		}
	case *MsgSignerChanged:
		if s.Status == SEQUENCER_STATUS_UNLOCKED {
			status("signer changed while the chain has sequencer %d UNLOCKED", s.Id)
		}
	case *MsgSlashed:
		// The contract takes a slash from the lock first, then from a pending withdrawal
		// (which the chain does not mirror: the lock already fell at the withdrawal), so
		// the lock falls by at most the amount: locked - amount <= total <= locked.
		if m.Total.GT(s.Locked) || m.Total.Add(m.Amount).LT(s.Locked) {
			amount("total %s is not between locked %s - amount %s and locked", m.Total, s.Locked, m.Amount)
		}
	}
	return out
}
