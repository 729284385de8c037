package keeper_test

import (
	"testing"
	"time"

	"github.com/cosmos/cosmos-sdk/types/query"
	"github.com/stretchr/testify/require"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/themis-network/themis/x/epoch/keeper"
	"github.com/themis-network/themis/x/epoch/types"
)

func keeperQuery(c *chain) types.QueryServer { return keeper.NewQueryServerImpl(c.k) }

func TestQueries(t *testing.T) {
	c := newChain(t, 10, 10, 10, 10)
	q := keeperQuery(c)
	_, err := q.CurrentEpoch(c.ctx, &types.QueryCurrentEpochRequest{})
	require.Equal(t, codes.NotFound, status.Code(err))
	c.block(time.Second)
	c.run(16, true)
	c.run(6, false) // a stall re-election

	cur, err := q.CurrentEpoch(c.ctx, &types.QueryCurrentEpochRequest{})
	require.NoError(t, err)
	require.Equal(t, stall, cur.Epoch.Reason)
	require.Equal(t, c.progress().Height, cur.Head.Height)

	// The producer of a height already produced is the (cut) first epoch.
	p, err := q.Producer(c.ctx, &types.QueryProducerRequest{Height: 3})
	require.NoError(t, err)
	require.Equal(t, uint64(1), p.Epoch.Id)
	p, err = q.Producer(c.ctx, &types.QueryProducerRequest{Height: cur.Head.Height + 1})
	require.NoError(t, err)
	require.Equal(t, cur.Epoch.Id, p.Epoch.Id)
	_, err = q.Producer(c.ctx, &types.QueryProducerRequest{Height: cur.Epoch.EndHeight + 1})
	require.Equal(t, codes.NotFound, status.Code(err))
	_, err = q.Producer(c.ctx, &types.QueryProducerRequest{Height: 0})
	require.Equal(t, codes.InvalidArgument, status.Code(err))

	_, err = q.NextEpoch(c.ctx, &types.QueryNextEpochRequest{})
	require.Equal(t, codes.NotFound, status.Code(err))
	for i := 0; i < 40 && err != nil; i++ {
		c.run(1, true)
		_, err = q.NextEpoch(c.ctx, &types.QueryNextEpochRequest{})
	}
	require.NoError(t, err)

	e, err := q.Epoch(c.ctx, &types.QueryEpochRequest{Id: 2})
	require.NoError(t, err)
	require.True(t, e.Epoch.Cancelled)
	_, err = q.Epoch(c.ctx, &types.QueryEpochRequest{Id: 99})
	require.Equal(t, codes.NotFound, status.Code(err))

	// History, paginated, with the reason of every change.
	page1, err := q.Epochs(c.ctx, &types.QueryEpochsRequest{Pagination: &query.PageRequest{Limit: 2, CountTotal: true}})
	require.NoError(t, err)
	require.Len(t, page1.Epochs, 2)
	require.Equal(t, uint64(4), page1.Pagination.Total)
	page2, err := q.Epochs(c.ctx, &types.QueryEpochsRequest{Pagination: &query.PageRequest{Key: page1.Pagination.NextKey}})
	require.NoError(t, err)
	require.Len(t, page2.Epochs, 2)
	reasons := []types.RotationReason{}
	for _, e := range append(page1.Epochs, page2.Epochs...) {
		reasons = append(reasons, e.Reason)
	}
	require.Equal(t, []types.RotationReason{scheduled, scheduled, stall, scheduled}, reasons)

	off, err := q.Offences(c.ctx, &types.QueryOffencesRequest{})
	require.NoError(t, err)
	require.Len(t, off.Offences, 1)
}

func TestUpdateParams(t *testing.T) {
	c := newChain(t, 10)
	ms := keeper.NewMsgServerImpl(c.k)
	params := types.DefaultParams()
	params.EpochLength = 50
	params.LeadTime = 10
	_, err := ms.UpdateParams(c.ctx, &types.MsgUpdateParams{Authority: "themis1notgov", Params: params})
	require.ErrorIs(t, err, types.ErrUnauthorized)
	bad := params
	bad.LeadTime = 50
	_, err = ms.UpdateParams(c.ctx, &types.MsgUpdateParams{Authority: c.k.GetAuthority(), Params: bad})
	require.ErrorIs(t, err, types.ErrInvalidParams)
	_, err = ms.UpdateParams(c.ctx, &types.MsgUpdateParams{Authority: c.k.GetAuthority(), Params: params})
	require.NoError(t, err)
	got, err := c.k.Params.Get(c.ctx)
	require.NoError(t, err)
	require.Equal(t, uint64(50), got.EpochLength)
}
