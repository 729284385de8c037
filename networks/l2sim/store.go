package l2sim

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"cosmossdk.io/log"
	"github.com/ethereum/go-ethereum/common"
)

// ErrStaleChain: the chain changed between reading it and writing to it (the producer
// and the sync loop both write); the caller retries on its next tick.
var ErrStaleChain = errors.New("local chain changed meanwhile")

// chainStore is the node's chain: blocks[h] is the block at height h, blocks[0] the
// genesis. Every change is journaled (when there is a data dir) before it is visible.
type chainStore struct {
	mu      sync.RWMutex
	chainID uint64
	blocks  []Block
	journal *journal // nil: in memory only
}

// openStore loads the chain journaled under dir (or starts at genesis). Each stored
// block is re-verified (hash, signature, parent, timestamp, state root; not the
// schedule, whose past epochs the chain may no longer answer for); a block that fails is
// dropped with everything built on it, and the journal is rewritten without them.
func openStore(dir string, chainID uint64, logger log.Logger) (*chainStore, error) {
	s := &chainStore{chainID: chainID, blocks: []Block{Genesis(chainID)}}
	if dir == "" {
		return s, nil
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("data dir: %w", err)
	}
	path := filepath.Join(dir, journalFile)
	loaded, err := readJournal(path)
	if err != nil {
		return nil, err
	}
	if loaded.torn {
		logger.Info("l2sim: ignoring a torn last line of the chain journal", "file", path)
	}
	blocks, dropped, err := replayJournal(path, chainID, loaded.records, logger)
	if err != nil {
		return nil, err
	}
	s.blocks = blocks
	if len(loaded.records) == 0 || loaded.torn || dropped {
		if err := rewriteJournal(path, chainID, s.blocks); err != nil {
			return nil, fmt.Errorf("rewriting %s: %w", path, err)
		}
	}
	if s.journal, err = openJournal(path); err != nil {
		return nil, err
	}
	return s, nil
}

// replayJournal rebuilds the chain, genesis first, from a journal's records (name is
// for errors). A block that fails verification is dropped, and so is everything built
// on it; dropped says whether any was.
func replayJournal(name string, chainID uint64, records []journalRecord, logger log.Logger) (blocks []Block, dropped bool, err error) {
	blocks = []Block{Genesis(chainID)}
	for i, rec := range records {
		switch {
		case i == 0 && rec.ChainID == nil:
			return nil, false, fmt.Errorf("%s does not start with the chain header", name)
		case rec.ChainID != nil:
			if i != 0 {
				return nil, false, fmt.Errorf("%s has a second chain header at record %d", name, i+1)
			}
			if *rec.ChainID != chainID {
				return nil, false, fmt.Errorf("%s holds L2 chain %d, not chain %d: use another --data-dir", name, *rec.ChainID, chainID)
			}
			if *rec.Genesis != blocks[0].Hash {
				return nil, false, fmt.Errorf("%s holds L2 chain %d with genesis %s, this l2sim's genesis is %s (a journal of an older block format?): use another --data-dir or delete it",
					name, chainID, rec.Genesis, blocks[0].Hash)
			}
		case rec.TruncateTo != nil:
			// Compared without adding to the stored value, which may be 2^64-1: the
			// genesis always stays.
			if *rec.TruncateTo < uint64(len(blocks)-1) {
				blocks = blocks[:*rec.TruncateTo+1]
			}
		case rec.Block != nil:
			b, err := rec.Block.block()
			if err == nil {
				_, err = b.Seal()
			}
			if err == nil {
				if verr := checkExtends(&b, &blocks[len(blocks)-1]); verr != nil {
					err = verr
				}
			}
			if err != nil {
				// Not fatal: the node's own wrong_result blocks land here, and whatever is
				// dropped is synced again from peers.
				logger.Error("l2sim: dropping a stored block that fails verification", "record", i+1, "err", err)
				dropped = true
				continue
			}
			blocks = append(blocks, b)
		}
	}
	return blocks, dropped, nil
}

// Head is the highest block.
func (s *chainStore) Head() Block {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.blocks[len(s.blocks)-1]
}

// At is the block at height h, if the chain is that long.
func (s *chainStore) At(h uint64) (Block, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if h >= uint64(len(s.blocks)) {
		return Block{}, false
	}
	return s.blocks[h], true
}

// Append adds blocks that extend the head one by one. They must have been verified;
// Append only re-checks that they link, so a concurrent writer cannot fork the chain.
func (s *chainStore) Append(bs ...Block) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.appendLocked(nil, bs)
}

// Reorg replaces everything above forkHeight with branch, provided the block at
// forkHeight still has hash forkHash and the head is still headHash: the decision to
// switch was made on that chain (else ErrStaleChain).
func (s *chainStore) Reorg(forkHeight uint64, forkHash, headHash common.Hash, branch []Block) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if forkHeight >= uint64(len(s.blocks)) || s.blocks[forkHeight].Hash != forkHash || s.blocks[len(s.blocks)-1].Hash != headHash {
		return ErrStaleChain
	}
	trunc := truncateRecord(forkHeight)
	return s.appendLocked(&trunc, branch)
}

// TruncateAbove drops the blocks above height, provided the head is still headHash.
func (s *chainStore) TruncateAbove(height uint64, headHash common.Hash) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.blocks[len(s.blocks)-1].Hash != headHash || height+1 >= uint64(len(s.blocks)) {
		return ErrStaleChain
	}
	trunc := truncateRecord(height)
	return s.appendLocked(&trunc, nil)
}

// appendLocked truncates (if trunc is set) and appends bs, journal first.
func (s *chainStore) appendLocked(trunc *journalRecord, bs []Block) error {
	base := s.blocks
	if trunc != nil {
		base = base[:*trunc.TruncateTo+1]
	}
	parent := base[len(base)-1]
	for i := range bs {
		if bs[i].Height() != parent.Height()+1 || bs[i].ParentHash() != parent.Hash {
			return fmt.Errorf("%w: block %d does not extend %d (%s)", ErrStaleChain, bs[i].Height(), parent.Height(), parent.Hash)
		}
		parent = bs[i]
	}
	if s.journal != nil {
		var recs []journalRecord
		if trunc != nil {
			recs = append(recs, *trunc)
		}
		for i := range bs {
			rec, err := blockRecord(&bs[i])
			if err != nil {
				return err
			}
			recs = append(recs, rec)
		}
		if len(recs) > 0 {
			if err := s.journal.append(recs...); err != nil {
				return err
			}
		}
	}
	// A fresh slice when truncating: readers holding the old one keep a consistent view.
	if trunc != nil {
		base = append([]Block(nil), base...)
	}
	s.blocks = append(base, bs...)
	return nil
}

// Close closes the journal.
func (s *chainStore) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.journal == nil {
		return nil
	}
	err := s.journal.close()
	s.journal = nil
	return err
}
