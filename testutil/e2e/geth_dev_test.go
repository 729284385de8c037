//go:build e2e

package e2e

import (
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/networks/devl1"
	sequencertypes "github.com/themis-network/themis/x/sequencer/types"
)

// TestLocalnetGethDevJoin: the join flow of TestLocalnetL1SequencerLifecycle against a
// real Ethereum client, geth --dev, instead of the simulated development L1: the
// deployment, the genesis locks, the bridges' log polling and every validator's check
// of a relayed event all go through geth's JSON-RPC. A 5th owner is whitelisted by
// governance, locks with the CLI, joins the CometBFT validator set with power =
// locked/10^18, unlocks and leaves it; its early claim is refused (geth stamps blocks with
// the wall clock, and the contract's exit delay is at least seven days: the claim itself is
// shown on the development L1, which can jump in time).
//
// A second geth --dev is the validators' L2 node: every node follows it and reports its
// head in its vote extensions, and every bridge's /healthz reports it. With the
// sequencer gone again, the test stops and restarts that L2 (gethL2Phases).
func TestLocalnetGethDevJoin(t *testing.T) {
	const (
		validators = 4
		portOffset = 60
		exitDelay  = 7 * 24 * time.Hour
	)
	start := time.Now()
	gethDir, l2Dir := t.TempDir(), t.TempDir()
	if keep := os.Getenv("E2E_KEEP_DIR"); keep != "" { // beside StartLocalnet's kept directory
		gethDir, l2Dir = filepath.Join(keep, t.Name()+"-geth"), filepath.Join(keep, t.Name()+"-geth-l2")
		_ = os.RemoveAll(gethDir)
		_ = os.RemoveAll(l2Dir)
	}
	// 8545+60 and 8546+60 are where a development L1 of this offset would listen; the
	// two geths take the next ports (no other test's port: see StartLocalnet's layout).
	geth := StartGethDev(t, "L1", gethDir, 8545+portOffset+2)
	l2 := StartGethDev(t, "L2", l2Dir, 8545+portOffset+3)
	l1 := geth.DeployDevL1(t, validators+1, exitDelay)
	ln := StartLocalnet(t, Options{Validators: validators, VotingPeriod: 10 * time.Second, PortOffset: portOffset,
		ExternalL1: l1, ExitDelay: exitDelay, L2RPC: l2.RPC, L2ChainID: gethDevChainID, BridgeL2MaxSilence: gethL2BridgeMaxSilence})
	ln.WaitHeight(3, 90*time.Second)

	ownerKey := devl1.OwnerKey(validators)
	owner := strings.ToLower(crypto.PubkeyToAddress(ownerKey.PublicKey).Hex())
	keyFile := filepath.Join(ln.Dir, "owner4.key")
	require.NoError(t, os.WriteFile(keyFile, []byte(hex.EncodeToString(crypto.FromECDSA(ownerKey))), 0o600))

	params := sequencertypes.DefaultParams()
	params.L1ChainId, params.L1Confirmations = devl1.ChainID, 2
	params.StakingContract = strings.ToLower(l1.Staking)
	result := ln.PassProposal(1, "Whitelist a fifth sequencer owner",
		&sequencertypes.MsgUpdateWhitelist{Authority: GovAuthority(), Add: []string{owner}},
		&sequencertypes.MsgUpdateParams{Authority: GovAuthority(), Params: params})
	require.Equal(t, "PROPOSAL_STATUS_PASSED", result.Status)

	home := filepath.Join(ln.Dir, "operator4")
	ln.Run("init", "operator4", "--home", home, "--chain-id", "themis-localnet")
	pub, err := signerPubOf(home)
	require.NoError(t, err)
	l1CLI := func(args ...string) string {
		return ln.Run(append(append([]string{"l1"}, args...), "--l1-rpc", l1.RPC, "--staking-contract", l1.Staking, "--owner-key-file", keyFile)...)
	}

	l1CLI("lock", "30000", "--home", home)
	seq := ln.waitSequencer(5, "joined with 30,000", func(s sequencerView) bool { return s.Status == "SEQUENCER_STATUS_ACTIVE" && s.Power == "30000" })
	require.Equal(t, owner, seq.Owner)
	require.Equal(t, tokens(30_000).String(), seq.Locked)
	ln.requireValidatorPower(pub, 30_000)

	l1CLI("unlock", "5")
	ln.waitSequencer(5, "unlocking", func(s sequencerView) bool { return s.Status == "SEQUENCER_STATUS_UNLOCKING" })
	ln.requireValidatorPower(pub, 0)

	out, err := ln.TryRun("l1", "claim", "5", "--l1-rpc", l1.RPC, "--staking-contract", l1.Staking, "--owner-key-file", keyFile)
	require.Error(t, err, "a claim inside the exit delay reverts")
	require.Contains(t, out, "UnlockNotReady", "the CLI names the contract's reason")
	t.Logf("join flow done after %s", time.Since(start).Round(time.Second))

	gethL2Phases(t, ln, l2, validators)
	requireSameAppHash(t, ln)
}
