package committee_test

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/x/mpc/committee"
)

func TestFoldClaim(t *testing.T) {
	d := committee.NewDispute
	cases := []struct {
		name       string
		lowest     uint32
		have       []committee.Dispute
		voter, acc uint64
		progress   uint32
		wantLowest uint32
		want       []committee.Dispute
		changed    bool
	}{
		{"first claim", 0, nil, 2, 1, 5, 5, []committee.Dispute{d(1, 2)}, true},
		{"lower progress starts over", 5, []committee.Dispute{d(1, 2)}, 3, 4, 3, 3, []committee.Dispute{d(3, 4)}, true},
		{"same progress adds", 5, []committee.Dispute{d(1, 2)}, 3, 4, 5, 5, []committee.Dispute{d(1, 2), d(3, 4)}, true},
		{"same pair again", 5, []committee.Dispute{d(1, 2)}, 1, 2, 5, 5, []committee.Dispute{d(1, 2)}, false},
		{"higher progress: a later stall", 5, []committee.Dispute{d(1, 2)}, 3, 4, 6, 5, []committee.Dispute{d(1, 2)}, false},
		{"against oneself", 0, nil, 3, 3, 1, 0, nil, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			before := slices.Clone(tc.have)
			lowest, got, changed := committee.FoldClaim(tc.lowest, tc.have, tc.voter, tc.acc, tc.progress)
			require.Equal(t, tc.wantLowest, lowest)
			require.Equal(t, tc.want, got)
			require.Equal(t, tc.changed, changed)
			require.Equal(t, before, tc.have, "the input is not modified")
		})
	}
}

func TestFoldClaimKeepsAtMostMaxDisputes(t *testing.T) {
	var lowest uint32
	var pairs []committee.Dispute
	for a := uint64(1); a <= 20; a++ {
		for b := a + 1; b <= 20; b++ {
			lowest, pairs, _ = committee.FoldClaim(lowest, pairs, a, b, 0)
		}
	}
	require.Len(t, pairs, committee.MaxDisputesPerSession)
}

func TestMergeDisputes(t *testing.T) {
	d := committee.NewDispute
	have := []committee.Dispute{d(1, 2)}
	got := committee.MergeDisputes(have, []committee.Dispute{{A: 3, B: 1}, d(1, 2), {A: 4, B: 4}, d(1, 3), d(2, 5)})
	require.Equal(t, []committee.Dispute{d(1, 2), d(1, 3), d(2, 5)}, got, "ordered, each once, no self-pairs, first seen first")
	require.Equal(t, []committee.Dispute{d(1, 2)}, have, "the input is not modified")

	var many []committee.Dispute
	for a := uint64(1); a <= 80; a++ {
		for b := a + 1; b <= 80; b++ {
			many = append(many, d(a, b))
		}
	}
	got = committee.MergeDisputes(nil, many)
	require.Len(t, got, committee.MaxDisputesPerRequest)
	require.Equal(t, many[len(many)-committee.MaxDisputesPerRequest:], got, "the newest are kept")
	got = committee.MergeDisputes(got, []committee.Dispute{d(90, 91)})
	require.Len(t, got, committee.MaxDisputesPerRequest)
	require.Equal(t, d(90, 91), got[len(got)-1])
}
