package committee_test

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/themis-network/themis/x/mpc/committee"
)

func member(id uint64, power int64) committee.Member {
	return committee.Member{ID: id, Signer: "s", PubKey: []byte{2, byte(id)}, Power: power}
}

func ids(ms []committee.Member) []uint64 {
	out := make([]uint64, 0, len(ms))
	for _, m := range ms {
		out = append(out, m.ID)
	}
	return out
}

func TestThreshold(t *testing.T) {
	for _, tc := range []struct{ n, t int }{
		{1, 0}, {2, 1}, {3, 2}, {4, 2}, {5, 3}, {6, 4}, {7, 4}, {10, 6}, {21, 14},
	} {
		got, err := committee.Threshold(tc.n)
		require.NoError(t, err)
		require.Equal(t, tc.t, got, "n=%d", tc.n)
	}
	_, err := committee.Threshold(0)
	require.ErrorIs(t, err, committee.ErrEmpty)
}

// TestThresholdIsMoreThanTwoThirds: t+1 signers are always more than 2/3 of n and
// never more than n, and t is the least such degree (t signers would not be enough).
func TestThresholdIsMoreThanTwoThirds(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		n := rapid.IntRange(1, 1000).Draw(rt, "n")
		th, err := committee.Threshold(n)
		require.NoError(rt, err)
		require.LessOrEqual(rt, th+1, n)
		require.Greater(rt, 3*(th+1), 2*n)
		require.LessOrEqual(rt, 3*th, 2*n)
	})
}

func TestSelect(t *testing.T) {
	cands := []committee.Candidate{
		{Member: member(5, 10), Ready: true},
		{Member: member(1, 10), Ready: true},
		{Member: member(3, 30), Ready: true},
		{Member: member(2, 50), Ready: false}, // not ready: never chosen
		{Member: member(4, 0), Ready: true},   // no power: never chosen
		{Member: member(6, 20), Ready: true},
	}
	require.Equal(t, []uint64{1, 3, 5, 6}, ids(committee.Select(cands, 21)))
	// Top 3 by power: 30, 20, then the tie at 10 goes to the lower id.
	require.Equal(t, []uint64{1, 3, 6}, ids(committee.Select(cands, 3)))
	require.Empty(t, committee.Select(cands, 0))
	require.Empty(t, committee.Select(nil, 21))
}

func TestSameAndNeedsReshare(t *testing.T) {
	a := []committee.Member{member(1, 10), member(2, 10), member(3, 10)}
	require.True(t, committee.Same(a, slices.Clone(a)))
	powerChanged := slices.Clone(a)
	powerChanged[1].Power = 99
	require.True(t, committee.Same(a, powerChanged), "a stake change alone is no change")
	keyChanged := slices.Clone(a)
	keyChanged[2].PubKey = []byte{3, 3}
	require.False(t, committee.Same(a, keyChanged), "a changed signer key is a change")
	require.False(t, committee.Same(a, a[:2]), "an exit is a change")
	require.False(t, committee.Same(a, append(slices.Clone(a), member(4, 1))), "a join is a change")

	require.False(t, committee.NeedsReshare(a, a, []bool{false, false, false}))
	require.True(t, committee.NeedsReshare(a, a, []bool{false, true, false}), "a member that lost its share is reshared back in")
	require.True(t, committee.NeedsReshare(a, a[:2], nil))
}

func TestDealers(t *testing.T) {
	c := []committee.Member{member(1, 1), member(2, 1), member(3, 1), member(4, 1), member(5, 1)}
	all := []bool{true, true, true, true, true}
	// n=5, t=3: 4 dealers.
	d, ok := committee.Dealers(c, all, 3, 0)
	require.True(t, ok)
	require.Equal(t, []uint64{1, 2, 3, 4}, ids(d))
	d, ok = committee.Dealers(c, all, 3, 1)
	require.True(t, ok)
	require.Equal(t, []uint64{2, 3, 4, 5}, ids(d), "a retry rotates the dealers")
	d, ok = committee.Dealers(c, all, 3, 4)
	require.True(t, ok)
	require.Equal(t, []uint64{1, 2, 3, 5}, ids(d), "rotation wraps around; output sorted by id")
	d, ok = committee.Dealers(c, []bool{true, false, true, true, true}, 3, 0)
	require.True(t, ok)
	require.Equal(t, []uint64{1, 3, 4, 5}, ids(d), "an unavailable member never deals")
	_, ok = committee.Dealers(c, []bool{true, false, true, false, true}, 3, 0)
	require.False(t, ok, "fewer than t+1 available: no resharing")
}

func TestSigners(t *testing.T) {
	c := []committee.Member{member(1, 1), member(2, 1), member(3, 1), member(4, 1)}
	ready := []committee.SignerStatus{{Available: true}, {Available: true}, {Available: true}, {Available: true}}
	// n=4, t=2: 3 signers.
	s, ok := committee.Signers(c, ready, 2, 0, nil)
	require.True(t, ok)
	require.Equal(t, []uint64{1, 2, 3}, ids(s))
	s, _ = committee.Signers(c, ready, 2, 1, nil)
	require.Equal(t, []uint64{2, 3, 4}, ids(s), "a retry takes another subset")

	notReady := slices.Clone(ready)
	notReady[1].Available = false
	s, _ = committee.Signers(c, notReady, 2, 0, nil)
	require.Equal(t, []uint64{1, 3, 4}, ids(s), "ready members are preferred")

	blamed := slices.Clone(ready)
	blamed[0].Excluded = true
	s, _ = committee.Signers(c, blamed, 2, 0, nil)
	require.Equal(t, []uint64{2, 3, 4}, ids(s), "a member blamed MISSING is left out")

	// Too few good members: the rest fill up, excluded last.
	bad := []committee.SignerStatus{{Excluded: true}, {}, {Available: true}, {Excluded: true}}
	s, _ = committee.Signers(c, bad, 2, 0, nil)
	require.Equal(t, []uint64{1, 2, 3}, ids(s))

	_, ok = committee.Signers(c[:2], ready, 2, 0, nil)
	require.False(t, ok)
}

func drawCommittee(rt *rapid.T) []committee.Member {
	n := rapid.IntRange(1, 30).Draw(rt, "n")
	idsDrawn := rapid.SliceOfNDistinct(rapid.Uint64Range(1, 1000), n, n, rapid.ID[uint64]).Draw(rt, "ids")
	slices.Sort(idsDrawn)
	out := make([]committee.Member, n)
	for i, id := range idsDrawn {
		out[i] = member(id, 1)
	}
	return out
}

// TestSignersProperties: exactly t+1 distinct members of the committee, sorted by id;
// all available and not excluded whenever enough are; deterministic.
func TestSignersProperties(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		c := drawCommittee(rt)
		th, _ := committee.Threshold(len(c))
		status := make([]committee.SignerStatus, len(c))
		good := 0
		for i := range status {
			status[i].Available = rapid.Bool().Draw(rt, "avail")
			status[i].Excluded = rapid.Bool().Draw(rt, "excl")
			if status[i].Available && !status[i].Excluded {
				good++
			}
		}
		attempt := rapid.Uint32().Draw(rt, "attempt")
		s, ok := committee.Signers(c, status, th, attempt, nil)
		require.True(rt, ok)
		require.Len(rt, s, th+1)
		require.True(rt, slices.IsSortedFunc(s, func(a, b committee.Member) int { return int(a.ID) - int(b.ID) }))
		require.Len(rt, slices.Compact(ids(s)), th+1, "distinct")
		byID := map[uint64]int{}
		for i, m := range c {
			byID[m.ID] = i
		}
		inGood := 0
		for _, m := range s {
			i, ok := byID[m.ID]
			require.True(rt, ok, "a signer outside the committee")
			if status[i].Available && !status[i].Excluded {
				inGood++
			}
		}
		require.Equal(rt, min(good, th+1), inGood, "good members are used first")
		again, _ := committee.Signers(c, status, th, attempt, nil)
		require.Equal(rt, s, again)
	})
}

// TestDealersProperties: t+1 available members of the committee or nothing, and two
// consecutive attempts pick different subsets whenever more than t+1 are available.
func TestDealersProperties(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		c := drawCommittee(rt)
		th, _ := committee.Threshold(len(c))
		avail := make([]bool, len(c))
		n := 0
		for i := range avail {
			avail[i] = rapid.Bool().Draw(rt, "avail")
			if avail[i] {
				n++
			}
		}
		attempt := rapid.Uint32Range(0, 1000).Draw(rt, "attempt")
		d, ok := committee.Dealers(c, avail, th, attempt)
		if n < th+1 {
			require.False(rt, ok)
			return
		}
		require.True(rt, ok)
		require.Len(rt, d, th+1)
		for _, m := range d {
			i := slices.IndexFunc(c, func(x committee.Member) bool { return x.ID == m.ID })
			require.True(rt, avail[i])
		}
		next, _ := committee.Dealers(c, avail, th, attempt+1)
		if n > th+1 {
			require.NotEqual(rt, ids(d), ids(next), "a retry tries another subset")
		}
	})
}

// TestSelectProperties: at most max members, all ready with power, sorted by id, and
// nobody left out has more power than somebody chosen.
func TestSelectProperties(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		c := drawCommittee(rt)
		cands := make([]committee.Candidate, len(c))
		for i, m := range c {
			m.Power = rapid.Int64Range(0, 5).Draw(rt, "power")
			cands[i] = committee.Candidate{Member: m, Ready: rapid.Bool().Draw(rt, "ready")}
		}
		max := rapid.IntRange(0, 25).Draw(rt, "max")
		sel := committee.Select(cands, max)
		require.LessOrEqual(rt, len(sel), max)
		chosen := map[uint64]bool{}
		var minPower int64 = 1 << 62
		for _, m := range sel {
			chosen[m.ID] = true
			minPower = min(minPower, m.Power)
			require.Positive(rt, m.Power)
		}
		for _, cd := range cands {
			if chosen[cd.ID] {
				require.True(rt, cd.Ready)
				continue
			}
			if cd.Ready && cd.Power > 0 && len(sel) == max && max > 0 {
				require.LessOrEqual(rt, cd.Power, minPower, "a stronger candidate was left out")
			}
			if cd.Ready && cd.Power > 0 && len(sel) < max {
				rt.Fatalf("candidate %d left out with room to spare", cd.ID)
			}
		}
	})
}
