package cmd

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/bnb-chain/tss-lib/v2/ecdsa/keygen"
	"github.com/cometbft/cometbft/p2p"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/testutil/tssfixtures"
	"github.com/themis-network/themis/tss/keystore"
)

// tssWorld is a node home with a node key, and the fakes the tss commands run on:
// fixture preparams instead of minutes of safe primes, and a private environment.
type tssWorld struct {
	t     *testing.T
	home  string
	env   map[string]string
	mu    sync.Mutex
	calls int
	// block, when set, makes generation call n (0-based) wait for its context.
	block map[int]chan struct{}
}

func newTSSWorld(t *testing.T) *tssWorld {
	w := &tssWorld{t: t, home: t.TempDir(), env: map[string]string{}, block: map[int]chan struct{}{}}
	require.NoError(t, os.MkdirAll(filepath.Join(w.home, "config"), 0o700))
	_, err := p2p.LoadOrGenNodeKey(filepath.Join(w.home, "config", "node_key.json"))
	require.NoError(t, err)
	return w
}

func (w *tssWorld) deps() tssDeps {
	return tssDeps{
		generate: func(ctx context.Context, _ int) (*keygen.LocalPreParams, error) {
			w.mu.Lock()
			n := w.calls
			w.calls++
			started := w.block[n]
			w.mu.Unlock()
			if started != nil {
				close(started)
				<-ctx.Done()
				return nil, ctx.Err()
			}
			return tssfixtures.Preparams(n % 4)
		},
		getenv: func(k string) string { return w.env[k] },
		now:    time.Now,
	}
}

// run executes `themisd tss args...` in process against this home.
func (w *tssWorld) run(ctx context.Context, args ...string) (stdout, stderr string, err error) {
	cmd := newTSSCmd(w.deps())
	var out, errOut bytes.Buffer
	cmd.SetOut(&out)
	cmd.SetErr(&errOut)
	cmd.SetArgs(append(args, "--home", w.home))
	err = cmd.ExecuteContext(ctx)
	return out.String(), errOut.String(), err
}

func (w *tssWorld) mustRun(args ...string) (stdout, stderr string) {
	w.t.Helper()
	stdout, stderr, err := w.run(context.Background(), args...)
	require.NoError(w.t, err, "themisd tss %v\nstdout: %s\nstderr: %s", args, stdout, stderr)
	return stdout, stderr
}

func (w *tssWorld) status() tssStatus {
	w.t.Helper()
	out, _ := w.mustRun("status", "-o", "json")
	var st tssStatus
	require.NoError(w.t, json.Unmarshal([]byte(out), &st), out)
	return st
}

// fixtureDir writes fixture files for parties 0..n-1 into a fresh directory.
func fixtureDir(t *testing.T, n int) string {
	dir := t.TempDir()
	for i := 0; i < n; i++ {
		bz, err := tssfixtures.PreparamsJSON(i)
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(dir, fmt.Sprintf("party-%02d.json", i)), bz, 0o644))
	}
	return dir
}

func TestTSSInitTopsUpToCountAndIsIdempotent(t *testing.T) {
	w := newTSSWorld(t)
	out, errOut := w.mustRun("init", "--count", "2")
	require.Contains(t, out, "sealed with the node key only")
	require.Contains(t, out, "preparams pool: 2 sets")
	require.Contains(t, errOut, "preparams 1/2: set done in")
	require.Contains(t, errOut, "preparams 2/2: set done in")
	require.Contains(t, errOut, "mean")
	require.Contains(t, errOut, "Ctrl-C is safe")
	require.Equal(t, 2, w.calls)

	out, _ = w.mustRun("init", "--count", "2")
	require.Contains(t, out, "nothing to do")
	require.Equal(t, 2, w.calls, "a full pool generates nothing")

	w.mustRun("init", "--count", "3")
	require.Equal(t, 3, w.calls, "tops up by the missing set only")
	require.Equal(t, 3, w.status().Preparams)

	fi, err := os.Stat(filepath.Join(w.home, "tss"))
	require.NoError(t, err)
	require.Equal(t, os.FileMode(0o700), fi.Mode().Perm())
}

func TestTSSInitInterruptedStoresNoHalfSet(t *testing.T) {
	w := newTSSWorld(t)
	started := make(chan struct{})
	w.block[1] = started // the second set hangs until Ctrl-C
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		<-started
		cancel() // what SIGINT does through signal.NotifyContext
	}()
	_, errOut, err := w.run(ctx, "init", "--count", "3")
	require.ErrorContains(t, err, "interrupted")
	require.Contains(t, errOut, "the pool holds 1 of 3 sets; the set in progress was dropped")
	require.Equal(t, 1, w.status().Preparams)

	w.mustRun("init", "--count", "3")
	require.Equal(t, 3, w.status().Preparams)
}

func TestTSSCommandsNeedTheNodeKey(t *testing.T) {
	w := newTSSWorld(t)
	require.NoError(t, os.Remove(filepath.Join(w.home, "config", "node_key.json")))
	for _, args := range [][]string{{"init"}, {"status"}, {"import-preparams", t.TempDir()}, {"backup", "--out", filepath.Join(t.TempDir(), "b")}} {
		_, _, err := w.run(context.Background(), args...)
		require.ErrorContains(t, err, "run `themisd init` first", "%v", args)
	}
}

func TestTSSStatusWithoutAStore(t *testing.T) {
	w := newTSSWorld(t)
	_, _, err := w.run(context.Background(), "status")
	require.ErrorIs(t, err, keystore.ErrNoStore)
	require.ErrorContains(t, err, "run `themisd tss init` first")
	_, err = os.Stat(filepath.Join(w.home, "tss"))
	require.True(t, os.IsNotExist(err), "status creates nothing")
}

func TestTSSImportPreparamsWarnsThatFixturesArePublic(t *testing.T) {
	w := newTSSWorld(t)
	dir := fixtureDir(t, 2)
	out, errOut := w.mustRun("import-preparams", dir)
	require.Contains(t, errOut, "PUBLIC")
	require.Contains(t, errOut, "must NEVER guard real")
	require.Contains(t, out, "imported 2 preparams sets (0 already present); the pool holds 2")
	out, _ = w.mustRun("import-preparams", dir)
	require.Contains(t, out, "imported 0 preparams sets (2 already present)")

	// The pool is sealed: no fixture number is readable on disk.
	bz, err := tssfixtures.PreparamsJSON(0)
	require.NoError(t, err)
	var raw map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(bz, &raw))
	require.NoError(t, filepath.WalkDir(filepath.Join(w.home, "tss"), func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		onDisk, err := os.ReadFile(p)
		require.NoError(t, err)
		require.NotContains(t, string(onDisk), string(raw["NTildei"]), p)
		return nil
	}))
}

func TestTSSStatusShowsModeAndShareGenerations(t *testing.T) {
	w := newTSSWorld(t)
	w.mustRun("import-preparams", fixtureDir(t, 1))
	nk, err := keystore.LoadNodeKey(filepath.Join(w.home, "config", "node_key.json"))
	require.NoError(t, err)
	s, err := keystore.Open(filepath.Join(w.home, "tss"), nk, keystore.Options{})
	require.NoError(t, err)
	sh := s.Shares()
	for g := uint64(1); g <= 2; g++ {
		require.NoError(t, sh.PutPending("pool", g, []byte{byte(g)}))
		require.NoError(t, sh.Confirm("pool", g))
	}
	require.NoError(t, sh.PutPending("pool", 3, []byte{3}))

	out, _ := w.mustRun("status")
	require.Contains(t, out, "sealed with:    node key only")
	require.Contains(t, out, "preparams pool: 1 sets")
	require.Contains(t, out, "pool: current 2, previous 1, pending [3]")

	st := w.status()
	require.Equal(t, "node-key", st.Mode)
	require.Len(t, st.Shares, 1)
	require.Equal(t, keystore.KeyState{KeyID: "pool", Current: 2, HasCurrent: true, Previous: 1, HasPrevious: true, Pending: []uint64{3}}, st.Shares[0])
}

func TestTSSPassphraseModeNeedsThePassphrase(t *testing.T) {
	w := newTSSWorld(t)
	pwFile := filepath.Join(t.TempDir(), "pw")
	require.NoError(t, os.WriteFile(pwFile, []byte("s3cret\n"), 0o600))
	out, _ := w.mustRun("init", "--count", "1", "--passphrase-file", pwFile)
	require.Contains(t, out, "sealed with the node key + passphrase")

	_, _, err := w.run(context.Background(), "status")
	require.ErrorIs(t, err, keystore.ErrPassphraseRequired)
	require.ErrorContains(t, err, "--passphrase-file")

	w.env[keystore.PassphraseEnv] = "wrong"
	_, _, err = w.run(context.Background(), "status")
	require.ErrorIs(t, err, keystore.ErrWrongPassphrase)

	w.env[keystore.PassphraseEnv] = "s3cret"
	require.Equal(t, 1, w.status().Preparams, "the environment variable works as well as the file")
	require.Equal(t, "node-key+passphrase", w.status().Mode)
}

func TestTSSBackupRestoresOnANewMachineWithTheSameNodeKey(t *testing.T) {
	w := newTSSWorld(t)
	w.mustRun("import-preparams", fixtureDir(t, 2))
	archive := filepath.Join(t.TempDir(), "tss.bak")
	out, errOut := w.mustRun("backup", "--out", archive)
	require.Contains(t, out, "wrote 2 sealed files")
	require.Contains(t, errOut, "node_key.json")
	_, _, err := w.run(context.Background(), "backup", "--out", archive)
	require.ErrorIs(t, err, keystore.ErrExists)

	// A new machine with another node key cannot open it.
	stranger := newTSSWorld(t)
	_, _, err = stranger.run(context.Background(), "restore", archive)
	require.ErrorIs(t, err, keystore.ErrWrongNodeKey)
	require.ErrorContains(t, err, "different node key")

	// A new machine with the same node_key.json can.
	moved := newTSSWorld(t)
	nodeKey, err := os.ReadFile(filepath.Join(w.home, "config", "node_key.json"))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(moved.home, "config", "node_key.json"), nodeKey, 0o600))
	out, _ = moved.mustRun("restore", archive)
	require.Contains(t, out, "restored 2 sealed files")
	require.Equal(t, 2, moved.status().Preparams)

	_, _, err = moved.run(context.Background(), "restore", archive)
	require.ErrorContains(t, err, "never overwrites")
}

func TestTSSCommandIsRegistered(t *testing.T) {
	c, _, err := NewRootCmd().Find([]string{"tss", "init"})
	require.NoError(t, err)
	require.Equal(t, "init", c.Name())
}
