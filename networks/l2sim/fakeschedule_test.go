package l2sim

import (
	"context"
	"errors"
	"testing"

	"github.com/ethereum/go-ethereum/common"
)

func TestFakeScheduleSetReplaces(t *testing.T) {
	a := Member{1, common.HexToAddress("0xa")}
	b := Member{2, common.HexToAddress("0xb")}
	c := Member{3, common.HexToAddress("0xc")}
	f := NewRotation([]Member{a, b}, 5, 20) // a 1-5, b 6-10, a 11-15, b 16-20
	who := func(h uint64) uint64 {
		p, ok, err := f.ProducerAt(context.Background(), h)
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			return 0
		}
		return p.SequencerID
	}
	for h, want := range map[uint64]uint64{0: 0, 1: 1, 5: 1, 6: 2, 11: 1, 20: 2, 21: 0} {
		if got := who(h); got != want {
			t.Errorf("height %d: sequencer %d, want %d", h, got, want)
		}
	}
	// c replaces b from 8 to 12: b keeps 6-7, a keeps 13-15.
	f.Set(producerOf(c, 8, 12))
	for h, want := range map[uint64]uint64{7: 2, 8: 3, 12: 3, 13: 1, 15: 1, 16: 2} {
		if got := who(h); got != want {
			t.Errorf("after Set: height %d: sequencer %d, want %d", h, got, want)
		}
	}
	// An open-ended epoch takes everything from its start.
	f.Set(producerOf(a, 14, 0))
	for h, want := range map[uint64]uint64{13: 1, 14: 1, 100: 1, 12: 3} {
		if got := who(h); got != want {
			t.Errorf("after open Set: height %d: sequencer %d, want %d", h, got, want)
		}
	}
	f.SetError(errTest)
	if _, _, err := f.ProducerAt(context.Background(), 1); !errors.Is(err, errTest) {
		t.Errorf("SetError: %v", err)
	}
}
