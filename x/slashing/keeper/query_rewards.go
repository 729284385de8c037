package keeper

import (
	"context"

	"github.com/cosmos/cosmos-sdk/types/query"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/themis-network/themis/x/slashing/types"
)

// Rewards implements types.QueryServer: every sequencer's rewards, by id.
func (q queryServer) Rewards(ctx context.Context, req *types.QueryRewardsRequest) (*types.QueryRewardsResponse, error) {
	if req == nil {
		req = &types.QueryRewardsRequest{}
	}
	rs, page, err := query.CollectionPaginate(ctx, q.Keeper.SequencerRewards, req.Pagination,
		func(_ uint64, r types.SequencerRewards) (types.SequencerRewards, error) { return r, nil })
	if err != nil {
		return nil, err
	}
	return &types.QueryRewardsResponse{Rewards: rs, Pagination: page}, nil
}

// SequencerRewards implements types.QueryServer: zeros for a sequencer that never
// earned anything.
func (q queryServer) SequencerRewards(ctx context.Context, req *types.QuerySequencerRewardsRequest) (*types.QuerySequencerRewardsResponse, error) {
	if req == nil || req.SequencerId == 0 {
		return nil, status.Error(codes.InvalidArgument, "sequencer id is required")
	}
	r, err := q.rewardsOf(ctx, req.SequencerId)
	if err != nil {
		return nil, err
	}
	return &types.QuerySequencerRewardsResponse{Rewards: r}, nil
}

// RewardState implements types.QueryServer, with when the next re-target and the next
// batch are due.
func (q queryServer) RewardState(ctx context.Context, _ *types.QueryRewardStateRequest) (*types.QueryRewardStateResponse, error) {
	params, err := q.Keeper.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	s, err := q.rewardState(ctx)
	if err != nil {
		return nil, err
	}
	resp := &types.QueryRewardStateResponse{State: s}
	if !s.WindowStartTime.IsZero() {
		resp.NextRetargetTime = s.WindowStartTime.Add(params.RetargetInterval)
	}
	if !s.LastBatchTime.IsZero() {
		resp.NextBatchTime = s.LastBatchTime.Add(params.RewardBatchInterval)
	}
	reserve, needed, _, err := q.reserveNeeds(ctx)
	if err != nil {
		return nil, err
	}
	resp.RewardReserve, resp.ReserveNeeded, resp.ReserveLow = reserve.String(), needed.String(), reserve.LT(needed)
	return resp, nil
}

// EpochCredits implements types.QueryServer: every credited epoch by id, or one.
func (q queryServer) EpochCredits(ctx context.Context, req *types.QueryEpochCreditsRequest) (*types.QueryEpochCreditsResponse, error) {
	if req == nil {
		req = &types.QueryEpochCreditsRequest{}
	}
	if req.EpochId != 0 {
		c, err := q.Keeper.EpochCredits.Get(ctx, req.EpochId)
		if isNotFound(err) {
			return nil, status.Errorf(codes.NotFound, "epoch %d is not credited (yet)", req.EpochId)
		}
		if err != nil {
			return nil, err
		}
		return &types.QueryEpochCreditsResponse{Credits: []types.EpochCredit{c}}, nil
	}
	cs, page, err := query.CollectionPaginate(ctx, q.Keeper.EpochCredits, req.Pagination,
		func(_ uint64, c types.EpochCredit) (types.EpochCredit, error) { return c, nil })
	if err != nil {
		return nil, err
	}
	return &types.QueryEpochCreditsResponse{Credits: cs, Pagination: page}, nil
}
