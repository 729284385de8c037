package outbound

import (
	"math/big"
	"testing"

	"pgregory.net/rapid"
)

func w(v, p int64) Weighted { return Weighted{Value: big.NewInt(v), Power: p} }

func TestAtLeast(t *testing.T) {
	cases := []struct {
		name  string
		votes []Weighted
		want  int64
		ok    bool
	}{
		{"all equal", []Weighted{w(7, 1), w(7, 1), w(7, 1)}, 7, true},
		{"one ahead is not enough", []Weighted{w(9, 1), w(7, 1), w(7, 1), w(7, 1)}, 7, true},
		{"the lowest of the top supermajority", []Weighted{w(9, 1), w(8, 1), w(7, 1), w(1, 1)}, 7, true},
		{"exactly 2/3 reporting is not enough", []Weighted{w(5, 1), w(5, 1)}, 0, false},
		{"a liar far ahead changes nothing", []Weighted{w(1<<40, 1), w(3, 1), w(3, 1), w(3, 1)}, 3, true},
	}
	for _, c := range cases {
		total := int64(len(c.votes))
		if c.name == "exactly 2/3 reporting is not enough" {
			total = 3
		}
		got, ok := AtLeast(c.votes, total)
		if ok != c.ok || (ok && got.Int64() != c.want) {
			t.Errorf("%s: got %v %v, want %d %v", c.name, got, ok, c.want, c.ok)
		}
	}
}

func TestMedian(t *testing.T) {
	got, ok := Median([]Weighted{w(10, 1), w(20, 1), w(1_000_000, 1), w(0, 1)}, 4)
	if !ok || got.Int64() != 10 {
		t.Fatalf("median %v %v", got, ok)
	}
	if _, ok := Median([]Weighted{w(10, 2)}, 3); ok {
		t.Fatal("2 of 3 reporting must not agree")
	}
	got, ok = Median([]Weighted{w(10, 1), w(20, 5)}, 6)
	if !ok || got.Int64() != 20 {
		t.Fatalf("weighted median %v", got)
	}
}

// Property: with fewer than 1/3 of power lying arbitrarily, AtLeast is never above
// the highest honest value and Median stays within the honest values' range.
func TestAgreementBoundedByHonest(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.IntRange(1, 15).Draw(t, "n")
		var votes []Weighted
		var total, liars int64
		lo, hi := int64(1<<62), int64(-1)
		for i := 0; i < n; i++ {
			p := rapid.Int64Range(1, 100).Draw(t, "p")
			total += p
			v := rapid.Int64Range(0, 1000).Draw(t, "v")
			liar := rapid.Bool().Draw(t, "liar") && (liars+p)*3 < total
			if liar {
				liars += p
				v = rapid.Int64Range(0, 1<<40).Draw(t, "lie")
			} else {
				lo, hi = min(lo, v), max(hi, v)
			}
			votes = append(votes, w(v, p))
		}
		if liars*3 >= total || hi < 0 {
			return
		}
		if v, ok := AtLeast(votes, total); ok && v.Int64() > hi {
			t.Fatalf("AtLeast %v above every honest value (max %d)", v, hi)
		}
		if v, ok := Median(votes, total); ok && (v.Int64() < lo || v.Int64() > hi) {
			t.Fatalf("Median %v outside honest [%d, %d]", v, lo, hi)
		}
	})
}
