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

// Capacity is the outbox bound. Parked items do not count against it: the listener
// never waits because the chain refuses something.
func (s *Store) Capacity() int { return s.capacity }

// Added signals (at most one pending signal) that Commit added items.
func (s *Store) Added() <-chan struct{} { return s.added }

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
