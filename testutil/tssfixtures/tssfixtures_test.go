package tssfixtures

import "testing"

// The four guaranteed fixtures decode, are complete, and are distinct parties.
func TestGuaranteedFixturesLoad(t *testing.T) {
	seen := map[string]bool{}
	for i := 0; i < 4; i++ {
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
