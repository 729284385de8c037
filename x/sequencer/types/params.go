package types

import (
	"fmt"
	"time"

	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"
)

// OneToken is 10^18 base units (one METIS).
var OneToken = math.NewIntWithDecimal(1, 18)

// Defaults from SPEC section 3.1. DefaultExitDelay fills a param that unlocks no longer
// read (the claim time comes from the contract's UnlockInitiated event); it stays until a
// params migration removes it.
const (
	DefaultExitDelay        = 21 * 24 * time.Hour
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

// DefaultParams returns the SPEC defaults: min 20,000 and max 100,000 tokens.
func DefaultParams() Params {
	return Params{
		MinLock:           math.NewInt(20_000).Mul(OneToken),
		MaxLock:           math.NewInt(100_000).Mul(OneToken),
		ExitDelay:         DefaultExitDelay,
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
	if p.MinLock.IsNil() || !p.MinLock.IsPositive() {
		return errorsmod.Wrap(ErrInvalidParams, "min_lock must be positive")
	}
	if p.MaxLock.IsNil() || p.MaxLock.LT(p.MinLock) {
		return errorsmod.Wrap(ErrInvalidParams, "max_lock must be at least min_lock")
	}
	if p.MinLock.LT(OneToken) {
		return errorsmod.Wrap(ErrInvalidParams, "min_lock must be at least one token (10^18), or power would be 0")
	}
	// Power is an int64 of whole tokens; keep the cap far from overflow of the total.
	if p.MaxLock.Quo(OneToken).GT(math.NewInt(1 << 40)) {
		return errorsmod.Wrap(ErrInvalidParams, "max_lock is too large for int64 voting power")
	}
	if p.ExitDelay <= 0 {
		return errorsmod.Wrap(ErrInvalidParams, "exit_delay must be positive")
	}
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

// VotingPower is min(locked, max_lock) / 10^18, the sequencer's CometBFT power.
func VotingPower(locked, maxLock math.Int) int64 {
	if locked.IsNil() || !locked.IsPositive() {
		return 0
	}
	counted := math.MinInt(locked, maxLock)
	power := counted.Quo(OneToken)
	if !power.IsInt64() {
		panic(fmt.Sprintf("voting power %s overflows int64; params validation must prevent this", power))
	}
	return power.Int64()
}
