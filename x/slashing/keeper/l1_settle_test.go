package keeper_test

import (
	"testing"

	"cosmossdk.io/collections"

	"github.com/stretchr/testify/require"

	sequencertest "github.com/themis-network/themis/testutil/sequencer"
	sequencertypes "github.com/themis-network/themis/x/sequencer/types"
	"github.com/themis-network/themis/x/slashing/types"
)

// L1's Slashed event for the queued slash confirms it: the action is CONFIRMED, the
// escrow HELD with the contract's escrow id and release time, and the unconfirmed
// amount moves into L1's lock, so the chain's view of the stake does not move twice.
func TestL1Slash_ConfirmsActionAndHoldsEscrow(t *testing.T) {
	c := newChain(t)
	c.stall(2)
	c.next()
	o := c.offence(1)
	viewBefore := sequencertypes.ChainStake(c.Seq(2))

	c.FreshEvents()
	c.confirm(1, o.Slashed, 77)
	a := c.action(o.L1ActionId)
	require.Equal(t, types.L1_ACTION_STATUS_CONFIRMED, a.Status)
	require.Equal(t, c.Ctx.BlockHeight(), a.SettledHeight)
	e := c.escrow(1, 2)
	require.Equal(t, types.ESCROW_STATUS_HELD, e.Status)
	require.Equal(t, uint64(77), e.EscrowId)
	require.Equal(t, o.Slashed, e.Amount)
	require.Equal(t, c.Ctx.BlockTime().Add(types.DefaultEscrowPeriod), e.ReleasableAt)
	s := c.Seq(2)
	require.True(t, s.UnconfirmedSlash.IsZero())
	require.Equal(t, o.Remaining, s.Locked)
	require.Equal(t, viewBefore, sequencertypes.ChainStake(s))
	queued, err := c.query.L1Actions(c.Ctx, &types.QueryL1ActionsRequest{Status: types.L1_ACTION_STATUS_QUEUED})
	require.NoError(t, err)
	require.Empty(t, queued.Actions)
	require.Len(t, sequencertest.TypedEvents[*types.EventEscrowHeld](t, c.Ctx), 1)
}

// L1 is authoritative: a slash that took another amount is applied as L1 says, and the
// chain's action is settled MISMATCH with a note (an alarm, never a wedge).
func TestL1Slash_MismatchIsAnAlarmNotAWedge(t *testing.T) {
	c := newChain(t)
	c.stall(2)
	c.next()
	o := c.offence(1)
	took := o.Slashed.QuoRaw(2)
	c.confirm(1, took, 5)
	a := c.action(o.L1ActionId)
	require.Equal(t, types.L1_ACTION_STATUS_MISMATCH, a.Status)
	require.Contains(t, a.Note, "L1 took "+took.String())
	e := c.escrow(1, 2)
	require.Equal(t, took, e.Amount, "the escrow holds what L1 took")
	s := c.Seq(2)
	require.True(t, s.UnconfirmedSlash.IsZero(), "the chain's request is settled either way")
	require.Equal(t, sequencertest.Tokens(40_000).AddRaw(7).Sub(took), s.Locked)
}

// A Slashed event the chain never asked for (another key, a replay of a settled one)
// is applied as L1 says and raises EventSlashUnmatched; the pending slash stays.
func TestL1Slash_UnmatchedRaisesAlarm(t *testing.T) {
	c := newChain(t)
	c.stall(2)
	c.next()
	o := c.offence(1)
	c.FreshEvents()
	s := c.Seq(2)
	m := sequencertest.Slashed(c.Relayer, c.Ref(), 2, s.L1Nonce+1, 9, sequencertest.OffenceID(123456), sequencertest.Tokens(1), s.Locked.Sub(sequencertest.Tokens(1)))
	c.Apply(m)
	require.Len(t, sequencertest.TypedEvents[*types.EventSlashUnmatched](t, c.Ctx), 1)
	require.Equal(t, types.L1_ACTION_STATUS_QUEUED, c.action(o.L1ActionId).Status)
	require.Equal(t, o.Slashed, c.Seq(2).UnconfirmedSlash)
	require.Equal(t, s.L1Nonce+1, c.Seq(2).L1Nonce, "the event was applied")

	// Another sequencer's event naming this offence does not settle it either.
	s3 := c.Seq(3)
	c.Apply(sequencertest.Slashed(c.Relayer, c.Ref(), 3, s3.L1Nonce+1, 10, types.L1OffenceID(c.Ctx.ChainID(), 1), o.Slashed, s3.Locked.Sub(o.Slashed)))
	require.Equal(t, types.L1_ACTION_STATUS_QUEUED, c.action(o.L1ActionId).Status)

	// The right one settles it, once; a second copy is unmatched.
	c.confirm(1, o.Slashed, 11)
	require.Equal(t, types.L1_ACTION_STATUS_CONFIRMED, c.action(o.L1ActionId).Status)
	c.FreshEvents()
	c.confirm(1, o.Slashed, 12)
	require.Len(t, sequencertest.TypedEvents[*types.EventSlashUnmatched](t, c.Ctx), 1)
	require.Equal(t, uint64(11), c.escrow(1, 2).EscrowId)
}

// A slash that took nothing (the lock was already empty on L1) settles the action and
// holds no escrow.
func TestL1Slash_ZeroTakenHoldsNoEscrow(t *testing.T) {
	c := newChain(t)
	c.stall(2)
	c.next()
	o := c.offence(1)
	c.confirm(1, o.Slashed.MulRaw(0), 0)
	require.Equal(t, types.L1_ACTION_STATUS_MISMATCH, c.action(o.L1ActionId).Status)
	_, err := c.k.Escrows.Get(c.Ctx, collections.Join(uint64(1), uint64(2)))
	require.Error(t, err)
}
