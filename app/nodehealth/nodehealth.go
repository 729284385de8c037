// Package nodehealth serves this node's own view of the machinery beside the chain — its
// L2 watcher, its TSS engine and the bridge sidecar next to it — as JSON at
// /themis/node/v1/health on the REST address. The chain's routes say what the pool
// agreed; this one says whether this operator's node is able to take part: the pool
// dashboard shows it, and a probe can alert on it.
//
// It is node-local and outside consensus: nothing here is read by a block. It is
// computed at most once a second whoever asks (the bridge is asked with a one-second
// timeout, at the one URL the operator configured), so a public REST port cannot turn it
// into load on the engine, the L2 node or the bridge.
package nodehealth

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"sync"
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

// Bridge is the bridge beside the node, as its /healthz answered.
type Bridge struct {
	Configured bool            `json:"configured"`
	Healthy    bool            `json:"healthy"`
	Status     string          `json:"status,omitempty"` // the bridge's own status word
	Error      string          `json:"error,omitempty"`  // why it could not be read
	Report     json.RawMessage `json:"report,omitempty"` // its /healthz document
}

// Handler serves the health of srcs.
type Handler struct {
	srcs Sources

	mu     sync.Mutex
	at     time.Time
	cached []byte
}

// New returns the handler; Register mounts it.
func New(srcs Sources) *Handler {
	if srcs.Now == nil {
		srcs.Now = time.Now
	}
	if srcs.Client == nil {
		srcs.Client = &http.Client{Timeout: bridgeTimeout}
	}
	return &Handler{srcs: srcs}
}

// Register mounts the handler on the REST router.
func Register(r *mux.Router, h *Handler) {
	r.Handle(Route, h).Methods(http.MethodGet, http.MethodHead)
}

func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body := h.current(r.Context())
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	_, _ = w.Write(body)
}

// current returns the health, computed at most once per cacheFor.
func (h *Handler) current(ctx context.Context) []byte {
	h.mu.Lock()
	defer h.mu.Unlock()
	now := h.srcs.Now()
	if h.cached != nil && now.Sub(h.at) < cacheFor {
		return h.cached
	}
	bz, err := json.Marshal(h.check(ctx, now))
	if err != nil { // no field of Health fails to marshal; keep the answer JSON anyway
		bz = []byte(fmt.Sprintf(`{"error":%q}`, err.Error()))
	}
	h.at, h.cached = now, bz
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
		out.LastError = s.LastError.Error()
	}
	out.Healthy = s.HasHead && !s.LastSuccess.IsZero() && now.Sub(s.LastSuccess) <= maxSilence
	return out
}

// bridge asks the bridge's /healthz: 200 is healthy, 503 is a bridge that answered
// unhealthy (its report says why), anything else is an error.
func (h *Handler) bridge(ctx context.Context) Bridge {
	out := Bridge{Configured: true}
	ctx, cancel := context.WithTimeout(ctx, bridgeTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, h.srcs.BridgeURL, nil)
	if err != nil {
		out.Error = err.Error()
		return out
	}
	resp, err := h.srcs.Client.Do(req)
	if err != nil {
		out.Error = fmt.Sprintf("unreachable: %v", err)
		return out
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxBridgeReport+1))
	if err != nil {
		out.Error = fmt.Sprintf("reading its report: %v", err)
		return out
	}
	if len(body) > maxBridgeReport {
		out.Error = fmt.Sprintf("its report is larger than %d bytes", maxBridgeReport)
		return out
	}
	var report struct {
		Status string `json:"status"`
	}
	if err := json.Unmarshal(body, &report); err != nil {
		out.Error = fmt.Sprintf("HTTP %d, not a bridge health report: %v", resp.StatusCode, err)
		return out
	}
	var compact bytes.Buffer
	if err := json.Compact(&compact, body); err == nil {
		out.Report = compact.Bytes()
	}
	out.Status = report.Status
	switch resp.StatusCode {
	case http.StatusOK:
		out.Healthy = true
	case http.StatusServiceUnavailable:
	default:
		out.Error = fmt.Sprintf("HTTP %d", resp.StatusCode)
	}
	return out
}
