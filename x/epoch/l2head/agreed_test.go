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

// step is one block folded into the stall clock: dt of block time after the previous
// block, and its agreed head (ok false: no agreement).
type step struct {
	dt   time.Duration
	head uint64
	ok   bool
}

var t0 = time.Unix(1_700_000_000, 0)

func agree(h uint64) step { return step{time.Second, h, true} }
func noAgreement() step   { return step{time.Second, 0, false} }
func repeat(n int, s ...step) []step {
	var out []step
	for range n {
		out = append(out, s...)
	}
	return out
}

// TestStallClockTable starts each case at head 10 agreed at t0 and 1 s blocks, a
// threshold of 6 s, and checks after which block the head first counts as stalled and
// where the clock ends.
func TestStallClockTable(t *testing.T) {
	const threshold = 6 * time.Second
	for _, tc := range []struct {
		name    string
		steps   []step
		stallAt int // 1-based block after which Stalled first holds; 0: never
		height  uint64
		stalled time.Duration
		since   time.Duration // after t0
	}{
		{"continuous agreement stalls at exactly the threshold", repeat(8, agree(10)), 6, 10, 8 * time.Second, 0},
		{"one block short of the threshold", repeat(5, agree(10)), 0, 10, 5 * time.Second, 0},
		{"a block without agreement pauses: only its interval is left out",
			append(append(repeat(3, agree(10)), noAgreement()), repeat(3, agree(10))...), 7, 10, 6 * time.Second, 0},
		{"a long gap without agreement is left out whole",
			[]step{agree(10), agree(10), {time.Hour, 0, false}, agree(10), agree(10), agree(10), agree(10)}, 7, 10, 6 * time.Second, 0},
		{"no agreement just before the threshold does not restart the count (the bug)",
			append(append(repeat(5, agree(10)), noAgreement()), agree(10)), 7, 10, 6 * time.Second, 0},
		{"hostile proposer every 4th block: threshold + its share of paused blocks",
			repeat(3, agree(10), agree(10), agree(10), noAgreement()), 7, 10, 9 * time.Second, 0},
		{"hostile proposer every 2nd block: still reached, twice as late",
			repeat(7, agree(10), noAgreement()), 11, 10, 7 * time.Second, 0},
		{"an advancing head restarts the count, from the middle of its block's interval",
			append(append(repeat(5, agree(10)), agree(11)), repeat(6, agree(11))...), 12, 11, 6500 * time.Millisecond, 5500 * time.Millisecond},
		{"an advancing head one block short: 0.5 s + 5 blocks",
			append(append(repeat(5, agree(10)), agree(11)), repeat(5, agree(11))...), 0, 11, 5500 * time.Millisecond, 5500 * time.Millisecond},
		{"an advancing head after a pause restarts the count",
			append(append(repeat(5, agree(10)), noAgreement(), agree(12)), repeat(2, agree(12))...), 0, 12, 2500 * time.Millisecond, 6500 * time.Millisecond},
		{"a long interval backdates the head by MaxBackdate only",
			[]step{agree(10), {10 * time.Second, 11, true}, agree(11)}, 0, 11, 2 * time.Second, 10 * time.Second},
		{"a late proposal or failed round (4.5 s interval) counts whole: the cap is at least 5 s",
			[]step{agree(10), {4500 * time.Millisecond, 10, true}, agree(10)}, 3, 10, 6500 * time.Millisecond, 0},
		{"a halted chain (one 10-minute block) counts MinIntervalCap: at 6 s, the threshold is near",
			[]step{{10 * time.Minute, 10, true}}, 0, 10, 5 * time.Second, 0},
		{"1.4 s blocks: the backdate (0.7 s) charges a block before counting from the advance would",
			append([]step{{1400 * time.Millisecond, 11, true}}, repeat(4, step{1400 * time.Millisecond, 11, true})...), 5, 11, 6300 * time.Millisecond, 700 * time.Millisecond},
		{"an advance in a block at the same time backdates nothing",
			[]step{agree(10), {0, 11, true}, agree(11)}, 0, 11, time.Second, time.Second},
		{"a lower agreed head neither rewinds nor restarts: it counts",
			[]step{agree(10), agree(8), agree(9), agree(10), agree(7), agree(10)}, 6, 10, 6 * time.Second, 0},
		{"nobody agrees for ever: never stalled", repeat(100, noAgreement()), 0, 10, 0, 0},
		{"a block at the same time covers nothing", []step{agree(10), {0, 10, true}, {0, 0, false}}, 0, 10, time.Second, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := l2head.Advance(l2head.Progress{}, 10, true, t0, threshold)
			require.Equal(t, l2head.Progress{Height: 10, Since: t0, At: t0}, p)
			now, stallAt := t0, 0
			for i, s := range tc.steps {
				now = now.Add(s.dt)
				p = l2head.Advance(p, s.head, s.ok, now, threshold)
				if stallAt == 0 && l2head.Stalled(p, threshold) {
					stallAt = i + 1
				}
			}
			require.Equal(t, tc.stallAt, stallAt, "first stalled after block")
			require.Equal(t, l2head.Progress{Height: tc.height, Since: t0.Add(tc.since), Stalled: tc.stalled, At: now}, p)
		})
	}
}

// TestChainHaltCountsOneSlowBlock: a halt of the chain itself (one 10-minute block whose
// ballots agree on the unchanged head) counts a quarter of the threshold, at least 5 s,
// leaving the producer the rest to resume.
func TestChainHaltCountsOneSlowBlock(t *testing.T) {
	for _, tc := range []struct{ threshold, counted time.Duration }{
		{60 * time.Second, 15 * time.Second},
		{20 * time.Second, 5 * time.Second},
		{10 * time.Second, 5 * time.Second},
		{5 * time.Second, 5 * time.Second}, // at the floor a halt is charged at once
	} {
		p := l2head.Advance(l2head.Progress{}, 10, true, t0, tc.threshold)
		p = l2head.Advance(p, 10, true, t0.Add(10*time.Minute), tc.threshold)
		require.Equal(t, tc.counted, p.Stalled, "threshold %s", tc.threshold)
		require.Equal(t, tc.counted >= tc.threshold, l2head.Stalled(p, tc.threshold), "threshold %s", tc.threshold)
	}
}

func TestStallClockBeforeAnyHead(t *testing.T) {
	var p l2head.Progress
	require.False(t, l2head.Stalled(p, 0), "no head yet: nothing to stall")
	require.Equal(t, l2head.Progress{}, l2head.Advance(p, 0, false, t0, time.Minute), "no head yet: no clock to pause")
	p = l2head.Advance(p, 0, true, t0, time.Minute)
	require.Equal(t, l2head.Progress{Height: 0, Since: t0, At: t0}, p, "a first agreed head at 0 is a head")
	for i := range 4 { // a quarter of the threshold per block at most
		p = l2head.Advance(p, 0, true, t0.Add(time.Duration(i+1)*time.Minute), time.Minute)
		require.Equal(t, i == 3, l2head.Stalled(p, time.Minute), "after %d minute-long blocks", i+1)
	}
	require.Equal(t, l2head.Progress{Height: 0, Since: t0.Add(2 * time.Minute), At: t0.Add(2 * time.Minute)},
		l2head.Restart(l2head.Progress{Height: 0, Since: t0, Stalled: time.Minute, At: t0.Add(time.Minute)}, t0.Add(2*time.Minute)),
		"a re-election restarts the count")
}

// TestStallClockProperties: under any pattern of agreement, the counted time is the sum
// of the intervals ending in a block that agreed on the unchanged head (or a lower
// one) since the head last advanced; it never decreases but when the head advances;
// the head never goes back; the clock only counts time it has seen; and Stalled is
// exactly counted >= threshold. And the honest producer's guarantee: a head is never
// stalled before stall_threshold - MaxBackdate of agreeing block time has passed after
// the block that first agreed on it, with no one block counting more than a quarter.
func TestStallClockProperties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		threshold := time.Duration(rapid.Int64Range(1, 30).Draw(t, "threshold")) * time.Second
		var p l2head.Progress
		var want, afterAdvance time.Duration
		now := t0
		for i := range rapid.IntRange(1, 60).Draw(t, "blocks") {
			dt := time.Duration(rapid.Int64Range(0, 5_000).Draw(t, "dt_ms")) * time.Millisecond
			if rapid.IntRange(0, 9).Draw(t, "slow") == 0 { // a slow round or a halted chain
				dt = time.Duration(rapid.Int64Range(5_000, 120_000).Draw(t, "slow_dt_ms")) * time.Millisecond
			}
			now = now.Add(dt)
			ok := rapid.Bool().Draw(t, "ok")
			var agreed uint64
			if ok {
				switch rapid.IntRange(0, 2).Draw(t, "which") {
				case 0: // lower
					agreed = rapid.Uint64Range(0, p.Height).Draw(t, "lower")
				case 1:
					agreed = p.Height
				case 2:
					agreed = p.Height + rapid.Uint64Range(1, 3).Draw(t, "up")
				}
			}
			prev := p
			p = l2head.Advance(p, agreed, ok, now, threshold)
			advanced := ok && (!prev.Known() || agreed > prev.Height)
			switch {
			case !prev.Known() && !ok:
				require.Equal(t, l2head.Progress{}, p, "block %d: no head yet", i)
				continue
			case advanced:
				want, afterAdvance = 0, 0
				if prev.Known() { // the middle of the interval its ballots cover, capped
					want = min(dt/2, l2head.MaxBackdate)
				}
				require.Equal(t, agreed, p.Height)
				require.Equal(t, now.Add(-want), p.Since)
				require.False(t, p.Since.Before(prev.At), "block %d: the count began before the interval its ballots cover", i)
			case ok:
				want += min(dt, l2head.MaxCounted(threshold))
				if now.After(prev.At) {
					afterAdvance += dt
				}
			}
			if l2head.Stalled(p, threshold) {
				require.GreaterOrEqual(t, afterAdvance, threshold-l2head.MaxBackdate, "block %d: stalled before threshold - MaxBackdate of agreeing time", i)
			}
			if !advanced {
				require.Equal(t, prev.Height, p.Height, "block %d: the head moved without advancing", i)
				require.Equal(t, prev.Since, p.Since, "block %d: the count restarted without an advance", i)
				require.GreaterOrEqual(t, p.Stalled, prev.Stalled, "block %d: the count went back", i)
			}
			require.GreaterOrEqual(t, p.Height, prev.Height, "block %d: the head went back", i)
			require.Equal(t, want, p.Stalled, "block %d", i)
			require.Equal(t, now, p.At)
			require.LessOrEqual(t, p.Stalled, p.At.Sub(p.Since), "block %d: counted time it has not seen", i)
			require.Equal(t, want >= threshold, l2head.Stalled(p, threshold), "block %d", i)
		}
	})
}
