//go:build e2e

// Package e2e runs real themisd processes on loopback and drives them through the CLI,
// REST and CometBFT RPC, as an operator would.
package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// Node is one running themisd.
type Node struct {
	Index   int
	Home    string
	RPC     string // http://127.0.0.1:port
	REST    string
	GRPC    string // 127.0.0.1:port
	Prom    string // the node's Prometheus endpoint (CometBFT's and the engine's metrics)
	cmd     *exec.Cmd
	logFile *os.File
	// HealthPort is the bridge's /healthz port (L1 localnets).
	HealthPort int
	bridge     *exec.Cmd
	bridgeLog  *os.File
	// L2 is the node's L2 JSON-RPC URL: its L2 simulator (L2 localnets), or the L2
	// node every validator shares (Options.L2RPC).
	L2    string
	l2    *exec.Cmd
	l2Log *os.File
}

// Localnet is an N-validator network of separate processes.
type Localnet struct {
	t      *testing.T
	Binary string
	Dir    string
	Nodes  []*Node
	// L1 is the development L1 (nil unless Options.L1).
	L1 *DevL1
	// bridgeL2Args are the L2 flags of every bridge (Options.L2RPC).
	bridgeL2Args []string
	// TSSProxies, with Options.TSSProxies, stand in front of each node's TSS transport.
	TSSProxies []*CutProxy
	// Standby are the Options.Standby nodes: running, following the chain, and not
	// sequencers until their signer is locked on L1 (no bridge, no L2 simulator).
	Standby []*Node
	// Joiners are the Options.Joiners homes, not started until a test starts them.
	Joiners []*Node
}

// Options tune the network.
type Options struct {
	Validators   int
	VotingPeriod time.Duration
	PortOffset   int
	// L1 runs a development L1, locks every validator through the real staking
	// contract, and starts one bridge per validator.
	L1 bool
	// ExitDelay is the contract's exit delay (L1 localnets); the chain mirrors it.
	ExitDelay time.Duration
	// ExtraOwners are funded, L1-whitelisted development owners beyond the validators.
	ExtraOwners int
	// UnlistedOwners are the last of the ExtraOwners left off the L1 whitelist: they
	// lock once themis governance whitelists them and the pool whitelists them on L1.
	UnlistedOwners int
	// ExternalL1, if set, is an L1 already running with the contracts deployed and the
	// development owners funded and whitelisted (geth --dev: StartGethDev). It replaces
	// the development L1 (L1 is implied); it has no admin endpoint.
	ExternalL1 *DevL1
	// L2 starts one L2 simulator per validator, each following its own node's schedule.
	L2 bool
	// L2RPC, if set, is an L2 node already running (geth --dev: StartGethDev) that every
	// validator follows: each node's app.toml [themis] l2-rpc points at it instead of its
	// own L2 simulator's address, and each bridge (L1 localnets) runs with --l2-rpc, so
	// its /healthz reports the L2 head. It excludes L2.
	L2RPC string
	// L2ChainID, with L2RPC, is the chain id every node and bridge requires of it
	// ([themis] l2-chain-id, --l2-chain-id); 0 accepts any.
	L2ChainID uint64
	// BridgeL2MaxSilence, with L2RPC, is the bridges' --l2-max-silence (0: the bridge's
	// default, health.DefaultL2MaxSilence).
	BridgeL2MaxSilence time.Duration
	// TSSProxies (with --tss in TestnetArgs) registers a CutProxy as each node's TSS
	// endpoint, so a test can cut a node's engine off (Localnet.TSSProxies).
	TSSProxies bool
	// TestnetArgs are extra `themisd testnet` flags (e.g. --stall-threshold 5s).
	TestnetArgs []string
	// Standby nodes (themisd testnet --standby) are started beside the validators
	// (Localnet.Standby): node<Validators>, ... A test makes one a sequencer by locking
	// its signer on L1 with development owner Validators+j (ExtraOwners, and the owner
	// whitelisted on chain).
	Standby int
	// Joiners are homes written like Standby's (node<Validators+Standby>, ...) but not
	// started (Localnet.Joiners): full nodes a test starts later, by state sync.
	Joiners int
	// PatchAppState, if set, rewrites the app state of the generated genesis (the same
	// way for every node) before any node starts. The development L1 already runs.
	PatchAppState func(ln *Localnet, appState map[string]json.RawMessage)
}

func binary(t *testing.T) string {
	bin := os.Getenv("THEMISD_BINARY")
	if bin == "" {
		t.Fatal("THEMISD_BINARY is not set: run through 'make test-e2e'")
	}
	abs, err := filepath.Abs(bin)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}

// StartLocalnet writes the config with `themisd testnet` and starts every node.
func StartLocalnet(t *testing.T, o Options) *Localnet {
	t.Helper()
	dir := t.TempDir()
	if keep := os.Getenv("E2E_KEEP_DIR"); keep != "" { // keep homes and logs for a post-mortem
		dir = filepath.Join(keep, t.Name())
		_ = os.RemoveAll(dir)
	}
	if o.L2 && o.L2RPC != "" {
		t.Fatal("Options: L2 (one simulator per node) and L2RPC (one shared L2 node) exclude each other")
	}
	ln := &Localnet{t: t, Binary: binary(t), Dir: filepath.Join(dir, "localnet")}
	t.Cleanup(ln.Stop)
	var l1Args []string
	o.L1 = o.L1 || o.ExternalL1 != nil
	if o.L1 {
		if o.ExitDelay == 0 {
			o.ExitDelay = 7 * 24 * time.Hour // the contract's minimum
		}
		if o.ExternalL1 != nil {
			ln.L1 = o.ExternalL1
		} else {
			ln.startDevL1(filepath.Join(dir, "l1"), o.Validators+o.ExtraOwners, o.UnlistedOwners, o.PortOffset, o.ExitDelay)
		}
		l1Args = []string{"--l1-rpc", ln.L1.RPC, "--staking-contract", ln.L1.Staking}
		if ln.L1.BatchInbox != "" {
			l1Args = append(l1Args, "--batch-inbox", ln.L1.BatchInbox)
		}
	}
	args := append([]string{"testnet", "--validators", strconv.Itoa(o.Validators), "--output-dir", ln.Dir,
		"--voting-period", o.VotingPeriod.String(), "--port-offset", strconv.Itoa(o.PortOffset)}, l1Args...)
	args = append(args, o.TestnetArgs...)
	if o.Standby+o.Joiners > 0 {
		args = append(args, "--standby", strconv.Itoa(o.Standby+o.Joiners))
	}
	out, err := ln.TryRun(args...)
	if err != nil {
		// The L1's side of a failed read is in its own log: show it with the error.
		t.Fatalf("themisd %s: %v\n%s%s", strings.Join(args, " "), err, out, ln.L1.logTail(40))
	}
	t.Log(out)
	if o.PatchAppState != nil {
		ln.patchGenesis(o.Validators+o.Standby+o.Joiners, o.PatchAppState) // one genesis for every node
	}
	if o.TSSProxies {
		ln.startTSSProxies(o.Validators)
	}
	if o.L2RPC != "" {
		ln.patchAppToml(o.Validators+o.Standby, "themis", "l2-rpc", strconv.Quote(o.L2RPC))
		ln.patchAppToml(o.Validators+o.Standby, "themis", "l2-chain-id", strconv.FormatUint(o.L2ChainID, 10))
		ln.bridgeL2Args = []string{"--l2-rpc", o.L2RPC, "--l2-chain-id", strconv.FormatUint(o.L2ChainID, 10)}
		if o.BridgeL2MaxSilence > 0 {
			ln.bridgeL2Args = append(ln.bridgeL2Args, "--l2-max-silence", o.BridgeL2MaxSilence.String())
		}
	}
	for i := 0; i < o.Validators; i++ {
		n := ln.node(i, o.PortOffset)
		n.HealthPort = 8680 + i + o.PortOffset
		n.L2 = fmt.Sprintf("http://127.0.0.1:%d", 8645+i*100+o.PortOffset)
		if o.L2RPC != "" {
			n.L2 = o.L2RPC
		}
		ln.Nodes = append(ln.Nodes, n)
		ln.StartNode(n)
		if o.L1 {
			ln.StartBridge(n)
		}
	}
	if o.L2 {
		for _, n := range ln.Nodes {
			ln.StartL2(n)
		}
	}
	for j := 0; j < o.Standby; j++ {
		n := ln.node(o.Validators+j, o.PortOffset)
		ln.Standby = append(ln.Standby, n)
		ln.StartNode(n)
	}
	for j := 0; j < o.Joiners; j++ {
		ln.Joiners = append(ln.Joiners, ln.node(o.Validators+o.Standby+j, o.PortOffset))
	}
	return ln
}

// node is node i's home and endpoints (themisd testnet's port layout), not started.
func (ln *Localnet) node(i, portOffset int) *Node {
	base := i*100 + portOffset
	return &Node{
		Index: i,
		Home:  filepath.Join(ln.Dir, fmt.Sprintf("node%d", i)),
		RPC:   fmt.Sprintf("http://127.0.0.1:%d", 26657+base),
		REST:  fmt.Sprintf("http://127.0.0.1:%d", 1317+base),
		GRPC:  fmt.Sprintf("127.0.0.1:%d", 9090+base),
		Prom:  fmt.Sprintf("http://127.0.0.1:%d", 26660+base),
	}
}

// patchGenesis applies patch to the app state of the genesis.json of nodes 0..nodes-1.
func (ln *Localnet) patchGenesis(nodes int, patch func(*Localnet, map[string]json.RawMessage)) {
	ln.t.Helper()
	var patched []byte
	for i := 0; i < nodes; i++ {
		path := filepath.Join(ln.Dir, fmt.Sprintf("node%d", i), "config", "genesis.json")
		if patched == nil {
			bz, err := os.ReadFile(path)
			require.NoError(ln.t, err)
			var doc map[string]json.RawMessage
			require.NoError(ln.t, json.Unmarshal(bz, &doc))
			var appState map[string]json.RawMessage
			require.NoError(ln.t, json.Unmarshal(doc["app_state"], &appState))
			patch(ln, appState)
			doc["app_state"], err = json.Marshal(appState)
			require.NoError(ln.t, err)
			patched, err = json.MarshalIndent(doc, "", "  ")
			require.NoError(ln.t, err)
		}
		require.NoError(ln.t, os.WriteFile(path, patched, 0o600))
	}
}

// patchAppToml sets key of [section] in every node's app.toml to value (a TOML value,
// e.g. a quoted string), where `themisd testnet` wrote it; the key must be there once.
func (ln *Localnet) patchAppToml(validators int, section, key, value string) {
	ln.t.Helper()
	for i := 0; i < validators; i++ {
		ln.patchNodeAppToml(i, section, key, value)
	}
}

// patchNodeAppToml is patchAppToml for node i alone.
func (ln *Localnet) patchNodeAppToml(i int, section, key, value string) {
	ln.t.Helper()
	ln.patchNodeToml(i, "app.toml", section, key, value)
}

// patchNodeToml sets key of [section] in node i's config/<file> (app.toml, config.toml).
func (ln *Localnet) patchNodeToml(i int, file, section, key, value string) {
	ln.t.Helper()
	path := filepath.Join(ln.Dir, fmt.Sprintf("node%d", i), "config", file)
	bz, err := os.ReadFile(path)
	require.NoError(ln.t, err)
	lines := strings.Split(string(bz), "\n")
	current, found := "", 0
	for j, line := range lines {
		trimmed := strings.TrimSpace(line)
		if strings.HasPrefix(trimmed, "[") {
			current = strings.Trim(trimmed, "[] ")
			continue
		}
		if k, _, ok := strings.Cut(trimmed, "="); ok && current == section && strings.TrimSpace(k) == key {
			lines[j] = key + " = " + value
			found++
		}
	}
	require.Equal(ln.t, 1, found, "%s: [%s] %s", path, section, key)
	require.NoError(ln.t, os.WriteFile(path, []byte(strings.Join(lines, "\n")), 0o600))
}

// appTomlValue reads key of [section] from node i's app.toml (unquoted).
func (ln *Localnet) appTomlValue(i int, section, key string) string {
	ln.t.Helper()
	bz, err := os.ReadFile(filepath.Join(ln.Dir, fmt.Sprintf("node%d", i), "config", "app.toml"))
	require.NoError(ln.t, err)
	current := ""
	for _, line := range strings.Split(string(bz), "\n") {
		trimmed := strings.TrimSpace(line)
		if strings.HasPrefix(trimmed, "[") {
			current = strings.Trim(trimmed, "[] ")
			continue
		}
		if k, v, ok := strings.Cut(trimmed, "="); ok && current == section && strings.TrimSpace(k) == key {
			return strings.Trim(strings.TrimSpace(v), `"`)
		}
	}
	ln.t.Fatalf("node%d app.toml: no [%s] %s", i, section, key)
	return ""
}

// startTSSProxies puts a CutProxy in front of every node's TSS transport and makes
// the node register the proxy as its endpoint.
func (ln *Localnet) startTSSProxies(validators int) {
	ln.t.Helper()
	for i := 0; i < validators; i++ {
		p, err := StartCutProxy(ln.appTomlValue(i, "themis", "tss-listen"))
		require.NoError(ln.t, err)
		ln.t.Cleanup(p.Close)
		ln.patchNodeAppToml(i, "themis", "tss-endpoint", strconv.Quote("http://"+p.Addr()))
		ln.TSSProxies = append(ln.TSSProxies, p)
	}
}

// StartNode (re)starts one node's process.
func (ln *Localnet) StartNode(n *Node) {
	ln.t.Helper()
	n.cmd, n.logFile = ln.spawn(n, "node.log", "start", "--home", n.Home)
}

// spawn starts themisd with args, its output appended to logName in node n's home.
func (ln *Localnet) spawn(n *Node, logName string, args ...string) (*exec.Cmd, *os.File) {
	ln.t.Helper()
	return ln.spawnExe(n, logName, ln.Binary, args...)
}

// spawnExe starts exe with args, its output appended to logName in node n's home.
func (ln *Localnet) spawnExe(n *Node, logName, exe string, args ...string) (*exec.Cmd, *os.File) {
	ln.t.Helper()
	f, err := os.OpenFile(filepath.Join(n.Home, logName), os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		ln.t.Fatal(err)
	}
	cmd := exec.Command(exe, args...)
	cmd.Stdout, cmd.Stderr = f, f
	if err := cmd.Start(); err != nil {
		ln.t.Fatal(err)
	}
	return cmd, f
}

// StopNode ends one node's process.
func (ln *Localnet) StopNode(n *Node) {
	if n.cmd == nil || n.cmd.Process == nil {
		return
	}
	_ = n.cmd.Process.Signal(os.Interrupt)
	done := make(chan struct{})
	go func() { _ = n.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(15 * time.Second):
		_ = n.cmd.Process.Kill()
		<-done
	}
	n.cmd = nil
	_ = n.logFile.Close()
}

// KillNode ends one node's process with SIGKILL: a crash, no shutdown path.
func (ln *Localnet) KillNode(n *Node) {
	if n.cmd == nil || n.cmd.Process == nil {
		return
	}
	_ = n.cmd.Process.Kill()
	_ = n.cmd.Wait()
	n.cmd = nil
	_ = n.logFile.Close()
}

// Stop ends every node; on failure it prints the tail of each log.
func (ln *Localnet) Stop() {
	for _, n := range append(append([]*Node(nil), ln.Standby...), ln.Joiners...) {
		ln.StopNode(n)
	}
	for _, n := range ln.Nodes {
		ln.KillL2(n)
		ln.KillBridge(n)
		ln.StopNode(n)
	}
	ln.L1.stop()
	if ln.t.Failed() {
		for _, n := range append(append(append([]*Node(nil), ln.Nodes...), ln.Standby...), ln.Joiners...) {
			bz, _ := os.ReadFile(filepath.Join(n.Home, "node.log"))
			if len(bz) > 4000 {
				bz = bz[len(bz)-4000:]
			}
			ln.t.Logf("--- node%d log tail ---\n%s", n.Index, bz)
			if bz, err := os.ReadFile(filepath.Join(n.Home, "bridge.log")); err == nil {
				if len(bz) > 3000 {
					bz = bz[len(bz)-3000:]
				}
				ln.t.Logf("--- node%d bridge log tail ---\n%s", n.Index, bz)
			}
			if bz, err := os.ReadFile(filepath.Join(n.Home, "l2sim.log")); err == nil {
				if len(bz) > 3000 {
					bz = bz[len(bz)-3000:]
				}
				ln.t.Logf("--- node%d l2sim log tail ---\n%s", n.Index, bz)
			}
		}
	}
}

// Run runs themisd with args and returns stdout; it fails the test on error.
func (ln *Localnet) Run(args ...string) string {
	ln.t.Helper()
	out, err := ln.TryRun(args...)
	if err != nil {
		ln.t.Fatalf("themisd %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return out
}

// TryRun runs themisd with args and returns its combined output and error.
func (ln *Localnet) TryRun(args ...string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	var stdout, stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, ln.Binary, args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if err != nil {
		return stdout.String() + stderr.String(), err
	}
	return stdout.String(), nil
}

// CLI runs a client command against node n (its home holds client.toml and the keyring).
func (ln *Localnet) CLI(n *Node, args ...string) string {
	ln.t.Helper()
	return ln.Run(append(args, "--home", n.Home)...)
}

// GetJSON fetches url and decodes the JSON body into v.
func GetJSON(url string, v any) error {
	client := http.Client{Timeout: 5 * time.Second}
	resp, err := client.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %s: %s", url, resp.Status, body)
	}
	return json.Unmarshal(body, v)
}

// Height returns the node's latest block height, or 0 when it does not answer: for
// polling loops only. A height that bounds a measurement or a scan of block results
// comes from MustHeight, so a slow answer cannot silently empty the range.
func (n *Node) Height() int64 {
	h, _ := n.height()
	return h
}

// MustHeight returns the node's latest block height, asking for up to 15 s; it fails
// the test when the node does not answer.
func (n *Node) MustHeight(t testing.TB) int64 {
	t.Helper()
	var err error
	for deadline := time.Now().Add(15 * time.Second); time.Now().Before(deadline); time.Sleep(250 * time.Millisecond) {
		var h int64
		if h, err = n.height(); err == nil {
			return h
		}
	}
	t.Fatalf("%s: latest height: %v", n.RPC, err)
	return 0
}

func (n *Node) height() (int64, error) {
	var st struct {
		Result struct {
			SyncInfo struct {
				LatestBlockHeight string `json:"latest_block_height"`
			} `json:"sync_info"`
		} `json:"result"`
	}
	if err := GetJSON(n.RPC+"/status", &st); err != nil {
		return 0, err
	}
	return strconv.ParseInt(st.Result.SyncInfo.LatestBlockHeight, 10, 64)
}

// WaitHeight waits until every node reached height h.
func (ln *Localnet) WaitHeight(h int64, timeout time.Duration) {
	ln.t.Helper()
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		ok := true
		for _, n := range ln.Nodes {
			if n.cmd != nil && n.Height() < h {
				ok = false
			}
		}
		if ok {
			return
		}
		time.Sleep(200 * time.Millisecond)
	}
	ln.t.Fatalf("not every node reached height %d within %s", h, timeout)
}

// BlockHeader is what the tests read of a block.
type BlockHeader struct {
	Height  int64
	Time    time.Time
	AppHash string
}

// Header returns the header of block h from node n.
func (n *Node) Header(h int64) (BlockHeader, error) {
	var res struct {
		Result struct {
			Block struct {
				Header struct {
					Height  string    `json:"height"`
					Time    time.Time `json:"time"`
					AppHash string    `json:"app_hash"`
				} `json:"header"`
			} `json:"block"`
		} `json:"result"`
	}
	if err := GetJSON(fmt.Sprintf("%s/block?height=%d", n.RPC, h), &res); err != nil {
		return BlockHeader{}, err
	}
	hdr := res.Result.Block.Header
	height, _ := strconv.ParseInt(hdr.Height, 10, 64)
	return BlockHeader{Height: height, Time: hdr.Time, AppHash: hdr.AppHash}, nil
}
