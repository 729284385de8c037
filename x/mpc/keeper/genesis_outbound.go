package keeper

import (
	"context"

	"github.com/themis-network/themis/x/mpc/types"
)

// initOutbound loads the outbound path's genesis and rebuilds its indices.
func (k Keeper) initOutbound(ctx context.Context, gs types.GenesisState) error {
	if err := k.L1View.Set(ctx, gs.L1View); err != nil {
		return err
	}
	for _, tx := range gs.PoolTxs {
		if err := k.setPoolTx(ctx, tx, types.POOL_TX_STATUS_UNSPECIFIED); err != nil {
			return err
		}
		if err := k.LastByPurpose.Set(ctx, tx.Purpose, tx.Id); err != nil { // ids ascend
			return err
		}
	}
	if err := k.NextPoolTx.Set(ctx, uint64(len(gs.PoolTxs))); err != nil {
		return err
	}
	if err := k.BatchProgress.Set(ctx, gs.BatchProgress); err != nil {
		return err
	}
	for _, b := range gs.AcceptedBatches {
		if err := k.BatchesAccepted.Set(ctx, b.Index, b); err != nil {
			return err
		}
	}
	for _, r := range gs.Reverts {
		if err := k.Reverts.Set(ctx, r.Purpose, r.Count); err != nil {
			return err
		}
	}
	return nil
}

// exportOutbound exports the outbound path's state.
func (k Keeper) exportOutbound(ctx context.Context, gs *types.GenesisState) error {
	var err error
	if gs.L1View, err = k.getL1View(ctx); err != nil {
		return err
	}
	if err := k.PoolTxs.Walk(ctx, nil, func(_ uint64, tx types.PoolTx) (bool, error) {
		gs.PoolTxs = append(gs.PoolTxs, tx)
		return false, nil
	}); err != nil {
		return err
	}
	if gs.BatchProgress, err = k.GetBatchProgress(ctx); err != nil {
		return err
	}
	if err := k.BatchesAccepted.Walk(ctx, nil, func(_ uint64, b types.AcceptedBatch) (bool, error) {
		gs.AcceptedBatches = append(gs.AcceptedBatches, b)
		return false, nil
	}); err != nil {
		return err
	}
	return k.Reverts.Walk(ctx, nil, func(p string, n uint32) (bool, error) {
		gs.Reverts = append(gs.Reverts, types.PurposeReverts{Purpose: p, Count: n})
		return false, nil
	})
}
