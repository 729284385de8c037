package keeper

import (
	"bytes"
	"context"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/themis-network/themis/x/mpc/types"
)

// The loss of the pool key: fewer than threshold+1 shares survive (EventReshareImpossible
// stays raised), so the key can neither sign nor be reshared. Governance retires it:
//
//	MsgReplacePoolKey --> the key retired (RetiredKeys), every open session closed,
//	  every unsigned request CANCELLED, every pool transaction not yet final CANCELLED
//	  (its purpose proposes its work again), the outbound nonce view reset
//	--> KEYGEN of the next generation among the ready sequencers (stepCommittee)
//	--> the new key confirmed: its address approved as the recovery pool (x/sequencer)
//	--> the staking contract's owner proposes it on L1 (proposePoolRecovery); after the
//	  contract's recovery delay the new pool completes it itself (pool_recovery.go)
//	--> the contract's PoolAddressUpdated mirrored: the pool acts on L1 again.
//
// Nothing the new key signs reaches the staking contract before then: every purpose
// waits for PoolReady (the contract's pool is the chain's key), except the completion.

// ReplacePoolKey implements types.MsgServer.
func (k msgServer) ReplacePoolKey(ctx context.Context, msg *types.MsgReplacePoolKey) (*types.MsgReplacePoolKeyResponse, error) {
	if msg.Authority != k.authority {
		return nil, errorsmod.Wrapf(types.ErrUnauthorized, "expected %s, got %s", k.authority, msg.Authority)
	}
	if err := types.ValidateReason(msg.Reason); err != nil {
		return nil, err
	}
	pool, has, err := k.GetPoolKey(ctx)
	if err != nil {
		return nil, err
	}
	if !has {
		return nil, errorsmod.Wrap(types.ErrNoPoolKey, "nothing to replace")
	}
	if msg.Generation != pool.Generation {
		return nil, errorsmod.Wrapf(types.ErrWrongGeneration, "the proposal retires generation %d; the confirmed key is generation %d", msg.Generation, pool.Generation)
	}
	params, err := k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	voided, cancelled, err := k.retirePoolKey(sdk.UnwrapSDKContext(ctx), params, pool, msg.Reason)
	if err != nil {
		return nil, err
	}
	return &types.MsgReplacePoolKeyResponse{VoidedPoolTxs: voided, CancelledRequests: cancelled}, nil
}

// retirePoolKey retires pool for reason (see the top of this file).
func (k Keeper) retirePoolKey(ctx sdk.Context, params types.Params, pool types.PoolKey, reason string) (voided, cancelled uint32, err error) {
	if err := k.RetiredKeys.Set(ctx, pool.Generation, types.RetiredPoolKey{PoolKey: pool, RetiredHeight: ctx.BlockHeight(), Reason: reason}); err != nil {
		return 0, 0, err
	}
	if err := k.PoolKey.Remove(ctx); err != nil {
		return 0, 0, err
	}
	if err := k.closeAllSessions(ctx, params); err != nil {
		return 0, 0, err
	}
	if cancelled, err = k.cancelUnsignedRequests(ctx); err != nil {
		return 0, 0, err
	}
	if voided, err = k.voidPoolTxs(ctx); err != nil {
		return 0, 0, err
	}
	// The new address has its own nonce, balance and proposal state: the old address's
	// must not be taken for it (agreeL1View takes none of them while there is no key).
	view, err := k.getL1View(ctx)
	if err != nil {
		return 0, 0, err
	}
	view.PoolNonce, view.NextNonce, view.PoolBalance, view.LowBalance, view.PoolProposed, view.UpdatedHeight = 0, 0, nil, false, false, ctx.BlockHeight()
	if err := k.L1View.Set(ctx, view); err != nil {
		return 0, 0, err
	}
	if err := k.Progress.Set(ctx, types.CommitteeProgress{}); err != nil {
		return 0, 0, err
	}
	next := types.NextKeyGeneration(pool.Generation)
	k.Logger(ctx).Error("mpc pool key retired by governance: a keygen follows; the new address acts on L1 only after the staking contract's recovery",
		"generation", pool.Generation, "address", pool.Address, "reason", reason, "voided_pool_txs", voided, "cancelled_requests", cancelled)
	return voided, cancelled, emit(ctx, &types.EventPoolKeyRetired{
		Generation: pool.Generation, Address: pool.Address, Reason: reason, VoidedPoolTxs: voided, CancelledRequests: cancelled, NextGeneration: next,
	})
}

// closeAllSessions closes every open session: sign sessions as SUPERSEDED, a keygen
// or resharing as TIMED_OUT (the key it would make or reshare is gone).
func (k Keeper) closeAllSessions(ctx sdk.Context, params types.Params) error {
	open, err := k.OpenSessionList(ctx)
	if err != nil {
		return err
	}
	for i := range open {
		status := types.SESSION_STATUS_TIMED_OUT
		if open[i].Kind == types.SESSION_KIND_SIGN {
			status = types.SESSION_STATUS_SUPERSEDED
		}
		if err := k.closeSession(ctx, params, &open[i], status); err != nil {
			return err
		}
	}
	return nil
}

// cancelUnsignedRequests cancels every QUEUED or SIGNING request: the retired key
// never signs them, and the new key must not sign a payload built for the old
// address (its nonce, its view of L1).
func (k Keeper) cancelUnsignedRequests(ctx sdk.Context) (uint32, error) {
	var n uint32
	for _, st := range []types.SignRequestStatus{types.SIGN_REQUEST_STATUS_QUEUED, types.SIGN_REQUEST_STATUS_SIGNING} {
		ids, err := k.requestsWithStatus(ctx, st)
		if err != nil {
			return 0, err
		}
		for _, id := range ids {
			r, err := k.SignRequests.Get(ctx, id)
			if err != nil {
				return 0, err
			}
			r.Status = types.SIGN_REQUEST_STATUS_CANCELLED
			if err := k.setRequest(ctx, r, st); err != nil {
				return 0, err
			}
			n++
		}
	}
	return n, nil
}

// requestsWithStatus lists the ids of the requests with a status, in id order.
func (k Keeper) requestsWithStatus(ctx context.Context, st types.SignRequestStatus) ([]uint64, error) {
	var ids []uint64
	err := k.RequestsByStatus.Walk(ctx, collections.NewPrefixedPairRange[int32, uint64](int32(st)), func(key collections.Pair[int32, uint64]) (bool, error) {
		ids = append(ids, key.K2())
		return false, nil
	})
	return ids, err
}

// voidPoolTxs cancels every pool transaction not yet final. Each purpose reads the
// CANCELLED status at its next step and proposes its work again once the new pool is
// the contract's (x/slashing's actions, l1_admin's differences); the L2 batch in
// progress is dropped and proposed again. A version the old key signed may still land
// on L1: the contract's events, relayed like every L1 fact, settle what it did.
func (k Keeper) voidPoolTxs(ctx sdk.Context) (uint32, error) {
	var n uint32
	for _, st := range []types.PoolTxStatus{types.POOL_TX_STATUS_CHECKING, types.POOL_TX_STATUS_QUEUED, types.POOL_TX_STATUS_SIGNING, types.POOL_TX_STATUS_SENT} {
		var ids []uint64
		err := k.PoolTxsByStatus.Walk(ctx, collections.NewPrefixedPairRange[int32, uint64](int32(st)), func(key collections.Pair[int32, uint64]) (bool, error) {
			ids = append(ids, key.K2())
			return false, nil
		})
		if err != nil {
			return 0, err
		}
		for _, id := range ids {
			tx, err := k.PoolTxs.Get(ctx, id)
			if err != nil {
				return 0, err
			}
			tx.Status, tx.ClosedHeight = types.POOL_TX_STATUS_CANCELLED, ctx.BlockHeight()
			if err := k.setPoolTx(ctx, tx, st); err != nil {
				return 0, err
			}
			if err := emit(ctx, &types.EventPoolCallCancelled{Id: tx.Id, Purpose: tx.Purpose, Ref: tx.Ref}); err != nil {
				return 0, err
			}
			n++
		}
	}
	prog, err := k.GetBatchProgress(ctx)
	if err != nil {
		return 0, err
	}
	if prog.Current != nil {
		prog.Current = nil
		if err := k.BatchProgress.Set(ctx, prog); err != nil {
			return 0, err
		}
	}
	return n, nil
}

// lastRetiredGeneration is the newest retired generation (0: none).
func (k Keeper) lastRetiredGeneration(ctx context.Context) (uint64, error) {
	gen, _, _, err := lastEntry(ctx, k.RetiredKeys)
	return gen, err
}

// approveRecovery runs when a keygen after a retirement confirms: governance's
// replacement makes the new address the approved recovery pool on x/sequencer. A
// failure is logged, never undoing the key; once the owner proposes the address,
// x/sequencer lists the unapproved recovery as a pending change (the bridges'
// divergence watch warns), and governance approves it by hand
// (MsgUpdateL1Admin{recovery_pool}).
func (k Keeper) approveRecovery(ctx sdk.Context, pk types.PoolKey) {
	err := func() error {
		last, err := k.lastRetiredGeneration(ctx)
		if err != nil || last == 0 {
			return err
		}
		cacheCtx, write := ctx.CacheContext()
		if err := k.sequencers.ApproveRecoveryPool(cacheCtx, pk.Address); err != nil {
			return err
		}
		write()
		k.Logger(ctx).Info("new pool key approved as the staking contract's recovery pool: the contract's owner proposes it on L1 (proposePoolRecovery)",
			"address", pk.Address, "generation", pk.Generation)
		return emit(ctx, &types.EventPoolRecoveryApproved{Address: pk.Address, Generation: pk.Generation})
	}()
	if err != nil {
		k.Logger(ctx).Error("the new pool key could not be approved as the recovery pool: approve it by governance (MsgUpdateL1Admin recovery_pool)",
			"address", pk.Address, "err", err)
	}
}

// isRetiredKey reports whether key is one governance retired (a keygen agreeing on it
// is ignored: a retired key never comes back).
func (k Keeper) isRetiredKey(ctx context.Context, key []byte) (bool, error) {
	retired := false
	err := k.RetiredKeys.Walk(ctx, nil, func(_ uint64, r types.RetiredPoolKey) (bool, error) {
		retired = bytes.Equal(r.PoolKey.PublicKey, key)
		return retired, nil
	})
	return retired, err
}
