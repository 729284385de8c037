package downtime_test

import (
	"strings"
	"testing"

	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/themis-network/themis/x/slashing/downtime"
)

func hist(h []bool) string {
	var b strings.Builder
	for _, m := range h {
		if m {
			b.WriteByte('x')
		} else {
			b.WriteByte('.')
		}
	}
	return b.String()
}

func TestRecordTable(t *testing.T) {
	for _, tc := range []struct {
		name    string
		window  uint32
		blocks  string
		missed  uint32
		counted uint32
		full    bool
		history string
	}{
		{"nothing yet", 4, "", 0, 0, false, ""},
		{"partial window", 4, "x.x", 2, 3, false, "x.x"},
		{"exactly full", 4, "xx.x", 3, 4, true, "xx.x"},
		{"the oldest drops out", 4, "x....", 0, 5, true, "...."},
		{"a miss a window later is the only one kept", 4, "x...x", 1, 5, true, "...x"},
		{"ring wraps twice", 4, "xxxx.x..x", 2, 9, true, "x..x"},
		{"window of one", 1, "x.x", 1, 3, true, "x"},
		{"window past a byte boundary", 9, "xxxxxxxxx.", 8, 10, true, "xxxxxxxx."},
		{"all missed", 8, strings.Repeat("x", 20), 8, 20, true, "xxxxxxxx"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := pattern(downtime.Signing{}, tc.blocks, tc.window)
			require.Equal(t, tc.missed, s.Missed(), "missed")
			require.Equal(t, tc.counted, s.Counted(), "counted")
			require.Equal(t, tc.full, s.Full(tc.window), "full")
			require.Equal(t, tc.history, hist(s.History()))
		})
	}
}

// TestRecordWindowChange: a governance change of the window drops the records and
// starts the new window with this block, so nobody is judged on bits kept under
// another size; nobody is Full again until a whole new window has been recorded.
func TestRecordWindowChange(t *testing.T) {
	s := pattern(downtime.Signing{}, "xxxxx", 4)
	require.True(t, s.Full(4))
	require.False(t, s.Full(8), "full under 4 is not full under 8")

	s = s.Record(false, 8)
	require.EqualValues(t, 8, s.Window())
	require.EqualValues(t, 1, s.Counted())
	require.Zero(t, s.Missed())
	require.False(t, s.Full(8))

	s = pattern(s, "xxxxxxx", 8)
	require.True(t, s.Full(8))
	require.EqualValues(t, 7, s.Missed())

	shrunk := s.Record(true, 2)
	require.EqualValues(t, 1, shrunk.Counted())
	require.EqualValues(t, 1, shrunk.Missed())
	require.Equal(t, "x", hist(shrunk.History()))
}

func TestRecordOutOfRangeWindowKeepsNothing(t *testing.T) {
	s := pattern(downtime.Signing{}, "xx", 4)
	require.Equal(t, downtime.Signing{}, s.Record(true, 0))
	require.Equal(t, downtime.Signing{}, s.Record(true, downtime.MaxWindow+1))
	require.Equal(t, downtime.Signing{}, s.Reset())
}

// TestRecordDoesNotMutate: Record returns a new value and never writes into the
// receiver's bits, which it may share with the caller.
func TestRecordDoesNotMutate(t *testing.T) {
	before := pattern(downtime.Signing{}, "x.x.", 4)
	snapshot, _ := before.MarshalBinary()
	mid := before.Record(false, 4) // overwrites the oldest slot, a miss, with a signature
	after := mid.Record(true, 4)   // overwrites the next, a signature, with a miss
	again, _ := before.MarshalBinary()
	require.Equal(t, snapshot, again)
	require.Equal(t, "x.x.", hist(before.History()))
	require.Equal(t, ".x..", hist(mid.History()))
	require.Equal(t, "x..x", hist(after.History()))
}

// TestRecordMatchesNaiveModel: Missed always equals the number of misses among the
// last min(Counted, Window) records, with random window changes and resets, and the
// codec round-trips every state.
func TestRecordMatchesNaiveModel(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		var s downtime.Signing
		var model []bool // records since the last reset or window change
		var window uint32
		steps := rapid.IntRange(0, 300).Draw(t, "steps")
		for range steps {
			switch op := rapid.IntRange(0, 99).Draw(t, "op"); {
			case op == 0:
				s, model = s.Reset(), nil
			case op == 1 || window == 0:
				w := rapid.Uint32Range(1, 20).Draw(t, "window")
				if w != window {
					model = nil
				}
				window = w
				fallthrough
			default:
				m := rapid.Bool().Draw(t, "missed")
				s = s.Record(m, window)
				model = append(model, m)
			}
			kept := model[max(0, len(model)-int(window)):]
			var missed uint32
			for _, m := range kept {
				if m {
					missed++
				}
			}
			require.Equal(t, missed, s.Missed())
			require.EqualValues(t, len(model), s.Counted())
			require.EqualValues(t, len(kept), s.Kept())
			require.Equal(t, hist(kept), hist(s.History()))
			require.Equal(t, len(model) >= int(window) && len(model) > 0, s.Full(window))

			bz, err := s.MarshalBinary()
			require.NoError(t, err)
			var back downtime.Signing
			require.NoError(t, back.UnmarshalBinary(bz))
			require.Equal(t, s.Missed(), back.Missed())
			require.Equal(t, hist(s.History()), hist(back.History()))
			bz2, _ := back.MarshalBinary()
			require.Equal(t, bz, bz2)
		}
	})
}

func TestOverThreshold(t *testing.T) {
	p := small() // window 100, more than 50 %
	for _, tc := range []struct {
		name string
		s    downtime.Signing
		over bool
	}{
		{"exactly at the threshold is not over", full(t, 100, 50), false},
		{"one more is over", full(t, 100, 51), true},
		{"all missed", full(t, 100, 100), true},
		{"a partial window is never judged", pattern(downtime.Signing{}, strings.Repeat("x", 99), 100), false},
		{"a full window starts judging", pattern(downtime.Signing{}, strings.Repeat("x", 100), 100), true},
		{"kept under another window", full(t, 200, 200), false},
		{"nothing recorded", downtime.Signing{}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, tc.over, downtime.OverThreshold(tc.s, p))
		})
	}
}

func TestIsMiss(t *testing.T) {
	require.True(t, downtime.IsMiss(cmtproto.BlockIDFlagAbsent))
	require.False(t, downtime.IsMiss(cmtproto.BlockIDFlagCommit))
	require.False(t, downtime.IsMiss(cmtproto.BlockIDFlagNil), "a nil precommit is signed: its validator is up")
	require.False(t, downtime.IsMiss(cmtproto.BlockIDFlagUnknown))
}
