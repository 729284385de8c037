package bridge

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/bridge/health"
	"github.com/themis-network/themis/bridge/l2/l2test"
	seqtypes "github.com/themis-network/themis/x/sequencer/types"
)

// startBridgeL2 runs the bridge against fakes, with cfg changed by tweak.
func startBridgeL2(t *testing.T, tweak func(*Config)) (healthAddr string) {
	t.Helper()
	cfg := DefaultConfig(t.TempDir())
	cfg.DataDir = t.TempDir()
	cfg.L1RPC = "http://l1"
	cfg.StakingContract = contract.Hex()
	cfg.Confirmations, cfg.ConfirmationsSet = 2, true
	tweak(&cfg)
	chain := newFakeChain()
	stop, addr := startBridge(t, cfg, seqtypes.Params{L1ChainId: 1337}, Deps{
		L1: &fakeL1{}, Decode: decode, Topics: []common.Hash{topic}, NotStakingEvent: errOther, Chain: chain, Relayer: chain,
	})
	t.Cleanup(func() { require.NoError(t, stop()) })
	return addr
}

func l2Healthz(t *testing.T, addr string) (int, health.Report, string) {
	t.Helper()
	resp, err := http.Get("http://" + addr + "/healthz")
	require.NoError(t, err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	var r health.Report
	require.NoError(t, json.Unmarshal(body, &r), string(body))
	return resp.StatusCode, r, string(body)
}

func l2Metrics(t *testing.T, addr string) string {
	t.Helper()
	resp, err := http.Get("http://" + addr + "/metrics")
	require.NoError(t, err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return string(body)
}

// Without --l2-rpc the bridge is healthy on L1 and chain alone, and neither /healthz
// nor /metrics mention the L2.
func TestHealthWithoutL2(t *testing.T) {
	addr := startBridgeL2(t, func(*Config) {})
	require.Eventually(t, func() bool { code, _, _ := l2Healthz(t, addr); return code == http.StatusOK }, 10*time.Second, 10*time.Millisecond)
	_, r, body := l2Healthz(t, addr)
	require.Nil(t, r.L2Head)
	require.NotContains(t, body, "l2_")
	require.NotContains(t, l2Metrics(t, addr), "themis_bridge_l2_")
}

// With --l2-rpc: the head and its age are reported; a head that stops moving is a
// stalled L2, an L2 node that stops answering is unreachable, and both recover.
func TestHealthWithL2(t *testing.T) {
	l2 := l2test.New(t, 0xe9fe, 5)
	addr := startBridgeL2(t, func(c *Config) {
		c.L2RPC = l2.URL()
		c.L2ChainID = 0xe9fe
		c.L2MaxSilence = 400 * time.Millisecond
		c.L2StallAfter = 400 * time.Millisecond
	})

	// Keep the L2 producing while the bridge must be healthy.
	producing := make(chan struct{})
	var wg sync.WaitGroup
	produce := func() {
		producing = make(chan struct{})
		wg.Add(1)
		go func(stop chan struct{}) {
			defer wg.Done()
			tk := time.NewTicker(40 * time.Millisecond)
			defer tk.Stop()
			for {
				select {
				case <-stop:
					return
				case <-tk.C:
					l2.Advance()
				}
			}
		}(producing)
	}
	halt := func() { close(producing); wg.Wait() }

	produce()
	require.Eventually(t, func() bool {
		code, r, _ := l2Healthz(t, addr)
		return code == http.StatusOK && r.L2Head != nil && *r.L2Head > 5
	}, 10*time.Second, 10*time.Millisecond)
	_, r, _ := l2Healthz(t, addr)
	require.NotEmpty(t, r.L2HeadHash)
	require.NotNil(t, r.L2HeadAgeSeconds)
	require.Less(t, *r.L2HeadAgeSeconds, 0.4)
	require.NotEmpty(t, r.L2LastSuccess)

	// Stalled: the node answers, the head does not move.
	halt()
	require.Eventually(t, func() bool {
		code, r, _ := l2Healthz(t, addr)
		return code == http.StatusServiceUnavailable && len(r.Reasons) == 1 && strings.HasPrefix(r.Reasons[0], "l2 stalled: no head above ")
	}, 10*time.Second, 10*time.Millisecond)
	_, r, _ = l2Healthz(t, addr)
	require.GreaterOrEqual(t, *r.L2HeadAgeSeconds, 0.4)
	m := l2Metrics(t, addr)
	require.Contains(t, m, fmt.Sprintf("themis_bridge_l2_head %d\n", *r.L2Head))
	require.Contains(t, m, "themis_bridge_l2_head_age_seconds ")
	require.Contains(t, m, "themis_bridge_l2_poll_errors_total 0\n")

	produce()
	require.Eventually(t, func() bool { code, _, _ := l2Healthz(t, addr); return code == http.StatusOK }, 10*time.Second, 10*time.Millisecond)

	// Unreachable: a distinct reason, with the node's answer; the head is kept.
	l2.SetDown(true)
	require.Eventually(t, func() bool {
		code, r, _ := l2Healthz(t, addr)
		return code == http.StatusServiceUnavailable && len(r.Reasons) == 1 &&
			strings.HasPrefix(r.Reasons[0], "l2 unreachable: no successful poll for") && strings.Contains(r.Reasons[0], "HTTP 503")
	}, 10*time.Second, 10*time.Millisecond)
	_, r, _ = l2Healthz(t, addr)
	require.NotNil(t, r.L2Head)
	require.NotContains(t, l2Metrics(t, addr), "themis_bridge_l2_poll_errors_total 0\n")

	l2.SetDown(false)
	require.Eventually(t, func() bool { code, _, _ := l2Healthz(t, addr); return code == http.StatusOK }, 10*time.Second, 10*time.Millisecond)
	halt()
}

// A wrong L2 chain is refused and named in the report.
func TestHealthWrongL2Chain(t *testing.T) {
	l2 := l2test.New(t, 0xe9fe, 1)
	addr := startBridgeL2(t, func(c *Config) { c.L2RPC, c.L2ChainID = l2.URL(), 7 })
	require.Eventually(t, func() bool {
		_, r, _ := l2Healthz(t, addr)
		return len(r.Reasons) > 0 && strings.Contains(strings.Join(r.Reasons, "|"), "l2 not reached yet: L2 node serves another chain")
	}, 10*time.Second, 10*time.Millisecond)
	_, r, body := l2Healthz(t, addr)
	require.Nil(t, r.L2Head, body)
	require.Contains(t, body, "reports chain id 59902, this watcher expects 7")
}

func TestValidateL2(t *testing.T) {
	c := DefaultConfig("/home/x")
	c.L1RPC = "http://127.0.0.1:8545"
	require.Equal(t, health.DefaultL2MaxSilence, c.L2MaxSilence)
	require.Equal(t, health.DefaultL2StallAfter, c.L2StallAfter)
	c.L2RPC = "https://l2.example:8545"
	require.NoError(t, c.Validate())

	c.L2RPC = "ws://user:secret@l2:8546"
	c.L2MaxSilence = 0
	c.L2StallAfter = -time.Second
	err := c.Validate()
	for _, want := range []string{"--l2-rpc must be an http or https URL", "--l2-max-silence must be positive", "--l2-stall-after must be positive"} {
		require.ErrorContains(t, err, want)
	}
	require.NotContains(t, err.Error(), "secret")

	c = DefaultConfig("/home/x")
	c.L1RPC = "http://127.0.0.1:8545"
	c.L2ChainID = 5
	require.ErrorContains(t, c.Validate(), "--l2-chain-id needs --l2-rpc")
}
