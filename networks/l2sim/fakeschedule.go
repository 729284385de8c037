package l2sim

import (
	"context"
	"errors"
	"slices"
	"sync"

	"github.com/ethereum/go-ethereum/common"
)

// FakeSchedule is an in-memory Schedule for tests and runs without a chain. Set
// installs an epoch over its range, cutting back whatever it overlaps, the way the
// chain replaces a stalled producer from some height on.
type FakeSchedule struct {
	mu     sync.Mutex
	epochs []Producer // sorted by StartHeight, not overlapping
	err    error
	nextID uint64
}

// Member is a sequencer a rotation can schedule.
type Member struct {
	SequencerID uint64
	Signer      common.Address
}

// NewRotation schedules members in turn, epochLength heights each, from height 1 up to
// and including upTo.
func NewRotation(members []Member, epochLength, upTo uint64) *FakeSchedule {
	f := &FakeSchedule{}
	if len(members) == 0 || epochLength == 0 {
		return f
	}
	for i, start := 0, uint64(1); start <= upTo; i, start = i+1, start+epochLength {
		m := members[i%len(members)]
		f.Set(Producer{SequencerID: m.SequencerID, Signer: m.Signer, StartHeight: start, EndHeight: start + epochLength - 1})
	}
	return f
}

// Set installs p over [p.StartHeight, p.EndHeight] (EndHeight 0: to the end of the
// schedule) and gives it the next epoch id if it has none. Earlier epochs lose the
// heights p covers.
func (f *FakeSchedule) Set(p Producer) Producer {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.nextID++
	if p.EpochID == 0 {
		p.EpochID = f.nextID
	}
	var kept []Producer
	for _, e := range f.epochs {
		// The part of e before p.
		if e.StartHeight < p.StartHeight {
			before := e
			if before.EndHeight == 0 || before.EndHeight >= p.StartHeight {
				before.EndHeight = p.StartHeight - 1
			}
			kept = append(kept, before)
		}
		// The part of e after p (only if p has an end).
		if p.EndHeight != 0 && (e.EndHeight == 0 || e.EndHeight > p.EndHeight) {
			after := e
			if after.StartHeight <= p.EndHeight {
				after.StartHeight = p.EndHeight + 1
			}
			kept = append(kept, after)
		}
	}
	kept = append(kept, p)
	slices.SortFunc(kept, func(a, b Producer) int {
		switch {
		case a.StartHeight < b.StartHeight:
			return -1
		case a.StartHeight > b.StartHeight:
			return 1
		}
		return 0
	})
	f.epochs = kept
	return p
}

// SetError makes every ProducerAt fail with err (nil: answer again), to test that a
// node does not produce when it cannot ask the chain.
func (f *FakeSchedule) SetError(err error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.err = err
}

// ProducerAt implements Schedule.
func (f *FakeSchedule) ProducerAt(ctx context.Context, height uint64) (Producer, bool, error) {
	if err := ctx.Err(); err != nil {
		return Producer{}, false, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.err != nil {
		return Producer{}, false, errors.Join(errors.New("fake schedule"), f.err)
	}
	for _, e := range f.epochs {
		if e.Covers(height) {
			return e, true, nil
		}
	}
	return Producer{}, false, nil
}
