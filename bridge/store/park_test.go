package store

import (
	"context"
	"testing"
	"time"

	dbm "github.com/cosmos/cosmos-db"
	"github.com/stretchr/testify/require"

	seqtypes "github.com/themis-network/themis/x/sequencer/types"
)

func seqNonces(items []Item) [][2]uint64 {
	out := [][2]uint64{}
	for _, it := range items {
		out = append(out, [2]uint64{it.Info.SequencerID, it.Info.Nonce})
	}
	return out
}

// A round never gives one sequencer more than its share while others wait, and with
// more sequencers than slots the rounds rotate until every sequencer was looked at.
func TestHeadsRoundRobinFair(t *testing.T) {
	s := open(t, t.TempDir(), 0)
	defer s.Close()
	var evs []seqtypes.L1EventMsg
	for seq := uint64(1); seq <= 30; seq++ {
		for n := uint64(1); n <= 20; n++ {
			evs = append(evs, ev(seq, n, seq*100+n, 0))
		}
	}
	_, err := s.Commit(context.Background(), evs, 10_000)
	require.NoError(t, err)
	heads, next, err := s.Heads(16, 200, 0)
	require.NoError(t, err)
	require.Len(t, heads, 200)
	per := map[uint64]int{}
	for _, h := range heads {
		per[h.Info.SequencerID]++
	}
	require.Len(t, per, 30, "every sequencer is in the round")
	for seq, n := range per {
		require.GreaterOrEqual(t, n, 6, "sequencer %d", seq) // 200/30
		require.LessOrEqual(t, n, 16, "sequencer %d", seq)
	}
	require.EqualValues(t, 2, next, "the unused share rotates")
	heads, _, err = s.Heads(16, 200, next)
	require.NoError(t, err)
	require.EqualValues(t, 2, heads[0].Info.SequencerID)
	require.EqualValues(t, 1, heads[len(heads)-1].Info.SequencerID, "wraps around")

	// 300 sequencers, 200 slots: two rounds cover everyone.
	s2 := open(t, t.TempDir(), 0)
	defer s2.Close()
	evs = nil
	for seq := uint64(1); seq <= 300; seq++ {
		evs = append(evs, ev(seq, 1, seq, 0), ev(seq, 2, seq, 1))
	}
	_, err = s2.Commit(context.Background(), evs, 1000)
	require.NoError(t, err)
	seen := map[uint64]bool{}
	from := uint64(0)
	for round := 0; round < 2; round++ {
		heads, from, err = s2.Heads(16, 200, from)
		require.NoError(t, err)
		require.Len(t, heads, 200)
		for _, h := range heads {
			require.EqualValues(t, 1, h.Info.Nonce, "one slot each while sequencers outnumber slots")
			seen[h.Info.SequencerID] = true
		}
	}
	require.Len(t, seen, 300)
}

// A parked item leaves the outbox count and the relay rounds, and so do the later
// nonces of its sequencer; it survives a reopen with its reason; removing it lifts the
// floor.
func TestParkSurvivesReopenAndHoldsNoSlot(t *testing.T) {
	dir := t.TempDir()
	s := open(t, dir, 0)
	evs := []seqtypes.L1EventMsg{ev(1, 1, 10, 0), ev(1, 2, 11, 0), ev(1, 3, 12, 0), ev(2, 1, 13, 0)}
	_, err := s.Commit(context.Background(), evs, 20)
	require.NoError(t, err)
	all, err := s.All()
	require.NoError(t, err)
	since := time.Unix(1_700_000_000, 0)
	p := Parking{Class: "invalid", Reason: "owner: not an address", Since: since, NextRetry: since.Add(time.Hour)}
	require.NoError(t, s.Park(all[1].Key, p)) // (1, 2)
	require.Equal(t, 3, s.Len())
	require.Equal(t, 1, s.ParkedLen())
	heads, _, err := s.Heads(16, 200, 0)
	require.NoError(t, err)
	require.Equal(t, [][2]uint64{{1, 1}, {2, 1}}, seqNonces(heads), "(1,3) waits behind the parked (1,2)")
	require.NoError(t, s.Remove(all[0].Key)) // (1,1) applied
	heads, _, err = s.Heads(16, 200, 0)
	require.NoError(t, err)
	require.Equal(t, [][2]uint64{{2, 1}}, seqNonces(heads), "a sequencer blocked by a parked item takes no slot")
	require.NoError(t, s.Close())

	s = open(t, dir, 0)
	defer s.Close()
	parked := s.Parked()
	require.Len(t, parked, 1)
	require.Equal(t, all[1].Key, parked[0].Key)
	require.Equal(t, "invalid", parked[0].Class)
	require.Equal(t, "owner: not an address", parked[0].Reason)
	require.True(t, parked[0].Since.Equal(since))
	require.Equal(t, 2, s.Len())

	// Re-examined and still refused: the parking is updated in place.
	p.Retries, p.Reason = 1, "still not"
	require.NoError(t, s.Park(all[1].Key, p))
	require.EqualValues(t, 1, s.Parked()[0].Retries)
	// Re-reading its block neither duplicates nor un-parks it.
	stats, err := s.Commit(context.Background(), []seqtypes.L1EventMsg{ev(1, 2, 11, 0)}, 20)
	require.NoError(t, err)
	require.Zero(t, stats.Added)
	require.Equal(t, 1, s.ParkedLen())

	require.NoError(t, s.Remove(all[1].Key)) // applied after all
	require.Zero(t, s.ParkedLen())
	heads, _, err = s.Heads(16, 200, 0)
	require.NoError(t, err)
	require.Equal(t, [][2]uint64{{1, 3}, {2, 1}}, seqNonces(heads))
}

// The outbox de-duplicates by (sequencer, nonce) against the high-water mark: a
// re-read of an event the chain already took is not queued again; another copy of a
// nonce still undecided is.
func TestCommitDeduplicatesByNonce(t *testing.T) {
	dir := t.TempDir()
	s := open(t, dir, 0)
	ctx := context.Background()
	_, err := s.Commit(ctx, []seqtypes.L1EventMsg{ev(1, 1, 10, 0), ev(1, 2, 11, 0)}, 20)
	require.NoError(t, err)
	m, ok := s.LastQueued(1)
	require.True(t, ok)
	require.Equal(t, Mark{Nonce: 2, Block: 11}, m)
	all, err := s.All()
	require.NoError(t, err)
	require.NoError(t, s.Remove(all[0].Key)) // nonce 1 applied

	// A re-scan reads blocks 10-11 again, and a rewound node serves nonce 2 again in
	// another block.
	stats, err := s.Commit(ctx, []seqtypes.L1EventMsg{ev(1, 1, 10, 0), ev(1, 2, 11, 0), ev(1, 2, 25, 0)}, 30)
	require.NoError(t, err)
	require.Equal(t, CommitStats{Added: 1, Repeats: 1}, stats, "nonce 1 is a repeat; the other nonce-2 copy is queued beside the first")
	require.Equal(t, [][2]uint64{{1, 2}, {1, 2}}, seqNonces(mustAll(t, s)))
	require.NoError(t, s.Close())

	s = open(t, dir, 0)
	defer s.Close()
	for _, it := range mustAll(t, s) {
		require.NoError(t, s.Remove(it.Key))
	}
	stats, err = s.Commit(ctx, []seqtypes.L1EventMsg{ev(1, 2, 40, 0), ev(1, 3, 41, 0)}, 50)
	require.NoError(t, err)
	require.Equal(t, CommitStats{Added: 1, Repeats: 1}, stats, "the mark survives a reopen")
	m, _ = s.LastQueued(1)
	require.Equal(t, Mark{Nonce: 3, Block: 41}, m)
}

func mustAll(t *testing.T, s *Store) []Item {
	t.Helper()
	all, err := s.All()
	require.NoError(t, err)
	return all
}

// A parked record damaged on disk is dropped like an outbox record: the cursor moves
// back before its block and its sequencer's mark below its nonce, so it is read and
// queued again.
func TestCorruptParkedRecordIsReadAgain(t *testing.T) {
	dir := t.TempDir()
	s := open(t, dir, 0)
	_, err := s.Commit(context.Background(), []seqtypes.L1EventMsg{ev(1, 1, 50, 0), ev(1, 2, 70, 0)}, 100)
	require.NoError(t, err)
	all := mustAll(t, s)
	require.NoError(t, s.Park(all[1].Key, Parking{Class: "refused", Reason: "x", Since: time.Unix(1, 0)}))
	require.NoError(t, s.Close())

	db, err := dbm.NewGoLevelDB(dbName, dir, nil)
	require.NoError(t, err)
	pk := parkedKey(all[1].Key)
	v, err := db.Get(pk)
	require.NoError(t, err)
	v[len(v)-1] ^= 0xff
	require.NoError(t, db.SetSync(pk, v))
	require.NoError(t, db.Close())

	s = open(t, dir, 0)
	defer s.Close()
	c, _ := s.Cursor()
	require.EqualValues(t, 69, c)
	require.Zero(t, s.ParkedLen())
	m, _ := s.LastQueued(1)
	require.EqualValues(t, 1, m.Nonce)
	stats, err := s.Commit(context.Background(), []seqtypes.L1EventMsg{ev(1, 2, 70, 0)}, 100)
	require.NoError(t, err)
	require.Equal(t, 1, stats.Added)
}
