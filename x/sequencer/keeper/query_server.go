package keeper

import (
	"context"

	"cosmossdk.io/collections"
	"github.com/cosmos/cosmos-sdk/types/query"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/themis-network/themis/x/sequencer/types"
)

type queryServer struct{ k Keeper }

var _ types.QueryServer = queryServer{}

// NewQueryServerImpl returns the x/sequencer query service.
func NewQueryServerImpl(k Keeper) types.QueryServer { return queryServer{k: k} }

func (q queryServer) Params(ctx context.Context, _ *types.QueryParamsRequest) (*types.QueryParamsResponse, error) {
	p, err := q.k.Params.Get(ctx)
	if err != nil {
		return nil, status.Error(codes.Internal, err.Error())
	}
	return &types.QueryParamsResponse{Params: p}, nil
}

// maxPendingAdminChanges bounds the L1Admin query's list of differences.
const maxPendingAdminChanges = 100

// L1Admin implements types.QueryServer.
func (q queryServer) L1Admin(ctx context.Context, _ *types.QueryL1AdminRequest) (*types.QueryL1AdminResponse, error) {
	admin, err := q.k.L1Admin.Get(ctx)
	if err != nil {
		return nil, err
	}
	changes, err := q.k.L1AdminChanges(ctx, maxPendingAdminChanges)
	if err != nil {
		return nil, err
	}
	resp := &types.QueryL1AdminResponse{Admin: admin}
	for _, c := range changes {
		resp.Pending = append(resp.Pending, c.String())
	}
	return resp, nil
}

// L1Ledger implements types.QueryServer.
func (q queryServer) L1Ledger(ctx context.Context, _ *types.QueryL1LedgerRequest) (*types.QueryL1LedgerResponse, error) {
	l, err := q.k.L1Ledger.Get(ctx)
	if err != nil {
		return nil, err
	}
	return &types.QueryL1LedgerResponse{Ledger: l}, nil
}

// L1Config implements types.QueryServer.
func (q queryServer) L1Config(ctx context.Context, _ *types.QueryL1ConfigRequest) (*types.QueryL1ConfigResponse, error) {
	c, err := q.k.L1Config.Get(ctx)
	if err != nil {
		return nil, status.Error(codes.Internal, err.Error())
	}
	return &types.QueryL1ConfigResponse{Config: c}, nil
}

func (q queryServer) withPower(ctx context.Context, s types.Sequencer) (*types.QuerySequencerResponse, error) {
	power, err := q.k.PowerOf(ctx, s)
	if err != nil {
		return nil, status.Error(codes.Internal, err.Error())
	}
	return &types.QuerySequencerResponse{Sequencer: s, Power: power}, nil
}

func (q queryServer) Sequencer(ctx context.Context, req *types.QuerySequencerRequest) (*types.QuerySequencerResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	s, err := q.k.GetSequencer(ctx, req.Id)
	if err != nil {
		return nil, status.Error(codes.NotFound, err.Error())
	}
	return q.withPower(ctx, s)
}

func (q queryServer) SequencerBySigner(ctx context.Context, req *types.QuerySequencerBySignerRequest) (*types.QuerySequencerResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	signer, err := types.NormalizeL1Address(req.Signer)
	if err != nil {
		return nil, status.Error(codes.InvalidArgument, err.Error())
	}
	s, err := q.k.GetSequencerBySigner(ctx, signer)
	if err != nil {
		return nil, status.Error(codes.NotFound, err.Error())
	}
	return q.withPower(ctx, s)
}

func (q queryServer) SequencersByOwner(ctx context.Context, req *types.QuerySequencersByOwnerRequest) (*types.QuerySequencersResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	owner, err := types.NormalizeL1Address(req.Owner)
	if err != nil {
		return nil, status.Error(codes.InvalidArgument, err.Error())
	}
	keys, page, err := query.CollectionPaginate(ctx, q.k.OwnerIndex, req.Pagination,
		func(key collections.Pair[string, uint64], _ collections.NoValue) (uint64, error) {
			return key.K2(), nil
		},
		query.WithCollectionPaginationPairPrefix[string, uint64](owner))
	if err != nil {
		return nil, status.Error(codes.InvalidArgument, err.Error())
	}
	out := make([]types.Sequencer, 0, len(keys))
	for _, id := range keys {
		s, err := q.k.GetSequencer(ctx, id)
		if err != nil {
			return nil, status.Error(codes.Internal, err.Error())
		}
		out = append(out, s)
	}
	return &types.QuerySequencersResponse{Sequencers: out, Pagination: page}, nil
}

func (q queryServer) Sequencers(ctx context.Context, req *types.QuerySequencersRequest) (*types.QuerySequencersResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	seqs, page, err := query.CollectionFilteredPaginate(ctx, q.k.Sequencers, req.Pagination,
		func(_ uint64, s types.Sequencer) (bool, error) {
			return req.Status == types.SEQUENCER_STATUS_UNSPECIFIED || s.Status == req.Status, nil
		},
		func(_ uint64, s types.Sequencer) (types.Sequencer, error) { return s, nil })
	if err != nil {
		return nil, status.Error(codes.InvalidArgument, err.Error())
	}
	return &types.QuerySequencersResponse{Sequencers: seqs, Pagination: page}, nil
}

func (q queryServer) ActiveSet(ctx context.Context, _ *types.QueryActiveSetRequest) (*types.QueryActiveSetResponse, error) {
	set, err := q.k.ActiveValidatorSet(ctx)
	if err != nil {
		return nil, status.Error(codes.Internal, err.Error())
	}
	resp := &types.QueryActiveSetResponse{TotalPower: set.TotalPower}
	for _, v := range set.Validators {
		s, err := q.k.GetSequencer(ctx, v.SequencerId)
		if err != nil {
			return nil, status.Error(codes.Internal, err.Error())
		}
		resp.Sequencers = append(resp.Sequencers, types.ActiveSequencer{Sequencer: s, Power: v.Power})
	}
	return resp, nil
}

func (q queryServer) Whitelist(ctx context.Context, req *types.QueryWhitelistRequest) (*types.QueryWhitelistResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	owners, page, err := query.CollectionPaginate(ctx, q.k.Whitelist, req.Pagination,
		func(owner string, _ collections.NoValue) (string, error) { return owner, nil })
	if err != nil {
		return nil, status.Error(codes.InvalidArgument, err.Error())
	}
	return &types.QueryWhitelistResponse{Owners: owners, Pagination: page}, nil
}

func (q queryServer) EventApplied(ctx context.Context, req *types.QueryEventAppliedRequest) (*types.QueryEventAppliedResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	hash, err := types.NormalizeTxHash(req.TxHash)
	if err != nil {
		return nil, status.Error(codes.InvalidArgument, err.Error())
	}
	ok, err := q.k.AppliedEvents.Has(ctx, types.EventKey(types.L1EventRef{TxHash: hash, LogIndex: req.LogIndex}))
	if err != nil {
		return nil, status.Error(codes.Internal, err.Error())
	}
	return &types.QueryEventAppliedResponse{Applied: ok}, nil
}

func (q queryServer) PendingEvents(ctx context.Context, req *types.QueryPendingEventsRequest) (*types.QueryPendingEventsResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	events, page, err := query.CollectionPaginate(ctx, q.k.PendingEvents, req.Pagination,
		func(_ uint64, p types.PendingEvent) (types.PendingEvent, error) { return p, nil })
	if err != nil {
		return nil, status.Error(codes.InvalidArgument, err.Error())
	}
	return &types.QueryPendingEventsResponse{Events: events, Pagination: page}, nil
}

func (q queryServer) Disagreements(ctx context.Context, req *types.QueryDisagreementsRequest) (*types.QueryDisagreementsResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	var opts []func(*query.CollectionsPaginateOptions[collections.Pair[uint64, uint64]])
	if req.SequencerId != 0 {
		opts = append(opts, query.WithCollectionPaginationPairPrefix[uint64, uint64](req.SequencerId))
	}
	out, page, err := query.CollectionPaginate(ctx, q.k.Disagreements, req.Pagination,
		func(_ collections.Pair[uint64, uint64], d types.Disagreement) (types.Disagreement, error) {
			return d, nil
		}, opts...)
	if err != nil {
		return nil, status.Error(codes.InvalidArgument, err.Error())
	}
	return &types.QueryDisagreementsResponse{Disagreements: out, Pagination: page}, nil
}
