package keeper_test

import (
	"math/big"
	"testing"
	"time"

	"cosmossdk.io/math"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	epochtypes "github.com/themis-network/themis/x/epoch/types"
	"github.com/themis-network/themis/x/slashing/types"
)

// Any run of epochs (closed, open, cut at the agreed head, cancelled), head moves, low
// flags, L2 offences, reward-per-block changes (up to amounts that overflow) and days
// passing keeps the reward accounting whole:
//   - per sequencer, accrued + batched = the sum of its epochs' credited amounts, and
//     batched = the sum of its payments in the queued REWARD_BATCH actions (paid 0);
//   - every epoch is credited once, in id order, only once the agreed head passed its
//     end (or it was cancelled), and never for a block above the head or outside its
//     range;
//   - batch ids are 1, 2, 3, ... in action order and no payment is zero.
func TestProperty_RewardAccounting(t *testing.T) {
	huge := math.NewIntFromBigInt(new(big.Int).Lsh(big.NewInt(1), 250))
	rapid.Check(t, func(rt *rapid.T) {
		c := newChain(t)
		producers := []uint64{2, 3, 1000}
		var (
			head, lastEnd, nextID, cursor uint64
		)
		c.head(0)
		steps := rapid.IntRange(1, 40).Draw(rt, "steps")
		for range steps {
			switch rapid.IntRange(0, 7).Draw(rt, "op") {
			case 0: // decide the next epoch (a cancelled one leaves its range to the next)
				nextID++
				length := rapid.Uint64Range(1, 50).Draw(rt, "length")
				e := epoch(nextID, rapid.SampledFrom(producers).Draw(rt, "producer"), lastEnd+1, lastEnd+length)
				if rapid.IntRange(0, 4).Draw(rt, "cancel") == 0 {
					e.Cancelled = true
				} else {
					lastEnd = e.EndHeight
				}
				c.decide(e)
			case 1:
				head += rapid.Uint64Range(0, 60).Draw(rt, "blocks")
				c.head(head)
			case 2: // a stall: the last live epoch is cut at the agreed head
				for i := len(c.epochs.history) - 1; i >= 0; i-- {
					e := &c.epochs.history[i]
					if e.Cancelled {
						continue
					}
					if e.StartHeight <= head && head < e.EndHeight {
						e.EndHeight, lastEnd = head, head
					}
					break
				}
			case 3:
				id := rapid.SampledFrom(producers).Draw(rt, "flag")
				if has, _ := c.k.LowFlagged.Has(c.Ctx, id); has {
					require.NoError(rt, c.k.LowFlagged.Remove(c.Ctx, id))
				} else {
					require.NoError(rt, c.k.LowFlagged.Set(c.Ctx, id, c.Ctx.BlockHeight()))
				}
			case 4:
				pb := math.NewIntFromUint64(rapid.Uint64Range(0, 1<<62).Draw(rt, "per_block"))
				if rapid.IntRange(0, 5).Draw(rt, "huge") == 0 {
					pb = huge
				}
				c.setRewardPerBlock(pb)
			case 5:
				seq := rapid.SampledFrom(producers).Draw(rt, "offender")
				n, err := c.k.NextOffence.Next(c.Ctx)
				require.NoError(rt, err)
				c.judgedL2(n+1, seq, types.OFFENCE_CLASS_L2_EQUIVOCATION, types.EvidenceRefL2Equivocation,
					rapid.Uint64Range(0, lastEnd+10).Draw(rt, "l2_height"), types.OFFENCE_STATUS_APPLIED)
			case 6:
				c.after(time.Duration(rapid.IntRange(0, 30).Draw(rt, "hours")) * time.Hour)
				c.endBlock()
			case 7:
				c.next()
			}
			cursor = checkRewards(rt, c, head, cursor)
		}
	})
}

func checkRewards(t *rapid.T, c *chain, head, lastCursor uint64) uint64 {
	state, err := c.k.RewardState.Get(c.Ctx)
	require.NoError(t, err)
	require.GreaterOrEqual(t, state.EpochCursor, lastCursor)
	epochs := map[uint64]epochtypes.Epoch{}
	for _, e := range c.epochs.history {
		epochs[e.Id] = e
	}
	credited := map[uint64]*big.Int{}
	var want uint64 = 1
	require.NoError(t, c.k.EpochCredits.Walk(c.Ctx, nil, func(id uint64, cr types.EpochCredit) (bool, error) {
		require.Equal(t, want, id, "every epoch credited once, in order")
		want++
		e := epochs[id]
		require.Equal(t, e.ProducerId, cr.SequencerId)
		if !e.Cancelled {
			require.LessOrEqual(t, e.EndHeight, head, "credited before the head passed the end")
		}
		if cr.Blocks > 0 {
			require.Equal(t, types.CREDIT_STATUS_PAID, cr.Status)
			require.LessOrEqual(t, cr.Blocks, e.EndHeight-e.StartHeight+1)
			require.LessOrEqual(t, e.StartHeight+cr.Blocks-1, head, "a block above the agreed head")
		}
		require.True(t, cr.Amount.Equal(cr.RewardPerBlock.MulRaw(int64(cr.Blocks))) || cr.Amount.IsZero())
		credited[cr.SequencerId] = new(big.Int).Add(sumOf(credited, cr.SequencerId), cr.Amount.BigInt())
		return false, nil
	}))
	require.Equal(t, state.EpochCursor, want-1)

	paid := map[uint64]*big.Int{}
	var batch uint64
	for _, a := range c.batches() {
		batch++
		require.Equal(t, batch, a.RewardBatch.BatchId)
		for _, p := range a.RewardBatch.Payments {
			require.True(t, p.Amount.IsPositive())
			paid[p.SequencerId] = new(big.Int).Add(sumOf(paid, p.SequencerId), p.Amount.BigInt())
		}
	}
	require.NoError(t, c.k.SequencerRewards.Walk(c.Ctx, nil, func(id uint64, r types.SequencerRewards) (bool, error) {
		held := new(big.Int).Add(r.Accrued.BigInt(), r.Batched.BigInt())
		require.Zero(t, held.Cmp(sumOf(credited, id)), "sequencer %d: accrued %s + batched %s != credited %s", id, r.Accrued, r.Batched, sumOf(credited, id))
		require.Zero(t, r.Batched.BigInt().Cmp(sumOf(paid, id)), "sequencer %d: batched %s, batches pay %s", id, r.Batched, sumOf(paid, id))
		require.True(t, r.Paid.IsZero())
		return false, nil
	}))
	for id, sum := range credited {
		if sum.Sign() > 0 {
			_, err := c.k.SequencerRewards.Get(c.Ctx, id)
			require.NoError(t, err, "credited sequencer %d has no record", id)
		}
	}
	return state.EpochCursor
}

// sumOf is m[id], 0 if absent.
func sumOf(m map[uint64]*big.Int, id uint64) *big.Int {
	if v, ok := m[id]; ok {
		return v
	}
	return new(big.Int)
}
