package processor

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/themis-network/themis/bridge/health"
	"github.com/themis-network/themis/bridge/store"
	seqtypes "github.com/themis-network/themis/x/sequencer/types"
)

// Parking: what can never apply is parked with its reason (store.Park), re-examined rarely
// off the relay path, and shown in health.

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
		if pending[pendingKey(it.Msg)] {
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
