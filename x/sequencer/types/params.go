package types

import (
	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"
)

// OneToken is 10^18 base units (one METIS).
var OneToken = math.NewIntWithDecimal(1, 18)

// Defaults from SPEC section 3.1.
const (
	DefaultL1Confirmations  = 12
	DefaultL1ChainID        = 1
	DefaultEventTTLBlocks   = 100
	DefaultMaxPendingEvents = 10_000
	// DefaultMaxUndecidedVotes: about 20 s of votes. An honest node that lags its
	// peers' L1 view by a block or two says UNSPECIFIED for a few votes only; what
	// nobody can judge for this long is dropped (a genuine event is relayed again).
	DefaultMaxUndecidedVotes = 20
	// DefaultNonceLookahead matches the vote window (x/voteext's 128 items per queue),
	// so a sequencer's backlog can be approved in one vote and applied in order.
	DefaultNonceLookahead = 128
	// MaxNonceLookahead bounds the lookahead a proposal may set.
	MaxNonceLookahead = 4096
)

// DefaultParams returns the SPEC defaults. The lock limits and the exit delay are the
// contract's (L1Config), not parameters.
func DefaultParams() Params {
	return Params{
		L1Confirmations:   DefaultL1Confirmations,
		L1ChainId:         DefaultL1ChainID,
		StakingContract:   "0x0000000000000000000000000000000000000000",
		EventTtlBlocks:    DefaultEventTTLBlocks,
		MaxPendingEvents:  DefaultMaxPendingEvents,
		MaxUndecidedVotes: DefaultMaxUndecidedVotes,
		NonceLookahead:    DefaultNonceLookahead,
	}
}

// Validate checks every field; the error names the field.
func (p Params) Validate() error {
	if p.L1ChainId == 0 {
		return errorsmod.Wrap(ErrInvalidParams, "l1_chain_id must be set")
	}
	if _, err := NormalizeL1Address(p.StakingContract); err != nil {
		return errorsmod.Wrapf(ErrInvalidParams, "staking_contract: %v", err)
	}
	if p.EventTtlBlocks == 0 {
		return errorsmod.Wrap(ErrInvalidParams, "event_ttl_blocks must be positive")
	}
	if p.MaxPendingEvents == 0 {
		return errorsmod.Wrap(ErrInvalidParams, "max_pending_events must be positive")
	}
	if p.MaxUndecidedVotes < 2 {
		return errorsmod.Wrap(ErrInvalidParams, "max_undecided_votes must be at least 2, or an honest node one L1 block behind would get genuine events dropped")
	}
	if p.NonceLookahead == 0 || p.NonceLookahead > MaxNonceLookahead {
		return errorsmod.Wrapf(ErrInvalidParams, "nonce_lookahead must be in [1, %d]", MaxNonceLookahead)
	}
	return nil
}

// MaxPowerPerSequencer bounds one sequencer's power (whole tokens, 2^40, about 10^12):
// max_lock is the contract's and may be any uint256, but CometBFT's total power must
// stay below 2^60, which this leaves room for with 2^19 sequencers.
const MaxPowerPerSequencer int64 = 1 << 40

// VotingPower is min(locked, max_lock) / 10^18, the sequencer's CometBFT power, never
// above MaxPowerPerSequencer.
func VotingPower(locked, maxLock math.Int) int64 {
	if locked.IsNil() || !locked.IsPositive() || maxLock.IsNil() || !maxLock.IsPositive() {
		return 0
	}
	power := math.MinInt(locked, maxLock).Quo(OneToken)
	if power.GT(math.NewInt(MaxPowerPerSequencer)) {
		return MaxPowerPerSequencer
	}
	return power.Int64()
}
