package store

import (
	"bytes"
	"fmt"
	"sort"
	"time"
)

// Parking: an item that can never apply moves out of the outbox key range into its own,
// with its reason, so it holds no round slot and no capacity, and survives restarts.

// Parking says why an item is parked and when it is looked at again.
type Parking struct {
	// Class is a short label (the processor's: invalid, refused, never_applied).
	Class string
	// Reason is the chain's answer or the local check that failed (at most MaxReasonLen bytes).
	Reason string
	// Since is when the item was parked; NextRetry when it is re-examined next.
	Since, NextRetry time.Time
	// Retries counts the re-examinations that left it parked.
	Retries uint32
}

// ParkedItem is a parked outbox item. Item.Key is its outbox key (Remove and Park take it).
type ParkedItem struct {
	Item
	Parking
}

// ParkedLen is the number of parked items.
func (s *Store) ParkedLen() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.parked)
}

// Park moves an outbox item out of the relay loop with its reason, in one fsync'ed
// batch. On a parked item it updates the parking (a re-examination that left it
// parked). An unknown key is ignored.
func (s *Store) Park(key []byte, p Parking) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return ErrClosed
	}
	if len(key) != outboxKeyLen || key[0] != outboxPrefix[0] {
		return fmt.Errorf("bridge store: park: not an outbox key: %x", key)
	}
	if p.Since.IsZero() {
		p.Since = time.Now()
	}
	if len(p.Reason) > MaxReasonLen {
		p.Reason = p.Reason[:MaxReasonLen]
	}
	pk := parkedKey(key)
	if cur, ok := s.parked[string(key)]; ok {
		v, err := s.db.Get(pk)
		if err != nil {
			return err
		}
		_, record, err := decodeParked(v)
		if err != nil {
			return err
		}
		if err := s.db.SetSync(pk, encodeParked(p, record)); err != nil {
			return err
		}
		cur.Parking = p
		s.parked[string(key)] = cur
		return nil
	}
	v, err := s.db.Get(key)
	if err != nil || v == nil {
		return err
	}
	it, err := decodeItem(key, v)
	if err != nil {
		return err
	}
	b := s.db.NewBatch()
	defer b.Close()
	if err := b.Delete(key); err != nil {
		return err
	}
	if err := b.Set(pk, encodeParked(p, v)); err != nil {
		return err
	}
	if err := b.WriteSync(); err != nil {
		return err
	}
	s.parked[string(key)] = ParkedItem{Item: it, Parking: p}
	s.count--
	s.freed()
	return nil
}

// Parked returns every parked item in key order.
func (s *Store) Parked() []ParkedItem {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]ParkedItem, 0, len(s.parked))
	for _, it := range s.parked {
		out = append(out, it)
	}
	sort.Slice(out, func(i, j int) bool { return bytes.Compare(out[i].Key, out[j].Key) < 0 })
	return out
}

// floors are, per sequencer with a parked item, its lowest parked nonce: items above it
// wait (s.mu held).
func (s *Store) floors() map[uint64]uint64 {
	f := map[uint64]uint64{}
	for _, it := range s.parked {
		if cur, ok := f[it.Info.SequencerID]; !ok || it.Info.Nonce < cur {
			f[it.Info.SequencerID] = it.Info.Nonce
		}
	}
	return f
}
