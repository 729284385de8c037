package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	sequencertest "github.com/themis-network/themis/testutil/sequencer"
	"github.com/themis-network/themis/x/slashing/types"
)

// BenchmarkBeginBlockDowntime100 is x/slashing's BeginBlock with 100 validators in the
// set and every window full (1,200 blocks): the grace clock, 100 windows read, recorded
// and written, the leavers' sweep and the outage verdict, on the keeper's real store.
// Issue 12's target: under 5 ms a block.
func BenchmarkBeginBlockDowntime100(b *testing.B) {
	c := newChain(b)
	for id := uint64(4); id <= 100; id++ {
		c.Join(id, sequencertest.Owner(id), sequencertest.Tokens(30_000))
	}
	p := types.DefaultParams()
	p.GraceBlocks = 1
	require.NoError(b, c.k.Params.Set(c.Ctx, p))
	c.next()
	c.next()
	c.next()
	for i := 0; i < 1200; i++ { // fill every window; 7 of them miss everything
		c.block(91, 92, 93, 94, 95, 96, 97)
	}
	require.Len(b, c.votes(c.Ctx.BlockHeight()), 100)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		c.AtHeight(c.Ctx.BlockHeight() + 1)
		c.Ctx = c.Ctx.WithVoteInfos(c.votes(c.Ctx.BlockHeight()-1, 91, 92, 93, 94, 95, 96, 97))
		b.StartTimer()
		if err := c.k.BeginBlock(c.Ctx); err != nil {
			b.Fatal(err)
		}
	}
}
