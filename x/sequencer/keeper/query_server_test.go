package keeper_test

import (
	"strings"
	"testing"

	"github.com/cosmos/cosmos-sdk/types/query"
	"github.com/stretchr/testify/require"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	sequencertest "github.com/themis-network/themis/testutil/sequencer"
	"github.com/themis-network/themis/x/sequencer/types"
)

func sqRequireCode(t *testing.T, err error, code codes.Code) {
	t.Helper()
	require.Error(t, err)
	require.Equal(t, code, status.Code(err), "error %v", err)
}

func sqIDs(seqs []types.Sequencer) []uint64 {
	out := make([]uint64, 0, len(seqs))
	for _, s := range seqs {
		out = append(out, s.Id)
	}
	return out
}

// sqQueryPool: relayer; owner 1 has 1 (30k), 2 (40k), 4 (UNLOCKING); owner 3 has 3 (50k).
func sqQueryPool(t *testing.T) *sequencertest.Env {
	t.Helper()
	e := sqPool(t)
	e.Join(2, sqOwner(1), sqTokens(40_000))
	e.Join(3, sqOwner(3), sqTokens(50_000))
	e.Join(4, sqOwner(1), sqTokens(20_000))
	sqExit(t, e, 4, false)
	return e
}

func TestQuery_Params(t *testing.T) {
	e := sqPool(t)
	resp, err := e.Query.Params(e.Ctx, &types.QueryParamsRequest{})
	require.NoError(t, err)
	require.Equal(t, types.DefaultParams(), resp.Params)
	resp, err = e.Query.Params(e.Ctx, nil)
	require.NoError(t, err, "the request has no fields")
	require.Equal(t, types.DefaultParams(), resp.Params)
}

func TestQuery_Sequencer(t *testing.T) {
	e := sqQueryPool(t)
	resp, err := e.Query.Sequencer(e.Ctx, &types.QuerySequencerRequest{Id: 2})
	require.NoError(t, err)
	require.Equal(t, e.Seq(2), resp.Sequencer)
	require.Equal(t, int64(40_000), resp.Power)

	resp, err = e.Query.Sequencer(e.Ctx, &types.QuerySequencerRequest{Id: 4})
	require.NoError(t, err)
	require.Equal(t, types.SEQUENCER_STATUS_UNLOCKING, resp.Sequencer.Status)
	require.Zero(t, resp.Power, "only active sequencers have power")

	_, err = e.Query.Sequencer(e.Ctx, &types.QuerySequencerRequest{Id: 99})
	sqRequireCode(t, err, codes.NotFound)
	_, err = e.Query.Sequencer(e.Ctx, &types.QuerySequencerRequest{Id: 0})
	sqRequireCode(t, err, codes.NotFound)
	_, err = e.Query.Sequencer(e.Ctx, nil)
	sqRequireCode(t, err, codes.InvalidArgument)
}

func TestQuery_SequencerBySigner(t *testing.T) {
	e := sqQueryPool(t)
	signer := e.Seq(3).Signer
	resp, err := e.Query.SequencerBySigner(e.Ctx, &types.QuerySequencerBySignerRequest{Signer: signer})
	require.NoError(t, err)
	require.Equal(t, e.Seq(3), resp.Sequencer)
	require.Equal(t, int64(50_000), resp.Power)

	mixed := "0x" + strings.ToUpper(signer[2:])
	resp, err = e.Query.SequencerBySigner(e.Ctx, &types.QuerySequencerBySignerRequest{Signer: mixed})
	require.NoError(t, err, "the signer is normalised")
	require.Equal(t, uint64(3), resp.Sequencer.Id)

	for _, bad := range []string{"", "nope", signer[2:], signer[:41], signer + "0", "0x" + strings.Repeat("g", 40), "0X" + signer[2:]} {
		_, err := e.Query.SequencerBySigner(e.Ctx, &types.QuerySequencerBySignerRequest{Signer: bad})
		sqRequireCode(t, err, codes.InvalidArgument)
	}
	_, err = e.Query.SequencerBySigner(e.Ctx, &types.QuerySequencerBySignerRequest{Signer: sqOwner(1)})
	sqRequireCode(t, err, codes.NotFound)
	_, err = e.Query.SequencerBySigner(e.Ctx, nil)
	sqRequireCode(t, err, codes.InvalidArgument)
}

func TestQuery_SequencersByOwner(t *testing.T) {
	e := sqQueryPool(t)
	resp, err := e.Query.SequencersByOwner(e.Ctx, &types.QuerySequencersByOwnerRequest{Owner: sqOwner(1)})
	require.NoError(t, err)
	require.Equal(t, []uint64{1, 2, 4}, sqIDs(resp.Sequencers))
	require.Equal(t, e.Seq(4), resp.Sequencers[2])

	// Pagination by key, with the total.
	page1, err := e.Query.SequencersByOwner(e.Ctx, &types.QuerySequencersByOwnerRequest{Owner: sqOwner(1),
		Pagination: &query.PageRequest{Limit: 2, CountTotal: true}})
	require.NoError(t, err)
	require.Equal(t, []uint64{1, 2}, sqIDs(page1.Sequencers))
	require.Equal(t, uint64(3), page1.Pagination.Total)
	require.NotEmpty(t, page1.Pagination.NextKey)
	page2, err := e.Query.SequencersByOwner(e.Ctx, &types.QuerySequencersByOwnerRequest{Owner: sqOwner(1),
		Pagination: &query.PageRequest{Key: page1.Pagination.NextKey, Limit: 2}})
	require.NoError(t, err)
	require.Equal(t, []uint64{4}, sqIDs(page2.Sequencers))
	require.Empty(t, page2.Pagination.NextKey)
	// By offset.
	off, err := e.Query.SequencersByOwner(e.Ctx, &types.QuerySequencersByOwnerRequest{Owner: sqOwner(1),
		Pagination: &query.PageRequest{Offset: 1, Limit: 1}})
	require.NoError(t, err)
	require.Equal(t, []uint64{2}, sqIDs(off.Sequencers))
	// Reverse.
	rev, err := e.Query.SequencersByOwner(e.Ctx, &types.QuerySequencersByOwnerRequest{Owner: sqOwner(1),
		Pagination: &query.PageRequest{Reverse: true}})
	require.NoError(t, err)
	require.Equal(t, []uint64{4, 2, 1}, sqIDs(rev.Sequencers))

	// Upper-case input is normalised; an owner without sequencers has none.
	upper, err := e.Query.SequencersByOwner(e.Ctx, &types.QuerySequencersByOwnerRequest{Owner: "0x" + strings.ToUpper(sqOwner(3)[2:])})
	require.NoError(t, err)
	require.Equal(t, []uint64{3}, sqIDs(upper.Sequencers))
	none, err := e.Query.SequencersByOwner(e.Ctx, &types.QuerySequencersByOwnerRequest{Owner: sqOwner(50)})
	require.NoError(t, err)
	require.Empty(t, none.Sequencers)

	for _, bad := range []string{"", "0x12", strings.Repeat("a", 42), "0x" + strings.Repeat("z", 40)} {
		_, err := e.Query.SequencersByOwner(e.Ctx, &types.QuerySequencersByOwnerRequest{Owner: bad})
		sqRequireCode(t, err, codes.InvalidArgument)
	}
	_, err = e.Query.SequencersByOwner(e.Ctx, &types.QuerySequencersByOwnerRequest{Owner: sqOwner(1),
		Pagination: &query.PageRequest{Key: page1.Pagination.NextKey, Offset: 1}})
	sqRequireCode(t, err, codes.InvalidArgument)
	_, err = e.Query.SequencersByOwner(e.Ctx, nil)
	sqRequireCode(t, err, codes.InvalidArgument)
}

func TestQuery_Sequencers(t *testing.T) {
	e := sqQueryPool(t)
	all, err := e.Query.Sequencers(e.Ctx, &types.QuerySequencersRequest{})
	require.NoError(t, err)
	require.Equal(t, []uint64{1, 2, 3, 4, sequencertest.RelayerID}, sqIDs(all.Sequencers))

	active, err := e.Query.Sequencers(e.Ctx, &types.QuerySequencersRequest{Status: types.SEQUENCER_STATUS_ACTIVE})
	require.NoError(t, err)
	require.Equal(t, []uint64{1, 2, 3, sequencertest.RelayerID}, sqIDs(active.Sequencers))
	unlocking, err := e.Query.Sequencers(e.Ctx, &types.QuerySequencersRequest{Status: types.SEQUENCER_STATUS_UNLOCKING})
	require.NoError(t, err)
	require.Equal(t, []uint64{4}, sqIDs(unlocking.Sequencers))
	banned, err := e.Query.Sequencers(e.Ctx, &types.QuerySequencersRequest{Status: types.SEQUENCER_STATUS_BANNED})
	require.NoError(t, err)
	require.Empty(t, banned.Sequencers)

	// Filtered pagination: pages hold matching records only.
	p1, err := e.Query.Sequencers(e.Ctx, &types.QuerySequencersRequest{Status: types.SEQUENCER_STATUS_ACTIVE,
		Pagination: &query.PageRequest{Limit: 2, CountTotal: true}})
	require.NoError(t, err)
	require.Equal(t, []uint64{1, 2}, sqIDs(p1.Sequencers))
	require.NotEmpty(t, p1.Pagination.NextKey)
	p2, err := e.Query.Sequencers(e.Ctx, &types.QuerySequencersRequest{Status: types.SEQUENCER_STATUS_ACTIVE,
		Pagination: &query.PageRequest{Key: p1.Pagination.NextKey, Limit: 2}})
	require.NoError(t, err)
	require.Equal(t, []uint64{3, sequencertest.RelayerID}, sqIDs(p2.Sequencers))

	_, err = e.Query.Sequencers(e.Ctx, &types.QuerySequencersRequest{Pagination: &query.PageRequest{Key: []byte{1}, Offset: 1}})
	sqRequireCode(t, err, codes.InvalidArgument)
	_, err = e.Query.Sequencers(e.Ctx, nil)
	sqRequireCode(t, err, codes.InvalidArgument)
}

func TestQuery_ActiveSet(t *testing.T) {
	e := sqQueryPool(t)
	resp, err := e.Query.ActiveSet(e.Ctx, &types.QueryActiveSetRequest{})
	require.NoError(t, err)
	require.Equal(t, int64(170_000), resp.TotalPower)
	var ids []uint64
	var powers []int64
	for _, a := range resp.Sequencers {
		ids = append(ids, a.Sequencer.Id)
		powers = append(powers, a.Power)
		require.Equal(t, e.Seq(a.Sequencer.Id), a.Sequencer)
	}
	require.Equal(t, []uint64{3, sequencertest.RelayerID, 2, 1}, ids, "power desc, then id asc")
	require.Equal(t, []int64{50_000, 50_000, 40_000, 30_000}, powers)
	_, err = e.Query.ActiveSet(e.Ctx, nil)
	require.NoError(t, err)
}

func TestQuery_Whitelist(t *testing.T) {
	e := sqQueryPool(t)
	resp, err := e.Query.Whitelist(e.Ctx, &types.QueryWhitelistRequest{})
	require.NoError(t, err)
	want := sqSorted(sqOwner(1), sqOwner(3), sequencertest.RelayerOwner)
	require.Equal(t, want, resp.Owners)

	p1, err := e.Query.Whitelist(e.Ctx, &types.QueryWhitelistRequest{Pagination: &query.PageRequest{Limit: 2, CountTotal: true}})
	require.NoError(t, err)
	require.Equal(t, want[:2], p1.Owners)
	require.Equal(t, uint64(3), p1.Pagination.Total)
	p2, err := e.Query.Whitelist(e.Ctx, &types.QueryWhitelistRequest{Pagination: &query.PageRequest{Key: p1.Pagination.NextKey}})
	require.NoError(t, err)
	require.Equal(t, want[2:], p2.Owners)
	_, err = e.Query.Whitelist(e.Ctx, &types.QueryWhitelistRequest{Pagination: &query.PageRequest{Key: []byte("x"), Offset: 1}})
	sqRequireCode(t, err, codes.InvalidArgument)
	_, err = e.Query.Whitelist(e.Ctx, nil)
	sqRequireCode(t, err, codes.InvalidArgument)
}

func TestQuery_EventApplied(t *testing.T) {
	e := sqPool(t)
	m := e.RelockMsg(sqSeq1, 2, sqTokens(1), sqTokens(30_001))
	m.Event.TxHash = "0x" + strings.Repeat("ab", 32)
	m.Event.LogIndex = 7
	e.MustRelay(m)

	ask := func(hash string, idx uint64) bool {
		resp, err := e.Query.EventApplied(e.Ctx, &types.QueryEventAppliedRequest{TxHash: hash, LogIndex: idx})
		require.NoError(t, err)
		return resp.Applied
	}
	require.False(t, ask(m.Event.TxHash, 7), "queued is not applied")
	e.ApproveAll()
	require.True(t, ask(m.Event.TxHash, 7))
	require.True(t, ask("0x"+strings.Repeat("AB", 32), 7), "the hash is normalised")
	require.False(t, ask(m.Event.TxHash, 8))
	require.False(t, ask("0x"+strings.Repeat("ac", 32), 7))

	for _, bad := range []string{"", "0x12", strings.Repeat("ab", 33), "0x" + strings.Repeat("zz", 32), "0x" + strings.Repeat("ab", 33)} {
		_, err := e.Query.EventApplied(e.Ctx, &types.QueryEventAppliedRequest{TxHash: bad, LogIndex: 7})
		sqRequireCode(t, err, codes.InvalidArgument)
	}
	_, err := e.Query.EventApplied(e.Ctx, nil)
	sqRequireCode(t, err, codes.InvalidArgument)
}

func TestQuery_PendingEvents(t *testing.T) {
	e := sqPool(t)
	empty, err := e.Query.PendingEvents(e.Ctx, &types.QueryPendingEventsRequest{})
	require.NoError(t, err)
	require.Empty(t, empty.Events)

	var ids []uint64
	for n := uint64(2); n <= 4; n++ {
		ids = append(ids, e.MustRelay(e.RelockMsg(sqSeq1, n, sqTokens(1), sqTokens(30_000+int64(n)-1))))
	}
	all, err := e.Query.PendingEvents(e.Ctx, &types.QueryPendingEventsRequest{})
	require.NoError(t, err)
	require.Len(t, all.Events, 3)
	for i, p := range all.Events {
		require.Equal(t, ids[i], p.Id)
		require.Equal(t, "/themis.sequencer.v1.MsgRelocked", p.MsgType)
		require.Equal(t, sequencertest.StartHeight, p.SubmittedHeight)
		stored, err := e.K.PendingEvents.Get(e.Ctx, p.Id)
		require.NoError(t, err)
		require.Equal(t, stored, p)
	}
	p1, err := e.Query.PendingEvents(e.Ctx, &types.QueryPendingEventsRequest{Pagination: &query.PageRequest{Limit: 2, CountTotal: true}})
	require.NoError(t, err)
	require.Equal(t, all.Events[:2], p1.Events)
	require.Equal(t, uint64(3), p1.Pagination.Total)
	p2, err := e.Query.PendingEvents(e.Ctx, &types.QueryPendingEventsRequest{Pagination: &query.PageRequest{Key: p1.Pagination.NextKey}})
	require.NoError(t, err)
	require.Equal(t, all.Events[2:], p2.Events)
	_, err = e.Query.PendingEvents(e.Ctx, &types.QueryPendingEventsRequest{Pagination: &query.PageRequest{Key: []byte{1}, Offset: 1}})
	sqRequireCode(t, err, codes.InvalidArgument)
	_, err = e.Query.PendingEvents(e.Ctx, nil)
	sqRequireCode(t, err, codes.InvalidArgument)
}

// The alarms are queryable: every disagreement, or one sequencer's, paginated, in
// (sequencer id, nonce) order.
func TestQuery_Disagreements(t *testing.T) {
	e := sqPool(t)
	empty, err := e.Query.Disagreements(e.Ctx, &types.QueryDisagreementsRequest{})
	require.NoError(t, err)
	require.Empty(t, empty.Disagreements)

	pub, _ := e.NewKey()
	lock := e.LockMsg(2, sqOwner(77), pub, sqTokens(10_000)) // not whitelisted, below min_lock
	e.Apply(lock)
	e.Apply(e.RelockMsg(sqSeq1, 2, sqTokens(1), sqTokens(40_000))) // total does not add up
	e.Apply(e.RelockMsg(sqSeq1, 3, sqTokens(1), sqTokens(40_001))) // agreed: no alarm
	e.Apply(e.UnlockClaimMsg(sqSeq1, 4, sqTokens(40_001)))         // claim without unlock

	all, err := e.Query.Disagreements(e.Ctx, &types.QueryDisagreementsRequest{})
	require.NoError(t, err)
	var keys [][2]uint64
	for _, d := range all.Disagreements {
		keys = append(keys, [2]uint64{d.SequencerId, d.Nonce})
		require.Equal(t, sqDisagreement(t, e, d.SequencerId, d.Nonce), d)
	}
	require.Equal(t, [][2]uint64{{sqSeq1, 2}, {sqSeq1, 4}, {2, 1}}, keys)
	require.Equal(t, types.Disagreement{SequencerId: 2, Nonce: 1, Event: lock.Event, MsgType: "/themis.sequencer.v1.MsgLocked",
		Height: sequencertest.StartHeight, Findings: []types.DisagreementFinding{
			{Reason: types.DISAGREEMENT_REASON_NOT_WHITELISTED, Detail: "owner " + sqOwner(77) + " is not whitelisted"},
		}}, all.Disagreements[2])

	one, err := e.Query.Disagreements(e.Ctx, &types.QueryDisagreementsRequest{SequencerId: sqSeq1})
	require.NoError(t, err)
	require.Equal(t, all.Disagreements[:2], one.Disagreements)
	none, err := e.Query.Disagreements(e.Ctx, &types.QueryDisagreementsRequest{SequencerId: sequencertest.RelayerID})
	require.NoError(t, err)
	require.Empty(t, none.Disagreements)

	p1, err := e.Query.Disagreements(e.Ctx, &types.QueryDisagreementsRequest{Pagination: &query.PageRequest{Limit: 2, CountTotal: true}})
	require.NoError(t, err)
	require.Equal(t, all.Disagreements[:2], p1.Disagreements)
	require.Equal(t, uint64(3), p1.Pagination.Total)
	p2, err := e.Query.Disagreements(e.Ctx, &types.QueryDisagreementsRequest{Pagination: &query.PageRequest{Key: p1.Pagination.NextKey}})
	require.NoError(t, err)
	require.Equal(t, all.Disagreements[2:], p2.Disagreements)
	byOne, err := e.Query.Disagreements(e.Ctx, &types.QueryDisagreementsRequest{SequencerId: sqSeq1, Pagination: &query.PageRequest{Limit: 1}})
	require.NoError(t, err)
	require.Equal(t, all.Disagreements[:1], byOne.Disagreements)
	byOne, err = e.Query.Disagreements(e.Ctx, &types.QueryDisagreementsRequest{SequencerId: sqSeq1, Pagination: &query.PageRequest{Key: byOne.Pagination.NextKey}})
	require.NoError(t, err)
	require.Equal(t, all.Disagreements[1:2], byOne.Disagreements)

	_, err = e.Query.Disagreements(e.Ctx, nil)
	sqRequireCode(t, err, codes.InvalidArgument)
}
