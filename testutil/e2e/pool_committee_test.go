//go:build e2e

package e2e

import (
	"context"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/big"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/contracts/bindings/staking"
	"github.com/themis-network/themis/networks/devl1"
	mpctypes "github.com/themis-network/themis/x/mpc/types"
	sequencertypes "github.com/themis-network/themis/x/sequencer/types"
	slashingtypes "github.com/themis-network/themis/x/slashing/types"
)

// mpcSessionView is the part of an x/mpc session the tests read.
type mpcSessionView struct {
	Number     string `json:"number"`
	SessionKey string `json:"session_key"`
	Kind       string `json:"kind"`
	Attempt    int    `json:"attempt"`
	Status     string `json:"status"`
	Generation string `json:"generation"`
	NewParties []struct {
		SequencerID string `json:"sequencer_id"`
	} `json:"new_parties"`
	Signers []struct {
		SequencerID string `json:"sequencer_id"`
	} `json:"signers"`
}

// recentSessions are the newest x/mpc sessions, newest first.
func recentSessions(ln *Localnet) []mpcSessionView {
	var r struct {
		Sessions []mpcSessionView `json:"sessions"`
	}
	if GetJSON(ln.Nodes[0].REST+"/themis/mpc/v1/sessions?pagination.reverse=true&pagination.limit=50", &r) != nil {
		return nil
	}
	return r.Sessions
}

// whitelistByPool: themis governance whitelists development owner 4, whom the
// development L1 funded but left off its whitelist; the pool whitelists it on L1 by
// its own signature (x/mpc's l1_admin purpose, a checked call), with no owner
// transaction, and once the relayed WhitelistUpdated is mirrored nothing is left to
// reconcile. The owner then locks (joinAndReshare).
func whitelistByPool(t *testing.T, ln *Localnet, client *ethclient.Client, proposal int) {
	owner := crypto.PubkeyToAddress(devl1.OwnerKey(len(ln.Nodes)).PublicKey)
	require.False(t, l1Whitelisted(t, client, ln.L1.Staking, owner), "the development L1 left owner 4 off its whitelist")
	result := ln.PassProposal(proposal, "Whitelist owner 4",
		&sequencertypes.MsgUpdateWhitelist{Authority: GovAuthority(), Add: []string{strings.ToLower(owner.Hex())}})
	require.Equal(t, "PROPOSAL_STATUS_PASSED", result.Status)
	passed := time.Now()
	ln.WaitFor("owner 4 whitelisted on L1 by the pool", 3*time.Minute, func() bool { return l1Whitelisted(t, client, ln.L1.Staking, owner) })
	t.Logf("owner 4 whitelisted on L1 by the pool %s after governance's decision", time.Since(passed).Round(time.Second))
	ln.WaitFor("nothing left to reconcile", 2*time.Minute, func() bool {
		var r struct {
			Pending []string `json:"pending"`
		}
		return GetJSON(ln.Nodes[0].REST+"/themis/sequencer/v1/l1_admin", &r) == nil && len(r.Pending) == 0
	})
	// The relayed event can be mirrored before the validators agree on the receipt:
	// the call is CONFIRMED soon after, and it is the only one.
	var admin []poolTxView
	ln.WaitFor("the pool's setWhitelist call confirmed", time.Minute, func() bool {
		var all poolTxsView
		if GetJSON(ln.Nodes[0].REST+"/themis/mpc/v1/pool_txs?pagination.limit=1000", &all) != nil {
			return false
		}
		admin = admin[:0]
		for _, tx := range all.PoolTxs {
			if tx.Purpose == "l1_admin" {
				admin = append(admin, tx)
			}
		}
		return len(admin) == 1 && admin[0].Status == "POOL_TX_STATUS_CONFIRMED"
	})
	require.Len(t, admin, 1, "one pool call, once")
}

// l1Whitelisted reads the staking contract's whitelisted(account).
func l1Whitelisted(t *testing.T, client *ethclient.Client, stakingAddr string, account common.Address) bool {
	abi := staking.NewThemisStaking()
	addr := common.HexToAddress(stakingAddr)
	out, err := client.CallContract(context.Background(), ethereum.CallMsg{To: &addr, Data: abi.PackWhitelisted(account)}, nil)
	require.NoError(t, err)
	ok, err := abi.UnpackWhitelisted(out)
	require.NoError(t, err)
	return ok
}

// shortReshareTimeout makes a failed resharing retry after 60 blocks (about 45 s)
// instead of the default 180, so the kill mid-resharing is seen retried in time.
func shortReshareTimeout(ln *Localnet, appState map[string]json.RawMessage) {
	var gs map[string]json.RawMessage
	require.NoError(ln.t, json.Unmarshal(appState[mpctypes.ModuleName], &gs))
	var params map[string]json.RawMessage
	require.NoError(ln.t, json.Unmarshal(gs["params"], &params))
	params["reshare_timeout_blocks"] = json.RawMessage(`"60"`)
	bz, err := json.Marshal(params)
	require.NoError(ln.t, err)
	gs["params"] = bz
	appState[mpctypes.ModuleName], err = json.Marshal(gs)
	require.NoError(ln.t, err)
}

// joinAndReshare: the standby node's signer is locked on L1 by development owner 4; the
// chain mirrors the lock (sequencer 5 joins) and, once its engine reports ready,
// reshares the key to the five. One node is killed (SIGKILL) just after the resharing
// opened and restarted: its engine never reruns a session it started, so that attempt
// times out and a later one completes. The key and the pool address stay the same,
// and the new committee (5 members, 4 signers) signs the next batch.
func joinAndReshare(t *testing.T, ln *Localnet, client *ethclient.Client, pool common.Address, before poolKeyView) {
	joiner := ln.Standby[0]
	keyFile := filepath.Join(ln.Dir, "owner4.key")
	require.NoError(t, os.WriteFile(keyFile, []byte(hex.EncodeToString(crypto.FromECDSA(devl1.OwnerKey(len(ln.Nodes))))), 0o600))
	ln.Run("l1", "lock", "30000", "--home", joiner.Home, "--l1-rpc", ln.L1.RPC, "--staking-contract", ln.L1.Staking, "--owner-key-file", keyFile)
	joined := time.Now()
	ln.waitSequencer(5, "the standby node's sequencer active", func(s sequencerView) bool { return s.Status == "SEQUENCER_STATUS_ACTIVE" })
	t.Logf("sequencer 5 active %s after its lock", time.Since(joined).Round(time.Second))

	var first mpcSessionView
	ln.WaitFor("a resharing to five parties open", 3*time.Minute, func() bool {
		for _, s := range recentSessions(ln) {
			if s.Kind == "SESSION_KIND_RESHARE" && s.Status == "SESSION_STATUS_OPEN" && len(s.NewParties) == 5 {
				first = s
				return true
			}
		}
		return false
	})
	victim := ln.Nodes[1]
	waitSessionStarted(ln, victim, first)
	time.Sleep(time.Second) // the engines are exchanging the resharing's first rounds
	ln.KillNode(victim)
	time.Sleep(2 * time.Second)
	ln.StartNode(victim)
	t.Logf("node 1 killed and restarted during resharing session %s (attempt %d)", first.Number, first.Attempt)

	pk := waitPoolKey(ln, "2", 5*time.Minute)
	t.Logf("resharing to five confirmed %s after the lock", time.Since(joined).Round(time.Second))
	require.Len(t, pk.PoolKey.Committee.Members, 5)
	require.Equal(t, 3, pk.PoolKey.Committee.Threshold)
	require.Equal(t, before.PoolKey.PublicKey, pk.PoolKey.PublicKey, "a resharing keeps the key")
	require.Equal(t, pool.Hex(), common.HexToAddress(pk.PoolKey.Address).Hex(), "and the pool address")
	var done struct {
		Session mpcSessionView `json:"session"`
	}
	require.NoError(t, GetJSON(ln.Nodes[0].REST+"/themis/mpc/v1/sessions/"+pk.PoolKey.Session, &done))
	require.NotEqual(t, first.Number, done.Session.Number, "the attempt the kill broke did not complete")
	require.Greater(t, done.Session.Attempt, first.Attempt, "a retry completed it")

	waitNewCommitteeSigns(t, ln, client, pool, "2", 4)
}

// waitSessionStarted waits for the node's engine to have started the session: its
// durable start mark (<home>/tss/sessions/<key>.sealed) exists. A node killed before
// it picked the session up would simply run it after its restart.
func waitSessionStarted(ln *Localnet, n *Node, s mpcSessionView) {
	key, err := base64.StdEncoding.DecodeString(s.SessionKey)
	require.NoError(ln.t, err)
	mark := filepath.Join(n.Home, "tss", "sessions", hex.EncodeToString(key)+".sealed")
	ln.WaitFor("node's engine started session "+s.Number, time.Minute, func() bool {
		_, err := os.Stat(mark)
		return err == nil
	})
}

// jailAndReshare: governance jails sequencer 5 (a MEDIUM offence); the chain reshares
// the key to the four without it, and they sign the next batch; the slash reaches L1
// by pool signature and its relayed event confirms it.
func jailAndReshare(t *testing.T, ln *Localnet, client *ethclient.Client, pool common.Address, proposal int) {
	lockedBefore := ln.L1SequencerState(client, 5).Locked
	result := ln.PassProposal(proposal, "Jail sequencer 5",
		&slashingtypes.MsgSlash{Authority: GovAuthority(), SequencerId: 5, Severity: slashingtypes.SEVERITY_MEDIUM, Evidence: "e2e: resharing without a jailed member"})
	require.Equal(t, "PROPOSAL_STATUS_PASSED", result.Status)
	jailed := time.Now()
	ln.waitSequencer(5, "sequencer 5 jailed", func(s sequencerView) bool { return s.Status == "SEQUENCER_STATUS_JAILED" })
	slashTx := dropSlashFromMempool(t, ln, pool, 5)
	pk := waitPoolKey(ln, "3", 4*time.Minute)
	t.Logf("resharing without the jailed sequencer confirmed %s after the jail", time.Since(jailed).Round(time.Second))
	require.Len(t, pk.PoolKey.Committee.Members, 4)
	for _, m := range pk.PoolKey.Committee.Members {
		var member struct {
			SequencerID string `json:"sequencer_id"`
		}
		require.NoError(t, json.Unmarshal(m, &member))
		require.NotEqual(t, "5", member.SequencerID, "the jailed sequencer is out of the committee")
	}
	require.Equal(t, pool.Hex(), common.HexToAddress(pk.PoolKey.Address).Hex())
	waitNewCommitteeSigns(t, ln, client, pool, "3", 3)
	slashReachesL1(t, ln, client, 5, lockedBefore, slashTx)
}

// lastSlashAction is the L1 action of sequencer id's last offence that slashed
// something (a low one, a signing blame, sends nothing to L1).
func lastSlashAction(t *testing.T, ln *Localnet, id uint64) (SlashOffence, SlashL1Action) {
	offences, err := SlashingOffences(ln.Nodes[0])
	require.NoError(t, err)
	var off SlashOffence
	for _, o := range offences {
		if o.SequencerID == id && o.L1ActionID != 0 {
			off = o
		}
	}
	require.NotZero(t, off.L1ActionID, "sequencer %d has an offence with an L1 slash: %+v", id, offences)
	actions, err := SlashingL1Actions(ln.Nodes[0])
	require.NoError(t, err)
	for _, a := range actions {
		if a.ID == off.L1ActionID {
			return off, a
		}
	}
	t.Fatalf("no L1 action %d", off.L1ActionID)
	return off, SlashL1Action{}
}

// dropSlashFromMempool: while the pool signs the slash of sequencer id's last slash
// (its dry run passed), the development L1 starts dropping the pool's transactions
// from its mempool (accepted, never mined), until the chain has signed a replacement
// of the slash after stuck_blocks. It returns the slash's pool transaction.
func dropSlashFromMempool(t *testing.T, ln *Localnet, pool common.Address, id uint64) string {
	var txID string
	ln.WaitFor("the slash's pool call going to signing", 3*time.Minute, func() bool {
		_, a := lastSlashAction(t, ln, id)
		if a.PoolTx == 0 {
			return false
		}
		tx, ok := poolTx(ln, fmt.Sprint(a.PoolTx))
		if !ok || (tx.Status != "POOL_TX_STATUS_SIGNING" && tx.Status != "POOL_TX_STATUS_SENT") {
			return false
		}
		txID = tx.ID
		return true
	})
	require.NoError(t, ln.L1.Do("/mempool", url.Values{"address": {pool.Hex()}, "for": {"5m"}}))
	ln.WaitFor("the dropped slash replaced", 4*time.Minute, func() bool {
		tx, ok := poolTx(ln, txID)
		return ok && len(tx.Versions) >= 2 && tx.Versions[1].TxHash != ""
	})
	require.NoError(t, ln.L1.Do("/mempool", url.Values{"address": {pool.Hex()}, "for": {"0s"}}))
	t.Logf("the slash's pool tx %s was dropped from the L1 mempool and replaced", txID)
	return txID
}

// slashReachesL1: the chain's slash of sequencer id (its last offence) reaches L1 by
// pool signature on its own: its call dry-run, signed, its first version dropped from
// the L1 mempool and replaced, one version landed, the contract's lock lower by
// exactly what the chain slashed, and the relayed Slashed event confirming the action
// and holding the escrow. One pool call, one L1 slash.
func slashReachesL1(t *testing.T, ln *Localnet, client *ethclient.Client, id uint64, lockedBefore *big.Int, slashTx string) {
	off, _ := lastSlashAction(t, ln, id)
	action := ln.waitActionConfirmed(off.L1ActionID, fmt.Sprintf("offence %d's slash confirmed by its L1 event", off.ID), 4*time.Minute)
	require.Equal(t, slashTx, fmt.Sprint(action.PoolTx), "carried by the pool call whose first version was dropped")
	var tx poolTxView
	ln.WaitFor("the slash's pool tx confirmed", time.Minute, func() bool {
		// The relayed Slashed event and the receipt's vote race: either may come first.
		var ok bool
		tx, ok = poolTx(ln, slashTx)
		return ok && tx.Status == "POOL_TX_STATUS_CONFIRMED"
	})
	evicted, err := ln.L1.EvictedTxs()
	require.NoError(t, err)
	first, err := base64.StdEncoding.DecodeString(tx.Versions[0].TxHash)
	require.NoError(t, err)
	require.Contains(t, lower(evicted), strings.ToLower(common.BytesToHash(first).Hex()), "the slash's first version was the one dropped")
	require.GreaterOrEqual(t, tx.Landed, 1, "a replacement landed")
	requireNoncesLandOnce(t, ln)
	require.Equal(t, off.Slashed, action.Slash.Amount)
	slashed, ok := new(big.Int).SetString(off.Slashed, 10)
	require.True(t, ok)
	onL1 := ln.L1SequencerState(client, id)
	require.Equal(t, new(big.Int).Sub(lockedBefore, slashed).String(), onL1.Locked.String(), "L1 took exactly the chain's slash, once")
	var escrows struct {
		Escrows []struct {
			OffenceID string `json:"offence_id"`
			Status    string `json:"status"`
		} `json:"escrows"`
	}
	require.NoError(t, GetJSON(ln.Nodes[0].REST+"/themis/slashing/v1/escrows", &escrows))
	held := slices.ContainsFunc(escrows.Escrows, func(e struct {
		OffenceID string `json:"offence_id"`
		Status    string `json:"status"`
	}) bool {
		return e.OffenceID == fmt.Sprint(off.ID) && e.Status == "ESCROW_STATUS_HELD"
	})
	require.True(t, held, "the escrow of offence %d is held", off.ID)
	decided, err := ln.Nodes[0].Header(off.Height)
	require.NoError(t, err)
	confirmed, err := ln.Nodes[0].Header(action.SettledHeight)
	require.NoError(t, err)
	t.Logf("offence %d's slash (%s) landed in L1 block %s by pool tx %d; its Slashed event confirmed it at height %d, %s (%d blocks) after it was decided at %d",
		off.ID, off.Slashed, tx.L1Block, action.PoolTx, action.SettledHeight, confirmed.Time.Sub(decided.Time).Round(100*time.Millisecond),
		action.SettledHeight-off.Height, off.Height)
}

// waitNewCommitteeSigns waits until a sign session of generation gen completed with
// signers signers and a batch reached the inbox after it.
func waitNewCommitteeSigns(t *testing.T, ln *Localnet, client *ethclient.Client, pool common.Address, gen string, signers int) {
	n := countBatches(ln)
	var signed mpcSessionView
	ln.WaitFor(fmt.Sprintf("a signature by generation %s", gen), 3*time.Minute, func() bool {
		recent := recentSessions(ln)
		i := slices.IndexFunc(recent, func(s mpcSessionView) bool {
			return s.Kind == "SESSION_KIND_SIGN" && s.Status == "SESSION_STATUS_COMPLETED" && s.Generation == gen
		})
		if i >= 0 {
			signed = recent[i]
		}
		return i >= 0
	})
	require.Len(t, signed.Signers, signers, "generation %s signs with its committee's t+1", gen)
	waitBatches(ln, n+1, 3*time.Minute)
	checkInbox(t, client, ln, pool)
}
