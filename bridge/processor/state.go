package processor

import (
	"errors"
	"time"

	"github.com/themis-network/themis/bridge/listener"
	seqtypes "github.com/themis-network/themis/x/sequencer/types"
)

// Per-item relay state: backoff, inclusion and refusal history, kept in memory only.

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
	// inLane: this operator's relay of it is in the chain's queue (its lane).
	inLane bool
}

// headMark is a sequencer's lowest waiting event and since when it is.
type headMark struct {
	key   string
	since time.Time
}

// headStalled reports whether key has been seq's lowest waiting event for JoinAfter.
// A stall reported once starts a new period, so joins repeat at most every JoinAfter.
func (p *Processor) headStalled(seq uint64, key string, now time.Time) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	h := p.heads[seq]
	if h == nil || h.key != key {
		p.heads[seq] = &headMark{key: key, since: now}
		return false
	}
	if now.Sub(h.since) < p.cfg.JoinAfter {
		return false
	}
	h.since = now
	return true
}

// inOurLane reports whether the chain's queue holds this operator's relay of key.
func (p *Processor) inOurLane(key string) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	st := p.state[key]
	return st != nil && st.inLane
}

// inLane records that the chain's queue holds this operator's relay of the event.
func (p *Processor) inLane(key string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.stateOf(key).inLane = true
}

// notPending records that the event is not queued (any more): expired or rejected
// items are relayed afresh.
func (p *Processor) notPending(key string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if st := p.state[key]; st != nil {
		st.inLane = false
	}
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

// refused records a state refusal and returns when the streak began. A full queue (or
// this relayer's full share of it) is about all its events, not this one: it neither
// starts nor ends a streak.
func (p *Processor) refused(key string, err error, now time.Time) (time.Time, bool) {
	if errors.Is(err, seqtypes.ErrQueueFull) || errors.Is(err, seqtypes.ErrRelayerQueueFull) {
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
	clear(p.heads)
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
