package keystore

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"
)

const key = "pool"

func save(g uint64) []byte { return []byte(fmt.Sprintf("save data of generation %d", g)) }

// sharesAt builds a store whose key has the given generations confirmed, in order.
func sharesAt(t *testing.T, confirmed ...uint64) (*Store, *Shares) {
	t.Helper()
	s := openNew(t, newNodeKey(), nil)
	sh := s.Shares()
	for _, g := range confirmed {
		require.NoError(t, sh.PutPending(key, g, save(g)))
		require.NoError(t, sh.Confirm(key, g))
	}
	return s, sh
}

func requireCurrent(t *testing.T, sh *Shares, want uint64) {
	t.Helper()
	g, bz, ok, err := sh.Current(key)
	require.NoError(t, err)
	require.True(t, ok)
	require.Equal(t, want, g)
	require.Equal(t, save(want), bz)
}

func TestSharePendingIsNotCurrent(t *testing.T) {
	_, sh := sharesAt(t)
	require.NoError(t, sh.PutPending(key, 1, save(1)))
	_, _, ok, err := sh.Current(key)
	require.NoError(t, err)
	require.False(t, ok)
	bz, ok, err := sh.Pending(key, 1)
	require.NoError(t, err)
	require.True(t, ok)
	require.Equal(t, save(1), bz)
	st, err := sh.State(key)
	require.NoError(t, err)
	require.Equal(t, KeyState{KeyID: key, Pending: []uint64{1}}, st)
}

func TestShareConfirmMakesCurrentAndKeepsThePreviousForRollback(t *testing.T) {
	_, sh := sharesAt(t, 1)
	requireCurrent(t, sh, 1)
	require.NoError(t, sh.PutPending(key, 2, save(2)))
	requireCurrent(t, sh, 1) // the old share serves until its successor is confirmed
	require.NoError(t, sh.Confirm(key, 2))
	requireCurrent(t, sh, 2)
	g, bz, ok, err := sh.Previous(key)
	require.NoError(t, err)
	require.True(t, ok)
	require.Equal(t, uint64(1), g)
	require.Equal(t, save(1), bz)
	_, ok, err = sh.Pending(key, 2)
	require.NoError(t, err)
	require.False(t, ok, "a confirmed generation is no longer pending")
}

func TestShareConfirmDeletesWhatIsOlderThanPrevious(t *testing.T) {
	s, sh := sharesAt(t, 1, 2)
	require.NoError(t, sh.PutPending(key, 4, save(4)))
	require.NoError(t, sh.PutPending(key, 3, save(3)))
	require.NoError(t, sh.Confirm(key, 3))
	st, err := sh.State(key)
	require.NoError(t, err)
	require.Equal(t, KeyState{KeyID: key, Current: 3, HasCurrent: true, Previous: 2, HasPrevious: true, Pending: []uint64{4}}, st)
	names, err := s.List("shares/" + key)
	require.NoError(t, err)
	require.Equal(t, []string{
		"shares/pool/00000000000000000002.confirmed", "shares/pool/00000000000000000002.share",
		"shares/pool/00000000000000000003.confirmed", "shares/pool/00000000000000000003.share",
		"shares/pool/00000000000000000004.share",
	}, names)
}

func TestShareConfirmDropsPendingItSupersedes(t *testing.T) {
	_, sh := sharesAt(t, 1)
	require.NoError(t, sh.PutPending(key, 2, save(2)))
	require.NoError(t, sh.PutPending(key, 3, save(3)))
	require.NoError(t, sh.Confirm(key, 3)) // the chain skipped generation 2
	st, err := sh.State(key)
	require.NoError(t, err)
	require.Equal(t, KeyState{KeyID: key, Current: 3, HasCurrent: true, Previous: 1, HasPrevious: true}, st)
	_, ok, err := sh.Pending(key, 2)
	require.NoError(t, err)
	require.False(t, ok)
}

func TestShareConfirmIsIdempotentAndRefusesTheStale(t *testing.T) {
	_, sh := sharesAt(t, 1, 2)
	require.NoError(t, sh.Confirm(key, 2), "a replayed confirmation is a no-op")
	requireCurrent(t, sh, 2)
	require.ErrorIs(t, sh.Confirm(key, 1), ErrStale)
	require.ErrorIs(t, sh.Confirm(key, 7), ErrNotFound, "nothing pending to confirm")
	require.ErrorIs(t, sh.PutPending(key, 1, save(1)), ErrConfirmed)
}

func TestShareIsNeverReplaced(t *testing.T) {
	_, sh := sharesAt(t, 1)
	require.ErrorIs(t, sh.PutPending(key, 1, []byte("other")), ErrConfirmed)
	requireCurrent(t, sh, 1)

	require.NoError(t, sh.PutPending(key, 2, save(2)))
	require.NoError(t, sh.PutPending(key, 2, save(2)), "the same result again is a no-op")
	require.ErrorIs(t, sh.PutPending(key, 2, []byte("other")), ErrPendingExists)
	require.NoError(t, sh.Discard(key, 2))
	require.NoError(t, sh.PutPending(key, 2, []byte("other")), "after a discard, a new session's result")
}

func TestShareDiscardTouchesOnlyPending(t *testing.T) {
	_, sh := sharesAt(t, 1)
	require.ErrorIs(t, sh.Discard(key, 1), ErrConfirmed)
	require.NoError(t, sh.PutPending(key, 2, save(2)))
	require.NoError(t, sh.Discard(key, 2))
	require.NoError(t, sh.Discard(key, 2), "discarding twice is fine")
	_, ok, err := sh.Pending(key, 2)
	require.NoError(t, err)
	require.False(t, ok)
	requireCurrent(t, sh, 1)
	require.ErrorIs(t, sh.Confirm(key, 2), ErrNotFound)
}

func TestShareCrashBeforePendingIsWrittenKeepsCurrent(t *testing.T) {
	s, sh := sharesAt(t, 1)
	crashAt(s)
	require.ErrorIs(t, sh.PutPending(key, 2, save(2)), errCrash)
	s.beforeCommit = nil
	requireCurrent(t, sh, 1)
	_, ok, err := sh.Pending(key, 2)
	require.NoError(t, err)
	require.False(t, ok)
}

func TestShareCrashBeforeConfirmationKeepsCurrentAndPending(t *testing.T) {
	s, sh := sharesAt(t, 1)
	require.NoError(t, sh.PutPending(key, 2, save(2)))
	crashAt(s)
	require.ErrorIs(t, sh.Confirm(key, 2), errCrash)
	s.beforeCommit = nil
	requireCurrent(t, sh, 1)
	_, ok, err := sh.Pending(key, 2)
	require.NoError(t, err)
	require.True(t, ok)
	require.NoError(t, sh.Confirm(key, 2), "the replayed confirmation completes")
	requireCurrent(t, sh, 2)
}

func TestShareCrashDuringPruningIsFinishedByTheReplay(t *testing.T) {
	s, sh := sharesAt(t, 1, 2)
	require.NoError(t, sh.PutPending(key, 3, save(3)))
	// Play a crash right after the confirmation of 3 was written: nothing pruned yet.
	bz, err := json.Marshal(confirmation{Generation: 3, ShareSHA256: sha256Hex(save(3))})
	require.NoError(t, err)
	require.NoError(t, s.Put(confirmName(key, 3), bz))
	requireCurrent(t, sh, 3)
	has, err := s.Has(shareName(key, 1))
	require.NoError(t, err)
	require.True(t, has)

	require.NoError(t, sh.Confirm(key, 3))
	has, err = s.Has(shareName(key, 1))
	require.NoError(t, err)
	require.False(t, has)
	g, _, ok, err := sh.Previous(key)
	require.NoError(t, err)
	require.True(t, ok)
	require.Equal(t, uint64(2), g)
}

func TestShareConfirmationMustMatchTheShare(t *testing.T) {
	s, sh := sharesAt(t, 1)
	require.NoError(t, sh.PutPending(key, 2, save(2)))
	bz, err := json.Marshal(confirmation{Generation: 2, ShareSHA256: sha256Hex([]byte("something else"))})
	require.NoError(t, err)
	require.NoError(t, s.Put(confirmName(key, 2), bz))
	_, _, _, err = sh.Current(key)
	require.ErrorIs(t, err, ErrCorrupt)
}

func TestShareKeysAndIDs(t *testing.T) {
	_, sh := sharesAt(t, 1)
	require.NoError(t, sh.PutPending("other", 5, save(5)))
	keys, err := sh.Keys()
	require.NoError(t, err)
	require.Equal(t, []string{"other", key}, keys)
	require.Error(t, sh.PutPending("../x", 1, save(1)))
	require.Error(t, sh.PutPending("a/b", 1, save(1)))
}
