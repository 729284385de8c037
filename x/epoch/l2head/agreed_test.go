package l2head_test

import (
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/themis-network/themis/x/epoch/l2head"
)

func TestAgreedTable(t *testing.T) {
	for _, tc := range []struct {
		name    string
		reports []l2head.Report
		total   uint64
		want    uint64
		ok      bool
	}{
		{"all equal", []l2head.Report{{25, 100}, {25, 100}, {25, 100}, {25, 100}}, 100, 100, true},
		{"one ahead", []l2head.Report{{25, 105}, {25, 100}, {25, 100}, {25, 100}}, 100, 100, true},
		{"spread: third highest", []l2head.Report{{25, 104}, {25, 103}, {25, 102}, {25, 101}}, 100, 102, true},
		{"exactly 2/3 is not enough", []l2head.Report{{1, 10}, {1, 10}, {1, 1}}, 3, 1, true},
		{"one absent of four", []l2head.Report{{25, 50}, {25, 50}, {25, 50}}, 100, 50, true},
		{"two absent of four: none", []l2head.Report{{25, 50}, {25, 50}}, 100, 0, false},
		{"stake, not heads: 70% alone agrees", []l2head.Report{{70, 9}, {10, 5}, {10, 5}, {10, 5}}, 100, 9, true},
		{"stake, not heads: 66% needs one more", []l2head.Report{{66, 9}, {12, 5}, {11, 5}, {11, 5}}, 100, 5, true},
		{"three heads of four agree but hold 1/3", []l2head.Report{{67, 2}, {11, 9}, {11, 9}, {11, 9}}, 100, 2, true},
		{"nobody", nil, 100, 0, false},
		{"huge powers", []l2head.Report{{math.MaxUint64 / 3, 7}, {math.MaxUint64 / 3, 7}, {math.MaxUint64 / 3, 6}}, math.MaxUint64 / 3 * 3, 6, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ok, err := l2head.Agreed(tc.reports, tc.total)
			require.NoError(t, err)
			require.Equal(t, tc.ok, ok)
			require.Equal(t, tc.want, got)
		})
	}
}

func TestAgreedRejectsBadInput(t *testing.T) {
	_, _, err := l2head.Agreed(nil, 0)
	require.ErrorContains(t, err, "total power is zero")
	_, _, err = l2head.Agreed([]l2head.Report{{60, 1}, {50, 1}}, 100)
	require.ErrorIs(t, err, l2head.ErrBadReports)
	_, _, err = l2head.Agreed([]l2head.Report{{math.MaxUint64, 1}, {1, 1}}, math.MaxUint64)
	require.ErrorContains(t, err, "exceeds")
}

// Properties: the agreed head is one of the reported heights; more than 2/3 of power
// reported at least it; and no higher reported height has that support. Reports from
// less than 1/3 of power cannot raise it.
func TestAgreedProperties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.IntRange(0, 12).Draw(t, "n")
		var reports []l2head.Report
		var sum uint64
		for range n {
			r := l2head.Report{Power: rapid.Uint64Range(1, 1000).Draw(t, "power"), Height: rapid.Uint64Range(0, 20).Draw(t, "height")}
			reports = append(reports, r)
			sum += r.Power
		}
		total := sum + rapid.Uint64Range(0, 2000).Draw(t, "absent")
		if total == 0 {
			total = 1
		}
		got, ok, err := l2head.Agreed(reports, total)
		require.NoError(t, err)
		support := func(h uint64) uint64 {
			var s uint64
			for _, r := range reports {
				if r.Height >= h {
					s += r.Power
				}
			}
			return s
		}
		if !ok {
			require.LessOrEqual(t, 3*sum, 2*total, "no agreement only when reporters hold at most 2/3")
			return
		}
		require.Greater(t, 3*support(got), 2*total)
		for _, r := range reports {
			if r.Height > got {
				require.LessOrEqual(t, 3*support(r.Height), 2*total, "a higher height %d lacks support", r.Height)
			}
		}
	})
}

func TestStallClockUsesBlockTime(t *testing.T) {
	t0 := time.Unix(1_700_000_000, 0)
	var p l2head.Progress
	require.False(t, l2head.Stalled(p, t0.Add(time.Hour), time.Minute), "no head yet: nothing to stall")
	p = l2head.Advance(p, 10, true, t0)
	require.Equal(t, l2head.Progress{Height: 10, Since: t0}, p)
	p = l2head.Advance(p, 10, true, t0.Add(30*time.Second))
	require.Equal(t, t0, p.Since, "the same head does not reset the clock")
	p = l2head.Advance(p, 8, true, t0.Add(35*time.Second))
	require.Equal(t, l2head.Progress{Height: 10, Since: t0}, p, "a lower agreed head neither rewinds nor resets")
	require.False(t, l2head.Stalled(p, t0.Add(59*time.Second), time.Minute))
	require.True(t, l2head.Stalled(p, t0.Add(60*time.Second), time.Minute))
	paused := l2head.Advance(p, 0, false, t0.Add(40*time.Second))
	require.Equal(t, l2head.Progress{Height: 10, Since: t0.Add(40 * time.Second)}, paused, "no agreement pauses the clock")
	require.False(t, l2head.Stalled(paused, t0.Add(99*time.Second), time.Minute))
	require.Equal(t, l2head.Progress{}, l2head.Advance(l2head.Progress{}, 0, false, t0), "no head yet: no clock to pause")
	p = l2head.Advance(p, 11, true, t0.Add(61*time.Second))
	require.False(t, l2head.Stalled(p, t0.Add(61*time.Second), time.Minute), "progress ends the stall")
}
