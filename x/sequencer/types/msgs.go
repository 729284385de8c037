package types

import (
	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"
	sdk "github.com/cosmos/cosmos-sdk/types"
)

// L1EventMsg is a relayed L1 staking event. Every one names its log, its sequencer
// and the sequencer's L1 nonce after the event.
type L1EventMsg interface {
	sdk.Msg
	GetSubmitter() string
	GetEvent() L1EventRef
	GetSequencerId() uint64
	GetNonce() uint64
	SetSubmitter(submitter string)
	SetEvent(ref L1EventRef)
	// ValidateBasic checks the message without state.
	ValidateBasic() error
}

var (
	_ L1EventMsg = (*MsgLocked)(nil)
	_ L1EventMsg = (*MsgRelocked)(nil)
	_ L1EventMsg = (*MsgWithdrawn)(nil)
	_ L1EventMsg = (*MsgUnlockInitiated)(nil)
	_ L1EventMsg = (*MsgUnlockClaimed)(nil)
	_ L1EventMsg = (*MsgSignerChanged)(nil)
	_ L1EventMsg = (*MsgRewardRecipientChanged)(nil)
	_ L1EventMsg = (*MsgSlashed)(nil)
	_ L1EventMsg = (*MsgConfigChanged)(nil)
	_ L1EventMsg = (*MsgLedgerChanged)(nil)
)

// Slash severities of the staking contract's Slashed event.
const (
	SeverityMedium   uint32 = 1
	SeverityHigh     uint32 = 2
	SeverityCritical uint32 = 3
)

// MaxUnlockableAt is the last second a protobuf Timestamp can hold (9999-12-31T23:59:59Z):
// a later unlock time could not be stored in the sequencer's record.
const MaxUnlockableAt uint64 = 253_402_300_799

// OffenceIDLen is the length of a Slashed event's offence id (a bytes32).
const OffenceIDLen = 32

// validateEventHeader checks what every relayed per-sequencer event has in common.
func validateEventHeader(submitter string, ref L1EventRef, sequencerID, nonce uint64) error {
	if err := validateSubmitterAndRef(submitter, ref); err != nil {
		return err
	}
	if sequencerID == 0 {
		return errorsmod.Wrap(ErrSequencerNotFound, "sequencer id 0 is never assigned")
	}
	if nonce == 0 {
		return errorsmod.Wrap(ErrNonceOutOfOrder, "nonce must be at least 1")
	}
	return nil
}

// validateSubmitterAndRef checks who relays and which log: every relayed event has both.
func validateSubmitterAndRef(submitter string, ref L1EventRef) error {
	if _, err := sdk.AccAddressFromBech32(submitter); err != nil {
		return errorsmod.Wrapf(ErrInvalidAddress, "submitter %q: %v", submitter, err)
	}
	if err := ref.Validate(); err != nil {
		return errorsmod.Wrap(ErrInvalidEventRef, err.Error())
	}
	return nil
}

func validatePositive(name string, amount math.Int) error {
	if amount.IsNil() || !amount.IsPositive() {
		return errorsmod.Wrapf(ErrInvalidAmount, "%s must be positive", name)
	}
	return nil
}

func validateNonNegative(name string, amount math.Int) error {
	if amount.IsNil() || amount.IsNegative() {
		return errorsmod.Wrapf(ErrInvalidAmount, "%s must not be negative", name)
	}
	return nil
}

// ValidateBasic implements L1EventMsg.
func (m *MsgLocked) ValidateBasic() error {
	if err := validateEventHeader(m.Submitter, m.Event, m.SequencerId, m.Nonce); err != nil {
		return err
	}
	if m.Nonce != 1 {
		return errorsmod.Wrapf(ErrNonceOutOfOrder, "a lock starts the sequencer's nonce at 1, got %d", m.Nonce)
	}
	if _, err := NormalizeL1Address(m.Owner); err != nil {
		return errorsmod.Wrapf(ErrInvalidAddress, "owner: %v", err)
	}
	if _, err := NormalizeL1Address(m.RewardRecipient); err != nil {
		return errorsmod.Wrapf(ErrInvalidAddress, "reward_recipient: %v", err)
	}
	if _, err := ParseSignerKey(m.PubKey); err != nil {
		return errorsmod.Wrap(ErrInvalidPubKey, err.Error())
	}
	return validatePositive("amount", m.Amount)
}

// ValidateBasic implements L1EventMsg.
func (m *MsgRelocked) ValidateBasic() error {
	if err := validateEventHeader(m.Submitter, m.Event, m.SequencerId, m.Nonce); err != nil {
		return err
	}
	if err := validatePositive("amount", m.Amount); err != nil {
		return err
	}
	if err := validatePositive("total", m.Total); err != nil {
		return err
	}
	if m.Total.LT(m.Amount) {
		return errorsmod.Wrap(ErrInvalidAmount, "total cannot be less than the amount added")
	}
	return nil
}

// ValidateBasic implements L1EventMsg.
func (m *MsgWithdrawn) ValidateBasic() error {
	if err := validateEventHeader(m.Submitter, m.Event, m.SequencerId, m.Nonce); err != nil {
		return err
	}
	if err := validatePositive("amount", m.Amount); err != nil {
		return err
	}
	return validatePositive("total", m.Total)
}

// ValidateBasic implements L1EventMsg.
func (m *MsgUnlockInitiated) ValidateBasic() error {
	if err := validateEventHeader(m.Submitter, m.Event, m.SequencerId, m.Nonce); err != nil {
		return err
	}
	if m.UnlockableAt == 0 {
		return errorsmod.Wrap(ErrInvalidUnlockTime, "unlockable_at must be set")
	}
	if m.UnlockableAt > MaxUnlockableAt {
		return errorsmod.Wrapf(ErrInvalidUnlockTime, "unlockable_at %d is after year 9999", m.UnlockableAt)
	}
	return nil
}

// ValidateBasic implements L1EventMsg.
func (m *MsgUnlockClaimed) ValidateBasic() error {
	if err := validateEventHeader(m.Submitter, m.Event, m.SequencerId, m.Nonce); err != nil {
		return err
	}
	return validateNonNegative("amount", m.Amount)
}

// ValidateBasic implements L1EventMsg.
func (m *MsgSignerChanged) ValidateBasic() error {
	if err := validateEventHeader(m.Submitter, m.Event, m.SequencerId, m.Nonce); err != nil {
		return err
	}
	if _, err := ParseSignerKey(m.NewPubKey); err != nil {
		return errorsmod.Wrap(ErrInvalidPubKey, err.Error())
	}
	return nil
}

// ValidateBasic implements L1EventMsg.
func (m *MsgRewardRecipientChanged) ValidateBasic() error {
	if err := validateEventHeader(m.Submitter, m.Event, m.SequencerId, m.Nonce); err != nil {
		return err
	}
	if _, err := NormalizeL1Address(m.NewRecipient); err != nil {
		return errorsmod.Wrapf(ErrInvalidAddress, "new_recipient: %v", err)
	}
	return nil
}

// ValidateBasic implements L1EventMsg.
func (m *MsgSlashed) ValidateBasic() error {
	if err := validateEventHeader(m.Submitter, m.Event, m.SequencerId, m.Nonce); err != nil {
		return err
	}
	if len(m.OffenceId) != OffenceIDLen {
		return errorsmod.Wrapf(ErrInvalidOffence, "offence_id is %d bytes, want %d", len(m.OffenceId), OffenceIDLen)
	}
	if m.Severity < SeverityMedium || m.Severity > SeverityCritical {
		return errorsmod.Wrapf(ErrInvalidOffence, "severity %d is not 1 (medium), 2 (high) or 3 (critical)", m.Severity)
	}
	if err := validateNonNegative("amount", m.Amount); err != nil {
		return err
	}
	return validateNonNegative("total", m.Total)
}

// ValidateBasic checks the authority address and the params.
func (m *MsgUpdateParams) ValidateBasic() error {
	if _, err := sdk.AccAddressFromBech32(m.Authority); err != nil {
		return errorsmod.Wrapf(ErrInvalidAddress, "authority: %v", err)
	}
	return m.Params.Validate()
}

// ValidateBasic checks every address and that nothing is both added and removed.
func (m *MsgUpdateWhitelist) ValidateBasic() error {
	if _, err := sdk.AccAddressFromBech32(m.Authority); err != nil {
		return errorsmod.Wrapf(ErrInvalidAddress, "authority: %v", err)
	}
	if len(m.Add) == 0 && len(m.Remove) == 0 {
		return errorsmod.Wrap(ErrInvalidAddress, "nothing to add or remove")
	}
	seen := make(map[string]bool, len(m.Add)+len(m.Remove))
	for _, list := range [][]string{m.Add, m.Remove} {
		for _, a := range list {
			n, err := NormalizeL1Address(a)
			if err != nil {
				return errorsmod.Wrap(ErrInvalidAddress, err.Error())
			}
			if n == zeroAddress {
				// The contract never whitelists it: the pool would try for ever.
				return errorsmod.Wrap(ErrInvalidAddress, "the zero address cannot be an owner")
			}
			if seen[n] {
				return errorsmod.Wrapf(ErrInvalidAddress, "%s is listed twice", n)
			}
			seen[n] = true
		}
	}
	return nil
}

// Description limits, as dashboards show them.
const (
	MaxMonikerLen   = 70
	MaxWebsiteLen   = 140
	MaxAvatarURLLen = 256
	MaxDetailsLen   = 280
)

// Validate checks the description's lengths.
func (d Description) Validate() error {
	for _, f := range []struct {
		name string
		val  string
		max  int
	}{
		{"moniker", d.Moniker, MaxMonikerLen},
		{"website", d.Website, MaxWebsiteLen},
		{"avatar_url", d.AvatarUrl, MaxAvatarURLLen},
		{"details", d.Details, MaxDetailsLen},
	} {
		if len(f.val) > f.max {
			return errorsmod.Wrapf(ErrInvalidDescription, "%s is %d bytes, at most %d", f.name, len(f.val), f.max)
		}
	}
	return nil
}

// ValidateBasic checks the sender and the description.
func (m *MsgEditDescription) ValidateBasic() error {
	if _, err := sdk.AccAddressFromBech32(m.Sender); err != nil {
		return errorsmod.Wrapf(ErrInvalidAddress, "sender: %v", err)
	}
	return m.Description.Validate()
}
