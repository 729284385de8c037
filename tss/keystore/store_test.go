package keystore

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cometbft/cometbft/p2p"
	"github.com/stretchr/testify/require"
)

func TestOpenWithoutCreateNeedsAStore(t *testing.T) {
	_, err := Open(filepath.Join(t.TempDir(), "tss"), newNodeKey(), Options{})
	require.ErrorIs(t, err, ErrNoStore)
}

func TestStoreIsPrivateOnDisk(t *testing.T) {
	s := openNew(t, newNodeKey(), nil)
	require.NoError(t, s.Put("preparams/a", []byte("plaintext secret")))
	for _, p := range []string{s.Dir(), filepath.Join(s.Dir(), "preparams")} {
		fi, err := os.Stat(p)
		require.NoError(t, err)
		require.Equal(t, os.FileMode(0o700), fi.Mode().Perm(), p)
	}
	fi, err := os.Stat(filepath.Join(s.Dir(), "preparams", "a.sealed"))
	require.NoError(t, err)
	require.Equal(t, os.FileMode(0o600), fi.Mode().Perm())
	raw, err := os.ReadFile(filepath.Join(s.Dir(), "preparams", "a.sealed"))
	require.NoError(t, err)
	require.NotContains(t, string(raw), "plaintext secret")
}

func TestReopenChecksNodeKeyAndPassphrase(t *testing.T) {
	nk := newNodeKey()
	s := openNew(t, nk, []byte("pw"))
	require.Equal(t, ModeNodeKeyPassphrase, s.Mode())
	dir := s.Dir()

	_, err := Open(dir, nk, Options{Passphrase: []byte("pw")})
	require.NoError(t, err)
	_, err = Open(dir, nk, Options{Passphrase: []byte("nope")})
	require.ErrorIs(t, err, ErrWrongPassphrase)
	_, err = Open(dir, nk, Options{})
	require.ErrorIs(t, err, ErrPassphraseRequired)
	_, err = Open(dir, newNodeKey(), Options{Passphrase: []byte("pw")})
	require.ErrorIs(t, err, ErrWrongNodeKey)

	plain := openNew(t, nk, nil)
	_, err = Open(plain.Dir(), nk, Options{Passphrase: []byte("pw")})
	require.ErrorIs(t, err, ErrPassphraseUnused, "a passphrase that would not protect anything is refused")
	_, err = Open(plain.Dir(), newNodeKey(), Options{})
	require.ErrorIs(t, err, ErrWrongNodeKey)
}

func TestCreateRefusesFilesWithoutHeader(t *testing.T) {
	nk := newNodeKey()
	s := openNew(t, nk, nil)
	require.NoError(t, s.Put("a", []byte("x")))
	require.NoError(t, os.Remove(filepath.Join(s.Dir(), headerFile)))
	_, err := Open(s.Dir(), nk, Options{Create: true})
	require.ErrorContains(t, err, "no keystore.json")
}

func TestPutIsCreateOnly(t *testing.T) {
	s := openNew(t, newNodeKey(), nil)
	require.NoError(t, s.Put("a", []byte("one")))
	require.ErrorIs(t, s.Put("a", []byte("two")), ErrExists)
	got, err := s.Get("a")
	require.NoError(t, err)
	require.Equal(t, "one", string(got))
	_, err = s.Get("b")
	require.ErrorIs(t, err, ErrNotFound)
	for _, bad := range []string{"", "../x", "a/../b", ".hidden", "a//b", "a/b/c/d/e", "sp ace"} {
		require.Error(t, s.Put(bad, []byte("x")), bad)
	}
}

func TestTakeRemovesOnceAndPutsBackWhatFailsToOpen(t *testing.T) {
	s := openNew(t, newNodeKey(), nil)
	require.NoError(t, s.Put("p/a", []byte("one")))
	got, err := s.Take("p/a")
	require.NoError(t, err)
	require.Equal(t, "one", string(got))
	_, err = s.Take("p/a")
	require.ErrorIs(t, err, ErrNotFound)

	require.NoError(t, s.Put("p/b", []byte("two")))
	path := filepath.Join(s.Dir(), "p", "b.sealed")
	flipLastByte(t, path)
	_, err = s.Take("p/b")
	require.ErrorIs(t, err, ErrCorrupt)
	require.ErrorContains(t, err, "p/b")
	names, err := s.List("p")
	require.NoError(t, err)
	require.Equal(t, []string{"p/b"}, names, "a file that does not open stays for the operator to see")
}

func TestTornOrTamperedFileIsReportedWithItsName(t *testing.T) {
	s := openNew(t, newNodeKey(), nil)
	require.NoError(t, s.Put("shares/k/a", []byte("secret share")))
	require.NoError(t, s.Put("shares/k/b", []byte("another")))
	pa := filepath.Join(s.Dir(), "shares", "k", "a.sealed")
	pb := filepath.Join(s.Dir(), "shares", "k", "b.sealed")

	raw, err := os.ReadFile(pa)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(pa, raw[:len(raw)/2], 0o600)) // torn
	_, err = s.Get("shares/k/a")
	require.ErrorIs(t, err, ErrCorrupt)
	require.ErrorContains(t, err, "shares/k/a")

	require.NoError(t, os.WriteFile(pa, raw, 0o600))
	flipLastByte(t, pa) // tampered
	_, err = s.Get("shares/k/a")
	require.ErrorIs(t, err, ErrCorrupt)

	rawB, err := os.ReadFile(pb)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(pa, rawB, 0o600)) // swapped
	_, err = s.Get("shares/k/a")
	require.ErrorIs(t, err, ErrCorrupt)
}

func TestCrashBeforeCommitKeepsOldStateAndLeavesNoFile(t *testing.T) {
	nk := newNodeKey()
	s := openNew(t, nk, nil)
	require.NoError(t, s.Put("p/old", []byte("old")))
	crashAt(s)
	require.ErrorIs(t, s.Put("p/new", []byte("new")), errCrash)

	// The restarted process sees the old state only.
	s2, err := Open(s.Dir(), nk, Options{})
	require.NoError(t, err)
	names, err := s2.List("p")
	require.NoError(t, err)
	require.Equal(t, []string{"p/old"}, names)
	got, err := s2.Get("p/old")
	require.NoError(t, err)
	require.Equal(t, "old", string(got))

	// The temporary file is left for a while (it could be another process's), then removed.
	leftovers := func() []string {
		des, err := os.ReadDir(filepath.Join(s.Dir(), "p"))
		require.NoError(t, err)
		var out []string
		for _, de := range des {
			if strings.HasPrefix(de.Name(), tmpPfx) {
				out = append(out, de.Name())
			}
		}
		return out
	}
	tmps := leftovers()
	require.Len(t, tmps, 1)
	old := time.Now().Add(-2 * staleAfter)
	require.NoError(t, os.Chtimes(filepath.Join(s.Dir(), "p", tmps[0]), old, old))
	_, err = Open(s.Dir(), nk, Options{})
	require.NoError(t, err)
	require.Empty(t, leftovers())
}

func TestLoadNodeKey(t *testing.T) {
	dir := t.TempDir()
	_, err := LoadNodeKey(filepath.Join(dir, "node_key.json"))
	require.ErrorIs(t, err, ErrNoNodeKey)
	require.ErrorContains(t, err, "themisd init")

	nk, err := p2p.LoadOrGenNodeKey(filepath.Join(dir, "node_key.json"))
	require.NoError(t, err)
	got, err := LoadNodeKey(filepath.Join(dir, "node_key.json"))
	require.NoError(t, err)
	require.Equal(t, nk.PrivKey.Bytes(), got)
}

func TestResolvePassphrase(t *testing.T) {
	env := map[string]string{}
	getenv := func(k string) string { return env[k] }
	pw, err := ResolvePassphrase("", getenv)
	require.NoError(t, err)
	require.Nil(t, pw, "no passphrase is node-key mode")

	env[PassphraseEnv] = "from env"
	pw, err = ResolvePassphrase("", getenv)
	require.NoError(t, err)
	require.Equal(t, "from env", string(pw))

	f := filepath.Join(t.TempDir(), "pw")
	require.NoError(t, os.WriteFile(f, []byte("from file\n"), 0o600))
	pw, err = ResolvePassphrase(f, getenv)
	require.NoError(t, err)
	require.Equal(t, "from file", string(pw), "the file wins, its newline trimmed")

	require.NoError(t, os.WriteFile(f, []byte("\n"), 0o600))
	_, err = ResolvePassphrase(f, getenv)
	require.ErrorContains(t, err, "empty")
}

func flipLastByte(t *testing.T, path string) {
	t.Helper()
	raw, err := os.ReadFile(path)
	require.NoError(t, err)
	raw[len(raw)-1] ^= 0xff
	require.NoError(t, os.WriteFile(path, raw, 0o600))
}

// An attacker who holds the node key and can write the disk rewrites the header of a
// passphrase store to node-key mode (with check ids they can compute): the store then
// opens without the passphrase, but not one of its files does.
func TestHeaderDowngradeOpensNoFile(t *testing.T) {
	nk := newNodeKey()
	s := openNew(t, nk, []byte("pw"))
	require.NoError(t, s.Put("shares/k/a", []byte("secret share")))

	nodeOnly, err := NewSealer(nk, nil, nil)
	require.NoError(t, err)
	bz, err := marshalHeader(newHeader(nodeOnly, nil))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(s.Dir(), headerFile), bz, 0o600))

	downgraded, err := Open(s.Dir(), nk, Options{})
	require.NoError(t, err)
	_, err = downgraded.Get("shares/k/a")
	require.ErrorIs(t, err, ErrPassphraseRequired)
	_, err = downgraded.Take("shares/k/a")
	require.ErrorIs(t, err, ErrPassphraseRequired)
	has, err := downgraded.Has("shares/k/a")
	require.NoError(t, err)
	require.True(t, has, "a file that does not open is never lost")
}
