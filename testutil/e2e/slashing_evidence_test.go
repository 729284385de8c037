//go:build e2e

package e2e

import (
	"context"
	"encoding/hex"
	"fmt"
	"math/big"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/rlp"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/networks/l2sim"
	slashingtypes "github.com/themis-network/themis/x/slashing/types"
)

// TestLocalnetSlashingEvidence runs 4 sequencers with the development L1, bridges and
// their L2 simulators, and shows the critical L2 equivocation end to end:
//
//  1. the current producer's L2 node signs two blocks per height; anyone reads both
//     from it and submits them with `themisd tx slashing submit-l2-equivocation`
//     (normal fees): the chain checks them against the schedule and the producer's
//     key and judges critical: 1/4 of the lock, owner and signer banned, out of the
//     validator set;
//  2. the banned owner leaves L1 (unlock, claim after the exit delay) and locks again
//     with a new signer: the chain records the lock as BANNED, with no power (its
//     stake stays claimable on L1);
//  3. governance upholds an appeal (MsgAppeal): the slash the pool had not sent yet is
//     cancelled, the owner and signer leave the ban list and the owner's new lock is
//     admitted (ACTIVE, in CometBFT's set).
func TestLocalnetSlashingEvidence(t *testing.T) {
	ln := StartLocalnet(t, Options{Validators: 4, VotingPeriod: 15 * time.Second, PortOffset: 50, L1: true, L2: true,
		TestnetArgs: l2TestnetArgs})
	n0 := ln.Nodes[0]
	ln.WaitFor("L2 height 12 on every node", 3*time.Minute, func() bool { return minL2Head(ln) >= 12 })

	// 1. Equivocation.
	var cur Epoch
	var head uint64
	ln.WaitFor("a producer with at least 5 blocks of its epoch left", time.Minute, func() bool {
		var err error
		cur, head, err = CurrentEpoch(n0)
		return err == nil && cur.EndHeight >= head+5
	})
	cheat := ln.NodeOfSequencer(cur.ProducerID)
	require.NoError(t, L2Fault(cheat, l2sim.ModeEquivocate))
	a, b, height := twinHeaders(t, ln, cheat, strings.ToLower(cur.Signer), head)
	require.NoError(t, L2Fault(cheat, l2sim.ModeNone))
	t.Logf("1. sequencer %d signed two L2 blocks at height %d", cur.ProducerID, height)

	reporter := ln.Nodes[(cheat.Index+1)%4]
	out := ln.CLI(reporter, "tx", "slashing", "submit-l2-equivocation", "0x"+hex.EncodeToString(a), "0x"+hex.EncodeToString(b),
		"--from", "signer", "--yes", "--gas", "auto", "--gas-adjustment", "1.5")
	require.Contains(t, out, "code: 0", out)
	off := ln.waitOffence(cur.ProducerID, "OFFENCE_CLASS_L2_EQUIVOCATION", time.Minute)
	t.Logf("1. offence %d: %s, slashed %s: %s", off.ID, off.Severity, off.Slashed, off.Evidence)
	require.Equal(t, "SEVERITY_CRITICAL", off.Severity)
	require.True(t, off.Banned)
	require.Equal(t, tokens(50_000).QuoRaw(4).String(), off.Slashed)
	status, err := SequencerStatus(n0, cur.ProducerID)
	require.NoError(t, err)
	require.Equal(t, "SEQUENCER_STATUS_BANNED", status)
	// The judgement with its evidence, through the CLI and REST: the offence, its queued
	// L1 slash and the escrow waiting for L1.
	cliOffence := ln.CLI(reporter, "query", "slashing", "offence", fmt.Sprint(off.ID), "-o", "json")
	require.Contains(t, cliOffence, "OFFENCE_CLASS_L2_EQUIVOCATION")
	require.Contains(t, cliOffence, off.Evidence[:40])
	var actions struct {
		Actions []struct {
			Kind  string `json:"kind"`
			Slash struct {
				SequencerID string `json:"sequencer_id"`
				Amount      string `json:"amount"`
			} `json:"slash"`
		} `json:"actions"`
	}
	require.NoError(t, GetJSON(n0.REST+"/themis/slashing/v1/l1_actions?status=1", &actions))
	require.Len(t, actions.Actions, 1)
	require.Equal(t, "L1_ACTION_KIND_SLASH", actions.Actions[0].Kind)
	require.Equal(t, off.Slashed, actions.Actions[0].Slash.Amount)
	var escrows struct {
		Escrows []struct {
			Status string `json:"status"`
		} `json:"escrows"`
	}
	require.NoError(t, GetJSON(n0.REST+"/themis/slashing/v1/escrows", &escrows))
	require.Len(t, escrows.Escrows, 1)
	require.Equal(t, "ESCROW_STATUS_PENDING_L1", escrows.Escrows[0].Status)
	addr := cheat.ConsAddress()
	ln.WaitHeight(off.Height+2, 30*time.Second)
	set, err := CometValidatorsAt(n0, off.Height+2)
	require.NoError(t, err)
	require.False(t, set[addr], "out of CometBFT's set two blocks after the judgement")
	// The same evidence again is refused (simulated, so no fee is spent).
	_, err = ln.TryRun("tx", "slashing", "submit-l2-equivocation", "0x"+hex.EncodeToString(b), "0x"+hex.EncodeToString(a),
		"--from", "signer", "--yes", "--gas", "auto", "--home", reporter.Home)
	require.ErrorContains(t, err, "exit status")

	// 2. The banned owner leaves L1 (unlock, the exit delay, claim) and locks again with
	// a new signer: the chain records the lock as BANNED, with no power.
	ownerKey := filepath.Join(cheat.Home, "config", "l1_owner_key.txt")
	_, err = os.Stat(ownerKey)
	require.NoError(t, err)
	l1 := func(args ...string) string {
		return ln.Run(append(append([]string{"l1"}, args...), "--l1-rpc", ln.L1.RPC, "--staking-contract", ln.L1.Staking, "--owner-key-file", ownerKey)...)
	}
	id := fmt.Sprint(cur.ProducerID)
	l1("unlock", id)
	ln.waitSequencer(cur.ProducerID, "unlocking", func(s sequencerView) bool { return s.Status == "SEQUENCER_STATUS_UNLOCKING" })
	require.NoError(t, ln.L1.Do("/time", url.Values{"advance": {(7*24*time.Hour + time.Minute).String()}}))
	l1("claim", id)
	ln.waitSequencer(cur.ProducerID, "unlocked", func(s sequencerView) bool { return s.Status == "SEQUENCER_STATUS_UNLOCKED" })
	home := filepath.Join(ln.Dir, "banned-operator")
	ln.Run("init", "banned-operator", "--home", home, "--chain-id", "themis-localnet")
	l1("lock", "30000", "--home", home)
	relocked := ln.waitSequencer(5, "recorded as banned", func(s sequencerView) bool { return s.Status == "SEQUENCER_STATUS_BANNED" })
	require.Equal(t, "0", relocked.Power)
	t.Logf("2. the banned owner's new lock (sequencer 5) is recorded %s with power %s", relocked.Status, relocked.Power)

	// 3. Governance upholds an appeal: the slash the pool had not sent is cancelled, the
	// owner and its signer leave the ban list, and its new lock is admitted.
	result := ln.PassProposal(1, "Appeal: the equivocation was a replayed staging key",
		&slashingtypes.MsgAppeal{Authority: GovAuthority(), OffenceId: off.ID, Reason: "staging key replay, see forum thread"})
	require.Equal(t, "PROPOSAL_STATUS_PASSED", result.Status)
	back := ln.waitSequencer(5, "admitted after the appeal", func(s sequencerView) bool { return s.Status == "SEQUENCER_STATUS_ACTIVE" })
	require.Equal(t, "30000", back.Power)
	judged, err := SlashingOffences(n0)
	require.NoError(t, err)
	for _, o := range judged {
		if o.ID == off.ID {
			require.Equal(t, "OFFENCE_STATUS_APPEALED", o.Status)
		}
	}
	pub, err := signerPubOf(home)
	require.NoError(t, err)
	ln.requireValidatorPower(pub, 30_000)
	t.Logf("3. appeal passed: the owner's new lock (sequencer 5) is %s with power %s", back.Status, back.Power)
	requireSameAppHash(t, ln)
}

// twinHeaders reads, from an equivocating producer's L2 node, two different blocks it
// sealed for one height above from, and returns their RLP headers.
func twinHeaders(t *testing.T, ln *Localnet, n *Node, signer string, from uint64) ([]byte, []byte, uint64) {
	t.Helper()
	client, err := ethclient.Dial(n.L2)
	require.NoError(t, err)
	defer client.Close()
	var a, b []byte
	var height uint64
	ln.WaitFor("two signed blocks for one height", time.Minute, func() bool {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		top, err := client.BlockNumber(ctx)
		if err != nil || top <= from {
			return false
		}
		for h := top; h > from; h-- {
			seen := map[string][]byte{}
			for i := 0; i < 4; i++ { // the node serves the twin on every other call
				hdr, err := client.HeaderByNumber(ctx, new(big.Int).SetUint64(h))
				if err != nil || strings.ToLower(hdr.Coinbase.Hex()) != signer {
					break
				}
				bz, err := rlp.EncodeToBytes(hdr)
				require.NoError(t, err)
				seen[hdr.Hash().Hex()] = bz
			}
			if len(seen) == 2 {
				var pair [][]byte
				for _, bz := range seen {
					pair = append(pair, bz)
				}
				a, b, height = pair[0], pair[1], h
				return true
			}
		}
		return false
	})
	return a, b, height
}
