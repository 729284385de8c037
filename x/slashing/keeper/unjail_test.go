package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	sequencertest "github.com/themis-network/themis/testutil/sequencer"
	sequencertypes "github.com/themis-network/themis/x/sequencer/types"
	"github.com/themis-network/themis/x/slashing/types"
)

// MsgUnjail is the operator's, after the jail to the second, with at least min_lock.
func TestUnjail_OnlyTheOperatorAfterTheJail(t *testing.T) {
	c := newChain(t)
	require.ErrorIs(t, c.unjail(2), types.ErrNotJailed, "not jailed")
	c.stall(2)
	c.next()
	until := c.offence(1).JailedUntil

	err := c.unjail(2)
	require.ErrorIs(t, err, types.ErrStillJailed)
	require.Contains(t, err.Error(), "120h0m0s left")
	require.Contains(t, err.Error(), until.UTC().Format(time.RFC3339))

	_, err = c.msg.Unjail(c.Ctx, &types.MsgUnjail{Operator: sequencertest.Bech32(t, []byte("someone-else-entirely"))})
	require.ErrorIs(t, err, types.ErrNotSequencer)
	_, err = c.msg.Unjail(c.Ctx, &types.MsgUnjail{Operator: "not-an-address"})
	require.ErrorIs(t, err, types.ErrInvalidAddress)

	// One second before the end: refused; at the end: accepted.
	c.Ctx = c.Ctx.WithBlockTime(until.Add(-time.Second))
	err = c.unjail(2)
	require.ErrorIs(t, err, types.ErrStillJailed)
	require.Contains(t, err.Error(), "1s left")
	c.Ctx = c.Ctx.WithBlockTime(until)
	c.FreshEvents()
	require.NoError(t, c.unjail(2))
	s := c.Seq(2)
	require.Equal(t, sequencertypes.SEQUENCER_STATUS_ACTIVE, s.Status)
	require.Equal(t, sequencertypes.VotingPower(sequencertypes.ChainStake(s), sequencertest.Tokens(100_000)), c.power(2),
		"power is the stake after the slash")
	require.Equal(t, []*types.EventUnjailed{{SequencerId: 2, OffenceId: 1}}, sequencertest.TypedEvents[*types.EventUnjailed](t, c.Ctx))
	jails, err := c.query.Jails(c.Ctx, &types.QueryJailsRequest{})
	require.NoError(t, err)
	require.Empty(t, jails.Jails)
}

// A slash may leave less than min_lock: no unjail until the owner relocks on L1.
func TestUnjail_RefusedBelowMinLockUntilRelock(t *testing.T) {
	c := newChain(t)
	// min_lock 29,000: sequencer 3 (30,000) falls below it with its 1/16 slash.
	c.Apply(c.LockLimitsMsg(29_000, 100_000))
	c.stall(3)
	c.next()
	c.after(5 * 24 * time.Hour)
	err := c.unjail(3)
	require.ErrorIs(t, err, types.ErrBelowMinLock)
	require.Contains(t, err.Error(), "relock on L1 first")
	require.Equal(t, sequencertypes.SEQUENCER_STATUS_JAILED, c.Seq(3).Status)

	s := c.Seq(3)
	c.Apply(c.RelockMsg(3, s.L1Nonce+1, sequencertest.Tokens(2_000), s.Locked.Add(sequencertest.Tokens(2_000))))
	require.Equal(t, sequencertypes.SEQUENCER_STATUS_JAILED, c.Seq(3).Status, "a relock does not end a jail")
	require.NoError(t, c.unjail(3))
	require.Equal(t, sequencertypes.SEQUENCER_STATUS_ACTIVE, c.Seq(3).Status)
}

// Unjailing runs the admission rules again: an owner governance removed from the
// whitelist during the jail comes out NOT_ADMITTED.
func TestUnjail_AdmissionDecides(t *testing.T) {
	c := newChain(t)
	c.stall(2)
	c.next()
	_, err := c.Msg.UpdateWhitelist(c.Ctx, &sequencertypes.MsgUpdateWhitelist{Authority: c.Authority, Remove: []string{sequencertest.Owner(2)}})
	require.NoError(t, err)
	require.Equal(t, sequencertypes.SEQUENCER_STATUS_JAILED, c.Seq(2).Status, "a whitelist change leaves the jail alone")
	c.after(5 * 24 * time.Hour)
	require.NoError(t, c.unjail(2))
	require.Equal(t, sequencertypes.SEQUENCER_STATUS_NOT_ADMITTED, c.Seq(2).Status)
	require.Zero(t, c.power(2))
}

// A second offence while jailed never shortens the jail.
func TestJail_SecondOffenceNeverShortens(t *testing.T) {
	c := newChain(t)
	require.NoError(t, c.k.Params.Set(c.Ctx, func() types.Params {
		p := types.DefaultParams()
		p.MediumStrikesToRemove = 5
		return p
	}()))
	c.stall(2)
	c.next()
	first := c.offence(1).JailedUntil
	require.NoError(t, c.k.Params.Set(c.Ctx, func() types.Params {
		p := types.DefaultParams()
		p.MediumStrikesToRemove, p.JailDuration = 5, time.Hour
		return p
	}()))
	c.stall(2)
	c.next()
	require.Equal(t, first, c.offence(2).JailedUntil)
	j, err := c.k.Jails.Get(c.Ctx, 2)
	require.NoError(t, err)
	require.Equal(t, first, j.Until)
}
