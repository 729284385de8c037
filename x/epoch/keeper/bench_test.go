package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// BenchmarkDecide1000 is one whole epoch decision among 1,000 ready sequencers: read
// the active set and 1,000 reports, check readiness, draw, write the epoch (SPEC 9:
// selection among 1,000 sequencers under 1 ms).
func BenchmarkDecide1000(b *testing.B) {
	powers := make([]int64, 1000)
	for i := range powers {
		powers[i] = int64(1 + i%100)
	}
	c := newChain(b, powers...)
	c.block(time.Second)
	first := c.current()
	c.commit() // decisions read committed state plus the current block's writes
	b.ResetTimer()
	for range b.N {
		ctx, _ := c.ctx.CacheContext()
		// With the live epoch taken out of the schedule a decision is due.
		require.NoError(b, c.k.Schedule.Remove(ctx, first.StartHeight))
		require.NoError(b, c.k.EndBlock(ctx))
	}
	b.StopTimer()
	ctx, _ := c.ctx.CacheContext()
	require.NoError(b, c.k.Schedule.Remove(ctx, first.StartHeight))
	require.NoError(b, c.k.EndBlock(ctx))
	e, ok, err := c.k.EpochAt(ctx, first.StartHeight)
	require.NoError(b, err)
	require.True(b, ok)
	require.Equal(b, uint64(2), e.Id, "the benchmark must measure a real decision")
}
