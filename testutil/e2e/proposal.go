//go:build e2e

package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	upgradetypes "cosmossdk.io/x/upgrade/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/bech32"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	"github.com/themis-network/themis/app"
	mpctypes "github.com/themis-network/themis/x/mpc/types"
	sequencertypes "github.com/themis-network/themis/x/sequencer/types"
	slashingtypes "github.com/themis-network/themis/x/slashing/types"
)

// GovAuthority is x/gov's module address, the authority of every governed message.
func GovAuthority() string {
	addr, err := bech32.ConvertAndEncode(app.Bech32Prefix, authtypes.NewModuleAddress("gov"))
	if err != nil {
		panic(err)
	}
	return addr
}

// ProposalResult is a finished proposal as the CLI reports it.
type ProposalResult struct {
	Status   string
	YesPower string
}

// PassProposal submits proposal id (the caller knows the sequence) with msgs from
// node0, has every node vote yes with its signer, and waits until it ends.
func (ln *Localnet) PassProposal(id int, title string, msgs ...sdk.Msg) ProposalResult {
	ln.t.Helper()
	enc := app.MakeEncodingConfig()
	sequencertypes.RegisterInterfaces(enc.InterfaceRegistry)
	slashingtypes.RegisterInterfaces(enc.InterfaceRegistry)
	mpctypes.RegisterInterfaces(enc.InterfaceRegistry)
	upgradetypes.RegisterInterfaces(enc.InterfaceRegistry)
	var rawMsgs []json.RawMessage
	for _, m := range msgs {
		bz, err := enc.Codec.MarshalInterfaceJSON(m)
		if err != nil {
			ln.t.Fatal(err)
		}
		rawMsgs = append(rawMsgs, bz)
	}
	bz, err := json.Marshal(map[string]any{"messages": rawMsgs, "metadata": "", "deposit": "1000" + app.BondDenom,
		"title": title, "summary": title})
	if err != nil {
		ln.t.Fatal(err)
	}
	propFile := filepath.Join(ln.Dir, fmt.Sprintf("proposal-%d.json", id))
	if err := os.WriteFile(propFile, bz, 0o600); err != nil {
		ln.t.Fatal(err)
	}
	node0 := ln.Nodes[0]
	if out := ln.CLI(node0, "tx", "gov", "submit-proposal", propFile, "--from", "signer", "--yes", "--gas", "400000"); !strings.Contains(out, "code: 0") {
		ln.t.Fatalf("submit proposal %d: %s", id, out)
	}
	query := func() (string, error) {
		return ln.TryRun("query", "gov", "proposal", fmt.Sprint(id), "--home", node0.Home, "-o", "json")
	}
	ln.waitFor(30*time.Second, fmt.Sprintf("proposal %d in voting period", id), func() bool {
		o, err := query()
		return err == nil && strings.Contains(o, "PROPOSAL_STATUS_VOTING_PERIOD")
	})
	for _, n := range ln.Nodes {
		if out := ln.CLI(n, "tx", "gov", "vote", fmt.Sprint(id), "yes", "--from", "signer", "--yes"); !strings.Contains(out, "code: 0") {
			ln.t.Fatalf("node%d vote on %d: %s", n.Index, id, out)
		}
	}
	var final struct {
		Proposal struct {
			Status     string `json:"status"`
			FinalTally struct {
				Yes string `json:"yes_count"`
			} `json:"final_tally_result"`
		} `json:"proposal"`
	}
	ln.waitFor(90*time.Second, fmt.Sprintf("proposal %d ended", id), func() bool {
		o, err := query()
		if err != nil || json.Unmarshal([]byte(o), &final) != nil {
			return false
		}
		return final.Proposal.Status == "PROPOSAL_STATUS_PASSED" || final.Proposal.Status == "PROPOSAL_STATUS_FAILED" ||
			final.Proposal.Status == "PROPOSAL_STATUS_REJECTED"
	})
	return ProposalResult{Status: final.Proposal.Status, YesPower: final.Proposal.FinalTally.Yes}
}

func (ln *Localnet) waitFor(timeout time.Duration, what string, cond func() bool) {
	ln.t.Helper()
	WaitFor(ln.t, timeout, what, cond)
}

// WaitFor polls cond until it holds, failing the test after timeout.
func WaitFor(t testing.TB, timeout time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		if cond() {
			return
		}
		time.Sleep(250 * time.Millisecond)
	}
	t.Fatalf("timed out after %s waiting for %s", timeout, what)
}
