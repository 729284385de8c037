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

	"cosmossdk.io/math"
	"github.com/cometbft/cometbft/privval"
	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/contracts/bindings/testtoken"
	"github.com/themis-network/themis/networks/devl1"
	sequencertypes "github.com/themis-network/themis/x/sequencer/types"
)

// TestLocalnetL1SequencerLifecycle: 4 validators, the development L1 and 4 bridges, all
// real processes. The contract's max_lock is lowered on L1 and mirrored by the chain. A
// 5th owner is whitelisted by governance and locks through the real
// contract with the CLI; it joins the CometBFT validator set with power = locked/10^18;
// a relock raises its power up to max_lock; a partial withdraw lowers it; a signer change
// moves its validator key (proven by the new key's signature); a reward-recipient change
// is mirrored; unlock removes it at once; the claim after the exit delay (the contract's
// seven-day minimum, passed by jumping the development L1's clock) returns the tokens on L1.
func TestLocalnetL1SequencerLifecycle(t *testing.T) {
	const exitDelay = 7 * 24 * time.Hour
	ln := StartLocalnet(t, Options{Validators: 4, VotingPeriod: 10 * time.Second, PortOffset: 20, L1: true, ExitDelay: exitDelay, ExtraOwners: 1})
	ln.WaitHeight(3, 90*time.Second)
	ctx := context.Background()

	ownerKey := devl1.OwnerKey(4)
	owner := strings.ToLower(crypto.PubkeyToAddress(ownerKey.PublicKey).Hex())
	keyFile := filepath.Join(ln.Dir, "owner4.key")
	require.NoError(t, os.WriteFile(keyFile, []byte(hex.EncodeToString(crypto.FromECDSA(ownerKey))), 0o600))

	// The contract's administrator (the deployer, during bootstrap) caps power at 80,000
	// tokens on L1; the chain takes the limits from the relayed LockLimitsUpdated, not
	// from a parameter of its own.
	require.NoError(t, ln.L1.Do("/lock-limits", url.Values{"min": {tokens(20_000).String()}, "max": {tokens(80_000).String()}}))
	ln.waitFor(60*time.Second, "the chain mirrors max_lock 80,000", func() bool {
		var resp struct {
			Config struct {
				MaxLock string `json:"max_lock"`
			} `json:"config"`
		}
		return GetJSON(ln.Nodes[1].REST+"/themis/sequencer/v1/l1_config", &resp) == nil && resp.Config.MaxLock == tokens(80_000).String()
	})

	// Governance: whitelist the owner.
	result := ln.PassProposal(1, "Whitelist a fifth sequencer owner",
		&sequencertypes.MsgUpdateWhitelist{Authority: GovAuthority(), Add: []string{owner}})
	require.Equal(t, "PROPOSAL_STATUS_PASSED", result.Status)

	newSigner := func(name string) (string, []byte) {
		home := filepath.Join(ln.Dir, name)
		ln.Run("init", name, "--home", home, "--chain-id", "themis-localnet")
		pub, err := signerPubOf(home)
		require.NoError(t, err)
		return home, pub
	}
	l1 := func(args ...string) string {
		return ln.Run(append(append([]string{"l1"}, args...), "--l1-rpc", ln.L1.RPC, "--staking-contract", ln.L1.Staking, "--owner-key-file", keyFile)...)
	}
	home, pub := newSigner("operator4")
	l1("lock", "30000", "--home", home)
	seq := ln.waitSequencer(5, "joined with 30,000", func(s sequencerView) bool { return s.Status == "SEQUENCER_STATUS_ACTIVE" && s.Power == "30000" })
	require.Equal(t, owner, seq.Owner)
	ln.requireValidatorPower(pub, 30_000)

	l1("relock", "5", "60000")
	ln.waitSequencer(5, "relocked to 90,000, power capped at 80,000", func(s sequencerView) bool {
		return s.Locked == tokens(90_000).String() && s.Power == "80000"
	})
	ln.requireValidatorPower(pub, 80_000)

	l1("withdraw", "5", "30000")
	ln.waitSequencer(5, "withdrawn to 60,000", func(s sequencerView) bool { return s.Locked == tokens(60_000).String() && s.Power == "60000" })
	ln.requireValidatorPower(pub, 60_000)

	home2, pub2 := newSigner("operator4b")
	l1("update-signer", "5", "--home", home2)
	key2, err := sequencertypes.ParseSignerKey(pub2)
	require.NoError(t, err)
	ln.waitSequencer(5, "signer changed", func(s sequencerView) bool { return s.Signer == key2.L1Address() })
	ln.requireValidatorPower(pub2, 60_000)
	ln.requireValidatorPower(pub, 0)

	recipient := "0x00000000000000000000000000000000000000aa"
	l1("set-reward-recipient", "5", recipient)
	ln.waitSequencer(5, "reward recipient changed", func(s sequencerView) bool { return s.RewardRecipient == recipient })

	l1("unlock", "5")
	// Right away, well inside the exit delay (before waiting for the chain, whose pace
	// on a loaded machine must not decide this check).
	_, err = ln.TryRun("l1", "claim", "5", "--l1-rpc", ln.L1.RPC, "--staking-contract", ln.L1.Staking, "--owner-key-file", keyFile)
	require.Error(t, err, "a claim before the exit delay reverts")
	ln.waitSequencer(5, "unlocking", func(s sequencerView) bool { return s.Status == "SEQUENCER_STATUS_UNLOCKING" })
	ln.requireValidatorPower(pub2, 0)

	balance := func() *big.Int {
		client, err := ethclient.DialContext(ctx, ln.L1.RPC)
		require.NoError(t, err)
		defer client.Close()
		token := common.HexToAddress(ln.L1.Token)
		out, err := client.CallContract(ctx, ethereum.CallMsg{To: &token, Data: testtoken.NewTestToken().PackBalanceOf(common.HexToAddress(owner))}, nil)
		require.NoError(t, err)
		b, err := testtoken.NewTestToken().UnpackBalanceOf(out)
		require.NoError(t, err)
		return b
	}
	before := balance()
	require.NoError(t, ln.L1.Do("/time", url.Values{"advance": {(exitDelay + time.Minute).String()}}))
	l1("claim", "5")
	require.Equal(t, new(big.Int).Add(before, tokens(90_000).BigInt()), balance(), "the claim returns the lock (60,000) and the pending withdrawal (30,000)")
	ln.waitSequencer(5, "unlocked", func(s sequencerView) bool { return s.Status == "SEQUENCER_STATUS_UNLOCKED" && s.Locked == "0" })
	requireSameAppHash(t, ln)
}

func tokens(n int64) math.Int { return math.NewInt(n).Mul(sequencertypes.OneToken) }

type sequencerView struct {
	Status, Owner, Signer, Locked, Power, Nonce, RewardRecipient string
}

// waitSequencer polls node1's REST until sequencer id satisfies cond.
func (ln *Localnet) waitSequencer(id uint64, what string, cond func(sequencerView) bool) sequencerView {
	ln.t.Helper()
	var last sequencerView
	ln.waitFor(60*time.Second, fmt.Sprintf("sequencer %d %s (last seen %+v)", id, what, &last), func() bool {
		var err error
		last, err = ln.chainSequencer(id)
		return err == nil && cond(last)
	})
	return last
}

// chainSequencer reads sequencer id from node1's REST.
func (ln *Localnet) chainSequencer(id uint64) (sequencerView, error) {
	var resp struct {
		Sequencer struct {
			Status string `json:"status"`
			Owner  string `json:"owner"`
			Signer string `json:"signer"`
			Locked string `json:"locked"`
			Nonce  string `json:"l1_nonce"`
			Reward string `json:"reward_recipient"`
		} `json:"sequencer"`
		Power string `json:"power"`
	}
	if err := GetJSON(fmt.Sprintf("%s/themis/sequencer/v1/sequencers/%d", ln.Nodes[1].REST, id), &resp); err != nil {
		return sequencerView{}, err
	}
	s := resp.Sequencer
	return sequencerView{Status: s.Status, Owner: s.Owner, Signer: s.Signer, Locked: s.Locked, Power: resp.Power, Nonce: s.Nonce, RewardRecipient: s.Reward}, nil
}

// requireValidatorPower waits until CometBFT's validator set gives the signer with the
// 64-byte key pub the power want (0: absent).
func (ln *Localnet) requireValidatorPower(pub []byte, want int64) {
	ln.t.Helper()
	key, err := sequencertypes.ParseSignerKey(pub)
	require.NoError(ln.t, err)
	addr := strings.ToUpper(hex.EncodeToString(key.ConsAddress()))
	ln.waitFor(30*time.Second, fmt.Sprintf("validator %s with power %d", addr, want), func() bool {
		var resp struct {
			Result struct {
				Validators []struct {
					Address     string `json:"address"`
					VotingPower string `json:"voting_power"`
				} `json:"validators"`
			} `json:"result"`
		}
		if GetJSON(ln.Nodes[2].RPC+"/validators?per_page=100", &resp) != nil {
			return false
		}
		for _, v := range resp.Result.Validators {
			if v.Address == addr {
				return v.VotingPower == fmt.Sprint(want)
			}
		}
		return want == 0
	})
}

// signerPubOf reads a node home's signer key and returns its 64-byte L1 public key.
func signerPubOf(home string) ([]byte, error) {
	pv := privval.LoadFilePV(filepath.Join(home, "config", "priv_validator_key.json"), filepath.Join(home, "data", "priv_validator_state.json"))
	priv, err := crypto.ToECDSA(pv.Key.PrivKey.Bytes())
	if err != nil {
		return nil, err
	}
	return crypto.FromECDSAPub(&priv.PublicKey)[1:], nil
}
