package types

import (
	"time"

	errorsmod "cosmossdk.io/errors"
)

// Defaults from SPEC section 3.2.
const (
	DefaultEpochLength     = 1_000
	DefaultLeadTime        = 100
	DefaultStallThreshold  = 60 * time.Second
	DefaultReadinessWindow = 30 * time.Second
	DefaultHeadTolerance   = 10
	// MinStallThreshold: a few blocks, and five times the most a new head's count
	// is backdated (l2head.MaxBackdate), so the backdate never decides a stall alone.
	MinStallThreshold = 5 * time.Second
	// MaxEpochLength keeps end heights far from overflow and epochs humanly sized.
	MaxEpochLength = 10_000_000
	// NextMaxHistoryPage is the history-query cap the "v2" upgrade's store migration
	// sets (genesis keeps 0, no cap, as chains had before it).
	NextMaxHistoryPage = 1_000
	// MinMaxHistoryPage: a cap below this would break clients paging the history.
	MinMaxHistoryPage = 10
)

// DefaultParams returns the SPEC defaults. require_tss_ready is off until the TSS
// engine (x/mpc) reports readiness; see the module README. l2_chain_id is 0 (no
// wrong-state-root evidence) until governance, or the genesis, names the L2.
func DefaultParams() Params {
	return Params{
		EpochLength:     DefaultEpochLength,
		LeadTime:        DefaultLeadTime,
		StallThreshold:  DefaultStallThreshold,
		ReadinessWindow: DefaultReadinessWindow,
		HeadTolerance:   DefaultHeadTolerance,
	}
}

// Validate checks every field; the error names the field.
func (p Params) Validate() error {
	if p.EpochLength == 0 || p.EpochLength > MaxEpochLength {
		return errorsmod.Wrapf(ErrInvalidParams, "epoch_length %d outside [1, %d]", p.EpochLength, MaxEpochLength)
	}
	if p.LeadTime >= p.EpochLength {
		return errorsmod.Wrapf(ErrInvalidParams, "lead_time %d must be below epoch_length %d", p.LeadTime, p.EpochLength)
	}
	if p.StallThreshold < MinStallThreshold {
		return errorsmod.Wrapf(ErrInvalidParams, "stall_threshold %s below %s", p.StallThreshold, MinStallThreshold)
	}
	if p.ReadinessWindow < time.Second {
		return errorsmod.Wrapf(ErrInvalidParams, "readiness_window %s below 1s", p.ReadinessWindow)
	}
	if p.HeadTolerance > p.EpochLength {
		return errorsmod.Wrapf(ErrInvalidParams, "head_tolerance %d above epoch_length %d", p.HeadTolerance, p.EpochLength)
	}
	if p.L2ChainId > MaxL2ChainID {
		return errorsmod.Wrapf(ErrInvalidParams, "l2_chain_id %d above %d (EIP-2294)", p.L2ChainId, MaxL2ChainID)
	}
	if p.MaxHistoryPage != 0 && p.MaxHistoryPage < MinMaxHistoryPage {
		return errorsmod.Wrapf(ErrInvalidParams, "max_history_page %d: 0 (no cap) or at least %d", p.MaxHistoryPage, MinMaxHistoryPage)
	}
	return nil
}
