package store

import (
	"bytes"
	"fmt"
)

// Rounds: the processor's fair view of the outbox, round robin across sequencers.

// Heads returns the items the processor looks at in one round: the lowest nonces of
// each sequencer, at most perSequencer of each and limit in all (0 = no limit).
//
// It is fair. The sequencers are visited round robin, starting at the first sequencer
// id >= from and wrapping around; each gets an equal share of limit (at least one item,
// at most perSequencer) and what some leave unused goes, in visiting order, to those
// with more. When more than limit sequencers have items, the round covers limit of them
// and next (the from of the following round) starts after the last one visited, so
// every sequencer is looked at within ceil(sequencers/limit) rounds; otherwise next is
// one past the first, rotating who gets the unused share. Parked items are not read,
// and neither are the later nonces of a sequencer with a parked item (they cannot apply
// before it): parked items hold no slot.
//
// Items come grouped by sequencer, in visiting order, each group in nonce order.
func (s *Store) Heads(perSequencer, limit int, from uint64) (items []Item, next uint64, err error) {
	if perSequencer <= 0 {
		perSequencer = 1
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil, 0, ErrClosed
	}
	floors := s.floors()
	seqs, err := s.sequencers(from, limit, floors)
	if err != nil || len(seqs) == 0 {
		return nil, from, err
	}
	heads := make([][]Item, len(seqs))
	for i, seq := range seqs {
		if heads[i], err = s.readHead(seq, perSequencer, floors); err != nil {
			return nil, 0, err
		}
	}
	share, budget := perSequencer, len(seqs)*perSequencer
	if limit > 0 {
		share = max(1, min(perSequencer, limit/len(seqs)))
		budget = limit
	}
	take := make([]int, len(heads))
	for i, h := range heads {
		take[i] = min(share, len(h))
		budget -= take[i]
	}
	for i, h := range heads {
		extra := min(budget, len(h)-take[i])
		if extra <= 0 {
			continue
		}
		take[i] += extra
		budget -= extra
	}
	for i, h := range heads {
		items = append(items, h[:take[i]]...)
	}
	next = seqs[0] + 1
	if limit > 0 && len(seqs) == limit {
		next = seqs[len(seqs)-1] + 1
	}
	return items, next, nil
}

// sequencers lists up to limit (0: all) sequencer ids with an item they may relay, in
// round-robin order from the first id >= from. One seek per sequencer.
func (s *Store) sequencers(from uint64, limit int, floors map[uint64]uint64) ([]uint64, error) {
	var out []uint64
	visit := func(start, end []byte) error {
		for start != nil && (limit <= 0 || len(out) < limit) {
			k, err := s.firstKey(start, end)
			if err != nil || k == nil {
				return err
			}
			ki, err := ParseKey(k)
			if err != nil {
				return fmt.Errorf("outbox key %x: %w", k, err)
			}
			if floor, ok := floors[ki.SequencerID]; !ok || ki.Nonce <= floor {
				out = append(out, ki.SequencerID)
			}
			if ki.SequencerID == ^uint64(0) {
				return nil
			}
			start = seqNoncePrefix(outboxPrefix, ki.SequencerID+1, 0)[:1+8]
		}
		return nil
	}
	fromKey := seqNoncePrefix(outboxPrefix, from, 0)[:1+8]
	if err := visit(fromKey, prefixEnd(outboxPrefix)); err != nil {
		return nil, err
	}
	if from > 0 {
		if err := visit(outboxPrefix, fromKey); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func (s *Store) firstKey(start, end []byte) ([]byte, error) {
	it, err := s.db.Iterator(start, end)
	if err != nil {
		return nil, err
	}
	defer it.Close()
	if !it.Valid() {
		return nil, it.Error()
	}
	return bytes.Clone(it.Key()), nil
}

// readHead reads up to n items of seq in nonce order, none above its floor.
func (s *Store) readHead(seq uint64, n int, floors map[uint64]uint64) ([]Item, error) {
	start := seqNoncePrefix(outboxPrefix, seq, 0)[:1+8]
	end := prefixEnd(start)
	if floor, ok := floors[seq]; ok && floor < ^uint64(0) {
		end = seqNoncePrefix(outboxPrefix, seq, floor+1)
	}
	it, err := s.db.Iterator(start, end)
	if err != nil {
		return nil, err
	}
	defer it.Close()
	var items []Item
	for ; it.Valid() && len(items) < n; it.Next() {
		item, err := decodeItem(it.Key(), it.Value())
		if err != nil {
			return nil, fmt.Errorf("outbox key %x: %w", it.Key(), err)
		}
		items = append(items, item)
	}
	return items, it.Error()
}
