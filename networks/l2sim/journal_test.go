package l2sim

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"cosmossdk.io/log"
)

// A journaled block reloads as the very block: same header, same hash, same seal.
func TestJournalBlockRoundTrip(t *testing.T) {
	blocks, _ := buildChain(t, 1)
	b := blocks[1]
	rec, err := blockRecord(&b)
	if err != nil {
		t.Fatal(err)
	}
	data, err := json.Marshal(&rec)
	if err != nil {
		t.Fatal(err)
	}
	var back journalRecord
	if err := json.Unmarshal(data, &back); err != nil || !back.wellFormed() {
		t.Fatalf("%s: %v", data, err)
	}
	got, err := back.Block.block()
	if err != nil {
		t.Fatal(err)
	}
	if got.Hash != b.Hash || got.ProducerID() != b.ProducerID() {
		t.Fatalf("reloaded %s (producer %d), want %s (producer %d)", got.Hash, got.ProducerID(), b.Hash, b.ProducerID())
	}
}

// A line whose recorded hash is not its header's is a damaged line: the block is
// dropped on load with everything above it, like a block that fails verification.
func TestStoreDropsLineWithWrongHash(t *testing.T) {
	dir, blocks := journalOfThreeBlocks(t)
	rec, _ := blockRecord(&blocks[2])
	rec.Block.Hash = blocks[3].Hash
	line, _ := json.Marshal(&rec)
	s := reopenWithLine(t, dir, 2, string(line)+"\n")
	if h := s.Head().Height(); h != 1 {
		t.Fatalf("head %d, want 1", h)
	}
}

// A journal written for another genesis of the same chain id (an l2sim of an older
// block format) is refused with a message that says what to do.
func TestStoreRefusesJournalOfAnotherGenesis(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, journalFile)
	line, _ := json.Marshal(headerRecord(testChainID, common.HexToHash("0x0123")))
	if err := os.WriteFile(path, append(line, '\n'), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := openStore(dir, testChainID, log.NewNopLogger())
	if err == nil || !strings.Contains(err.Error(), "older block format") || !strings.Contains(err.Error(), "--data-dir") {
		t.Fatalf("journal of another genesis: %v", err)
	}
}

// FuzzReplayJournal: the journal is read back after a crash or by hand editing.
// Parsing and replaying any file must never panic; when they succeed, every block is
// sealed and links to the one below, and the journal openStore would write for that
// chain replays to the same chain without dropping anything. (In memory: openStore's
// fsyncs would make each run take as long as the disk does.)
func FuzzReplayJournal(f *testing.F) {
	blocks, _ := buildChain(f, 3)
	good, err := encodeRecords([]journalRecord{headerRecord(testChainID, blocks[0].Hash), mustRecord(f, &blocks[1]),
		mustRecord(f, &blocks[2]), truncateRecord(1), mustRecord(f, &blocks[2]), mustRecord(f, &blocks[3])})
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good)
	f.Add(good[:len(good)-30])
	f.Add([]byte(strings.Replace(string(good), `"truncate_to":1`, `"truncate_to":99`, 1)))
	f.Add([]byte(`{"chain_id":59902}` + "\n"))
	f.Add([]byte(strings.Replace(string(good), `"truncate_to":1`, `"truncate_to":18446744073709551615`, 1)))
	replay := func(data []byte) ([]Block, bool, error) {
		loaded, err := parseJournal("journal", data)
		if err != nil {
			return nil, false, err
		}
		return replayJournal("journal", testChainID, loaded.records, log.NewNopLogger())
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		chain, _, err := replay(data)
		if err != nil {
			return
		}
		if len(chain) == 0 || chain[0].Hash != Genesis(testChainID).Hash {
			t.Fatalf("a replay without the genesis: %d blocks", len(chain))
		}
		for h := 1; h < len(chain); h++ {
			if _, err := chain[h].Seal(); err != nil {
				t.Fatalf("replayed block %d has a bad seal: %v", h, err)
			}
			if verr := checkExtends(&chain[h], &chain[h-1]); verr != nil {
				t.Fatalf("replayed block %d: %v", h, verr)
			}
		}
		recs, err := chainRecords(testChainID, chain)
		if err != nil {
			t.Fatal(err)
		}
		rewritten, err := encodeRecords(recs)
		if err != nil {
			t.Fatal(err)
		}
		again, dropped, err := replay(rewritten)
		if err != nil || dropped || again[len(again)-1].Hash != chain[len(chain)-1].Hash {
			t.Fatalf("the rewritten journal replays to %d blocks (dropped %v, %v), the first replay to %d", len(again), dropped, err, len(chain))
		}
	})
}

func mustRecord(t testing.TB, b *Block) journalRecord {
	t.Helper()
	rec, err := blockRecord(b)
	if err != nil {
		t.Fatal(err)
	}
	return rec
}
