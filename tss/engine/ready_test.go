package engine

import (
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
)

// TestReadyAfterTheKeyIsRetired: an engine with no preparams left is ready while it
// holds the confirmed key's share, not ready while the chain has a newer generation,
// and ready again once governance retired the key (no key on the chain): the held
// share's parameters serve the next keygen.
func TestReadyAfterTheKeyIsRetired(t *testing.T) {
	shares := newMemShares()
	if err := shares.PutPending(KeyID, 2, []byte("share")); err != nil {
		t.Fatal(err)
	}
	if err := shares.Confirm(KeyID, 2); err != nil {
		t.Fatal(err)
	}
	self := common.HexToAddress("0x01")
	eng, err := New(Config{Self: self, Endpoint: "mem://1", Shares: shares, Preparams: newMemPre(), Marks: newMemMarks(),
		Net: memEndpoint{net: newMemNet(), self: self}, RoundTimeout: time.Second, SettleTimeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	height := int64(10)
	for _, c := range []struct {
		name       string
		generation uint64
		ready      bool
	}{
		{"holding the confirmed share", 2, true},
		{"a newer generation confirmed without it", 3, false},
		{"the key retired: no key on the chain", 0, true},
	} {
		height++
		eng.Observe(Work{Height: height, Generation: c.generation})
		if got := eng.Report(); got.Ready != c.ready || got.ShareGeneration != 2 {
			t.Errorf("%s: ready %v (share %d), want %v", c.name, got.Ready, got.ShareGeneration, c.ready)
		}
	}
}
