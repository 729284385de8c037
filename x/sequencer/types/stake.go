package types

import "cosmossdk.io/math"

// ChainStake is the chain's own view of a sequencer's stake: what L1 last reported as
// locked, less what x/slashing has decided to slash but L1 has not yet confirmed. Power
// and the unjail check read it, so a slash weighs at once, not when the pool's L1
// transaction lands. It is never negative, and an unset field counts as zero.
func ChainStake(s Sequencer) math.Int {
	locked := s.Locked
	if locked.IsNil() {
		locked = math.ZeroInt()
	}
	pending := UnconfirmedSlash(s)
	if pending.GTE(locked) {
		return math.ZeroInt()
	}
	return locked.Sub(pending)
}

// UnconfirmedSlash is the record's unconfirmed slash, zero if unset.
func UnconfirmedSlash(s Sequencer) math.Int {
	if s.UnconfirmedSlash.IsNil() {
		return math.ZeroInt()
	}
	return s.UnconfirmedSlash
}
