//go:build e2e

package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// upgradePlan is the upgrade the next release performs (app.NextUpgradeName, under the
// themis_next build tag).
const upgradePlan = "v2"

// requireUpgraded checks a localnet the "v2" software upgrade carried over (the README's
// `make localnet-upgrade`: governance's plan, every node halted at its height,
// scripts/upgrade-node.sh running the next release built with -tags themis_next): every
// node ran x/epoch's store migration 1 -> 2 (the module version, the migration's new
// parameter), the plan is applied at its height, the sequencers and the rotation history
// are those of before (the history extended, not rewritten), every node has one app
// hash, and the L2 rotation goes on.
func requireUpgraded(t *testing.T, ln *Localnet, before chainState) {
	t.Helper()
	n0 := ln.Nodes[0]
	var applied struct {
		Height string `json:"height"`
	}
	require.NoError(t, GetJSON(n0.REST+"/cosmos/upgrade/v1beta1/applied_plan/"+upgradePlan, &applied))
	height, err := strconv.ParseInt(applied.Height, 10, 64)
	require.NoError(t, err)
	require.Positive(t, height, "the plan %q is applied", upgradePlan)
	ln.WaitFor("every node producing blocks past the upgrade height", 3*time.Minute, func() bool {
		for _, n := range ln.Nodes {
			if n.Height() < height+3 {
				return false
			}
		}
		return true
	})
	for _, n := range ln.Nodes {
		_, err := os.Stat(filepath.Join(n.Home, "data", "upgrade-info.json"))
		require.NoError(t, err, "node%d halted at the plan and wrote upgrade-info.json", n.Index)
		require.Equal(t, uint64(2), moduleVersion(t, n, "epoch"), "node%d ran the migration", n.Index)
		require.Equal(t, "1000", epochParam(t, n, "max_history_page"), "node%d: the migration's parameter", n.Index)
	}
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

// stateAt reads what the upgrade must keep: who the sequencers are (id, owner, signer,
// status; their stake may move meanwhile, a slash landing on L1) and the rotation
// history.
func stateAt(t *testing.T, n *Node) chainState {
	var seqs struct {
		Sequencers []struct {
			ID     string `json:"id"`
			Owner  string `json:"owner"`
			Signer string `json:"signer"`
			Status string `json:"status"`
		} `json:"sequencers"`
	}
	require.NoError(t, GetJSON(n.REST+"/themis/sequencer/v1/sequencers?pagination.limit=1000", &seqs))
	require.NotEmpty(t, seqs.Sequencers)
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
