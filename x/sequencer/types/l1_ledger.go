package types

import (
	"fmt"
	"math"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"
)

// The staking contract's ledger, mirrored: the reward reserve, credited reward batches,
// reward withdrawals and escrow pay-outs. The contract numbers every movement
// (ledgerNonce) and emits one event per movement; the chain applies them in that order,
// in the relay queue's nonce chain of LedgerSequencerID, which the contract never
// assigns (ids count up from 1). x/slashing settles its L1 actions from them.

// LedgerSequencerID is the nonce chain ledger events are ordered in.
const LedgerSequencerID uint64 = math.MaxUint64

// DefaultL1Ledger is the ledger of a contract that has moved nothing yet.
func DefaultL1Ledger() L1Ledger { return L1Ledger{RewardReserve: sdkmath.ZeroInt()} }

// Validate checks what the contract itself guarantees of its ledger. A missing reserve
// (a genesis file from before the ledger was mirrored) reads as zero.
func (l L1Ledger) Validate() error {
	if !l.RewardReserve.IsNil() && l.RewardReserve.IsNegative() {
		return errorsmod.Wrapf(ErrInvalidLedgerChange, "reward_reserve %v must be zero or more", l.RewardReserve)
	}
	return nil
}

// Apply returns the ledger after change (checked by ValidateBasic), the change's name
// and a description for the event.
func (l L1Ledger) Apply(m *MsgLedgerChanged) (L1Ledger, string, string) {
	before := l
	l.LedgerNonce = m.LedgerNonce
	switch ch := m.Change.(type) {
	case *MsgLedgerChanged_RewardsFunded:
		l.RewardReserve = ch.RewardsFunded.Reserve
		return l, "rewards_funded", fmt.Sprintf("%s by %s; reserve %s", ch.RewardsFunded.Amount, ch.RewardsFunded.Funder, l.RewardReserve)
	case *MsgLedgerChanged_RewardBatch:
		l.RewardReserve, l.LastRewardBatch = ch.RewardBatch.Reserve, ch.RewardBatch.BatchId
		return l, "reward_batch", fmt.Sprintf("batch %d: %d payments, %s; reserve %s", ch.RewardBatch.BatchId,
			ch.RewardBatch.Count, ch.RewardBatch.Total, l.RewardReserve)
	case *MsgLedgerChanged_RewardsWithdrawn:
		w := ch.RewardsWithdrawn
		return l, "rewards_withdrawn", fmt.Sprintf("sequencer %d: %s to %s", w.SequencerId, w.Amount, w.Recipient)
	case *MsgLedgerChanged_EscrowRefunded:
		e := ch.EscrowRefunded
		return l, "escrow_refunded", fmt.Sprintf("escrow %d of sequencer %d: %s to %s", e.EscrowId, e.SequencerId, e.Amount, e.To)
	case *MsgLedgerChanged_EscrowReleased:
		e := ch.EscrowReleased
		return l, "escrow_released", fmt.Sprintf("escrow %d of sequencer %d: %s to %s", e.EscrowId, e.SequencerId, e.Amount, e.To)
	}
	return before, "unknown", "" // unreachable: ValidateBasic requires a change
}

// ValidateBasic implements L1EventMsg: the header, and exactly the values the contract's
// event can carry (it never moves a zero amount it refuses, never names id 0).
func (m *MsgLedgerChanged) ValidateBasic() error {
	if err := validateSubmitterAndRef(m.Submitter, m.Event); err != nil {
		return err
	}
	if m.LedgerNonce == 0 {
		return errorsmod.Wrap(ErrNonceOutOfOrder, "ledger_nonce must be at least 1")
	}
	switch ch := m.Change.(type) {
	case *MsgLedgerChanged_RewardsFunded:
		if f := ch.RewardsFunded; f != nil {
			if err := requireNonZeroAddress("funder", f.Funder); err != nil {
				return err
			}
			if err := positiveLedgerAmount("amount", f.Amount); err != nil {
				return err
			}
			if f.Reserve.IsNil() || f.Reserve.LT(f.Amount) {
				return errorsmod.Wrapf(ErrInvalidLedgerChange, "reserve %v below the amount just funded %s", f.Reserve, f.Amount)
			}
			return nil
		}
	case *MsgLedgerChanged_RewardBatch:
		if b := ch.RewardBatch; b != nil {
			if b.BatchId == 0 {
				return errorsmod.Wrap(ErrInvalidLedgerChange, "batch_id must be at least 1")
			}
			if b.Total.IsNil() || b.Total.IsNegative() || b.Reserve.IsNil() || b.Reserve.IsNegative() {
				return errorsmod.Wrapf(ErrInvalidLedgerChange, "total %v and reserve %v must be zero or more", b.Total, b.Reserve)
			}
			return nil
		}
	case *MsgLedgerChanged_RewardsWithdrawn:
		if w := ch.RewardsWithdrawn; w != nil {
			if w.SequencerId == 0 || w.SequencerId == LedgerSequencerID {
				return errorsmod.Wrapf(ErrInvalidLedgerChange, "sequencer_id %d is not one the contract assigns", w.SequencerId)
			}
			if err := requireNonZeroAddress("recipient", w.Recipient); err != nil {
				return err
			}
			return positiveLedgerAmount("amount", w.Amount)
		}
	case *MsgLedgerChanged_EscrowRefunded:
		if e := ch.EscrowRefunded; e != nil {
			return e.validate()
		}
	case *MsgLedgerChanged_EscrowReleased:
		if e := ch.EscrowReleased; e != nil {
			return e.validate()
		}
	}
	return errorsmod.Wrap(ErrInvalidLedgerChange, "no change set")
}

func (e *EscrowPaidOut) validate() error {
	if e.EscrowId == 0 {
		return errorsmod.Wrap(ErrInvalidLedgerChange, "escrow_id must be at least 1")
	}
	if e.SequencerId == 0 || e.SequencerId == LedgerSequencerID {
		return errorsmod.Wrapf(ErrInvalidLedgerChange, "sequencer_id %d is not one the contract assigns", e.SequencerId)
	}
	if err := requireNonZeroAddress("to", e.To); err != nil {
		return err
	}
	return positiveLedgerAmount("amount", e.Amount)
}

func positiveLedgerAmount(name string, v sdkmath.Int) error {
	if v.IsNil() || !v.IsPositive() {
		return errorsmod.Wrapf(ErrInvalidLedgerChange, "%s %v must be positive", name, v)
	}
	return nil
}

// GetSequencerId implements L1EventMsg: ledger movements form the nonce chain of
// LedgerSequencerID.
func (m *MsgLedgerChanged) GetSequencerId() uint64 { return LedgerSequencerID }

// GetNonce implements L1EventMsg: the contract's ledgerNonce.
func (m *MsgLedgerChanged) GetNonce() uint64 { return m.LedgerNonce }

// SetSubmitter implements L1EventMsg.
func (m *MsgLedgerChanged) SetSubmitter(s string) { m.Submitter = s }

// SetEvent implements L1EventMsg.
func (m *MsgLedgerChanged) SetEvent(ref L1EventRef) { m.Event = ref }
