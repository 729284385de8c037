package keeper_test

import (
	"testing"
	"time"

	"cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	sequencertest "github.com/themis-network/themis/testutil/sequencer"
	sequencertypes "github.com/themis-network/themis/x/sequencer/types"
	"github.com/themis-network/themis/x/slashing/types"
)

// A stall recorded by x/epoch is judged medium in the same block: 1/16 of the whole
// lock (odd units included), jailed for 5 days, a strike, the stake the chain sees
// lowered at once, and a typed L1 slash queued with its escrow record.
func TestStall_MediumSlashesJailsAndQueuesL1Slash(t *testing.T) {
	c := newChain(t)
	c.FreshEvents()
	c.stall(2)
	c.next()

	lock := sequencertest.Tokens(40_000).AddRaw(7)
	slashed := lock.QuoRaw(16)
	o := c.offence(1)
	require.Equal(t, types.OFFENCE_CLASS_NON_PRODUCTION, o.Class)
	require.Equal(t, types.SEVERITY_MEDIUM, o.Severity)
	require.Equal(t, "epoch-offence/1", o.EvidenceRef)
	require.Contains(t, o.Evidence, "stalled at L2 height 100")
	require.Equal(t, lock, o.StakeBefore)
	require.Equal(t, slashed, o.Slashed)
	require.Equal(t, lock, o.Slashed.Add(o.Remaining), "nothing lost to rounding")
	require.True(t, o.Jailed)
	require.Equal(t, c.Ctx.BlockTime().Add(5*24*time.Hour), o.JailedUntil)
	require.Equal(t, uint32(1), o.MediumStrikes)
	require.False(t, o.Removed)

	s := c.Seq(2)
	require.Equal(t, sequencertypes.SEQUENCER_STATUS_JAILED, s.Status)
	require.Equal(t, lock, s.Locked, "L1 has not slashed yet")
	require.Equal(t, slashed, s.UnconfirmedSlash)
	require.Equal(t, lock.Sub(slashed), sequencertypes.ChainStake(s))
	require.Zero(t, c.power(2))

	a := c.action(o.L1ActionId)
	require.Equal(t, types.L1_ACTION_KIND_SLASH, a.Kind)
	require.Equal(t, types.L1_ACTION_STATUS_QUEUED, a.Status)
	require.Equal(t, &types.SlashAction{SequencerId: 2, Amount: slashed, Severity: types.SEVERITY_MEDIUM, OffenceId: types.L1OffenceID(c.Ctx.ChainID(), 1)}, a.Slash)
	queued, err := c.query.L1Actions(c.Ctx, &types.QueryL1ActionsRequest{Status: types.L1_ACTION_STATUS_QUEUED})
	require.NoError(t, err)
	require.Equal(t, []types.L1Action{a}, queued.Actions)
	e := c.escrow(1, 2)
	require.Equal(t, types.ESCROW_STATUS_PENDING_L1, e.Status)
	require.Equal(t, slashed, e.Amount)

	strikes, err := c.query.Strikes(c.Ctx, &types.QueryStrikesRequest{Owner: sequencertest.Owner(2)})
	require.NoError(t, err)
	require.Equal(t, uint32(1), strikes.Strikes.MediumStrikes)
	require.True(t, c.epochs.handled[1], "x/epoch's record says it was judged")
	require.Len(t, sequencertest.TypedEvents[*types.EventOffenceJudged](t, c.Ctx), 1)

	// Judged once: later blocks see nothing new.
	c.next()
	c.next()
	all, err := c.query.Offences(c.Ctx, &types.QueryOffencesRequest{})
	require.NoError(t, err)
	require.Len(t, all.Offences, 1)
}

// The jailed sequencer's decision is in the same block's validator updates, so it is
// not in the recorded validator set from two blocks on.
func TestStall_JailedLeavesTheValidatorSetTwoBlocksLater(t *testing.T) {
	c := newChain(t)
	c.next()
	h := c.Ctx.BlockHeight()
	set, err := c.K.RecordedSetAt(c.Ctx, h+2)
	require.NoError(t, err)
	require.True(t, inSet(set, 2))

	c.stall(2)
	c.next()
	set, err = c.K.RecordedSetAt(c.Ctx, c.Ctx.BlockHeight()+2)
	require.NoError(t, err)
	require.False(t, inSet(set, 2), "jailed at H, out of the set CometBFT uses at H+2")
	require.True(t, inSet(set, 3))
}

// The third medium offence over the owner's lifetime removes the sequencer instead of
// jailing it: it leaves the whitelist, its jail record goes, and its owner may only
// come back through governance. Unjailing in between does not reset the count.
func TestStall_ThirdMediumRemovesTheOwner(t *testing.T) {
	c := newChain(t)
	for i := 0; i < 2; i++ {
		c.stall(2)
		c.next()
		require.Equal(t, sequencertypes.SEQUENCER_STATUS_JAILED, c.Seq(2).Status)
		c.after(5 * 24 * time.Hour)
		require.NoError(t, c.unjail(2))
		require.Equal(t, sequencertypes.SEQUENCER_STATUS_ACTIVE, c.Seq(2).Status)
	}
	c.stall(2)
	c.next()
	o := c.offence(3)
	require.Equal(t, uint32(3), o.MediumStrikes)
	require.True(t, o.Removed)
	require.False(t, o.Jailed)
	require.Equal(t, sequencertypes.SEQUENCER_STATUS_REMOVED, c.Seq(2).Status)
	wl, err := c.K.Whitelist.Has(c.Ctx, sequencertest.Owner(2))
	require.NoError(t, err)
	require.False(t, wl, "the owner leaves the whitelist")
	_, err = c.k.Jails.Get(c.Ctx, 2)
	require.Error(t, err, "no jail record of a removed sequencer")
	require.ErrorIs(t, c.unjail(2), types.ErrNotJailed)

	// Each medium took 1/16 of what the chain saw then.
	stake := sequencertest.Tokens(40_000).AddRaw(7)
	for id := uint64(1); id <= 3; id++ {
		o := c.offence(id)
		require.Equal(t, stake, o.StakeBefore, "offence %d", id)
		require.Equal(t, stake.QuoRaw(16), o.Slashed)
		stake = o.Remaining
	}

	// Governance re-admits the owner: the sequencer is ACTIVE again, and the lifetime
	// count means its next medium removes it at once.
	c.Whitelist(sequencertest.Owner(2))
	require.Equal(t, sequencertypes.SEQUENCER_STATUS_ACTIVE, c.Seq(2).Status)
	c.stall(2)
	c.next()
	require.True(t, c.offence(4).Removed)
}

// A stake so small that 1/16 of it rounds to zero jails and counts the strike but
// sends nothing to L1 (the contract refuses a zero slash).
func TestStall_ZeroAmountJailsWithoutL1Slash(t *testing.T) {
	c := newChain(t)
	// Sequencer 4 locks 15 base units; the contract's min_lock is the chain's mirror,
	// which does not gate admission.
	c.Join(4, sequencertest.Owner(4), math.NewInt(15))
	c.stall(4)
	c.next()
	o := c.offence(1)
	require.True(t, o.Slashed.IsZero())
	require.Equal(t, math.NewInt(15), o.Remaining)
	require.Zero(t, o.L1ActionId)
	require.True(t, o.Jailed)
	require.Equal(t, uint32(1), o.MediumStrikes)
	require.Equal(t, sequencertypes.SEQUENCER_STATUS_JAILED, c.Seq(4).Status)
	all, err := c.query.L1Actions(c.Ctx, &types.QueryL1ActionsRequest{})
	require.NoError(t, err)
	require.Empty(t, all.Actions)
	escrows, err := c.query.Escrows(c.Ctx, &types.QueryEscrowsRequest{})
	require.NoError(t, err)
	require.Empty(t, escrows.Escrows)
}

// Evidence that names a sequencer the chain does not know is passed over (logged), and
// does not hold back the evidence after it.
func TestStall_UnjudgeableEvidenceDoesNotWedge(t *testing.T) {
	c := newChain(t)
	c.stall(99)
	c.stall(3)
	c.next()
	_, err := c.k.Offences.Get(c.Ctx, 2)
	require.Error(t, err)
	require.Equal(t, uint64(3), c.offence(1).SequencerId)
	require.True(t, c.epochs.handled[1])
	require.True(t, c.epochs.handled[2])
}
