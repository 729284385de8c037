package observer

import (
	"context"
	"errors"
	"sync"

	"github.com/themis-network/themis/x/sequencer/types"
)

// FakeL1 is a deterministic in-memory L1 for tests and for nodes run without an L1:
// events are added by hand and the head is set by hand.
type FakeL1 struct {
	mu      sync.Mutex
	chainID uint64
	head    uint64
	events  map[string]fakeEvent
	down    bool
}

type fakeEvent struct {
	msg   types.L1EventMsg
	block uint64
}

// NewFakeL1 returns an empty fake L1 with the given chain id.
func NewFakeL1(chainID uint64) *FakeL1 {
	return &FakeL1{chainID: chainID, events: map[string]fakeEvent{}}
}

// AddEvent records an event as L1 would have emitted it, and raises the head to its block.
func (f *FakeL1) AddEvent(msg types.L1EventMsg) {
	f.mu.Lock()
	defer f.mu.Unlock()
	ref := msg.GetEvent()
	f.events[types.EventKey(ref)] = fakeEvent{msg: msg, block: ref.BlockNumber}
	f.head = max(f.head, ref.BlockNumber)
}

// SetHead sets the newest block number.
func (f *FakeL1) SetHead(head uint64) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.head = head
}

// SetDown makes every call fail, as an unreachable node would.
func (f *FakeL1) SetDown(down bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.down = down
}

var errDown = errors.New("fake L1 is down")

// ChainID implements L1Reader.
func (f *FakeL1) ChainID(context.Context) (uint64, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.down {
		return 0, errDown
	}
	return f.chainID, nil
}

// HeadNumber implements L1Reader.
func (f *FakeL1) HeadNumber(context.Context) (uint64, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.down {
		return 0, errDown
	}
	return f.head, nil
}

// EventAt implements L1Reader.
func (f *FakeL1) EventAt(_ context.Context, _ string, ref types.L1EventRef) (types.L1EventMsg, uint64, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.down {
		return nil, 0, errDown
	}
	ev, ok := f.events[types.EventKey(ref)]
	if !ok {
		return nil, 0, ErrLogNotFound
	}
	return ev.msg, ev.block, nil
}
