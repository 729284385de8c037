package downtime_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/cometbft/cometbft/crypto/ed25519"
	cmttypes "github.com/cometbft/cometbft/types"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/themis-network/themis/x/slashing/downtime"
)

// schedule builds a CometBFT validator set with the given powers and returns it with,
// for each validator in the set's order, its index in powers.
func schedule(tag string, powers []int64) *cmttypes.ValidatorSet {
	vals := make([]*cmttypes.Validator, len(powers))
	for i, p := range powers {
		key := ed25519.GenPrivKeyFromSecret([]byte(fmt.Sprintf("%s/%d", tag, i)))
		vals[i] = cmttypes.NewValidator(key.PubKey(), p)
	}
	return cmttypes.NewValidatorSet(vals)
}

// trimmed plays heights of CometBFT's weighted round robin from set (which it
// advances) and returns, per height, whether the proposer is hostile: a hostile
// proposer leaves every honest validator out of its last commit.
func trimmed(set *cmttypes.ValidatorSet, hostile map[string]bool, heights int) []bool {
	out := make([]bool, heights)
	for h := range out {
		out[h] = hostile[string(set.GetProposer().Address)]
		set.IncrementProposerPriority(1)
	}
	return out
}

// TestTrimmingMinorityCannotFrameAnOnlineValidator plays the attack the threshold is
// for: validators holding less than a third of the power leave every honest
// validator out of the last commit of every block they propose, on CometBFT's own
// proposer selection. Whenever the window absorbs the largest group of members that
// holds under a third of the power (the test Outage makes), no always-online
// validator ever goes over the threshold, at any height.
func TestTrimmingMinorityCannotFrameAnOnlineValidator(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.IntRange(2, 30).Draw(t, "n")
		powers := make([]int64, n)
		shape := rapid.IntRange(0, 2).Draw(t, "shape")
		for i := range powers {
			switch shape {
			case 0: // equal: a plain round robin, the hostile set can be contiguous
				powers[i] = 10
			case 1:
				powers[i] = rapid.Int64Range(1, 1000).Draw(t, "power")
			default: // powers of two: a few heavy, many light
				powers[i] = 1 << rapid.IntRange(0, 20).Draw(t, "log power")
			}
		}
		set := schedule(fmt.Sprint("trim", n, shape), powers)

		// The hostile set: validators in the set's order (adjacent in the schedule when
		// powers are equal) or at random, while they hold less than a third.
		order := make([]int, n)
		for i := range order {
			order[i] = i
		}
		if rapid.Bool().Draw(t, "random hostile set") {
			order = rapid.Permutation(order).Draw(t, "order")
		}
		total := set.TotalVotingPower()
		hostile := map[string]bool{}
		var hp int64
		for _, i := range order {
			v := set.Validators[i]
			if 3*(hp+v.VotingPower) < total {
				hp += v.VotingPower
				hostile[string(v.Address)] = true
			}
		}

		// Parameters: a threshold over a third and the shortest window that absorbs
		// the largest minority by count (smallest powers first).
		sorted := slices.Clone(powers)
		slices.Sort(sorted)
		var k, sum int64
		for _, pw := range sorted {
			if sum += pw; 3*sum >= total {
				break
			}
			k++
		}
		require.GreaterOrEqual(t, k, int64(len(hostile)))
		p := downtime.DefaultParams()
		// The lowest threshold drawn keeps that window under 4,000 blocks, for speed.
		lowest := max(3400, (10_000+60_000*uint32(k)/3950)/3+1)
		p.MinMissedBps = rapid.Uint32Range(lowest, 9000).Draw(t, "min missed bps")
		bracket := uint64(3*p.MinMissedBps - 10_000)
		p.Window = max(1, uint32((60_000*uint64(k)+bracket-1)/bracket)) + rapid.Uint32Range(0, 50).Draw(t, "extra window")
		require.EqualValues(t, k, min(p.MaxTrimmers(), uint64(k)))

		set.IncrementProposerPriority(rapid.Int32Range(1, 500).Draw(t, "warm-up"))
		var s downtime.Signing
		for h, absent := range trimmed(set, hostile, int(p.Window)+int(p.Window)/2+100) {
			s = s.Record(absent, p.Window)
			require.False(t, downtime.OverThreshold(s, p),
				"height %d: an online validator missed %d of %d (threshold %d bps, n %d, hostile %d)",
				h, s.Missed(), p.Window, p.MinMissedBps, n, len(hostile))
		}
	})
}

// TestTrimmingAttackOnAnUnsoundWindow: the attack succeeds at the level of the bits
// when the window is short for the set, and Outage refuses to call it high. Forty
// equal validators, thirteen of them hostile and adjacent in the round robin, a
// window of 20 (which absorbs one trimmer): the hostile run of 13 proposals fills
// 65 % of a window.
func TestTrimmingAttackOnAnUnsoundWindow(t *testing.T) {
	const n = 40
	powers := equal(n, 10)
	set := schedule("unsound", powers)
	// The first 13 proposers of the schedule are adjacent in every round.
	probe := set.Copy()
	hostile := map[string]bool{}
	for range 13 {
		hostile[string(probe.GetProposer().Address)] = true
		probe.IncrementProposerPriority(1)
	}

	p := downtime.DefaultParams()
	p.Window = 20
	require.NoError(t, p.Validate())
	require.EqualValues(t, 1, p.MaxTrimmers())

	honest := downtime.Signing{}
	framed := false
	for _, absent := range trimmed(set, hostile, 200) {
		honest = honest.Record(absent, p.Window)
		framed = framed || downtime.OverThreshold(honest, p)
	}
	require.True(t, framed, "the attack works on a window this short")

	// Every honest member carries the same record; the hostile never miss.
	members := make([]downtime.Member, n)
	for i, v := range set.Validators {
		s := full(t, p.Window, 0)
		if !hostile[string(v.Address)] {
			s = full(t, p.Window, 13)
		}
		members[i] = downtime.Member{ID: uint64(i + 1), Power: v.VotingPower, Signing: s}
	}
	v, err := downtime.Outage(members, p)
	require.NoError(t, err)
	require.Len(t, v.Group, n-13)
	require.False(t, v.High)
	require.Equal(t, downtime.ReasonUnsound, v.Reason)
}
