package voteext_test

import (
	"errors"
	"math"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/x/voteext"
	"github.com/themis-network/themis/x/voteext/types"
)

func ballot(i int, vs ...*types.SideTxVerdict) voteext.Ballot {
	return voteext.Ballot{ConsAddress: addr(i), Extension: ext(1, vs...)}
}

func TestTally(t *testing.T) {
	d1, d2 := dg("one"), dg("two")
	item := func(id uint64, d []byte, yesP, noP int64, o voteext.Outcome) voteext.ItemTally {
		return voteext.ItemTally{Module: testModule, Digest: d, Yes: yesP, No: noP, Outcome: o}
	}
	cases := []struct {
		name    string
		set     voteext.ValidatorSet
		ballots []voteext.Ballot
		want    []voteext.ItemTally
	}{
		{
			name:    "one big validator outweighs many small ones",
			set:     plainSet(70, 10, 10, 10),
			ballots: []voteext.Ballot{ballot(0, yes(testModule, 1, d1)), ballot(1, no(testModule, 1, d1)), ballot(2, no(testModule, 1, d1))},
			// yes 70*3=210 > 200: approved; no 20*3=60 < 100.
			want: []voteext.ItemTally{item(1, d1, 70, 20, voteext.OutcomeApproved)},
		},
		{
			name: "many small validators are not a majority of power",
			set:  plainSet(40, 10, 10, 10, 10, 10, 10),
			ballots: []voteext.Ballot{
				ballot(1, yes(testModule, 1, d1)), ballot(2, yes(testModule, 1, d1)), ballot(3, yes(testModule, 1, d1)),
				ballot(4, yes(testModule, 1, d1)), ballot(5, yes(testModule, 1, d1)), ballot(6, yes(testModule, 1, d1)),
			},
			// 6 of 7 validators, but 60 of 100 power.
			want: []voteext.ItemTally{item(1, d1, 60, 0, voteext.OutcomeUndecided)},
		},
		{
			name:    "exactly two thirds is not approved",
			set:     plainSet(1, 1, 1),
			ballots: []voteext.Ballot{ballot(0, yes(testModule, 1, d1)), ballot(1, yes(testModule, 1, d1))},
			want:    []voteext.ItemTally{item(1, d1, 2, 0, voteext.OutcomeUndecided)},
		},
		{
			name:    "exactly two thirds of a large total is not approved",
			set:     plainSet(200, 100),
			ballots: []voteext.Ballot{ballot(0, yes(testModule, 1, d1))},
			want:    []voteext.ItemTally{item(1, d1, 200, 0, voteext.OutcomeUndecided)},
		},
		{
			name:    "one unit above two thirds is approved",
			set:     plainSet(201, 100),
			ballots: []voteext.Ballot{ballot(0, yes(testModule, 1, d1))},
			want:    []voteext.ItemTally{item(1, d1, 201, 0, voteext.OutcomeApproved)},
		},
		{
			name:    "exactly one third NO rejects",
			set:     plainSet(100, 200),
			ballots: []voteext.Ballot{ballot(0, no(testModule, 1, d1))},
			want:    []voteext.ItemTally{item(1, d1, 0, 100, voteext.OutcomeRejected)},
		},
		{
			name:    "one unit below one third NO does not reject",
			set:     plainSet(99, 201),
			ballots: []voteext.Ballot{ballot(0, no(testModule, 1, d1))},
			want:    []voteext.ItemTally{item(1, d1, 0, 99, voteext.OutcomeUndecided)},
		},
		{
			name: "missing extensions count as not yes",
			set:  plainSet(10, 10, 10, 10),
			// Both voters say YES, but half the power is silent: 20*3=60 <= 80.
			ballots: []voteext.Ballot{ballot(0, yes(testModule, 1, d1)), ballot(1, yes(testModule, 1, d1))},
			want:    []voteext.ItemTally{item(1, d1, 20, 0, voteext.OutcomeUndecided)},
		},
		{
			name: "duplicate extension of one validator counts once",
			set:  plainSet(10, 10, 10),
			ballots: []voteext.Ballot{
				ballot(0, yes(testModule, 1, d1)), ballot(0, yes(testModule, 1, d1)), ballot(0, yes(testModule, 1, d1)),
			},
			want: []voteext.ItemTally{item(1, d1, 10, 0, voteext.OutcomeUndecided)},
		},
		{
			name: "conflicting extensions of one validator count not at all",
			set:  plainSet(10, 10, 10),
			ballots: []voteext.Ballot{
				ballot(0, yes(testModule, 1, d1)), ballot(0, no(testModule, 1, d1)), ballot(1, yes(testModule, 1, d1)),
			},
			want: []voteext.ItemTally{item(1, d1, 10, 0, voteext.OutcomeUndecided)},
		},
		{
			name:    "duplicate verdict in one extension counts once",
			set:     plainSet(10, 10, 10),
			ballots: []voteext.Ballot{ballot(0, yes(testModule, 1, d1), yes(testModule, 1, d1), yes(testModule, 1, d1))},
			want:    []voteext.ItemTally{item(1, d1, 10, 0, voteext.OutcomeUndecided)},
		},
		{
			name: "conflicting verdicts on one item in one extension count not at all",
			set:  plainSet(10, 10, 10),
			ballots: []voteext.Ballot{
				ballot(0, yes(testModule, 1, d1), no(testModule, 1, d1)),
				ballot(1, yes(testModule, 1, d2), vd(testModule, 1, d2, types.Verdict_VERDICT_UNSPECIFIED)),
			},
			want: nil,
		},
		{
			name: "unknown validator counts zero",
			set:  plainSet(10, 10, 10),
			ballots: []voteext.Ballot{
				ballot(0, yes(testModule, 1, d1)), ballot(1, yes(testModule, 1, d1)),
				ballot(7, yes(testModule, 1, d1)), ballot(8, yes(testModule, 1, d1)),
			},
			want: []voteext.ItemTally{item(1, d1, 20, 0, voteext.OutcomeUndecided)},
		},
		{
			name: "different digests are tallied separately",
			set:  plainSet(10, 10, 10, 10),
			ballots: []voteext.Ballot{
				ballot(0, yes(testModule, 1, d1)), ballot(1, yes(testModule, 1, d1)),
				ballot(2, yes(testModule, 1, d2)), ballot(3, yes(testModule, 1, d2)),
			},
			want: sortedByDigest(
				item(1, d1, 20, 0, voteext.OutcomeUndecided),
				item(1, d2, 20, 0, voteext.OutcomeUndecided),
			),
		},
		{
			name: "unspecified counts neither way",
			set:  plainSet(10, 10, 10),
			ballots: []voteext.Ballot{
				ballot(0, vd(testModule, 1, d1, types.Verdict_VERDICT_UNSPECIFIED)),
				ballot(1, vd(testModule, 1, d1, types.Verdict_VERDICT_UNSPECIFIED)),
				ballot(2, vd(testModule, 1, d1, types.Verdict_VERDICT_UNSPECIFIED)),
			},
			want: []voteext.ItemTally{item(1, d1, 0, 0, voteext.OutcomeUndecided)},
		},
		{
			name: "output sorted by module, digest",
			set:  plainSet(10),
			ballots: []voteext.Ballot{ballot(0,
				yes(testModule, 2, d2), yes(testModule, 1, d1), yes(otherModule, 9, d1),
			)},
			want: append([]voteext.ItemTally{{Module: otherModule, Digest: d1, Yes: 10, Outcome: voteext.OutcomeApproved}},
				sortedByDigest(item(1, d1, 10, 0, voteext.OutcomeApproved), item(2, d2, 10, 0, voteext.OutcomeApproved))...),
		},
		{
			name:    "no overflow near int64 max",
			set:     plainSet(math.MaxInt64/3+1, math.MaxInt64/3, math.MaxInt64/3),
			ballots: []voteext.Ballot{ballot(0, yes(testModule, 1, d1)), ballot(1, yes(testModule, 1, d1))},
			// yes is (max/3)*2+1 of a total of max: just above 2/3.
			want: []voteext.ItemTally{item(1, d1, math.MaxInt64/3*2+1, 0, voteext.OutcomeApproved)},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := voteext.Tally(tc.set, tc.ballots)
			require.NoError(t, err)
			for i := range got { // Judged has its own test below
				require.GreaterOrEqual(t, got[i].Judged, got[i].Yes+got[i].No)
				got[i].Judged = 0
			}
			require.Equal(t, tc.want, got)
		})
	}
}

// Only what validators holding more than 2/3 of the power named without a decision
// counts as unjudgeable: one validator naming a digest with UNSPECIFIED in every vote
// must not get it dropped.
func TestTallyJudgedByMost(t *testing.T) {
	d := dg("x")
	unspec := func(i int) voteext.Ballot { return ballot(i, vd(testModule, 1, d, types.Verdict_VERDICT_UNSPECIFIED)) }
	set := plainSet(10, 10, 10, 10)
	for _, tc := range []struct {
		name    string
		ballots []voteext.Ballot
		want    bool
	}{
		{"one validator of four names it", []voteext.Ballot{unspec(0)}, false},
		{"half is not most", []voteext.Ballot{unspec(0), unspec(1)}, false},
		{"three of four name it, none decides", []voteext.Ballot{unspec(0), unspec(1), unspec(2)}, true},
		{"decided items are not unjudgeable", []voteext.Ballot{
			ballot(0, yes(testModule, 1, d)), ballot(1, yes(testModule, 1, d)), ballot(2, yes(testModule, 1, d))}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := voteext.Tally(set, tc.ballots)
			require.NoError(t, err)
			require.Len(t, got, 1)
			require.Equal(t, tc.want, got[0].JudgedByMost(set.TotalPower))
		})
	}
}

func sortedByDigest(a, b voteext.ItemTally) []voteext.ItemTally {
	if string(a.Digest) > string(b.Digest) {
		a, b = b, a
	}
	return []voteext.ItemTally{a, b}
}

func TestTallyRejectsBadSet(t *testing.T) {
	good := plainSet(1, 2)
	cases := map[string]voteext.ValidatorSet{
		"zero total":          {},
		"total above sum":     {Validators: good.Validators, TotalPower: 4},
		"total below sum":     {Validators: good.Validators, TotalPower: 2},
		"zero power":          plainSet(0, 1),
		"negative power":      {Validators: []voteext.Validator{{ConsAddress: addr(0), Power: -1}, {ConsAddress: addr(1), Power: 2}}, TotalPower: 1},
		"duplicate address":   {Validators: []voteext.Validator{{ConsAddress: addr(0), Power: 1}, {ConsAddress: addr(0), Power: 1}}, TotalPower: 2},
		"missing address":     {Validators: []voteext.Validator{{Power: 1}}, TotalPower: 1},
		"sum overflows int64": {Validators: []voteext.Validator{{ConsAddress: addr(0), Power: math.MaxInt64}, {ConsAddress: addr(1), Power: 2}}, TotalPower: math.MaxInt64},
	}
	for name, set := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := voteext.Tally(set, []voteext.Ballot{ballot(0, yes(testModule, 1, dg("x")))})
			require.True(t, errors.Is(err, voteext.ErrBadValidatorSet), "got %v", err)
		})
	}
}

func TestThresholds(t *testing.T) {
	cases := []struct {
		yes, no, total int64
		want           voteext.Outcome
	}{
		{0, 0, 3, voteext.OutcomeUndecided},
		{2, 0, 3, voteext.OutcomeUndecided}, // 6 == 6
		{3, 0, 3, voteext.OutcomeApproved},
		{0, 1, 3, voteext.OutcomeRejected}, // 3 >= 3
		{0, 1, 4, voteext.OutcomeUndecided},
		{0, 2, 4, voteext.OutcomeRejected},
		{67, 0, 100, voteext.OutcomeApproved},
		{66, 0, 100, voteext.OutcomeUndecided},
		{0, 34, 100, voteext.OutcomeRejected},
		{0, 33, 100, voteext.OutcomeUndecided},
		{math.MaxInt64, 0, math.MaxInt64, voteext.OutcomeApproved},
		{0, math.MaxInt64, math.MaxInt64, voteext.OutcomeRejected},
		{1, 0, 0, voteext.OutcomeUndecided},    // no total: never decide
		{-5, -5, 10, voteext.OutcomeUndecided}, // nonsense powers decide nothing
	}
	for _, tc := range cases {
		require.Equal(t, tc.want, voteext.Decide(tc.yes, tc.no, tc.total), "yes=%d no=%d total=%d", tc.yes, tc.no, tc.total)
	}
}
