//go:build e2e

package bridge_test

import (
	"context"
	"encoding/json"
	"io"
	"math/big"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/app"
	"github.com/themis-network/themis/bridge/l1"
	"github.com/themis-network/themis/contracts"
	"github.com/themis-network/themis/networks/devl1"
	"github.com/themis-network/themis/testutil/e2e"
	seqtypes "github.com/themis-network/themis/x/sequencer/types"
)

func tokensE2E(n int64) *big.Int { return new(big.Int).Mul(big.NewInt(n), devl1.Ether) }

type bridgeProc struct {
	cmd    *exec.Cmd
	health string
	log    string
}

func startBridgeProc(t *testing.T, ln *e2e.Localnet, args ...string) *bridgeProc {
	t.Helper()
	n := ln.Nodes[0]
	logPath := filepath.Join(n.Home, "bridge.log")
	f, err := os.OpenFile(logPath, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	require.NoError(t, err)
	t.Cleanup(func() { f.Close() })
	healthAddr := "127.0.0.1:18680"
	cmd := exec.Command(ln.Binary, append([]string{"bridge", "start", "--home", n.Home, "--health-addr", healthAddr, "--poll-interval", "200ms"}, args...)...)
	cmd.Stdout, cmd.Stderr = f, f
	require.NoError(t, cmd.Start())
	p := &bridgeProc{cmd: cmd, health: "http://" + healthAddr, log: logPath}
	t.Cleanup(func() {
		if p.cmd.ProcessState == nil {
			_ = p.cmd.Process.Kill()
			_ = p.cmd.Wait()
		}
		if t.Failed() {
			bz, _ := os.ReadFile(logPath)
			if len(bz) > 6000 {
				bz = bz[len(bz)-6000:]
			}
			t.Logf("--- bridge log tail ---\n%s", bz)
		}
	})
	return p
}

func (p *bridgeProc) metric(t *testing.T, name string) float64 {
	resp, err := http.Get(p.health + "/metrics")
	if err != nil {
		return -1
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	for _, line := range strings.Split(string(body), "\n") {
		if strings.HasPrefix(line, name+" ") {
			v, _ := strconv.ParseFloat(strings.TrimPrefix(line, name+" "), 64)
			return v
		}
	}
	return -1
}

type pendingEvents struct {
	Events []struct {
		MsgType string `json:"msg_type"`
	} `json:"events"`
}

func pendingCount(t *testing.T, ln *e2e.Localnet) int {
	var res pendingEvents
	if err := e2e.GetJSON(ln.Nodes[0].REST+"/themis/sequencer/v1/pending_events", &res); err != nil {
		return -1
	}
	return len(res.Events)
}

// The real `themisd bridge start` process between a development L1 with the staking
// contract and a one-validator chain: it relays a relock of the genesis sequencer
// (queued on chain, fee-free), drops the L1 lock of the id genesis already has
// (superseded), survives kill -9 mid-stream, and reports healthy.
//
//	go build -o build/themisd ./cmd/themisd && THEMISD_BINARY=build/themisd go test -tags e2e -run TestBridgeProcess -v ./bridge/
func TestBridgeProcess(t *testing.T) {
	ctx := context.Background()
	key, err := crypto.GenerateKey()
	require.NoError(t, err)
	owner := crypto.PubkeyToAddress(key.PublicKey)
	node, err := devl1.Start(ctx, devl1.Config{RPCAddr: "127.0.0.1:0", BlockTime: 300 * time.Millisecond, Accounts: []common.Address{owner}, Tokens: tokensE2E(1_000_000),
		Contracts: contracts.DeployConfig{MinLock: tokensE2E(20_000), MaxLock: tokensE2E(100_000), ExitDelay: contracts.MinExitDelaySeconds, Whitelist: []common.Address{owner}}})
	require.NoError(t, err)
	t.Cleanup(func() { _ = node.Close() })
	o, err := l1.NewOwner(ctx, node.Client(), key, node.Deployment().Staking)
	require.NoError(t, err)

	// The chain starts from the contract's configuration, as a chain generated from a
	// deployed contract does: the configuration events up to it are superseded.
	config, err := l1.NewStakingReader(node.Client(), node.Deployment().Staking).Config(ctx, nil)
	require.NoError(t, err)
	ln := e2e.StartLocalnet(t, e2e.Options{Validators: 1, VotingPeriod: 20 * time.Second, PortOffset: 4000,
		PatchAppState: func(_ *e2e.Localnet, appState map[string]json.RawMessage) {
			cdc := app.MakeEncodingConfig().Codec
			var gs seqtypes.GenesisState
			require.NoError(t, cdc.UnmarshalJSON(appState[seqtypes.ModuleName], &gs))
			gs.L1Config = config
			bz, err := cdc.MarshalJSON(&gs)
			require.NoError(t, err)
			appState[seqtypes.ModuleName] = bz
		}})
	ln.WaitHeight(2, 60*time.Second)

	args := []string{"--l1-rpc", node.RPCURL(), "--staking-contract", node.Deployment().Staking.Hex(),
		"--start-block", strconv.FormatUint(node.Deployment().StakingBlock, 10), "--confirmations", "2"}
	p := startBridgeProc(t, ln, args...)
	e2e.WaitFor(t, 30*time.Second, "bridge healthy", func() bool {
		resp, err := http.Get(p.health + "/healthz")
		if err != nil {
			return false
		}
		defer resp.Body.Close()
		return resp.StatusCode == http.StatusOK
	})

	signer, err := crypto.GenerateKey()
	require.NoError(t, err)
	_, err = o.Lock(ctx, signer, tokensE2E(30_000), owner)
	require.NoError(t, err)
	e2e.WaitFor(t, 30*time.Second, "the lock of an id genesis has, and the configuration changes genesis has, are dropped as superseded", func() bool {
		return p.metric(t, `themis_bridge_relays_total{result="superseded"}`) == float64(1+config.ConfigNonce)
	})
	_, err = o.Relock(ctx, 1, tokensE2E(1_000))
	require.NoError(t, err)
	e2e.WaitFor(t, 30*time.Second, "the relock is queued on chain", func() bool { return pendingCount(t, ln) == 1 })
	e2e.WaitFor(t, 30*time.Second, "the relay counted", func() bool {
		return p.metric(t, `themis_bridge_relays_total{result="ok"}`) == 1 && p.metric(t, "themis_bridge_last_relay_timestamp_seconds") > 0
	})

	// kill -9, more events while it is down, restart: nothing missed.
	require.NoError(t, p.cmd.Process.Signal(syscall.SIGKILL))
	_ = p.cmd.Wait()
	for i := 0; i < 2; i++ {
		_, err = o.Relock(ctx, 1, tokensE2E(1_000))
		require.NoError(t, err)
	}
	p = startBridgeProc(t, ln, args...)
	e2e.WaitFor(t, 60*time.Second, "all three relocks queued", func() bool { return pendingCount(t, ln) == 3 })
	e2e.WaitFor(t, 30*time.Second, "healthy after restart", func() bool {
		resp, err := http.Get(p.health + "/healthz")
		if err != nil {
			return false
		}
		defer resp.Body.Close()
		var r map[string]any
		_ = json.NewDecoder(resp.Body).Decode(&r)
		return resp.StatusCode == http.StatusOK
	})

	// SIGTERM: a clean stop.
	require.NoError(t, p.cmd.Process.Signal(syscall.SIGTERM))
	require.NoError(t, p.cmd.Wait())
	bz, _ := os.ReadFile(p.log)
	require.Contains(t, string(bz), "bridge stopped")
}
