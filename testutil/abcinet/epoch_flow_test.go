package abcinet_test

import (
	"testing"
	"time"

	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	"github.com/stretchr/testify/require"

	epochtypes "github.com/themis-network/themis/x/epoch/types"
	sequencertypes "github.com/themis-network/themis/x/sequencer/types"
	slashingtypes "github.com/themis-network/themis/x/slashing/types"
)

// TestEpochRotationThroughVoteExtensions runs x/epoch through the real ABCI++ path on
// 4 in-process apps: each validator's L2 head rides in its signed vote extension,
// ProcessProposal and PreBlock check and apply them, and every app computes the same
// schedule (NextBlock fails on any app-hash divergence). A validator whose L2 node is
// down is not drawn, and a stalled producer is replaced from the agreed head + 1 and
// jailed by x/slashing.
func TestEpochRotationThroughVoteExtensions(t *testing.T) {
	net := newEpochNet(t, 10, 5*time.Second)
	a := net.Validators[0].App
	ctx := func() (epochtypes.Epoch, epochtypes.HeadProgress, bool) {
		c := a.NewUncachedContext(false, cmtproto.Header{})
		p, err := a.EpochKeeper.Progress.Get(c)
		if err != nil {
			return epochtypes.Epoch{}, p, false
		}
		e, ok, err := a.EpochKeeper.EpochAt(c, p.Height+1)
		require.NoError(t, err)
		return e, p, ok
	}
	l2 := uint64(0)
	produce := func() { // the L2 grows one block, seen by every L2 node that is up
		l2++
		for _, v := range net.Validators {
			v.L2.Set(l2)
		}
	}
	for range 3 {
		require.True(t, net.NextBlock().Accepted)
	}
	first, _, ok := ctx()
	require.True(t, ok, "no first epoch after 3 blocks")
	require.Equal(t, uint64(1), first.StartHeight)

	// Rotation over 40 L2 blocks, one per chain block.
	for range 40 {
		produce()
		require.True(t, net.NextBlock().Accepted)
	}
	c := a.NewUncachedContext(false, cmtproto.Header{})
	gs, err := a.EpochKeeper.ExportGenesis(c)
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(gs.Epochs), 4)
	for _, e := range gs.Epochs {
		require.Equal(t, epochtypes.RotationReason_ROTATION_REASON_SCHEDULED, e.Reason)
	}
	// Every validator revealed: the onions advanced on chain.
	for _, o := range gs.Onions {
		require.Greater(t, o.Revealed, uint64(30))
	}

	// Validator 4's L2 node goes down: it is never drawn while down.
	net.Validators[3].L2.SetDown(true)
	for range 60 {
		l2++
		for _, v := range net.Validators[:3] {
			v.L2.Set(l2)
		}
		require.True(t, net.NextBlock().Accepted)
	}
	c = a.NewUncachedContext(false, cmtproto.Header{})
	gs2, err := a.EpochKeeper.ExportGenesis(c)
	require.NoError(t, err)
	require.Greater(t, len(gs2.Epochs), len(gs.Epochs)+3)
	for _, e := range gs2.Epochs[len(gs.Epochs)+2:] {
		require.NotEqual(t, uint64(4), e.ProducerId, "epoch %d drawn from a validator whose L2 node is down", e.Id)
	}
	net.Validators[3].L2.SetDown(false)
	produce()
	require.True(t, net.NextBlock().Accepted)

	// Stall, last: it jails the producer, and the 3 validators left with one L2 node
	// down could not agree on a head. The L2 stops growing; after 5 s of block time
	// (1 s blocks) the chain re-elects. (Heads reported at H are applied at H+1: one
	// block for the last one.)
	require.True(t, net.NextBlock().Accepted)
	cur, p, _ := ctx()
	for range 6 {
		require.True(t, net.NextBlock().Accepted)
	}
	re, _, ok := ctx()
	require.True(t, ok)
	require.Equal(t, epochtypes.RotationReason_ROTATION_REASON_STALL, re.Reason, "no re-election")
	require.Equal(t, p.Height+1, re.StartHeight)
	require.NotEqual(t, cur.ProducerId, re.ProducerId)

	// x/slashing judged the stall medium in the same block: the producer is jailed.
	c = a.NewUncachedContext(false, cmtproto.Header{})
	s, err := a.SequencerKeeper.GetSequencer(c, cur.ProducerId)
	require.NoError(t, err)
	require.Equal(t, sequencertypes.SEQUENCER_STATUS_JAILED, s.Status)
	offence, err := a.SlashingKeeper.Offences.Get(c, 1)
	require.NoError(t, err)
	require.Equal(t, cur.ProducerId, offence.SequencerId)
	require.Equal(t, slashingtypes.SEVERITY_MEDIUM, offence.Severity)
	require.Equal(t, s.Locked.QuoRaw(16), offence.Slashed)
}
