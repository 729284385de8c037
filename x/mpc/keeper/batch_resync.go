package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"

	"github.com/themis-network/themis/x/mpc/types"
)

// ResyncBatches implements types.MsgServer: governance moves the batch progress
// forward to where the L1 batch inbox is. The chain learns a batch landed only from
// its own transaction's receipt, so a batch it did not see land (one a retired key had
// signed, landing after MsgReplacePoolKey voided it) would leave it proposing an index
// the inbox has passed, reverting until the purpose halts. The batch purpose resumes.
func (k msgServer) ResyncBatches(ctx context.Context, msg *types.MsgResyncBatches) (*types.MsgResyncBatchesResponse, error) {
	if msg.Authority != k.authority {
		return nil, errorsmod.Wrapf(types.ErrUnauthorized, "expected %s, got %s", k.authority, msg.Authority)
	}
	prog, err := k.GetBatchProgress(ctx)
	if err != nil {
		return nil, err
	}
	if msg.NextIndex < prog.NextIndex || msg.NextStart < prog.NextStart || (msg.NextIndex == prog.NextIndex) != (msg.NextStart == prog.NextStart) {
		return nil, errorsmod.Wrapf(types.ErrInvalidResync, "batch %d at L2 block %d does not move forward from batch %d at L2 block %d (both move, or neither)",
			msg.NextIndex, msg.NextStart, prog.NextIndex, prog.NextStart)
	}
	if msg.NextIndex == prog.NextIndex {
		return nil, errorsmod.Wrapf(types.ErrInvalidResync, "the chain is at batch %d, L2 block %d already", prog.NextIndex, prog.NextStart)
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
