//go:build e2e

package e2e

import (
	"context"
	"fmt"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/themis-network/themis/networks/devl1"
)

// GethVersion is the geth the suite pins (scripts/install-geth.sh, `make geth`): another
// release may mine, price gas or answer JSON-RPC differently.
const GethVersion = "1.17.8"

// GethDev is a `geth --dev` process: a real Ethereum client mining a block every second
// on its own, with one prefunded account unlocked inside it. The suite runs it as the L1
// (DeployDevL1) and as the validators' L2 node (Options.L2RPC).
type GethDev struct {
	// Name says what the process stands for in the test's log ("L1", "L2").
	Name    string
	RPC     string
	t       *testing.T
	dir     string
	port    int
	client  *rpc.Client
	logFile string
	cmd     *exec.Cmd
	log     *os.File
}

func gethBinary(t *testing.T) string {
	bin := os.Getenv("GETH_BINARY")
	if bin == "" {
		t.Fatal("GETH_BINARY is not set: run through 'make test-e2e' (it installs geth v" + GethVersion + ")")
	}
	abs, err := filepath.Abs(bin)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}

// StartGethDev runs geth --dev with JSON-RPC on 127.0.0.1:port and its chain and log in
// dir; name labels it in the test's log ("L1", "L2"). The test's cleanup kills it (after
// a localnet started later is stopped).
func StartGethDev(t *testing.T, name, dir string, port int) *GethDev {
	t.Helper()
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	g := &GethDev{Name: name, RPC: fmt.Sprintf("http://127.0.0.1:%d", port), t: t, dir: dir, port: port,
		logFile: filepath.Join(dir, "geth.log")}
	t.Cleanup(func() {
		g.kill()
		if g.client != nil {
			g.client.Close()
		}
		if bz, err := os.ReadFile(g.logFile); err == nil && t.Failed() {
			t.Logf("--- geth (%s) log tail ---\n%s", name, bz[max(0, len(bz)-3000):])
		}
	})
	g.start()
	return g
}

// start runs the process on g's datadir and port and waits for its JSON-RPC.
func (g *GethDev) start() {
	t := g.t
	t.Helper()
	f, err := os.OpenFile(g.logFile, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600) // a restart appends
	if err != nil {
		t.Fatal(err)
	}
	// No IPC, peers or discovery: the test's processes are its only clients. --port 0
	// keeps geth's p2p listener off 30303, where another geth may run. --dev registers no
	// engine API, so nothing listens on the auth port (8551) either.
	cmd := exec.Command(gethBinary(t), "--dev", "--dev.period", "1",
		"--http", "--http.addr", "127.0.0.1", "--http.port", strconv.Itoa(g.port), "--http.api", "eth,net,web3",
		"--datadir", filepath.Join(g.dir, "data"), "--ipcdisable", "--nodiscover", "--port", "0")
	cmd.Stdout, cmd.Stderr = f, f
	// geth reads every GETH_<FLAG> variable as a flag: keep ours (GETH_BINARY) and any
	// of the developer's out of the node under test.
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "GETH_") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	if err := cmd.Start(); err != nil {
		_ = f.Close()
		t.Fatalf("start geth (%s): %v", g.Name, err)
	}
	g.cmd, g.log = cmd, f

	var version string
	WaitFor(t, 30*time.Second, "geth --dev JSON-RPC on "+g.RPC+" (see "+g.logFile+")", func() bool {
		if g.client == nil {
			if g.client, err = rpc.Dial(g.RPC); err != nil {
				return false
			}
		}
		return g.client.Call(&version, "web3_clientVersion") == nil
	})
	if !strings.HasPrefix(version, "Geth/v"+GethVersion+"-") {
		t.Fatalf("GETH_BINARY is %s, the suite pins geth v%s (make geth)", version, GethVersion)
	}
	t.Logf("%s: %s on %s", g.Name, version, g.RPC)
}

// Stop shuts geth down with SIGINT and waits for it (up to 30 s, then SIGKILL). The
// graceful shutdown matters: geth --dev keeps recent state in memory and writes it on
// shutdown; after a SIGKILL it restarts from the last state it had written (the head
// goes back, and the blocks it mines next replace the lost ones under other hashes).
func (g *GethDev) Stop() {
	g.t.Helper()
	if g.cmd == nil {
		return
	}
	_ = g.cmd.Process.Signal(os.Interrupt)
	done := make(chan error, 1)
	go func() { done <- g.cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		_ = g.cmd.Process.Kill()
		<-done
		g.t.Errorf("geth (%s) did not stop within 30 s of SIGINT; killed (see %s)", g.Name, g.logFile)
	}
	g.cmd = nil
	_ = g.log.Close()
}

// Restart stops geth if it runs and starts it again on the same datadir and port: the
// chain continues from the head it had.
func (g *GethDev) Restart() {
	g.t.Helper()
	g.Stop()
	g.start()
}

// kill ends the process at once (the test's cleanup).
func (g *GethDev) kill() {
	if g.cmd == nil {
		return
	}
	_ = g.cmd.Process.Kill()
	_ = g.cmd.Wait()
	g.cmd = nil
	_ = g.log.Close()
}

// Client is an ethclient on geth's JSON-RPC; it keeps working across Restart.
func (g *GethDev) Client() *ethclient.Client { return ethclient.NewClient(g.client) }

// DeployDevL1 deploys what the localnet's development L1 holds (devl1.OwnersConfig:
// development owners 0..owners-1 funded and whitelisted, exitDelay) from devl1's
// deployer key, which geth's dev account funds first.
func (g *GethDev) DeployDevL1(t *testing.T, owners int, exitDelay time.Duration) *DevL1 {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	client := g.Client()
	chainID, err := client.ChainID(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if chainID.Uint64() != devl1.ChainID {
		t.Fatalf("geth --dev has chain id %s, the localnet's L1 is %d", chainID, devl1.ChainID)
	}
	g.fund(ctx, t, client, crypto.PubkeyToAddress(devl1.DeployerKey().PublicKey), devl1.DeployerEther)
	d, err := devl1.DeployOn(ctx, client, devl1.OwnersConfig(owners, exitDelay))
	if err != nil {
		t.Fatalf("deploy on geth --dev: %v", err)
	}
	t.Logf("L1 contracts: staking %s (block %d), token %s", d.Staking.Hex(), d.StakingBlock, d.Token.Hex())
	return &DevL1{RPC: g.RPC, Staking: d.Staking.Hex(), Token: d.Token.Hex(), BatchInbox: d.BatchInbox.Hex(), StakingBlock: d.StakingBlock}
}

// fund sends wei from geth's dev account, which geth holds unlocked in dev mode (so
// eth_sendTransaction signs it), and waits for the transfer.
func (g *GethDev) fund(ctx context.Context, t *testing.T, client *ethclient.Client, to common.Address, wei *big.Int) {
	t.Helper()
	var accounts []common.Address
	if err := g.client.CallContext(ctx, &accounts, "eth_accounts"); err != nil || len(accounts) == 0 {
		t.Fatalf("geth --dev has no dev account (eth_accounts: %v, %v)", accounts, err)
	}
	var hash common.Hash
	if err := g.client.CallContext(ctx, &hash, "eth_sendTransaction", map[string]any{
		"from": accounts[0], "to": to, "value": (*hexutil.Big)(wei),
	}); err != nil {
		t.Fatalf("fund %s from the dev account: %v", to, err)
	}
	receipt, err := bind.WaitMined(ctx, client, hash)
	if err != nil || receipt.Status != types.ReceiptStatusSuccessful {
		t.Fatalf("fund %s from the dev account: %v (receipt %+v)", to, err, receipt)
	}
}
