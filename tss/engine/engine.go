package engine

import (
	"bytes"
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"slices"
	"sync"
	"time"

	"cosmossdk.io/log"
	"github.com/bnb-chain/tss-lib/v2/ecdsa/keygen"
	"github.com/ethereum/go-ethereum/common"

	"github.com/themis-network/themis/tss/keystore"
	"github.com/themis-network/themis/tss/session"
)

// KeyID names the pool key in the share store.
const KeyID = "pool"

// Defaults for Config fields left zero.
const (
	DefaultRoundTimeout   = 60 * time.Second
	DefaultSettleTimeout  = 10 * time.Second
	DefaultMaxConcurrent  = 4
	DefaultMaxReportItems = 16
	// DefaultSignRoundTimeout leaves room for claims inside x/mpc's default sign
	// deadline of 30 blocks.
	DefaultSignRoundTimeout = 8 * time.Second
	// DefaultBlameWindow matches x/mpc's blame window after a session closes.
	DefaultBlameWindow int64 = 30
)

// Config wires an engine.
type Config struct {
	Self common.Address
	// Endpoint is the transport URL this engine tells the chain.
	Endpoint  string
	Shares    Shares
	Preparams Preparams
	Marks     Marks
	Net       Net
	Gate      Gate
	Logger    log.Logger
	// RoundTimeout fails a session whose round makes no progress this long.
	RoundTimeout time.Duration
	// SettleTimeout bounds the wait for echoes after a session produced its result.
	SettleTimeout time.Duration
	// MaxConcurrent bounds the sessions run at once.
	MaxConcurrent int
	// MaxReportItems bounds the results and the blames of one report.
	MaxReportItems int
	// SignRoundTimeout is RoundTimeout for signing, whose rounds compute in well under
	// a second: it must end well inside the chain's sign deadline so the claims of a
	// failed signing reach the chain.
	SignRoundTimeout time.Duration
	// BlameWindow is how many heights a closed session's claims are still reported.
	BlameWindow int64
	// Metrics is optional.
	Metrics *Metrics
}

// Engine runs the chain's sessions. Observe and Report may be called from any goroutine.
type Engine struct {
	cfg  Config
	slot chan struct{} // one token per concurrent session

	mu       sync.Mutex
	work     Work
	haveWork bool
	wake     chan struct{}
	running  map[[32]byte]context.CancelFunc
	results  map[[32]byte]Result
	blames   map[[32]byte][]Blame
	started  map[[32]byte]struct{}
	closedAt map[[32]byte]int64
	// currentGen caches the confirmed share's generation (0 with known: none), so a
	// report does not open the sealed share at every height; only confirm changes it.
	currentGen      uint64
	currentGenKnown bool
	// currentReusable: the confirmed share's preparams pass their proofs, so they can
	// serve a keygen after the chain retired the key (reusePreparams); read with it.
	currentReusable bool
}

// New checks the configuration and builds an engine; Run starts it.
func New(cfg Config) (*Engine, error) {
	if cfg.Self == (common.Address{}) || cfg.Shares == nil || cfg.Preparams == nil || cfg.Marks == nil || cfg.Net == nil {
		return nil, errors.New("engine: self, shares, preparams, marks and net are required")
	}
	if cfg.Logger == nil {
		cfg.Logger = log.NewNopLogger()
	}
	if cfg.Gate == nil {
		cfg.Gate = noGate{}
	}
	if cfg.RoundTimeout <= 0 {
		cfg.RoundTimeout = DefaultRoundTimeout
	}
	if cfg.SettleTimeout <= 0 {
		cfg.SettleTimeout = DefaultSettleTimeout
	}
	if cfg.MaxConcurrent <= 0 {
		cfg.MaxConcurrent = DefaultMaxConcurrent
	}
	if cfg.SignRoundTimeout <= 0 {
		cfg.SignRoundTimeout = DefaultSignRoundTimeout
	}
	if cfg.BlameWindow <= 0 {
		cfg.BlameWindow = DefaultBlameWindow
	}
	if cfg.MaxReportItems <= 0 {
		cfg.MaxReportItems = DefaultMaxReportItems
	}
	if cfg.Metrics == nil {
		cfg.Metrics = NewMetrics(nil)
	}
	return &Engine{
		cfg:      cfg,
		slot:     make(chan struct{}, cfg.MaxConcurrent),
		wake:     make(chan struct{}, 1),
		running:  map[[32]byte]context.CancelFunc{},
		results:  map[[32]byte]Result{},
		blames:   map[[32]byte][]Blame{},
		started:  map[[32]byte]struct{}{},
		closedAt: map[[32]byte]int64{},
	}, nil
}

type noGate struct{}

func (noGate) Begin() func() { return func() {} }

// Observe hands the engine the chain's latest work. It never blocks: the engine acts
// on the newest snapshot only.
func (e *Engine) Observe(w Work) {
	e.mu.Lock()
	if e.haveWork && w.Height < e.work.Height {
		e.mu.Unlock()
		return
	}
	e.work, e.haveWork = w, true
	e.mu.Unlock()
	select {
	case e.wake <- struct{}{}:
	default:
	}
}

// Run acts on each new snapshot until ctx ends.
func (e *Engine) Run(ctx context.Context) error {
	for {
		select {
		case <-ctx.Done():
			e.mu.Lock()
			for _, cancel := range e.running {
				cancel()
			}
			e.mu.Unlock()
			return ctx.Err()
		case <-e.wake:
			e.mu.Lock()
			w := e.work
			e.mu.Unlock()
			e.step(ctx, w)
		}
	}
}

// step reconciles the engine with one snapshot: confirm shares, stop what the chain
// closed, start what it opened.
func (e *Engine) step(ctx context.Context, w Work) {
	e.confirm(w)
	open := make(map[[32]byte]bool, len(w.Sessions)) // lookups only
	for _, s := range w.Sessions {
		open[s.Key] = true
	}
	e.forgetClosed(open, w.Height)
	for _, s := range w.Sessions {
		plain, old, nw := s.selfIn(e.cfg.Self)
		if !plain && !old && !nw {
			continue
		}
		e.mu.Lock()
		_, isRunning := e.running[s.Key]
		_, done := e.results[s.Key]
		_, started := e.started[s.Key] // ran (maybe failed) in this process, or before a restart
		e.mu.Unlock()
		if isRunning || done || started {
			continue
		}
		if _, err := e.cfg.Marks.Get(markName(s.Key)); err == nil {
			e.noteStarted(s.Key)
			continue // run before a restart: the chain retries it under a new id
		} else if !isNotFound(err) {
			// Not ours (it does not open with the node key) or torn by a crash before
			// anything was sent: either way running the session is safe.
			e.cfg.Logger.Error("tss: a session mark does not open; replacing it", "session", short(s.Key), "err", err)
			_ = e.cfg.Marks.Delete(markName(s.Key))
		}
		e.start(ctx, s)
	}
}

// confirm promotes a pending share once the chain confirmed its generation.
func (e *Engine) confirm(w Work) {
	if w.Generation == 0 {
		return
	}
	gen, ok, err := e.currentGeneration()
	if err != nil {
		e.cfg.Logger.Error("tss: reading the current share", "err", err)
		return
	}
	if ok && gen >= w.Generation {
		return
	}
	bz, pending, err := e.cfg.Shares.Pending(KeyID, w.Generation)
	if err != nil || !pending {
		return
	}
	// Promote only a share of the key the chain confirmed: a pending share of the same
	// generation number from another attempt (another key, another polynomial) would
	// make this engine report a generation it cannot sign for.
	if !shareOfKey(bz, w.PoolKey) {
		e.cfg.Logger.Error("tss: the pending share is not of the confirmed key; discarding it", "generation", w.Generation)
		_ = e.cfg.Shares.Discard(KeyID, w.Generation)
		return
	}
	err = e.cfg.Shares.Confirm(KeyID, w.Generation)
	e.mu.Lock()
	e.currentGenKnown = false // re-read after any confirm attempt
	e.mu.Unlock()
	if err != nil {
		e.cfg.Logger.Error("tss: confirming the share", "generation", w.Generation, "err", err)
		return
	}
	e.cfg.Logger.Info("tss: share confirmed by the chain", "generation", w.Generation)
}

// currentGeneration is the confirmed share's generation, read from the store once and
// then cached until confirm changes it.
func (e *Engine) currentGeneration() (uint64, bool, error) {
	e.mu.Lock()
	if e.currentGenKnown {
		gen := e.currentGen
		e.mu.Unlock()
		return gen, gen > 0, nil
	}
	e.mu.Unlock()
	gen, bz, ok, err := e.cfg.Shares.Current(KeyID)
	if err != nil {
		return 0, false, err
	}
	if !ok {
		gen = 0
	}
	reusable := ok && preparamsReusable(bz)
	e.mu.Lock()
	e.currentGen, e.currentGenKnown, e.currentReusable = gen, true, reusable
	e.mu.Unlock()
	return gen, ok, nil
}

// preparamsReusable reports whether a stored share's preparams pass their proofs.
func preparamsReusable(bz []byte) bool {
	save := new(keygen.LocalPartySaveData)
	return json.Unmarshal(bz, save) == nil && save.LocalPreParams.ValidateWithProof()
}

// shareOfKey reports whether a stored share belongs to the 33-byte compressed key.
func shareOfKey(bz, poolKey []byte) bool {
	save := new(keygen.LocalPartySaveData)
	if err := json.Unmarshal(bz, save); err != nil {
		return false
	}
	pub := session.PublicKeyOf(save)
	return pub != nil && bytes.Equal(pub, poolKey)
}

// forgetClosed cancels sessions the chain no longer has open and drops their
// results and marks (a session id never comes back). Blames of a closed session are
// kept for BlameWindow heights: the chain still counts claims for a while after it
// timed a session out, and that is exactly when they matter.
func (e *Engine) forgetClosed(open map[[32]byte]bool, height int64) {
	e.mu.Lock()
	defer e.mu.Unlock()
	for k, cancel := range e.running {
		if !open[k] {
			cancel()
			delete(e.running, k)
		}
	}
	for k := range e.results {
		if !open[k] {
			delete(e.results, k)
		}
	}
	for k := range e.started {
		if !open[k] {
			delete(e.started, k)
			_ = e.cfg.Marks.Delete(markName(k))
			if _, ok := e.blames[k]; ok {
				e.closedAt[k] = height
			}
		}
	}
	for k, at := range e.closedAt {
		if height-at > e.cfg.BlameWindow {
			delete(e.closedAt, k)
			delete(e.blames, k)
		}
	}
}

func (e *Engine) noteStarted(k [32]byte) {
	e.mu.Lock()
	e.started[k] = struct{}{}
	e.mu.Unlock()
}

func isNotFound(err error) bool {
	return errors.Is(err, keystore.ErrNotFound) || errors.Is(err, os.ErrNotExist)
}

func markName(key [32]byte) string { return "sessions/" + hex.EncodeToString(key[:]) }

// start marks a session started, durably, then runs it in the background.
func (e *Engine) start(ctx context.Context, s Spec) {
	if err := e.cfg.Marks.Put(markName(s.Key), []byte(s.Kind.String())); err != nil {
		e.cfg.Logger.Error("tss: cannot mark the session started; not running it", "session", short(s.Key), "err", err)
		return
	}
	sctx, cancel := context.WithCancel(ctx)
	e.mu.Lock()
	e.started[s.Key] = struct{}{}
	e.running[s.Key] = cancel
	e.mu.Unlock()
	go func() {
		defer cancel()
		select {
		case e.slot <- struct{}{}:
		case <-sctx.Done():
			return
		}
		defer func() { <-e.slot }()
		e.run(sctx, s)
	}()
}

// run executes one session and records its result or its blames.
func (e *Engine) run(ctx context.Context, s Spec) {
	m := e.cfg.Metrics
	m.started(s.Kind)
	begin := time.Now()
	res, err := e.execute(ctx, s)
	e.mu.Lock()
	delete(e.running, s.Key)
	if err == nil {
		e.results[s.Key] = *res
	} else if bl := blamesOf(s.Key, err); len(bl) > 0 {
		e.blames[s.Key] = mergeBlames(e.blames[s.Key], bl)
		if _, open := e.started[s.Key]; !open {
			e.closedAt[s.Key] = e.work.Height // it failed after the chain closed it
		}
	}
	e.mu.Unlock()
	if err != nil {
		m.failed(s.Kind)
		e.cfg.Logger.Error("tss: session failed", "session", short(s.Key), "kind", s.Kind, "err", err)
		return
	}
	m.completed(s.Kind, time.Since(begin))
	e.cfg.Logger.Info("tss: session done", "session", short(s.Key), "kind", s.Kind, "took", time.Since(begin).Round(time.Millisecond))
}

// execute gathers the session's inputs, opens its transport and runs it.
func (e *Engine) execute(ctx context.Context, s Spec) (*Result, error) {
	in, err := e.inputs(s)
	if err != nil {
		return nil, err
	}
	net := &lazyNet{}
	timeout := e.cfg.RoundTimeout
	if s.Kind == session.KindSign {
		timeout = e.cfg.SignRoundTimeout
	}
	sess, err := session.New(s.plan(e.cfg.Self, timeout), net, in)
	if err != nil {
		return nil, err
	}
	ch, err := e.cfg.Net.Open(s.Key, netParties(s), func(m session.Inbound) { _ = sess.Deliver(m) })
	if err != nil {
		return nil, fmt.Errorf("open transport: %w", err)
	}
	defer ch.Close()
	net.set(ch)
	end := e.cfg.Gate.Begin()
	out, err := sess.Run(ctx)
	end()
	if err != nil {
		return nil, err
	}
	// The new share is kept whatever the echoes say: a party that lies to one engine
	// about a broadcast must not leave it without the share the others confirm (the
	// confirmation checks the key before the share becomes current).
	if out.Share != nil {
		if err := e.keepPending(s, out.Share); err != nil {
			return nil, err
		}
	}
	// A signature proves itself on chain (it must recover to the pool address); a
	// keygen or resharing result is reported only once every party echoed every
	// broadcast this engine took, so an equivocation cannot split the committee.
	if s.Kind != session.KindSign {
		settle, cancel := context.WithTimeout(ctx, e.cfg.SettleTimeout)
		defer cancel()
		if err := ch.Settled(settle); err != nil {
			return nil, err
		}
	}
	// The chain takes exactly one result per session: the signature of a sign session,
	// the public key of a keygen or a resharing (x/mpc refuses a report with both).
	if s.Kind == session.KindSign {
		return &Result{Key: s.Key, Signature: out.Signature}, nil
	}
	return &Result{Key: s.Key, PublicKey: out.PublicKey}, nil
}

// keepPending stores a new share as pending for its generation. A pending share of
// the same generation left by an earlier attempt is discarded first: the chain only
// ever confirms an open session, so the newest attempt's result is the only one that
// can still become current.
func (e *Engine) keepPending(s Spec, share *keygen.LocalPartySaveData) error {
	bz, err := json.Marshal(share)
	if err != nil {
		return err
	}
	gen := s.Generation
	if s.Kind == session.KindReshare {
		gen = s.NewGeneration
	}
	if _, pending, err := e.cfg.Shares.Pending(KeyID, gen); err == nil && pending {
		if err := e.cfg.Shares.Discard(KeyID, gen); err != nil {
			return fmt.Errorf("discard an earlier attempt's share: %w", err)
		}
	}
	if err := e.cfg.Shares.PutPending(KeyID, gen, bz); err != nil {
		return fmt.Errorf("store the new share: %w", err)
	}
	return nil
}

// inputs loads the share and takes the preparams the engine's roles need.
func (e *Engine) inputs(s Spec) (session.Inputs, error) {
	var in session.Inputs
	plain, old, nw := s.selfIn(e.cfg.Self)
	needShare := (plain && s.Kind == session.KindSign) || old
	needPre := (plain && s.Kind == session.KindKeygen) || nw
	if needShare {
		share, err := e.share(s.Generation)
		if err != nil {
			return in, err
		}
		in.Share = share
	}
	if needPre {
		pp, err := e.cfg.Preparams.Take()
		if err != nil {
			pp, err = e.reusePreparams(err)
			if err != nil {
				return in, err
			}
		}
		in.Preparams = pp
	}
	return in, nil
}

// reusePreparams falls back to the Paillier and ring-Pedersen parameters of the share
// this engine holds when the pool is empty. They are this party's long-term public
// parameters (every signature of the generation already uses them), so a new share
// under them is sound; a fresh set is preferred because it limits what one leaked
// Paillier key exposes to one generation. Refusing would instead leave the member
// out of the committee until the top-up (minutes) catches up.
func (e *Engine) reusePreparams(takeErr error) (*keygen.LocalPreParams, error) {
	_, bz, ok, err := e.cfg.Shares.Current(KeyID)
	if err != nil || !ok {
		return nil, fmt.Errorf("no preparams for a new share (run `themisd tss init`): %w", takeErr)
	}
	save := new(keygen.LocalPartySaveData)
	if err := json.Unmarshal(bz, save); err != nil || !save.LocalPreParams.ValidateWithProof() {
		return nil, fmt.Errorf("no preparams for a new share, and the held share has none to reuse: %w", takeErr)
	}
	e.cfg.Metrics.reused()
	e.cfg.Logger.Info("tss: preparams pool empty; reusing the held share's parameters for the new share")
	pp := save.LocalPreParams
	return &pp, nil
}

// share loads this engine's share of a generation.
func (e *Engine) share(generation uint64) (*keygen.LocalPartySaveData, error) {
	gen, bz, ok, err := e.cfg.Shares.Current(KeyID)
	if err != nil {
		return nil, err
	}
	if !ok || gen != generation {
		return nil, fmt.Errorf("no share of generation %d (holding %d)", generation, gen)
	}
	save := new(keygen.LocalPartySaveData)
	if err := json.Unmarshal(bz, save); err != nil {
		return nil, fmt.Errorf("decode share: %w", err)
	}
	return save, nil
}

// netParties lists a session's parties by role, for the transport.
func netParties(s Spec) []NetParty {
	var out []NetParty
	add := func(list []Party, role session.Role) {
		for _, p := range list {
			out = append(out, NetParty{Party: p, Role: role})
		}
	}
	if s.Kind == session.KindReshare {
		add(s.OldParties, session.RoleOld)
		add(s.NewParties, session.RoleNew)
	} else {
		add(s.Parties, session.RoleParty)
	}
	return out
}

// ProvenEquivocation records this engine's claim that origin equivocated in session
// key: the transport holds two different broadcasts origin signed for one slot, a
// proof anyone can check. The claim is made whatever the session's outcome here, even
// after it completed (a receiver that took the first broadcast finishes normally); the
// chain records the blame once more than 2/3 of the other parties make it, that is
// once the equivocator showed its second version to enough of them.
func (e *Engine) ProvenEquivocation(key [32]byte, origin common.Address) {
	if origin == e.cfg.Self {
		return
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	e.blames[key] = mergeBlames(e.blames[key], []Blame{{Key: key, Accused: origin, Reason: BlameEquivocation, Progress: completedProgress}})
	open := false
	for _, s := range e.work.Sessions {
		open = open || s.Key == key
	}
	if _, ok := e.closedAt[key]; !ok && !open {
		e.closedAt[key] = e.work.Height // reported for the blame window
	}
}

// mergeBlames adds claims to a session's, one per accused: the gravest reason and the
// lowest progress of the two.
func mergeBlames(have, add []Blame) []Blame {
	out := append([]Blame(nil), have...)
	for _, b := range add {
		i := slices.IndexFunc(out, func(x Blame) bool { return x.Accused == b.Accused })
		if i < 0 {
			out = append(out, b)
			continue
		}
		out[i].Reason = max(out[i].Reason, b.Reason)
		out[i].Progress = min(out[i].Progress, b.Progress)
	}
	return out
}

// blamesOf turns a session failure into blame claims, one per accused (the chain
// refuses a report naming one party twice in a session), keeping the gravest reason:
// EQUIVOCATION over INVALID over MISSING.
func blamesOf(key [32]byte, err error) []Blame {
	reasons := map[common.Address]BlameReason{} // lookups only; the order comes from order
	var order []common.Address
	add := func(a common.Address, r BlameReason) {
		prev, seen := reasons[a]
		if !seen {
			order = append(order, a)
		}
		if !seen || r > prev {
			reasons[a] = r
		}
	}
	var f *session.Failure
	var se *SettleError
	var progress uint32
	switch {
	case errors.As(err, &f):
		progress = f.Progress
		for _, ref := range f.Missing {
			add(ref.Address, BlameMissing)
		}
		for _, ref := range f.Culprits {
			add(ref.Address, BlameInvalid)
		}
		for _, ref := range f.Conflicts {
			add(ref.Address, BlameEquivocation)
		}
	case errors.As(err, &se):
		progress = completedProgress
		for _, a := range se.Missing {
			add(a, BlameMissing)
		}
		for _, a := range se.Unproven {
			add(a, BlameInvalid)
		}
		for _, a := range se.Equivocators {
			add(a, BlameEquivocation)
		}
	}
	out := make([]Blame, 0, len(order))
	for _, a := range order {
		out = append(out, Blame{Key: key, Accused: a, Reason: reasons[a], Progress: progress})
	}
	return out
}

func short(k [32]byte) string { return hex.EncodeToString(k[:4]) }

// lazyNet lets a session be built before its transport is open: nothing is sent
// before Run, and Run starts after set.
type lazyNet struct {
	mu sync.Mutex
	ch Channel
}

func (n *lazyNet) set(ch Channel) {
	n.mu.Lock()
	n.ch = ch
	n.mu.Unlock()
}

func (n *lazyNet) Send(ctx context.Context, m session.Outbound) error {
	n.mu.Lock()
	ch := n.ch
	n.mu.Unlock()
	if ch == nil {
		return errors.New("transport not open")
	}
	return ch.Send(ctx, m)
}
