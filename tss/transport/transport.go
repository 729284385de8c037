package transport

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"golang.org/x/net/netutil"
)

const (
	pathMsg      = "/tss/v1/msg"
	pathEnvelope = "/tss/v1/envelope"
	contentType  = "application/octet-stream"

	// maxRecentlyClosed session ids are remembered after Close, so that envelopes
	// for a finished session are refused rather than queued as if it were to come.
	maxRecentlyClosed = 4096
)

// Transport is one engine's endpoint: it serves peers' envelopes and sends its own.
type Transport struct {
	cfg    Config
	self   common.Address
	client *http.Client
	now    func() time.Time // the pending queue's clock; tests replace it

	ctx    context.Context // cancelled by Close
	cancel context.CancelFunc
	wg     sync.WaitGroup // goroutines started by the transport

	mu       sync.Mutex
	conns    map[[32]byte]*Conn
	closed   *recentSet
	queue    *pendingQueue
	srv      *http.Server
	ln       net.Listener
	shutdown bool
}

// New checks the config and builds a Transport; Start makes it listen.
func New(cfg Config) (*Transport, error) {
	c, err := cfg.withDefaults()
	if err != nil {
		return nil, err
	}
	t := &Transport{
		cfg:  c,
		self: crypto.PubkeyToAddress(c.Self.PublicKey),
		client: &http.Client{Transport: &http.Transport{
			Proxy:               nil, // engine traffic goes straight to the registered endpoint
			DialContext:         (&net.Dialer{Timeout: c.SendTimeout}).DialContext,
			MaxIdleConnsPerHost: 4,
			IdleConnTimeout:     90 * time.Second,
		}},
		now:    time.Now,
		conns:  map[[32]byte]*Conn{},
		closed: newRecentSet(maxRecentlyClosed),
		queue:  newPendingQueue(c.MaxQueuedPerSender, c.MaxQueuedBytes, c.MaxQueueAge),
	}
	t.ctx, t.cancel = context.WithCancel(context.Background())
	return t, nil
}

// Self is this node's signer address.
func (t *Transport) Self() common.Address { return t.self }

// Start listens on cfg.Listen and serves until Close or until ctx ends.
func (t *Transport) Start(ctx context.Context) error {
	ln, err := net.Listen("tcp", t.cfg.Listen)
	if err != nil {
		return fmt.Errorf("transport: listen %s: %w", t.cfg.Listen, err)
	}
	// The port is public and the engine shares a process with consensus: at most
	// MaxConns connections are served at once (each may hold a 1 MiB body in memory),
	// the rest wait in the kernel's backlog.
	ln = netutil.LimitListener(ln, t.cfg.MaxConns)
	mux := http.NewServeMux()
	mux.HandleFunc(pathMsg, t.serveMsg)
	mux.HandleFunc(pathEnvelope, t.serveEnvelope)
	srv := &http.Server{
		Handler:           mux,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second, // a 1 MiB body needs 1 Mbit/s; slower senders hold a slot for nothing
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    16 << 10,
	}
	t.mu.Lock()
	if t.shutdown || t.srv != nil {
		t.mu.Unlock()
		_ = ln.Close()
		return errors.New("transport: already started or closed")
	}
	t.srv, t.ln = srv, ln
	t.mu.Unlock()
	t.background(func() { _ = srv.Serve(ln) })
	// Not a background goroutine: Close waits for those, and this one calls Close.
	go func() {
		select {
		case <-ctx.Done():
			t.Close()
		case <-t.ctx.Done():
		}
	}()
	return nil
}

// Addr is the address Start listens on ("" before Start).
func (t *Transport) Addr() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.ln == nil {
		return ""
	}
	return t.ln.Addr().String()
}

// Close closes every session, stops the server and waits for the transport's
// goroutines.
func (t *Transport) Close() {
	t.mu.Lock()
	if t.shutdown {
		t.mu.Unlock()
		return
	}
	t.shutdown = true
	t.cancel() // under t.mu: background() never adds to wg once Wait may run
	conns := make([]*Conn, 0, len(t.conns))
	for _, c := range t.conns {
		conns = append(conns, c)
	}
	srv := t.srv
	t.mu.Unlock()
	for _, c := range conns {
		c.Close()
	}
	if srv != nil {
		// Close, not Shutdown: every session is closed already, so an in-flight request
		// could only be refused, and Shutdown would wait out connections that peers'
		// clients opened but never used (net/http counts those as active for 5 s).
		_ = srv.Close()
	}
	t.wg.Wait()
	t.client.CloseIdleConnections()
}

// Open joins a session the chain scheduled. Envelopes that arrived for it before are
// checked again in full, as if they arrived now, and delivered in arrival order before
// anything newer.
func (t *Transport) Open(info SessionInfo, h Handler) (*Conn, error) {
	c, err := newConn(t, info, h)
	if err != nil {
		return nil, err
	}
	t.mu.Lock()
	var refused error
	switch {
	case t.shutdown:
		refused = errors.New("transport: closed")
	case t.conns[info.ID] != nil:
		refused = ErrSessionOpen
	case t.closed.has(info.ID):
		refused = fmt.Errorf("%w: it was closed here before", ErrSessionClosed)
	}
	if refused != nil {
		t.mu.Unlock()
		c.cancel()
		return nil, refused
	}
	t.conns[info.ID] = c
	t.goLocked(c.deliverLoop)
	queued, dropped := t.queue.take(info.ID, t.now())
	// Take the session's lock before anyone can find it, so envelopes arriving now
	// wait until the queued ones are in the inbox.
	c.mu.Lock()
	t.mu.Unlock()

	for _, r := range dropped {
		t.cfg.Metrics.Dropped(r)
	}
	var next followUp
	for _, raw := range queued {
		e, out := t.precheck(raw)
		if out.reason == "" {
			var more followUp
			out, more = c.receiveLocked(e, raw)
			next.echoes = append(next.echoes, more.echoes...)
			next.fetches = append(next.fetches, more.fetches...)
			next.proofs = append(next.proofs, more.proofs...)
		}
		t.count(out)
	}
	c.mu.Unlock()
	c.follow(next)
	return c, nil
}

// forget is Close's part on the transport side.
func (t *Transport) forget(c *Conn) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.conns[c.id] == c {
		delete(t.conns, c.id)
	}
	t.closed.add(c.id)
}

// background runs f on a goroutine Close waits for; after Close it does not run f.
func (t *Transport) background(f func()) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.goLocked(f)
}

// goLocked is background for a caller holding t.mu. Close cancels t.ctx under t.mu,
// so no goroutine is added once Close may be waiting.
func (t *Transport) goLocked(f func()) {
	if t.ctx.Err() != nil {
		return
	}
	t.wg.Add(1)
	go func() {
		defer t.wg.Done()
		f()
	}()
}

// recentSet remembers the last n ids added.
type recentSet struct {
	n     int
	order [][32]byte
	set   map[[32]byte]struct{}
}

func newRecentSet(n int) *recentSet { return &recentSet{n: n, set: map[[32]byte]struct{}{}} }

func (r *recentSet) has(id [32]byte) bool { _, ok := r.set[id]; return ok }

func (r *recentSet) add(id [32]byte) {
	if r.has(id) {
		return
	}
	if len(r.order) == r.n {
		delete(r.set, r.order[0])
		r.order = r.order[1:]
	}
	r.order = append(r.order, id)
	r.set[id] = struct{}{}
}
