package keeper_test

import (
	"errors"
	"math/big"
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
				id, _ := types.ParseL1OffenceID(c.Ctx.ChainID(), a.Slash.OffenceId)
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

// slashModel is the test's own account of one offence's slashed tokens.
type slashModel struct {
	appealed bool
	landed   bool      // L1's Slashed event was applied (before or after an appeal)
	took     math.Int  // what L1 took
	landedAt time.Time // block time it landed: the escrow period starts then
	released bool      // an EndBlock at or after landedAt + escrow_period saw it held
}

// Any run of stalls, governance slashes, appeals (with reimbursements up to 2^256-1),
// L1 confirmations (matching, short, or landing after an appeal cancelled the slash),
// unjails and time passing (past the escrow period too) keeps the books:
//   - the escrows PENDING_L1 or HELD add up to the slashes neither refunded nor released:
//     what the chain asked for while L1 has not confirmed, what L1 took once it did;
//   - every offence's slashed + remaining = its stake before;
//   - each sequencer's unconfirmed slash is the sum of its QUEUED slash actions;
//   - an appealed offence has no queued slash and no escrow pending or held;
//   - no escrow is refunded or released twice, and none due stays held after EndBlock;
//   - only JAILED sequencers have jails, and a second appeal of an offence is refused.
func TestProperty_GovernanceAppealsAndEscrowsKeepTheBooks(t *testing.T) {
	maxU256 := math.NewIntFromBigInt(new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1)))
	severities := []types.Severity{types.SEVERITY_MEDIUM, types.SEVERITY_HIGH, types.SEVERITY_CRITICAL}
	rapid.Check(t, func(rt *rapid.T) {
		c := newChain(t)
		c.Join(4, sequencertest.Owner(4), sequencertest.Tokens(25_000).AddRaw(1))
		c.Join(5, sequencertest.Owner(5), sequencertest.Tokens(99_999).AddRaw(3))
		ids := []uint64{2, 3, 4, 5}
		model := map[uint64]*slashModel{}
		at := func(id uint64) *slashModel {
			if model[id] == nil {
				model[id] = &slashModel{took: math.ZeroInt()}
			}
			return model[id]
		}
		// sawEndBlock is what the model expects of an EndBlock: every escrow held (landed,
		// not appealed) whose period is over by the block time is released.
		sawEndBlock := func() {
			for _, m := range model {
				if m.landed && !m.appealed && !m.released && m.took.IsPositive() &&
					!c.Ctx.BlockTime().Before(m.landedAt.Add(types.DefaultEscrowPeriod)) {
					m.released = true
				}
			}
		}
		endBlock := func() {
			c.endBlock()
			sawEndBlock()
		}
		steps := rapid.IntRange(1, 30).Draw(rt, "steps")
		for i := 0; i < steps; i++ {
			switch rapid.IntRange(0, 6).Draw(rt, "op") {
			case 0:
				c.stall(rapid.SampledFrom(ids).Draw(rt, "stalled"))
				c.AtHeight(c.Ctx.BlockHeight() + 1)
				endBlock()
			case 1:
				c.after(time.Duration(rapid.IntRange(0, 6).Draw(rt, "days")) * 24 * time.Hour)
				_ = c.unjail(rapid.SampledFrom(ids).Draw(rt, "unjail"))
				endBlock()
			case 2:
				// L1 lands a slash: one still queued, or one an appeal cancelled after the
				// pool had sent it.
				var candidates []uint64
				require.NoError(rt, c.k.Offences.Walk(c.Ctx, nil, func(id uint64, o types.Offence) (bool, error) {
					if o.L1ActionId == 0 {
						return false, nil
					}
					a, err := c.k.L1Actions.Get(c.Ctx, o.L1ActionId)
					if a.Status == types.L1_ACTION_STATUS_QUEUED || a.Status == types.L1_ACTION_STATUS_CANCELLED {
						candidates = append(candidates, id)
					}
					return false, err
				}))
				if len(candidates) == 0 {
					continue
				}
				id := rapid.SampledFrom(candidates).Draw(rt, "land")
				amount := c.offence(id).Slashed
				if rapid.Bool().Draw(rt, "short") {
					amount = amount.QuoRaw(int64(rapid.IntRange(2, 5).Draw(rt, "div")))
				}
				c.confirm(id, amount, 1000+id)
				m := at(id)
				m.landed, m.took, m.landedAt = true, amount, c.Ctx.BlockTime()
			case 3:
				c.next()
				sawEndBlock()
			case 4:
				_, err := c.govSlash(rapid.SampledFrom(ids).Draw(rt, "slashed"), rapid.SampledFrom(severities).Draw(rt, "severity"), "governance evidence")
				require.NoError(rt, err)
			case 5:
				n, err := c.k.NextOffence.Peek(c.Ctx)
				require.NoError(rt, err)
				if n == 0 {
					continue
				}
				id := rapid.Uint64Range(1, n).Draw(rt, "appealed")
				reimburse := rapid.SampledFrom([]math.Int{{}, math.ZeroInt(), math.NewInt(1), sequencertest.Tokens(500), maxU256}).Draw(rt, "reimburse")
				err = c.appeal(id, reimburse)
				if at(id).appealed {
					require.ErrorIs(rt, err, types.ErrAlreadyAppealed)
					continue
				}
				if errors.Is(err, types.ErrInvalidAmount) {
					// Refused, with nothing written, only when the sequencer's batched
					// rewards plus the reimbursement would not fit 256 bits.
					b := c.rewardsOf(c.offence(id).SequencerId).Batched.BigInt()
					require.Greater(rt, new(big.Int).Add(b, reimburse.BigInt()).BitLen(), 256, "%v", err)
					continue
				}
				require.NoError(rt, err)
				at(id).appealed = true
			case 6:
				c.after(time.Duration(rapid.IntRange(30, 400).Draw(rt, "long days")) * 24 * time.Hour)
				endBlock()
				require.NoError(rt, c.k.Escrows.Walk(c.Ctx, nil, func(_ collections.Pair[uint64, uint64], e types.Escrow) (bool, error) {
					require.False(rt, e.Status == types.ESCROW_STATUS_HELD && !e.ReleasableAt.After(c.Ctx.BlockTime()),
						"escrow (%d, %d) is due and still held", e.OffenceId, e.SequencerId)
					return false, nil
				}))
			}
			checkBooks(rt, c, ids, model)
		}
	})
}

// checkBooks checks the invariants of TestProperty_GovernanceAppealsAndEscrowsKeepTheBooks.
func checkBooks(rt *rapid.T, c *chain, ids []uint64, model map[uint64]*slashModel) {
	want := math.ZeroInt()
	unconfirmed := map[uint64]math.Int{}
	require.NoError(rt, c.k.Offences.Walk(c.Ctx, nil, func(id uint64, o types.Offence) (bool, error) {
		require.True(rt, o.Slashed.Add(o.Remaining).Equal(o.StakeBefore), "offence %d", id)
		m := model[id]
		appealed := m != nil && m.appealed
		require.Equal(rt, appealed, o.Status == types.OFFENCE_STATUS_APPEALED, "offence %d status", id)
		if o.L1ActionId == 0 {
			return false, nil
		}
		a, err := c.k.L1Actions.Get(c.Ctx, o.L1ActionId)
		if err != nil {
			return true, err
		}
		if a.Status == types.L1_ACTION_STATUS_QUEUED {
			require.False(rt, appealed, "offence %d: appealed with its slash queued", id)
			want = want.Add(o.Slashed)
			u, ok := unconfirmed[o.SequencerId]
			if !ok {
				u = math.ZeroInt()
			}
			unconfirmed[o.SequencerId] = u.Add(o.Slashed)
		} else if m != nil && m.landed && !m.appealed && !m.released {
			want = want.Add(m.took)
		}
		if appealed {
			if e, err := c.k.Escrows.Get(c.Ctx, collections.Join(o.Id, o.SequencerId)); err == nil {
				require.NotEqual(rt, types.ESCROW_STATUS_PENDING_L1, e.Status, "offence %d", id)
				require.NotEqual(rt, types.ESCROW_STATUS_HELD, e.Status, "offence %d", id)
			}
		}
		return false, nil
	}))
	held := math.ZeroInt()
	require.NoError(rt, c.k.Escrows.Walk(c.Ctx, nil, func(_ collections.Pair[uint64, uint64], e types.Escrow) (bool, error) {
		if e.Status == types.ESCROW_STATUS_PENDING_L1 || e.Status == types.ESCROW_STATUS_HELD {
			held = held.Add(e.Amount)
		}
		return false, nil
	}))
	require.True(rt, want.Equal(held), "escrows pending or held %s, slashes neither refunded nor released %s", held, want)

	settled := map[[2]uint64]uint64{}
	require.NoError(rt, c.k.L1Actions.Walk(c.Ctx, nil, func(id uint64, a types.L1Action) (bool, error) {
		require.NoError(rt, a.Validate(), "action %d", id)
		if a.Escrow != nil {
			k := [2]uint64{a.Escrow.OffenceId, a.Escrow.SequencerId}
			require.Zero(rt, settled[k], "escrow %v settled by actions %d and %d", k, settled[k], id)
			settled[k] = id
		}
		return false, nil
	}))
	for _, id := range ids {
		u, ok := unconfirmed[id]
		if !ok {
			u = math.ZeroInt()
		}
		require.True(rt, u.Equal(sequencertypes.UnconfirmedSlash(c.Seq(id))), "sequencer %d: unconfirmed %s, queued slashes %s",
			id, sequencertypes.UnconfirmedSlash(c.Seq(id)), u)
	}
	require.NoError(rt, c.k.Jails.Walk(c.Ctx, nil, func(id uint64, _ types.Jail) (bool, error) {
		require.Equal(rt, sequencertypes.SEQUENCER_STATUS_JAILED, c.Seq(id).Status, "jail record of sequencer %d", id)
		return false, nil
	}))
	gs, err := c.k.ExportGenesis(c.Ctx)
	require.NoError(rt, err)
	require.NoError(rt, gs.Validate())
}
