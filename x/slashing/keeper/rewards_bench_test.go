package keeper_test

import (
	"testing"
	"time"

	"cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	sequencertest "github.com/themis-network/themis/testutil/sequencer"
)

// BenchmarkRewardRetarget1000 is one reward re-target with 1,000 active sequencers
// (BENCHMARKS: "one reward re-target for 1,000 sequencers"): the block's whole reward
// accounting at the end of a two-week window — read the 1,000 records, sum their capped
// stakes, compute the reward per block, start the next window. The pool is loaded
// through x/sequencer's genesis outside the timer.
func BenchmarkRewardRetarget1000(b *testing.B) {
	stakes := make([]math.Int, 999) // + the genesis relayer = 1,000
	for i := range stakes {
		stakes[i] = sequencertest.Tokens(int64(20_000 + i*200)) // some above max_lock
	}
	c := newChainWithGenesis(b, poolGenesis(b, stakes...))
	active, err := c.K.ActiveSequencers(c.Ctx)
	require.NoError(b, err)
	require.Len(b, active, 1000)
	c.head(1_000)
	c.endBlock() // the window starts
	start := c.rewardState()
	c.after(14 * 24 * time.Hour)
	c.head(1_000 + 14*24*3600)
	b.ResetTimer()
	for range b.N {
		ctx, _ := c.Ctx.CacheContext()
		if err := c.k.AccountRewards(ctx); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	require.NoError(b, c.k.AccountRewards(c.Ctx))
	s := c.rewardState()
	require.True(b, s.RewardPerBlock.IsPositive(), "the benchmark must measure a real re-target")
	require.NotEqual(b, start.WindowStartTime, s.WindowStartTime)
}
