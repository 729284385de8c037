//go:build e2e

package e2e

import (
	"context"
	"encoding/hex"
	"fmt"
	"math/big"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	gethtypes "github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/contracts/bindings/staking"
	"github.com/themis-network/themis/networks/l2sim"
	slashingtypes "github.com/themis-network/themis/x/slashing/types"
)

// judged is an offence the chain judged, with the offender's lock on L1 before it.
type judged struct {
	off          SlashOffence
	lockedBefore *big.Int
}

// ownerKeyFile is the L1 owner key `themisd testnet` wrote into a validator's home.
func ownerKeyFile(n *Node) string { return filepath.Join(n.Home, "config", "l1_owner_key.txt") }

// judgedSoFar is the highest offence id judged so far (0: none).
func judgedSoFar(t *testing.T, ln *Localnet) uint64 {
	offences, err := SlashingOffences(ln.Nodes[0])
	require.NoError(t, err)
	return lastOffenceID(offences)
}

// producerWithBlocksLeft waits for an epoch with at least n blocks left to produce.
func producerWithBlocksLeft(ln *Localnet, n uint64) (Epoch, uint64) {
	var cur Epoch
	var head uint64
	ln.WaitFor(fmt.Sprintf("a producer with at least %d blocks of its epoch left", n), 2*time.Minute, func() bool {
		var err error
		cur, head, err = CurrentEpoch(ln.Nodes[0])
		return err == nil && cur.EndHeight >= head+n
	})
	return cur, head
}

// stallProducer stops the current producer's L2 node early in its epoch: the chain
// re-elects after the stall threshold and x/slashing judges the stall medium (1/16 of
// the lock, jailed). The L2 node then resumes (a jailed sequencer is not drawn).
func stallProducer(t *testing.T, ln *Localnet, client *ethclient.Client) judged {
	cur, _ := producerWithBlocksLeft(ln, 4)
	before := ln.L1SequencerState(client, cur.ProducerID).Locked
	after := judgedSoFar(t, ln)
	node := ln.NodeOfSequencer(cur.ProducerID)
	require.NoError(t, L2Fault(node, l2sim.ModeStall))
	off := ln.waitOffenceAfter(cur.ProducerID, "OFFENCE_CLASS_NON_PRODUCTION", after, time.Minute)
	require.NoError(t, L2Fault(node, l2sim.ModeNone))
	require.Equal(t, "SEVERITY_MEDIUM", off.Severity)
	require.True(t, off.Jailed)
	require.Equal(t, new(big.Int).Div(before, big.NewInt(16)).String(), off.Slashed, "1/16 of the lock")
	require.NotZero(t, off.L1ActionID, "the slash is an L1 action")
	t.Logf("1. sequencer %d stalled: offence %d judged medium at height %d, %s slashed, jailed until %s",
		off.SequencerID, off.ID, off.Height, off.Slashed, off.JailedUntil.Format(time.TimeOnly))
	return judged{off: off, lockedBefore: before}
}

// equivocate makes the current producer's L2 node sign two blocks at one height;
// another validator submits both headers and x/slashing judges it critical: 1/4 of
// the lock, owner and signer banned.
func equivocate(t *testing.T, ln *Localnet, client *ethclient.Client) judged {
	cur, head := producerWithBlocksLeft(ln, 5)
	before := ln.L1SequencerState(client, cur.ProducerID).Locked
	after := judgedSoFar(t, ln)
	cheat := ln.NodeOfSequencer(cur.ProducerID)
	require.NoError(t, L2Fault(cheat, l2sim.ModeEquivocate))
	a, b, height := twinHeaders(t, ln, cheat, strings.ToLower(cur.Signer), head)
	require.NoError(t, L2Fault(cheat, l2sim.ModeNone))
	reporter := ln.Nodes[(cheat.Index+1)%len(ln.Nodes)]
	out := ln.CLI(reporter, "tx", "slashing", "submit-l2-equivocation", "0x"+hex.EncodeToString(a), "0x"+hex.EncodeToString(b),
		"--from", "signer", "--yes", "--gas", "auto", "--gas-adjustment", "1.5")
	require.Contains(t, out, "code: 0", out)
	off := ln.waitOffenceAfter(cur.ProducerID, "OFFENCE_CLASS_L2_EQUIVOCATION", after, time.Minute)
	require.Equal(t, "SEVERITY_CRITICAL", off.Severity)
	require.True(t, off.Banned)
	require.Equal(t, new(big.Int).Div(before, big.NewInt(4)).String(), off.Slashed, "1/4 of the lock")
	t.Logf("4. sequencer %d signed two L2 blocks at height %d: offence %d critical, %s slashed, banned", off.SequencerID, height, off.ID, off.Slashed)
	return judged{off: off, lockedBefore: before}
}

// slashConfirmedOnL1: the offence's slash reaches L1 by pool signature on its own and
// lands exactly once: one Slashed event carries its offence id, the lock on L1 is lower
// by exactly what the chain slashed, the relayed event confirms the action and holds
// the escrow.
func slashConfirmedOnL1(t *testing.T, ln *Localnet, client *ethclient.Client, j judged) {
	off := j.off
	action := ln.waitActionConfirmed(off.L1ActionID, fmt.Sprintf("offence %d's slash confirmed by its L1 event", off.ID), 5*time.Minute)
	slashed, ok := new(big.Int).SetString(off.Slashed, 10)
	require.True(t, ok)
	onL1 := ln.L1SequencerState(client, off.SequencerID)
	require.Equal(t, new(big.Int).Sub(j.lockedBefore, slashed).String(), onL1.Locked.String(), "L1 took exactly the chain's slash")
	offenceID := slashingtypes.L1OffenceID("themis-localnet", off.ID)
	var landed []*staking.ThemisStakingSlashed
	for _, l := range stakingLogs(t, ln, client, 0) {
		if e, err := staking.NewThemisStaking().UnpackSlashedEvent(&l); err == nil && string(e.OffenceId[:]) == string(offenceID) {
			landed = append(landed, e)
		}
	}
	require.Len(t, landed, 1, "offence %d slashed on L1 once", off.ID)
	require.Equal(t, off.Slashed, landed[0].Amount.String())
	require.Equal(t, "ESCROW_STATUS_HELD", escrowOf(t, ln, off.ID).Status)
	decided, err := ln.Nodes[0].Header(off.Height)
	require.NoError(t, err)
	confirmed, err := ln.Nodes[0].Header(action.SettledHeight)
	require.NoError(t, err)
	t.Logf("offence %d's slash (%s) landed in L1 block %d (escrow %s) by pool tx %d after %d attempt(s); confirmed at height %d, %s (%d blocks) after the decision",
		off.ID, off.Slashed, landed[0].Raw.BlockNumber, landed[0].EscrowId, action.PoolTx, action.Attempts, action.SettledHeight,
		confirmed.Time.Sub(decided.Time).Round(100*time.Millisecond), action.SettledHeight-off.Height)
}

// bannedOwnerLocksAgain: the banned owner leaves L1 (unlock, the exit delay, claim)
// and locks again with a new signer: the chain records the new sequencer BANNED, with
// no power, while its stake stays claimable on L1.
func bannedOwnerLocksAgain(t *testing.T, ln *Localnet, id uint64) {
	keyFile := ownerKeyFile(ln.NodeOfSequencer(id))
	l1 := func(args ...string) string {
		return ln.Run(append(append([]string{"l1"}, args...), "--l1-rpc", ln.L1.RPC, "--staking-contract", ln.L1.Staking, "--owner-key-file", keyFile)...)
	}
	l1("unlock", fmt.Sprint(id))
	ln.waitSequencer(id, "unlocking", func(s sequencerView) bool { return s.Status == "SEQUENCER_STATUS_UNLOCKING" })
	require.NoError(t, ln.L1.Do("/time", url.Values{"advance": {(7*24*time.Hour + time.Minute).String()}}))
	l1("claim", fmt.Sprint(id))
	ln.waitSequencer(id, "unlocked", func(s sequencerView) bool { return s.Status == "SEQUENCER_STATUS_UNLOCKED" })
	home := filepath.Join(ln.Dir, "banned-operator")
	ln.Run("init", "banned-operator", "--home", home, "--chain-id", "themis-localnet")
	l1("lock", "30000", "--home", home)
	relocked := ln.waitSequencer(5, "recorded as banned", func(s sequencerView) bool { return s.Status == "SEQUENCER_STATUS_BANNED" })
	require.Equal(t, "0", relocked.Power)
	t.Logf("4. the banned owner's new lock (sequencer 5) is recorded %s with power %s", relocked.Status, relocked.Power)
}

// escrowView is the part of an x/slashing escrow the tests read.
type escrowView struct {
	OffenceID string `json:"offence_id"`
	EscrowID  string `json:"escrow_id"`
	Amount    string `json:"amount"`
	Status    string `json:"status"`
	PaidOutAt string `json:"paid_out_height"`
}

// escrowOf is the escrow of offence id.
func escrowOf(t *testing.T, ln *Localnet, offence uint64) escrowView {
	var r struct {
		Escrows []escrowView `json:"escrows"`
	}
	require.NoError(t, GetJSON(ln.Nodes[0].REST+"/themis/slashing/v1/escrows?pagination.limit=1000", &r))
	for _, e := range r.Escrows {
		if e.OffenceID == fmt.Sprint(offence) {
			return e
		}
	}
	t.Fatalf("no escrow for offence %d: %+v", offence, r.Escrows)
	return escrowView{}
}

// stakingLogs are the staking contract's logs from L1 block from to the head.
func stakingLogs(t *testing.T, ln *Localnet, client *ethclient.Client, from uint64) []gethtypes.Log {
	logs, err := client.FilterLogs(context.Background(), ethereum.FilterQuery{
		FromBlock: new(big.Int).SetUint64(from), Addresses: []common.Address{common.HexToAddress(ln.L1.Staking)}})
	require.NoError(t, err)
	return logs
}
