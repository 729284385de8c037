package l2sim

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	ethtypes "github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/rlp"
)

// journalFile is the chain's append-only log under the data dir: one JSON record a line.
// The first record names the chain; then each accepted block is appended, and a reorg
// appends a truncation before the new blocks. Every write is fsynced before the block
// is served, so a restart never loses a block a peer may have taken from us.
const journalFile = "chain.jsonl"

// journalRecord is one line. Exactly one of its groups is set.
type journalRecord struct {
	ChainID    *uint64       `json:"chain_id,omitempty"`
	Genesis    *common.Hash  `json:"genesis,omitempty"`
	Block      *journalBlock `json:"block,omitempty"`
	TruncateTo *uint64       `json:"truncate_to,omitempty"`
}

// journalBlock is a block as journaled: its header in go-ethereum's RLP, the encoding
// the block hash is taken over, so a reload rebuilds the very block; and the hash, so
// that a line can be matched with the logs and the RPC answers by eye.
type journalBlock struct {
	Hash   common.Hash   `json:"hash"`
	Header hexutil.Bytes `json:"header"`
}

func newJournalBlock(b *Block) (*journalBlock, error) {
	enc, err := rlp.EncodeToBytes(b.Header)
	if err != nil {
		return nil, fmt.Errorf("encoding block %d: %w", b.Height(), err)
	}
	return &journalBlock{Hash: b.Hash, Header: enc}, nil
}

// block decodes the header. The block is not verified; its hash must be the one
// recorded.
func (jb *journalBlock) block() (Block, error) {
	var h ethtypes.Header
	if err := rlp.DecodeBytes(jb.Header, &h); err != nil {
		return Block{}, fmt.Errorf("block %s: header: %w", jb.Hash, err)
	}
	if !h.Number.IsUint64() {
		return Block{}, fmt.Errorf("block %s: number %s does not fit 64 bits", jb.Hash, h.Number)
	}
	b := NewBlock(&h)
	if b.Hash != jb.Hash {
		return Block{}, fmt.Errorf("block recorded as %s has header hash %s", jb.Hash, b.Hash)
	}
	return b, nil
}

// journal appends records to the chain file.
type journal struct {
	path string
	f    *os.File
	// failed is set by a failed write: the file may now end in a partial line, and
	// appending after it would bury that line mid-file, so nothing more is written.
	failed error
}

// loadedJournal is what replaying a journal yields: its records in order, and whether
// the file needs rewriting (a torn last line was cut off).
type loadedJournal struct {
	records []journalRecord
	torn    bool
}

// readJournal parses the journal at path. A last line that does not parse is a write
// torn by a crash and is dropped; a bad line before the last is corruption and an error.
// A missing file is an empty journal.
func readJournal(path string) (loadedJournal, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return loadedJournal{}, nil
	}
	if err != nil {
		return loadedJournal{}, err
	}
	return parseJournal(path, data)
}

// parseJournal is readJournal on the file's contents (name is for errors).
func parseJournal(name string, data []byte) (loadedJournal, error) {
	var out loadedJournal
	lines := bytes.Split(data, []byte("\n"))
	// The text after the last newline is either empty or a torn write.
	if last := lines[len(lines)-1]; len(bytes.TrimSpace(last)) > 0 {
		out.torn = true
	}
	lines = lines[:len(lines)-1]
	for i, line := range lines {
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		var rec journalRecord
		if err := json.Unmarshal(line, &rec); err != nil || !rec.wellFormed() {
			if i == len(lines)-1 && !out.torn {
				out.torn = true // a crash can leave a whole but garbled last line too
				break
			}
			return loadedJournal{}, fmt.Errorf("%s line %d is corrupt (not a torn last write): %s", name, i+1, snippet(line))
		}
		out.records = append(out.records, rec)
	}
	return out, nil
}

// wellFormed: exactly one kind of record.
func (r *journalRecord) wellFormed() bool {
	kinds := 0
	if r.ChainID != nil || r.Genesis != nil {
		if r.ChainID == nil || r.Genesis == nil {
			return false
		}
		kinds++
	}
	if r.Block != nil {
		kinds++
	}
	if r.TruncateTo != nil {
		kinds++
	}
	return kinds == 1
}

// openJournal opens path for appending.
func openJournal(path string) (*journal, error) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return nil, err
	}
	return &journal{path: path, f: f}, nil
}

// append writes recs as one write and fsyncs.
func (j *journal) append(recs ...journalRecord) error {
	data, err := encodeRecords(recs)
	if err != nil {
		return err
	}
	if j.failed != nil {
		return fmt.Errorf("journal %s failed earlier (restart the node to recover it): %w", j.path, j.failed)
	}
	if _, err := j.f.Write(data); err != nil {
		j.failed = err
		return fmt.Errorf("journal %s: %w", j.path, err)
	}
	if err := j.f.Sync(); err != nil {
		j.failed = err
		return fmt.Errorf("journal %s: %w", j.path, err)
	}
	return nil
}

func (j *journal) close() error { return j.f.Close() }

// rewriteJournal replaces the journal at path with the header and blocks (genesis
// excluded), through a temporary file and a rename so a crash leaves the old or the new
// file, never half of one.
func rewriteJournal(path string, chainID uint64, blocks []Block) error {
	tmp := path + ".tmp"
	j, err := func() (*journal, error) {
		f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
		if err != nil {
			return nil, err
		}
		return &journal{path: tmp, f: f}, nil
	}()
	if err != nil {
		return err
	}
	recs, err := chainRecords(chainID, blocks)
	if err != nil {
		j.close()
		return err
	}
	if err := j.append(recs...); err != nil {
		j.close()
		return err
	}
	if err := j.close(); err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		return err
	}
	return syncDir(filepath.Dir(path))
}

// encodeRecords is recs as journal lines.
func encodeRecords(recs []journalRecord) ([]byte, error) {
	var buf bytes.Buffer
	for i := range recs {
		line, err := json.Marshal(&recs[i])
		if err != nil {
			return nil, err
		}
		buf.Write(line)
		buf.WriteByte('\n')
	}
	return buf.Bytes(), nil
}

// chainRecords is the journal of a chain written afresh: the header, then the blocks
// above the genesis blocks[0].
func chainRecords(chainID uint64, blocks []Block) ([]journalRecord, error) {
	recs := []journalRecord{headerRecord(chainID, blocks[0].Hash)}
	for i := 1; i < len(blocks); i++ {
		rec, err := blockRecord(&blocks[i])
		if err != nil {
			return nil, err
		}
		recs = append(recs, rec)
	}
	return recs, nil
}

func headerRecord(chainID uint64, genesis common.Hash) journalRecord {
	return journalRecord{ChainID: &chainID, Genesis: &genesis}
}

func blockRecord(b *Block) (journalRecord, error) {
	jb, err := newJournalBlock(b)
	return journalRecord{Block: jb}, err
}

func truncateRecord(height uint64) journalRecord {
	return journalRecord{TruncateTo: &height}
}

// syncDir makes a rename durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}
