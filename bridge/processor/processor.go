// Package processor relays the outbox to the chain: per sequencer in nonce order, it
// skips what the chain already applied (and drops it from the outbox) or already has
// pending, relays the rest, and retries failures with exponential backoff. An item
// leaves the outbox only when the chain reports it applied (or provably never
// applicable: its nonce or sequencer id was taken by another log).
package processor

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/log"
	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"

	"github.com/themis-network/themis/bridge/health"
	"github.com/themis-network/themis/bridge/listener"
	"github.com/themis-network/themis/bridge/store"
	seqtypes "github.com/themis-network/themis/x/sequencer/types"
)

// Outbox is the store as the processor sees it.
type Outbox interface {
	Heads(perSequencer, limit int) ([]store.Item, error)
	Remove(keys ...[]byte) error
	Len() int
	Added() <-chan struct{}
}

// Chain is what the processor asks the chain.
type Chain interface {
	// EventApplied tells whether the L1 log was applied.
	EventApplied(ctx context.Context, ref seqtypes.L1EventRef) (bool, error)
	// PendingEvents returns the seqtypes.EventKey of every queued relayed event.
	PendingEvents(ctx context.Context) (map[string]bool, error)
	// Ping checks that the chain answers (used when there is nothing to relay).
	Ping(ctx context.Context) error
}

// Relayer submits relay messages.
type Relayer interface {
	// Relay signs and broadcasts the messages (batched) and waits for inclusion. It
	// returns one error per message: nil when the message's transaction was included
	// (the event is queued for the pool's vote). Chain-side rejections are the chain's
	// registered errors (errors.Is works).
	Relay(ctx context.Context, msgs []seqtypes.L1EventMsg) []error
}

// Defaults.
const (
	DefaultWindow        = 16
	DefaultMaxPerRound   = 200
	DefaultInactiveRetry = 30 * time.Second
)

// Config of a Processor.
type Config struct {
	// Submitter is the operator's chain address (bech32), set on every relayed message.
	Submitter string
	// PollInterval is the pause between rounds when idle (default 1 s).
	PollInterval time.Duration
	// Window is how many events per sequencer may be in flight (default 16).
	Window int
	// MaxPerRound bounds the events looked at in one round (default 200).
	MaxPerRound int
	// MinBackoff and MaxBackoff bound the per-event retry delay (defaults 1 s, 30 s).
	MinBackoff, MaxBackoff time.Duration
	// InactiveRetry is the pause before relaying again after the chain said this
	// operator is not an active sequencer (default 30 s).
	InactiveRetry time.Duration
	// Now is the clock (tests).
	Now func() time.Time

	Logger  log.Logger
	Monitor *health.Monitor
}

type itemState struct {
	attempts  int
	notBefore time.Time
}

// Processor relays outbox items.
type Processor struct {
	cfg     Config
	outbox  Outbox
	chain   Chain
	relayer Relayer

	mu            sync.Mutex
	state         map[string]*itemState // by seqtypes.EventKey
	inactiveUntil time.Time
	inactive      bool
}

// New builds a Processor.
func New(cfg Config, outbox Outbox, chain Chain, relayer Relayer) (*Processor, error) {
	if outbox == nil || chain == nil || relayer == nil {
		return nil, errors.New("processor: nil outbox, chain or relayer")
	}
	if _, err := sdk.AccAddressFromBech32(cfg.Submitter); err != nil {
		return nil, fmt.Errorf("processor: submitter %q: %w", cfg.Submitter, err)
	}
	if cfg.PollInterval <= 0 {
		cfg.PollInterval = time.Second
	}
	if cfg.Window <= 0 {
		cfg.Window = DefaultWindow
	}
	if cfg.MaxPerRound <= 0 {
		cfg.MaxPerRound = DefaultMaxPerRound
	}
	if cfg.MinBackoff <= 0 {
		cfg.MinBackoff = time.Second
	}
	if cfg.MaxBackoff <= 0 {
		cfg.MaxBackoff = 30 * time.Second
	}
	if cfg.InactiveRetry <= 0 {
		cfg.InactiveRetry = DefaultInactiveRetry
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Logger == nil {
		cfg.Logger = log.NewNopLogger()
	}
	return &Processor{cfg: cfg, outbox: outbox, chain: chain, relayer: relayer, state: map[string]*itemState{}}, nil
}

// Run relays until ctx ends. It wakes up when the listener adds items, and at least
// every PollInterval.
func (p *Processor) Run(ctx context.Context) error {
	failures := 0
	for {
		err := p.Step(ctx)
		if ctx.Err() != nil {
			return nil
		}
		wait := p.cfg.PollInterval
		wake := p.outbox.Added()
		if err != nil {
			failures++
			wait = listener.Backoff(p.cfg.MinBackoff, p.cfg.MaxBackoff, failures)
			wake = nil // do not hammer a failing chain because L1 has news
			p.cfg.Logger.Error("processor: round failed; backing off", "err", err, "retry_in", wait)
		} else {
			failures = 0
		}
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return nil
		case <-wake:
		case <-t.C:
		}
		t.Stop()
	}
}

// Step is one round: look at the outbox heads, prune what was applied, relay what is
// neither applied nor pending and not backing off.
func (p *Processor) Step(ctx context.Context) error {
	items, err := p.outbox.Heads(p.cfg.Window, p.cfg.MaxPerRound)
	if err != nil {
		return fmt.Errorf("read outbox: %w", err)
	}
	defer func() { p.cfg.Monitor.OutboxPending(p.outbox.Len()) }()
	if len(items) == 0 {
		p.forgetAll()
		return p.chainCall(p.chain.Ping(ctx))
	}
	pending, err := p.chain.PendingEvents(ctx)
	if err := p.chainCall(err); err != nil {
		return fmt.Errorf("query pending events: %w", err)
	}
	now := p.cfg.Now()
	var (
		relay  []store.Item
		remove [][]byte
	)
	for i := 0; i < len(items); {
		seq := items[i].Info.SequencerID
		j := i
		for j < len(items) && items[j].Info.SequencerID == seq {
			j++
		}
		for _, it := range items[i:j] {
			ref := it.Msg.GetEvent()
			key := seqtypes.EventKey(ref)
			if pending[key] {
				continue // queued (by us or another bridge): the vote decides; the next nonce may go
			}
			applied, err := p.chain.EventApplied(ctx, ref)
			if err := p.chainCall(err); err != nil {
				return fmt.Errorf("query event %s: %w", key, err)
			}
			if applied {
				remove = append(remove, it.Key)
				continue
			}
			if st := p.get(key); st != nil && now.Before(st.notBefore) {
				break // this sequencer's next event is backing off: later nonces wait for it
			}
			relay = append(relay, it)
		}
		i = j
	}
	if err := p.remove(remove, "applied"); err != nil {
		return err
	}
	if len(relay) == 0 {
		return nil
	}
	if p.isInactive(now) {
		return nil
	}
	return p.relay(ctx, relay, now)
}

func (p *Processor) relay(ctx context.Context, items []store.Item, now time.Time) error {
	msgs := make([]seqtypes.L1EventMsg, 0, len(items))
	sent := make([]store.Item, 0, len(items))
	for _, it := range items {
		it.Msg.SetSubmitter(p.cfg.Submitter)
		if err := it.Msg.ValidateBasic(); err != nil {
			// The decoder produced something the chain can never accept: keep it (never
			// skip an event silently), retry slowly, and say so loudly.
			p.backoff(seqtypes.EventKey(it.Msg.GetEvent()), now, true)
			p.cfg.Monitor.Relayed(health.ResultRejected, 1)
			p.cfg.Logger.Error("processor: decoded event fails validation; kept in the outbox", "event", seqtypes.EventKey(it.Msg.GetEvent()), "err", err)
			continue
		}
		msgs = append(msgs, it.Msg)
		sent = append(sent, it)
	}
	if len(msgs) == 0 {
		return nil
	}
	errs := p.relayer.Relay(ctx, msgs)
	if ctx.Err() != nil {
		return nil // shutting down: what was sent is found pending (or applied) after a restart
	}
	if len(errs) != len(msgs) {
		return fmt.Errorf("relayer returned %d results for %d messages", len(errs), len(msgs))
	}
	var superseded [][]byte
	notSequencer, accepted, relayed := 0, 0, 0
	for i, err := range errs {
		it := sent[i]
		key := seqtypes.EventKey(it.Msg.GetEvent())
		switch result := Classify(err); result {
		case health.ResultOK:
			accepted++
			relayed++
			p.backoff(key, now, false)
			p.cfg.Monitor.Relayed(result, 1)
		case health.ResultDuplicate:
			accepted++ // the chain checks the relayer before the event
			p.cfg.Monitor.Relayed(result, 1)
		case health.ResultNotSequencer:
			notSequencer++
		case health.ResultSuperseded:
			p.cfg.Logger.Error("processor: the chain can never apply this event (its nonce or sequencer id was taken by another L1 log); dropping it",
				"event", key, "sequencer", it.Info.SequencerID, "nonce", it.Info.Nonce, "reason", err)
			superseded = append(superseded, it.Key)
			p.cfg.Monitor.Relayed(result, 1)
		case health.ResultRejected:
			p.backoff(key, now, false)
			p.cfg.Logger.Info("processor: chain refused event for now; will retry", "event", key, "reason", err)
			p.cfg.Monitor.Relayed(result, 1)
		default:
			p.backoff(key, now, false)
			p.cfg.Logger.Error("processor: relay failed; will retry", "event", key, "err", err)
			p.cfg.Monitor.Relayed(result, 1)
		}
	}
	if relayed > 0 {
		p.cfg.Logger.Info("processor: events relayed; the pool's vote applies them", "events", relayed)
	}
	if notSequencer > 0 {
		p.cfg.Monitor.Relayed(health.ResultNotSequencer, notSequencer)
		p.setInactive(now)
	} else if accepted > 0 {
		p.setActive()
	}
	return p.remove(superseded, "superseded")
}

// Classify maps a relay result to a relays_total result label.
func Classify(err error) string {
	switch {
	case err == nil:
		return health.ResultOK
	case errors.Is(err, seqtypes.ErrEventAlreadyApplied), errors.Is(err, seqtypes.ErrEventAlreadyPending):
		return health.ResultDuplicate
	case errors.Is(err, seqtypes.ErrNotSequencer), errors.Is(err, sdkerrors.ErrUnknownAddress):
		// ErrUnknownAddress: the operator's account does not exist yet (it is created
		// when its sequencer becomes active).
		return health.ResultNotSequencer
	case errors.Is(err, seqtypes.ErrNonceOutOfOrder), errors.Is(err, seqtypes.ErrSequencerExists):
		// At relay time the chain only refuses a nonce as stale (<= the sequencer's
		// applied nonce) and an id that exists; both are permanent, and the event was
		// not applied itself (that is checked first and answers ErrEventAlreadyApplied).
		return health.ResultSuperseded
	}
	if space, _, _ := errorsmod.ABCIInfo(err, false); space == seqtypes.ModuleName {
		return health.ResultRejected
	}
	return health.ResultError
}

func (p *Processor) chainCall(err error) error {
	if err != nil {
		p.cfg.Monitor.Error(health.EndpointChain, err)
		return err
	}
	p.cfg.Monitor.OK(health.EndpointChain)
	return nil
}

func (p *Processor) remove(keys [][]byte, why string) error {
	if len(keys) == 0 {
		return nil
	}
	if err := p.outbox.Remove(keys...); err != nil {
		return fmt.Errorf("remove %s events from the outbox: %w", why, err)
	}
	p.mu.Lock()
	for _, k := range keys {
		if ki, err := store.ParseKey(k); err == nil {
			delete(p.state, seqtypes.EventKey(seqtypes.L1EventRef{TxHash: fmt.Sprintf("0x%x", ki.TxHash), LogIndex: ki.LogIndex}))
		}
	}
	p.mu.Unlock()
	p.cfg.Logger.Debug("processor: removed events from the outbox", "count", len(keys), "why", why)
	return nil
}

func (p *Processor) get(key string) *itemState {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.state[key]
}

// backoff records an attempt; the event is not relayed again before the delay passes.
// After a successful relay the event normally shows as pending next round; the delay
// matters only if the vote drops it (rejected or expired) and it must go again.
func (p *Processor) backoff(key string, now time.Time, longest bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	st := p.state[key]
	if st == nil {
		st = &itemState{}
		p.state[key] = st
	}
	st.attempts++
	d := listener.Backoff(p.cfg.MinBackoff, p.cfg.MaxBackoff, st.attempts)
	if longest {
		d = p.cfg.MaxBackoff
	}
	st.notBefore = now.Add(d)
}

func (p *Processor) forgetAll() {
	p.mu.Lock()
	defer p.mu.Unlock()
	clear(p.state)
}

func (p *Processor) isInactive(now time.Time) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.inactive && now.Before(p.inactiveUntil)
}

func (p *Processor) setInactive(now time.Time) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.inactive {
		p.cfg.Logger.Info("processor: this operator is not an active sequencer (yet); the pool's other bridges relay meanwhile. Events stay in the outbox; relaying is retried periodically",
			"submitter", p.cfg.Submitter, "retry_every", p.cfg.InactiveRetry)
	}
	p.inactive = true
	p.inactiveUntil = now.Add(p.cfg.InactiveRetry)
}

func (p *Processor) setActive() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.inactive {
		p.cfg.Logger.Info("processor: relaying as an active sequencer", "submitter", p.cfg.Submitter)
	}
	p.inactive = false
}
