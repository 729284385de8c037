//go:build e2e

package e2e

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/networks/l2sim"
)

// l2TestnetArgs make rotation and stalls fast enough for CI: 10-block epochs at 1 s
// L2 blocks, a 5 s stall threshold.
var l2TestnetArgs = []string{"--epoch-length", "10", "--epoch-lead-time", "3", "--stall-threshold", "5s",
	"--readiness-window", "5s", "--head-tolerance", "3"}

// TestLocalnetL2Rotation runs 4 sequencers with their L2 simulators and shows: epochs
// rotate across producers and every L2 block is by the scheduled producer; the current
// producer's L2 node stalls -> the chain re-elects from agreed head + 1, another
// producer's blocks continue there, history says "stall" and an offence is recorded;
// one of 4 L2 nodes (up to 1/3) down -> rotation continues among the rest; a node that
// comes back is eligible again only after it reports a fresh head; every node agrees
// on the schedule.
func TestLocalnetL2Rotation(t *testing.T) {
	ln := StartLocalnet(t, Options{Validators: 4, VotingPeriod: 20 * time.Second, PortOffset: 10, L2: true, TestnetArgs: l2TestnetArgs})
	n0 := ln.Nodes[0]

	// 1. Rotation: at least 3 epochs produced, each block by its scheduled producer.
	// Early epochs may draw among few ready sequencers (L2 nodes start one by one), so
	// the same producer can win several in a row by chance: look further, up to 60
	// blocks, until a second producer shows.
	ln.WaitFor("L2 height 32 on every node", 3*time.Minute, func() bool { return minL2Head(ln) >= 32 })
	producers := map[uint64]bool{}
	upTo := uint64(30)
	for h := uint64(1); h <= upTo; h++ {
		if h == upTo && len(producers) < 2 && upTo < 60 {
			upTo += 10
			ln.WaitFor(fmt.Sprintf("L2 height %d on every node", upTo+2), time.Minute, func() bool { return minL2Head(ln) >= upTo+2 })
		}
		e, err := ProducerAt(n0, h)
		require.NoError(t, err, "L2 height %d", h)
		producers[e.ProducerID] = true
		var hash string
		for _, n := range ln.Nodes {
			b, ok := L2BlockAt(n, h)
			require.True(t, ok, "node%d has no L2 block %d", n.Index, h)
			require.Equal(t, strings.ToLower(e.Signer), b.Miner, "L2 block %d is not by its scheduled producer", h)
			if hash == "" {
				hash = b.Hash
			}
			require.Equal(t, hash, b.Hash, "node%d disagrees on L2 block %d", n.Index, h)
		}
	}
	t.Logf("producers of L2 blocks 1..%d: %v", upTo, producers)
	require.GreaterOrEqual(t, len(producers), 2, "epochs did not rotate across producers")

	// 2. Stall: the current producer's L2 node stops producing. Stall it early in its
	// epoch: one stalled at the epoch's last block would just hand over to the next
	// producer, and there would be nothing to re-elect.
	var cur Epoch
	var head uint64
	ln.WaitFor("a producer with at least 4 blocks of its epoch left", 60*time.Second, func() bool {
		var err error
		cur, head, err = CurrentEpoch(n0)
		return err == nil && cur.EndHeight >= head+4
	})
	stalled := ln.NodeOfSequencer(cur.ProducerID)
	require.NoError(t, L2Fault(stalled, l2sim.ModeStall))
	var re Epoch
	ln.WaitFor("a stall re-election", 60*time.Second, func() bool {
		epochs, err := Epochs(n0)
		if err != nil {
			return false
		}
		for _, e := range epochs {
			if e.Reason == "ROTATION_REASON_STALL" && e.ReplacedProducerID == cur.ProducerID && e.StartHeight > head {
				re = e
				return true
			}
		}
		return false
	})
	t.Logf("producer %d stalled; epoch %d by %d from L2 height %d", cur.ProducerID, re.ID, re.ProducerID, re.StartHeight)
	require.NotEqual(t, cur.ProducerID, re.ProducerID)
	ln.WaitFor("the new producer's first L2 block", 30*time.Second, func() bool {
		b, ok := L2BlockAt(n0, re.StartHeight)
		return ok && b.Miner == strings.ToLower(re.Signer)
	})
	prev, ok := L2BlockAt(n0, re.StartHeight-1)
	require.True(t, ok, "the block before the re-election start")
	require.NotEqual(t, strings.ToLower(re.Signer), prev.Miner, "re-election must start right after the agreed head")
	offences, err := Offences(n0)
	require.NoError(t, err)
	require.NotEmpty(t, offences)
	last := offences[len(offences)-1]
	require.Equal(t, cur.ProducerID, last.SequencerID)
	require.Equal(t, "OFFENCE_KIND_NON_PRODUCTION", last.Kind)
	require.NoError(t, L2Fault(stalled, l2sim.ModeNone))

	// 3. One of four L2 nodes (up to 1/3) down: rotation continues among the rest.
	down := ln.Nodes[(stalled.Index+1)%4]
	downID := uint64(down.Index + 1)
	ln.KillL2(down)
	ln.WaitFor("the dead L2 node to be not eligible", 30*time.Second, func() bool {
		r, err := ReadinessOf(n0)
		return err == nil && !r[downID].Eligible
	})
	startEpochs, err := Epochs(n0)
	require.NoError(t, err)
	_, headAtKill, err := CurrentEpoch(n0)
	require.NoError(t, err)
	ln.WaitFor("L2 progress with a node down", 2*time.Minute, func() bool {
		_, h, err := CurrentEpoch(n0)
		return err == nil && h >= headAtKill+25
	})
	epochs, err := Epochs(n0)
	require.NoError(t, err)
	for _, e := range epochs[len(startEpochs):] {
		require.NotEqual(t, downID, e.ProducerID, "epoch %d drawn from the sequencer whose L2 node is down", e.ID)
	}
	require.Greater(t, len(epochs), len(startEpochs), "no new epoch while a node was down")

	// 4. The node comes back: eligible again only once it reports a fresh head.
	r, err := ReadinessOf(n0)
	require.NoError(t, err)
	require.False(t, r[downID].Eligible)
	t.Logf("while down: %q", r[downID].Reason)
	ln.StartL2(down)
	ln.WaitFor("the returning node to be eligible", 60*time.Second, func() bool {
		r, err := ReadinessOf(n0)
		return err == nil && r[downID].Eligible
	})
	h, ok := L2Head(down)
	_, agreed, _ := CurrentEpoch(n0)
	require.True(t, ok)
	require.GreaterOrEqual(t, h+3, agreed, "eligible before its L2 head caught up")

	// 5. Every node agrees on the schedule.
	ln.WaitHeight(ln.Nodes[0].Height()+1, 30*time.Second)
	ref, err := Epochs(n0)
	require.NoError(t, err)
	for _, n := range ln.Nodes[1:] {
		got, err := Epochs(n)
		require.NoError(t, err)
		m := min(len(ref), len(got))
		require.Equal(t, ref[:m], got[:m], "node%d disagrees on the schedule", n.Index)
	}
}

// minL2Head is the lowest L2 head among the running L2 simulators.
func minL2Head(ln *Localnet) uint64 {
	var lowest uint64
	first := true
	for _, n := range ln.Nodes {
		h, ok := L2Head(n)
		if !ok {
			return 0
		}
		if first || h < lowest {
			lowest, first = h, false
		}
	}
	return lowest
}
