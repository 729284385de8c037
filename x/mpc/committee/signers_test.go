package committee_test

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/themis-network/themis/x/mpc/committee"
)

func TestSignersKeepDisputesApart(t *testing.T) {
	c := []committee.Member{member(1, 1), member(2, 1), member(3, 1), member(4, 1)}
	ready := []committee.SignerStatus{{Available: true}, {Available: true}, {Available: true}, {Available: true}}
	d := func(a, b uint64) committee.Dispute { return committee.NewDispute(a, b) }

	s, _ := committee.Signers(c, ready, 2, 0, []committee.Dispute{d(2, 1)})
	require.Equal(t, []uint64{1, 3, 4}, ids(s), "2 is passed over: it disputes 1, chosen first")
	s, _ = committee.Signers(c, ready, 2, 1, []committee.Dispute{d(1, 2)})
	require.Equal(t, []uint64{2, 3, 4}, ids(s), "another rotation keeps them apart the other way")

	// 1 disputes two members: more than n-(t+1) = 1 faulty ones are impossible, so 1
	// is faulty and left out whatever the rotation.
	two := []committee.Dispute{d(1, 2), d(1, 3)}
	for attempt := uint32(0); attempt < 8; attempt++ {
		s, _ = committee.Signers(c, ready, 2, attempt, two)
		require.Equal(t, []uint64{2, 3, 4}, ids(s), "attempt %d", attempt)
	}

	// The attempt's rotation cannot keep 1 and 2 apart when 3 is unavailable and 4
	// blamed; another rotation can.
	st := slices.Clone(ready)
	st[2].Available = false
	st[3].Excluded = true
	s, _ = committee.Signers(c, st, 2, 0, []committee.Dispute{d(1, 2)})
	require.Len(t, s, 3)
	require.False(t, slices.Contains(ids(s), 1) && slices.Contains(ids(s), 2), "1 and 2 kept apart: %v", ids(s))

	// No way to keep every pair apart: the signature is not abandoned.
	all := []committee.Dispute{d(1, 2), d(3, 4), d(1, 3), d(2, 4)}
	s, ok := committee.Signers(c, ready, 2, 0, all)
	require.True(t, ok)
	require.Len(t, s, 3)

	// Pairs naming a non-member, or one member twice, are ignored.
	s, _ = committee.Signers(c, ready, 2, 0, []committee.Dispute{d(1, 99), {A: 2, B: 2}})
	require.Equal(t, []uint64{1, 2, 3}, ids(s))
}

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

// TestSignersOutlastFramers plays the attack the disputes answer: up to n-(t+1)
// faulty members, each time one of them is chosen, spoil the attempt: withhold a
// message from an honest signer (who stalls first and claims at a lower progress while
// the others blame it), lie about their progress, or go silent. The chain sees only
// the claims. The request must reach a signer set with no faulty member, within a
// bound that grows with the faulty, not forever.
func TestSignersOutlastFramers(t *testing.T) {
	worst := 0
	rapid.Check(t, func(rt *rapid.T) {
		n := rapid.IntRange(4, 21).Draw(rt, "n")
		th, _ := committee.Threshold(n)
		c := make([]committee.Member, n)
		for i := range c {
			c[i] = member(uint64(i+1), 1)
		}
		f := rapid.IntRange(1, n-(th+1)).Draw(rt, "faulty")
		faulty := map[uint64]bool{}
		for _, i := range rapid.SliceOfNDistinct(rapid.IntRange(1, n), f, f, rapid.ID[int]).Draw(rt, "who") {
			faulty[uint64(i)] = true
		}
		var disputes []committee.Dispute
		var blamed uint64
		limit := 4 * n * f
		for attempt := uint32(0); ; attempt++ {
			require.Less(rt, int(attempt), limit, "no honest signer set after %d attempts", limit)
			status := make([]committee.SignerStatus, n)
			for i := range status {
				status[i] = committee.SignerStatus{Available: true, Excluded: c[i].ID == blamed}
			}
			s, ok := committee.Signers(c, status, th, attempt, disputes)
			require.True(rt, ok)
			var bad, good []uint64
			for _, m := range s {
				if faulty[m.ID] {
					bad = append(bad, m.ID)
				} else {
					good = append(good, m.ID)
				}
			}
			if len(bad) == 0 {
				worst = max(worst, int(attempt))
				return
			}
			require.NotEmpty(rt, good, "t+1 signers are never all faulty")
			framer := bad[rapid.IntRange(0, len(bad)-1).Draw(rt, "framer")]
			victim := good[rapid.IntRange(0, len(good)-1).Draw(rt, "victim")]
			var lowest uint32
			var pairs []committee.Dispute
			claim := func(voter, accused uint64, progress uint32) {
				lowest, pairs, _ = committee.FoldClaim(lowest, pairs, voter, accused, progress)
			}
			round := uint32(rapid.IntRange(1, 9).Draw(rt, "round"))
			switch rapid.IntRange(0, 2).Draw(rt, "how") {
			case 0: // withhold from the victim: it stalls at round, the rest one later
				claim(victim, framer, round)
				for _, id := range ids(s) {
					if id != victim {
						claim(id, victim, round+1)
					}
				}
				blamed = victim
			case 1: // the same, and the framer claims it stalled first
				claim(victim, framer, round)
				claim(framer, victim, 0)
				for _, id := range ids(s) {
					if id != victim && id != framer {
						claim(id, victim, round+1)
					}
				}
				blamed = victim
			default: // silent: every other signer stalls waiting for it
				for _, id := range ids(s) {
					if id != framer {
						claim(id, framer, round)
					}
				}
				blamed = framer
			}
			for _, p := range pairs {
				require.True(rt, faulty[p.A] || faulty[p.B], "a dispute between two honest members")
				if !slices.Contains(disputes, p) {
					disputes = append(disputes, p)
				}
			}
		}
	})
	t.Logf("worst attempts before an honest signer set: %d", worst)
}
