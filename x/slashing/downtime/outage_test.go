package downtime_test

import (
	"math"
	"math/big"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/themis-network/themis/x/slashing/downtime"
)

// set builds members 1..n with the given powers; the IDs in down have a full window
// of misses, everyone else a full window of signatures.
func set(t require.TestingT, p downtime.Params, powers []int64, down ...uint64) []downtime.Member {
	out := make([]downtime.Member, len(powers))
	for i, pw := range powers {
		id := uint64(i + 1)
		s := full(t, p.Window, 0)
		for _, d := range down {
			if d == id {
				s = full(t, p.Window, p.Window)
			}
		}
		out[i] = downtime.Member{ID: id, Power: pw, Signing: s}
	}
	return out
}

func equal(n int, power int64) []int64 {
	out := make([]int64, n)
	for i := range out {
		out[i] = power
	}
	return out
}

func TestOutageTable(t *testing.T) {
	p := small() // count >= 25 %, power >= 20 %, sound up to 8 members
	for _, tc := range []struct {
		name    string
		members []downtime.Member
		group   []uint64
		high    bool
		reason  string
	}{
		{"nobody down", set(t, p, equal(7, 10)), nil, false, downtime.ReasonNone},
		{"one down is low", set(t, p, equal(7, 10), 3), []uint64{3}, false, downtime.ReasonAlone},
		{"two of seven", set(t, p, equal(7, 10), 2, 6), []uint64{2, 6}, true, downtime.ReasonHigh},
		{"two of eight: exactly a quarter", set(t, p, equal(8, 10), 1, 8), []uint64{1, 8}, true, downtime.ReasonHigh},
		{"27 equal members: at most 8 trimmers, sound", set(t, p, equal(27, 10), 1, 2, 3, 4, 5, 6, 7), []uint64{1, 2, 3, 4, 5, 6, 7}, true, downtime.ReasonHigh},
		{"28 equal members: 9 could trim, unsound", set(t, p, equal(28, 10), 1, 2, 3, 4, 5, 6, 7), []uint64{1, 2, 3, 4, 5, 6, 7}, false, downtime.ReasonUnsound},
		{"a whale and 9 small members: all 9 could trim", set(t, p, append([]int64{1000}, equal(9, 1)...), 2, 3, 4), []uint64{2, 3, 4}, false, downtime.ReasonUnsound},
		{"power exactly a fifth", set(t, p, []int64{10, 10, 20, 20, 20, 20}, 1, 2), []uint64{1, 2}, true, downtime.ReasonHigh},
		{"power one unit under a fifth", set(t, p, []int64{10, 9, 20, 20, 20, 20, 1}, 1, 2), []uint64{1, 2}, false, downtime.ReasonLittlePower},
		{"two small of four: enough members, not enough power", set(t, p, []int64{1, 1, 50, 50}, 1, 2), []uint64{1, 2}, false, downtime.ReasonLittlePower},
		{"the whole set is down", set(t, p, equal(4, 10), 1, 2, 3, 4), []uint64{1, 2, 3, 4}, true, downtime.ReasonHigh},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v, err := downtime.Outage(tc.members, p)
			require.NoError(t, err)
			require.Equal(t, tc.group, v.Group)
			require.Equal(t, tc.high, v.High)
			require.Equal(t, tc.reason, v.Reason)
		})
	}
}

// TestOutageShareBoundaries pins the share rules exactly at the bar and one below,
// on a window sound for large sets.
func TestOutageShareBoundaries(t *testing.T) {
	p := downtime.DefaultParams() // sound up to 100
	t.Run("count: 2 of 8 is 25 %, 2 of 9 is not", func(t *testing.T) {
		v, err := downtime.Outage(set(t, p, equal(8, 10), 4, 5), p)
		require.NoError(t, err)
		require.True(t, v.High)
		v, err = downtime.Outage(set(t, p, equal(9, 10), 4, 5), p)
		require.NoError(t, err)
		require.Equal(t, downtime.ReasonFewMembers, v.Reason)
	})
	t.Run("power: exactly 20 % is enough, one unit less is not", func(t *testing.T) {
		// 4 members of 100: two down holding 400 of 2000, then 399 of 1999.
		v, err := downtime.Outage(set(t, p, []int64{200, 200, 800, 800}, 1, 2), p)
		require.NoError(t, err)
		require.True(t, v.High)
		require.EqualValues(t, 400, v.GroupPower)
		require.EqualValues(t, 2000, v.TotalPower)
		v, err = downtime.Outage(set(t, p, []int64{200, 199, 800, 800}, 1, 2), p)
		require.NoError(t, err)
		require.Equal(t, downtime.ReasonLittlePower, v.Reason)
	})
	t.Run("a member with a partial window is not in the group", func(t *testing.T) {
		members := set(t, p, equal(4, 10), 1)
		members[1].Signing = full(t, p.Window-1, p.Window-1) // kept under another window
		v, err := downtime.Outage(members, p)
		require.NoError(t, err)
		require.Equal(t, []uint64{1}, v.Group)
		require.Equal(t, downtime.ReasonAlone, v.Reason)
	})
}

// TestOneMemberOfflineAloneIsNeverHigh, whatever its power: it is the low severity.
func TestOneMemberOfflineAloneIsNeverHigh(t *testing.T) {
	p := small()
	for _, powers := range [][]int64{
		{10, 10, 10, 10, 10, 10, 10},
		{3, 1, 1, 1},       // a third of the power (any more halts the chain)
		{1 << 40, 1, 1, 1}, // most of the power
		{1, 1 << 40, 1 << 40, 1 << 40},
		{7, 7}, // half of a two-member set
	} {
		for down := range powers {
			v, err := downtime.Outage(set(t, p, powers, uint64(down+1)), p)
			require.NoError(t, err)
			require.False(t, v.High)
			require.Equal(t, downtime.ReasonAlone, v.Reason)
		}
	}
	c := newChain(t, small(), 30, 10, 10, 10, 10, 10, 10)
	require.Empty(t, c.run(1000, offline(1, 1000, 1)), "down for ten windows, alone")
}

// TestTwoOfSevenOfflineInTheSameWindowIsHigh: members 3 and 5 go down at height 101;
// they are over the threshold once they missed 51 of the last 100 blocks, at 151 and
// not one block before.
func TestTwoOfSevenOfflineInTheSameWindowIsHigh(t *testing.T) {
	c := newChain(t, small(), 10, 10, 10, 10, 10, 10, 10)
	high := c.run(200, offline(101, 200, 3, 5))
	require.NotEmpty(t, high)
	require.EqualValues(t, 151, high[0])
	v, err := downtime.Outage(c.members, c.p)
	require.NoError(t, err)
	require.Equal(t, []uint64{3, 5}, v.Group)
}

// TestOutagesInDifferentWindowsAreNotHigh: two members down for 60 blocks each, 100
// blocks apart: each alone is over the threshold for a while, never both in the same
// window.
func TestOutagesInDifferentWindowsAreNotHigh(t *testing.T) {
	c := newChain(t, small(), 10, 10, 10, 10, 10, 10, 10)
	absent := either(offline(1, 60, 3), offline(161, 220, 5))
	alone := 0
	for range 500 {
		v := c.block(time.Second, false, absent)
		require.False(t, v.High, "height %d", c.height)
		if v.Reason == downtime.ReasonAlone {
			alone++
		}
	}
	require.Positive(t, alone, "each outage alone is flagged")
	// The same two outages overlapping by enough are high.
	c = newChain(t, small(), 10, 10, 10, 10, 10, 10, 10)
	require.NotEmpty(t, c.run(500, either(offline(1, 60, 3), offline(30, 90, 5))))
}

// TestWindowChangeRestartsJudgement: a governance change of the window drops every
// member's records; a group is judged again only after a whole new window.
func TestWindowChangeRestartsJudgement(t *testing.T) {
	c := newChain(t, small(), 10, 10, 10, 10, 10, 10, 10)
	down := offline(1, 10_000, 3, 5)
	require.EqualValues(t, 100, c.run(100, down)[0])
	c.p.Window = 120
	high := c.run(200, down)
	require.EqualValues(t, 220, high[0], "the first full window of 120 ends 120 blocks after the change")
}

func TestOutageRejectsBadInput(t *testing.T) {
	p := small()
	ok := set(t, p, equal(3, 10))
	for _, tc := range []struct {
		name    string
		members []downtime.Member
		p       downtime.Params
		err     error
	}{
		{"duplicate id", append(ok[:2:2], downtime.Member{ID: 1, Power: 1}), p, downtime.ErrBadSet},
		{"zero power", []downtime.Member{{ID: 1, Power: 0}}, p, downtime.ErrBadSet},
		{"negative power", []downtime.Member{{ID: 1, Power: -5}}, p, downtime.ErrBadSet},
		{"total power overflows", []downtime.Member{{ID: 1, Power: math.MaxInt64}, {ID: 2, Power: math.MaxInt64}, {ID: 3, Power: 2}}, p, downtime.ErrBadSet},
		{"invalid params", ok, downtime.Params{}, downtime.ErrInvalidParams},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := downtime.Outage(tc.members, tc.p)
			require.ErrorIs(t, err, tc.err)
		})
	}
	v, err := downtime.Outage(nil, p)
	require.NoError(t, err)
	require.Equal(t, downtime.ReasonNone, v.Reason)
}

// TestOutageLargeSet: 1,000 members of up to 2^40 power each, on a window sound for
// them; the share comparisons are exact at this scale.
func TestOutageLargeSet(t *testing.T) {
	p := downtime.DefaultParams()
	p.Window = 12_000 // 12000*5000/60000 = 1000 trimmers: any set of 1,000
	require.True(t, p.Sound(1000))
	members := make([]downtime.Member, 1000)
	up, down := full(t, p.Window, 0), full(t, p.Window, p.Window)
	for i := range members {
		members[i] = downtime.Member{ID: uint64(i + 1), Power: 1 << 40, Signing: up}
	}
	for i := range 250 { // exactly a quarter by count and by power
		members[i].Signing = down
	}
	v, err := downtime.Outage(members, p)
	require.NoError(t, err)
	require.True(t, v.High)
	require.Len(t, v.Group, 250)
	members[0].Power = 1<<40 - 1 // still over 20 % by power
	members[249].Signing = up    // now 249 < 250: under a quarter
	v, err = downtime.Outage(members, p)
	require.NoError(t, err)
	require.Equal(t, downtime.ReasonFewMembers, v.Reason)
}

// TestOutageProperties: the verdict does not depend on the order of the members, is
// the same on a second call, and agrees with a naive big-integer reading of the rule.
func TestOutageProperties(t *testing.T) {
	p := small()
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.IntRange(0, 12).Draw(t, "n")
		ids := rapid.SliceOfNDistinct(rapid.Uint64Range(1, 50), n, n, rapid.ID[uint64]).Draw(t, "ids")
		members := make([]downtime.Member, n)
		for i, id := range ids {
			missed := rapid.Uint32Range(0, p.Window).Draw(t, "missed")
			s := full(t, p.Window, missed)
			if rapid.IntRange(0, 9).Draw(t, "partial") == 0 {
				s = full(t, p.Window+1, missed) // kept under another window
			}
			members[i] = downtime.Member{ID: id, Power: rapid.Int64Range(1, 1<<40).Draw(t, "power"), Signing: s}
		}
		v, err := downtime.Outage(members, p)
		require.NoError(t, err)

		perm := rapid.Permutation(members).Draw(t, "perm")
		again, err := downtime.Outage(perm, p)
		require.NoError(t, err)
		require.Equal(t, v, again, "order independent")

		// Naive model.
		var group []uint64
		total, gp := new(big.Int), new(big.Int)
		for _, m := range members {
			total.Add(total, big.NewInt(m.Power))
			if m.Signing.Window() == p.Window && m.Signing.Counted() >= p.Window &&
				2*m.Signing.Missed() > p.Window { // more than 50 %
				group = append(group, m.ID)
				gp.Add(gp, big.NewInt(m.Power))
			}
		}
		require.ElementsMatch(t, group, v.Group)
		for i := 1; i < len(v.Group); i++ {
			require.Less(t, v.Group[i-1], v.Group[i], "ascending")
		}
		countOK := 4*len(group) >= n
		powerOK := new(big.Int).Mul(gp, big.NewInt(5)).Cmp(total) >= 0
		want := len(group) >= 2 && naiveMinority(members) <= 8 && countOK && powerOK
		require.Equal(t, want, v.High, "%s", v.Reason)
	})
}

// naiveMinority: the largest number of members holding under a third of the power,
// by trying every subset (n <= 12).
func naiveMinority(members []downtime.Member) int {
	total := new(big.Int)
	for _, m := range members {
		total.Add(total, big.NewInt(m.Power))
	}
	best := 0
	for mask := range 1 << len(members) {
		sum, k := new(big.Int), 0
		for i, m := range members {
			if mask&(1<<i) != 0 {
				sum.Add(sum, big.NewInt(m.Power))
				k++
			}
		}
		if new(big.Int).Mul(sum, big.NewInt(3)).Cmp(total) < 0 {
			best = max(best, k)
		}
	}
	return best
}
