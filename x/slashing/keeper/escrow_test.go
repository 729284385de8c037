package keeper_test

import (
	"testing"
	"time"

	"cosmossdk.io/collections"
	storetypes "cosmossdk.io/store/types"
	"github.com/cosmos/cosmos-sdk/runtime"
	"github.com/stretchr/testify/require"

	sequencertest "github.com/themis-network/themis/testutil/sequencer"
	"github.com/themis-network/themis/x/slashing/keeper"
	"github.com/themis-network/themis/x/slashing/types"
)

// A HELD escrow is indexed by its releasable_at (unix seconds) and released by the
// first EndBlock at or after it, to the second: a RELEASE_ESCROW action for the
// contract's escrow is queued, the escrow is RELEASED by it, leaves the index, and
// EventEscrowReleased is emitted. One second early, nothing happens.
func TestEscrow_ReleasedWhenItsPeriodIsOver(t *testing.T) {
	c := newChain(t)
	c.stall(2)
	c.next()
	o := c.offence(1)
	c.confirm(1, o.Slashed, 21)
	e := c.escrow(1, 2)
	require.Equal(t, []collections.Triple[int64, uint64, uint64]{collections.Join3(e.ReleasableAt.Unix(), uint64(1), uint64(2))},
		c.releaseIndex())

	for _, tc := range []struct {
		at       time.Time
		released bool
	}{
		{e.ReleasableAt.Add(-time.Second), false},
		{e.ReleasableAt.Add(-time.Nanosecond), false},
		{e.ReleasableAt, true},
	} {
		c.Ctx = c.Ctx.WithBlockHeight(c.Ctx.BlockHeight() + 1).WithBlockTime(tc.at)
		c.FreshEvents()
		c.endBlock()
		got := c.escrow(1, 2)
		if !tc.released {
			require.Equal(t, types.ESCROW_STATUS_HELD, got.Status, "at %s", tc.at)
			require.Len(t, c.releaseIndex(), 1)
			continue
		}
		require.Equal(t, types.ESCROW_STATUS_RELEASED, got.Status)
		a := c.action(got.SettleActionId)
		require.Equal(t, types.L1_ACTION_KIND_RELEASE_ESCROW, a.Kind)
		require.Equal(t, types.L1_ACTION_STATUS_QUEUED, a.Status)
		require.Equal(t, &types.EscrowAction{OffenceId: 1, SequencerId: 2, EscrowId: 21, Amount: o.Slashed}, a.Escrow)
		require.Equal(t, []uint64{a.Id}, c.queuedIDs())
		require.Empty(t, c.releaseIndex())
		require.Equal(t, []*types.EventEscrowReleased{{Escrow: got}}, sequencertest.TypedEvents[*types.EventEscrowReleased](t, c.Ctx))
	}
	// Released once: later blocks queue nothing more.
	c.after(time.Hour)
	c.endBlock()
	require.Len(t, c.queuedIDs(), 1)
}

// At most 32 escrows are released a block, earliest due first; the rest follow in the
// next block.
func TestEscrow_ReleaseIsBoundedPerBlock(t *testing.T) {
	c := newChain(t)
	const n = 35
	for i := 0; i < n; i++ {
		id := c.mustGovSlash(2, types.SEVERITY_HIGH) // a removed sequencer can still be slashed by governance
		c.confirm(id, c.offence(id).Slashed, uint64(100+i))
		c.after(time.Second)
	}
	require.Len(t, c.releaseIndex(), n)
	c.after(types.DefaultEscrowPeriod)
	c.endBlock()
	require.Len(t, c.releaseIndex(), n-32)
	for id := uint64(1); id <= n; id++ {
		want := types.ESCROW_STATUS_RELEASED
		if id > 32 {
			want = types.ESCROW_STATUS_HELD
		}
		require.Equal(t, want, c.escrow(id, 2).Status, "escrow of offence %d", id)
	}
	c.next()
	require.Empty(t, c.releaseIndex())
	for id := uint64(1); id <= n; id++ {
		require.Equal(t, types.ESCROW_STATUS_RELEASED, c.escrow(id, 2).Status)
	}
}

// Escrows still PENDING_L1 are not released whatever the time: the period starts when
// L1 confirms the slash.
func TestEscrow_PendingIsNeverReleased(t *testing.T) {
	c := newChain(t)
	c.stall(2)
	c.next()
	c.after(2 * types.DefaultEscrowPeriod)
	c.endBlock()
	require.Equal(t, types.ESCROW_STATUS_PENDING_L1, c.escrow(1, 2).Status)
	require.Empty(t, c.releaseIndex())
}

// An index entry that names no HELD escrow (a corrupted or hand-edited state) is
// dropped without releasing anything, and does not hold back the others.
func TestEscrow_StaleIndexEntryIsDropped(t *testing.T) {
	c := newChain(t)
	c.stall(2)
	c.stall(3)
	c.next()
	c.confirm(1, c.offence(1).Slashed, 1)
	c.confirm(2, c.offence(2).Slashed, 2)
	due := c.escrow(2, 3).ReleasableAt
	require.NoError(t, c.k.EscrowsByRelease.Set(c.Ctx, collections.Join3(due.Unix()-10, uint64(9), uint64(9))))
	require.NoError(t, c.k.EscrowsByRelease.Set(c.Ctx, collections.Join3(due.Unix()-5, uint64(2), uint64(3)))) // wrong time
	c.Ctx = c.Ctx.WithBlockHeight(c.Ctx.BlockHeight() + 1).WithBlockTime(due)
	c.endBlock()
	require.Empty(t, c.releaseIndex())
	require.Equal(t, types.ESCROW_STATUS_RELEASED, c.escrow(1, 2).Status)
	require.Equal(t, types.ESCROW_STATUS_RELEASED, c.escrow(2, 3).Status)
	require.Len(t, c.queuedIDs(), 2, "one release each")
}

// Genesis rebuilds the release index from the HELD escrows (and only those): after an
// export and import, a held escrow is released on time and a released one stays so.
func TestEscrow_IndexRebuiltAtGenesis(t *testing.T) {
	c := newChain(t)
	c.stall(2)
	c.stall(3)
	c.next()
	c.confirm(1, c.offence(1).Slashed, 1)
	c.after(time.Hour)
	c.confirm(2, c.offence(2).Slashed, 2)
	c.Ctx = c.Ctx.WithBlockHeight(c.Ctx.BlockHeight() + 1).WithBlockTime(c.escrow(1, 2).ReleasableAt)
	c.endBlock()
	require.Equal(t, types.ESCROW_STATUS_RELEASED, c.escrow(1, 2).Status)
	held := c.escrow(2, 3)
	require.Equal(t, types.ESCROW_STATUS_HELD, held.Status)

	exported, err := c.k.ExportGenesis(c.Ctx)
	require.NoError(t, err)
	key := storetypes.NewKVStoreKey(types.StoreKey)
	env := sequencertest.NewEnvWithGenesis(t, sequencertest.RelayerGenesis(t), key)
	k2 := keeper.NewKeeper(sequencertest.Codec(), runtime.NewKVStoreService(key), env.AddrCodec, env.Authority, env.K, c.epochs)
	require.NoError(t, k2.InitGenesis(env.Ctx, *exported))
	again, err := k2.ExportGenesis(env.Ctx)
	require.NoError(t, err)
	require.Equal(t, exported, again)
	var index []collections.Triple[int64, uint64, uint64]
	require.NoError(t, k2.EscrowsByRelease.Walk(env.Ctx, nil, func(k collections.Triple[int64, uint64, uint64]) (bool, error) {
		index = append(index, k)
		return false, nil
	}))
	require.Equal(t, []collections.Triple[int64, uint64, uint64]{collections.Join3(held.ReleasableAt.Unix(), uint64(2), uint64(3))}, index)

	ctx := env.Ctx.WithBlockHeight(c.Ctx.BlockHeight() + 1).WithBlockTime(held.ReleasableAt)
	require.NoError(t, k2.EndBlock(ctx))
	e, err := k2.Escrows.Get(ctx, collections.Join(uint64(2), uint64(3)))
	require.NoError(t, err)
	require.Equal(t, types.ESCROW_STATUS_RELEASED, e.Status)
	next, err := k2.NextL1Action.Peek(ctx)
	require.NoError(t, err)
	require.Equal(t, uint64(4), next, "two slashes and two releases, no more")
}
