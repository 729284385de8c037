package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	sequencertest "github.com/themis-network/themis/testutil/sequencer"
	"github.com/themis-network/themis/x/sequencer/types"
)

// The claim time is the event's unlockable_at (the contract set it from the exit delay
// it had then), whatever the mirrored exit delay says now and whenever the vote applies it.
func TestUnlock_ClaimTimeIsTheEventsUnlockableAtNotExitDelay(t *testing.T) {
	e := sqPool(t)
	const sevenDays = 7 * 24 * 3600
	e.Apply(e.ConfigMsg(&types.MsgConfigChanged{Change: &types.MsgConfigChanged_ExitDelay{ExitDelay: &types.ExitDelayChange{ExitDelaySeconds: sevenDays}}}))
	config, err := e.K.L1Config.Get(e.Ctx)
	require.NoError(t, err)
	require.Equal(t, uint64(sevenDays), config.ExitDelaySeconds)

	l1Time := time.Date(2026, 4, 2, 3, 4, 5, 0, time.UTC) // the contract: its block time + its exit delay
	unlock := e.UnlockInitMsg(sqSeq1, 2)
	unlock.UnlockableAt = uint64(l1Time.Unix())
	e.MustRelay(unlock)
	e.AtHeight(40) // the vote lands later; the claim time does not move with it
	e.ApproveAll()

	s := e.Seq(sqSeq1)
	require.Equal(t, types.SEQUENCER_STATUS_UNLOCKING, s.Status)
	require.Equal(t, l1Time, s.UnlockClaimableAt)
	require.Equal(t, time.UTC, s.UnlockClaimableAt.Location())
	require.NotEqual(t, e.Ctx.BlockTime().Add(sevenDays*time.Second), s.UnlockClaimableAt)

	// It survives a genesis round trip unchanged (the record stores the exact second).
	gs, err := e.K.ExportGenesis(e.Ctx)
	require.NoError(t, err)
	e2 := sequencertest.NewEnvWithGenesis(t, gs)
	require.Equal(t, l1Time, e2.Seq(sqSeq1).UnlockClaimableAt)
}

// An unlock time in the past (a late relay, or a contract with no delay) is applied as given.
func TestUnlock_PastUnlockableAtIsAppliedAsGiven(t *testing.T) {
	e := sqPool(t)
	unlock := e.UnlockInitMsg(sqSeq1, 2)
	unlock.UnlockableAt = uint64(sequencertest.StartTime.Add(-time.Hour).Unix())
	e.Apply(unlock)
	require.Equal(t, sequencertest.StartTime.Add(-time.Hour), e.Seq(sqSeq1).UnlockClaimableAt)
}

// Without an unlock time the relay is refused before anything is queued.
func TestUnlock_RelayWithoutUnlockableAtIsRefused(t *testing.T) {
	sqRunRelayRejections(t, []sqRelayCase{
		{"unlockable_at 0", func(_ *testing.T, e *sequencertest.Env) types.L1EventMsg {
			m := e.UnlockInitMsg(sqSeq1, 2)
			m.UnlockableAt = 0
			return m
		}, types.ErrInvalidUnlockTime},
		{"unlockable_at after year 9999", func(_ *testing.T, e *sequencertest.Env) types.L1EventMsg {
			m := e.UnlockInitMsg(sqSeq1, 2)
			m.UnlockableAt = types.MaxUnlockableAt + 1
			return m
		}, types.ErrInvalidUnlockTime},
	})
}
