//go:build e2e

package e2e

import (
	"context"
	"encoding/base64"
	"math/big"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/contracts/bindings/batchinbox"
	"github.com/themis-network/themis/contracts/bindings/staking"
)

// acceptedBatchesView is /themis/mpc/v1/batches, the part the test reads.
type acceptedBatchesView struct {
	Batches []struct {
		Index   string `json:"index"`
		L2Start string `json:"l2_start"`
		L2End   string `json:"l2_end"`
		TxHash  string `json:"tx_hash"`
		PoolTx  string `json:"pool_tx"`
	} `json:"batches"`
}

// poolTxView is a pool transaction of /themis/mpc/v1/pool_txs, the part the test reads.
type poolTxView struct {
	ID      string `json:"id"`
	Purpose string `json:"purpose"`
	Nonce   string `json:"nonce"`
	Status  string `json:"status"`
	Landed  int    `json:"landed"`
	L1Block string `json:"l1_block"`
	// CreatedHeight tells the pool address that sent it: the retired keys' heights
	// split the transactions into eras, each of one address (requireNoncesLandOnce).
	CreatedHeight int64 `json:"created_height,string"`
	Versions      []struct {
		TxHash string `json:"tx_hash"`
	} `json:"versions"`
}

type poolTxsView struct {
	PoolTxs []poolTxView `json:"pool_txs"`
}

// waitReplaced waits for a pool transaction not in seen with a second version (a
// replacement opened: signing or signed), in status (any if empty), and returns its id.
func waitReplaced(t *testing.T, ln *Localnet, seen []string, status string, within time.Duration) string {
	var found string
	ln.WaitFor("a replaced pool transaction "+status, within, func() bool {
		var all poolTxsView
		if GetJSON(ln.Nodes[0].REST+"/themis/mpc/v1/pool_txs?pagination.limit=1000", &all) != nil {
			return false
		}
		for _, tx := range all.PoolTxs {
			if len(tx.Versions) > 1 && !slices.Contains(seen, tx.ID) && (status == "" || tx.Status == "POOL_TX_STATUS_"+status) {
				t.Logf("pool tx %s (nonce %s, %s): %d versions, version %d landed", tx.ID, tx.Nonce, tx.Status, len(tx.Versions), tx.Landed)
				found = tx.ID
				return true
			}
		}
		return false
	})
	return found
}

// replacedPoolTxs lists the pool transactions with more than one version.
func replacedPoolTxs(t *testing.T, ln *Localnet) []string {
	var all poolTxsView
	require.NoError(t, GetJSON(ln.Nodes[0].REST+"/themis/mpc/v1/pool_txs?pagination.limit=1000", &all))
	var out []string
	for _, tx := range all.PoolTxs {
		if len(tx.Versions) > 1 {
			out = append(out, tx.ID)
		}
	}
	return out
}

func lower(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = strings.ToLower(s)
	}
	return out
}

// poolTx reads one pool transaction.
func poolTx(ln *Localnet, id string) (poolTxView, bool) {
	var one struct {
		PoolTx poolTxView `json:"pool_tx"`
	}
	if GetJSON(ln.Nodes[0].REST+"/themis/mpc/v1/pool_txs/"+id, &one) != nil {
		return poolTxView{}, false
	}
	return one.PoolTx, true
}

// requireNoncesLandOnce: one mined pool transaction (confirmed or reverted) per nonce,
// from 0 without a gap.
func requireNoncesLandOnce(t *testing.T, ln *Localnet) {
	var all poolTxsView
	require.NoError(t, GetJSON(ln.Nodes[0].REST+"/themis/mpc/v1/pool_txs?pagination.limit=1000", &all))
	var retired struct {
		RetiredKeys []struct {
			RetiredHeight int64 `json:"retired_height,string"`
		} `json:"retired_keys"`
	}
	require.NoError(t, GetJSON(ln.Nodes[0].REST+"/themis/mpc/v1/retired_keys", &retired))
	// era: how many keys were retired before the transaction was made; each era is one
	// pool address, with nonces of its own from 0.
	era := func(tx poolTxView) int {
		n := 0
		for _, r := range retired.RetiredKeys {
			if tx.CreatedHeight > r.RetiredHeight {
				n++
			}
		}
		return n
	}
	nonces := map[int]map[string]string{}
	for _, tx := range all.PoolTxs {
		if tx.Status != "POOL_TX_STATUS_CONFIRMED" && tx.Status != "POOL_TX_STATUS_REVERTED" {
			continue
		}
		e := era(tx)
		if nonces[e] == nil {
			nonces[e] = map[string]string{}
		}
		require.Empty(t, nonces[e][tx.Nonce], "nonce %s of key era %d mined for pool txs %s and %s", tx.Nonce, e, nonces[e][tx.Nonce], tx.ID)
		nonces[e][tx.Nonce] = tx.ID
	}
	for e, mined := range nonces {
		for i := range len(mined) {
			require.Contains(t, mined, strconv.Itoa(i), "nonce %d of key era %d never mined", i, e)
		}
	}
}

// TestLocalnetPoolBatches: four sequencers with TSS engines, a development L1 and the
// L2 simulators. The pool key is made at start; the bootstrap owner proposes the pool
// address on L1 and funds it; the pool accepts it with its own signature; then the
// chain proposes L2 batches from the agreed head, the validators vouch for each from
// their own L2 nodes, the pool signs the inbox call and the bridges send it: 20 batches
// reach the L1 batch inbox, each range exactly once and contiguous. With the L1 RPC
// down longer than stuck_blocks, the signed version never reaches L1: the chain signs
// a replacement (same nonce, fees bumped) and exactly one version lands when L1 is
// back. A standby node's sequencer then joins through an L1 lock: the chain reshares
// the key to the five (a node killed mid-resharing makes that attempt fail and a retry
// complete), same key and address, and the five sign; governance jails it: the chain
// reshares to the four without it, and they sign. A hostile peer then sends node 0
// forged, stranger's, out-of-session, replayed and equivocated messages (tss_hostile_test.go),
// and one validator's L2 node lies about the state roots (pool_lying_l2_test.go). Then
// one sequencer is killed and the rest keep signing batches.
func TestLocalnetPoolBatches(t *testing.T) {
	ln := StartLocalnet(t, Options{Validators: 4, VotingPeriod: 20 * time.Second, PortOffset: 90, L1: true, L2: true,
		TestnetArgs: []string{"--tss"}, Standby: 1, ExtraOwners: 1, UnlistedOwners: 1, PatchAppState: shortReshareTimeout})
	defer ln.Stop()
	pool, pk, client := startPoolOnL1(t, ln)

	first := time.Now()
	waitBatches(ln, 20, 8*time.Minute)
	t.Logf("20 batches accepted in %s", time.Since(first).Round(time.Second))
	checkInbox(t, client, ln, pool)
	logBatchTimings(t, batchTimings(t, ln))
	l2ClientAgrees(t, ln, pool)
	nodeServesModuleMetrics(t, ln, 4)

	// L1 unreachable for longer than stuck_blocks (15 blocks): the version signed
	// meanwhile never gets out; the chain replaces it, and the replacement lands once.
	before := replacedPoolTxs(t, ln)
	require.NoError(t, ln.L1.Do("/rpc", url.Values{"down": {"true"}}))
	time.Sleep(25 * time.Second)
	require.NoError(t, ln.L1.Do("/rpc", url.Values{"down": {"false"}}))
	waitReplaced(t, ln, before, "CONFIRMED", 3*time.Minute)
	requireNoncesLandOnce(t, ln)

	// Dropped from the L1 mempool: the node takes each send of the pool's transactions
	// (and every resend) and never mines them, while L1 and its readers run on. After
	// stuck_blocks the chain signs a replacement (same nonce, fees bumped); the mempool
	// recovers, and exactly one version lands: the replacement.
	before = replacedPoolTxs(t, ln)
	require.NoError(t, ln.L1.Do("/mempool", url.Values{"address": {pool.Hex()}, "for": {"5m"}}))
	dropped := waitReplaced(t, ln, before, "", 3*time.Minute)
	require.NoError(t, ln.L1.Do("/mempool", url.Values{"address": {pool.Hex()}, "for": {"0s"}}))
	ln.WaitFor("the dropped pool transaction's replacement confirmed", 3*time.Minute, func() bool {
		tx, ok := poolTx(ln, dropped)
		if !ok || tx.Status != "POOL_TX_STATUS_CONFIRMED" {
			return false
		}
		evicted, err := ln.L1.EvictedTxs()
		require.NoError(t, err)
		first, err := base64.StdEncoding.DecodeString(tx.Versions[0].TxHash) // bytes in the REST JSON
		require.NoError(t, err)
		require.Contains(t, lower(evicted), strings.ToLower(common.BytesToHash(first).Hex()), "pool tx %s: its first version was not the one dropped", dropped)
		require.GreaterOrEqual(t, tx.Landed, 1, "pool tx %s: the evicted first version landed", dropped)
		t.Logf("pool tx %s (nonce %s) dropped from the mempool: %d versions, version %d landed", tx.ID, tx.Nonce, len(tx.Versions), tx.Landed)
		return true
	})
	requireNoncesLandOnce(t, ln)
	n := countBatches(ln)
	waitBatches(ln, n+2, 3*time.Minute)
	checkInbox(t, client, ln, pool)

	// A 5th sequencer joins (a node killed mid-resharing on the way), then is jailed:
	// resharing each time, the same key and address, the new committee signing.
	whitelistByPool(t, ln, client, 1)
	joinAndReshare(t, ln, client, pool, pk)
	jailAndReshare(t, ln, client, pool, 2)

	// Forged, stranger's, out-of-session, replayed and equivocated messages between
	// processes: refused, and only the provable equivocation blamed.
	hostileMessages(t, ln)
	// One validator's L2 node lies: its batch commitments are outvoted, never signed.
	lyingL2(t, ln, client)

	// One sequencer killed: the other three keep signing (a session that named it
	// times out and is retried without it, and the chain reshares the key to the
	// three), and batches keep reaching the inbox.
	ln.StopNode(ln.Nodes[3])
	killed := time.Now()
	n = countBatches(ln)
	waitBatches(ln, n+3, 5*time.Minute)
	t.Logf("3 batches accepted %s after node 3 was killed", time.Since(killed).Round(time.Second))
	checkInbox(t, client, ln, pool)
}

// startPoolOnL1 waits for the pool key, bootstraps its address on L1 (bootstrapPool)
// and waits until the pool accepted it and the chain mirrors it.
func startPoolOnL1(t *testing.T, ln *Localnet) (common.Address, poolKeyView, *ethclient.Client) {
	start := time.Now()
	pk := waitPoolKey(ln, "1", 4*time.Minute)
	pool := common.HexToAddress(pk.PoolKey.Address)
	t.Logf("pool key confirmed %s after start: %s", time.Since(start).Round(time.Second), pool.Hex())

	bootstrapPool(t, ln, pool)
	client := ln.L1Client()
	ln.WaitFor("the pool's acceptPoolAddress on L1", 3*time.Minute, func() bool {
		return stakingPool(client, ln.L1.Staking) == pool
	})
	waitMirroredPool(ln, pool)
	t.Logf("pool address accepted on L1 %s after start", time.Since(start).Round(time.Second))
	return pool, pk, client
}

// waitMirroredPool waits until the chain mirrors pool as the staking contract's pool
// address (the relayed PoolAddressUpdated).
func waitMirroredPool(ln *Localnet, pool common.Address) {
	ln.WaitFor("the chain mirroring the pool address "+pool.Hex(), time.Minute, func() bool {
		var cfg struct {
			Config struct {
				PoolAddress string `json:"pool_address"`
			} `json:"config"`
		}
		return GetJSON(ln.Nodes[0].REST+"/themis/sequencer/v1/l1_config", &cfg) == nil && strings.EqualFold(cfg.Config.PoolAddress, pool.Hex())
	})
}

// bootstrapPool is what scripts/localnet.sh does once the key exists: the bootstrap
// owner proposes the pool address on L1 and funds it with gas (1 ETH).
func bootstrapPool(t *testing.T, ln *Localnet, pool common.Address) {
	require.NoError(t, ln.L1.Do("/propose-pool", url.Values{"address": {pool.Hex()}}))
	require.NoError(t, ln.L1.Do("/fund", url.Values{"address": {pool.Hex()}, "eth": {"1000000000000000000"}}))
}

func stakingPool(client *ethclient.Client, stakingAddr string) common.Address {
	abi := staking.NewThemisStaking()
	addr := common.HexToAddress(stakingAddr)
	out, err := client.CallContract(context.Background(), ethereum.CallMsg{To: &addr, Data: abi.PackPoolAddress()}, nil)
	if err != nil {
		return common.Address{}
	}
	a, err := abi.UnpackPoolAddress(out)
	if err != nil {
		return common.Address{}
	}
	return a
}

func countBatches(ln *Localnet) int {
	var b acceptedBatchesView
	if GetJSON(ln.Nodes[0].REST+"/themis/mpc/v1/batches?pagination.limit=1000", &b) != nil {
		return 0
	}
	return len(b.Batches)
}

func waitBatches(ln *Localnet, n int, timeout time.Duration) {
	ln.WaitFor(strconv.Itoa(n)+" batches accepted", timeout, func() bool { return countBatches(ln) >= n })
}

// checkInbox: the inbox holds the chain's accepted batches, each exactly once, from
// index 0 and L2 block 0 without a gap, every one submitted by the pool.
func checkInbox(t *testing.T, client *ethclient.Client, ln *Localnet, pool common.Address) {
	var view acceptedBatchesView
	require.NoError(t, GetJSON(ln.Nodes[0].REST+"/themis/mpc/v1/batches?pagination.limit=1000", &view))
	inbox := common.HexToAddress(ln.L1.BatchInbox)
	abi := batchinbox.NewBatchInbox()
	call := func(data []byte) []byte {
		out, err := client.CallContract(context.Background(), ethereum.CallMsg{To: &inbox, Data: data}, nil)
		require.NoError(t, err)
		return out
	}
	next, err := abi.UnpackNextBatchIndex(call(abi.PackNextBatchIndex()))
	require.NoError(t, err)
	require.GreaterOrEqual(t, next.Uint64(), uint64(len(view.Batches)), "the inbox has every batch the chain saw accepted")
	var expect uint64
	for i := uint64(0); i < next.Uint64(); i++ {
		b, err := abi.UnpackBatches(call(abi.PackBatches(new(big.Int).SetUint64(i))))
		require.NoError(t, err)
		require.Equal(t, expect, b.L2Start, "batch %d starts where batch %d ended", i, i-1)
		require.GreaterOrEqual(t, b.L2End, b.L2Start)
		require.Equal(t, pool, b.Submitter)
		if i < uint64(len(view.Batches)) {
			require.Equal(t, strconv.FormatUint(b.L2Start, 10), view.Batches[i].L2Start)
			require.Equal(t, strconv.FormatUint(b.L2End, 10), view.Batches[i].L2End)
		}
		expect = b.L2End + 1
	}
}
