//go:build e2e

package e2e

import (
	"encoding/json"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	sequencertypes "github.com/themis-network/themis/x/sequencer/types"
)

// TestLocalnetGovernance: on 4 real processes, a governance proposal changes the
// whitelist and a parameter; every sequencer votes with its power; the change is
// visible through REST and the CLI on other nodes; all nodes agree on the app hash.
func TestLocalnetGovernance(t *testing.T) {
	ln := StartLocalnet(t, Options{Validators: 4, VotingPeriod: 12 * time.Second, PortOffset: 10})
	ln.WaitHeight(3, 90*time.Second)

	newOwner := "0x00000000000000000000000000000000000abcde"
	params := sequencertypes.DefaultParams()
	params.L1ChainId = 1337
	params.L1Confirmations = 7
	result := ln.PassProposal(1, "Onboard a sequencer owner and deepen L1 confirmations",
		&sequencertypes.MsgUpdateWhitelist{Authority: GovAuthority(), Add: []string{newOwner}},
		&sequencertypes.MsgUpdateParams{Authority: GovAuthority(), Params: params})
	require.Equal(t, "PROPOSAL_STATUS_PASSED", result.Status)
	// Power, not head count: four sequencers of 50,000 tokens each vote 200,000.
	require.Equal(t, "200000", result.YesPower)

	// REST on another node. Another node may apply the proposal's block a moment later
	// than the one that reported it passed.
	var wl struct {
		Owners []string `json:"owners"`
	}
	ln.WaitFor("node1 serves the new whitelist", 15*time.Second, func() bool {
		return GetJSON(ln.Nodes[1].REST+"/themis/sequencer/v1/whitelist", &wl) == nil && slices.Contains(wl.Owners, newOwner)
	})
	var pr struct {
		Params map[string]any `json:"params"`
	}
	ln.WaitFor("node2 serves the new params", 15*time.Second, func() bool {
		return GetJSON(ln.Nodes[2].REST+"/themis/sequencer/v1/params", &pr) == nil && fmt.Sprint(pr.Params["l1_confirmations"]) == "7"
	})

	// CLI on a third node.
	cliWL := ln.CLI(ln.Nodes[3], "query", "sequencer", "whitelist", "-o", "json")
	require.Contains(t, cliWL, newOwner)
	var cliParams struct {
		Params map[string]any `json:"params"`
	}
	require.NoError(t, json.Unmarshal([]byte(ln.CLI(ln.Nodes[3], "query", "sequencer", "params", "-o", "json")), &cliParams))
	require.Equal(t, "7", fmt.Sprint(cliParams.Params["l1_confirmations"]))

	requireSameAppHash(t, ln)
}

func requireSameAppHash(t *testing.T, ln *Localnet) {
	t.Helper()
	h := ln.Nodes[0].MustHeight(t)
	ln.WaitHeight(h+1, 30*time.Second)
	var want string
	for _, n := range ln.Nodes {
		hdr, err := n.Header(h)
		require.NoError(t, err)
		require.NotEmpty(t, hdr.AppHash)
		if want == "" {
			want = hdr.AppHash
		}
		require.Equal(t, want, hdr.AppHash, "node%d app hash at height %d", n.Index, h)
	}
	t.Logf("all %d nodes report app hash %s at height %d", len(ln.Nodes), want, h)
}
