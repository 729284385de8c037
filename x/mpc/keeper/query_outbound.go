package keeper

import (
	"context"

	"cosmossdk.io/collections"
	"github.com/cosmos/cosmos-sdk/types/query"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/themis-network/themis/x/mpc/types"
)

// Outbound implements types.QueryServer: the agreed L1 view, the pool transaction in
// flight, the batch progress and how many pool transactions wait.
func (q queryServer) Outbound(ctx context.Context, _ *types.QueryOutboundRequest) (*types.QueryOutboundResponse, error) {
	view, err := q.getL1View(ctx)
	if err != nil {
		return nil, err
	}
	prog, err := q.GetBatchProgress(ctx)
	if err != nil {
		return nil, err
	}
	out := &types.QueryOutboundResponse{L1View: view, BatchProgress: prog}
	tx, ok, err := q.InFlight(ctx)
	if err != nil {
		return nil, err
	}
	if ok {
		out.InFlight = &tx
	}
	it, err := q.PoolTxsByStatus.Iterate(ctx, collections.NewPrefixedPairRange[int32, uint64](int32(types.POOL_TX_STATUS_QUEUED)))
	if err != nil {
		return nil, err
	}
	defer it.Close()
	for ; it.Valid(); it.Next() {
		out.Queued++
	}
	return out, nil
}

// PoolTxs implements types.QueryServer: by id (pagination.reverse: newest first),
// optionally of one status.
func (q queryServer) PoolTxs(ctx context.Context, req *types.QueryPoolTxsRequest) (*types.QueryPoolTxsResponse, error) {
	if req == nil {
		req = &types.QueryPoolTxsRequest{}
	}
	if req.Status == types.POOL_TX_STATUS_UNSPECIFIED {
		out, page, err := query.CollectionPaginate(ctx, q.Keeper.PoolTxs, req.Pagination,
			func(_ uint64, tx types.PoolTx) (types.PoolTx, error) { return tx, nil })
		if err != nil {
			return nil, status.Error(codes.InvalidArgument, err.Error())
		}
		return &types.QueryPoolTxsResponse{PoolTxs: out, Pagination: page}, nil
	}
	if _, ok := types.PoolTxStatus_name[int32(req.Status)]; !ok {
		return nil, status.Errorf(codes.InvalidArgument, "status %d", req.Status)
	}
	out, page, err := query.CollectionPaginate(ctx, q.PoolTxsByStatus, req.Pagination,
		func(key collections.Pair[int32, uint64], _ collections.NoValue) (types.PoolTx, error) {
			return q.Keeper.PoolTxs.Get(ctx, key.K2())
		}, query.WithCollectionPaginationPairPrefix[int32, uint64](int32(req.Status)))
	if err != nil {
		return nil, status.Error(codes.InvalidArgument, err.Error())
	}
	return &types.QueryPoolTxsResponse{PoolTxs: out, Pagination: page}, nil
}

// PoolTx implements types.QueryServer.
func (q queryServer) PoolTx(ctx context.Context, req *types.QueryPoolTxRequest) (*types.QueryPoolTxResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	tx, err := q.GetPoolTx(ctx, req.Id)
	if err != nil {
		return nil, notFound(err)
	}
	return &types.QueryPoolTxResponse{PoolTx: tx}, nil
}

// AcceptedBatches implements types.QueryServer: by index (pagination.reverse: newest
// first).
func (q queryServer) AcceptedBatches(ctx context.Context, req *types.QueryAcceptedBatchesRequest) (*types.QueryAcceptedBatchesResponse, error) {
	if req == nil {
		req = &types.QueryAcceptedBatchesRequest{}
	}
	out, page, err := query.CollectionPaginate(ctx, q.BatchesAccepted, req.Pagination,
		func(_ uint64, b types.AcceptedBatch) (types.AcceptedBatch, error) { return b, nil })
	if err != nil {
		return nil, status.Error(codes.InvalidArgument, err.Error())
	}
	return &types.QueryAcceptedBatchesResponse{Batches: out, Pagination: page}, nil
}
