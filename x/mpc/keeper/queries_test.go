package keeper_test

import (
	"encoding/hex"
	"testing"

	"github.com/cosmos/cosmos-sdk/types/query"
	"github.com/stretchr/testify/require"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	sequencertest "github.com/themis-network/themis/testutil/sequencer"
	"github.com/themis-network/themis/x/mpc/keeper"
	"github.com/themis-network/themis/x/mpc/types"
)

func TestQueries(t *testing.T) {
	c := newChain(t, 5)
	q := keeper.NewQueryServerImpl(c.k)
	_, err := q.PoolKey(c.ctx, &types.QueryPoolKeyRequest{})
	require.Equal(t, codes.NotFound, status.Code(err))

	pk := c.keygen()
	got, err := q.PoolKey(c.ctx, &types.QueryPoolKeyRequest{})
	require.NoError(t, err)
	require.Equal(t, pk, got.PoolKey)
	require.Len(t, got.PoolKey.Committee.Members, 5)

	for _, n := range c.nodes {
		n.engine = false
	}
	c.node(5).ready = false
	c.requestSig("q1")
	c.requestSig("q2")
	c.block()
	open, err := q.OpenSessions(c.ctx, &types.QueryOpenSessionsRequest{})
	require.NoError(t, err)
	require.Len(t, open.Sessions, 2)
	byNum, err := q.Session(c.ctx, &types.QuerySessionRequest{Number: open.Sessions[0].Number})
	require.NoError(t, err)
	require.Equal(t, open.Sessions[0], byNum.Session)
	byKey, err := q.SessionByKey(c.ctx, &types.QuerySessionByKeyRequest{SessionKey: "0x" + hex.EncodeToString(open.Sessions[1].SessionKey)})
	require.NoError(t, err)
	require.Equal(t, open.Sessions[1], byKey.Session)
	_, err = q.Session(c.ctx, &types.QuerySessionRequest{Number: 99})
	require.Equal(t, codes.NotFound, status.Code(err))
	_, err = q.SessionByKey(c.ctx, &types.QuerySessionByKeyRequest{SessionKey: "zz"})
	require.Equal(t, codes.InvalidArgument, status.Code(err))
	_, err = q.SessionByKey(c.ctx, &types.QuerySessionByKeyRequest{SessionKey: hex.EncodeToString(make([]byte, 32))})
	require.Equal(t, codes.NotFound, status.Code(err))

	all, err := q.Sessions(c.ctx, &types.QuerySessionsRequest{Pagination: &query.PageRequest{Limit: 2, CountTotal: true}})
	require.NoError(t, err)
	require.Len(t, all.Sessions, 2)
	require.EqualValues(t, 3, all.Pagination.Total, "the keygen and two sign sessions")

	c.node(1).engine = true
	c.node(2).engine = true
	c.node(3).engine = true
	c.block()
	c.requestSig("q3")
	signed, err := q.SignRequests(c.ctx, &types.QuerySignRequestsRequest{Status: types.SIGN_REQUEST_STATUS_SIGNED})
	require.NoError(t, err)
	require.Len(t, signed.Requests, 2)
	queued, err := q.SignRequests(c.ctx, &types.QuerySignRequestsRequest{Status: types.SIGN_REQUEST_STATUS_QUEUED})
	require.NoError(t, err)
	require.Len(t, queued.Requests, 1)
	require.EqualValues(t, 3, queued.Requests[0].Id)
	every, err := q.SignRequests(c.ctx, &types.QuerySignRequestsRequest{})
	require.NoError(t, err)
	require.Len(t, every.Requests, 3)
	one, err := q.SignRequest(c.ctx, &types.QuerySignRequestRequest{Id: 1})
	require.NoError(t, err)
	require.NotEmpty(t, one.Request.Signature)
	_, err = q.SignRequest(c.ctx, &types.QuerySignRequestRequest{Id: 9})
	require.Equal(t, codes.NotFound, status.Code(err))

	ready, err := q.Readiness(c.ctx, &types.QueryReadinessRequest{})
	require.NoError(t, err)
	require.Len(t, ready.Sequencers, 5)
	for _, s := range ready.Sequencers {
		require.Equal(t, s.SequencerId != 5, s.Ready)
		require.Equal(t, s.SequencerId != 5, s.Candidate)
		require.True(t, s.Member)
		require.NotNil(t, s.LastReport)
		require.Equal(t, c.node(s.SequencerId).endpoint, s.LastReport.Endpoint)
		require.EqualValues(t, 1, s.LastReport.ShareGeneration)
	}
	require.Len(t, ready.Candidates.Members, 4)

	params, err := q.Params(c.ctx, &types.QueryParamsRequest{})
	require.NoError(t, err)
	require.Equal(t, testParams(), params.Params)
	blames, err := q.Blames(c.ctx, &types.QueryBlamesRequest{})
	require.NoError(t, err)
	require.Empty(t, blames.Blames)
}

func TestUpdateParams(t *testing.T) {
	c := newChain(t, 1)
	msg := keeper.NewMsgServerImpl(c.k)
	p := testParams()
	p.MaxOpenSignSessions = 8
	_, err := msg.UpdateParams(c.ctx, &types.MsgUpdateParams{Authority: sequencertest.Bech32(t, []byte("not-gov-not-gov-not-")), Params: p})
	require.ErrorIs(t, err, types.ErrUnauthorized)
	bad := p
	bad.MinParties = 0
	_, err = msg.UpdateParams(c.ctx, &types.MsgUpdateParams{Authority: c.k.GetAuthority(), Params: bad})
	require.ErrorIs(t, err, types.ErrInvalidParams)
	_, err = msg.UpdateParams(c.ctx, &types.MsgUpdateParams{Authority: c.k.GetAuthority(), Params: p})
	require.NoError(t, err)
	got, err := c.k.Params.Get(c.ctx)
	require.NoError(t, err)
	require.Equal(t, p, got)
	require.Len(t, events[*types.EventParamsUpdated](c), 1)
}

// TestReadinessIsRecordedAndForgotten: each report's readiness, share generation and
// endpoint are recorded; the record of a validator that left the active set is
// forgotten once stale.
func TestReadinessIsRecordedAndForgotten(t *testing.T) {
	c := newChain(t, 4)
	c.block()
	r, err := c.k.Readiness.Get(c.ctx, c.node(2).cons())
	require.NoError(t, err)
	require.Equal(t, types.Readiness{ConsAddress: c.node(2).cons(), PubKey: c.node(2).pub(), ReportedHeight: 1, Ready: true, ReadySince: 1,
		Endpoint: c.node(2).endpoint}, r)
	c.deactivate(2)
	c.run(2)
	has, err := c.k.Readiness.Has(c.ctx, c.node(2).cons())
	require.NoError(t, err)
	require.True(t, has, "still within the ready window")
	c.run(3)
	has, err = c.k.Readiness.Has(c.ctx, c.node(2).cons())
	require.NoError(t, err)
	require.False(t, has)
}
