package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/x/mpc/types"
)

// openSign returns a sign session nobody completes (engines off), on a keyed chain of n.
func openSign(t *testing.T, n int) (*chain, types.Session) {
	c := newChain(t, n)
	c.keygen()
	for _, nd := range c.nodes {
		nd.engine = false
	}
	id := c.requestSig("to blame")
	c.block()
	return c, c.session(c.request(id).Session)
}

func claim(s types.Session, accused *node, reason types.BlameReason) []*types.BlameClaim {
	return []*types.BlameClaim{{SessionKey: s.SessionKey, Accused: accused.signer(), Reason: reason}}
}

// TestBlameNeedsMoreThanTwoThirdsOfTheOtherParties: of a sign session's 4 signers
// (committee of 5), the 3 others must all name the accused for the same reason; the
// record carries the params' severity and goes in the log once.
func TestBlameNeedsMoreThanTwoThirdsOfTheOtherParties(t *testing.T) {
	c, s := openSign(t, 5)
	require.Equal(t, []uint64{1, 2, 3, 4}, ids(s.Signers))
	c.node(1).blames = claim(s, c.node(4), types.BLAME_REASON_INVALID)
	c.node(2).blames = claim(s, c.node(4), types.BLAME_REASON_INVALID)
	c.block()
	require.Empty(t, c.blames(), "2 of 3 others is not more than 2/3")
	c.node(3).blames = claim(s, c.node(4), types.BLAME_REASON_MISSING)
	c.block()
	require.Empty(t, c.blames(), "another reason does not add up")
	c.node(3).blames = claim(s, c.node(4), types.BLAME_REASON_INVALID) // replaces its claim
	c.block()
	bl := c.blames()
	require.Len(t, bl, 1)
	require.Equal(t, types.Blame{
		Id: 1, Session: s.Number, SessionKey: s.SessionKey, Accused: 4, Reason: types.BLAME_REASON_INVALID,
		Height: c.height, Severity: types.BLAME_SEVERITY_LOW, Voters: 3, Parties: 3,
	}, bl[0])
	require.Len(t, events[*types.EventBlameRecorded](c), 1)
	c.run(3)
	require.Len(t, c.blames(), 1, "one record per accused and session")
	c.checkInvariants()
}

// TestBlameWindowAfterTheSessionCloses: claims are taken for sign_timeout_blocks after
// the session closed (engines often know who failed only once they gave up), and not
// after that.
func TestBlameWindowAfterTheSessionCloses(t *testing.T) {
	c, s := openSign(t, 5)
	for c.height < s.DeadlineHeight {
		c.block()
	}
	closed := c.session(s.Number)
	require.Equal(t, types.SESSION_STATUS_TIMED_OUT, closed.Status)
	require.Equal(t, closed.ClosedHeight+5, closed.BlameDeadlineHeight)
	for _, v := range []uint64{1, 2, 3} {
		c.node(v).blames = claim(s, c.node(4), types.BLAME_REASON_MISSING)
	}
	c.block()
	require.Len(t, c.blames(), 1, "within the window")

	// A later session: claims only after its window are ignored.
	s2 := c.session(c.request(1).Session)
	for _, v := range []uint64{1, 2, 3, 4, 5} {
		c.node(v).blames = nil
	}
	for c.height < s2.DeadlineHeight+5 {
		c.block()
	}
	require.EqualValues(t, 0, c.session(s2.Number).BlameDeadlineHeight, "the window closed and its claims are forgotten")
	accused := s2.Signers[0].SequencerId
	for _, p := range s2.Signers[1:] {
		c.node(p.SequencerId).blames = claim(s2, c.node(accused), types.BLAME_REASON_MISSING)
	}
	c.block()
	require.Len(t, c.blames(), 1, "too late")
	c.checkInvariants()
}

// TestBlameInResharingCountsDealersAndNewParties: a resharing's parties are its
// dealers and its new parties, each counted once.
func TestBlameInResharingCountsDealersAndNewParties(t *testing.T) {
	c := newChain(t, 4)
	c.keygen()
	c.addNode(5, 10)
	for _, n := range c.nodes {
		n.engine = false
	}
	c.until(10, "resharing opened", func() bool { _, ok := c.openOf(types.SESSION_KIND_RESHARE); return ok })
	s, _ := c.openOf(types.SESSION_KIND_RESHARE)
	require.Equal(t, []uint64{1, 2, 3}, ids(s.OldParties))
	// Parties: 1..5 (a dealer that is also a new party is one voice); the newcomer 5
	// accused by 2 of the 4 others is not enough, by 3 of them it is.
	for _, v := range []uint64{1, 4} {
		c.node(v).blames = claim(s, c.node(5), types.BLAME_REASON_EQUIVOCATION)
	}
	c.block()
	require.Empty(t, c.blames())
	c.node(2).blames = claim(s, c.node(5), types.BLAME_REASON_EQUIVOCATION)
	c.block()
	require.Len(t, c.blames(), 1)
	require.EqualValues(t, 5, c.blames()[0].Accused)
	require.EqualValues(t, 4, c.blames()[0].Parties)
}

// TestBlameSeverityFollowsTheParams: the record carries blame_severity as it stood
// when the blame was recorded.
func TestBlameSeverityFollowsTheParams(t *testing.T) {
	c, s := openSign(t, 4)
	p := testParams()
	p.BlameSeverity = types.BLAME_SEVERITY_MEDIUM
	require.NoError(t, c.k.Params.Set(c.ctx, p))
	accused := s.Signers[2]
	for _, v := range s.Signers[:2] {
		c.node(v.SequencerId).blames = claim(s, c.node(accused.SequencerId), types.BLAME_REASON_INVALID)
	}
	c.block()
	require.Len(t, c.blames(), 1)
	require.Equal(t, types.BLAME_SEVERITY_MEDIUM, c.blames()[0].Severity)
	after, err := c.k.BlamesAfter(c.ctx, 0, 10)
	require.NoError(t, err)
	require.Len(t, after, 1)
	after, err = c.k.BlamesAfter(c.ctx, 1, 10)
	require.NoError(t, err)
	require.Empty(t, after)
}
