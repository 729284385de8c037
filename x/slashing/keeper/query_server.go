package keeper

import (
	"context"

	"cosmossdk.io/collections"
	"github.com/cosmos/cosmos-sdk/types/query"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	sequencertypes "github.com/themis-network/themis/x/sequencer/types"
	"github.com/themis-network/themis/x/slashing/types"
)

type queryServer struct{ Keeper }

var _ types.QueryServer = queryServer{}

// NewQueryServerImpl returns the x/slashing query server.
func NewQueryServerImpl(k Keeper) types.QueryServer { return queryServer{Keeper: k} }

// Params implements types.QueryServer.
func (q queryServer) Params(ctx context.Context, _ *types.QueryParamsRequest) (*types.QueryParamsResponse, error) {
	p, err := q.Keeper.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	return &types.QueryParamsResponse{Params: p}, nil
}

// Offences implements types.QueryServer: every judged offence, or one sequencer's
// (through the index, not a scan).
func (q queryServer) Offences(ctx context.Context, req *types.QueryOffencesRequest) (*types.QueryOffencesResponse, error) {
	if req == nil {
		req = &types.QueryOffencesRequest{}
	}
	if req.SequencerId == 0 {
		offences, page, err := query.CollectionPaginate(ctx, q.Keeper.Offences, req.Pagination,
			func(_ uint64, o types.Offence) (types.Offence, error) { return o, nil })
		if err != nil {
			return nil, err
		}
		return &types.QueryOffencesResponse{Offences: offences, Pagination: page}, nil
	}
	offences, page, err := query.CollectionPaginate(ctx, q.Keeper.OffencesBySequencer, req.Pagination,
		func(key collections.Pair[uint64, uint64], _ collections.NoValue) (types.Offence, error) {
			return q.Keeper.Offences.Get(ctx, key.K2())
		}, query.WithCollectionPaginationPairPrefix[uint64, uint64](req.SequencerId))
	if err != nil {
		return nil, err
	}
	return &types.QueryOffencesResponse{Offences: offences, Pagination: page}, nil
}

// Offence implements types.QueryServer.
func (q queryServer) Offence(ctx context.Context, req *types.QueryOffenceRequest) (*types.QueryOffenceResponse, error) {
	if req == nil || req.Id == 0 {
		return nil, status.Error(codes.InvalidArgument, "offence id is required")
	}
	o, err := q.Keeper.Offences.Get(ctx, req.Id)
	if isNotFound(err) {
		return nil, status.Errorf(codes.NotFound, "%s: %d", types.ErrOffenceNotFound.Error(), req.Id)
	}
	if err != nil {
		return nil, err
	}
	return &types.QueryOffenceResponse{Offence: o}, nil
}

// Jails implements types.QueryServer.
func (q queryServer) Jails(ctx context.Context, req *types.QueryJailsRequest) (*types.QueryJailsResponse, error) {
	if req == nil {
		req = &types.QueryJailsRequest{}
	}
	jails, page, err := query.CollectionPaginate(ctx, q.Keeper.Jails, req.Pagination,
		func(_ uint64, j types.Jail) (types.Jail, error) { return j, nil })
	if err != nil {
		return nil, err
	}
	return &types.QueryJailsResponse{Jails: jails, Pagination: page}, nil
}

// Strikes implements types.QueryServer.
func (q queryServer) Strikes(ctx context.Context, req *types.QueryStrikesRequest) (*types.QueryStrikesResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "owner is required")
	}
	owner, err := sequencertypes.NormalizeL1Address(req.Owner)
	if err != nil {
		return nil, status.Errorf(codes.InvalidArgument, "owner: %v", err)
	}
	n, err := q.strikesOf(ctx, owner)
	if err != nil {
		return nil, err
	}
	return &types.QueryStrikesResponse{Strikes: types.OwnerStrikes{Owner: owner, MediumStrikes: n}}, nil
}

// Escrows implements types.QueryServer.
func (q queryServer) Escrows(ctx context.Context, req *types.QueryEscrowsRequest) (*types.QueryEscrowsResponse, error) {
	if req == nil {
		req = &types.QueryEscrowsRequest{}
	}
	escrows, page, err := query.CollectionPaginate(ctx, q.Keeper.Escrows, req.Pagination,
		func(_ collections.Pair[uint64, uint64], e types.Escrow) (types.Escrow, error) { return e, nil })
	if err != nil {
		return nil, err
	}
	return &types.QueryEscrowsResponse{Escrows: escrows, Pagination: page}, nil
}

// L1Actions implements types.QueryServer: all actions, or those in one status (QUEUED
// through its index, which is what the write-back asks for).
func (q queryServer) L1Actions(ctx context.Context, req *types.QueryL1ActionsRequest) (*types.QueryL1ActionsResponse, error) {
	if req == nil {
		req = &types.QueryL1ActionsRequest{}
	}
	get := func(id uint64) (types.L1Action, error) { return q.Keeper.L1Actions.Get(ctx, id) }
	var (
		actions []types.L1Action
		page    *query.PageResponse
		err     error
	)
	switch req.Status {
	case types.L1_ACTION_STATUS_UNSPECIFIED:
		actions, page, err = query.CollectionPaginate(ctx, q.Keeper.L1Actions, req.Pagination,
			func(_ uint64, a types.L1Action) (types.L1Action, error) { return a, nil })
	case types.L1_ACTION_STATUS_QUEUED:
		actions, page, err = query.CollectionPaginate(ctx, q.Keeper.QueuedActions, req.Pagination,
			func(id uint64, _ collections.NoValue) (types.L1Action, error) { return get(id) })
	default:
		actions, page, err = query.CollectionFilteredPaginate(ctx, q.Keeper.L1Actions, req.Pagination,
			func(_ uint64, a types.L1Action) (bool, error) { return a.Status == req.Status, nil },
			func(_ uint64, a types.L1Action) (types.L1Action, error) { return a, nil })
	}
	if err != nil {
		return nil, err
	}
	return &types.QueryL1ActionsResponse{Actions: actions, Pagination: page}, nil
}
