package keeper_test

import (
	"testing"
	"time"

	"cosmossdk.io/collections"
	"cosmossdk.io/math"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	sequencertest "github.com/themis-network/themis/testutil/sequencer"
	sequencertypes "github.com/themis-network/themis/x/sequencer/types"
	"github.com/themis-network/themis/x/slashing/types"
)

// Any run of stalls, blocks, jail expiries, unjails and L1 confirmations (matching or
// not) keeps the module's invariants:
//   - every offence's slashed + remaining = its stake before;
//   - a sequencer jailed or removed is never in the validator set recorded for two
//     blocks after the block that decided it, and only JAILED sequencers have jails;
//   - the escrows not released or refunded add up to what the chain asked for on the
//     slashes L1 has not confirmed plus what L1 took on the confirmed ones.
func TestProperty_SlashingInvariants(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		c := newChain(t)
		c.Join(4, sequencertest.Owner(4), sequencertest.Tokens(25_000).AddRaw(1))
		c.Join(5, sequencertest.Owner(5), sequencertest.Tokens(99_999).AddRaw(3))
		ids := []uint64{2, 3, 4, 5}
		took := map[uint64]math.Int{} // action id -> what L1 took
		steps := rapid.IntRange(1, 25).Draw(rt, "steps")
		for i := 0; i < steps; i++ {
			switch rapid.IntRange(0, 3).Draw(rt, "op") {
			case 0:
				c.stall(rapid.SampledFrom(ids).Draw(rt, "stalled"))
				c.next()
				checkOutOfSet(rt, c, ids)
			case 1:
				c.after(time.Duration(rapid.IntRange(0, 6).Draw(rt, "days")) * 24 * time.Hour)
				_ = c.unjail(rapid.SampledFrom(ids).Draw(rt, "unjail")) // refused or not: both are fine
				c.endBlock()
			case 2:
				queued := queuedSlashes(rt, c)
				if len(queued) == 0 {
					continue
				}
				a := rapid.SampledFrom(queued).Draw(rt, "confirm")
				amount := a.Slash.Amount
				if rapid.Bool().Draw(rt, "short") {
					amount = amount.QuoRaw(int64(rapid.IntRange(2, 5).Draw(rt, "div")))
				}
				id, _ := types.ParseL1OffenceID(a.Slash.OffenceId)
				c.confirm(id, amount, a.Id)
				took[a.Id] = amount
			case 3:
				c.next()
			}
			checkInvariants(rt, c, took)
		}
	})
}

func queuedSlashes(rt *rapid.T, c *chain) []types.L1Action {
	var out []types.L1Action
	require.NoError(rt, c.k.QueuedActions.Walk(c.Ctx, nil, func(id uint64) (bool, error) {
		a, err := c.k.L1Actions.Get(c.Ctx, id)
		out = append(out, a)
		return false, err
	}))
	return out
}

// checkOutOfSet: a sequencer out of the pool at the end of this block is out of the
// set CometBFT uses two blocks later.
func checkOutOfSet(rt *rapid.T, c *chain, ids []uint64) {
	set, err := c.K.RecordedSetAt(c.Ctx, c.Ctx.BlockHeight()+2)
	require.NoError(rt, err)
	for _, id := range ids {
		s := c.Seq(id)
		if s.Status != sequencertypes.SEQUENCER_STATUS_ACTIVE {
			require.False(rt, inSet(set, id), "sequencer %d is %s but in the set", id, s.Status)
		}
	}
}

func checkInvariants(rt *rapid.T, c *chain, took map[uint64]math.Int) {
	want := math.ZeroInt()
	require.NoError(rt, c.k.Offences.Walk(c.Ctx, nil, func(_ uint64, o types.Offence) (bool, error) {
		require.True(rt, o.Slashed.Add(o.Remaining).Equal(o.StakeBefore), "offence %d", o.Id)
		if o.L1ActionId == 0 {
			return false, nil
		}
		a, err := c.k.L1Actions.Get(c.Ctx, o.L1ActionId)
		if a.Status == types.L1_ACTION_STATUS_QUEUED {
			want = want.Add(o.Slashed)
		} else {
			want = want.Add(took[a.Id])
		}
		return false, err
	}))
	held := math.ZeroInt()
	require.NoError(rt, c.k.Escrows.Walk(c.Ctx, nil, func(_ collections.Pair[uint64, uint64], e types.Escrow) (bool, error) {
		if e.Status == types.ESCROW_STATUS_PENDING_L1 || e.Status == types.ESCROW_STATUS_HELD {
			held = held.Add(e.Amount)
		}
		return false, nil
	}))
	require.True(rt, want.Equal(held), "escrows %s, slashes %s", held, want)
	require.NoError(rt, c.k.Jails.Walk(c.Ctx, nil, func(id uint64, _ types.Jail) (bool, error) {
		require.Equal(rt, sequencertypes.SEQUENCER_STATUS_JAILED, c.Seq(id).Status, "jail record of sequencer %d", id)
		return false, nil
	}))
}
