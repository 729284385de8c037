package tssfixtures

import "testing"

// Every committed fixture decodes, is complete, and is a distinct party.
func TestGuaranteedFixturesLoad(t *testing.T) {
	seen := map[string]bool{}
	for i := 0; i < Count; i++ {
		pp, err := Preparams(i)
		if err != nil {
			t.Fatal(err)
		}
		n := pp.NTildei.String()
		if seen[n] {
			t.Fatalf("party %d repeats another party's NTilde", i)
		}
		seen[n] = true
	}
	if _, err := Preparams(99); err == nil {
		t.Fatal("a missing fixture must be an error")
	}
}
