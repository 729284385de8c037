package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/x/mpc/sessions"
	"github.com/themis-network/themis/x/mpc/types"
)

// TestNothingHappensWithoutEngines: validators that report nothing (no engine) leave
// x/mpc untouched: no session, no committee watch, no event.
func TestNothingHappensWithoutEngines(t *testing.T) {
	c := newChain(t, 4)
	for _, n := range c.nodes {
		n.online = false
	}
	c.run(20)
	require.Empty(t, c.sessions())
	prog, err := c.k.Progress.Get(c.ctx)
	require.NoError(t, err)
	require.Equal(t, types.CommitteeProgress{}, prog)
	require.Empty(t, c.ctx.EventManager().Events())
}

// TestKeygenOpensAfterTheCommitteeSettles: the first committee's keygen opens once at
// least min_parties sequencers are ready and the candidate committee has stood still
// for committee_settle_blocks; its session key is the chain's derivation.
func TestKeygenOpensAfterTheCommitteeSettles(t *testing.T) {
	c := newChain(t, 4)
	c.block() // block 2 applies the reports of height 1: the committee is seen
	_, open := c.openOf(types.SESSION_KIND_KEYGEN)
	require.False(t, open)
	c.block()
	_, open = c.openOf(types.SESSION_KIND_KEYGEN)
	require.False(t, open, "not settled yet")
	c.block()
	_, open = c.openOf(types.SESSION_KIND_KEYGEN)
	require.False(t, open, "not settled yet: each member must have been ready for settle blocks first")
	c.block() // block 5: members ready since height 1 count from block 3; the committee seen since block 3, settle 2
	s, open := c.openOf(types.SESSION_KIND_KEYGEN)
	require.True(t, open)
	require.Equal(t, []uint64{1, 2, 3, 4}, ids(s.NewParties))
	require.EqualValues(t, 2, s.Threshold, "t = floor(2*4/3)")
	require.EqualValues(t, 1, s.Generation)
	require.EqualValues(t, 0, s.Attempt)
	key := sessions.Key(testChainID, s.Number, sessions.KindKeygen, 0)
	require.Equal(t, key[:], s.SessionKey)
	require.EqualValues(t, 5+10, s.DeadlineHeight)
	for _, p := range s.NewParties {
		n := c.node(p.SequencerId)
		require.Equal(t, n.pub(), p.PubKey)
		require.Equal(t, n.signer(), p.Signer)
	}
	require.Len(t, events[*types.EventSessionOpened](c), 1)
}

// TestKeygenWaitsForMinParties: fewer ready sequencers than min_parties open nothing;
// the keygen opens when enough are ready.
func TestKeygenWaitsForMinParties(t *testing.T) {
	c := newChain(t, 4)
	c.node(3).ready = false
	c.node(4).ready = false
	c.run(10)
	require.Empty(t, c.open())
	c.node(3).ready = true
	c.until(5, "keygen opened", func() bool { _, ok := c.openOf(types.SESSION_KIND_KEYGEN); return ok })
	s, _ := c.openOf(types.SESSION_KIND_KEYGEN)
	require.Equal(t, []uint64{1, 2, 3}, ids(s.NewParties), "the unready sequencer is left out")
}

// TestKeygenConfirmsWhenMoreThanTwoThirdsAgree: three of four parties reporting the
// same key confirm it: pool key, address, generation 1, committee, session COMPLETED.
func TestKeygenConfirmsWhenMoreThanTwoThirdsAgree(t *testing.T) {
	c := newChain(t, 4)
	c.node(4).engine = false // one party never reports
	c.until(10, "keygen opened", func() bool { _, ok := c.openOf(types.SESSION_KIND_KEYGEN); return ok })
	s, _ := c.openOf(types.SESSION_KIND_KEYGEN)
	c.block()
	pk, ok := c.poolKey()
	require.True(t, ok)
	require.Equal(t, c.groupPub(), pk.PublicKey)
	require.Equal(t, types.AddressString(cryptoAddress(c.group)), pk.Address)
	require.EqualValues(t, 1, pk.Generation)
	require.Equal(t, []uint64{1, 2, 3, 4}, ids(pk.Committee.Members), "the silent party is in the committee all the same")
	require.EqualValues(t, 2, pk.Committee.Threshold)
	require.Equal(t, c.height, pk.ConfirmedHeight)
	done := c.session(s.Number)
	require.Equal(t, types.SESSION_STATUS_COMPLETED, done.Status)
	require.Equal(t, c.groupPub(), done.PublicKey)
	ev := events[*types.EventPoolKeyConfirmed](c)
	require.Len(t, ev, 1)
	require.EqualValues(t, 3, ev[0].Voters)
	require.Empty(t, c.open())
	c.checkInvariants()
}

// TestKeygenVotesAddUpAcrossHeights: a party's voice is kept across heights, so parties
// reporting in different blocks confirm together; a later report replaces an earlier one.
func TestKeygenVotesAddUpAcrossHeights(t *testing.T) {
	c := newChain(t, 4)
	for _, n := range c.nodes {
		n.engine = false
	}
	c.until(10, "keygen opened", func() bool { _, ok := c.openOf(types.SESSION_KIND_KEYGEN); return ok })
	s, _ := c.openOf(types.SESSION_KIND_KEYGEN)
	result := []*types.SessionResult{{SessionKey: s.SessionKey, PublicKey: c.groupPub()}}
	other := []*types.SessionResult{{SessionKey: s.SessionKey, PublicKey: crypto33(privOf("other", 1))}}
	c.node(1).results = result
	c.node(2).results = other // first says another key...
	c.block()
	c.node(1).results = nil // ...node 1's voice stays
	c.node(2).results = result
	c.block()
	_, ok := c.poolKey()
	require.False(t, ok, "two voices of four")
	c.node(2).results = nil
	c.node(3).results = result
	c.block()
	pk, ok := c.poolKey()
	require.True(t, ok, "three voices from three heights")
	require.Equal(t, c.groupPub(), pk.PublicKey)
	c.checkInvariants()
}

// TestKeygenTimeoutRetriesWithoutTheUnreadyMember: a keygen that does not complete
// times out at its deadline; the retry (attempt 1) opens on the committee recomputed,
// which leaves out the member that stopped reporting ready.
func TestKeygenTimeoutRetriesWithoutTheUnreadyMember(t *testing.T) {
	c := newChain(t, 5)
	for _, n := range c.nodes {
		n.engine = false
	}
	c.until(10, "keygen opened", func() bool { _, ok := c.openOf(types.SESSION_KIND_KEYGEN); return ok })
	first, _ := c.openOf(types.SESSION_KIND_KEYGEN)
	c.node(5).online = false // its engine and node went away
	for c.height < first.DeadlineHeight {
		c.block()
	}
	require.Equal(t, types.SESSION_STATUS_TIMED_OUT, c.session(first.Number).Status)
	retry, ok := c.openOf(types.SESSION_KIND_KEYGEN)
	require.True(t, ok, "the retry opens in the same block")
	require.EqualValues(t, 1, retry.Attempt)
	require.Equal(t, []uint64{1, 2, 3, 4}, ids(retry.NewParties))
	require.NotEqual(t, first.SessionKey, retry.SessionKey)
	for _, n := range c.nodes {
		n.engine = true
	}
	c.keygen()
	prog, err := c.k.Progress.Get(c.ctx)
	require.NoError(t, err)
	require.EqualValues(t, 0, prog.Attempt, "a completion resets the attempts")
	c.checkInvariants()
}

// TestResharingOnJoin: a sequencer that joins and is ready is reshared in after the
// settle period: t_old+1 dealers of the confirmed committee, the new committee as new
// parties, the same key at generation 2.
func TestResharingOnJoin(t *testing.T) {
	c := newChain(t, 4)
	c.keygen()
	c.addNode(5, 10)
	c.until(10, "resharing opened", func() bool { _, ok := c.openOf(types.SESSION_KIND_RESHARE); return ok })
	s, _ := c.openOf(types.SESSION_KIND_RESHARE)
	require.Equal(t, []uint64{1, 2, 3}, ids(s.OldParties), "t_old+1 = 3 dealers, rotated by attempt 0")
	require.EqualValues(t, 2, s.OldThreshold)
	require.Equal(t, []uint64{1, 2, 3, 4, 5}, ids(s.NewParties))
	require.EqualValues(t, 3, s.Threshold)
	require.EqualValues(t, 2, s.Generation)
	pk, _ := c.poolKey()
	require.EqualValues(t, 1, pk.Generation, "the old committee keeps the key until the resharing completes")
	c.block()
	pk, _ = c.poolKey()
	require.EqualValues(t, 2, pk.Generation)
	require.Equal(t, c.groupPub(), pk.PublicKey, "same key, same address")
	require.Equal(t, []uint64{1, 2, 3, 4, 5}, ids(pk.Committee.Members))
	require.Equal(t, types.SESSION_STATUS_COMPLETED, c.session(s.Number).Status)
	c.run(10)
	_, ok := c.openOf(types.SESSION_KIND_RESHARE)
	require.False(t, ok, "nothing changes any more")
	c.checkInvariants()
}

// TestResharingOnExitAndSignerChange: a member leaving the active set (unlock, jail,
// removal) and a member whose signer key changed each make the next committee differ.
func TestResharingOnExitAndSignerChange(t *testing.T) {
	c := newChain(t, 5)
	c.keygen()
	c.deactivate(5)
	c.until(10, "resharing opened", func() bool { _, ok := c.openOf(types.SESSION_KIND_RESHARE); return ok })
	s, _ := c.openOf(types.SESSION_KIND_RESHARE)
	require.Equal(t, []uint64{1, 2, 3, 4}, ids(s.NewParties))
	c.block()
	pk, _ := c.poolKey()
	require.Equal(t, []uint64{1, 2, 3, 4}, ids(pk.Committee.Members))

	c.changeSigner(2)
	c.until(10, "resharing opened", func() bool { _, ok := c.openOf(types.SESSION_KIND_RESHARE); return ok })
	s, _ = c.openOf(types.SESSION_KIND_RESHARE)
	require.NotContains(t, ids(s.OldParties), uint64(2), "its old key is no longer active: it cannot deal")
	require.Equal(t, c.node(2).pub(), s.NewParties[1].PubKey, "the new committee has its new key")
	c.block()
	pk, _ = c.poolKey()
	require.EqualValues(t, 3, pk.Generation)
	require.Equal(t, c.node(2).signer(), pk.Committee.Members[1].Signer)
	c.checkInvariants()
}

// TestFlappingNodeCausesNoResharingStorm: a node whose readiness changes every block
// never keeps the candidate committee still for committee_settle_blocks, so no
// resharing opens for it.
func TestFlappingNodeCausesNoResharingStorm(t *testing.T) {
	c := newChain(t, 5)
	c.keygen()
	n := c.node(5)
	reshares := map[uint64]bool{}
	for i := range 60 {
		n.online = i%2 == 0 // present one block, missing the next...
		if i%8 < 4 {
			n.online = true
		}
		n.ready = i%3 != 0
		c.block()
		if s, open := c.openOf(types.SESSION_KIND_RESHARE); open {
			reshares[s.Number] = true
		}
	}
	// At most the one resharing that leaves the flapper out (and its retries would
	// carry the same job): never one per flip.
	require.LessOrEqual(t, len(reshares), 2, "sessions %v", reshares)
}

// TestLostShareIsResharedBackIn: a member that reports a share generation below the
// confirmed one for ready_window_blocks is reshared back in: same committee, dealers
// that still hold the share.
func TestLostShareIsResharedBackIn(t *testing.T) {
	c := newChain(t, 4)
	c.keygen()
	c.node(1).lost = true
	c.until(15, "resharing opened", func() bool { _, ok := c.openOf(types.SESSION_KIND_RESHARE); return ok })
	s, _ := c.openOf(types.SESSION_KIND_RESHARE)
	require.Equal(t, []uint64{2, 3, 4}, ids(s.OldParties), "the member without its share does not deal")
	require.Equal(t, []uint64{1, 2, 3, 4}, ids(s.NewParties))
	c.node(1).lost = false // it gets its new share
	c.block()
	pk, _ := c.poolKey()
	require.EqualValues(t, 2, pk.Generation)
	c.run(10)
	_, open := c.openOf(types.SESSION_KIND_RESHARE)
	require.False(t, open)
}

// TestReshareImpossibleRaisesAlarmOnce: with fewer than t_old+1 members of the
// confirmed committee able to deal, no resharing opens; EventReshareImpossible is
// raised once; the key stays with the confirmed committee; the resharing opens when
// enough dealers return.
func TestReshareImpossibleRaisesAlarmOnce(t *testing.T) {
	c := newChain(t, 4)
	c.keygen()
	// Two of four members stop: t_old+1 = 3 dealers cannot be found. Two newcomers keep
	// the candidate committee above min_parties.
	c.deactivate(3)
	c.deactivate(4)
	c.addNode(5, 10)
	c.addNode(6, 10)
	var alarms int
	for range 15 {
		c.block()
		alarms += len(events[*types.EventReshareImpossible](c))
	}
	require.Equal(t, 1, alarms)
	_, open := c.openOf(types.SESSION_KIND_RESHARE)
	require.False(t, open)
	pk, _ := c.poolKey()
	require.EqualValues(t, 1, pk.Generation)
	prog, err := c.k.Progress.Get(c.ctx)
	require.NoError(t, err)
	require.True(t, prog.Stuck)

	c.activate(c.node(3)) // a dealer comes back
	c.until(10, "resharing opened", func() bool { _, ok := c.openOf(types.SESSION_KIND_RESHARE); return ok })
	s, _ := c.openOf(types.SESSION_KIND_RESHARE)
	require.Equal(t, []uint64{1, 2, 3}, ids(s.OldParties))
}

// TestResharingBelowMinPartiesKeepsTheKey: a candidate committee smaller than
// min_parties is not reshared to; the event says so once.
func TestResharingBelowMinPartiesKeepsTheKey(t *testing.T) {
	c := newChain(t, 3)
	c.keygen()
	c.deactivate(3)
	var alarms int
	for range 10 {
		c.block()
		alarms += len(events[*types.EventCommitteeBelowMinimum](c))
	}
	require.Equal(t, 1, alarms)
	require.Empty(t, c.open())
}

// TestResharingTimeoutRotatesDealers: a resharing that times out is retried with
// attempt 1 and another subset of dealers.
func TestResharingTimeoutRotatesDealers(t *testing.T) {
	c := newChain(t, 5)
	c.keygen()
	c.addNode(6, 10)
	for _, n := range c.nodes {
		n.engine = false
	}
	c.until(10, "resharing opened", func() bool { _, ok := c.openOf(types.SESSION_KIND_RESHARE); return ok })
	first, _ := c.openOf(types.SESSION_KIND_RESHARE)
	for c.height < first.DeadlineHeight {
		c.block()
	}
	retry, ok := c.openOf(types.SESSION_KIND_RESHARE)
	require.True(t, ok)
	require.EqualValues(t, 1, retry.Attempt)
	require.NotEqual(t, ids(first.OldParties), ids(retry.OldParties))
	require.Equal(t, types.SESSION_STATUS_TIMED_OUT, c.session(first.Number).Status)
	c.checkInvariants()
}
