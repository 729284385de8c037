package l2sim

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cosmossdk.io/log"
)

// buildChain makes n correct blocks after genesis.
func buildChain(t testing.TB, n int) ([]Block, Member) {
	t.Helper()
	k := testKey(t)
	m := memberOf(1, k)
	blocks := []Block{Genesis(testChainID)}
	for range n {
		blocks = append(blocks, signedChild(t, blocks[len(blocks)-1], m, k))
	}
	return blocks, m
}

func TestStorePersistsAndReloads(t *testing.T) {
	dir := t.TempDir()
	blocks, _ := buildChain(t, 6)
	s, err := openStore(dir, testChainID, log.NewNopLogger())
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Append(blocks[1:5]...); err != nil {
		t.Fatal(err)
	}
	// A block that does not extend the head is refused.
	if err := s.Append(blocks[6]); err == nil {
		t.Fatal("appended a block that skips a height")
	}
	// Reorg to a fork at 2 (another producer's blocks 3', 4').
	k2 := testKey(t)
	m2 := memberOf(2, k2)
	f3 := signedChild(t, blocks[2], m2, k2)
	f4 := signedChild(t, f3, m2, k2)
	if err := s.Reorg(2, blocks[3].Hash, blocks[4].Hash, []Block{f3}); err == nil {
		t.Fatal("reorg with a wrong fork hash accepted")
	}
	if err := s.Reorg(2, blocks[2].Hash, blocks[3].Hash, []Block{f3}); err == nil {
		t.Fatal("reorg decided on an older head accepted")
	}
	if err := s.Reorg(2, blocks[2].Hash, blocks[4].Hash, []Block{f3, f4}); err != nil {
		t.Fatal(err)
	}
	head := s.Head()
	s.Close()

	s2, err := openStore(dir, testChainID, log.NewNopLogger())
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if got := s2.Head(); got.Hash != head.Hash || got.Height() != 4 {
		t.Fatalf("reloaded head %d %s, want 4 %s", got.Height(), got.Hash, head.Hash)
	}
	if b, _ := s2.At(3); b.Hash != f3.Hash {
		t.Fatal("reloaded chain did not keep the reorg")
	}
	if b, _ := s2.At(2); b.Hash != blocks[2].Hash {
		t.Fatal("reloaded chain lost the shared prefix")
	}
}

func TestStoreIgnoresTornLastLine(t *testing.T) {
	dir, blocks := journalOfThreeBlocks(t)
	path := filepath.Join(dir, journalFile)
	data, _ := os.ReadFile(path)
	// Cut the last record in half, as a crash during its write would.
	cut := data[:len(data)-40]
	if err := os.WriteFile(path, cut, 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := openStore(dir, testChainID, log.NewNopLogger())
	if err != nil {
		t.Fatalf("torn last line: %v", err)
	}
	if h := s.Head().Height(); h != 2 {
		t.Fatalf("head %d after a torn write of block 3, want 2", h)
	}
	// The journal was repaired: appending and reloading works.
	if err := s.Append(blocks[3]); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = openStore(dir, testChainID, log.NewNopLogger())
	if err != nil {
		t.Fatal(err)
	}
	if h := s.Head().Height(); h != 3 {
		t.Fatalf("head %d after repair and append, want 3", h)
	}
	s.Close()

	// A garbled line in the middle is corruption, not a torn write.
	data, _ = os.ReadFile(path)
	lines := strings.SplitAfter(string(data), "\n")
	lines[1] = "{garbage\n"
	os.WriteFile(path, []byte(strings.Join(lines, "")), 0o600)
	if _, err := openStore(dir, testChainID, log.NewNopLogger()); err == nil || !strings.Contains(err.Error(), "corrupt") {
		t.Fatalf("corrupt middle line: %v", err)
	}
}

func TestStoreRejectsOtherChainAndBadBlocks(t *testing.T) {
	dir, blocks := journalOfThreeBlocks(t)
	if _, err := openStore(dir, testChainID+1, log.NewNopLogger()); err == nil || !strings.Contains(err.Error(), "not chain") {
		t.Fatalf("another chain id: %v", err)
	}

	// A stored block with a wrong state root (the node's own wrong_result block) is
	// dropped on load with everything above it.
	k := testKey(t)
	h := childOf(blocks[1], memberOf(1, k))
	h.Root = wrongStateRoot(blocks[1].StateRoot(), h.TxHash)
	bad := mustSeal(t, h, 1, k)
	line, err := jsonLine(&bad)
	if err != nil {
		t.Fatal(err)
	}
	s := reopenWithLine(t, dir, 2, line)
	if h := s.Head().Height(); h != 1 {
		t.Fatalf("head %d, want 1 (block 2 is wrong, block 3 builds on it)", h)
	}
}

// jsonLine is the journal line of b.
func jsonLine(b *Block) (string, error) {
	rec, err := blockRecord(b)
	if err != nil {
		return "", err
	}
	data, err := json.Marshal(&rec)
	return string(data) + "\n", err
}

// journalOfThreeBlocks writes blocks 1..3 of a fresh chain to a store in a new
// directory and closes it, for tests that damage or reopen the journal.
func journalOfThreeBlocks(t *testing.T) (dir string, blocks []Block) {
	t.Helper()
	dir = t.TempDir()
	blocks, _ = buildChain(t, 3)
	s, err := openStore(dir, testChainID, log.NewNopLogger())
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Append(blocks[1:]...); err != nil {
		t.Fatal(err)
	}
	s.Close()
	return dir, blocks
}

// reopenWithLine replaces record i of the journal in dir with line and opens the store
// again; it is closed with the test.
func reopenWithLine(t *testing.T, dir string, i int, line string) *chainStore {
	t.Helper()
	path := filepath.Join(dir, journalFile)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(string(data), "\n")
	lines[i] = line
	if err := os.WriteFile(path, []byte(strings.Join(lines, "")), 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := openStore(dir, testChainID, log.NewNopLogger())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}
