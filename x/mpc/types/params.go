package types

import (
	errorsmod "cosmossdk.io/errors"
)

// Defaults (the brief of the module, see README.md).
const (
	DefaultMaxMpcParties        = 21
	DefaultMinParties           = 4
	DefaultKeygenTimeoutBlocks  = 180
	DefaultReshareTimeoutBlocks = 180
	DefaultSignTimeoutBlocks    = 30
	DefaultReadyWindowBlocks    = 20
	DefaultCommitteeSettle      = 5
	DefaultMaxReportResults     = 16
	DefaultMaxBlamesPerReport   = 8
	DefaultMaxOpenSignSessions  = 4
)

// Bounds on the params. They bound the work and state one block can cost.
const (
	// MaxMpcPartiesLimit caps max_mpc_parties: a resharing session holds up to twice
	// this many parties, and every PreBlock matches reports against them.
	MaxMpcPartiesLimit = 64
	// MaxBlocksParam caps the block-count params (about two weeks of 1 s blocks).
	MaxBlocksParam = 1_209_600
	// MaxOpenSignSessionsLimit caps max_open_sign_sessions.
	MaxOpenSignSessionsLimit = 64
)

// DefaultParams returns the defaults.
func DefaultParams() Params {
	return Params{
		MaxMpcParties:         DefaultMaxMpcParties,
		MinParties:            DefaultMinParties,
		KeygenTimeoutBlocks:   DefaultKeygenTimeoutBlocks,
		ReshareTimeoutBlocks:  DefaultReshareTimeoutBlocks,
		SignTimeoutBlocks:     DefaultSignTimeoutBlocks,
		ReadyWindowBlocks:     DefaultReadyWindowBlocks,
		CommitteeSettleBlocks: DefaultCommitteeSettle,
		BlameSeverity:         BLAME_SEVERITY_LOW,
		MaxReportResults:      DefaultMaxReportResults,
		MaxBlamesPerReport:    DefaultMaxBlamesPerReport,
		MaxOpenSignSessions:   DefaultMaxOpenSignSessions,
		BatchMinBlocks:        DefaultBatchMinBlocks,
		BatchMaxBlocks:        DefaultBatchMaxBlocks,
		BatchHeadMargin:       DefaultBatchHeadMargin,
		BatchVoteBlocks:       DefaultBatchVoteBlocks,
		BatchGas:              DefaultBatchGas,
		AcceptPoolGas:         DefaultAcceptPoolGas,
		MaxFeePerGas:          DefaultMaxFeePerGas,
		PriorityFeePerGas:     DefaultPriorityFeePerGas,
		FeeBumpPercent:        DefaultFeeBumpPercent,
		StuckBlocks:           DefaultStuckBlocks,
		MinPoolBalance:        DefaultMinPoolBalance,
		MaxReverts:            DefaultMaxReverts,
	}
}

// Validate checks every field; the error names the field.
func (p Params) Validate() error {
	if p.MaxMpcParties == 0 || p.MaxMpcParties > MaxMpcPartiesLimit {
		return errorsmod.Wrapf(ErrInvalidParams, "max_mpc_parties %d outside [1, %d]", p.MaxMpcParties, MaxMpcPartiesLimit)
	}
	if p.MinParties == 0 || p.MinParties > p.MaxMpcParties {
		return errorsmod.Wrapf(ErrInvalidParams, "min_parties %d outside [1, max_mpc_parties %d]", p.MinParties, p.MaxMpcParties)
	}
	for _, f := range []struct {
		name string
		v    uint64
		min  uint64
	}{
		{"keygen_timeout_blocks", p.KeygenTimeoutBlocks, 1},
		{"reshare_timeout_blocks", p.ReshareTimeoutBlocks, 1},
		{"sign_timeout_blocks", p.SignTimeoutBlocks, 1},
		{"ready_window_blocks", p.ReadyWindowBlocks, 1},
		{"committee_settle_blocks", p.CommitteeSettleBlocks, 0},
	} {
		if f.v < f.min || f.v > MaxBlocksParam {
			return errorsmod.Wrapf(ErrInvalidParams, "%s %d outside [%d, %d]", f.name, f.v, f.min, MaxBlocksParam)
		}
	}
	if _, ok := BlameSeverity_name[int32(p.BlameSeverity)]; !ok {
		return errorsmod.Wrapf(ErrInvalidParams, "blame_severity %d", p.BlameSeverity)
	}
	if p.MaxReportResults == 0 || p.MaxReportResults > MaxResultsPerReport {
		return errorsmod.Wrapf(ErrInvalidParams, "max_report_results %d outside [1, %d]", p.MaxReportResults, MaxResultsPerReport)
	}
	if p.MaxBlamesPerReport > MaxBlamesPerReport {
		return errorsmod.Wrapf(ErrInvalidParams, "max_blames_per_report %d above %d", p.MaxBlamesPerReport, MaxBlamesPerReport)
	}
	if p.MaxOpenSignSessions == 0 || p.MaxOpenSignSessions > MaxOpenSignSessionsLimit {
		return errorsmod.Wrapf(ErrInvalidParams, "max_open_sign_sessions %d outside [1, %d]", p.MaxOpenSignSessions, MaxOpenSignSessionsLimit)
	}
	return p.validateOutbound()
}

// TimeoutOf is the timeout of a session kind.
func (p Params) TimeoutOf(kind SessionKind) uint64 {
	switch kind {
	case SESSION_KIND_KEYGEN:
		return p.KeygenTimeoutBlocks
	case SESSION_KIND_RESHARE:
		return p.ReshareTimeoutBlocks
	default:
		return p.SignTimeoutBlocks
	}
}
