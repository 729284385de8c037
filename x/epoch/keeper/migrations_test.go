package keeper_test

import (
	"testing"
	"time"

	"github.com/cosmos/cosmos-sdk/types/query"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/x/epoch/keeper"
	"github.com/themis-network/themis/x/epoch/types"
)

// The "v2" migration caps the history query where the chain had no cap, keeps a cap
// governance chose, and changes nothing else.
func TestMigrate1to2CapsTheHistoryQuery(t *testing.T) {
	c := newChain(t, 10, 10, 10, 10)
	c.block(time.Second)
	c.run(30, true)
	before, err := c.k.ExportGenesis(c.ctx)
	require.NoError(t, err)
	require.Zero(t, before.Params.MaxHistoryPage, "genesis has no cap")

	require.NoError(t, keeper.NewMigrator(c.k).Migrate1to2(c.ctx))
	after, err := c.k.ExportGenesis(c.ctx)
	require.NoError(t, err)
	require.Equal(t, uint64(types.NextMaxHistoryPage), after.Params.MaxHistoryPage)
	after.Params.MaxHistoryPage = 0
	require.Equal(t, before, after, "the migration changes the cap only")

	p := after.Params
	p.MaxHistoryPage = 50
	require.NoError(t, c.k.Params.Set(c.ctx, p))
	require.NoError(t, keeper.NewMigrator(c.k).Migrate1to2(c.ctx))
	got, err := c.k.Params.Get(c.ctx)
	require.NoError(t, err)
	require.Equal(t, uint64(50), got.MaxHistoryPage, "governance's cap is kept")
	require.Equal(t, p.StallThreshold, got.StallThreshold)
}

// A stall_threshold below the floor (valid before it existed) is raised to it: the
// upgrade must not halt on the chain's own params.
func TestMigrate1to2RaisesAThresholdBelowTheFloor(t *testing.T) {
	c := newChain(t, 10, 10, 10, 10)
	p, err := c.k.Params.Get(c.ctx)
	require.NoError(t, err)
	p.StallThreshold = 2 * time.Second
	p.MaxHistoryPage = 50
	require.Error(t, p.Validate(), "below the floor today")
	require.NoError(t, c.k.Params.Set(c.ctx, p))
	require.NoError(t, keeper.NewMigrator(c.k).Migrate1to2(c.ctx))
	got, err := c.k.Params.Get(c.ctx)
	require.NoError(t, err)
	require.Equal(t, types.MinStallThreshold, got.StallThreshold)
	require.Equal(t, uint64(50), got.MaxHistoryPage)
}

// With a cap, a history page never holds more; without one, it holds what was asked.
func TestHistoryQueryHonoursTheCap(t *testing.T) {
	c := newChain(t, 10, 10, 10, 10)
	c.block(time.Second)
	c.run(300, true)
	q := keeperQuery(c)
	all, err := q.Epochs(c.ctx, &types.QueryEpochsRequest{Pagination: &query.PageRequest{Limit: 1000}})
	require.NoError(t, err)
	require.Greater(t, len(all.Epochs), 10)

	p, err := c.k.Params.Get(c.ctx)
	require.NoError(t, err)
	p.MaxHistoryPage = types.MinMaxHistoryPage
	require.NoError(t, c.k.Params.Set(c.ctx, p))
	for limit, want := range map[uint64]int{0: types.MinMaxHistoryPage, 5: 5, 1000: types.MinMaxHistoryPage} {
		page, err := q.Epochs(c.ctx, &types.QueryEpochsRequest{Pagination: &query.PageRequest{Limit: limit}})
		require.NoError(t, err)
		require.Len(t, page.Epochs, want, "limit %d", limit)
		require.NotEmpty(t, page.Pagination.NextKey, "the rest is one page away")
	}
	page, err := q.Epochs(c.ctx, nil)
	require.NoError(t, err)
	require.Len(t, page.Epochs, types.MinMaxHistoryPage)
	// The cap bounds the work too: no total (a walk of the whole history), no offset.
	page, err = q.Epochs(c.ctx, &types.QueryEpochsRequest{Pagination: &query.PageRequest{CountTotal: true}})
	require.NoError(t, err)
	require.Zero(t, page.Pagination.Total)
	_, err = q.Epochs(c.ctx, &types.QueryEpochsRequest{Pagination: &query.PageRequest{Offset: 1_000_000}})
	require.ErrorContains(t, err, "pagination.key")

	p.MaxHistoryPage = types.MinMaxHistoryPage - 1
	require.ErrorContains(t, p.Validate(), "max_history_page")
}
