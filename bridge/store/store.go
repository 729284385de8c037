// Package store is the bridge's crash-safe state: the L1 cursor (the last L1 block whose
// staking events are all in the outbox), the outbox of decoded events the chain has not
// applied yet, the parked items (events the chain refuses for good, kept with their
// reason and out of the relay loop), and per sequencer the highest nonce ever queued
// (the high-water mark the listener checks for gaps and that de-duplicates re-reads).
//
// It is a LevelDB database (github.com/cosmos/cosmos-db's goleveldb backend). Every
// change is one atomic batch written with fsync (WriteSync): the events of an L1 range
// and the cursor that covers them land together or not at all. LevelDB's write-ahead
// log makes a batch atomic across a crash (a torn last record is discarded on recovery,
// and a batch whose WriteSync returned is on disk). A file rewritten with
// write-temp+fsync+rename would give the same atomicity but cost a rewrite of the whole
// outbox (up to Capacity items) for every chunk and every removal.
package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"sort"
	"sync"
	"time"

	"cosmossdk.io/log"
	dbm "github.com/cosmos/cosmos-db"

	seqtypes "github.com/themis-network/themis/x/sequencer/types"
)

// DefaultCapacity bounds the outbox; the listener waits (backpressure) when it is full.
const DefaultCapacity = 100_000

// dbName is the LevelDB directory inside the data dir (<dir>/bridge.db).
const dbName = "bridge"

// ErrClosed is returned after Close.
var ErrClosed = errors.New("bridge store is closed")

// Options tune a Store.
type Options struct {
	// Capacity bounds the number of outbox items (default DefaultCapacity).
	Capacity int
	// Logger reports recovered corruption; nil logs nothing.
	Logger log.Logger
}

// Item is one outbox entry.
type Item struct {
	Key  []byte
	Info KeyInfo
	Msg  seqtypes.L1EventMsg
}

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

// Store is safe for concurrent use: one listener commits, one processor reads and removes.
type Store struct {
	db       *dbm.GoLevelDB
	capacity int
	logger   log.Logger

	mu        sync.Mutex
	closed    bool
	count     int // outbox items, parked ones excluded
	cursor    uint64
	hasCursor bool
	parked    map[string]ParkedItem // by outbox key; parked items are few
	marks     map[uint64]Mark
	space     chan struct{} // closed (and replaced) whenever items are removed
	added     chan struct{} // one pending signal when items were added
}

// Open opens (or creates) the store in dir. identity names the L1 source (chain id and
// contract); a store created for another source is refused, so that a cursor is never
// applied to the wrong contract.
func Open(dir, identity string, opts Options) (*Store, error) {
	if opts.Capacity <= 0 {
		opts.Capacity = DefaultCapacity
	}
	if opts.Logger == nil {
		opts.Logger = log.NewNopLogger()
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("bridge data dir: %w", err)
	}
	db, err := dbm.NewGoLevelDB(dbName, dir, nil)
	if err != nil {
		return nil, fmt.Errorf("open bridge store in %s: %w", dir, err)
	}
	s := &Store{
		db: db, capacity: opts.Capacity, logger: opts.Logger,
		space: make(chan struct{}), added: make(chan struct{}, 1),
		parked: map[string]ParkedItem{}, marks: map[uint64]Mark{},
	}
	if err := s.load(dir, identity); err != nil {
		_ = db.Close()
		return nil, err
	}
	return s, nil
}

func (s *Store) load(dir, identity string) error {
	stored, err := s.db.Get(identityKey)
	if err != nil {
		return err
	}
	switch {
	case stored == nil:
		if err := s.db.SetSync(identityKey, []byte(identity)); err != nil {
			return err
		}
	case string(stored) != identity:
		return fmt.Errorf("bridge data dir %s belongs to %q, not %q: pass another --data-dir (or remove it to rescan from the start block)", dir, stored, identity)
	}
	if bz, err := s.db.Get(cursorKey); err != nil {
		return err
	} else if bz != nil {
		if len(bz) != 8 {
			return fmt.Errorf("bridge store: cursor of %d bytes", len(bz))
		}
		s.cursor, s.hasCursor = binary.BigEndian.Uint64(bz), true
	}
	return s.scan()
}

// scan loads the marks and the parked items, counts the outbox, and repairs it: a
// record that does not decode is deleted, the cursor is moved back before its block and
// its sequencer's mark below its nonce, so the listener reads that block again and
// queues the event again. An event is never skipped, at worst read twice.
func (s *Store) scan() error {
	b := s.db.NewBatch()
	defer b.Close()
	dirty := false
	if err := s.each(markPrefix, func(k, v []byte) error {
		if len(k) != markKeyLen || len(v) != markValueLen {
			s.logger.Error("bridge store: dropping a malformed nonce mark", "key", fmt.Sprintf("%x", k))
			dirty = true
			return b.Delete(bytes.Clone(k))
		}
		s.marks[binary.BigEndian.Uint64(k[1:])] = Mark{Nonce: binary.BigEndian.Uint64(v[:8]), Block: binary.BigEndian.Uint64(v[8:])}
		return nil
	}); err != nil {
		return err
	}
	rewindTo, rewind, restart := uint64(0), false, false
	repair := func(k []byte, ki KeyInfo, kerr error, err error) error {
		dirty = true
		s.logger.Error("bridge store: dropping corrupt record; its L1 block will be read again", "key", fmt.Sprintf("%x", k), "err", err)
		if kerr != nil || ki.BlockNumber == 0 {
			restart = true
			return b.Delete(bytes.Clone(k))
		}
		if !rewind || ki.BlockNumber-1 < rewindTo {
			rewindTo, rewind = ki.BlockNumber-1, true
		}
		if m, ok := s.marks[ki.SequencerID]; ok && m.Nonce >= ki.Nonce {
			m = Mark{Nonce: ki.Nonce - 1, Block: min(m.Block, ki.BlockNumber)}
			if m.Nonce == 0 {
				delete(s.marks, ki.SequencerID)
				if err := b.Delete(markKey(ki.SequencerID)); err != nil {
					return err
				}
			} else {
				s.marks[ki.SequencerID] = m
				if err := b.Set(markKey(ki.SequencerID), markValue(m)); err != nil {
					return err
				}
			}
		}
		return b.Delete(bytes.Clone(k))
	}
	if err := s.each(outboxPrefix, func(k, v []byte) error {
		if _, err := decodeItem(k, v); err != nil {
			ki, kerr := ParseKey(k)
			return repair(k, ki, kerr, err)
		}
		s.count++
		return nil
	}); err != nil {
		return err
	}
	if err := s.each(parkedPrefix, func(k, v []byte) error {
		it, err := decodeParkedItem(k, v)
		if err != nil {
			var ki KeyInfo
			kerr := errors.New("parked key")
			if len(k) == outboxKeyLen {
				ki, kerr = ParseKey(outboxKeyOf(k))
			}
			return repair(k, ki, kerr, err)
		}
		s.parked[string(it.Key)] = it
		return nil
	}); err != nil {
		return err
	}
	if !dirty {
		return nil
	}
	switch {
	case restart:
		s.hasCursor, s.cursor = false, 0
		if err := b.Delete(cursorKey); err != nil {
			return err
		}
		for seq := range s.marks {
			if err := b.Delete(markKey(seq)); err != nil {
				return err
			}
		}
		clear(s.marks)
	case rewind && s.hasCursor && rewindTo < s.cursor:
		s.cursor = rewindTo
		if err := b.Set(cursorKey, u64(rewindTo)); err != nil {
			return err
		}
	}
	return b.WriteSync()
}

// each calls f for every key under prefix (f must copy what it keeps).
func (s *Store) each(prefix []byte, f func(k, v []byte) error) error {
	it, err := s.db.Iterator(prefix, prefixEnd(prefix))
	if err != nil {
		return err
	}
	defer it.Close()
	for ; it.Valid(); it.Next() {
		if err := f(it.Key(), it.Value()); err != nil {
			return err
		}
	}
	return it.Error()
}

func markValue(m Mark) []byte { return append(u64(m.Nonce), u64(m.Block)...) }

// Cursor returns the last L1 block whose events are all in the outbox, if any.
func (s *Store) Cursor() (uint64, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.cursor, s.hasCursor
}

// Len is the number of outbox items waiting to be relayed (parked items excluded).
func (s *Store) Len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.count
}

// ParkedLen is the number of parked items.
func (s *Store) ParkedLen() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.parked)
}

// Capacity is the outbox bound. Parked items do not count against it: the listener
// never waits because the chain refuses something.
func (s *Store) Capacity() int { return s.capacity }

// LastQueued is the sequencer's high-water mark, if any event of it was ever queued.
func (s *Store) LastQueued(seq uint64) (Mark, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m, ok := s.marks[seq]
	return m, ok
}

// Added signals (at most one pending signal) that Commit added items.
func (s *Store) Added() <-chan struct{} { return s.added }

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

// Remove deletes items, from the outbox or parked (fsync'ed); unknown keys are ignored.
func (s *Store) Remove(keys ...[]byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return ErrClosed
	}
	b := s.db.NewBatch()
	defer b.Close()
	n, unparked := 0, []string{}
	seen := make(map[string]bool, len(keys))
	for _, k := range keys {
		if seen[string(k)] {
			continue
		}
		seen[string(k)] = true
		if _, ok := s.parked[string(k)]; ok && len(k) == outboxKeyLen {
			if err := b.Delete(parkedKey(k)); err != nil {
				return err
			}
			unparked = append(unparked, string(k))
			continue
		}
		has, err := s.db.Has(k)
		if err != nil {
			return err
		}
		if !has {
			continue
		}
		if err := b.Delete(k); err != nil {
			return err
		}
		n++
	}
	if n == 0 && len(unparked) == 0 {
		return nil
	}
	if err := b.WriteSync(); err != nil {
		return err
	}
	for _, k := range unparked {
		delete(s.parked, k)
	}
	s.count -= n
	s.freed()
	return nil
}

// freed wakes a Commit waiting for space (s.mu held).
func (s *Store) freed() {
	close(s.space)
	s.space = make(chan struct{})
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

// All returns every outbox item in key order, parked ones excluded (tests and diagnostics).
func (s *Store) All() ([]Item, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil, ErrClosed
	}
	it, err := s.db.Iterator(outboxPrefix, prefixEnd(outboxPrefix))
	if err != nil {
		return nil, err
	}
	defer it.Close()
	var out []Item
	for ; it.Valid(); it.Next() {
		item, err := decodeItem(it.Key(), it.Value())
		if err != nil {
			return nil, err
		}
		out = append(out, item)
	}
	return out, it.Error()
}

// Close closes the database. Every Commit and Remove that returned is already on disk.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil
	}
	s.closed = true
	close(s.space) // wake a waiting Commit; it sees closed
	return s.db.Close()
}

func u64(v uint64) []byte { return binary.BigEndian.AppendUint64(nil, v) }

func prefixEnd(p []byte) []byte {
	end := bytes.Clone(p)
	for i := len(end) - 1; i >= 0; i-- {
		if end[i] < 0xff {
			end[i]++
			return end[:i+1]
		}
	}
	return nil
}
