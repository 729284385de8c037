package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"

	"github.com/themis-network/themis/x/sequencer/types"
)

// The staking contract's ledger (L1Ledger): the reward reserve and the last credited
// reward batch, changed only by relayed, approved ledger events in ledgerNonce order.
// Every ledger event is also handed to x/slashing (the hooks), which settles the L1
// actions it confirms and follows what operators withdrew.

// GetL1Ledger returns the staking contract's ledger as the chain mirrors it (the zero
// ledger before any genesis set one).
func (k Keeper) GetL1Ledger(ctx context.Context) (types.L1Ledger, error) {
	l, err := k.L1Ledger.Get(ctx)
	if errors.Is(err, collections.ErrNotFound) {
		return types.DefaultL1Ledger(), nil
	}
	return l, err
}

// applyLedgerChange applies an approved ledger event whose nonce is the next one
// (checkL1Event). The hook cannot refuse it: L1 is authoritative, and what x/slashing
// disagrees with is its alarm, never an error here.
func (k Keeper) applyLedgerChange(ctx context.Context, m *types.MsgLedgerChanged) error {
	ledger, err := k.L1Ledger.Get(ctx)
	if err != nil {
		return err
	}
	next, change, detail := ledger.Apply(m)
	if err := k.L1Ledger.Set(ctx, next); err != nil {
		return err
	}
	emit(ctx, &types.EventL1LedgerChanged{LedgerNonce: next.LedgerNonce, Change: change, Detail: detail})
	if k.slashHooks.h != nil {
		k.slashHooks.h.AfterL1Ledger(ctx, m)
	}
	return nil
}
