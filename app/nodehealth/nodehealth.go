// Package nodehealth serves this node's own view of the machinery beside the chain — its
// L2 watcher, its TSS engine and the bridge sidecar next to it — as JSON at
// /themis/node/v1/health on the REST address. The chain's routes say what the pool
// agreed; this one says whether this operator's node is able to take part: the pool
// dashboard shows it, and a probe can alert on it.
//
// It is node-local and outside consensus: nothing here is read by a block. It is
// computed at most once a second whoever asks, by one refresh at a time that no caller
// can cancel (the others get the last answer), and the bridge is asked with a one-second
// timeout, at the one URL the operator configured, following no redirect: a public REST
// port cannot turn it into load on the engine, the L2 node or the bridge, nor make a
// healthy bridge look down. It publishes a summary, not the bridge's whole report, and
// no URL: an RPC provider's key in a URL path, or the layout of the operator's network,
// does not leave the node.
package nodehealth

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/gorilla/mux"

	"github.com/themis-network/themis/bridge/l2"
	"github.com/themis-network/themis/tss/engine"
)

// Route is where the health is served.
const Route = "/themis/node/v1/health"

const (
	cacheFor        = time.Second
	bridgeTimeout   = time.Second
	maxBridgeReport = 64 << 10
)

// L2Watcher is the node's L2 head watcher (*l2.Watcher).
type L2Watcher interface {
	Status() l2.Status
}

// TSSEngine is the node's threshold-signing engine (*tss/node.Node).
type TSSEngine interface {
	Report() engine.Report
}

// Sources are what this node runs; a nil one is reported as not configured.
type Sources struct {
	L2 L2Watcher
	// L2MaxSilence is how recently the L2 node must have answered ([themis]
	// l2-max-silence): the same rule the node's vote extension applies to its head.
	L2MaxSilence time.Duration
	TSS          TSSEngine
	// BridgeURL is the bridge's /healthz ([themis] bridge-health-url).
	BridgeURL string
	Client    *http.Client
	Now       func() time.Time
}

// Health is the document served.
type Health struct {
	CheckedAt time.Time `json:"checked_at"`
	L2        L2Health  `json:"l2_watcher"`
	TSS       TSSHealth `json:"tss"`
	Bridge    Bridge    `json:"bridge"`
}

// L2Health is the node's L2 watcher: what the node reports in its vote extensions.
type L2Health struct {
	Configured  bool       `json:"configured"`
	Healthy     bool       `json:"healthy"`
	HeadHeight  uint64     `json:"head_height,omitempty"`
	HeadHash    string     `json:"head_hash,omitempty"`
	LastSuccess *time.Time `json:"last_success,omitempty"`
	LastError   string     `json:"last_error,omitempty"`
	PollErrors  uint64     `json:"poll_errors"`
}

// TSSHealth is the node's TSS engine: what it reports to x/mpc.
type TSSHealth struct {
	Configured      bool   `json:"configured"`
	Ready           bool   `json:"ready"`
	ShareGeneration uint64 `json:"share_generation"`
	Endpoint        string `json:"endpoint,omitempty"`
}

// Bridge is the bridge beside the node, summarised from its /healthz.
type Bridge struct {
	Configured    bool     `json:"configured"`
	Healthy       bool     `json:"healthy"`
	Status        string   `json:"status,omitempty"`  // the bridge's own status word
	Reasons       []string `json:"reasons,omitempty"` // why it is unhealthy, URLs removed
	Error         string   `json:"error,omitempty"`   // why it could not be read
	L1Head        *uint64  `json:"l1_head,omitempty"`
	L1LagBlocks   *uint64  `json:"l1_lag_blocks,omitempty"`
	OutboxPending int      `json:"outbox_pending"`
	OutboxParked  int      `json:"outbox_parked"`
	L2Head        *uint64  `json:"l2_head,omitempty"`
}

// bridgeReport is the part of the bridge's /healthz (bridge/health.Report) shown.
type bridgeReport struct {
	Status        string   `json:"status"`
	Reasons       []string `json:"reasons"`
	L1Head        *uint64  `json:"l1_head"`
	LagBlocks     *uint64  `json:"l1_lag_blocks"`
	OutboxPending int      `json:"outbox_pending"`
	OutboxParked  int      `json:"outbox_parked"`
	L2Head        *uint64  `json:"l2_head"`
}

// maxReasons bounds the reasons shown (each cut at maxReasonLen).
const (
	maxReasons   = 8
	maxReasonLen = 200
)

// Handler serves the health of srcs.
type Handler struct {
	srcs Sources

	mu         sync.Mutex
	ready      *sync.Cond // signalled when a refresh ends
	refreshing bool
	at         time.Time // when cached was computed (its end)
	cached     []byte
}

// New returns the handler; Register mounts it.
func New(srcs Sources) *Handler {
	if srcs.Now == nil {
		srcs.Now = time.Now
	}
	if srcs.Client == nil {
		srcs.Client = &http.Client{
			Timeout: bridgeTimeout,
			// The bridge answers where it is; a redirect would send the node elsewhere
			// and republish what it found there.
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		}
	}
	h := &Handler{srcs: srcs}
	h.ready = sync.NewCond(&h.mu)
	return h
}

// Register mounts the handler on the REST router.
func Register(r *mux.Router, h *Handler) {
	r.Handle(Route, h).Methods(http.MethodGet, http.MethodHead)
}

func (h *Handler) ServeHTTP(w http.ResponseWriter, _ *http.Request) {
	body := h.current()
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	_, _ = w.Write(body)
}

// current returns the health, computed at most once per cacheFor by one refresh at a
// time; while one runs, callers get the previous answer (only the very first callers
// wait for it). No caller's cancellation reaches the refresh.
func (h *Handler) current() []byte {
	h.mu.Lock()
	for {
		if h.cached != nil && (h.refreshing || h.srcs.Now().Sub(h.at) < cacheFor) {
			out := h.cached
			h.mu.Unlock()
			return out
		}
		if !h.refreshing {
			break
		}
		h.ready.Wait() // the first refresh, with nothing cached yet
	}
	h.refreshing = true
	h.mu.Unlock()

	bz, err := json.Marshal(h.check(context.Background(), h.srcs.Now()))
	if err != nil { // no field of Health fails to marshal; keep the answer JSON anyway
		bz = []byte(fmt.Sprintf(`{"error":%q}`, err.Error()))
	}

	h.mu.Lock()
	h.at, h.cached, h.refreshing = h.srcs.Now(), bz, false
	h.ready.Broadcast()
	h.mu.Unlock()
	return bz
}

// check reads every source once.
func (h *Handler) check(ctx context.Context, now time.Time) Health {
	out := Health{CheckedAt: now.UTC()}
	if h.srcs.L2 != nil {
		out.L2 = l2Health(h.srcs.L2.Status(), now, h.srcs.L2MaxSilence)
	}
	if h.srcs.TSS != nil {
		r := h.srcs.TSS.Report()
		out.TSS = TSSHealth{Configured: true, Ready: r.Ready, ShareGeneration: r.ShareGeneration, Endpoint: r.Endpoint}
	}
	if h.srcs.BridgeURL != "" {
		out.Bridge = h.bridge(ctx)
	}
	return out
}

// l2Health judges the watcher as the vote extension does: a head, from a poll that
// succeeded within maxSilence.
func l2Health(s l2.Status, now time.Time, maxSilence time.Duration) L2Health {
	out := L2Health{Configured: true, PollErrors: s.PollErrors}
	if s.HasHead {
		out.HeadHeight = s.Head.Height
		out.HeadHash = s.Head.Hash.Hex()
	}
	if !s.LastSuccess.IsZero() {
		t := s.LastSuccess.UTC()
		out.LastSuccess = &t
	}
	if s.LastError != nil {
		out.LastError = redactURLs(s.LastError.Error())
	}
	out.Healthy = s.HasHead && !s.LastSuccess.IsZero() && now.Sub(s.LastSuccess) <= maxSilence
	return out
}

// bridge asks the bridge's /healthz: 200 is healthy, 503 is a bridge that answered
// unhealthy (its reasons say why), anything else is an error. No error names the URL.
func (h *Handler) bridge(ctx context.Context) Bridge {
	out := Bridge{Configured: true}
	ctx, cancel := context.WithTimeout(ctx, bridgeTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, h.srcs.BridgeURL, nil)
	if err != nil {
		out.Error = "bridge-health-url is not a URL"
		return out
	}
	resp, err := h.srcs.Client.Do(req)
	if err != nil {
		out.Error = "unreachable: " + transportReason(err)
		return out
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxBridgeReport+1))
	if err != nil {
		out.Error = "unreachable: " + transportReason(err)
		return out
	}
	if len(body) > maxBridgeReport {
		out.Error = fmt.Sprintf("its report is larger than %d bytes", maxBridgeReport)
		return out
	}
	var report bridgeReport
	if err := json.Unmarshal(body, &report); err != nil || report.Status == "" {
		out.Error = fmt.Sprintf("HTTP %d, not a bridge health report", resp.StatusCode)
		return out
	}
	out.Status = clip(redactURLs(report.Status), 32)
	for i, r := range report.Reasons {
		if i == maxReasons {
			out.Reasons = append(out.Reasons, fmt.Sprintf("and %d more", len(report.Reasons)-maxReasons))
			break
		}
		out.Reasons = append(out.Reasons, clip(redactURLs(r), maxReasonLen))
	}
	out.L1Head, out.L1LagBlocks, out.L2Head = report.L1Head, report.LagBlocks, report.L2Head
	out.OutboxPending, out.OutboxParked = report.OutboxPending, report.OutboxParked
	switch resp.StatusCode {
	case http.StatusOK:
		out.Healthy = true
	case http.StatusServiceUnavailable:
	default:
		out.Error = fmt.Sprintf("HTTP %d", resp.StatusCode)
	}
	return out
}

// urlRe matches a URL in an error message (Go's net/http quotes the one it failed on).
var urlRe = regexp.MustCompile(`[A-Za-z][A-Za-z0-9+.-]*://[^\s"'<>]+`)

// addrRe matches a network address in an error message: IPv4 or [IPv6] with its port,
// and the host of a failed name lookup.
var addrRe = regexp.MustCompile(`\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b|\[[0-9A-Fa-f:.]+\](?::\d+)?|lookup [^\s:]+`)

// redactURLs keeps only each URL's scheme and drops addresses: a path, query or user
// part may hold an RPC provider's key, and a host the layout of the operator's network.
func redactURLs(s string) string {
	s = urlRe.ReplaceAllStringFunc(s, func(u string) string {
		scheme, _, _ := strings.Cut(u, "://")
		return scheme + "://…"
	})
	return addrRe.ReplaceAllStringFunc(s, func(a string) string {
		if strings.HasPrefix(a, "lookup ") {
			return "lookup …"
		}
		return "…"
	})
}

// transportReason says why a request failed, without its URL.
func transportReason(err error) string {
	var netErr interface{ Timeout() bool }
	switch {
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &netErr) && netErr.Timeout():
		return fmt.Sprintf("no answer within %s", bridgeTimeout)
	case errors.Is(err, syscall.ECONNREFUSED):
		return "connection refused"
	default:
		var uerr *url.Error
		if errors.As(err, &uerr) {
			return redactURLs(uerr.Err.Error())
		}
		return redactURLs(err.Error())
	}
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
