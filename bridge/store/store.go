// Package store is the bridge's crash-safe state: the L1 cursor (the last L1 block whose
// staking events are all in the outbox) and the outbox of decoded events the chain has
// not applied yet.
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
	"sync"

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

// Store is safe for concurrent use: one listener commits, one processor reads and removes.
type Store struct {
	db       *dbm.GoLevelDB
	capacity int
	logger   log.Logger

	mu        sync.Mutex
	closed    bool
	count     int
	cursor    uint64
	hasCursor bool
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

// scan counts the outbox and repairs it: a record that does not decode is deleted and
// the cursor is moved back before its block, so the listener reads that block again.
// An event is never skipped, at worst read twice.
func (s *Store) scan() error {
	it, err := s.db.Iterator(outboxPrefix, prefixEnd(outboxPrefix))
	if err != nil {
		return err
	}
	var bad [][]byte
	rewindTo, rewind, restart := uint64(0), false, false
	for ; it.Valid(); it.Next() {
		k, v := it.Key(), it.Value()
		if _, err := decodeItem(k, v); err != nil {
			bad = append(bad, append([]byte(nil), k...))
			if ki, kerr := ParseKey(k); kerr == nil && ki.BlockNumber > 0 {
				if !rewind || ki.BlockNumber-1 < rewindTo {
					rewindTo, rewind = ki.BlockNumber-1, true
				}
			} else {
				restart = true
			}
			s.logger.Error("bridge store: dropping corrupt outbox record; its L1 block will be read again", "key", fmt.Sprintf("%x", k), "err", err)
			continue
		}
		s.count++
	}
	if err := it.Error(); err != nil {
		_ = it.Close()
		return err
	}
	if err := it.Close(); err != nil {
		return err
	}
	if len(bad) == 0 {
		return nil
	}
	b := s.db.NewBatch()
	defer b.Close()
	for _, k := range bad {
		if err := b.Delete(k); err != nil {
			return err
		}
	}
	switch {
	case restart:
		s.hasCursor, s.cursor = false, 0
		if err := b.Delete(cursorKey); err != nil {
			return err
		}
	case rewind && s.hasCursor && rewindTo < s.cursor:
		s.cursor = rewindTo
		if err := b.Set(cursorKey, u64(rewindTo)); err != nil {
			return err
		}
	}
	return b.WriteSync()
}

// Cursor returns the last L1 block whose events are all in the outbox, if any.
func (s *Store) Cursor() (uint64, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.cursor, s.hasCursor
}

// Len is the number of outbox items.
func (s *Store) Len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.count
}

// Capacity is the outbox bound.
func (s *Store) Capacity() int { return s.capacity }

// Added signals (at most one pending signal) that Commit added items.
func (s *Store) Added() <-chan struct{} { return s.added }

// Commit durably adds the events of an L1 range and moves the cursor to the range's
// last block, in one atomic fsync'ed batch: after a crash either both are on disk or
// neither is. Events already in the outbox are rewritten unchanged (re-reading a range
// is harmless). When the outbox would exceed its capacity Commit waits for the processor
// to remove items, or for ctx; an empty outbox always accepts a range, however large.
func (s *Store) Commit(ctx context.Context, events []seqtypes.L1EventMsg, cursor uint64) error {
	keys := make([][]byte, len(events))
	vals := make([][]byte, len(events))
	for i, ev := range events {
		k, err := outboxKey(ev)
		if err != nil {
			return err
		}
		v, err := encodeRecord(ev)
		if err != nil {
			return err
		}
		keys[i], vals[i] = k, v
	}
	for {
		s.mu.Lock()
		if s.closed {
			s.mu.Unlock()
			return ErrClosed
		}
		if s.hasCursor && cursor < s.cursor {
			s.mu.Unlock()
			return fmt.Errorf("bridge store: cursor cannot move back from %d to %d", s.cursor, cursor)
		}
		fresh, err := s.countNew(keys)
		if err != nil {
			s.mu.Unlock()
			return err
		}
		if fresh == 0 || s.count == 0 || s.count+fresh <= s.capacity {
			err := s.write(keys, vals, cursor)
			if err == nil {
				s.count += fresh
			}
			s.mu.Unlock()
			if err == nil && fresh > 0 {
				select {
				case s.added <- struct{}{}:
				default:
				}
			}
			return err
		}
		space := s.space
		s.mu.Unlock()
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-space:
		}
	}
}

// countNew counts the keys not in the outbox yet (duplicates within keys counted once).
func (s *Store) countNew(keys [][]byte) (int, error) {
	seen := make(map[string]bool, len(keys))
	n := 0
	for _, k := range keys {
		if seen[string(k)] {
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

func (s *Store) write(keys, vals [][]byte, cursor uint64) error {
	b := s.db.NewBatch()
	defer b.Close()
	for i := range keys {
		if err := b.Set(keys[i], vals[i]); err != nil {
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

// Remove deletes outbox items (fsync'ed); unknown keys are ignored.
func (s *Store) Remove(keys ...[]byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return ErrClosed
	}
	b := s.db.NewBatch()
	defer b.Close()
	n := 0
	seen := make(map[string]bool, len(keys))
	for _, k := range keys {
		if seen[string(k)] {
			continue
		}
		seen[string(k)] = true
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
	if n == 0 {
		return nil
	}
	if err := b.WriteSync(); err != nil {
		return err
	}
	s.count -= n
	close(s.space)
	s.space = make(chan struct{})
	return nil
}

// Heads returns, in key order, the first perSequencer items of every sequencer (its
// lowest nonces), at most limit items in all (0 = no limit).
func (s *Store) Heads(perSequencer, limit int) ([]Item, error) {
	if perSequencer <= 0 {
		perSequencer = 1
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil, ErrClosed
	}
	var out []Item
	start := outboxPrefix
	end := prefixEnd(outboxPrefix)
	for start != nil && (limit <= 0 || len(out) < limit) {
		next, items, err := s.sequencerHead(start, end, perSequencer, limit-len(out), limit > 0)
		if err != nil {
			return nil, err
		}
		out = append(out, items...)
		start = next
	}
	return out, nil
}

// sequencerHead reads up to n items of the first sequencer at or after start and
// returns where the next sequencer starts (nil at the end).
func (s *Store) sequencerHead(start, end []byte, n, remaining int, bounded bool) ([]byte, []Item, error) {
	it, err := s.db.Iterator(start, end)
	if err != nil {
		return nil, nil, err
	}
	defer it.Close()
	if !it.Valid() {
		return nil, nil, it.Error()
	}
	first, err := ParseKey(it.Key())
	if err != nil {
		return nil, nil, fmt.Errorf("outbox key %x: %w", it.Key(), err)
	}
	var items []Item
	for ; it.Valid() && len(items) < n && (!bounded || len(items) < remaining); it.Next() {
		item, err := decodeItem(it.Key(), it.Value())
		if err != nil {
			return nil, nil, fmt.Errorf("outbox key %x: %w", it.Key(), err)
		}
		if item.Info.SequencerID != first.SequencerID {
			break
		}
		items = append(items, item)
	}
	if err := it.Error(); err != nil {
		return nil, nil, err
	}
	if first.SequencerID == ^uint64(0) {
		return nil, items, nil
	}
	next := append(append([]byte(nil), outboxPrefix...), u64(first.SequencerID+1)...)
	return next, items, nil
}

// All returns every outbox item in key order (tests and diagnostics).
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
