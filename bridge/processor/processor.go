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
	"sort"
	"strings"
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
	DefaultWindow            = 16
	DefaultMaxPerRound       = 200
	DefaultInactiveRetry     = 30 * time.Second
	DefaultParkAfter         = time.Hour
	DefaultParkedRetry       = time.Hour
	DefaultMaxParkedPerRound = 16
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
	// Window is how many events per sequencer may be in flight (default 16).
	Window int
	// MaxPerRound bounds the events looked at in one round (default 200).
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
	// Now is the clock (tests).
	Now func() time.Time

	Logger  log.Logger
	Monitor *health.Monitor
}

type itemState struct {
	attempts  int
	notBefore time.Time
	// refusedSince starts a streak of state refusals (zero: none). A relay the chain
	// accepts ends the streak.
	refusedSince time.Time
	// included counts relays included on chain while the event stayed unapplied,
	// since firstIncluded.
	included      int
	firstIncluded time.Time
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
	p := &Processor{cfg: cfg, outbox: outbox, chain: chain, relayer: relayer, state: map[string]*itemState{},
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
		for n, it := range items[i:j] {
			ref := it.Msg.GetEvent()
			key := seqtypes.EventKey(ref)
			head := n == 0
			if head {
				heads[key] = true
			}
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

// shouldPark says whether an item about to be relayed can never apply: it fails the
// chain's own validation (parked at once), or it is its sequencer's head and the chain
// has kept not applying it for ParkAfter although relays were included. Refusals park
// in relay, when they happen.
//
// Only a head is parked for what the chain does (refusing, not applying): the later
// nonces fail because the head does, and they must flow as soon as the head is applied,
// not wait for retries of their own. They wait behind the parked head instead.
func (p *Processor) shouldPark(it store.Item, st *itemState, head bool, now time.Time) (class, why string) {
	it.Msg.SetSubmitter(p.cfg.Submitter)
	if err := it.Msg.ValidateBasic(); err != nil {
		// The decoder produced something the chain can never accept: keep it (never
		// skip an event silently) but out of the relay loop, and say so loudly.
		p.cfg.Monitor.Relayed(health.ResultInvalid, 1)
		return health.ParkInvalid, "the decoded event fails validation: " + err.Error()
	}
	if head && st != nil && st.included >= neverAppliedRelays && now.Sub(st.firstIncluded) >= p.cfg.ParkAfter {
		return health.ParkNeverApplied, fmt.Sprintf("relayed and included %d times since %s, never applied (the pool's vote rejects it, or it expires waiting)",
			st.included, st.firstIncluded.UTC().Format(time.RFC3339))
	}
	return "", ""
}

func (p *Processor) park(it store.Item, class, why string, now time.Time) error {
	key := seqtypes.EventKey(it.Msg.GetEvent())
	err := p.outbox.Park(it.Key, store.Parking{Class: class, Reason: why, Since: now, NextRetry: now.Add(p.cfg.ParkedRetry)})
	if err != nil {
		return fmt.Errorf("park event %s: %w", key, err)
	}
	p.mu.Lock()
	delete(p.state, key)
	p.parkedDue = time.Time{}
	p.mu.Unlock()
	p.cfg.Monitor.Parking(class)
	p.cfg.Logger.Error("processor: parked an event the chain cannot apply; it holds up nothing else and is re-examined every "+p.cfg.ParkedRetry.String()+" (POST /parked/retry to re-examine now)",
		"event", key, "sequencer", it.Info.SequencerID, "nonce", it.Info.Nonce, "l1_block", it.Info.BlockNumber, "reason", class, "detail", why)
	p.publishParked()
	return nil
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
		case health.ResultDuplicate:
			accepted++ // the chain checks the relayer before the event
			if errors.Is(err, seqtypes.ErrEventAlreadyApplied) {
				drop = append(drop, it.Key) // done: no need to ask again next round
			} else {
				p.accepted(key)
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
		errors.Is(err, seqtypes.ErrInvalidUnlockTime), errors.Is(err, seqtypes.ErrInvalidOffence):
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

// reexamine looks again at parked items that are due: applied or superseded ones leave
// the store; the others are relayed once. A relay the chain includes is followed up
// soon (applied: removed, which lets the sequencer's later nonces go); anything else
// leaves the item parked until its next retry. Nothing here touches the hot path.
func (p *Processor) reexamine(ctx context.Context, due []store.ParkedItem, pending map[string]bool, now time.Time) error {
	if len(due) == 0 {
		return nil
	}
	defer func() {
		p.mu.Lock()
		p.parkedDue = time.Time{}
		p.mu.Unlock()
		p.publishParked()
	}()
	var (
		drop [][]byte
		send []store.ParkedItem
	)
	soon := now.Add(p.cfg.MaxBackoff)
	for _, it := range due {
		k, key := string(it.Key), seqtypes.EventKey(it.Msg.GetEvent())
		p.mu.Lock()
		delete(p.forced, k)
		followUp := p.followUp[k]
		delete(p.followUp, k)
		p.mu.Unlock()
		if pending[key] {
			if err := p.reschedule(it, it.Parking, soon, false); err != nil { // the vote decides; look again soon
				return err
			}
			continue
		}
		applied, err := p.chain.EventApplied(ctx, it.Msg.GetEvent())
		if err := p.chainCall(err); err != nil {
			return fmt.Errorf("query parked event %s: %w", key, err)
		}
		if applied {
			p.cfg.Logger.Info("processor: a parked event was applied after all; removed", "event", key)
			drop = append(drop, it.Key)
			continue
		}
		if followUp {
			// Our re-examination's relay was included, and the event is neither pending
			// nor applied: the vote rejected it, or it expired.
			if err := p.reschedule(it, it.Parking, now.Add(p.cfg.ParkedRetry), true); err != nil {
				return err
			}
			continue
		}
		it.Msg.SetSubmitter(p.cfg.Submitter)
		if err := it.Msg.ValidateBasic(); err != nil {
			if err := p.reschedule(it, it.Parking, now.Add(p.cfg.ParkedRetry), true); err != nil {
				return err
			}
			continue
		}
		send = append(send, it)
	}
	if err := p.remove(drop, "applied (parked)"); err != nil {
		return err
	}
	if len(send) == 0 {
		return nil
	}
	if p.isInactive(now) {
		for _, it := range send {
			if err := p.reschedule(it, it.Parking, now.Add(p.cfg.InactiveRetry), false); err != nil {
				return err
			}
		}
		return nil
	}
	msgs := make([]seqtypes.L1EventMsg, len(send))
	for i, it := range send {
		msgs[i] = it.Msg
	}
	errs := p.relayer.Relay(ctx, msgs)
	if ctx.Err() != nil {
		return nil
	}
	if len(errs) != len(msgs) {
		return fmt.Errorf("relayer returned %d results for %d messages", len(errs), len(msgs))
	}
	notSequencer, accepted := 0, 0
	for i, err := range errs {
		it := send[i]
		parking, next, counted := it.Parking, now.Add(p.cfg.ParkedRetry), true
		result := Classify(err)
		switch result {
		case health.ResultOK, health.ResultDuplicate:
			accepted++
			if errors.Is(err, seqtypes.ErrEventAlreadyApplied) {
				drop = append(drop, it.Key)
				continue
			}
			p.mu.Lock()
			p.followUp[string(it.Key)] = true
			p.mu.Unlock()
			next, counted = soon, false
		case health.ResultNotSequencer:
			notSequencer++
			next, counted = now.Add(p.cfg.InactiveRetry), false
		case health.ResultSuperseded:
			drop = append(drop, it.Key)
			p.cfg.Monitor.Relayed(result, 1)
			continue
		case health.ResultInvalid:
			parking.Class, parking.Reason = health.ParkInvalid, "the chain says the message is malformed: "+err.Error()
		case health.ResultRejected:
			parking.Reason = "refused by the chain: " + err.Error()
		default:
			next, counted = soon, false
		}
		if result != health.ResultNotSequencer {
			p.cfg.Monitor.Relayed(result, 1)
		}
		if err := p.reschedule(it, parking, next, counted); err != nil {
			return err
		}
	}
	p.noteActivity(notSequencer, accepted, now)
	return p.remove(drop, "applied or superseded (parked)")
}

func (p *Processor) reschedule(it store.ParkedItem, parking store.Parking, next time.Time, counted bool) error {
	parking.NextRetry = next
	if counted {
		parking.Retries++
	}
	if err := p.outbox.Park(it.Key, parking); err != nil {
		return fmt.Errorf("reschedule parked event %s: %w", seqtypes.EventKey(it.Msg.GetEvent()), err)
	}
	return nil
}

// dueParked returns the parked items to re-examine this round (at most
// MaxParkedPerRound). It reads the store only when something may be due.
func (p *Processor) dueParked(now time.Time) []store.ParkedItem {
	p.mu.Lock()
	idle := len(p.forced) == 0 && !p.parkedDue.IsZero() && now.Before(p.parkedDue)
	p.mu.Unlock()
	if idle {
		return nil
	}
	all := p.outbox.Parked()
	p.mu.Lock()
	defer p.mu.Unlock()
	var due []store.ParkedItem
	earliest := now.Add(p.cfg.ParkedRetry)
	live := make(map[string]bool, len(all))
	for _, it := range all {
		k := string(it.Key)
		live[k] = true
		if !p.forced[k] && now.Before(it.NextRetry) {
			if it.NextRetry.Before(earliest) {
				earliest = it.NextRetry
			}
			continue
		}
		if len(due) < p.cfg.MaxParkedPerRound {
			due = append(due, it)
		} else {
			earliest = now // more are due than a round takes: look again next round
		}
	}
	for k := range p.forced {
		if !live[k] {
			delete(p.forced, k)
		}
	}
	p.parkedDue = earliest
	return due
}

// RetryParked has the parked items re-examined at the next rounds, whatever their
// schedule: the one whose event key (tx hash:log index) is event, or all when event is
// empty. It returns how many were scheduled. It serves POST /parked/retry.
func (p *Processor) RetryParked(event string) int {
	all := p.outbox.Parked()
	p.mu.Lock()
	n := 0
	for _, it := range all {
		if event == "" || strings.EqualFold(seqtypes.EventKey(it.Msg.GetEvent()), strings.TrimSpace(event)) {
			p.forced[string(it.Key)] = true
			n++
		}
	}
	p.mu.Unlock()
	if n > 0 {
		p.cfg.Logger.Info("processor: parked events will be re-examined now", "count", n)
		select {
		case p.wake <- struct{}{}:
		default:
		}
	}
	return n
}

// publishParked hands the parked items, oldest first, to health and metrics.
func (p *Processor) publishParked() {
	if p.cfg.Monitor == nil {
		return
	}
	p.cfg.Monitor.Parked(ParkedStatuses(p.outbox.Parked()))
}

// ParkedStatuses converts parked items for the health report, oldest first.
func ParkedStatuses(items []store.ParkedItem) []health.ParkedStatus {
	sort.SliceStable(items, func(i, j int) bool { return items[i].Since.Before(items[j].Since) })
	out := make([]health.ParkedStatus, len(items))
	for i, it := range items {
		out[i] = health.ParkedStatus{
			Event: seqtypes.EventKey(it.Msg.GetEvent()), SequencerID: it.Info.SequencerID, Nonce: it.Info.Nonce,
			L1Block: it.Info.BlockNumber, Reason: it.Class, Detail: it.Reason, Retries: it.Retries,
			Since: it.Since.UTC().Format(time.RFC3339), NextRetry: it.NextRetry.UTC().Format(time.RFC3339),
		}
	}
	return out
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
func (p *Processor) backoff(key string, now time.Time) {
	p.mu.Lock()
	defer p.mu.Unlock()
	st := p.stateOf(key)
	st.attempts++
	st.notBefore = now.Add(listener.Backoff(p.cfg.MinBackoff, p.cfg.MaxBackoff, st.attempts))
}

// stateOf returns the event's state, creating it (p.mu held).
func (p *Processor) stateOf(key string) *itemState {
	st := p.state[key]
	if st == nil {
		st = &itemState{}
		p.state[key] = st
	}
	return st
}

// included records a relay the chain included: the refusal streak ends, the
// never-applied count goes on.
func (p *Processor) included(key string, now time.Time) {
	p.mu.Lock()
	defer p.mu.Unlock()
	st := p.stateOf(key)
	st.refusedSince = time.Time{}
	if st.included == 0 {
		st.firstIncluded = now
	}
	st.included++
}

// accepted records that the chain has the event pending: the refusal streak ends.
func (p *Processor) accepted(key string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if st := p.state[key]; st != nil {
		st.refusedSince = time.Time{}
	}
}

// refused records a state refusal and returns when the streak began. A full queue is
// about everyone's events, not this one: it neither starts nor ends a streak.
func (p *Processor) refused(key string, err error, now time.Time) (time.Time, bool) {
	if errors.Is(err, seqtypes.ErrQueueFull) {
		return time.Time{}, false
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	st := p.stateOf(key)
	if st.refusedSince.IsZero() {
		st.refusedSince = now
	}
	return st.refusedSince, true
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
