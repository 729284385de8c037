package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/query"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/themis-network/themis/x/epoch/types"
)

type queryServer struct{ Keeper }

var _ types.QueryServer = queryServer{}

// NewQueryServerImpl returns the x/epoch query server.
func NewQueryServerImpl(k Keeper) types.QueryServer { return queryServer{Keeper: k} }

// Params implements types.QueryServer.
func (q queryServer) Params(ctx context.Context, _ *types.QueryParamsRequest) (*types.QueryParamsResponse, error) {
	p, err := q.Keeper.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	return &types.QueryParamsResponse{Params: p}, nil
}

// Producer implements types.QueryServer: the epoch scheduled for an L2 height.
func (q queryServer) Producer(ctx context.Context, req *types.QueryProducerRequest) (*types.QueryEpochResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	if req.Height == 0 {
		return nil, status.Error(codes.InvalidArgument, "L2 height 0 is the genesis block; it has no producer")
	}
	e, ok, err := q.EpochAt(ctx, req.Height)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, status.Errorf(codes.NotFound, "%s: L2 height %d", types.ErrNoProducer.Error(), req.Height)
	}
	return &types.QueryEpochResponse{Epoch: e}, nil
}

// CurrentEpoch implements types.QueryServer: the epoch producing agreed head + 1.
func (q queryServer) CurrentEpoch(ctx context.Context, _ *types.QueryCurrentEpochRequest) (*types.QueryCurrentEpochResponse, error) {
	p, err := q.progress(ctx)
	if err != nil {
		return nil, err
	}
	e, ok, err := q.EpochAt(ctx, p.Height+1)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, status.Errorf(codes.NotFound, "%s (agreed L2 head %d)", types.ErrNoCurrentEpoch.Error(), p.Height)
	}
	noEligible, err := flag(ctx, q.Keeper.NoEligible)
	if err != nil {
		return nil, err
	}
	return &types.QueryCurrentEpochResponse{Epoch: e, Head: p, NoEligible: noEligible}, nil
}

// NextEpoch implements types.QueryServer.
func (q queryServer) NextEpoch(ctx context.Context, _ *types.QueryNextEpochRequest) (*types.QueryEpochResponse, error) {
	p, err := q.progress(ctx)
	if err != nil {
		return nil, err
	}
	cur, ok, err := q.EpochAt(ctx, p.Height+1)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, status.Error(codes.NotFound, types.ErrNoCurrentEpoch.Error())
	}
	if cur.EndHeight != maxHeight {
		if next, ok, err := q.EpochAt(ctx, cur.EndHeight+1); err != nil {
			return nil, err
		} else if ok {
			return &types.QueryEpochResponse{Epoch: next}, nil
		}
	}
	return nil, status.Errorf(codes.NotFound, "%s (current epoch %d ends at L2 height %d)", types.ErrNextNotDecided.Error(), cur.Id, cur.EndHeight)
}

// Epoch implements types.QueryServer.
func (q queryServer) Epoch(ctx context.Context, req *types.QueryEpochRequest) (*types.QueryEpochResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	e, err := q.Keeper.Epochs.Get(ctx, req.Id)
	if errors.Is(err, collections.ErrNotFound) {
		return nil, status.Errorf(codes.NotFound, "%s: %d", types.ErrEpochNotFound.Error(), req.Id)
	}
	if err != nil {
		return nil, err
	}
	return &types.QueryEpochResponse{Epoch: e}, nil
}

// Epochs implements types.QueryServer: the rotation history, paginated by id.
func (q queryServer) Epochs(ctx context.Context, req *types.QueryEpochsRequest) (*types.QueryEpochsResponse, error) {
	if req == nil {
		req = &types.QueryEpochsRequest{}
	}
	params, err := q.Keeper.Params.Get(ctx)
	if err != nil {
		return nil, status.Error(codes.Internal, err.Error())
	}
	pageReq, err := capPage(req.Pagination, params.MaxHistoryPage)
	if err != nil {
		return nil, err
	}
	epochs, page, err := query.CollectionPaginate(ctx, q.Keeper.Epochs, pageReq,
		func(_ uint64, e types.Epoch) (types.Epoch, error) { return e, nil })
	if err != nil {
		return nil, status.Error(codes.InvalidArgument, err.Error())
	}
	return &types.QueryEpochsResponse{Epochs: epochs, Pagination: page}, nil
}

// capPage limits a page to limit entries (0: no cap), without changing the caller's
// request. An unset page limit is the SDK's default page (100), capped too. With a cap
// the work is bounded as well: no total (it walks the whole history) and no offset
// (skipped entries are walked one by one); pages follow next_key.
func capPage(req *query.PageRequest, limit uint64) (*query.PageRequest, error) {
	if limit == 0 {
		return req, nil
	}
	var capped query.PageRequest
	if req != nil {
		capped = *req
	}
	if capped.Offset != 0 {
		return nil, status.Errorf(codes.InvalidArgument, "pagination.offset is not served on a capped history (max_history_page %d): page with pagination.key", limit)
	}
	capped.CountTotal = false
	if capped.Limit == 0 {
		capped.Limit = query.DefaultLimit
	}
	capped.Limit = min(capped.Limit, limit)
	return &capped, nil
}

// Readiness implements types.QueryServer.
func (q queryServer) Readiness(ctx context.Context, _ *types.QueryReadinessRequest) (*types.QueryReadinessResponse, error) {
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	params, err := q.Keeper.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	p, err := q.progress(ctx)
	if err != nil {
		return nil, err
	}
	members, err := q.activeSet(ctx)
	if err != nil {
		return nil, err
	}
	rule := readinessRule(sdkCtx, params, p)
	out := make([]types.SequencerReadiness, 0, len(members))
	for _, m := range members {
		ok, why, report, err := q.readinessOf(ctx, rule, m)
		if err != nil {
			return nil, errorsmod.Wrapf(err, "sequencer %d", m.SequencerId)
		}
		out = append(out, types.SequencerReadiness{SequencerId: m.SequencerId, Power: m.Power, Eligible: ok, Reason: why, LastReport: report})
	}
	return &types.QueryReadinessResponse{Sequencers: out, Head: p}, nil
}

// Offences implements types.QueryServer.
func (q queryServer) Offences(ctx context.Context, req *types.QueryOffencesRequest) (*types.QueryOffencesResponse, error) {
	if req == nil {
		req = &types.QueryOffencesRequest{}
	}
	offences, page, err := query.CollectionPaginate(ctx, q.Keeper.Offences, req.Pagination,
		func(_ uint64, o types.Offence) (types.Offence, error) { return o, nil })
	if err != nil {
		return nil, status.Error(codes.InvalidArgument, err.Error())
	}
	return &types.QueryOffencesResponse{Offences: offences, Pagination: page}, nil
}
