//go:build e2e

package e2e

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// poolKeyView is the part of /themis/mpc/v1/pool_key the test reads.
type poolKeyView struct {
	PoolKey struct {
		PublicKey  string `json:"public_key"`
		Address    string `json:"address"`
		Generation string `json:"generation"`
		Session    string `json:"session"`
		Committee  struct {
			Members   []json.RawMessage `json:"members"`
			Threshold int               `json:"threshold"`
		} `json:"committee"`
	} `json:"pool_key"`
}

// shareGenerations is `themisd tss status -o json`, the part the test reads.
type shareGenerations struct {
	Shares []struct {
		KeyID      string `json:"key_id"`
		Current    uint64 `json:"current"`
		HasCurrent bool   `json:"has_current"`
	} `json:"shares"`
}

// TestLocalnetTSS: five nodes with an engine each make the pool key through the chain
// (x/mpc opens the keygen once all report ready; more than 2/3 report the same key),
// over the real transport, from the committed fixture preparams; every engine then
// holds the confirmed share, sealed in its keystore. A node restarted afterwards comes
// back with its share. A node that leaves is reshared out (generation 2, four parties)
// and back in when it returns (generation 3, five), the key and address unchanged.
func TestLocalnetTSS(t *testing.T) {
	ln := StartLocalnet(t, Options{Validators: 5, VotingPeriod: 20 * time.Second, PortOffset: 70, TestnetArgs: []string{"--tss"}})
	defer ln.Stop()

	start := time.Now()
	pk := waitPoolKey(ln, "1", 4*time.Minute)
	t.Logf("pool key %s (address %s) confirmed %s after start", pk.PoolKey.PublicKey, pk.PoolKey.Address, time.Since(start).Round(time.Second))
	require.Len(t, pk.PoolKey.Committee.Members, 5)
	require.Equal(t, 3, pk.PoolKey.Committee.Threshold)
	require.True(t, strings.HasPrefix(pk.PoolKey.Address, "0x"))

	// Every node's engine confirms its share once it sees the confirmed generation.
	for _, n := range ln.Nodes {
		n := n
		ln.WaitFor("node "+n.Home+" holding the confirmed share", time.Minute, func() bool {
			var st shareGenerations
			out, err := ln.TryRun("tss", "status", "--home", n.Home, "-o", "json")
			if err != nil || json.Unmarshal([]byte(out), &st) != nil {
				return false
			}
			for _, s := range st.Shares {
				if s.KeyID == "pool" && s.HasCurrent && s.Current == 1 {
					return true
				}
			}
			return false
		})
	}

	// A restarted node reads its sealed share back and reports it to the chain.
	ln.StopNode(ln.Nodes[3])
	ln.StartNode(ln.Nodes[3])
	waitAllReport(ln, "1")

	// Node 4 leaves: once its reports stop, the chain reshares to the other four.
	ln.StopNode(ln.Nodes[4])
	left := time.Now()
	pk2 := waitPoolKey(ln, "2", 4*time.Minute)
	t.Logf("resharing without node 4 confirmed %s after it stopped", time.Since(left).Round(time.Second))
	require.Len(t, pk2.PoolKey.Committee.Members, 4)
	require.Equal(t, pk.PoolKey.PublicKey, pk2.PoolKey.PublicKey, "a resharing keeps the key")
	require.Equal(t, pk.PoolKey.Address, pk2.PoolKey.Address)

	// It returns: reshared back in, same key again.
	ln.StartNode(ln.Nodes[4])
	back := time.Now()
	pk3 := waitPoolKey(ln, "3", 4*time.Minute)
	t.Logf("resharing with node 4 back confirmed %s after it restarted", time.Since(back).Round(time.Second))
	require.Len(t, pk3.PoolKey.Committee.Members, 5)
	require.Equal(t, pk.PoolKey.Address, pk3.PoolKey.Address)
}

// waitPoolKey waits until the chain confirmed generation gen of the pool key.
func waitPoolKey(ln *Localnet, gen string, timeout time.Duration) poolKeyView {
	var pk poolKeyView
	ln.WaitFor("pool key generation "+gen, timeout, func() bool {
		return GetJSON(ln.Nodes[0].REST+"/themis/mpc/v1/pool_key", &pk) == nil && pk.PoolKey.Generation == gen
	})
	return pk
}

// waitAllReport waits until every sequencer's engine reports ready, an endpoint, and
// the share of generation gen.
func waitAllReport(ln *Localnet, gen string) {
	ln.WaitFor("every engine reporting share generation "+gen, 2*time.Minute, func() bool {
		var r struct {
			Sequencers []struct {
				Ready      bool `json:"ready"`
				Member     bool `json:"member"`
				LastReport struct {
					ShareGeneration string `json:"share_generation"`
					Endpoint        string `json:"endpoint"`
					ReportedHeight  string `json:"reported_height"`
				} `json:"last_report"`
			} `json:"sequencers"`
		}
		if GetJSON(ln.Nodes[0].REST+"/themis/mpc/v1/readiness", &r) != nil || len(r.Sequencers) != len(ln.Nodes) {
			return false
		}
		for _, x := range r.Sequencers {
			if !x.Ready || !x.Member || x.LastReport.ShareGeneration != gen || x.LastReport.Endpoint == "" {
				return false
			}
		}
		return true
	})
}
