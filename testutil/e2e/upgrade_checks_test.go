//go:build e2e

package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	upgradetypes "cosmossdk.io/x/upgrade/types"
	"github.com/stretchr/testify/require"
)

// upgradePlan is the upgrade the next release performs (app.NextUpgradeName, under the
// themis_next build tag).
const upgradePlan = "v2"

// TestLocalnetUpgrade carries a running pool through a software upgrade the way
// operators do: governance passes MsgSoftwareUpgrade for a height; every node halts
// there and writes upgrade-info.json; scripts/upgrade-node.sh on each node stops the
// old binary and runs the next release (THEMISD_NEXT_BINARY, built with -tags
// themis_next: `make test-e2e` builds it), whose handler runs x/epoch's store migration
// 1 -> 2. The chain then continues from the same state: the same sequencers and
// rotation history, one app hash, the migration's new parameter set, the module
// version bumped, and the L2 rotation going on.
func TestLocalnetUpgrade(t *testing.T) {
	next := os.Getenv("THEMISD_NEXT_BINARY")
	require.NotEmpty(t, next, "set THEMISD_NEXT_BINARY to the next release: go build -tags themis_next -o build/themisd-next ./cmd/themisd (make test-e2e does)")
	ln := StartLocalnet(t, Options{Validators: 4, VotingPeriod: 15 * time.Second, PortOffset: 25, L2: true, TestnetArgs: l2TestnetArgs})
	defer ln.Stop()
	n0 := ln.Nodes[0]
	ln.WaitFor("a few epochs before the upgrade", 3*time.Minute, func() bool {
		e, err := Epochs(n0)
		return err == nil && len(e) >= 3
	})
	require.Equal(t, uint64(1), moduleVersion(t, n0, "epoch"))
	require.Equal(t, "0", epochParam(t, n0, "max_history_page"))

	height := n0.Height() + 40 // the voting period (15 s) and some margin
	res := ln.PassProposal(1, "upgrade to "+upgradePlan, &upgradetypes.MsgSoftwareUpgrade{
		Authority: GovAuthority(),
		Plan:      upgradetypes.Plan{Name: upgradePlan, Height: height, Info: "the next release: x/epoch 1 -> 2"},
	})
	require.Equal(t, "PROPOSAL_STATUS_PASSED", res.Status)

	// Every node gets its upgrader now, before the halt, as an operator would.
	// The upgrader stops the old process; the test still reaps it (and kills it if the
	// upgrade never comes).
	old := make([]*os.Process, len(ln.Nodes))
	for i, n := range ln.Nodes {
		old[i] = n.cmd.Process
		go func(p *os.Process) { _, _ = p.Wait() }(old[i])
		n.cmd, n.logFile = ln.spawnExe(n, "node.log", "../../scripts/upgrade-node.sh", n.Home, upgradePlan, fmt.Sprint(old[i].Pid), next)
	}
	defer func() {
		for _, p := range old {
			_ = p.Kill()
		}
	}()
	ln.WaitHeight(height-1, 3*time.Minute)
	before := stateAt(t, n0)
	ln.WaitFor("every node to halt at the upgrade height and write upgrade-info.json", 2*time.Minute, func() bool {
		for _, n := range ln.Nodes {
			if _, err := os.Stat(filepath.Join(n.Home, "data", "upgrade-info.json")); err != nil {
				return false
			}
		}
		return true
	})
	halted := time.Now()

	ln.WaitFor("the next release producing blocks past the upgrade height", 3*time.Minute, func() bool {
		for _, n := range ln.Nodes {
			if n.Height() < height+3 {
				return false
			}
		}
		return true
	})
	t.Logf("upgrade %q at height %d: blocks again %s after the halt", upgradePlan, height, time.Since(halted).Round(time.Second))

	for _, n := range ln.Nodes {
		require.Equal(t, uint64(2), moduleVersion(t, n, "epoch"), "node%d ran the migration", n.Index)
		require.Equal(t, "1000", epochParam(t, n, "max_history_page"), "node%d: the migration's parameter", n.Index)
	}
	var applied struct {
		Height string `json:"height"`
	}
	require.NoError(t, GetJSON(n0.REST+"/cosmos/upgrade/v1beta1/applied_plan/"+upgradePlan, &applied))
	require.Equal(t, fmt.Sprint(height), applied.Height)

	// The same state: sequencers as they were, the rotation history extended, not
	// rewritten, and one app hash.
	after := stateAt(t, n0)
	require.Equal(t, before.sequencers, after.sequencers)
	require.GreaterOrEqual(t, len(after.epochs), len(before.epochs))
	require.Equal(t, before.epochs, after.epochs[:len(before.epochs)])
	h := n0.Height()
	hash := appHashAt(t, n0, h)
	for _, n := range ln.Nodes[1:] {
		require.Equal(t, hash, appHashAt(t, n, h), "node%d's app hash at %d", n.Index, h)
	}
	ln.WaitFor("the L2 rotation going on after the upgrade", 2*time.Minute, func() bool {
		e, err := Epochs(n0)
		return err == nil && len(e) > len(after.epochs)
	})
}

type chainState struct {
	sequencers string
	epochs     []Epoch
}

// stateAt reads what the upgrade must keep: the sequencers and the rotation history.
func stateAt(t *testing.T, n *Node) chainState {
	var seqs struct {
		Sequencers []map[string]any `json:"sequencers"`
	}
	require.NoError(t, GetJSON(n.REST+"/themis/sequencer/v1/sequencers?pagination.limit=1000", &seqs))
	epochs, err := Epochs(n)
	require.NoError(t, err)
	return chainState{sequencers: fmt.Sprint(seqs.Sequencers), epochs: epochs}
}

func moduleVersion(t *testing.T, n *Node, module string) uint64 {
	var res struct {
		Versions []struct {
			Name    string `json:"name"`
			Version string `json:"version"`
		} `json:"module_versions"`
	}
	require.NoError(t, GetJSON(n.REST+"/cosmos/upgrade/v1beta1/module_versions?module_name="+module, &res))
	require.Len(t, res.Versions, 1)
	var v uint64
	_, err := fmt.Sscan(res.Versions[0].Version, &v)
	require.NoError(t, err)
	return v
}

func epochParam(t *testing.T, n *Node, key string) string {
	var res struct {
		Params map[string]any `json:"params"`
	}
	require.NoError(t, GetJSON(n.REST+"/themis/epoch/v1/params", &res))
	return fmt.Sprint(res.Params[key])
}
