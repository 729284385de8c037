//go:build e2e

package e2e

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"
)

// Dashboard is the pool dashboard of one node open in headless Chromium (Debian's
// chromium, installed by `make test-e2e`; CHROMIUM_BINARY overrides the path).
type Dashboard struct {
	t      *testing.T
	ctx    context.Context
	cancel func()
	mu     sync.Mutex
	errors []string // console errors, uncaught exceptions, failed loads, CSP refusals
}

// OpenDashboard loads node n's /dashboard/ and waits for its first refresh.
func OpenDashboard(t *testing.T, n *Node) *Dashboard {
	bin := os.Getenv("CHROMIUM_BINARY")
	if bin == "" {
		bin = "chromium"
	}
	path, err := exec.LookPath(bin)
	require.NoError(t, err, "the dashboard test needs Chromium: `make test-e2e` installs Debian's chromium (or set CHROMIUM_BINARY)")
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(path), chromedp.NoSandbox,
		chromedp.DisableGPU, chromedp.WindowSize(1400, 1000), chromedp.Flag("disable-dev-shm-usage", true))
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(allocCtx)
	d := &Dashboard{t: t, ctx: ctx, cancel: func() { cancelCtx(); cancelAlloc() }}
	// The first Run starts the browser (with no timeout: it lives as long as ctx).
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate("about:blank")), "start Chromium")
	require.NoError(t, chromedp.Listen(ctx, d.onEvent))
	load, cancelLoad := context.WithTimeout(ctx, time.Minute)
	defer cancelLoad()
	require.NoError(t, chromedp.Do(load, chromedp.Navigate(n.REST+"/dashboard/"),
		chromedp.WaitVisible(`body[data-loaded="true"]`)), "the dashboard did not load")
	return d
}

// onEvent records what the page reports as an error: console.error and failed
// asserts, uncaught exceptions, and the browser's own error entries (failed loads,
// refused by the content security policy).
func (d *Dashboard) onEvent(ev any) {
	switch e := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if e.Type == runtime.ConsoleAPICalledTypeError || e.Type == runtime.ConsoleAPICalledTypeAssert {
			d.record(fmt.Sprintf("console.%s %s", e.Type, consoleArgs(e.Args)))
		}
	case *runtime.EventExceptionThrown:
		d.record(fmt.Sprintf("exception: %s at %s:%d", e.ExceptionDetails.Text, e.ExceptionDetails.URL, e.ExceptionDetails.LineNumber))
	case *log.EventEntryAdded:
		if e.Entry.Level == log.EntryLevelError {
			d.record(fmt.Sprintf("%s: %s %s", e.Entry.Source, e.Entry.Text, e.Entry.URL))
		}
	}
}

func consoleArgs(args []*runtime.RemoteObject) string {
	var parts []string
	for _, a := range args {
		if len(a.Value) > 0 {
			parts = append(parts, string(a.Value))
		} else {
			parts = append(parts, a.Description)
		}
	}
	return strings.Join(parts, " ")
}

func (d *Dashboard) record(msg string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.errors = append(d.errors, msg)
}

// RequireNoErrors fails on anything the page logged as an error since it loaded.
func (d *Dashboard) RequireNoErrors() {
	d.mu.Lock()
	defer d.mu.Unlock()
	require.Empty(d.t, d.errors, "the dashboard logged errors")
}

// Eval runs a script in the page and decodes its JSON result.
func Eval[T any](d *Dashboard, script string) T {
	ctx, cancel := context.WithTimeout(d.ctx, 20*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](script))
	require.NoError(d.t, err, script)
	return v
}

// WaitFor polls a script returning true in the page.
func (d *Dashboard) WaitFor(what string, timeout time.Duration, script string) {
	deadline := time.Now().Add(timeout)
	for !Eval[bool](d, script) {
		require.True(d.t, time.Now().Before(deadline), "the dashboard never showed %s", what)
		time.Sleep(time.Second)
	}
}

// Screenshot saves the section with id as PNG under THEMIS_DASHBOARD_SCREENSHOTS, when
// set (docs/dashboard holds the committed ones).
func (d *Dashboard) Screenshot(name, section string) {
	dir := os.Getenv("THEMIS_DASHBOARD_SCREENSHOTS")
	if dir == "" {
		return
	}
	ctx, cancel := context.WithTimeout(d.ctx, 30*time.Second)
	defer cancel()
	// The view as a person sees it: the section at the top of the window, under the
	// page's header.
	Eval[bool](d, fmt.Sprintf(`document.getElementById(%q).scrollIntoView(); window.scrollBy(0, -56); true`, section))
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	require.NoError(d.t, err)
	require.NoError(d.t, os.MkdirAll(dir, 0o755))
	require.NoError(d.t, os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644))
}

// Close ends the browser.
func (d *Dashboard) Close() { d.cancel() }

// Text is the text of the element matching the CSS selector ("" if none).
func (d *Dashboard) Text(selector string) string {
	return Eval[string](d, fmt.Sprintf(`(document.querySelector(%q) || {textContent: ""}).textContent`, selector))
}

// dashboardShowsThePool: the dashboard of node 0 shows every sequencer and the
// producer the chain scheduled, without an error in the page.
func dashboardShowsThePool(t *testing.T, ln *Localnet, d *Dashboard, sequencers int) {
	d.WaitFor(fmt.Sprintf("%d sequencers", sequencers), 30*time.Second,
		fmt.Sprintf(`document.querySelectorAll("#sequencer-table tbody tr").length === %d`, sequencers))
	d.WaitFor("the current producer", 30*time.Second,
		`document.getElementById("current-epoch").textContent.startsWith("epoch ")`)
	type view struct {
		Epoch     string   `json:"epoch"`
		Producing []string `json:"producing"`
	}
	shown := Eval[view](d, `({epoch: document.getElementById("current-epoch").textContent.split(" ")[1],
		producing: Array.from(document.querySelectorAll("#sequencer-table .badge.producing")).map(b => b.closest("tr").cells[0].textContent)})`)
	require.Len(t, shown.Producing, 1, "one sequencer is marked producing")
	cur, _, err := CurrentEpoch(ln.Nodes[0])
	require.NoError(t, err)
	id, err := strconv.ParseUint(shown.Epoch, 10, 64)
	require.NoError(t, err)
	require.InDelta(t, cur.ID, id, 1, "the dashboard shows the current epoch (one refresh old at most)")
	var e struct {
		Epoch Epoch `json:"epoch"`
	}
	require.NoError(t, GetJSON(fmt.Sprintf("%s/themis/epoch/v1/epochs/%d", ln.Nodes[0].REST, id), &e))
	require.Equal(t, strconv.FormatUint(e.Epoch.ProducerID, 10), shown.Producing[0], "the producer shown is the one the chain scheduled for that epoch")

	// This node's own machinery (its /themis/node/v1/health): the L2 watcher follows
	// its L2 simulator.
	d.WaitFor("this node's L2 watcher shown healthy", 30*time.Second,
		`Array.from(document.querySelectorAll("#node-health-table tbody tr")).some(r => r.cells[0].textContent === "L2 watcher" && r.cells[1].textContent === "healthy" && r.cells[2].textContent.startsWith("head "))`)
	var health struct {
		L2 struct {
			Configured bool   `json:"configured"`
			Healthy    bool   `json:"healthy"`
			Head       uint64 `json:"head_height"`
		} `json:"l2_watcher"`
	}
	require.NoError(t, GetJSON(ln.Nodes[0].REST+"/themis/node/v1/health", &health))
	require.True(t, health.L2.Configured && health.L2.Healthy && health.L2.Head > 0, "node0's L2 watcher: %+v", health.L2)
	d.RequireNoErrors()
}

// dashboardShowsTheReElection: after a stall, the rotation history names the epoch
// that replaced the stalled producer as a failover, and the timeline counts it.
func dashboardShowsTheReElection(t *testing.T, d *Dashboard, re Epoch) {
	d.WaitFor(fmt.Sprintf("epoch %d as a stall re-election", re.ID), 30*time.Second, fmt.Sprintf(
		`Array.from(document.querySelectorAll("#rotation-table tbody tr")).some(r => r.cells[0].textContent === "%d" && r.cells[3].textContent.startsWith("stall"))`, re.ID))
	require.Contains(t, d.Text("#chart-timeline"), "failover", "the timeline counts the failover")
	require.NotContains(t, d.Text("#chart-timeline"), "0 failovers")
	d.RequireNoErrors()
}
