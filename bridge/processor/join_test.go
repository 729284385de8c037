package processor

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	seqtypes "github.com/themis-network/themis/x/sequencer/types"
)

// Events another (possibly hostile) bridge queued first sit in that relayer's lane of
// the vote window, possibly behind its junk. When the sequencer's lowest waiting event
// has not moved for JoinAfter, this bridge relays that sequencer's queued events too:
// the chain joins each to this operator's lane. Once joined, only the head is relayed
// again at the next stall (it may have expired and been re-queued by somebody else in
// one block, which no poll sees).
func TestJoinsAStalledSequencersQueuedEvents(t *testing.T) {
	a, b := ev(1, 1), ev(1, 2)
	e := newEnv(t, a, b)
	e.chain.setPending(a, true) // both queued by somebody else
	e.chain.setPending(b, true)

	e.step()
	require.Empty(t, e.relay.take(), "queued by another bridge: the vote decides")
	e.clock.advance(DefaultJoinAfter - time.Millisecond)
	e.step()
	require.Empty(t, e.relay.take())

	e.clock.advance(time.Millisecond)
	e.step()
	require.Equal(t, [][2]uint64{{1, 1}, {1, 2}}, ids(e.relay.take()), "no progress for JoinAfter: join the backlog")
	e.clock.advance(DefaultJoinAfter - time.Millisecond)
	e.step()
	require.Empty(t, e.relay.take(), "at most once per JoinAfter")
	e.clock.advance(time.Millisecond)
	e.step()
	require.Equal(t, [][2]uint64{{1, 1}}, ids(e.relay.take()), "still stalled: the head again, nonce 2 is in our lane")

	// Progress: the head moves, the timer starts again; nothing is relayed meanwhile.
	e.chain.setPending(a, false)
	e.chain.set(e.chain.applied, a, true)
	e.step()
	require.Empty(t, e.relay.take())
	e.clock.advance(DefaultJoinAfter - time.Millisecond)
	e.step()
	require.Empty(t, e.relay.take())

	// Dropped by the vote (expired or rejected): relayed afresh at once.
	e.chain.setPending(b, false)
	e.clock.advance(time.Minute)
	e.step()
	require.Equal(t, [][2]uint64{{1, 2}}, ids(e.relay.take()))
}

// The bridge compares what waits by content: a variant of the real event (same log,
// another block number) queued by a liar does not make it skip the real one.
func TestVariantInQueueDoesNotHideTheRealEvent(t *testing.T) {
	real := ev(1, 1)
	variant := *(real.(*seqtypes.MsgRelocked))
	variant.Event.BlockNumber = 1 << 40
	e := newEnv(t, real)
	e.chain.setPending(&variant, true)
	require.Equal(t, seqtypes.EventKey(real.GetEvent()), seqtypes.EventKey(variant.GetEvent()), "same log position")

	e.step()
	require.Equal(t, [][2]uint64{{1, 1}}, ids(e.relay.take()))
}
