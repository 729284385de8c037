package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/x/epoch/types"
)

func offenceCount(t *testing.T, c *chain) int {
	t.Helper()
	n := 0
	require.NoError(t, c.k.Offences.Walk(c.ctx, nil, func(uint64, types.Offence) (bool, error) { n++; return false, nil }))
	return n
}

// Without agreement (more than 1/3 of power sees no L2 head) the chain cannot tell a
// stalled producer from blind validators: the stall clock pauses, nobody is charged.
func TestNoAgreementPausesTheStallClock(t *testing.T) {
	c := newChain(t, 10, 10, 10, 10)
	c.block(time.Second)
	c.run(3, true)
	c.node(1).hasL2, c.node(2).hasL2 = false, false // half the power is blind
	for range 12 {
		c.produce(1)
		c.block(time.Second)
	}
	require.Equal(t, 0, offenceCount(t, c))
	require.Len(t, c.epochs(), 1)
	// Sight returns, the producer really stops: charged after a full threshold.
	c.node(1).hasL2, c.node(2).hasL2 = true, true
	c.node(1).head, c.node(2).head = c.bestHead(), c.bestHead()
	c.run(4, false)
	require.Equal(t, 0, offenceCount(t, c))
	c.run(2, false)
	require.Equal(t, 1, offenceCount(t, c))
}

// The attack on the pause: a stalled producer that reports no head itself and, as
// proposer of every 4th block, leaves one honest ballot out (3 of 4 is more than 2/3
// for CometBFT) makes those blocks lack agreement. That pauses the clock for their
// intervals and no more: it is charged after the threshold (5 s) plus the one block it
// paused, not never (a restart on every pause would reset it every 4 s).
func TestHostileProposerOnlyPausesTheStallClock(t *testing.T) {
	c := newChain(t, 10, 10, 10, 10)
	c.block(time.Second)
	c.run(3, true)
	stalled := c.current()
	advanced := c.progress()
	require.Equal(t, 500*time.Millisecond, advanced.StalledFor, "the count starts half its block's interval back")
	c.node(stalled.ProducerId).hasL2 = false
	victim := c.node(stalled.ProducerId%4 + 1)
	charged := 0
	for i := 1; i <= 12 && charged == 0; i++ {
		before := c.progress().StalledFor
		victim.online = i%4 != 0 // the hostile producer proposes every 4th block
		c.block(time.Second)
		victim.online = true
		if offenceCount(t, c) > 0 {
			charged = i
			break
		}
		if i%4 == 0 {
			require.Equal(t, before, c.progress().StalledFor, "block %d: no agreement must leave the count as it was", i)
		} else {
			require.Equal(t, before+time.Second, c.progress().StalledFor, "block %d: agreement, not counted", i)
		}
	}
	require.Equal(t, 6, charged, "charged after 5 counted seconds and 1 paused block")
	o, err := c.k.Offences.Get(c.ctx, 1)
	require.NoError(t, err)
	require.Equal(t, stalled.ProducerId, o.SequencerId)
	require.Equal(t, advanced.Since, o.StalledSince, "a pause does not move where the stall began")
	re := c.current()
	require.Equal(t, stall, re.Reason)
	require.Equal(t, stalled.ProducerId, re.ReplacedProducerId)
	require.Zero(t, c.progress().StalledFor, "the new producer gets a full threshold")
	c.checkInvariants()
}

// A producer that stalls, recovers (nobody could replace it) and stalls again in the
// same epoch is charged twice.
func TestSecondStallInOneEpochIsCharged(t *testing.T) {
	c := newChain(t, 10)
	c.block(time.Second)
	c.run(2, true)
	c.run(6, false) // stall 1: nobody else to take over
	require.Equal(t, 1, offenceCount(t, c))
	c.run(3, true) // it produces again
	c.run(6, false)
	require.Equal(t, 2, offenceCount(t, c))
}

// The no-eligible flag is cleared once no decision is due any more.
func TestNoEligibleFlagClearsWhenNothingIsDue(t *testing.T) {
	c := newChain(t, 10)
	c.block(time.Second)
	c.run(2, true)
	c.run(6, false)
	flagged, err := c.k.NoEligible.Get(c.ctx)
	require.NoError(t, err)
	require.True(t, flagged)
	c.run(1, true) // the producer is back: no stall, nothing due
	flagged, err = c.k.NoEligible.Get(c.ctx)
	require.NoError(t, err)
	require.False(t, flagged)
}

// Replacing an onion that still had layers left withholds a reveal: it is recorded.
func TestPrematureRecommitCountsAsMissed(t *testing.T) {
	c := newChain(t, 10, 10, 10)
	c.block(time.Second)
	c.block(time.Second)
	before, err := c.k.Onions.Get(c.ctx, consAddrOf(1))
	require.NoError(t, err)
	payload, err := types.EncodeReport(types.Report{Commitment: &types.OnionCommitment{Index: 9, Length: 8, Layer: before.Layer}})
	require.NoError(t, err)
	set, reports := c.singleReport(1, payload)
	require.NoError(t, c.k.ApplyReports(c.ctx, c.height, set, reports))
	after, err := c.k.Onions.Get(c.ctx, consAddrOf(1))
	require.NoError(t, err)
	require.Equal(t, before.Missed+1, after.Missed)
	require.Equal(t, uint64(9), after.Index)
}

// A decision forgets the reports and onions of validators that left the active set.
func TestDecisionForgetsDepartedValidators(t *testing.T) {
	c := newChain(t, 10, 10, 10, 10)
	c.block(time.Second)
	c.run(3, true)
	cur := c.current()
	gone := uint64(1)
	if cur.ProducerId == gone {
		gone = 2
	}
	c.remove(gone)
	has, err := c.k.Reports.Has(c.ctx, consAddrOf(gone))
	require.NoError(t, err)
	require.True(t, has)
	c.run(30, true) // at least one decision
	has, err = c.k.Reports.Has(c.ctx, consAddrOf(gone))
	require.NoError(t, err)
	require.False(t, has, "report of a departed validator kept")
	has, err = c.k.Onions.Has(c.ctx, consAddrOf(gone))
	require.NoError(t, err)
	require.False(t, has, "onion of a departed validator kept")
	c.checkInvariants()
}

// An upgrade halt (or any stop of the chain itself) is not the producer's stall: the L2
// producer reads its schedule from the chain and waits for it. At a 20 s threshold the
// first block after a 10-minute halt, whose ballots agree on the unchanged head, counts
// 5 s (a quarter, l2head.MaxCounted), not the whole halt, so the producer is charged
// only if it does not resume within the rest.
func TestChainHaltIsNotChargedToTheProducer(t *testing.T) {
	for _, resumes := range []bool{true, false} {
		c := newChain(t, 10, 10, 10, 10)
		params, err := c.k.Params.Get(c.ctx)
		require.NoError(t, err)
		params.StallThreshold = 20 * time.Second
		require.NoError(t, c.k.Params.Set(c.ctx, params))
		c.block(time.Second)
		c.run(3, true)
		before := c.progress().StalledFor
		c.block(10 * time.Minute)
		require.Equal(t, before+5*time.Second, c.progress().StalledFor, "the halt counts a quarter of the threshold")
		require.Equal(t, 0, offenceCount(t, c), "charged for the chain's own halt")
		if resumes {
			c.run(20, true)
			require.Equal(t, 0, offenceCount(t, c), "a producer that resumed after the halt was charged")
			continue
		}
		c.run(14, false) // 0.5 + 5 + 14 s counted: not yet
		require.Equal(t, 0, offenceCount(t, c))
		c.run(1, false)
		require.Equal(t, 1, offenceCount(t, c), "a producer that did not resume is charged after the threshold")
	}
}
