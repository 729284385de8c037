package downtime_test

import (
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/x/slashing/downtime"
)

func TestGraceUntil(t *testing.T) {
	p := downtime.DefaultParams() // grace 300 blocks, halt gap 5 min
	for _, tc := range []struct {
		name     string
		height   int64
		gap      time.Duration
		prevZero bool
		upgraded bool
		current  int64
		want     int64
	}{
		{"an ordinary block", 1000, time.Second, false, false, 0, 0},
		{"a gap just under the halt gap", 1000, 5*time.Minute - time.Nanosecond, false, false, 0, 0},
		{"a gap of exactly the halt gap is a halt", 1000, 5 * time.Minute, false, false, 0, 1300},
		{"a long halt", 1000, 3 * time.Hour, false, false, 0, 1300},
		{"an upgrade", 1000, time.Second, false, true, 0, 1300},
		{"the first block is a restart", 1, 0, true, false, 0, 301},
		{"a running grace is kept", 1000, time.Second, false, false, 1200, 1200},
		{"a halt inside a grace extends it", 1000, time.Hour, false, false, 1200, 1300},
		{"a halt never shortens a longer grace", 1000, time.Hour, false, true, 5000, 5000},
		{"block time going backwards is no halt", 1000, -time.Hour, false, false, 0, 0},
		{"saturates instead of overflowing", math.MaxInt64 - 10, time.Hour, false, false, 0, math.MaxInt64},
	} {
		t.Run(tc.name, func(t *testing.T) {
			now := t0.Add(time.Hour)
			prev := now.Add(-tc.gap)
			if tc.prevZero {
				prev = time.Time{}
			}
			require.Equal(t, tc.want, downtime.GraceUntil(tc.height, prev, now, tc.upgraded, p, tc.current))
		})
	}
}

func TestCountingResumesExactlyAtGraceUntil(t *testing.T) {
	require.False(t, downtime.Counting(1299, 1300))
	require.True(t, downtime.Counting(1300, 1300))
	require.True(t, downtime.Counting(1301, 1300))
	require.True(t, downtime.Counting(1, 0), "no grace ever started")
}

// TestRestartFramesNobody: after a halt, the members that come back last, even a
// group big enough to be high, are not charged while the grace runs; what they
// missed before the halt still counts (a pause, not a reset).
func TestRestartFramesNobody(t *testing.T) {
	for _, tc := range []struct {
		name     string
		restart  func(c *chain) // the block that ends the halt or applies the upgrade
		lateBack int64          // members 2 and 5 are back at this height (relative to the restart)
		highAt   int64          // first high height relative to the restart; 0: never
	}{
		{"halt: back on the last grace block", func(c *chain) { c.block(10*time.Minute, false, none) }, 9, 0},
		{"upgrade: back on the last grace block", func(c *chain) { c.block(time.Second, true, none) }, 9, 0},
		// Grace covers restart+0..restart+9; counting resumes at +10 and they are over
		// the threshold once 51 of the last 100 counted blocks were missed: at +60.
		{"halt: still down long after the grace", func(c *chain) { c.block(10*time.Minute, false, none) }, 1000, 60},
		{"upgrade: still down long after the grace", func(c *chain) { c.block(time.Second, true, none) }, 1000, 60},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := newChain(t, small(), 10, 10, 10, 10, 10, 10, 10)
			require.Empty(t, c.run(200, none))
			tc.restart(c)
			restart := c.height
			require.False(t, downtime.Counting(restart, c.graceUntil))
			require.Equal(t, restart+10, c.graceUntil)
			high := c.run(300, offline(restart+1, restart+tc.lateBack-1, 2, 5))
			if tc.highAt == 0 {
				require.Empty(t, high)
				return
			}
			require.NotEmpty(t, high)
			require.Equal(t, restart+tc.highAt, high[0])
		})
	}
}

// TestGracePausesNotResets: misses before a halt still count after the grace.
func TestGracePausesNotResets(t *testing.T) {
	c := newChain(t, small(), 10, 10, 10, 10, 10, 10, 10)
	// 40 misses before the halt (heights 61..100) ...
	require.Empty(t, c.run(100, offline(61, 100, 3, 4)))
	c.block(time.Hour, false, none) // height 101: a halt, grace 101..110
	// ... and 11 after the grace (111..121) make 51 of the last 100 counted blocks.
	high := c.run(20, offline(102, 121, 3, 4))
	require.NotEmpty(t, high)
	require.EqualValues(t, 121, high[0])
}

func none(uint64, int64) bool { return false }
