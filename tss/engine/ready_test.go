package engine

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/bnb-chain/tss-lib/v2/ecdsa/keygen"
	"github.com/ethereum/go-ethereum/common"

	"github.com/themis-network/themis/testutil/tssfixtures"
)

// TestReadyAfterTheKeyIsRetired: an engine with no preparams left is ready while it
// holds the confirmed key's share, not ready while the chain has a newer generation,
// and ready again once governance retired the key (no key on the chain) if the held
// share's parameters pass their proofs, as they serve the next keygen; a share whose
// parameters do not (or do not decode) leaves it not ready.
func TestReadyAfterTheKeyIsRetired(t *testing.T) {
	good, err := json.Marshal(keygen.LocalPartySaveData{LocalPreParams: *tssfixtures.MustPreparams(0)})
	if err != nil {
		t.Fatal(err)
	}
	bad := tssfixtures.MustPreparams(1)
	broken, err := json.Marshal(keygen.LocalPartySaveData{LocalPreParams: keygen.LocalPreParams{PaillierSK: bad.PaillierSK, NTildei: bad.NTildei}})
	if err != nil {
		t.Fatal(err)
	}
	for _, share := range []struct {
		name  string
		bytes []byte
		reuse bool
	}{{"a share with its preparams", good, true}, {"a share without valid preparams", broken, false}, {"bytes that are no share", []byte("share"), false}} {
		shares := newMemShares()
		if err := shares.PutPending(KeyID, 2, share.bytes); err != nil {
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
			{"the key retired: no key on the chain", 0, share.reuse},
		} {
			height++
			eng.Observe(Work{Height: height, Generation: c.generation})
			if got := eng.Report(); got.Ready != c.ready || got.ShareGeneration != 2 {
				t.Errorf("%s, %s: ready %v (share %d), want %v", share.name, c.name, got.Ready, got.ShareGeneration, c.ready)
			}
		}
	}
}
