package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"

	"github.com/themis-network/themis/x/mpc/types"
)

// ResyncBatches implements types.MsgServer: governance sets the batch progress to
// where the L1 batch inbox is. The chain learns a batch landed only from its own
// transaction's receipt, so a batch it did not see land (one a retired key had signed,
// landing after MsgReplacePoolKey voided it) would leave it proposing an index the
// inbox has passed, reverting until the purpose halts. Either direction, so a wrong
// resync can be undone, but never below a batch the chain saw land (its records are
// L1 facts) nor over a batch in flight. The batch purpose resumes.
func (k msgServer) ResyncBatches(ctx context.Context, msg *types.MsgResyncBatches) (*types.MsgResyncBatchesResponse, error) {
	if msg.Authority != k.authority {
		return nil, errorsmod.Wrapf(types.ErrUnauthorized, "expected %s, got %s", k.authority, msg.Authority)
	}
	prog, err := k.GetBatchProgress(ctx)
	if err != nil {
		return nil, err
	}
	if msg.NextIndex == prog.NextIndex || msg.NextStart == prog.NextStart {
		return nil, errorsmod.Wrapf(types.ErrInvalidResync, "batch %d at L2 block %d: both must differ from the chain's batch %d at L2 block %d",
			msg.NextIndex, msg.NextStart, prog.NextIndex, prog.NextStart)
	}
	if last, ok, err := k.lastAcceptedBatch(ctx); err != nil {
		return nil, err
	} else if ok && (msg.NextIndex <= last.Index || msg.NextStart <= last.L2End || (msg.NextIndex == last.Index+1 && msg.NextStart != last.L2End+1)) {
		return nil, errorsmod.Wrapf(types.ErrInvalidResync, "batch %d at L2 block %d does not follow batch %d (L2 blocks %d..%d), which the chain saw land",
			msg.NextIndex, msg.NextStart, last.Index, last.L2Start, last.L2End)
	}
	if cur := prog.Current; cur != nil && cur.Status == types.BATCH_STATUS_SUBMITTED {
		tx, err := k.GetPoolTx(ctx, cur.PoolTx)
		if err != nil {
			return nil, err
		}
		switch tx.Status {
		case types.POOL_TX_STATUS_QUEUED, types.POOL_TX_STATUS_SIGNING, types.POOL_TX_STATUS_SENT:
			return nil, errorsmod.Wrapf(types.ErrInvalidResync, "batch %d is in flight (pool tx %d %s): wait for it to land", cur.Index, tx.Id, tx.Status)
		}
	}
	ev := &types.EventBatchesResynced{FromIndex: prog.NextIndex, FromStart: prog.NextStart, ToIndex: msg.NextIndex, ToStart: msg.NextStart}
	prog.NextIndex, prog.NextStart, prog.Current = msg.NextIndex, msg.NextStart, nil
	if err := k.BatchProgress.Set(ctx, prog); err != nil {
		return nil, err
	}
	if err := k.Reverts.Remove(ctx, BatchPurpose); err != nil {
		return nil, err
	}
	k.Logger(ctx).Info("L2 batch progress resynced with the inbox by governance", "from_index", ev.FromIndex, "to_index", ev.ToIndex, "to_start", ev.ToStart)
	if err := emit(ctx, ev); err != nil {
		return nil, err
	}
	return &types.MsgResyncBatchesResponse{}, nil
}

// lastAcceptedBatch is the highest-index batch the chain saw land, if any.
func (k Keeper) lastAcceptedBatch(ctx context.Context) (types.AcceptedBatch, bool, error) {
	_, b, ok, err := lastEntry(ctx, k.BatchesAccepted)
	return b, ok, err
}
