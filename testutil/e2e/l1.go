//go:build e2e

package e2e

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// DevL1 is the development L1 process (`themisd devnet l1`) of an L1 localnet, or an
// L1 started elsewhere (Options.ExternalL1: no process or admin endpoint of its own).
type DevL1 struct {
	RPC          string
	Admin        string
	Staking      string
	Token        string
	BatchInbox   string
	StakingBlock uint64
	cmd          *exec.Cmd
	logFile      *os.File
}

// startDevL1 runs the development L1 with owners dev owners funded and, but for the
// last unlisted of them, whitelisted.
func (ln *Localnet) startDevL1(dir string, owners, unlisted, portOffset int, exitDelay time.Duration) {
	ln.t.Helper()
	if err := os.MkdirAll(dir, 0o700); err != nil {
		ln.t.Fatal(err)
	}
	rpcAddr := fmt.Sprintf("127.0.0.1:%d", 8545+portOffset)
	adminAddr := fmt.Sprintf("127.0.0.1:%d", 8546+portOffset)
	infoFile := filepath.Join(dir, "info.json")
	f, err := os.Create(filepath.Join(dir, "l1.log"))
	if err != nil {
		ln.t.Fatal(err)
	}
	cmd := exec.Command(ln.Binary, "devnet", "l1", "--rpc-addr", rpcAddr, "--admin-addr", adminAddr,
		"--block-time", "500ms", "--dev-owners", fmt.Sprint(owners), "--unlisted-dev-owners", fmt.Sprint(unlisted), "--exit-delay", exitDelay.String(), "--info-file", infoFile)
	cmd.Stdout, cmd.Stderr = f, f
	if err := cmd.Start(); err != nil {
		ln.t.Fatal(err)
	}
	ln.L1 = &DevL1{RPC: "http://" + rpcAddr, Admin: "http://" + adminAddr, cmd: cmd, logFile: f}
	var info struct {
		Staking      string `json:"staking"`
		Token        string `json:"token"`
		BatchInbox   string `json:"batch_inbox"`
		StakingBlock uint64 `json:"staking_block"`
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		bz, err := os.ReadFile(infoFile)
		if err == nil && json.Unmarshal(bz, &info) == nil && info.Staking != "" {
			break
		}
		if time.Now().After(deadline) {
			ln.t.Fatalf("the development L1 did not start; see %s", filepath.Join(dir, "l1.log"))
		}
		time.Sleep(200 * time.Millisecond)
	}
	ln.L1.Staking, ln.L1.Token, ln.L1.BatchInbox, ln.L1.StakingBlock = info.Staking, info.Token, info.BatchInbox, info.StakingBlock
}

// Admin calls the development L1's admin endpoint (POST path?query).
func (l *DevL1) Do(path string, query url.Values) error {
	resp, err := http.Post(l.Admin+path+"?"+query.Encode(), "application/json", strings.NewReader(""))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		var body struct{ Error string }
		_ = json.NewDecoder(resp.Body).Decode(&body)
		return fmt.Errorf("devl1 %s: %s", path, body.Error)
	}
	return nil
}

// EvictedTxs lists the hashes of the sends the development L1's mempool fault
// swallowed (GET /info).
func (l *DevL1) EvictedTxs() ([]string, error) {
	var info struct {
		EvictedTxs []string `json:"evicted_txs"`
	}
	err := GetJSON(l.Admin+"/info", &info)
	return info.EvictedTxs, err
}

// logTail is the end of the development L1's log (nothing for an external L1), to
// show beside a failure that involved it.
func (l *DevL1) logTail(lines int) string {
	if l == nil || l.logFile == nil {
		return ""
	}
	bz, err := os.ReadFile(l.logFile.Name())
	if err != nil {
		return ""
	}
	all := strings.Split(strings.TrimRight(string(bz), "\n"), "\n")
	return "\ndevelopment L1 log (" + l.logFile.Name() + ", last lines):\n" + strings.Join(all[max(0, len(all)-lines):], "\n")
}

func (l *DevL1) stop() {
	if l == nil || l.cmd == nil {
		return
	}
	_ = l.cmd.Process.Signal(os.Interrupt)
	done := make(chan struct{})
	go func() { _ = l.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		_ = l.cmd.Process.Kill()
		<-done
	}
	_ = l.logFile.Close()
}

// StartBridge (re)starts node n's bridge.
func (ln *Localnet) StartBridge(n *Node) {
	ln.t.Helper()
	args := append([]string{"bridge", "start", "--home", n.Home, "--start-block", fmt.Sprint(ln.L1.StakingBlock),
		"--poll-interval", "500ms", "--health-addr", fmt.Sprintf("127.0.0.1:%d", n.HealthPort)}, ln.bridgeL2Args...)
	n.bridge, n.bridgeLog = ln.spawn(n, "bridge.log", args...)
}

// KillBridge ends node n's bridge with SIGKILL (a crash, not a shutdown).
func (ln *Localnet) KillBridge(n *Node) {
	if n.bridge == nil {
		return
	}
	_ = n.bridge.Process.Kill()
	_ = n.bridge.Wait()
	n.bridge = nil
	_ = n.bridgeLog.Close()
}

// BridgeReport is what a bridge's /healthz says.
type BridgeReport struct {
	Status        string   `json:"status"`
	Reasons       []string `json:"reasons"`
	OutboxPending int      `json:"outbox_pending"`
	// Divergence is the reconcile watcher's look at the chain's unsettled L1 actions
	// and contract changes (health.Divergence, the part the tests read).
	Divergence *struct {
		ChainHeight     int64    `json:"chain_height"`
		ActionsQueued   int      `json:"l1_actions_queued"`
		ActionsParked   int      `json:"l1_actions_parked"`
		ActionsMismatch int      `json:"l1_actions_mismatch"`
		AdminPending    int      `json:"l1_admin_pending_count"`
		Warnings        []string `json:"warnings"`
	} `json:"divergence"`
}

// BridgeHealth reads node n's bridge /healthz; ok is true on 200.
func BridgeHealth(n *Node) (BridgeReport, bool) {
	r, status, err := bridgeHealthz(n)
	return r, err == nil && status == http.StatusOK
}

// bridgeHealthz reads node n's bridge /healthz: its report and HTTP status, or the
// error of a bridge that does not answer.
func bridgeHealthz(n *Node) (BridgeReport, int, error) {
	var r BridgeReport
	resp, err := (&http.Client{Timeout: 3 * time.Second}).Get(fmt.Sprintf("http://127.0.0.1:%d/healthz", n.HealthPort))
	if err != nil {
		return r, 0, err
	}
	defer resp.Body.Close()
	_ = json.NewDecoder(resp.Body).Decode(&r)
	return r, resp.StatusCode, nil
}
