package types

import (
	"context"

	"cosmossdk.io/math"
)

// L1SlashFact is what a relayed, approved Slashed event says L1 did.
type L1SlashFact struct {
	SequencerID uint64
	// OffenceID is the contract's 32-byte offence key, as the pool sent it.
	OffenceID []byte
	EscrowID  uint64
	Severity  uint32
	// Amount is what L1 took; Total the lock after it.
	Amount, Total math.Int
}

// SlashHooks is what x/sequencer tells x/slashing about L1: its slashes, and the ledger
// movements (reward batches, withdrawals, escrow pay-outs) that settle x/slashing's
// other L1 actions.
type SlashHooks interface {
	// AfterL1Slashed runs when an L1 Slashed event is applied. It returns the part of
	// the sequencer's unconfirmed slash the event settles (what the chain had asked for,
	// zero if the event matches nothing of the chain's). It cannot refuse the event: L1
	// is authoritative, so a disagreement is the hook's alarm, never an error.
	AfterL1Slashed(ctx context.Context, fact L1SlashFact) math.Int
	// AfterL1Ledger runs when a ledger event is applied (after L1Ledger moved). Like
	// AfterL1Slashed it cannot refuse the event; it keeps its own writes only if they
	// all succeed.
	AfterL1Ledger(ctx context.Context, msg *MsgLedgerChanged)
}
