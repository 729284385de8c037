package sessions_test

import (
	"encoding/hex"
	"math"
	"testing"

	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/themis-network/themis/x/mpc/sessions"
)

// TestKeyPinned pins the session key derivation (computed independently with
// printf | sha256sum): the engines bind it into every message, so a change is a
// consensus and protocol change.
func TestKeyPinned(t *testing.T) {
	k := sessions.Key("themis-1", 7, sessions.KindSign, 2)
	require.Equal(t, "4a972c632e02d1019315f7067436ff9098dcf5bacc9755bfb77795cc7ee99996", hex.EncodeToString(k[:]))
}

func TestKeyUnique(t *testing.T) {
	base := sessions.Key("themis-1", 7, sessions.KindSign, 2)
	for _, other := range [][32]byte{
		sessions.Key("themis-2", 7, sessions.KindSign, 2),
		sessions.Key("themis-1", 8, sessions.KindSign, 2),
		sessions.Key("themis-1", 7, sessions.KindReshare, 2),
		sessions.Key("themis-1", 7, sessions.KindSign, 3),
		sessions.Key("themis-1\x00\x00\x00\x00\x00\x00\x00", 0x0703, sessions.KindSign, 2),
	} {
		require.NotEqual(t, base, other)
	}
}

// TestKeyInjective: different (chain id, number, kind, attempt) never share a key
// (their encodings differ: the fixed-size tail makes the chain id's length implicit).
func TestKeyInjective(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		a := rapid.StringN(0, 12, 12).Draw(rt, "a")
		b := rapid.StringN(0, 12, 12).Draw(rt, "b")
		na, nb := rapid.Uint64().Draw(rt, "na"), rapid.Uint64().Draw(rt, "nb")
		ka := sessions.Kind(rapid.IntRange(1, 3).Draw(rt, "ka"))
		kb := sessions.Kind(rapid.IntRange(1, 3).Draw(rt, "kb"))
		aa, ab := rapid.Uint32().Draw(rt, "aa"), rapid.Uint32().Draw(rt, "ab")
		same := a == b && na == nb && ka == kb && aa == ab
		require.Equal(rt, same, sessions.Key(a, na, ka, aa) == sessions.Key(b, nb, kb, ab))
	})
}

func TestTransitions(t *testing.T) {
	all := []sessions.Status{0, sessions.StatusOpen, sessions.StatusCompleted, sessions.StatusTimedOut, sessions.StatusSuperseded}
	for _, kind := range []sessions.Kind{sessions.KindKeygen, sessions.KindReshare, sessions.KindSign} {
		for _, from := range all {
			for _, to := range all {
				want := from == sessions.StatusOpen &&
					(to == sessions.StatusCompleted || to == sessions.StatusTimedOut ||
						(to == sessions.StatusSuperseded && kind == sessions.KindSign))
				require.Equal(t, want, sessions.CanTransition(kind, from, to), "kind %d: %d -> %d", kind, from, to)
			}
		}
	}
}

func TestDeadlineAndExpiry(t *testing.T) {
	require.EqualValues(t, 130, sessions.Deadline(100, 30))
	require.EqualValues(t, math.MaxInt64, sessions.Deadline(100, math.MaxUint64))
	require.EqualValues(t, math.MaxInt64, sessions.Deadline(math.MaxInt64-1, 5))
	require.False(t, sessions.Expired(130, 129))
	require.True(t, sessions.Expired(130, 130), "times out in the EndBlock of its deadline")
	require.True(t, sessions.Expired(130, 131))
}

func TestRetryRule(t *testing.T) {
	for _, tc := range []struct {
		kind   sessions.Kind
		status sessions.Status
		want   sessions.Retry
	}{
		{sessions.KindSign, sessions.StatusCompleted, sessions.RetryNone},
		{sessions.KindSign, sessions.StatusTimedOut, sessions.RetryRequest},
		{sessions.KindSign, sessions.StatusSuperseded, sessions.RetryRequest},
		{sessions.KindKeygen, sessions.StatusTimedOut, sessions.RetryCommittee},
		{sessions.KindReshare, sessions.StatusTimedOut, sessions.RetryCommittee},
		{sessions.KindReshare, sessions.StatusCompleted, sessions.RetryNone},
	} {
		require.Equal(t, tc.want, sessions.RetryAfter(tc.kind, tc.status))
	}
	require.EqualValues(t, 1, sessions.NextAttempt(0))
	require.EqualValues(t, uint32(math.MaxUint32), sessions.NextAttempt(math.MaxUint32))
}

func TestBlameWindow(t *testing.T) {
	require.True(t, sessions.BlameWindowOpen(sessions.StatusOpen, 0, 500))
	require.True(t, sessions.BlameWindowOpen(sessions.StatusTimedOut, 130, 129))
	require.False(t, sessions.BlameWindowOpen(sessions.StatusTimedOut, 130, 130))
	require.False(t, sessions.BlameWindowOpen(sessions.StatusCompleted, 0, 1))
}

func TestSupermajority(t *testing.T) {
	for _, tc := range []struct {
		count, n int
		want     bool
	}{
		{0, 0, false}, {1, 1, true}, {1, 2, false}, {2, 2, true}, {2, 3, false}, {3, 3, true},
		{2, 4, false}, {3, 4, true}, {3, 5, false}, {4, 5, true}, {14, 21, false}, {15, 21, true},
	} {
		require.Equal(t, tc.want, sessions.Supermajority(tc.count, tc.n), "%d of %d", tc.count, tc.n)
	}
}

var (
	keyA = []byte{2, 0xaa}
	keyB = []byte{3, 0xbb}
)

func TestTallyKeys(t *testing.T) {
	for _, tc := range []struct {
		name  string
		n     int
		votes []sessions.KeyVote
		want  []byte
		count int
	}{
		{"none", 4, nil, nil, 0},
		{"3 of 4 agree", 4, []sessions.KeyVote{{1, keyA}, {2, keyA}, {3, keyA}}, keyA, 3},
		{"2 of 4 is not enough", 4, []sessions.KeyVote{{1, keyA}, {2, keyA}}, nil, 0},
		{"a minority's fake key loses", 4, []sessions.KeyVote{{1, keyA}, {2, keyA}, {3, keyA}, {4, keyB}}, keyA, 3},
		{"split", 4, []sessions.KeyVote{{1, keyA}, {2, keyA}, {3, keyB}, {4, keyB}}, nil, 0},
		{"one party, two keys: counts for neither", 4, []sessions.KeyVote{{1, keyA}, {1, keyB}, {2, keyA}, {3, keyA}}, nil, 0},
		{"one party, same key twice: once", 4, []sessions.KeyVote{{1, keyA}, {1, keyA}, {2, keyA}}, nil, 0},
		{"one validator cannot confirm alone", 2, []sessions.KeyVote{{1, keyA}}, nil, 0},
		{"lone party", 1, []sessions.KeyVote{{1, keyA}}, keyA, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, count, ok := sessions.TallyKeys(tc.n, tc.votes)
			require.Equal(t, tc.want != nil, ok)
			require.Equal(t, tc.want, got)
			require.Equal(t, tc.count, count)
		})
	}
}

// TestTallyKeysOrderFree: the tally never depends on the order of the votes, and a
// key wins only with more than 2/3 of n distinct parties behind it.
func TestTallyKeysOrderFree(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		n := rapid.IntRange(1, 10).Draw(rt, "n")
		votes := rapid.SliceOfN(rapid.Custom(func(rt *rapid.T) sessions.KeyVote {
			return sessions.KeyVote{
				Party: rapid.Uint64Range(1, uint64(n)).Draw(rt, "party"),
				Key:   []byte{byte(rapid.IntRange(0, 2).Draw(rt, "key"))},
			}
		}), 0, 20).Draw(rt, "votes")
		k1, c1, ok1 := sessions.TallyKeys(n, votes)
		perm := rapid.Permutation(votes).Draw(rt, "perm")
		k2, c2, ok2 := sessions.TallyKeys(n, perm)
		require.Equal(rt, ok1, ok2)
		require.Equal(rt, k1, k2)
		require.Equal(rt, c1, c2)
		if ok1 {
			parties := map[uint64]bool{}
			for _, v := range votes {
				if v.Key[0] == k1[0] {
					parties[v.Party] = true
				}
			}
			require.Greater(rt, 3*len(parties), 2*n)
		}
	})
}

func TestTallyBlames(t *testing.T) {
	parties := []uint64{1, 2, 3, 4}
	const missing, invalid = 1, 2
	for _, tc := range []struct {
		name  string
		votes []sessions.BlameVote
		want  []sessions.Verdict
	}{
		{"all three others agree", []sessions.BlameVote{{1, 4, missing}, {2, 4, missing}, {3, 4, missing}},
			[]sessions.Verdict{{Accused: 4, Reason: missing, Voters: 3, Others: 3}}},
		{"two of three others is not more than 2/3", []sessions.BlameVote{{1, 4, missing}, {2, 4, missing}}, nil},
		{"different reasons do not add up", []sessions.BlameVote{{1, 4, missing}, {2, 4, missing}, {3, 4, invalid}}, nil},
		{"the accused's own claim never counts", []sessions.BlameVote{{1, 4, missing}, {2, 4, missing}, {4, 4, missing}}, nil},
		{"a non-party's claim does not count", []sessions.BlameVote{{1, 4, missing}, {2, 4, missing}, {9, 4, missing}}, nil},
		{"a non-party cannot be blamed", []sessions.BlameVote{{1, 9, missing}, {2, 9, missing}, {3, 9, missing}, {4, 9, missing}}, nil},
		{"conflicting claims of one voter count for neither", []sessions.BlameVote{{1, 4, missing}, {1, 4, invalid}, {2, 4, missing}, {3, 4, missing}}, nil},
		{"two accused", []sessions.BlameVote{{1, 4, missing}, {2, 4, missing}, {3, 4, missing}, {1, 3, invalid}, {2, 3, invalid}, {4, 3, invalid}},
			[]sessions.Verdict{{Accused: 3, Reason: invalid, Voters: 3, Others: 3}, {Accused: 4, Reason: missing, Voters: 3, Others: 3}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, tc.want, sessions.TallyBlames(parties, tc.votes))
		})
	}
	require.Empty(t, sessions.TallyBlames([]uint64{1}, []sessions.BlameVote{{1, 1, missing}}), "a lone party blames nobody")
}

// TestTallyBlamesProperties: order-free, at most one verdict per accused, every verdict
// backed by more than 2/3 of the other parties.
func TestTallyBlamesProperties(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		n := rapid.IntRange(1, 8).Draw(rt, "n")
		parties := make([]uint64, n)
		for i := range parties {
			parties[i] = uint64(i + 1)
		}
		votes := rapid.SliceOfN(rapid.Custom(func(rt *rapid.T) sessions.BlameVote {
			return sessions.BlameVote{
				Voter:   rapid.Uint64Range(1, uint64(n+1)).Draw(rt, "voter"),
				Accused: rapid.Uint64Range(1, uint64(n+1)).Draw(rt, "accused"),
				Reason:  uint8(rapid.IntRange(1, 3).Draw(rt, "reason")),
			}
		}), 0, 40).Draw(rt, "votes")
		got := sessions.TallyBlames(parties, votes)
		require.Equal(rt, got, sessions.TallyBlames(parties, rapid.Permutation(votes).Draw(rt, "perm")))
		seen := map[uint64]bool{}
		for _, v := range got {
			require.False(rt, seen[v.Accused], "two verdicts for one accused")
			seen[v.Accused] = true
			require.LessOrEqual(rt, v.Accused, uint64(n))
			require.Equal(rt, n-1, v.Others)
			require.Greater(rt, 3*v.Voters, 2*v.Others)
		}
	})
}
