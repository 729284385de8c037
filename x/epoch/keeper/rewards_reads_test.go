package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/x/slashing/rewards"
)

// What x/slashing's reward accounting reads: the agreed head (never lower) and the
// decided epochs in id order with their ranges as they stand. A stalled producer's
// epoch is cut at the agreed head when it is re-elected, so the blocks it is credited
// (rewards.Produced on the cut range) are the blocks it produced, not its planned range;
// its cancelled successor produced nothing.
func TestRewardReadsStalledEpochIsPaidItsProducedBlocks(t *testing.T) {
	c := newChain(t, 10, 10, 10, 10)
	_, known, err := c.k.AgreedHead(c.ctx)
	require.NoError(t, err)
	require.False(t, known, "no head agreed before the first reports")

	c.block(0)
	c.run(16, true) // head 15; epoch 1 is [1, 20], its successor 2 is decided
	head, known, err := c.k.AgreedHead(c.ctx)
	require.NoError(t, err)
	require.True(t, known)
	require.Equal(t, c.progress().Height, head)
	stalled := c.current()
	c.run(5, false) // the producer stops: re-elected from head + 1
	after, _, err := c.k.AgreedHead(c.ctx)
	require.NoError(t, err)
	require.Equal(t, head, after)

	epochs, err := c.k.EpochsAfter(c.ctx, 0, 10)
	require.NoError(t, err)
	require.Len(t, epochs, 3)
	for i, e := range epochs {
		require.Equal(t, uint64(i+1), e.Id, "in id order")
	}
	cut := epochs[0]
	require.Equal(t, stalled.Id, cut.Id)
	require.Equal(t, head, cut.EndHeight, "cut at the agreed head")
	require.Equal(t, uint64(20), cut.PlannedEndHeight)
	require.False(t, cut.Cancelled)
	require.Equal(t, head-cut.StartHeight+1, rewards.Produced(cut.StartHeight, cut.EndHeight, head))
	require.Less(t, rewards.Produced(cut.StartHeight, cut.EndHeight, head), cut.PlannedEndHeight-cut.StartHeight+1)
	require.True(t, epochs[1].Cancelled, "the decided successor never produced")
	require.Equal(t, head+1, epochs[2].StartHeight)

	later, err := c.k.EpochsAfter(c.ctx, 1, 1)
	require.NoError(t, err)
	require.Len(t, later, 1)
	require.Equal(t, uint64(2), later[0].Id)
	none, err := c.k.EpochsAfter(c.ctx, 3, 10)
	require.NoError(t, err)
	require.Empty(t, none)
}
