//go:build e2e

package e2e

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// joinByStateSync starts joiner n as a new full node that restores the newest snapshot
// the validators offer (every interval blocks) instead of replaying the
// chain, the way the README's operator guide tells a new operator to: trust a recent
// block of two RPC servers, then start. It checks that n begins at the snapshot, not
// at genesis, follows the head and computes the validators' app hash.
func joinByStateSync(t *testing.T, ln *Localnet, n *Node, interval int64) {
	src := ln.Nodes[0]
	ln.WaitHeight(2*interval+10, 5*time.Minute) // two snapshots taken
	trustHeight := src.Height() - 5
	var block struct {
		Result struct {
			BlockID struct {
				Hash string `json:"hash"`
			} `json:"block_id"`
		} `json:"result"`
	}
	require.NoError(t, GetJSON(fmt.Sprintf("%s/block?height=%d", src.RPC, trustHeight), &block))
	require.NotEmpty(t, block.Result.BlockID.Hash)
	servers := strings.TrimPrefix(ln.Nodes[0].RPC, "http://") + "," + strings.TrimPrefix(ln.Nodes[1].RPC, "http://")
	for key, value := range map[string]string{
		"enable":       "true",
		"rpc_servers":  strconv.Quote(servers),
		"trust_height": strconv.FormatInt(trustHeight, 10),
		"trust_hash":   strconv.Quote(block.Result.BlockID.Hash),
		"trust_period": strconv.Quote("112h0m0s"), // 2/3 of the shortest exit delay, as the README says
	} {
		ln.patchNodeToml(n.Index, "config.toml", "statesync", key, value)
	}
	start := time.Now()
	ln.StartNode(n)
	ln.WaitFor("the joiner to catch up by state sync", 3*time.Minute, func() bool {
		var st struct {
			Result struct {
				SyncInfo struct {
					Earliest   string `json:"earliest_block_height"`
					Latest     string `json:"latest_block_height"`
					CatchingUp bool   `json:"catching_up"`
				} `json:"sync_info"`
			} `json:"result"`
		}
		if GetJSON(n.RPC+"/status", &st) != nil {
			return false
		}
		latest, _ := strconv.ParseInt(st.Result.SyncInfo.Latest, 10, 64)
		return !st.Result.SyncInfo.CatchingUp && latest >= src.Height()-2
	})
	joined := time.Since(start)
	var st struct {
		Result struct {
			SyncInfo struct {
				Earliest string `json:"earliest_block_height"`
			} `json:"sync_info"`
		} `json:"result"`
	}
	require.NoError(t, GetJSON(n.RPC+"/status", &st))
	earliest, err := strconv.ParseInt(st.Result.SyncInfo.Earliest, 10, 64)
	require.NoError(t, err)
	require.GreaterOrEqual(t, earliest, interval, "the joiner restored a snapshot; it did not replay from genesis")
	// It keeps following, with the validators' state.
	h := src.Height() + 3
	ln.WaitHeight(h, time.Minute)
	ln.WaitFor("the joiner at the head", time.Minute, func() bool { return n.Height() >= h })
	require.Equal(t, appHashAt(t, src, h), appHashAt(t, n, h), "the joiner's app hash at height %d", h)
	t.Logf("state sync: joined %s after start, from the snapshot at height %d (trust height %d)", joined.Round(time.Second), earliest-1, trustHeight)
}

// appHashAt is the app hash in node n's header at height h+1 (the state after h).
func appHashAt(t *testing.T, n *Node, h int64) string {
	var b struct {
		Result struct {
			Block struct {
				Header struct {
					AppHash string `json:"app_hash"`
				} `json:"header"`
			} `json:"block"`
		} `json:"result"`
	}
	for i := 0; i < 30; i++ {
		if GetJSON(fmt.Sprintf("%s/block?height=%d", n.RPC, h+1), &b) == nil && b.Result.Block.Header.AppHash != "" {
			return b.Result.Block.Header.AppHash
		}
		time.Sleep(time.Second)
	}
	t.Fatalf("node%d has no block %d", n.Index, h+1)
	return ""
}
