//go:build e2e

package e2e

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/networks/l2sim"
)

// l2TestnetArgs make rotation and stalls fast enough for CI: 10-block epochs at 1 s
// L2 blocks, a 5 s stall threshold.
var l2TestnetArgs = []string{"--epoch-length", "10", "--epoch-lead-time", "3", "--stall-threshold", "5s",
	"--readiness-window", "5s", "--head-tolerance", "3", "--jail-duration", l2JailDuration.String()}

// l2JailDuration is the localnet's shortened jail of a medium offence (5 days on mainnet).
const l2JailDuration = 30 * time.Second

// TestLocalnetL2Rotation runs 4 sequencers with their L2 simulators and shows: epochs
// rotate across producers and every L2 block is by the scheduled producer; one of 4 L2
// nodes (up to 1/3) down -> rotation continues among the rest; a node that comes back is
// eligible again only after it reports a fresh head; the current producer's L2 node
// stalls -> the chain re-elects from agreed head + 1, another producer's blocks continue
// there, history says "stall" and an offence is recorded, which x/slashing judges medium
// in the same block: the producer is jailed, out of the candidates at once and out of
// CometBFT's set two blocks later, and `themisd tx slashing unjail` is refused before the
// (shortened) jail ends and accepted after; a producer whose L2 node commits wrong state
// roots is judged critical through the vote extensions alone (no stall charged); every
// node agrees on the schedule.
//
// The stall comes last: with the producer jailed, 3 validators hold all the power, and
// one more L2 node down would leave no 2/3 to agree on the L2 head.
func TestLocalnetL2Rotation(t *testing.T) {
	ln := StartLocalnet(t, Options{Validators: 4, VotingPeriod: 20 * time.Second, PortOffset: 10, L2: true, Joiners: 1,
		TestnetArgs: append([]string{"--snapshot-interval", strconv.Itoa(l2SnapshotInterval)}, l2TestnetArgs...)})
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

	// 2. One of four L2 nodes (up to 1/3) down: rotation continues among the rest.
	// Nobody stalled so far: every sequencer is active.
	judged, err := SlashingOffences(n0)
	require.NoError(t, err)
	require.Empty(t, judged, "an offence before any fault: %+v", judged)
	// The node is not the current or the decided next producer: that one's L2 going
	// down would be a stall, which jails it. The chain may still draw it before it is
	// seen as not ready; then it is jailed for the stall and unjailed in step 3.
	down := ln.NodeOfSequencer(idleSequencer(t, n0))
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

	// 3. The node comes back: eligible again only once it reports a fresh head.
	r, err := ReadinessOf(n0)
	require.NoError(t, err)
	require.False(t, r[downID].Eligible)
	t.Logf("while down: %q", r[downID].Reason)
	ln.StartL2(down)
	if status, err := SequencerStatus(n0, downID); err == nil && status == "SEQUENCER_STATUS_JAILED" {
		off := ln.JudgedStall(downID, 0)
		t.Logf("sequencer %d was drawn before it was seen down: offence %d, jailed until %s", downID, off.ID, off.JailedUntil)
		ln.UnjailAfterJail(down, downID, off.JailedUntil)
	}
	ln.WaitFor("the returning node to be eligible", 60*time.Second, func() bool {
		r, err := ReadinessOf(n0)
		return err == nil && r[downID].Eligible
	})
	h, ok := L2Head(down)
	_, agreed, _ := CurrentEpoch(n0)
	require.True(t, ok)
	require.GreaterOrEqual(t, h+3, agreed, "eligible before its L2 head caught up")

	// The pool dashboard in a real browser: every sequencer, the scheduled producer, no
	// error in the page (and screenshots of its views, when asked for).
	dash := OpenDashboard(t, n0)
	defer dash.Close()
	dashboardShowsThePool(t, ln, dash, 4)

	// 4. Stall: the current producer's L2 node stops producing. Stall it early in its
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
	judged, err = SlashingOffences(n0)
	require.NoError(t, err)
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
	requireStallJailed(t, ln, stalled, cur.ProducerID, lastOffenceID(judged))
	dashboardShowsTheReElection(t, dash, re)
	dash.Screenshot("overview", "overview")
	dash.Screenshot("sequencers", "sequencers")
	dash.Screenshot("rotation", "rotation")
	dash.Screenshot("accountability", "accountability")

	// 5. A wrong execution result: the current producer's L2 node commits wrong state
	// roots. The other L2 nodes refuse its blocks and serve them as refused
	// (themis_rejectedBlocks); each validator reports one in its vote extension, and
	// with more than 2/3 of power reporting, the chain judges it critical with no
	// transaction from anyone, and charges no stall for the blocks it did not get.
	requireWrongResultCritical(t, ln)

	// 6. Every node agrees on the schedule.
	ln.WaitHeight(ln.Nodes[0].Height()+1, 30*time.Second)
	ref, err := Epochs(n0)
	require.NoError(t, err)
	for _, n := range ln.Nodes[1:] {
		got, err := Epochs(n)
		require.NoError(t, err)
		m := min(len(ref), len(got))
		require.Equal(t, ref[:m], got[:m], "node%d disagrees on the schedule", n.Index)
	}

	// 7. A new full node joins by state sync from the validators' snapshots.
	joinByStateSync(t, ln, ln.Joiners[0], l2SnapshotInterval)
}

// l2SnapshotInterval: this localnet's state-sync snapshots, often enough that two
// exist by the time the rotation cases are done.
const l2SnapshotInterval = 50

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

// requireStallJailed checks x/slashing's judgement of the stall of producer id (its node
// stalled): medium, jailed in the block that judged it, absent from CometBFT's validator
// set from two blocks after that block, and unjailed by its operator only after the jail.
func requireStallJailed(t *testing.T, ln *Localnet, stalled *Node, id, after uint64) {
	n0 := ln.Nodes[0]
	off := ln.JudgedStall(id, after)
	t.Logf("offence %d: %s %s of sequencer %d at height %d, slashed %s, jailed until %s (%s)",
		off.ID, off.Class, off.Severity, id, off.Height, off.Slashed, off.JailedUntil, off.EvidenceRef)
	require.Equal(t, "SEVERITY_MEDIUM", off.Severity)
	require.True(t, off.Jailed)
	require.NotZero(t, off.L1ActionID, "the 1/16 slash is queued for the pool")
	status, err := SequencerStatus(n0, id)
	require.NoError(t, err)
	require.Equal(t, "SEQUENCER_STATUS_JAILED", status)
	r, err := ReadinessOf(n0)
	require.NoError(t, err)
	require.False(t, r[id].Eligible, "a jailed sequencer is no candidate")

	addr := stalled.ConsAddress()
	ln.WaitHeight(off.Height+2, 30*time.Second)
	set, err := CometValidatorsAt(n0, off.Height+1)
	require.NoError(t, err)
	require.True(t, set[addr], "still a validator at H+1 (CometBFT's delay)")
	set, err = CometValidatorsAt(n0, off.Height+2)
	require.NoError(t, err)
	require.False(t, set[addr], "out of CometBFT's set at H+2")
	require.Len(t, set, 3)

	out, err := ln.TryRun(UnjailCommand(stalled)...)
	require.Error(t, err, "unjail during the jail must be refused: %s", out)
	require.Contains(t, out, "jailed until")
	t.Logf("unjail refused during the jail: %s", lastLine(out))

	ln.UnjailAfterJail(stalled, id, off.JailedUntil)
	ln.WaitFor("back in CometBFT's set", 30*time.Second, func() bool {
		set, err := CometValidatorsAt(n0, n0.Height())
		return err == nil && set[addr]
	})
}

// lastLine is the last non-empty line of a command's output.
func lastLine(out string) string {
	lines := strings.Split(strings.TrimSpace(out), "\n")
	return lines[len(lines)-1]
}

// idleSequencer is a sequencer that is neither the current producer nor the producer of
// an epoch decided after it.
func idleSequencer(t *testing.T, n *Node) uint64 {
	cur, head, err := CurrentEpoch(n)
	require.NoError(t, err)
	epochs, err := Epochs(n)
	require.NoError(t, err)
	busy := map[uint64]bool{cur.ProducerID: true}
	for _, e := range epochs {
		if e.StartHeight > head {
			busy[e.ProducerID] = true
		}
	}
	for id := uint64(1); id <= 4; id++ {
		if !busy[id] {
			return id
		}
	}
	t.Fatalf("every sequencer is scheduled: %v", busy)
	return 0
}

// lastOffenceID is the highest id among judged offences (0: none).
func lastOffenceID(offences []SlashOffence) uint64 {
	var last uint64
	for _, o := range offences {
		last = max(last, o.ID)
	}
	return last
}

// requireWrongResultCritical switches the current producer's L2 simulator to
// wrong_result and waits for x/slashing's critical WRONG_STATE_ROOT judgement.
func requireWrongResultCritical(t *testing.T, ln *Localnet) {
	n0 := ln.Nodes[0]
	var cur Epoch
	var head uint64
	ln.WaitFor("a producer with at least 4 blocks of its epoch left", time.Minute, func() bool {
		var err error
		cur, head, err = CurrentEpoch(n0)
		return err == nil && cur.EndHeight >= head+4
	})
	before, err := SlashingOffences(n0)
	require.NoError(t, err)
	after := lastOffenceID(before)
	cheat := ln.NodeOfSequencer(cur.ProducerID)
	require.NoError(t, L2Fault(cheat, l2sim.ModeWrongResult))
	off := ln.waitOffenceAfter(cur.ProducerID, "OFFENCE_CLASS_WRONG_STATE_ROOT", after, 90*time.Second)
	require.NoError(t, L2Fault(cheat, l2sim.ModeNone))
	t.Logf("5. sequencer %d's wrong state root (L2 height %d on): offence %d %s, slashed %s: %s",
		cur.ProducerID, head+1, off.ID, off.Severity, off.Slashed, off.Evidence)
	require.Equal(t, "SEVERITY_CRITICAL", off.Severity)
	require.True(t, off.Banned)
	status, err := SequencerStatus(n0, cur.ProducerID)
	require.NoError(t, err)
	require.Equal(t, "SEQUENCER_STATUS_BANNED", status)
	ln.WaitFor("a re-election after the ban", time.Minute, func() bool {
		e, _, err := CurrentEpoch(n0)
		return err == nil && e.ProducerID != cur.ProducerID
	})
	judged, err := SlashingOffences(n0)
	require.NoError(t, err)
	for _, o := range judged {
		if o.ID > after && o.SequencerID == cur.ProducerID {
			require.NotEqual(t, "OFFENCE_CLASS_NON_PRODUCTION", o.Class, "critical only: no medium for the stall it caused")
		}
	}
}
