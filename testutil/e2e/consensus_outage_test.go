//go:build e2e

package e2e

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// outageTestnetArgs make the downtime rule fast enough for CI on 1 s blocks: a 40-block
// window (a validator is over the threshold after missing more than 20 of it), 15
// blocks of grace after a halt gap of 15 s. The rule deems a 40-block window sound for
// 7 validators of equal power (two trimming proposers at most).
var outageTestnetArgs = []string{"--downtime-window", "40", "--downtime-grace-blocks", "15", "--halt-gap", "15s"}

// TestLocalnetConsensusOutages is SPEC section 10 on one 7-validator localnet with its
// development L1 and bridges (no L2, no TSS: the consensus is the subject):
//
//  1. one validator killed alone: flagged low (no slash, no jail), never high; restarted,
//     it catches up by block sync;
//  2. two killed in the same window (2 of 7, under a third of the power): a high offence
//     for each (1/8 slashed, removed), for nobody else, and the chain goes on;
//  3. more than a third of the power killed: the chain halts safely; an L1 event (a
//     relock) happens during the halt; when they return the chain resumes, the event is
//     applied exactly once, nobody is charged for the halt, and every node has the same
//     app hash.
func TestLocalnetConsensusOutages(t *testing.T) {
	ln := StartLocalnet(t, Options{Validators: 7, VotingPeriod: 20 * time.Second, PortOffset: 60, L1: true, TestnetArgs: outageTestnetArgs})
	n0 := ln.Nodes[0]
	// Counting starts after the first blocks' grace; a full window is 40 counted blocks.
	ln.WaitHeight(20, 2*time.Minute)

	// 1. One alone.
	alone := ln.Nodes[6]
	aloneID := uint64(alone.Index + 1)
	ln.StopNode(alone)
	stoppedAt := n0.Height()
	low := ln.waitOffence(aloneID, "OFFENCE_CLASS_NODE_OUTAGE", 3*time.Minute)
	t.Logf("1. sequencer %d down from height %d: low at height %d: %s", aloneID, stoppedAt, low.Height, low.Evidence)
	require.Equal(t, "SEVERITY_LOW", low.Severity)
	require.Equal(t, "0", low.Slashed)
	require.False(t, low.Jailed || low.Removed)
	requireNoOffence(t, n0, "OFFENCE_CLASS_MULTI_NODE_OUTAGE")
	status, err := SequencerStatus(n0, aloneID)
	require.NoError(t, err)
	require.Equal(t, "SEQUENCER_STATUS_ACTIVE", status, "one validator offline is not punished beyond the flag")
	ln.StartNode(alone)
	ln.WaitFor("the restarted validator to catch up by block sync", 2*time.Minute, func() bool {
		h, err := alone.height()
		return err == nil && h >= n0.Height()-1
	})
	t.Logf("1. sequencer %d restarted and caught up at height %d", aloneID, n0.Height())

	// 2. Two in the same window.
	pair := []*Node{ln.Nodes[4], ln.Nodes[5]}
	for _, n := range pair {
		ln.StopNode(n)
	}
	for _, n := range pair {
		id := uint64(n.Index + 1)
		high := ln.waitOffence(id, "OFFENCE_CLASS_MULTI_NODE_OUTAGE", 3*time.Minute)
		t.Logf("2. sequencer %d: high at height %d, slashed %s: %s", id, high.Height, high.Slashed, high.Evidence)
		require.Equal(t, "SEVERITY_HIGH", high.Severity)
		require.Equal(t, tokens(50_000).QuoRaw(8).String(), high.Slashed)
		require.True(t, high.Removed)
		status, err := SequencerStatus(n0, id)
		require.NoError(t, err)
		require.Equal(t, "SEQUENCER_STATUS_REMOVED", status)
	}
	offences, err := SlashingOffences(n0)
	require.NoError(t, err)
	for _, o := range offences {
		if o.Class == "OFFENCE_CLASS_MULTI_NODE_OUTAGE" {
			require.Contains(t, []uint64{5, 6}, o.SequencerID, "only the two that were down")
		}
	}
	for _, n := range pair {
		ln.StartNode(n)
	}
	ln.WaitFor("CometBFT's set without the removed pair", time.Minute, func() bool {
		set, err := CometValidatorsAt(n0, n0.Height())
		return err == nil && len(set) == 5
	})

	// 3. More than a third of the power: 2 of the 5 validators left (40 %).
	before, err := ln.chainSequencer(1)
	require.NoError(t, err)
	judged := len(offences)
	halted := []*Node{ln.Nodes[2], ln.Nodes[3]}
	for _, n := range halted {
		ln.StopNode(n)
	}
	time.Sleep(3 * time.Second) // let the last block in flight finish
	top := n0.Height()
	keyFile := filepath.Join(n0.Home, "config", "l1_owner_key.txt")
	ln.Run("l1", "relock", "1", "1000", "--l1-rpc", ln.L1.RPC, "--staking-contract", ln.L1.Staking, "--owner-key-file", keyFile)
	time.Sleep(20 * time.Second) // longer than the halt gap
	require.LessOrEqual(t, n0.Height(), top+1, "the chain must halt without 2/3 of the power")
	t.Logf("3. halted at height %d with 2 of 5 validators down; relocked 1,000 on L1 during the halt", top)
	for _, n := range halted {
		ln.StartNode(n)
	}
	ln.WaitHeight(top+40, 3*time.Minute) // past the grace and a full window
	after := ln.waitSequencer(1, "relocked once", func(s sequencerView) bool { return s.Locked != before.Locked })
	require.Equal(t, tokens(51_000).String(), after.Locked, "the L1 event of the halt is applied exactly once")
	require.Equal(t, fmt.Sprint(mustUint(t, before.Nonce)+1), after.Nonce)
	offences, err = SlashingOffences(n0)
	require.NoError(t, err)
	require.Len(t, offences, judged, "nobody is charged for the halt: %+v", offences[judged:])
	grace := ln.slashingGrace()
	require.Greater(t, grace, top, "the halt started a grace period")
	t.Logf("3. resumed: height %d, grace until %d, sequencer 1 locked %s (nonce %s)", n0.Height(), grace, after.Locked, after.Nonce)
	requireSameAppHash(t, ln)
}

func requireNoOffence(t *testing.T, n *Node, class string) {
	t.Helper()
	offences, err := SlashingOffences(n)
	require.NoError(t, err)
	for _, o := range offences {
		require.NotEqual(t, class, o.Class, "unexpected offence %+v", o)
	}
}

// slashingGrace is x/slashing's grace_until (the downtime query).
func (ln *Localnet) slashingGrace() int64 {
	ln.t.Helper()
	var resp struct {
		GraceUntil string `json:"grace_until"`
	}
	require.NoError(ln.t, GetJSON(ln.Nodes[0].REST+"/themis/slashing/v1/downtime", &resp))
	var h int64
	_, err := fmt.Sscan(resp.GraceUntil, &h)
	require.NoError(ln.t, err)
	return h
}

func mustUint(t *testing.T, s string) uint64 {
	t.Helper()
	var v uint64
	_, err := fmt.Sscan(s, &v)
	require.NoError(t, err)
	return v
}
