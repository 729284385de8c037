package keeper_test

import (
	"testing"

	"github.com/cosmos/cosmos-sdk/types/query"
	"github.com/stretchr/testify/require"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/themis-network/themis/x/sequencer/keeper"
	"github.com/themis-network/themis/x/sequencer/types"
)

func TestQueries(t *testing.T) {
	e := zzSetup(t)
	owner := zzOwner(1)
	_, k1 := e.join(1, owner, tokens(30_000))
	e.join(2, owner, tokens(40_000))
	e.join(3, zzOwner(3), tokens(50_000))
	_, err := e.ms.UnlockInitiated(e.ctx, &types.MsgUnlockInitiated{Submitter: e.relayer, Event: e.ref(), SequencerId: 3, Nonce: 2, UnlockableAt: e.unlockAt()})
	require.NoError(t, err)
	e.approveAll()
	q := keeper.NewQueryServerImpl(e.k)

	one, err := q.Sequencer(e.ctx, &types.QuerySequencerRequest{Id: 1})
	require.NoError(t, err)
	require.Equal(t, int64(30_000), one.Power)
	_, err = q.Sequencer(e.ctx, &types.QuerySequencerRequest{Id: 99})
	require.Equal(t, codes.NotFound, status.Code(err))

	bySigner, err := q.SequencerBySigner(e.ctx, &types.QuerySequencerBySignerRequest{Signer: k1.L1Address()})
	require.NoError(t, err)
	require.Equal(t, uint64(1), bySigner.Sequencer.Id)
	_, err = q.SequencerBySigner(e.ctx, &types.QuerySequencerBySignerRequest{Signer: "nope"})
	require.Equal(t, codes.InvalidArgument, status.Code(err))

	byOwner, err := q.SequencersByOwner(e.ctx, &types.QuerySequencersByOwnerRequest{Owner: owner, Pagination: &query.PageRequest{Limit: 1, CountTotal: true}})
	require.NoError(t, err)
	require.Len(t, byOwner.Sequencers, 1)
	require.Equal(t, uint64(2), byOwner.Pagination.Total)
	next, err := q.SequencersByOwner(e.ctx, &types.QuerySequencersByOwnerRequest{Owner: owner, Pagination: &query.PageRequest{Key: byOwner.Pagination.NextKey}})
	require.NoError(t, err)
	require.Len(t, next.Sequencers, 1)
	require.NotEqual(t, byOwner.Sequencers[0].Id, next.Sequencers[0].Id)

	all, err := q.Sequencers(e.ctx, &types.QuerySequencersRequest{})
	require.NoError(t, err)
	require.Len(t, all.Sequencers, 4)
	unlocking, err := q.Sequencers(e.ctx, &types.QuerySequencersRequest{Status: types.SEQUENCER_STATUS_UNLOCKING})
	require.NoError(t, err)
	require.Len(t, unlocking.Sequencers, 1)
	require.Equal(t, uint64(3), unlocking.Sequencers[0].Id)

	active, err := q.ActiveSet(e.ctx, &types.QueryActiveSetRequest{})
	require.NoError(t, err)
	require.Equal(t, int64(90_000), active.TotalPower)
	require.Equal(t, uint64(2), active.Sequencers[0].Sequencer.Id)

	wl, err := q.Whitelist(e.ctx, &types.QueryWhitelistRequest{})
	require.NoError(t, err)
	require.ElementsMatch(t, []string{relayerOwner, owner, zzOwner(3)}, wl.Owners)

	applied, err := q.EventApplied(e.ctx, &types.QueryEventAppliedRequest{TxHash: "0x" + zeroPad(1), LogIndex: 1})
	require.NoError(t, err)
	require.True(t, applied.Applied)
	notApplied, err := q.EventApplied(e.ctx, &types.QueryEventAppliedRequest{TxHash: "0x" + zeroPad(1), LogIndex: 2})
	require.NoError(t, err)
	require.False(t, notApplied.Applied)
	_, err = q.EventApplied(e.ctx, &types.QueryEventAppliedRequest{TxHash: "0x12"})
	require.Equal(t, codes.InvalidArgument, status.Code(err))

	pub, _ := zzKey(t)
	_, err = e.ms.Locked(e.ctx, e.lockMsg(4, owner, pub, tokens(30_000)))
	require.NoError(t, err)
	pending, err := q.PendingEvents(e.ctx, &types.QueryPendingEventsRequest{})
	require.NoError(t, err)
	require.Len(t, pending.Events, 1)
	require.Equal(t, "/themis.sequencer.v1.MsgLocked", pending.Events[0].MsgType)

	params, err := q.Params(e.ctx, &types.QueryParamsRequest{})
	require.NoError(t, err)
	require.Equal(t, types.DefaultParams(), params.Params)

	_, err = q.Sequencer(e.ctx, nil)
	require.Equal(t, codes.InvalidArgument, status.Code(err))
}
