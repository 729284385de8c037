package voteext_test

import (
	"math"
	"testing"

	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/themis-network/themis/x/voteext"
	"github.com/themis-network/themis/x/voteext/types"
)

// genSet draws a valid recorded set whose powers may be close to the int64 limit.
func genSet(t *rapid.T) voteext.ValidatorSet {
	n := rapid.IntRange(1, 8).Draw(t, "validators")
	maxPower := rapid.SampledFrom([]int64{10, 1_000_000, math.MaxInt64 / int64(n)}).Draw(t, "maxPower")
	powers := make([]int64, n)
	for i := range powers {
		powers[i] = rapid.Int64Range(1, maxPower).Draw(t, "power")
	}
	return plainSet(powers...)
}

var (
	propDigests = [][]byte{dg("a"), dg("b")}
	propModules = []string{testModule, otherModule}
)

func genVerdict(t *rapid.T) *types.SideTxVerdict {
	return vd(
		rapid.SampledFrom(propModules).Draw(t, "module"),
		rapid.Uint64Range(0, 3).Draw(t, "id"),
		rapid.SampledFrom(propDigests).Draw(t, "digest"),
		types.Verdict(rapid.Int32Range(0, 2).Draw(t, "verdict")),
	)
}

// genBallots draws ballots from members and strangers, with repeats (identical or
// not) and repeated items inside one extension.
func genBallots(t *rapid.T, set voteext.ValidatorSet) []voteext.Ballot {
	n := rapid.IntRange(0, 2*len(set.Validators)+2).Draw(t, "ballots")
	out := make([]voteext.Ballot, 0, n)
	for range n {
		who := rapid.IntRange(0, len(set.Validators)+1).Draw(t, "who") // beyond the set: a stranger
		vs := rapid.SliceOfN(rapid.Custom(genVerdict), 0, 6).Draw(t, "verdicts")
		b := voteext.Ballot{ConsAddress: addr(who), Extension: ext(1, vs...)}
		out = append(out, b)
		if rapid.Bool().Draw(t, "repeat") { // the same ballot twice
			out = append(out, b)
		}
	}
	return out
}

func TestPropertyApprovedAndRejectedExclusive(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		total := rapid.Int64Range(1, math.MaxInt64).Draw(t, "total")
		yesP := rapid.Int64Range(0, total).Draw(t, "yes")
		noP := rapid.Int64Range(0, total-yesP).Draw(t, "no")
		if voteext.Approved(yesP, total) && voteext.Rejected(noP, total) {
			t.Fatalf("yes=%d no=%d total=%d both approved and rejected", yesP, noP, total)
		}
	})
}

func TestPropertyApprovalMonotone(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		total := rapid.Int64Range(1, math.MaxInt64).Draw(t, "total")
		yesP := rapid.Int64Range(0, total).Draw(t, "yes")
		more := rapid.Int64Range(yesP, total).Draw(t, "more")
		if voteext.Approved(yesP, total) && !voteext.Approved(more, total) {
			t.Fatalf("approved at %d but not at %d of %d", yesP, more, total)
		}
	})
}

// Adding a YES ballot from a validator that had none never un-approves an item nor
// lowers its YES power.
func TestPropertyTallyMonotoneInYes(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		set := genSet(t)
		// Only members without any ballot can be added, so draw who is silent first.
		voters := rapid.SliceOfNDistinct(rapid.IntRange(0, len(set.Validators)-1), 0, len(set.Validators), func(i int) int { return i }).Draw(t, "voters")
		d := propDigests[0]
		var ballots []voteext.Ballot
		isVoter := map[int]bool{}
		for _, i := range voters {
			isVoter[i] = true
			v := types.Verdict(rapid.Int32Range(0, 2).Draw(t, "verdict"))
			ballots = append(ballots, voteext.Ballot{ConsAddress: addr(i), Extension: ext(1, vd(testModule, 1, d, v))})
		}
		before := find(t, set, ballots, d)
		for i := range set.Validators {
			if isVoter[i] {
				continue
			}
			ballots = append(ballots, voteext.Ballot{ConsAddress: addr(i), Extension: ext(1, yes(testModule, 1, d))})
			after := find(t, set, ballots, d)
			if after.Yes < before.Yes || (before.Outcome == voteext.OutcomeApproved && after.Outcome != voteext.OutcomeApproved) {
				t.Fatalf("adding YES from %d: before %+v after %+v", i, before, after)
			}
			before = after
		}
	})
}

func find(t *rapid.T, set voteext.ValidatorSet, ballots []voteext.Ballot, d []byte) voteext.ItemTally {
	got, err := voteext.Tally(set, ballots)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range got {
		if r.Module == testModule && string(r.Digest) == string(d) {
			return r
		}
	}
	return voteext.ItemTally{Module: testModule, Digest: d}
}

func TestPropertyTallyOrderIndependent(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		set := genSet(t)
		ballots := genBallots(t, set)
		want, err := voteext.Tally(set, ballots)
		require.NoError(t, err)

		shuffled := rapid.Permutation(ballots).Draw(t, "ballot order")
		for i, b := range shuffled {
			vs := rapid.Permutation(b.Extension.Verdicts).Draw(t, "verdict order")
			shuffled[i] = voteext.Ballot{ConsAddress: b.ConsAddress, Extension: ext(b.Extension.Height, vs...)}
		}
		got, err := voteext.Tally(set, shuffled)
		require.NoError(t, err)
		require.Equal(t, want, got)
	})
}

func TestPropertyTallyBounded(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		set := genSet(t)
		got, err := voteext.Tally(set, genBallots(t, set))
		require.NoError(t, err)
		for i, r := range got {
			if r.Yes < 0 || r.No < 0 || r.Yes > set.TotalPower-r.No {
				t.Fatalf("item %+v: yes+no exceeds total %d", r, set.TotalPower)
			}
			if r.Outcome != voteext.Decide(r.Yes, r.No, set.TotalPower) {
				t.Fatalf("item %+v: outcome disagrees with Decide", r)
			}
			if i > 0 {
				p := got[i-1]
				ordered := p.Module < r.Module ||
					(p.Module == r.Module && string(p.Digest) < string(r.Digest))
				if !ordered {
					t.Fatalf("output not strictly sorted at %d: %+v then %+v", i, p, r)
				}
			}
		}
	})
}
