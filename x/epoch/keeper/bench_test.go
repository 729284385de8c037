package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/x/epoch/types"
	"github.com/themis-network/themis/x/voteext"
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

// BenchmarkApplyReportsWrongRoot100 is PreBlock's x/epoch part for 100 validators
// that each report the producer's refused block (one seal recovery per report in the
// strict decode, one more to count it, the tally summed once): the worst block the
// wrong-state-root evidence makes, below 2/3 so that every block pays it. The strict
// check VerifyVoteExtension and ProcessProposal run (CheckReport) is measured apart.
func BenchmarkApplyReportsWrongRoot100(b *testing.B) {
	powers := make([]int64, 100)
	for i := range powers {
		powers[i] = 10
	}
	c := newChain(b, powers...)
	c.setL2Chain(testL2Chain)
	c.block(time.Second)
	cur := c.current()
	hdr := wrongBlock(b, cur.ProducerId, 1)
	set := voteext.ValidatorSet{}
	var reports []voteext.ValidatorReport
	for i, n := range c.nodes {
		v := voteext.Validator{ConsAddress: consAddrOf(n.id), Power: n.power}
		set.Validators = append(set.Validators, v)
		set.TotalPower += n.power
		r := types.Report{HasHead: true, L2Hash: make([]byte, 32)}
		if i < 66 { // 660/1000: below 2/3
			r.RejectedHeader = hdr
		}
		payload, err := types.EncodeReport(r)
		require.NoError(b, err)
		reports = append(reports, voteext.ValidatorReport{Validator: v, Payload: payload})
	}
	c.commit()
	b.Run("ApplyReports", func(b *testing.B) {
		for b.Loop() {
			ctx, _ := c.ctx.WithBlockHeight(c.height + 1).CacheContext()
			require.NoError(b, c.k.ApplyReports(ctx, c.height, set, reports))
		}
	})
	b.Run("CheckReport", func(b *testing.B) {
		for b.Loop() {
			for _, r := range reports {
				require.NoError(b, c.k.CheckReport(r.Payload))
			}
		}
	})
	ctx, _ := c.ctx.WithBlockHeight(c.height + 1).CacheContext()
	require.NoError(b, c.k.ApplyReports(ctx, c.height, set, reports))
	tallies, err := c.k.ExportGenesis(ctx)
	require.NoError(b, err)
	require.Len(b, tallies.WrongRootTallies, 1, "the benchmark must count a real tally")
	require.Len(b, tallies.WrongRootTallies[0].Voters, 66)
}
