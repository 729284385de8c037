package rewards_test

import (
	"math"
	"testing"

	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/themis-network/themis/x/slashing/rewards"
)

func TestProduced(t *testing.T) {
	for _, tc := range []struct {
		name             string
		start, end, head uint64
		want             uint64
	}{
		{"head past the end: the whole epoch", 1000, 1999, 5000, 1000},
		{"head exactly at the end", 1000, 1999, 1999, 1000},
		{"head inside: up to the head", 1000, 1999, 1500, 501},
		{"head at the start: one block", 1000, 1999, 1000, 1},
		{"head just below the start: nothing", 1000, 1999, 999, 0},
		{"head far below: nothing", 1000, 1999, 0, 0},
		{"re-elected epoch, end truncated by the caller", 1000, 1036, 5000, 37},
		{"one-block epoch", 7, 7, 7, 1},
		{"genesis epoch from 0", 0, 19, 10, 11},
		{"empty range", 10, 9, 100, 0},
		{"top of the range", math.MaxUint64 - 1, math.MaxUint64, math.MaxUint64, 2},
		{"the whole uint64 range saturates", 0, math.MaxUint64, math.MaxUint64, math.MaxUint64},
		{"all but one of the range", 1, math.MaxUint64, math.MaxUint64, math.MaxUint64},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, tc.want, rewards.Produced(tc.start, tc.end, tc.head))
		})
	}
}

// TestProducedProperties: never more than the range holds, never a block above the
// agreed head, and monotone in the head (an agreed head that moves up never takes
// credit away).
func TestProducedProperties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		start := rapid.Uint64Range(0, 1<<40).Draw(t, "start")
		end := start + rapid.Uint64Range(0, 5000).Draw(t, "length") - 1 // end = start-1: empty range
		if end == math.MaxUint64 {                                      // start 0, length 0 wraps
			end, start = 0, 1
		}
		head := rapid.Uint64Range(0, end+5000).Draw(t, "head")
		up := head + rapid.Uint64Range(0, 5000).Draw(t, "up")

		got := rewards.Produced(start, end, head)
		if end < start {
			require.Zero(t, got)
			return
		}
		require.LessOrEqual(t, got, end-start+1)
		if head < start {
			require.Zero(t, got)
		} else {
			require.Equal(t, min(end, head)-start+1, got)
			require.LessOrEqual(t, start+got-1, head, "credited a block above the agreed head")
		}
		require.GreaterOrEqual(t, rewards.Produced(start, end, up), got, "a higher head took credit away")
	})
}
