package batches

import (
	"testing"

	"pgregory.net/rapid"
)

func TestNext(t *testing.T) {
	cases := []struct {
		name                             string
		nextStart, head, margin, min, mx uint64
		want                             Range
		ok                               bool
	}{
		{"not enough blocks", 1, 5, 0, 10, 100, Range{}, false},
		{"exactly the cadence", 1, 10, 0, 10, 100, Range{0, 1, 10}, true},
		{"capped at max", 1, 500, 0, 10, 100, Range{0, 1, 100}, true},
		{"margin below head", 11, 30, 5, 10, 100, Range{0, 11, 25}, true},
		{"head behind start", 50, 40, 0, 1, 100, Range{}, false},
		{"margin above head", 1, 3, 5, 1, 100, Range{}, false},
		{"bad params", 1, 100, 0, 0, 100, Range{}, false},
	}
	for _, c := range cases {
		got, ok := Next(0, c.nextStart, c.head, c.margin, c.min, c.mx)
		if ok != c.ok || (ok && got != c.want) {
			t.Errorf("%s: got %+v %v, want %+v %v", c.name, got, ok, c.want, c.ok)
		}
	}
}

// Consecutive ranges chain without gaps or overlaps, whatever the heads.
func TestNextChainsWithoutGaps(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		start := rapid.Uint64Range(0, 1000).Draw(t, "first")
		next, head := start, start
		var index uint64
		for i := 0; i < 50; i++ {
			head += rapid.Uint64Range(0, 40).Draw(t, "advance")
			r, ok := Next(index, next, head, 2, 5, 30)
			if !ok {
				continue
			}
			if r.Start != next || r.End < r.Start || r.Len() > 30 || r.Len() < 5 || r.End+2 > head {
				t.Fatalf("bad range %+v after %d (head %d)", r, next, head)
			}
			next, index = r.End+1, index+1
		}
	})
}

func TestTally(t *testing.T) {
	good := &Commitment{StateRoot: [32]byte{1}}
	bad := &Commitment{StateRoot: [32]byte{2}}
	cases := []struct {
		name  string
		votes []Vote
		ok    bool
	}{
		{"all agree", []Vote{{100, good}, {100, good}, {100, good}}, true},
		{"exactly 2/3 is not enough", []Vote{{100, good}, {100, good}, {100, nil}}, false},
		{"one wrong root outvoted", []Vote{{100, good}, {100, good}, {100, good}, {100, bad}}, true},
		{"a minority's wrong root never wins", []Vote{{100, bad}, {100, nil}, {100, nil}}, false},
		{"split", []Vote{{150, good}, {150, bad}}, false},
	}
	for _, c := range cases {
		var total int64
		for _, v := range c.votes {
			total += v.Power
		}
		got, ok := Tally(c.votes, total)
		if ok != c.ok || (ok && got != *good) {
			t.Errorf("%s: got %+v %v", c.name, got, ok)
		}
	}
}

// Two different commitments can never both pass, and the order of votes never matters.
func TestTallyProperties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.IntRange(1, 12).Draw(t, "n")
		cs := []*Commitment{nil, {StateRoot: [32]byte{1}}, {StateRoot: [32]byte{2}}, {TxRoot: [32]byte{3}}}
		votes := make([]Vote, n)
		var total int64
		for i := range votes {
			votes[i] = Vote{Power: rapid.Int64Range(1, 1000).Draw(t, "p"), Commitment: cs[rapid.IntRange(0, 3).Draw(t, "c")]}
			total += votes[i].Power
		}
		a, okA := Tally(votes, total)
		rev := make([]Vote, n)
		for i := range votes {
			rev[n-1-i] = votes[i]
		}
		b, okB := Tally(rev, total)
		if okA != okB || a != b {
			t.Fatalf("order changed the tally")
		}
		if okA {
			var power int64
			for _, v := range votes {
				if v.Commitment != nil && *v.Commitment == a {
					power += v.Power
				}
			}
			if power*3 <= total*2 {
				t.Fatalf("passed with %d of %d", power, total)
			}
		}
	})
}
