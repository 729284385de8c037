package abcinet_test

import (
	"bytes"
	"testing"
	"time"

	abci "github.com/cometbft/cometbft/abci/types"
	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	"github.com/stretchr/testify/require"

	epochtypes "github.com/themis-network/themis/x/epoch/types"
)

// TestHostileProposerCannotFreezeStallClock: the L2 producer stops producing, reports
// no L2 head itself and, whenever it proposes a themis block (every 4th among 4 equal
// validators), builds it on a last commit of only 3 of the 4 precommits (more than 2/3
// of power, which CometBFT accepts), leaving out an honest one. Its block then carries
// heads from only 2/4 of power: no agreement. No agreement pauses the stall clock and
// must not restart it, so the producer is still charged and replaced, late by no more
// than the blocks it paused.
func TestHostileProposerCannotFreezeStallClock(t *testing.T) {
	const blockTime = time.Second // abcinet's block interval
	const stallThreshold = 12 * time.Second
	net := newEpochNet(t, 1_000, stallThreshold) // 1,000-block epochs: no scheduled rotation gets in the way
	a := net.Validators[0].App
	state := func() (epochtypes.HeadProgress, epochtypes.Epoch) {
		c := a.NewUncachedContext(false, cmtproto.Header{})
		p, err := a.EpochKeeper.Progress.Get(c)
		require.NoError(t, err)
		e, ok, err := a.EpochKeeper.EpochAt(c, p.Height+1)
		require.NoError(t, err)
		require.True(t, ok, "no current epoch")
		return p, e
	}
	l2 := uint64(0)
	for range 3 {
		require.True(t, net.NextBlock().Accepted)
	}
	for range 10 { // the L2 grows one block a themis block, seen by every L2 node
		l2++
		for _, v := range net.Validators {
			v.L2.Set(l2)
		}
		require.True(t, net.NextBlock().Accepted)
	}
	require.True(t, net.NextBlock().Accepted) // the last head is applied a block later
	p, cur := state()
	require.Equal(t, l2, p.Height)

	// The producer stalls: its L2 node stops, it reports no head; the others see the
	// head stand still.
	hostile := int(cur.ProducerId - 1) // sequencer i+1 is Validators[i]
	victim := (hostile + 1) % len(net.Validators)
	net.Validators[hostile].L2.SetDown(true)
	dropped := 0
	net.LastCommit = func(_ int64, proposer int, ec *abci.ExtendedCommitInfo) {
		if proposer != hostile {
			return
		}
		addr := net.Validators[victim].Key.Sig.ConsAddress()
		for i := range ec.Votes {
			if bytes.Equal(ec.Votes[i].Validator.Address, addr) {
				ec.Votes[i].BlockIdFlag = cmtproto.BlockIDFlagAbsent
				ec.Votes[i].VoteExtension, ec.Votes[i].ExtensionSignature = nil, nil
				dropped++
			}
		}
	}

	// Threshold of counted time, plus one paused block for every 3 counted (the
	// hostile proposer's share), plus 3 blocks of slack for the report lag.
	counted := int(stallThreshold / blockTime)
	bound := counted + (counted+2)/3 + 3
	var re epochtypes.Epoch
	blocks := 0
	paused := 0
	for blocks = 1; blocks <= bound; blocks++ {
		before, _ := state()
		res := net.NextBlock()
		require.True(t, res.Accepted, "a last commit of 3 of 4 precommits is valid")
		after, e := state()
		if re = e; re.Id != cur.Id {
			break
		}
		// From the second block on the producer's own ballot carries no head.
		if blocks > 1 && int(res.Height)%len(net.Validators) == hostile {
			require.Equal(t, before.StalledFor, after.StalledFor, "block %d: no agreement must leave the count as it was (paused, not restarted)", res.Height)
			paused++
		} else {
			require.Equal(t, before.StalledFor+blockTime, after.StalledFor, "block %d: agreement, not counted", res.Height)
		}
	}
	require.Positive(t, dropped, "the hostile producer never proposed")
	require.NotEqual(t, cur.Id, re.Id, "producer %d never replaced in %d blocks (threshold %s): the hostile proposer froze the stall clock",
		cur.ProducerId, bound, stallThreshold)
	t.Logf("replaced after %d blocks (bound %d): %d hostile proposals, %d paused blocks", blocks, bound, dropped, paused)
	require.Positive(t, paused, "the attack never broke agreement")
	require.Equal(t, epochtypes.RotationReason_ROTATION_REASON_STALL, re.Reason)
	require.Equal(t, cur.ProducerId, re.ReplacedProducerId)
	require.NotEqual(t, cur.ProducerId, re.ProducerId)
	require.Equal(t, p.Height+1, re.StartHeight)

	c := a.NewUncachedContext(false, cmtproto.Header{})
	gs, err := a.EpochKeeper.ExportGenesis(c)
	require.NoError(t, err)
	require.Len(t, gs.Offences, 1)
	o := gs.Offences[0]
	require.Equal(t, epochtypes.OffenceKind_OFFENCE_KIND_NON_PRODUCTION, o.Kind)
	require.Equal(t, cur.ProducerId, o.SequencerId)
	require.Equal(t, cur.Id, o.EpochId)
	require.Equal(t, p.Height, o.L2Height)
}
