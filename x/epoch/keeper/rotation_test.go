package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	sequencertest "github.com/themis-network/themis/testutil/sequencer"
	"github.com/themis-network/themis/x/epoch/types"
)

var (
	scheduled = types.RotationReason_ROTATION_REASON_SCHEDULED
	stall     = types.RotationReason_ROTATION_REASON_STALL
	removal   = types.RotationReason_ROTATION_REASON_REMOVAL
)

func TestFirstEpochStartsAfterTheAgreedHead(t *testing.T) {
	c := newChain(t, 10, 10, 10, 10)
	c.block(time.Second) // no extensions of height 1 carry a head yet... they do: genesis head 0
	p := c.progress()
	require.True(t, p.Known)
	require.Equal(t, uint64(0), p.Height)
	e := c.current()
	require.Equal(t, uint64(1), e.Id)
	require.Equal(t, uint64(1), e.StartHeight)
	require.Equal(t, uint64(20), e.EndHeight)
	require.Equal(t, scheduled, e.Reason)
	require.Equal(t, signerOf(e.ProducerId), e.Signer)
	require.Len(t, e.Seed, 32)
	evs := sequencertest.TypedEvents[*types.EventEpochDecided](t, c.ctx)
	require.Len(t, evs, 1)
	require.Equal(t, uint32(4), evs[0].Eligible)
}

func TestNextEpochIsDecidedLeadTimeBeforeTheEnd(t *testing.T) {
	c := newChain(t, 10, 10, 10, 10)
	c.block(time.Second)
	first := c.current()
	// Agreed head 14: 14 + lead 5 = 19 < 20, nothing decided yet.
	c.run(14, true)
	require.Equal(t, uint64(14), c.progress().Height)
	require.Len(t, c.epochs(), 1)
	c.run(1, true) // head 15: 15 + 5 >= 20
	epochs := c.epochs()
	require.Len(t, epochs, 2)
	next := epochs[1]
	require.Equal(t, first.EndHeight+1, next.StartHeight)
	require.Equal(t, scheduled, next.Reason)
	require.Equal(t, uint64(0), next.ReplacedProducerId)
	// Epochs rotate as the head passes the boundary, and the chain goes on deciding.
	c.run(60, true)
	c.checkInvariants()
	epochs = c.epochs()
	require.GreaterOrEqual(t, len(epochs), 4)
	for i := 1; i < len(epochs); i++ {
		require.Equal(t, epochs[i-1].EndHeight+1, epochs[i].StartHeight)
		require.False(t, epochs[i].Cancelled)
	}
}

func TestStalledProducerIsReplacedFromAgreedHeadPlusOne(t *testing.T) {
	c := newChain(t, 10, 10, 10, 10)
	c.block(time.Second)
	c.run(16, true) // head 15, the successor of epoch 1 is decided
	require.Len(t, c.epochs(), 2)
	stalled := c.current()
	head := c.progress().Height
	// The producer stops: the head stands. 4 s is not enough...
	c.run(4, false)
	require.Len(t, c.epochs(), 2)
	// ... the 5th second is.
	c.run(1, false)
	epochs := c.epochs()
	require.Len(t, epochs, 3)
	re := epochs[2]
	require.Equal(t, stall, re.Reason)
	require.Equal(t, head+1, re.StartHeight)
	require.Equal(t, stalled.ProducerId, re.ReplacedProducerId)
	require.NotEqual(t, stalled.ProducerId, re.ProducerId)
	// The stalled epoch is cut at the agreed head, its decided successor cancelled.
	require.Equal(t, head, epochs[0].EndHeight)
	require.Equal(t, uint64(20), epochs[0].PlannedEndHeight)
	require.True(t, epochs[1].Cancelled)
	got, ok, err := c.k.EpochAt(c.ctx, head+1)
	require.NoError(t, err)
	require.True(t, ok)
	require.Equal(t, re.Id, got.Id)
	// The offence is evidence for x/slashing, recorded once.
	o, err := c.k.Offences.Get(c.ctx, 1)
	require.NoError(t, err)
	require.Equal(t, types.OffenceKind_OFFENCE_KIND_NON_PRODUCTION, o.Kind)
	require.Equal(t, stalled.ProducerId, o.SequencerId)
	require.Equal(t, stalled.Id, o.EpochId)
	require.Equal(t, head, o.L2Height)
	require.Len(t, sequencertest.TypedEvents[*types.EventProducerStalled](t, c.ctx), 1)
	// The new producer has a full threshold from the decision: it produces, no new stall.
	c.run(30, true)
	c.checkInvariants()
	n := 0
	require.NoError(t, c.k.Offences.Walk(c.ctx, nil, func(uint64, types.Offence) (bool, error) { n++; return false, nil }))
	require.Equal(t, 1, n)
}

func TestNoEligibleProducerKeepsTheChainGoing(t *testing.T) {
	c := newChain(t, 10)
	c.block(time.Second)
	only := c.current()
	c.run(3, true)
	c.run(6, false) // stall: nobody else to take over
	require.Len(t, c.epochs(), 1)
	noneEv := sequencertest.TypedEvents[*types.EventNoEligibleProducer](t, c.ctx)
	flagged, err := c.k.NoEligible.Get(c.ctx)
	require.NoError(t, err)
	require.True(t, flagged)
	_ = noneEv
	// Retried every block, charged once.
	c.run(5, false)
	require.Len(t, c.epochs(), 1)
	var offences int
	require.NoError(t, c.k.Offences.Walk(c.ctx, nil, func(uint64, types.Offence) (bool, error) { offences++; return false, nil }))
	require.Equal(t, 1, offences)
	// A second sequencer joins and reports a fresh head: it takes over.
	n2 := c.addNode(2, 10)
	n2.head = c.node(1).head
	c.run(1, false)
	c.run(1, false)
	epochs := c.epochs()
	require.Len(t, epochs, 2)
	require.Equal(t, uint64(2), epochs[1].ProducerId)
	require.Equal(t, only.ProducerId, epochs[1].ReplacedProducerId)
	flagged, err = c.k.NoEligible.Get(c.ctx)
	require.NoError(t, err)
	require.False(t, flagged)
}

func TestRemovedProducerIsReplaced(t *testing.T) {
	c := newChain(t, 10, 10, 10, 10)
	c.block(time.Second)
	c.run(3, true)
	cur := c.current()
	c.remove(cur.ProducerId)
	c.run(1, true)
	epochs := c.epochs()
	require.Len(t, epochs, 2)
	require.Equal(t, removal, epochs[1].Reason)
	require.Equal(t, cur.ProducerId, epochs[1].ReplacedProducerId)
	require.NotEqual(t, cur.ProducerId, epochs[1].ProducerId)
	require.Equal(t, c.progress().Height+1, epochs[1].StartHeight)
	c.checkInvariants()
}

func TestOnlyReadySequencersAreDrawn(t *testing.T) {
	// Node 3's L2 node is down (it reports no head); node 5 is offline (no extension).
	// Nodes 1, 2 and 4 hold 30 of 41 power: more than 2/3, so the head is agreed.
	c := newChain(t, 10, 10, 10, 10, 1)
	c.node(3).hasL2 = false
	c.node(5).online = false
	c.block(time.Second)
	c.run(200, true)
	require.Equal(t, uint64(200), c.progress().Height)
	epochs := c.epochs()
	require.GreaterOrEqual(t, len(epochs), 10)
	for _, e := range epochs {
		require.Contains(t, []uint64{1, 2, 4}, e.ProducerId, "epoch %d drawn from an unready sequencer", e.Id)
	}
	// Node 3 comes back but is behind by more than the tolerance: still not ready.
	c.node(3).hasL2 = true
	c.node(3).head.Height = c.node(1).head.Height - 10
	q := readiness(t, c)
	require.False(t, q[3].Eligible)
	c.run(1, false)
	q = readiness(t, c)
	require.False(t, q[3].Eligible)
	require.Contains(t, q[3].Reason, "behind")
	// Once it reports a fresh head it is eligible again.
	c.node(3).head = c.node(1).head
	c.run(1, false)
	q = readiness(t, c)
	require.True(t, q[3].Eligible, q[3].Reason)
	require.False(t, q[5].Eligible)
	require.Equal(t, "no report", q[5].Reason)
}

func readiness(t *testing.T, c *chain) map[uint64]types.SequencerReadiness {
	t.Helper()
	resp, err := keeperQuery(c).Readiness(c.ctx, &types.QueryReadinessRequest{})
	require.NoError(t, err)
	out := map[uint64]types.SequencerReadiness{}
	for _, s := range resp.Sequencers {
		out[s.SequencerId] = s
	}
	return out
}
