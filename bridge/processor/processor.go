// Package processor relays the outbox to the chain: per sequencer in nonce order, it
// skips what the chain already applied (and drops it from the outbox) or already has
// pending, relays the rest, and retries failures with exponential backoff. An item
// leaves the outbox only when the chain reports it applied (or provably never
// applicable: its nonce or sequencer id was taken by another log).
//
// Rounds are fair (the store's Heads: round robin over sequencers, an equal share of the
// round each), and what can never apply is parked: moved out of the relay loop with its
// reason, persisted, shown in /healthz and metrics, and re-examined rarely (every
// ParkedRetry, or at once on POST /parked/retry) by a path that looks at no more than
// MaxParkedPerRound items a round. A parked item holds no slot, and the later nonces of
// its sequencer wait behind it without holding any either.
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
	Heads(perSequencer, limit int, from uint64) ([]store.Item, uint64, error)
	Remove(keys ...[]byte) error
	Park(key []byte, p store.Parking) error
	Parked() []store.ParkedItem
	Len() int
	Added() <-chan struct{}
}

// Chain is what the processor asks the chain.
type Chain interface {
	// EventApplied tells whether the L1 log was applied.
	EventApplied(ctx context.Context, ref seqtypes.L1EventRef) (bool, error)
	// PendingEvents returns the seqtypes.PendingKey of every queued relayed event.
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
	DefaultWindow            = 128
	DefaultMaxPerRound       = 512
	DefaultInactiveRetry     = 30 * time.Second
	DefaultParkAfter         = time.Hour
	DefaultParkedRetry       = time.Hour
	DefaultMaxParkedPerRound = 16
	// DefaultJoinAfter: about three chain blocks. An honest relay is voted on in the
	// block that carries it, so an event still waiting this long may sit behind a
	// hostile relayer's items in that relayer's lane.
	DefaultJoinAfter = 3 * time.Second
	// neverAppliedRelays is how many included relays of an event that never applied it
	// takes (besides ParkAfter) to park it as never_applied.
	neverAppliedRelays = 3
)

// Config of a Processor.
type Config struct {
	// Submitter is the operator's chain address (bech32), set on every relayed message.
	Submitter string
	// PollInterval is the pause between rounds when idle (default 1 s).
	PollInterval time.Duration
	// Window is how many events per sequencer may be in flight (default 128: the
	// chain's nonce_lookahead, so a sequencer's backlog can be voted on in one go).
	Window int
	// MaxPerRound bounds the events looked at in one round (default 512).
	MaxPerRound int
	// MinBackoff and MaxBackoff bound the per-event retry delay (defaults 1 s, 30 s).
	MinBackoff, MaxBackoff time.Duration
	// InactiveRetry is the pause before relaying again after the chain said this
	// operator is not an active sequencer (default 30 s).
	InactiveRetry time.Duration
	// ParkAfter is how long the chain may keep refusing an event (a state check such as
	// ErrNotWhitelisted or ErrInvalidStatus), or keep not applying it although relays are
	// included, before it is parked (default 1 h). Malformed events are parked at once.
	ParkAfter time.Duration
	// ParkedRetry is how often a parked event is re-examined (default 1 h).
	ParkedRetry time.Duration
	// MaxParkedPerRound bounds the parked events re-examined in one round (default 16).
	MaxParkedPerRound int
	// JoinAfter is how long a sequencer's lowest waiting event may stay its lowest
	// (no progress) before this bridge relays that sequencer's queued events again:
	// each relay joins the waiting item, which puts it in this operator's lane of the
	// vote window (default 3 s). A backlog the vote works through moves its head every
	// block and costs no second relay.
	JoinAfter time.Duration
	// Now is the clock (tests).
	Now func() time.Time

	Logger  log.Logger
	Monitor *health.Monitor
}

// Processor relays outbox items.
type Processor struct {
	cfg     Config
	outbox  Outbox
	chain   Chain
	relayer Relayer

	mu            sync.Mutex
	state         map[string]*itemState // by seqtypes.EventKey
	heads         map[uint64]*headMark  // each sequencer's lowest waiting event, by id
	inactiveUntil time.Time
	inactive      bool
	next          uint64 // the sequencer id the next round starts at
	// Parked items: forced are re-examined at the next rounds whatever their NextRetry
	// (POST /parked/retry); followUp were relayed by a re-examination and are checked
	// again soon; parkedDue is the earliest NextRetry (zero: look at the store).
	forced    map[string]bool
	followUp  map[string]bool
	parkedDue time.Time
	wake      chan struct{}
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
	if cfg.JoinAfter <= 0 {
		cfg.JoinAfter = DefaultJoinAfter
	}
	if cfg.ParkAfter <= 0 {
		cfg.ParkAfter = DefaultParkAfter
	}
	if cfg.ParkedRetry <= 0 {
		cfg.ParkedRetry = DefaultParkedRetry
	}
	if cfg.MaxParkedPerRound <= 0 {
		cfg.MaxParkedPerRound = DefaultMaxParkedPerRound
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Logger == nil {
		cfg.Logger = log.NewNopLogger()
	}
	p := &Processor{cfg: cfg, outbox: outbox, chain: chain, relayer: relayer, state: map[string]*itemState{}, heads: map[uint64]*headMark{},
		forced: map[string]bool{}, followUp: map[string]bool{}, wake: make(chan struct{}, 1)}
	cfg.Monitor.OnRetryParked(p.RetryParked)
	p.publishParked()
	return p, nil
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
		case <-p.wake:
		case <-t.C:
		}
		t.Stop()
	}
}

// Step is one round: look at the outbox heads (a fair share per sequencer), prune what
// was applied, park what can never apply, relay what is neither applied nor pending and
// not backing off; then re-examine the parked items that are due.
func (p *Processor) Step(ctx context.Context) error {
	items, next, err := p.outbox.Heads(p.cfg.Window, p.cfg.MaxPerRound, p.next)
	if err != nil {
		return fmt.Errorf("read outbox: %w", err)
	}
	p.next = next
	defer func() { p.cfg.Monitor.OutboxPending(p.outbox.Len()) }()
	now := p.cfg.Now()
	due := p.dueParked(now)
	if len(items) == 0 && len(due) == 0 {
		p.forgetAll()
		return p.chainCall(p.chain.Ping(ctx))
	}
	pending, err := p.chain.PendingEvents(ctx)
	if err := p.chainCall(err); err != nil {
		return fmt.Errorf("query pending events: %w", err)
	}
	var (
		relay  []store.Item
		remove [][]byte
		heads  = map[string]bool{} // each sequencer's lowest nonce still waiting
	)
	for i := 0; i < len(items); {
		seq := items[i].Info.SequencerID
		j := i
		for j < len(items) && items[j].Info.SequencerID == seq {
			j++
		}
		stalled := p.headStalled(seq, seqtypes.EventKey(items[i].Msg.GetEvent()), now)
		for n, it := range items[i:j] {
			ref := it.Msg.GetEvent()
			key := seqtypes.EventKey(ref)
			head := n == 0
			if head {
				heads[key] = true
			}
			if pending[pendingKey(it.Msg)] {
				if !stalled || (!head && p.inOurLane(key)) {
					continue // queued: the vote decides; the next nonce may go
				}
				// The sequencer's lowest waiting nonce has not moved for JoinAfter:
				// relay what waits in others' lanes only, and the head even if we
				// think it is in ours (it may have expired and been queued again by
				// somebody else in one block). The chain joins each to this lane.
			} else {
				p.notPending(key)
			}
			applied, err := p.chain.EventApplied(ctx, ref)
			if err := p.chainCall(err); err != nil {
				return fmt.Errorf("query event %s: %w", key, err)
			}
			if applied {
				remove = append(remove, it.Key)
				continue
			}
			st := p.get(key)
			if st != nil && now.Before(st.notBefore) {
				break // this sequencer's next event is backing off: later nonces wait for it
			}
			if park, why := p.shouldPark(it, st, head, now); park != "" {
				if err := p.park(it, park, why, now); err != nil {
					return err
				}
				break // later nonces wait behind a parked one (the store keeps them out of later rounds)
			}
			relay = append(relay, it)
		}
		i = j
	}
	if err := p.remove(remove, "applied"); err != nil {
		return err
	}
	if err := p.relay(ctx, relay, heads, now); err != nil {
		return err
	}
	return p.reexamine(ctx, due, pending, now)
}

// pendingKey is the key the chain's queue knows msg by; an event that cannot be
// encoded is never found pending (its relay fails and says why).
func pendingKey(msg seqtypes.L1EventMsg) string {
	k, err := seqtypes.PendingKey(msg)
	if err != nil {
		return ""
	}
	return k
}

func (p *Processor) relay(ctx context.Context, items []store.Item, heads map[string]bool, now time.Time) error {
	if len(items) == 0 || p.isInactive(now) {
		return nil
	}
	msgs := make([]seqtypes.L1EventMsg, 0, len(items))
	for _, it := range items {
		it.Msg.SetSubmitter(p.cfg.Submitter)
		msgs = append(msgs, it.Msg)
	}
	errs := p.relayer.Relay(ctx, msgs)
	if ctx.Err() != nil {
		return nil // shutting down: what was sent is found pending (or applied) after a restart
	}
	if len(errs) != len(msgs) {
		return fmt.Errorf("relayer returned %d results for %d messages", len(errs), len(msgs))
	}
	var drop [][]byte
	notSequencer, accepted, relayed := 0, 0, 0
	for i, err := range errs {
		it := items[i]
		key := seqtypes.EventKey(it.Msg.GetEvent())
		result := Classify(err)
		switch result {
		case health.ResultOK:
			accepted++
			relayed++
			p.included(key, now)
			p.backoff(key, now)
			p.inLane(key)
		case health.ResultDuplicate:
			accepted++ // the chain checks the relayer before the event
			if errors.Is(err, seqtypes.ErrEventAlreadyApplied) {
				drop = append(drop, it.Key) // done: no need to ask again next round
			} else {
				p.accepted(key)
				p.inLane(key) // this operator relayed it before (a restart forgot)
			}
		case health.ResultNotSequencer:
			notSequencer++
		case health.ResultSuperseded:
			p.cfg.Logger.Error("processor: the chain can never apply this event (its nonce or sequencer id was taken by another L1 log); dropping it",
				"event", key, "sequencer", it.Info.SequencerID, "nonce", it.Info.Nonce, "reason", err)
			drop = append(drop, it.Key)
		case health.ResultInvalid:
			if err := p.park(it, health.ParkInvalid, "the chain says the message is malformed: "+err.Error(), now); err != nil {
				return err
			}
		case health.ResultRejected:
			p.backoff(key, now)
			if since, ok := p.refused(key, err, now); ok && heads[key] && now.Sub(since) >= p.cfg.ParkAfter {
				why := fmt.Sprintf("refused by the chain since %s: %v", since.UTC().Format(time.RFC3339), err)
				if err := p.park(it, health.ParkRefused, why, now); err != nil {
					return err
				}
			} else {
				p.cfg.Logger.Info("processor: chain refused event for now; will retry", "event", key, "reason", err)
			}
		default:
			p.backoff(key, now)
			p.cfg.Logger.Error("processor: relay failed; will retry", "event", key, "err", err)
		}
		if result != health.ResultNotSequencer {
			p.cfg.Monitor.Relayed(result, 1)
		}
	}
	if relayed > 0 {
		p.cfg.Logger.Info("processor: events relayed; the pool's vote applies them", "events", relayed)
	}
	p.noteActivity(notSequencer, accepted, now)
	return p.remove(drop, "applied or superseded")
}

func (p *Processor) noteActivity(notSequencer, accepted int, now time.Time) {
	if notSequencer > 0 {
		p.cfg.Monitor.Relayed(health.ResultNotSequencer, notSequencer)
		p.setInactive(now)
	} else if accepted > 0 {
		p.setActive()
	}
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
		// (A nonce of 0 also answers ErrNonceOutOfOrder, from ValidateBasic, but the
		// bridge parks what fails ValidateBasic before relaying it.)
		return health.ResultSuperseded
	case errors.Is(err, seqtypes.ErrInvalidEventRef), errors.Is(err, seqtypes.ErrInvalidAddress),
		errors.Is(err, seqtypes.ErrInvalidPubKey), errors.Is(err, seqtypes.ErrInvalidAmount),
		errors.Is(err, seqtypes.ErrInvalidUnlockTime), errors.Is(err, seqtypes.ErrInvalidOffence),
		errors.Is(err, seqtypes.ErrInvalidConfigChange), errors.Is(err, seqtypes.ErrInvalidLedgerChange):
		// At relay time these come only from the message's own validation (the amount
		// and status checks against state run when the event is applied, not queued), so
		// no state change can make the chain accept this message. (The bridge checks
		// ValidateBasic itself first: a chain running other rules answers here.)
		return health.ResultInvalid
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
