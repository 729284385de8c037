//go:build e2e

package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	gethtypes "github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/app"
	"github.com/themis-network/themis/contracts/bindings/staking"
	mpctypes "github.com/themis-network/themis/x/mpc/types"
)

// poolKeyLostAndRecovered: the pool key is lost (fewer than threshold+1 members keep a
// share: their keystores' shares are wiped and the nodes restart with fresh preparams),
// so nothing can be signed and the reward batches queue up. Governance retires the key
// (MsgReplacePoolKey, with min_parties lowered to the sequencers left after the ban):
// the work in flight is voided and a keygen of the next generation makes a new key at a
// new address, approved as the recovery pool. The contract's owner proposes it on L1
// and funds it; the contract refuses the new pool's completion until the 30-day delay
// has passed (L1's clock is moved on), then the new pool completes the recovery itself
// and every action queued meanwhile lands, each once, from the new address.
func poolKeyLostAndRecovered(t *testing.T, ln *Localnet, client *ethclient.Client, proposal int) {
	var pk poolKeyView
	require.NoError(t, GetJSON(ln.Nodes[0].REST+"/themis/mpc/v1/pool_key", &pk))
	old := pk.PoolKey
	members := committeeIDs(t, pk)
	// Active members first: a banned member's node still holds its share but the chain
	// no longer lists its reports.
	active := activeSequencerIDs(t, ln)
	slices.SortStableFunc(members, func(a, b uint64) int {
		return boolRank(!slices.Contains(active, a)) - boolRank(!slices.Contains(active, b))
	})
	lose := len(members) - old.Committee.Threshold // threshold of them keep a share: one short of signing
	wiped := members[:lose]
	for i, id := range wiped {
		wipeShare(t, ln, ln.NodeOfSequencer(id), 8+i)
	}
	ln.WaitFor("the chain seeing the wiped members' shares lost", 2*time.Minute, func() bool {
		return reportedShareLost(ln, wiped)
	})
	ln.WaitFor("an L1 action queued that nobody can sign", 2*time.Minute, func() bool {
		return len(queuedActions(ln)) > 0
	})
	t.Logf("6. pool key generation %s lost: %d of %d members wiped, %d keep a share (threshold %d)",
		old.Generation, lose, len(members), old.Committee.Threshold, old.Committee.Threshold)

	params := mpcParams(t, ln)
	params.MinParties = uint32(len(active))
	gen, err := strconv.ParseUint(old.Generation, 10, 64)
	require.NoError(t, err)
	retired := time.Now()
	result := ln.PassProposal(proposal, "Replace the lost pool key",
		&mpctypes.MsgUpdateParams{Authority: GovAuthority(), Params: params},
		&mpctypes.MsgReplacePoolKey{Authority: GovAuthority(), Generation: gen, Reason: "the shares of " + strconv.Itoa(lose) + " members were lost with their disks"})
	require.Equal(t, "PROPOSAL_STATUS_PASSED", result.Status)
	pending := queuedActions(ln)
	var rk struct {
		RetiredKeys []struct {
			PoolKey struct {
				Address string `json:"address"`
			} `json:"pool_key"`
			RetiredHeight string `json:"retired_height"`
		} `json:"retired_keys"`
	}
	require.NoError(t, GetJSON(ln.Nodes[0].REST+"/themis/mpc/v1/retired_keys", &rk))
	require.Len(t, rk.RetiredKeys, 1)
	require.Equal(t, old.Address, rk.RetiredKeys[0].PoolKey.Address)

	next := waitPoolKey(ln, strconv.FormatUint(gen+1, 10), 4*time.Minute)
	fresh := common.HexToAddress(next.PoolKey.Address)
	require.NotEqual(t, strings.ToLower(old.Address), strings.ToLower(next.PoolKey.Address), "a new key")
	t.Logf("6. key retired by governance; new key generation %s confirmed %s later at %s (%d members)",
		next.PoolKey.Generation, time.Since(retired).Round(time.Second), fresh.Hex(), len(next.PoolKey.Committee.Members))
	var admin struct {
		Admin struct {
			RecoveryPool string `json:"recovery_pool"`
		} `json:"admin"`
	}
	require.NoError(t, GetJSON(ln.Nodes[0].REST+"/themis/sequencer/v1/l1_admin", &admin))
	require.Equal(t, next.PoolKey.Address, admin.Admin.RecoveryPool, "the new address is the approved recovery pool")

	// The owner proposes it on L1 and funds it; the contract refuses the completion
	// until the delay has passed.
	require.NoError(t, ln.L1.Do("/propose-recovery", url.Values{"address": {fresh.Hex()}}))
	require.NoError(t, ln.L1.Do("/fund", url.Values{"address": {fresh.Hex()}, "eth": {"1000000000000000000"}}))
	ln.WaitFor("the new pool's completion refused by the contract's delay", 3*time.Minute, func() bool {
		return slices.ContainsFunc(recoveryPoolTxs(ln), func(tx poolTxView) bool { return tx.Status == "POOL_TX_STATUS_REFUSED" })
	})
	require.NotEqual(t, fresh, stakingPool(client, ln.L1.Staking), "no handover before the delay")
	require.NoError(t, ln.L1.Do("/time", url.Values{"advance": {"721h"}}))
	delayOver := time.Now()
	ln.WaitFor("the new pool completing the recovery on L1", 3*time.Minute, func() bool {
		return stakingPool(client, ln.L1.Staking) == fresh
	})
	waitMirroredPool(ln, fresh)
	t.Logf("6. recovery completed on L1 by the new pool %s after the delay", time.Since(delayOver).Round(time.Second))

	// Everything queued while the key was lost lands once, from the new address.
	from, err := client.BlockNumber(context.Background())
	require.NoError(t, err)
	for _, id := range pending {
		ln.waitActionConfirmed(id, fmt.Sprintf("action %d, queued while the key was lost, confirmed", id), 4*time.Minute)
	}
	requireSentBy(t, ln, client, from, fresh)
	t.Logf("6. the %d action(s) queued while the key was lost confirmed on L1, sent by the new pool", len(pending))
}

// committeeIDs are the sequencer ids of the key's committee.
func committeeIDs(t *testing.T, pk poolKeyView) []uint64 {
	var ids []uint64
	for _, raw := range pk.PoolKey.Committee.Members {
		var m struct {
			ID uint64 `json:"sequencer_id,string"`
		}
		require.NoError(t, json.Unmarshal(raw, &m))
		ids = append(ids, m.ID)
	}
	return ids
}

// wipeShare plays the loss of one node's share: the node stops, its keystore's shares
// are removed, one unused fixture preparams set is imported (what `themisd tss init`
// would make on a real node) and it starts again. One node at a time: the others keep
// consensus going.
func wipeShare(t *testing.T, ln *Localnet, n *Node, fixture int) {
	ln.StopNode(n)
	require.NoError(t, os.RemoveAll(filepath.Join(n.Home, "tss", "shares")))
	dir := t.TempDir()
	src := filepath.Join("..", "tssfixtures", "preparams", fmt.Sprintf("party-%02d.json", fixture))
	bz, err := os.ReadFile(src)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, filepath.Base(src)), bz, 0o600))
	ln.Run("tss", "import-preparams", dir, "--home", n.Home)
	ln.StartNode(n)
	height := ln.Nodes[0].MustHeight(t)
	ln.WaitFor(fmt.Sprintf("node %d back at height %d", n.Index, height), time.Minute, func() bool { return n.Height() >= height })
}

// reportedShareLost: each of the sequencers ids reports no share (generation 0).
func reportedShareLost(ln *Localnet, ids []uint64) bool {
	var r struct {
		Sequencers []struct {
			ID         uint64 `json:"sequencer_id,string"`
			LastReport struct {
				ShareGeneration string `json:"share_generation"`
			} `json:"last_report"`
		} `json:"sequencers"`
	}
	if GetJSON(ln.Nodes[0].REST+"/themis/mpc/v1/readiness", &r) != nil {
		return false
	}
	lost := 0
	for _, s := range r.Sequencers {
		if slices.Contains(ids, s.ID) && (s.LastReport.ShareGeneration == "" || s.LastReport.ShareGeneration == "0") {
			lost++
		}
	}
	return lost == len(ids)
}

func boolRank(b bool) int {
	if b {
		return 1
	}
	return 0
}

// queuedActions are the ids of x/slashing's L1 actions still QUEUED.
func queuedActions(ln *Localnet) []uint64 {
	actions, err := SlashingL1Actions(ln.Nodes[0])
	if err != nil {
		return nil
	}
	var ids []uint64
	for _, a := range actions {
		if a.Status == "L1_ACTION_STATUS_QUEUED" {
			ids = append(ids, a.ID)
		}
	}
	return ids
}

// mpcParams are x/mpc's parameters as the chain has them.
func mpcParams(t *testing.T, ln *Localnet) mpctypes.Params {
	out := ln.Run("query", "mpc", "params", "--home", ln.Nodes[0].Home, "-o", "json")
	var res mpctypes.QueryParamsResponse
	require.NoError(t, app.MakeEncodingConfig().Codec.UnmarshalJSON([]byte(out), &res), out)
	return res.Params
}

// activeSequencerIDs are the ids of the ACTIVE sequencers.
func activeSequencerIDs(t *testing.T, ln *Localnet) []uint64 {
	var r struct {
		Sequencers []struct {
			ID     uint64 `json:"id,string"`
			Status string `json:"status"`
		} `json:"sequencers"`
	}
	require.NoError(t, GetJSON(ln.Nodes[0].REST+"/themis/sequencer/v1/sequencers", &r))
	var ids []uint64
	for _, s := range r.Sequencers {
		if s.Status == "SEQUENCER_STATUS_ACTIVE" {
			ids = append(ids, s.ID)
		}
	}
	return ids
}

// recoveryPoolTxs are the complete_pool_recovery pool transactions.
func recoveryPoolTxs(ln *Localnet) []poolTxView {
	var all poolTxsView
	if GetJSON(ln.Nodes[0].REST+"/themis/mpc/v1/pool_txs?pagination.limit=1000", &all) != nil {
		return nil
	}
	var out []poolTxView
	for _, tx := range all.PoolTxs {
		if tx.Purpose == "complete_pool_recovery" {
			out = append(out, tx)
		}
	}
	return out
}

// requireSentBy: every transaction behind the staking contract's pool-made logs from
// L1 block from on (slashes, escrow settlements, reward batches) was sent by pool.
func requireSentBy(t *testing.T, ln *Localnet, client *ethclient.Client, from uint64, pool common.Address) {
	chainID, err := client.ChainID(context.Background())
	require.NoError(t, err)
	signer := gethtypes.LatestSignerForChainID(chainID)
	abi := staking.NewThemisStaking()
	seen := 0
	for _, l := range stakingLogs(t, ln, client, from) {
		_, slash := abi.UnpackSlashedEvent(&l)
		_, refund := abi.UnpackEscrowRefundedEvent(&l)
		_, release := abi.UnpackEscrowReleasedEvent(&l)
		_, batch := abi.UnpackRewardBatchSubmittedEvent(&l)
		if slash != nil && refund != nil && release != nil && batch != nil {
			continue // not a pool call's event
		}
		tx, _, err := client.TransactionByHash(context.Background(), l.TxHash)
		require.NoError(t, err)
		sender, err := gethtypes.Sender(signer, tx)
		require.NoError(t, err)
		require.Equal(t, pool, sender, "the pool's event in tx %s", l.TxHash.Hex())
		seen++
	}
	require.Positive(t, seen, "the new pool acted on L1")
}
