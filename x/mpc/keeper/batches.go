package keeper

import (
	"context"
	"math/big"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/ethereum/go-ethereum/common"

	"github.com/themis-network/themis/contracts/bindings/batchinbox"
	"github.com/themis-network/themis/x/mpc/batches"
	"github.com/themis-network/themis/x/mpc/outbound"
	"github.com/themis-network/themis/x/mpc/types"
)

// The L2 batch: the chain proposes the next range from the agreed L2 head alone; each
// validator reports the range's commitment as its own L2 node computes it; the
// commitment more than 2/3 of power reported becomes the inbox call, signed by the
// pool and sent by any bridge; its receipt, seen by more than 2/3, moves the chain of
// batches on. Nobody proposes a batch's content, so a validator with a wrong root is
// outvoted and nothing it says is ever signed.
//
//	(none) --(batch_min_blocks agreed past the last batch)--> PROPOSED
//	PROPOSED --(no commitment won in batch_vote_blocks)--> (none): proposed again
//	PROPOSED --(>2/3 one commitment)--> SUBMITTED (a pool call)
//	SUBMITTED --(receipt: success)--> accepted, next batch; --(reverted)--> (none)

// BatchPurpose is the pool call purpose (and ref is the batch index) of L2 batches.
const BatchPurpose = "l2_batch"

// GetBatchProgress returns the progress (empty before the first batch); the node
// reads it to know which range to commit to.
func (k Keeper) GetBatchProgress(ctx context.Context) (types.BatchProgress, error) {
	p, err := k.BatchProgress.Get(ctx)
	if isNotFound(err) {
		return types.BatchProgress{}, nil
	}
	return p, err
}

// PoolReady reports whether the pool can act on L1: there is a pool key and the
// staking contract holds its address.
func (k Keeper) PoolReady(ctx context.Context) (bool, error) { return k.poolKnownOnL1(ctx) }

// poolKnownOnL1 reports whether the staking contract's pool address (as mirrored from
// its events) is the pool key's address: the inbox accepts only that sender.
func (k Keeper) poolKnownOnL1(ctx context.Context) (bool, error) {
	pool, err := k.PoolKey.Get(ctx)
	if isNotFound(err) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	cfg, err := k.sequencers.GetL1Config(ctx)
	if err != nil {
		return false, err
	}
	return cfg.PoolAddress != "" && cfg.PoolAddress == pool.Address, nil
}

// stepBatches runs in EndBlock: it expires a proposal no commitment won and proposes
// the next range when one is due.
func (k Keeper) stepBatches(ctx sdk.Context, params types.Params) error {
	if params.BatchInbox == "" || k.l2Heads == nil {
		return nil
	}
	prog, err := k.GetBatchProgress(ctx)
	if err != nil {
		return err
	}
	if cur := prog.Current; cur != nil {
		if cur.Status != types.BATCH_STATUS_PROPOSED || ctx.BlockHeight() < cur.ProposedHeight+int64(params.BatchVoteBlocks) {
			return nil
		}
		prog.Current = nil
		if err := k.BatchProgress.Set(ctx, prog); err != nil {
			return err
		}
		return emit(ctx, &types.EventBatchExpired{Index: cur.Index, L2Start: cur.L2Start, L2End: cur.L2End})
	}
	if ok, err := k.poolKnownOnL1(ctx); err != nil || !ok {
		return err
	}
	if halted, err := k.Halted(ctx, params, BatchPurpose); err != nil || halted {
		return err
	}
	head, known, err := k.l2Heads.AgreedHead(ctx)
	if err != nil || !known {
		return err
	}
	r, due := batches.Next(prog.NextIndex, prog.NextStart, head, params.BatchHeadMargin, params.BatchMinBlocks, params.BatchMaxBlocks)
	if !due {
		return nil
	}
	prog.Current = &types.Batch{Index: r.Index, L2Start: r.Start, L2End: r.End, Status: types.BATCH_STATUS_PROPOSED, ProposedHeight: ctx.BlockHeight()}
	if err := k.BatchProgress.Set(ctx, prog); err != nil {
		return err
	}
	return emit(ctx, &types.EventBatchProposed{Index: r.Index, L2Start: r.Start, L2End: r.End})
}

// tallyBatch runs in ApplyReports: the commitment more than 2/3 of power reported for
// the proposed range becomes the inbox call.
func (k Keeper) tallyBatch(ctx sdk.Context, params types.Params, total int64, reports []l1Entry) error {
	prog, err := k.GetBatchProgress(ctx)
	if err != nil {
		return err
	}
	cur := prog.Current
	if cur == nil || cur.Status != types.BATCH_STATUS_PROPOSED {
		return nil
	}
	var votes []batches.Vote
	for _, e := range reports {
		b := e.report.Batch
		if b == nil || b.Index != cur.Index || b.L2Start != cur.L2Start || b.L2End != cur.L2End {
			continue
		}
		c := batches.Commitment{}
		copy(c.StateRoot[:], b.StateRoot)
		copy(c.TxRoot[:], b.TxRoot)
		copy(c.EndHash[:], b.LastHash)
		votes = append(votes, batches.Vote{Power: e.power, Commitment: &c})
	}
	agreed, ok := batches.Tally(votes, total)
	if !ok {
		return nil
	}
	inbox := batchinbox.NewBatchInbox()
	data := inbox.PackAppendStateBatch(new(big.Int).SetUint64(cur.Index), cur.L2Start, cur.L2End, agreed.StateRoot, agreed.TxRoot)
	id, err := k.QueuePoolCall(ctx, BatchPurpose, cur.Index, outbound.Call{To: common.HexToAddress(params.BatchInbox), Data: data, Gas: params.BatchGas})
	if err != nil {
		return err
	}
	commitment := types.BatchCommitment{
		Index: cur.Index, StateRoot: agreed.StateRoot[:], TxRoot: agreed.TxRoot[:], LastHash: agreed.EndHash[:], L2Start: cur.L2Start, L2End: cur.L2End,
	}
	cur.Status, cur.Commitment, cur.PoolTx = types.BATCH_STATUS_SUBMITTED, &commitment, id
	if err := k.BatchProgress.Set(ctx, prog); err != nil {
		return err
	}
	k.Logger(ctx).Info("L2 batch agreed", "index", cur.Index, "l2_start", cur.L2Start, "l2_end", cur.L2End, "pool_tx", id)
	return emit(ctx, &types.EventBatchAgreed{Index: cur.Index, Commitment: commitment, PoolTx: id})
}

// batchPurpose hears how a batch's inbox call ended.
type batchPurpose struct{ k Keeper }

func (batchPurpose) Name() string { return BatchPurpose }

// OnLanded moves the chain of batches on when the inbox accepted the batch; a revert
// drops it, to be proposed again (the purpose halts after max_reverts in a row).
func (p batchPurpose) OnLanded(ctx context.Context, tx types.PoolTx, reverted bool) error {
	prog, err := p.k.GetBatchProgress(ctx)
	if err != nil {
		return err
	}
	cur := prog.Current
	if cur == nil || cur.PoolTx != tx.Id {
		return nil
	}
	prog.Current = nil
	if reverted {
		return p.k.BatchProgress.Set(ctx, prog)
	}
	height := sdk.UnwrapSDKContext(ctx).BlockHeight()
	v := tx.Versions[tx.Landed]
	if err := p.k.BatchesAccepted.Set(ctx, cur.Index, types.AcceptedBatch{
		Index: cur.Index, L2Start: cur.L2Start, L2End: cur.L2End, Commitment: cur.Commitment, PoolTx: tx.Id,
		TxHash: v.TxHash, L1Block: tx.L1Block, ProposedHeight: cur.ProposedHeight, AcceptedHeight: height,
	}); err != nil {
		return err
	}
	prog.NextIndex, prog.NextStart = cur.Index+1, cur.L2End+1
	prog.Accepted++
	prog.LastAcceptedHeight = height
	if err := p.k.BatchProgress.Set(ctx, prog); err != nil {
		return err
	}
	return emit(ctx, &types.EventBatchAccepted{Index: cur.Index, L2Start: cur.L2Start, L2End: cur.L2End, TxHash: v.TxHash, L1Block: tx.L1Block})
}
