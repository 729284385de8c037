//go:build e2e

package e2e

import (
	"fmt"
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// poolL1ActionsArgs: short epochs and a stall threshold that a loaded 2-core machine
// does not trip by itself (the engines' resharing proofs share the CPU with the L2
// simulators), a jail longer than the case so that the appeal is what reinstates, a
// reward per L2 block of 1 token and a reward batch every 40 s.
var poolL1ActionsArgs = []string{"--tss", "--epoch-length", "10", "--epoch-lead-time", "3", "--stall-threshold", "15s",
	"--readiness-window", "10s", "--head-tolerance", "5", "--jail-duration", "15m",
	"--reward-per-block", "1000000000000000000", "--reward-batch-interval", "40s"}

// TestLocalnetPoolL1Actions: four sequencers with TSS engines, the development L1 and
// the L2 simulators; the pool key is made and handed the contracts, and a funder fills
// the reward reserve (`themisd l1 fund-rewards`). Every decision of the chain then
// reaches L1 by pool signature, and the chain marks it done only from the relayed
// contract event:
//
//  1. a producer's L2 node stalls: the chain re-elects, judges it medium (1/16, jailed)
//     and, with the L1 RPC down for a minute right after, the slash lands once when L1
//     is back: the lock on L1 lower by exactly the chain's slash, the escrow held, the
//     Slashed event relayed and the action CONFIRMED (pool_l1_slash_test.go);
//  2. governance upholds its appeal: the escrow is refunded on L1 to the owner (a
//     validator killed and restarted while the refund is in flight) and the sequencer
//     is ACTIVE again (pool_l1_appeal_test.go); governance changes the lock limits and
//     the pool sets them on L1 (pool_l1_admin_test.go);
//  3. every sequencer's L1 reward credit equals the L2 blocks it produced (read from
//     the L2 itself) x the reward per block, batch by batch, and `themisd l1
//     withdraw-rewards` pays it to the recipient, the chain following the relayed
//     RewardsWithdrawn (pool_l1_rewards_test.go);
//  4. a producer signs two L2 blocks at one height: 1/4 is slashed on L1 by pool
//     signature, and the banned owner's later lock (after its exit on L1) is recorded
//     BANNED with no power (pool_l1_slash_test.go);
//  5. every node stops, the state is exported (`themisd export`) and every node
//     restarts from it: the actions pending in the export land once each, nobody is
//     charged for the halt (pool_l1_export_test.go);
//  6. the pool key is lost (too few shares survive to sign or reshare): governance
//     retires it, a keygen makes a new key, the owner proposes its address on L1, the
//     new pool completes the contract's recovery after its delay, and what was queued
//     meanwhile lands once from the new address (pool_l1_recovery_test.go).
//
// Through all of it each pool nonce of each pool address is mined once and every node
// keeps one app hash.
func TestLocalnetPoolL1Actions(t *testing.T) {
	ln := StartLocalnet(t, Options{Validators: 4, VotingPeriod: 15 * time.Second, PortOffset: 85, L1: true, L2: true,
		TestnetArgs: poolL1ActionsArgs, PatchAppState: shortReshareTimeout})
	defer ln.Stop()
	_, _, client := startPoolOnL1(t, ln)
	ln.Run("l1", "fund-rewards", "100000", "--l1-rpc", ln.L1.RPC, "--staking-contract", ln.L1.Staking,
		"--owner-key-file", ownerKeyFile(ln.Nodes[0]))
	ln.WaitFor("the reward reserve mirrored", time.Minute, func() bool {
		var r struct {
			Reserve string `json:"reward_reserve"`
		}
		return GetJSON(ln.Nodes[0].REST+"/themis/slashing/v1/reward_state", &r) == nil && r.Reserve == tokens(100_000).String()
	})

	// 1. Stall -> medium slash, landing once after a minute without the L1 RPC.
	stalled := stallProducer(t, ln, client)
	require.NoError(t, ln.L1.Do("/rpc", url.Values{"down": {"true"}}))
	outage := time.Now()
	// Meanwhile every bridge's reconcile watcher shows the slash waiting.
	ln.WaitFor("node 0's bridge reporting the queued slash", 45*time.Second, func() bool {
		r, _ := BridgeHealth(ln.Nodes[0])
		return r.Divergence != nil && r.Divergence.ActionsQueued >= 1
	})
	time.Sleep(time.Minute - time.Since(outage))
	_, action := lastSlashAction(t, ln, stalled.off.SequencerID)
	require.NotEqual(t, "L1_ACTION_STATUS_CONFIRMED", action.Status, "confirmed without any L1 RPC")
	t.Logf("1. after a minute without the L1 RPC, offence %d's slash is %s (%s)", stalled.off.ID, action.Status, action.HoldReason)
	require.NoError(t, ln.L1.Do("/rpc", url.Values{"down": {"false"}}))
	slashConfirmedOnL1(t, ln, client, stalled)

	// 2. Appeal -> escrow refunded on L1, reinstated; governance's new lock limits set
	// on L1 by the pool.
	appealRefundsOnL1(t, ln, client, stalled, 1)
	lockLimitsByPool(t, ln, client, 2)

	// 3. Rewards on L1 = blocks produced x reward per block; a withdrawal pays them.
	rewardsMatchBlocks(t, ln, client)
	withdrawRewards(t, ln, client)

	// 4. Equivocation -> 1/4 on L1; the banned owner's later lock is BANNED.
	cheat := equivocate(t, ln, client)
	slashConfirmedOnL1(t, ln, client, cheat)
	bannedOwnerLocksAgain(t, ln, cheat.off.SequencerID)

	// 5. A restart from a genesis export carries every pending action, exactly once.
	restartFromExport(t, ln, client)

	// 6. The pool key is lost; governance replaces it and the new pool takes over on L1
	// after the contract's recovery delay.
	poolKeyLostAndRecovered(t, ln, client, 3)

	requireNoncesLandOnce(t, ln)
	requireL1ActionsOnce(t, ln, client)
	requireSameAppHash(t, ln)
	requireNoDivergence(t, ln)
}

// requireNoDivergence: every bridge's reconcile watcher, having looked after the last
// step, sees nothing parked or mismatched, no contract change pending and no warning.
func requireNoDivergence(t *testing.T, ln *Localnet) {
	after := ln.Nodes[0].MustHeight(t)
	for _, n := range ln.Nodes {
		ln.WaitFor(fmt.Sprintf("node %d's bridge reporting no divergence after height %d", n.Index, after), time.Minute, func() bool {
			r, _ := BridgeHealth(n)
			d := r.Divergence
			return d != nil && d.ChainHeight > after && d.ActionsParked == 0 && d.ActionsMismatch == 0 && d.AdminPending == 0 && len(d.Warnings) == 0
		})
	}
	r, _ := BridgeHealth(ln.Nodes[0])
	t.Logf("bridges: no divergence (node 0's look at height %d: %d L1 action(s) queued)", r.Divergence.ChainHeight, r.Divergence.ActionsQueued)
}
