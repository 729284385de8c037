package processor

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	seqtypes "github.com/themis-network/themis/x/sequencer/types"
)

// An event another (possibly hostile) bridge queued first sits in that relayer's lane
// of the vote window. After JoinAfter as its sequencer's lowest waiting nonce this
// bridge relays it too, which joins the item to its own lane; once joined it is not
// relayed again while it waits. Later nonces are not joined: a backlog the vote works
// through costs no second relay.
func TestJoinsAnEventQueuedByOthersOnly(t *testing.T) {
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
	require.Equal(t, [][2]uint64{{1, 1}}, ids(e.relay.take()), "the head still waiting after JoinAfter: join it, not nonce 2")

	for range 10 {
		e.clock.advance(DefaultJoinAfter)
		e.step()
		require.Empty(t, e.relay.take(), "in this operator's lane now")
	}

	// Dropped by the vote (expired or rejected): relayed afresh, then waits again.
	e.chain.setPending(a, false)
	e.clock.advance(time.Minute)
	e.step()
	require.Equal(t, [][2]uint64{{1, 1}}, ids(e.relay.take()))
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
