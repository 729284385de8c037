package keeper

import (
	"context"
	"fmt"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/themis-network/themis/x/mpc/outbound"
	"github.com/themis-network/themis/x/mpc/types"
)

// Checked pool calls: a purpose whose call depends on L1 state (a slash needs the
// sequencer's lock, a reward batch the reserve and the previous batch) proposes it
// for a dry run instead of queuing it. Each validator runs it (eth_call from the pool
// address at its confirmed L1 height) and reports how it ended; the chain acts only
// on what more than 2/3 of power saw:
//
//	CHECKING --(>2/3: success)--> QUEUED (then the outbox, as any pool call)
//	CHECKING --(>2/3: reverted with one error)--> REFUSED: never signed
//	CHECKING | QUEUED --(the purpose withdraws it)--> CANCELLED
//
// A minority cannot push a call through or refuse it; a call L1 would revert is not
// signed, sent and paid for just to learn that. The purpose reads the outcome from
// the pool transaction's status (GetPoolTx) when it next steps, rather than hearing it
// in a callback: a failed callback would leave it waiting on a call that is over.

// ProposePoolCall stores a call of a checked purpose for the validators' dry runs and
// returns its pool transaction id. The agreed L1 height at the proposal is kept:
// only dry runs at or above it count, so a report read before the chain asked (say,
// before the previous reward batch landed) cannot refuse it.
func (k Keeper) ProposePoolCall(ctx context.Context, purpose string, ref uint64, call outbound.Call) (uint64, error) {
	tx, err := k.newPoolCall(ctx, purpose, ref, call, types.POOL_TX_STATUS_CHECKING)
	if err != nil {
		return 0, err
	}
	view, err := k.getL1View(ctx)
	if err != nil {
		return 0, err
	}
	tx.L1Height = view.L1Height
	if err := k.PoolTxs.Set(ctx, tx.Id, tx); err != nil {
		return 0, err
	}
	return tx.Id, emit(ctx, &types.EventPoolCallChecking{Id: tx.Id, Purpose: purpose, Ref: ref})
}

// CallsToCheck returns the pool calls the validators dry-run: the lowest-id CHECKING
// ones, at most MaxCallChecks.
func (k Keeper) CallsToCheck(ctx context.Context) ([]types.PoolTx, error) {
	var out []types.PoolTx
	checking := collections.NewPrefixedPairRange[int32, uint64](int32(types.POOL_TX_STATUS_CHECKING))
	err := k.PoolTxsByStatus.Walk(ctx, checking, func(key collections.Pair[int32, uint64]) (bool, error) {
		tx, err := k.PoolTxs.Get(ctx, key.K2())
		if err != nil {
			return true, err
		}
		out = append(out, tx)
		return len(out) == types.MaxCallChecks, nil
	})
	return out, err
}

// CancelPoolCall withdraws a call its purpose no longer wants. Only a call nobody
// signed can be withdrawn (CHECKING or QUEUED); one already withdrawn, refused or
// closed is left as it is. ErrPoolTxSigned: it went to signing, and may still land.
func (k Keeper) CancelPoolCall(ctx context.Context, id uint64) error {
	tx, err := k.GetPoolTx(ctx, id)
	if err != nil {
		return err
	}
	switch tx.Status {
	case types.POOL_TX_STATUS_CHECKING, types.POOL_TX_STATUS_QUEUED:
	case types.POOL_TX_STATUS_SIGNING, types.POOL_TX_STATUS_SENT:
		return errorsmod.Wrapf(types.ErrPoolTxSigned, "pool tx %d is %s", id, tx.Status)
	default:
		return nil
	}
	prev := tx.Status
	tx.Status, tx.ClosedHeight = types.POOL_TX_STATUS_CANCELLED, sdk.UnwrapSDKContext(ctx).BlockHeight()
	if err := k.setPoolTx(ctx, tx, prev); err != nil {
		return err
	}
	return emit(ctx, &types.EventPoolCallCancelled{Id: tx.Id, Purpose: tx.Purpose, Ref: tx.Ref})
}

// tallyChecks runs in ApplyReports: each call being checked is queued once more than
// 2/3 of power saw its dry run succeed, and refused once more than 2/3 saw it revert
// with one and the same error.
func (k Keeper) tallyChecks(ctx sdk.Context, total int64, entries []l1Entry) error {
	calls, err := k.CallsToCheck(ctx)
	if err != nil {
		return err
	}
	for _, tx := range calls {
		outcome, ok := checkOutcome(tx, total, entries)
		if !ok {
			continue
		}
		if err := k.settleCheck(ctx, tx, outcome); err != nil {
			return err
		}
	}
	return nil
}

// checkOutcome is the dry-run outcome of tx more than 2/3 of power reported at or
// above the L1 height of its proposal, if there is one.
func checkOutcome(tx types.PoolTx, total int64, entries []l1Entry) (types.CallCheck, bool) {
	type bucket struct {
		check types.CallCheck
		power int64
	}
	var buckets []bucket
	for _, e := range entries {
		if e.report.L1Height < tx.L1Height {
			continue
		}
		for _, c := range e.report.Checks {
			if c.PoolTx != tx.Id {
				continue
			}
			i := 0
			for i < len(buckets) && (buckets[i].check.Reverted != c.Reverted || string(buckets[i].check.Selector) != string(c.Selector)) {
				i++
			}
			if i == len(buckets) {
				buckets = append(buckets, bucket{check: c})
			}
			buckets[i].power += e.power
		}
	}
	for _, b := range buckets {
		if outbound.Supermajority(b.power, total) {
			return b.check, true
		}
	}
	return types.CallCheck{}, false
}

// settleCheck queues a call whose dry run succeeded, or refuses it with the error's
// selector.
func (k Keeper) settleCheck(ctx sdk.Context, tx types.PoolTx, outcome types.CallCheck) error {
	if !outcome.Reverted {
		tx.Status = types.POOL_TX_STATUS_QUEUED
		if err := k.setPoolTx(ctx, tx, types.POOL_TX_STATUS_CHECKING); err != nil {
			return err
		}
		return emit(ctx, &types.EventPoolTxQueued{Id: tx.Id, Purpose: tx.Purpose, Ref: tx.Ref})
	}
	tx.Status, tx.Refusal, tx.ClosedHeight = types.POOL_TX_STATUS_REFUSED, outcome.Selector, ctx.BlockHeight()
	if err := k.setPoolTx(ctx, tx, types.POOL_TX_STATUS_CHECKING); err != nil {
		return err
	}
	selector := ""
	if len(outcome.Selector) > 0 {
		selector = fmt.Sprintf("0x%x", outcome.Selector)
	}
	k.Logger(ctx).Info("pool call refused by its dry run", "id", tx.Id, "purpose", tx.Purpose, "ref", tx.Ref, "selector", selector)
	return emit(ctx, &types.EventPoolCallRefused{Id: tx.Id, Purpose: tx.Purpose, Ref: tx.Ref, Selector: selector})
}
