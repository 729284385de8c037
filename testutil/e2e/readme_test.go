//go:build e2e

package e2e

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/testutil/readme"
)

// readmeRecipes is the order the README's localnet recipes run in, one shell, one
// localnet: what a newcomer does reading it top to bottom, except that the 5th sequencer
// joins while the stalled producer sits out its jail. Every recipe of the README must be
// here, and every name here in the README.
var readmeRecipes = []string{
	"localnet", "watch", "stall", "stall-judged", "whitelist-owner", "lock-fifth",
	"fifth-joined", "fund-operator", "unjail", "pool-watch", "upgrade", "localnet-stop",
}

// TestLocalnetREADME runs the README's recipes verbatim against the localnet they start
// (`make localnet`, the README's own ports and directory), in one bash session with
// `set -euo pipefail`, and checks after each what the README says happens: the rotation
// and its routes, a stalled producer re-elected, judged and jailed, governance
// whitelisting an owner and the pool whitelisting it on L1, a 5th sequencer locking with
// the CLI and joining the validator set, a bank transfer to its account, the unjail after
// the jail, the pool's L1 queries, and `make localnet-upgrade` carrying every node
// through the "v2" software upgrade (halt at the plan's height, the next release
// running x/epoch's migration, the same sequencers, history and app hash). A recipe
// that no longer works fails here, in CI.
func TestLocalnetREADME(t *testing.T) {
	root := repoRoot(t)
	blocks, err := readme.ParseFile(filepath.Join(root, "README.md"))
	require.NoError(t, err)
	recipes := readme.Recipes(blocks)
	var names []string
	for name := range recipes {
		names = append(names, name)
	}
	want := append([]string(nil), readmeRecipes...)
	sort.Strings(names)
	sort.Strings(want)
	require.Equal(t, want, names, "the README's recipes and the ones this test runs (readmeRecipes)")

	localnetDir := filepath.Join(root, "build", "localnet")
	_, err = os.Stat(localnetDir)
	require.True(t, os.IsNotExist(err), "%s exists: a localnet of yours is in the way of the README's (make localnet-stop)", localnetDir)
	for _, port := range []int{8545, 8546, 26656, 26657, 1317, 9090, 8645, 8680} {
		l, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", port))
		require.NoError(t, err, "port %d is taken: the README's localnet needs its ports", port)
		_ = l.Close()
	}

	sh := StartShell(t, root, filepath.Join(root, "build"))
	defer sh.Close()
	t.Cleanup(func() {
		if _, err := os.Stat(localnetDir); err == nil {
			if t.Failed() {
				// What the proposers left out of their blocks, and why (a transaction CheckTx
				// took but no block holds).
				for i := range 4 {
					if b, err := os.ReadFile(filepath.Join(localnetDir, fmt.Sprintf("node%d/node.log", i))); err == nil {
						var hits []string
						for _, l := range strings.Split(string(b), "\n") {
							if strings.Contains(l, "transactions left out") || strings.Contains(l, "rejecting proposal") {
								hits = append(hits, l)
							}
						}
						t.Logf("--- node%d: proposals that left transactions out ---\n%s", i, tail(hits, 20))
					}
				}
				for _, log := range []string{"node0/node.log", "node1/node.log", "l1/bootstrap.log"} {
					if b, err := os.ReadFile(filepath.Join(localnetDir, log)); err == nil {
						t.Logf("--- %s (tail) ---\n%s", log, tail(strings.Split(string(b), "\n"), 30))
					}
				}
			}
			stop := exec.Command("scripts/localnet.sh", "stop")
			stop.Dir = root
			_ = stop.Run()
		}
	})
	run := func(name string, timeout time.Duration) string {
		t.Helper()
		b, ok := recipes[name]
		require.True(t, ok, "recipe %s", name)
		return sh.Run(name, b.Script, timeout)
	}
	ln := readmeLocalnet(t, localnetDir)
	n0 := ln.Nodes[0]

	out := run("localnet", 10*time.Minute)
	require.Contains(t, out, "themis localnet is running")

	ln.WaitFor("a producer for L2 height 42 (the watch recipe asks)", 3*time.Minute, func() bool {
		_, err := ProducerAt(n0, 42)
		return err == nil
	})
	out = run("watch", time.Minute)
	require.Contains(t, out, `"producer_id"`)
	require.Contains(t, out, "ROTATION_REASON_SCHEDULED")
	require.Contains(t, out, `"swagger"`)

	// The stall: the recipe names the node; the chain re-elects, x/slashing jails.
	judged, err := SlashingOffences(n0)
	require.NoError(t, err)
	run("stall", 2*time.Minute)
	stalled, err := strconv.Atoi(sh.Var("N"))
	require.NoError(t, err, "the stall recipe sets N to the stalled node's index")
	require.True(t, stalled >= 0 && stalled < 4, "node index %d", stalled)
	stalledID := uint64(stalled + 1)
	ln.WaitFor("the stall re-election of the stalled producer", 3*time.Minute, func() bool {
		epochs, err := Epochs(n0)
		if err != nil {
			return false
		}
		for _, e := range epochs {
			if e.Reason == "ROTATION_REASON_STALL" && e.ReplacedProducerID == stalledID {
				return true
			}
		}
		return false
	})
	jail := ln.waitOffenceAfter(stalledID, "OFFENCE_CLASS_NON_PRODUCTION", lastOffenceID(judged), time.Minute)
	require.True(t, jail.Jailed, "a stall is medium: jailed")
	out = run("stall-judged", time.Minute)
	require.Contains(t, out, "ROTATION_REASON_STALL")
	require.Contains(t, out, "OFFENCE_CLASS_NON_PRODUCTION")
	require.Contains(t, out, "mode none")

	// The 5th sequencer: governance, then the pool on L1, then the lock.
	ln.WaitFor("the pool's address accepted on L1 (the localnet's bootstrap)", 5*time.Minute, func() bool {
		var res struct {
			Config struct {
				Pool string `json:"pool_address"`
			} `json:"config"`
		}
		return GetJSON(n0.REST+"/themis/sequencer/v1/l1_config", &res) == nil && res.Config.Pool != ""
	})
	out = run("whitelist-owner", 2*time.Minute)
	requireTxsDelivered(t, ln, out, 4) // every node's vote (the proposal's hash went to wait-tx)
	owner := strings.ToLower(sh.Var("OWNER"))
	require.NotEmpty(t, owner)
	id := sh.Var("ID")
	ln.WaitFor("the whitelisting proposal passed", time.Minute, func() bool {
		var res struct {
			Proposal struct {
				Status string `json:"status"`
			} `json:"proposal"`
		}
		return GetJSON(n0.REST+"/cosmos/gov/v1/proposals/"+id, &res) == nil && res.Proposal.Status == "PROPOSAL_STATUS_PASSED"
	})
	ln.WaitFor("the pool's L1 whitelisting of the owner mirrored (nothing pending)", 3*time.Minute, func() bool {
		var res struct {
			Pending []string `json:"pending"`
		}
		return GetJSON(n0.REST+"/themis/sequencer/v1/l1_admin", &res) == nil && len(res.Pending) == 0
	})
	out = run("lock-fifth", 2*time.Minute)
	require.Contains(t, out, "mined: tx")
	ln.WaitFor("the 5th sequencer active", 2*time.Minute, func() bool {
		status, err := SequencerStatus(n0, 5)
		return err == nil && status == "SEQUENCER_STATUS_ACTIVE"
	})
	out = run("fifth-joined", time.Minute)
	require.Contains(t, out, `id: "5"`)
	out = run("fund-operator", time.Minute)
	require.Contains(t, out, `imported signer`)
	requireTxsDelivered(t, ln, out, 1)
	account := strings.TrimSpace(sh.Run("its account", `$B keys show signer -a --keyring-backend test --home $L/operator4`, 30*time.Second))
	ln.WaitFor("the new operator's 1000000uthemis", 30*time.Second, func() bool {
		var res struct {
			Balance struct {
				Amount string `json:"amount"`
			} `json:"balance"`
		}
		return GetJSON(n0.REST+"/cosmos/bank/v1beta1/balances/"+account+"/by_denom?denom=uthemis", &res) == nil &&
			res.Balance.Amount == "1000000"
	})

	// The unjail, once the chain's clock (its last block's time, which the transaction's
	// simulation sees) is past the jail.
	ln.WaitFor("the chain's time past the jail", 4*time.Minute, func() bool {
		var st struct {
			Result struct {
				SyncInfo struct {
					Time time.Time `json:"latest_block_time"`
				} `json:"sync_info"`
			} `json:"result"`
		}
		return GetJSON(n0.RPC+"/status", &st) == nil && st.Result.SyncInfo.Time.After(jail.JailedUntil)
	})
	out = run("unjail", time.Minute)
	requireTxsDelivered(t, ln, out, 1)
	ln.WaitFor("the stalled sequencer active again", time.Minute, func() bool {
		status, err := SequencerStatus(n0, stalledID)
		return err == nil && status == "SEQUENCER_STATUS_ACTIVE"
	})
	out = run("pool-watch", time.Minute)
	require.Contains(t, out, "batch_progress")

	// The upgrade: the same state on the other side, one app hash, the migration run.
	require.Equal(t, uint64(1), moduleVersion(t, n0, "epoch"))
	require.Equal(t, "0", epochParam(t, n0, "max_history_page"))
	before := stateAt(t, n0)
	out = run("upgrade", 8*time.Minute)
	require.Contains(t, out, `version: "2"`)
	requireUpgraded(t, ln, before)

	out = run("localnet-stop", 2*time.Minute)
	require.Contains(t, out, "localnet stopped and removed")
	_, err = os.Stat(localnetDir)
	require.True(t, os.IsNotExist(err), "make localnet-stop removes %s", localnetDir)
}

// readmeLocalnet describes the README's localnet (scripts/localnet.sh's fixed ports) for
// the suite's readers; the recipes start and stop its processes.
func readmeLocalnet(t *testing.T, dir string) *Localnet {
	ln := &Localnet{t: t, Dir: dir}
	for i := 0; i < 4; i++ {
		ln.Nodes = append(ln.Nodes, &Node{
			Index: i,
			Home:  filepath.Join(dir, fmt.Sprintf("node%d", i)),
			RPC:   fmt.Sprintf("http://127.0.0.1:%d", 26657+100*i),
			REST:  fmt.Sprintf("http://127.0.0.1:%d", 1317+100*i),
			GRPC:  fmt.Sprintf("127.0.0.1:%d", 9090+100*i),
			L2:    fmt.Sprintf("http://127.0.0.1:%d", 8645+100*i),
		})
	}
	return ln
}

// txHash matches a transaction hash as themisd prints it: YAML or JSON.
var txHash = regexp.MustCompile(`(?m)(?:^txhash: |"txhash":")([0-9A-F]{64})`)

// requireTxsDelivered waits for every transaction a recipe printed (want of them) to be
// in a block, and fails with the chain's log unless each succeeded there: themisd exits
// 0 once CheckTx took a transaction, which is not a delivery.
func requireTxsDelivered(t *testing.T, ln *Localnet, out string, want int) {
	t.Helper()
	matches := txHash.FindAllStringSubmatch(out, -1)
	require.Len(t, matches, want, "transactions the recipe printed")
	for i, m := range matches {
		var res struct {
			TxResponse struct {
				Code   uint32 `json:"code"`
				RawLog string `json:"raw_log"`
			} `json:"tx_response"`
		}
		found := false
		for deadline := time.Now().Add(60 * time.Second); time.Now().Before(deadline) && !found; time.Sleep(250 * time.Millisecond) {
			found = GetJSON(ln.Nodes[0].REST+"/cosmos/tx/v1beta1/txs/"+m[1], &res) == nil
		}
		if !found {
			// Where is it? Each node's index and mempool, for the record.
			for _, n := range ln.Nodes {
				var tx, pool map[string]any
				txErr := GetJSON(n.RPC+"/tx?hash=0x"+m[1], &tx)
				poolErr := GetJSON(n.RPC+"/num_unconfirmed_txs", &pool)
				t.Logf("node%d: /tx %v %v; mempool %v %v", n.Index, txErr, tx, poolErr, pool)
			}
			t.Logf("the recipe's output:\n%s", out)
			t.Fatalf("transaction %s (%d of %d the recipe printed) is in no block after 60 s", m[1], i+1, len(matches))
		}
		require.Zero(t, res.TxResponse.Code, "transaction %s failed in its block: %s", m[1], res.TxResponse.RawLog)
	}
}
