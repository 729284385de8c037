package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"cosmossdk.io/math"
	dbm "github.com/cosmos/cosmos-db"
	"github.com/stretchr/testify/require"

	seqtypes "github.com/themis-network/themis/x/sequencer/types"
)

const testIdentity = "l1=1337 contract=0x00000000000000000000000000000000000000aa"

// ev builds a distinct event for (sequencer, nonce) in an L1 block.
func ev(seq, nonce, block, logIndex uint64) seqtypes.L1EventMsg {
	ref := seqtypes.L1EventRef{TxHash: fmt.Sprintf("0x%064x", block*1000+logIndex), LogIndex: logIndex, BlockNumber: block}
	if nonce%2 == 0 {
		return &seqtypes.MsgRelocked{Event: ref, SequencerId: seq, Nonce: nonce, Amount: math.NewInt(int64(nonce)), Total: math.NewInt(int64(nonce * 10))}
	}
	return &seqtypes.MsgUnlockInitiated{Event: ref, SequencerId: seq, Nonce: nonce}
}

func open(t *testing.T, dir string, capacity int) *Store {
	t.Helper()
	s, err := Open(dir, testIdentity, Options{Capacity: capacity})
	require.NoError(t, err)
	return s
}

func TestCommitCursorAndReopen(t *testing.T) {
	dir := t.TempDir()
	s := open(t, dir, 0)
	_, ok := s.Cursor()
	require.False(t, ok)

	require.NoError(t, commitErr(s, context.Background(), []seqtypes.L1EventMsg{ev(2, 1, 10, 0), ev(1, 2, 11, 3), ev(1, 1, 10, 1)}, 20))
	require.NoError(t, commitErr(s, context.Background(), nil, 30))
	// Re-reading a range rewrites the same items: no double count.
	require.NoError(t, commitErr(s, context.Background(), []seqtypes.L1EventMsg{ev(1, 1, 10, 1)}, 30))
	require.Equal(t, 3, s.Len())
	require.NoError(t, s.Close())
	require.ErrorIs(t, commitErr(s, context.Background(), nil, 40), ErrClosed)

	s = open(t, dir, 0)
	defer s.Close()
	c, ok := s.Cursor()
	require.True(t, ok)
	require.EqualValues(t, 30, c)
	all, err := s.All()
	require.NoError(t, err)
	require.Len(t, all, 3)
	// (sequencer id, nonce) order.
	got := [][2]uint64{}
	for _, it := range all {
		got = append(got, [2]uint64{it.Msg.GetSequencerId(), it.Msg.GetNonce()})
	}
	require.Equal(t, [][2]uint64{{1, 1}, {1, 2}, {2, 1}}, got)
	require.Equal(t, "0x"+fmt.Sprintf("%064x", 10*1000+1), all[0].Msg.GetEvent().TxHash)

	require.ErrorContains(t, commitErr(s, context.Background(), nil, 29), "cannot move back")
}

func TestIdentityMismatch(t *testing.T) {
	dir := t.TempDir()
	s := open(t, dir, 0)
	require.NoError(t, s.Close())
	_, err := Open(dir, "l1=1 contract=0xother", Options{})
	require.ErrorContains(t, err, "belongs to")
}

func TestRemoveAndHeads(t *testing.T) {
	s := open(t, t.TempDir(), 0)
	defer s.Close()
	var evs []seqtypes.L1EventMsg
	for seq := uint64(1); seq <= 3; seq++ {
		for n := uint64(1); n <= 5; n++ {
			evs = append(evs, ev(seq, n, 100+seq*10+n, 0))
		}
	}
	require.NoError(t, commitErr(s, context.Background(), evs, 200))
	heads, _, err := s.Heads(2, 0, 0)
	require.NoError(t, err)
	require.Len(t, heads, 6)
	for i, h := range heads {
		require.EqualValues(t, i/2+1, h.Info.SequencerID)
		require.EqualValues(t, i%2+1, h.Info.Nonce)
	}
	heads, _, err = s.Heads(2, 3, 0)
	require.NoError(t, err)
	require.Len(t, heads, 3)

	require.NoError(t, s.Remove(heads[0].Key, heads[0].Key, []byte("unknown")))
	require.Equal(t, 14, s.Len())
	heads, _, err = s.Heads(1, 0, 0)
	require.NoError(t, err)
	require.Len(t, heads, 3)
	require.EqualValues(t, 2, heads[0].Info.Nonce)
}

func TestBackpressure(t *testing.T) {
	s := open(t, t.TempDir(), 3)
	defer s.Close()
	ctx := context.Background()
	require.NoError(t, commitErr(s, ctx, []seqtypes.L1EventMsg{ev(1, 1, 1, 0), ev(1, 2, 2, 0)}, 2))

	// Two more do not fit: Commit waits until the processor removes items.
	done := make(chan error, 1)
	go func() { done <- commitErr(s, ctx, []seqtypes.L1EventMsg{ev(1, 3, 3, 0), ev(1, 4, 4, 0)}, 4) }()
	select {
	case err := <-done:
		t.Fatalf("commit did not wait: %v", err)
	case <-time.After(100 * time.Millisecond):
	}
	c, _ := s.Cursor()
	require.EqualValues(t, 2, c, "cursor must not move while the range waits")
	heads, _, err := s.Heads(1, 0, 0)
	require.NoError(t, err)
	require.NoError(t, s.Remove(heads[0].Key))
	require.NoError(t, <-done)
	require.Equal(t, 3, s.Len())

	// A waiting commit gives up with its context.
	cctx, cancel := context.WithTimeout(ctx, 50*time.Millisecond)
	defer cancel()
	require.ErrorIs(t, commitErr(s, cctx, []seqtypes.L1EventMsg{ev(2, 1, 5, 0)}, 5), context.DeadlineExceeded)

	// An empty outbox accepts a range larger than the capacity (no deadlock).
	all, err := s.All()
	require.NoError(t, err)
	for _, it := range all {
		require.NoError(t, s.Remove(it.Key))
	}
	big := []seqtypes.L1EventMsg{ev(3, 1, 6, 0), ev(3, 2, 6, 1), ev(3, 3, 6, 2), ev(3, 4, 6, 3)}
	require.NoError(t, commitErr(s, ctx, big, 6))
	require.Equal(t, 4, s.Len())
	select {
	case <-s.Added():
	default:
		t.Fatal("no added signal")
	}
}

func TestCommitRejectsBadEvents(t *testing.T) {
	s := open(t, t.TempDir(), 0)
	defer s.Close()
	bad := &seqtypes.MsgUnlockInitiated{Event: seqtypes.L1EventRef{TxHash: "0x12", BlockNumber: 1}, SequencerId: 1, Nonce: 1}
	require.Error(t, commitErr(s, context.Background(), []seqtypes.L1EventMsg{bad}, 1))
	_, ok := s.Cursor()
	require.False(t, ok)
}

// A record damaged on disk is dropped at open and the cursor moves back before its
// block, so the listener reads the block again: nothing is skipped.
func TestCorruptRecordRewindsCursor(t *testing.T) {
	dir := t.TempDir()
	s := open(t, dir, 0)
	require.NoError(t, commitErr(s, context.Background(), []seqtypes.L1EventMsg{ev(1, 1, 50, 0), ev(1, 2, 70, 0)}, 100))
	all, err := s.All()
	require.NoError(t, err)
	require.NoError(t, s.Close())

	db, err := dbm.NewGoLevelDB(dbName, dir, nil)
	require.NoError(t, err)
	v, err := db.Get(all[1].Key)
	require.NoError(t, err)
	v[len(v)-1] ^= 0xff
	require.NoError(t, db.SetSync(all[1].Key, v))
	require.NoError(t, db.Close())

	s = open(t, dir, 0)
	defer s.Close()
	c, ok := s.Cursor()
	require.True(t, ok)
	require.EqualValues(t, 69, c)
	require.Equal(t, 1, s.Len())
	m, ok := s.LastQueued(1)
	require.True(t, ok)
	require.EqualValues(t, 1, m.Nonce, "the mark drops below the lost event, so re-reading queues it again")
	stats, err := s.Commit(context.Background(), []seqtypes.L1EventMsg{ev(1, 2, 70, 0)}, 100)
	require.NoError(t, err)
	require.Equal(t, 1, stats.Added)
}

// --- kill -9 ---------------------------------------------------------------------

const crashEnv = "THEMIS_BRIDGE_STORE_CRASH_DIR"

// crashChunk is the range the helper commits at step i: blocks 10i+1..10i+10, with one
// event in each block (three sequencers, nonces increasing).
func crashChunk(i uint64) ([]seqtypes.L1EventMsg, uint64) {
	var evs []seqtypes.L1EventMsg
	for b := 10*i + 1; b <= 10*i+10; b++ {
		evs = append(evs, ev(b%3+1, b, b, 0))
	}
	return evs, 10*i + 10
}

// TestCrashHelper is the child process of TestKillDashNine: it commits ranges until
// it is killed.
func TestCrashHelper(t *testing.T) {
	dir := os.Getenv(crashEnv)
	if dir == "" {
		t.Skip("helper process only")
	}
	s, err := Open(dir, testIdentity, Options{})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	start := uint64(0)
	if c, ok := s.Cursor(); ok {
		start = c / 10
	}
	fmt.Println("ready")
	for i := start; ; i++ {
		evs, cursor := crashChunk(i)
		if err := commitErr(s, context.Background(), evs, cursor); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(3)
		}
	}
}

// TestKillDashNine kills a process that is committing ranges at random moments and
// checks after each kill that the store holds exactly the events of the blocks up to its
// cursor: no event lost, none beyond the cursor (the range and the cursor are atomic).
func TestKillDashNine(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns processes")
	}
	dir := t.TempDir()
	for round := 0; round < 5; round++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashHelper$", "-test.count=1")
		cmd.Env = append(os.Environ(), crashEnv+"="+dir)
		out, err := cmd.StdoutPipe()
		require.NoError(t, err)
		require.NoError(t, cmd.Start())
		buf := make([]byte, 6)
		_, _ = out.Read(buf) // "ready": the store is open
		time.Sleep(time.Duration(20+round*37) * time.Millisecond)
		require.NoError(t, cmd.Process.Kill()) // SIGKILL
		_ = cmd.Wait()

		s, err := Open(dir, testIdentity, Options{})
		require.NoError(t, err, "round %d", round)
		cursor, ok := s.Cursor()
		all, err := s.All()
		require.NoError(t, err)
		require.NoError(t, s.Close())
		if !ok {
			require.Empty(t, all)
			continue
		}
		require.Zero(t, cursor%10, "cursor %d is not a range end", cursor)
		require.Len(t, all, int(cursor), "round %d: cursor %d", round, cursor)
		blocks := map[uint64]bool{}
		for _, it := range all {
			require.LessOrEqual(t, it.Info.BlockNumber, cursor)
			blocks[it.Info.BlockNumber] = true
		}
		require.Len(t, blocks, int(cursor))
		t.Logf("round %d: killed at cursor %s", round, strconv.FormatUint(cursor, 10))
	}
}

func TestOpenErrors(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "file")
	require.NoError(t, os.WriteFile(file, nil, 0o600))
	_, err := Open(filepath.Join(file, "sub"), testIdentity, Options{})
	require.Error(t, err)

	// A second process (or a second bridge) cannot open the same store.
	s := open(t, dir, 0)
	defer s.Close()
	_, err = Open(dir, testIdentity, Options{})
	require.Error(t, err)
	require.False(t, errors.Is(err, ErrClosed))
}

func commitErr(s *Store, ctx context.Context, evs []seqtypes.L1EventMsg, cursor uint64) error {
	_, err := s.Commit(ctx, evs, cursor)
	return err
}
