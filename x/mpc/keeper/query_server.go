package keeper

import (
	"context"
	"encoding/hex"
	"strings"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/query"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/themis-network/themis/x/mpc/types"
)

type queryServer struct{ Keeper }

var _ types.QueryServer = queryServer{}

// NewQueryServerImpl returns the x/mpc query server.
func NewQueryServerImpl(k Keeper) types.QueryServer { return queryServer{Keeper: k} }

// notFound maps a registered not-found error to gRPC NotFound.
func notFound(err error) error {
	if errorsmod.IsOf(err, types.ErrSessionNotFound, types.ErrRequestNotFound, types.ErrPoolTxNotFound) {
		return status.Error(codes.NotFound, err.Error())
	}
	return err
}

// Params implements types.QueryServer.
func (q queryServer) Params(ctx context.Context, _ *types.QueryParamsRequest) (*types.QueryParamsResponse, error) {
	p, err := q.Keeper.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	return &types.QueryParamsResponse{Params: p}, nil
}

// PoolKey implements types.QueryServer.
func (q queryServer) PoolKey(ctx context.Context, _ *types.QueryPoolKeyRequest) (*types.QueryPoolKeyResponse, error) {
	pk, ok, err := q.GetPoolKey(ctx)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, status.Error(codes.NotFound, types.ErrNoPoolKey.Error())
	}
	return &types.QueryPoolKeyResponse{PoolKey: pk}, nil
}

// OpenSessions implements types.QueryServer.
func (q queryServer) OpenSessions(ctx context.Context, _ *types.QueryOpenSessionsRequest) (*types.QueryOpenSessionsResponse, error) {
	open, err := q.OpenSessionList(ctx)
	if err != nil {
		return nil, err
	}
	return &types.QueryOpenSessionsResponse{Sessions: open}, nil
}

// Sessions implements types.QueryServer: every session, paginated by number.
func (q queryServer) Sessions(ctx context.Context, req *types.QuerySessionsRequest) (*types.QuerySessionsResponse, error) {
	if req == nil {
		req = &types.QuerySessionsRequest{}
	}
	out, page, err := query.CollectionPaginate(ctx, q.Keeper.Sessions, req.Pagination,
		func(_ uint64, s types.Session) (types.Session, error) { return s, nil })
	if err != nil {
		return nil, status.Error(codes.InvalidArgument, err.Error())
	}
	return &types.QuerySessionsResponse{Sessions: out, Pagination: page}, nil
}

// Session implements types.QueryServer.
func (q queryServer) Session(ctx context.Context, req *types.QuerySessionRequest) (*types.QuerySessionResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	s, err := q.GetSession(ctx, req.Number)
	if err != nil {
		return nil, notFound(err)
	}
	return &types.QuerySessionResponse{Session: s}, nil
}

// SessionByKey implements types.QueryServer.
func (q queryServer) SessionByKey(ctx context.Context, req *types.QuerySessionByKeyRequest) (*types.QuerySessionResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	key, err := hex.DecodeString(strings.TrimPrefix(req.SessionKey, "0x"))
	if err != nil || len(key) != types.SessionKeyLen {
		return nil, status.Errorf(codes.InvalidArgument, "session key %q: want %d bytes of hex", req.SessionKey, types.SessionKeyLen)
	}
	s, err := q.Keeper.SessionByKey(ctx, key)
	if err != nil {
		return nil, notFound(err)
	}
	return &types.QuerySessionResponse{Session: s}, nil
}

// SignRequest implements types.QueryServer.
func (q queryServer) SignRequest(ctx context.Context, req *types.QuerySignRequestRequest) (*types.QuerySignRequestResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	r, err := q.GetSignRequest(ctx, req.Id)
	if err != nil {
		return nil, notFound(err)
	}
	return &types.QuerySignRequestResponse{Request: r}, nil
}

// SignRequests implements types.QueryServer: all requests by id, or those of one
// status through the status index.
func (q queryServer) SignRequests(ctx context.Context, req *types.QuerySignRequestsRequest) (*types.QuerySignRequestsResponse, error) {
	if req == nil {
		req = &types.QuerySignRequestsRequest{}
	}
	if req.Status == types.SIGN_REQUEST_STATUS_UNSPECIFIED {
		out, page, err := query.CollectionPaginate(ctx, q.Keeper.SignRequests, req.Pagination,
			func(_ uint64, r types.SignRequest) (types.SignRequest, error) { return r, nil })
		if err != nil {
			return nil, status.Error(codes.InvalidArgument, err.Error())
		}
		return &types.QuerySignRequestsResponse{Requests: out, Pagination: page}, nil
	}
	if _, ok := types.SignRequestStatus_name[int32(req.Status)]; !ok {
		return nil, status.Errorf(codes.InvalidArgument, "status %d", req.Status)
	}
	out, page, err := query.CollectionPaginate(ctx, q.Keeper.RequestsByStatus, req.Pagination,
		func(key collections.Pair[int32, uint64], _ collections.NoValue) (types.SignRequest, error) {
			return q.Keeper.SignRequests.Get(ctx, key.K2())
		}, query.WithCollectionPaginationPairPrefix[int32, uint64](int32(req.Status)))
	if err != nil {
		return nil, status.Error(codes.InvalidArgument, err.Error())
	}
	return &types.QuerySignRequestsResponse{Requests: out, Pagination: page}, nil
}

// Blames implements types.QueryServer.
func (q queryServer) Blames(ctx context.Context, req *types.QueryBlamesRequest) (*types.QueryBlamesResponse, error) {
	if req == nil {
		req = &types.QueryBlamesRequest{}
	}
	out, page, err := query.CollectionPaginate(ctx, q.Keeper.Blames, req.Pagination,
		func(_ uint64, b types.Blame) (types.Blame, error) { return b, nil })
	if err != nil {
		return nil, status.Error(codes.InvalidArgument, err.Error())
	}
	return &types.QueryBlamesResponse{Blames: out, Pagination: page}, nil
}

// Readiness implements types.QueryServer: every active sequencer, in the active set's
// order, with its last report; the candidate committee now; the committee watch.
func (q queryServer) Readiness(ctx context.Context, _ *types.QueryReadinessRequest) (*types.QueryReadinessResponse, error) {
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	params, err := q.Keeper.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	v, err := q.loadView(sdkCtx, params, false)
	if err != nil {
		return nil, err
	}
	next, err := v.candidates()
	if err != nil {
		return nil, err
	}
	resp := &types.QueryReadinessResponse{}
	if len(next) > 0 {
		if resp.Candidates, err = committeeOf(next); err != nil {
			return nil, err
		}
	}
	if resp.Progress, err = q.progress(ctx); err != nil {
		return nil, err
	}
	for _, c := range v.cands {
		sr := types.SequencerReadiness{SequencerId: c.ID, Power: c.Power, Ready: c.Ready}
		for _, m := range next {
			sr.Candidate = sr.Candidate || m.ID == c.ID
		}
		if v.hasPool {
			for _, m := range v.pool.Committee.Members {
				sr.Member = sr.Member || m.SequencerId == c.ID
			}
		}
		if r, ok := v.reports[string(types.ConsAddress(c.PubKey))]; ok {
			sr.LastReport = &r
		}
		resp.Sequencers = append(resp.Sequencers, sr)
	}
	return resp, nil
}

// RetiredPoolKeys implements types.QueryServer (one record per key loss: unpaginated).
func (q queryServer) RetiredPoolKeys(ctx context.Context, _ *types.QueryRetiredPoolKeysRequest) (*types.QueryRetiredPoolKeysResponse, error) {
	out := &types.QueryRetiredPoolKeysResponse{}
	err := q.RetiredKeys.Walk(ctx, nil, func(_ uint64, r types.RetiredPoolKey) (bool, error) {
		out.RetiredKeys = append(out.RetiredKeys, r)
		return false, nil
	})
	return out, err
}
