package store

import (
	"context"
	"fmt"

	seqtypes "github.com/themis-network/themis/x/sequencer/types"
)

// Commit: the listener's atomic write of a range's events, high-water marks and cursor.

// Mark is a sequencer's high-water mark: the highest nonce ever queued for it and the
// L1 block of that event.
type Mark struct {
	Nonce, Block uint64
}

// CommitStats says what a Commit did with its events.
type CommitStats struct {
	// Added counts events new to the outbox.
	Added int
	// Repeats counts events not queued because the chain already decided their
	// (sequencer, nonce): the nonce is at or below the high-water mark and no item with
	// that nonce is left in the outbox or parked (it was applied, or superseded).
	Repeats int
}

func markValue(m Mark) []byte { return append(u64(m.Nonce), u64(m.Block)...) }

// LastQueued is the sequencer's high-water mark, if any event of it was ever queued.
func (s *Store) LastQueued(seq uint64) (Mark, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m, ok := s.marks[seq]
	return m, ok
}

// Commit durably adds the events of an L1 range, raises the sequencers' high-water
// marks and moves the cursor to the range's last block, in one atomic fsync'ed batch:
// after a crash either all of it is on disk or none is. The cursor never moves back
// (a re-scan of earlier blocks commits with the cursor it has).
//
// It de-duplicates: an event already in the outbox is rewritten unchanged, one already
// parked is left parked, and one whose nonce is at or below its sequencer's mark is
// queued only while an item with that (sequencer, nonce) is still in the outbox or
// parked (another copy the chain has not decided, e.g. after a reorg); otherwise the
// chain already applied or superseded that nonce and the log is a repeat. So re-reading
// blocks never brings back what the chain already took.
//
// When the outbox would exceed its capacity Commit waits for the processor to remove or
// park items, or for ctx; an empty outbox always accepts a range, however large.
func (s *Store) Commit(ctx context.Context, events []seqtypes.L1EventMsg, cursor uint64) (CommitStats, error) {
	keys := make([][]byte, len(events))
	vals := make([][]byte, len(events))
	for i, ev := range events {
		k, err := outboxKey(ev)
		if err != nil {
			return CommitStats{}, err
		}
		v, err := encodeRecord(ev)
		if err != nil {
			return CommitStats{}, err
		}
		keys[i], vals[i] = k, v
	}
	for {
		s.mu.Lock()
		if s.closed {
			s.mu.Unlock()
			return CommitStats{}, ErrClosed
		}
		if s.hasCursor && cursor < s.cursor {
			s.mu.Unlock()
			return CommitStats{}, fmt.Errorf("bridge store: cursor cannot move back from %d to %d", s.cursor, cursor)
		}
		keep, stats, err := s.dedup(events, keys)
		if err != nil {
			s.mu.Unlock()
			return CommitStats{}, err
		}
		fresh, err := s.countNew(keep, keys)
		if err != nil {
			s.mu.Unlock()
			return CommitStats{}, err
		}
		if fresh == 0 || s.count == 0 || s.count+fresh <= s.capacity {
			marks := s.raisedMarks(events, keep)
			err := s.write(keep, keys, vals, marks, cursor)
			if err == nil {
				s.count += fresh
				for seq, m := range marks {
					s.marks[seq] = m
				}
			}
			s.mu.Unlock()
			if err == nil && fresh > 0 {
				select {
				case s.added <- struct{}{}:
				default:
				}
			}
			stats.Added = fresh
			return stats, err
		}
		space := s.space
		s.mu.Unlock()
		select {
		case <-ctx.Done():
			return CommitStats{}, ctx.Err()
		case <-space:
		}
	}
}

// dedup says which events to write (see Commit). Marks are those before the batch: a
// batch's own events never make each other repeats.
func (s *Store) dedup(events []seqtypes.L1EventMsg, keys [][]byte) ([]bool, CommitStats, error) {
	keep := make([]bool, len(events))
	var stats CommitStats
	for i, ev := range events {
		if _, parked := s.parked[string(keys[i])]; parked {
			continue
		}
		seq, nonce := ev.GetSequencerId(), ev.GetNonce()
		if m, ok := s.marks[seq]; ok && nonce <= m.Nonce {
			open, err := s.hasNonce(seq, nonce)
			if err != nil {
				return nil, stats, err
			}
			if !open {
				stats.Repeats++
				continue
			}
		}
		keep[i] = true
	}
	return keep, stats, nil
}

// hasNonce tells whether an item of (seq, nonce) is in the outbox or parked.
func (s *Store) hasNonce(seq, nonce uint64) (bool, error) {
	for _, prefix := range [][]byte{outboxPrefix, parkedPrefix} {
		p := seqNoncePrefix(prefix, seq, nonce)
		it, err := s.db.Iterator(p, prefixEnd(p))
		if err != nil {
			return false, err
		}
		found := it.Valid()
		err = it.Error()
		_ = it.Close()
		if err != nil || found {
			return found, err
		}
	}
	return false, nil
}

// raisedMarks are the marks the kept events raise.
func (s *Store) raisedMarks(events []seqtypes.L1EventMsg, keep []bool) map[uint64]Mark {
	out := map[uint64]Mark{}
	for i, ev := range events {
		if !keep[i] {
			continue
		}
		seq := ev.GetSequencerId()
		cur, ok := out[seq]
		if !ok {
			cur = s.marks[seq]
		}
		if ev.GetNonce() > cur.Nonce {
			out[seq] = Mark{Nonce: ev.GetNonce(), Block: ev.GetEvent().BlockNumber}
		}
	}
	return out
}

// countNew counts the kept keys not in the outbox yet (duplicates counted once).
func (s *Store) countNew(keep []bool, keys [][]byte) (int, error) {
	seen := make(map[string]bool, len(keys))
	n := 0
	for i, k := range keys {
		if !keep[i] || seen[string(k)] {
			continue
		}
		seen[string(k)] = true
		has, err := s.db.Has(k)
		if err != nil {
			return 0, err
		}
		if !has {
			n++
		}
	}
	return n, nil
}

func (s *Store) write(keep []bool, keys, vals [][]byte, marks map[uint64]Mark, cursor uint64) error {
	b := s.db.NewBatch()
	defer b.Close()
	for i := range keys {
		if !keep[i] {
			continue
		}
		if err := b.Set(keys[i], vals[i]); err != nil {
			return err
		}
	}
	for seq, m := range marks {
		if err := b.Set(markKey(seq), markValue(m)); err != nil {
			return err
		}
	}
	if err := b.Set(cursorKey, u64(cursor)); err != nil {
		return err
	}
	if err := b.WriteSync(); err != nil {
		return err
	}
	s.cursor, s.hasCursor = cursor, true
	return nil
}
