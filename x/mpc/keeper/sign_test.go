package keeper_test

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/x/mpc/types"
)

// TestRequestSignatureComputesTheDigest: the chain hashes the typed payload itself;
// an unknown type, a payload the type refuses and an oversized payload are errors and
// store nothing.
func TestRequestSignatureComputesTheDigest(t *testing.T) {
	c := newChain(t, 4)
	id := c.requestSig("batch 1")
	r := c.request(id)
	require.EqualValues(t, 1, id)
	require.Equal(t, digestOf("batch 1"), r.Digest)
	require.Equal(t, types.SIGN_REQUEST_STATUS_QUEUED, r.Status)
	require.Equal(t, "test_payload", r.PayloadType)
	require.Len(t, events[*types.EventSignRequested](c), 1)

	_, err := c.k.RequestSignature(c.ctx, "raw_hash", make([]byte, 32))
	require.ErrorIs(t, err, types.ErrUnknownPayloadType)
	_, err = c.k.RequestSignature(c.ctx, "test_payload", nil)
	require.ErrorIs(t, err, types.ErrInvalidPayload)
	_, err = c.k.RequestSignature(c.ctx, "test_payload", make([]byte, types.MaxPayloadBytes+1))
	require.ErrorIs(t, err, types.ErrInvalidPayload)
	require.EqualValues(t, 2, c.requestSig("batch 2"), "refused requests took no id")

	require.ErrorIs(t, c.k.RegisterPayloadType(c.payloads), types.ErrPayloadTypeExists)
}

// TestSignWaitsForPoolKey: a request queued before the first keygen gets a session
// once the key is confirmed.
func TestSignWaitsForPoolKey(t *testing.T) {
	c := newChain(t, 4)
	id := c.requestSig("early")
	c.run(3)
	require.Equal(t, types.SIGN_REQUEST_STATUS_QUEUED, c.request(id).Status)
	c.keygen()
	c.until(5, "signed", func() bool { return c.request(id).Status == types.SIGN_REQUEST_STATUS_SIGNED })
}

// TestSignRequestIsSignedByThePoolKey: the request gets a sign session of exactly t+1
// members of the confirmed committee at its generation; the first report of a
// signature that recovers to the pool address signs it and calls OnSigned.
func TestSignRequestIsSignedByThePoolKey(t *testing.T) {
	c := newChain(t, 4)
	pk := c.keygen()
	for _, n := range c.nodes {
		n.engine = false
	}
	id := c.requestSig("batch 7")
	c.block()
	r := c.request(id)
	require.Equal(t, types.SIGN_REQUEST_STATUS_SIGNING, r.Status)
	s := c.session(r.Session)
	require.Equal(t, types.SESSION_KIND_SIGN, s.Kind)
	require.Equal(t, []uint64{1, 2, 3}, ids(s.Signers), "t+1 = 3 of the committee of 4")
	require.EqualValues(t, 2, s.Threshold)
	require.Equal(t, pk.Generation, s.Generation)
	require.Equal(t, r.Digest, s.Digest)
	require.Equal(t, id, s.SignRequestId)

	c.node(1).engine = true
	c.block()
	r = c.request(id)
	require.Equal(t, types.SIGN_REQUEST_STATUS_SIGNED, r.Status)
	require.NoError(t, types.VerifyPoolSignature(r.Digest, r.Signature, pk.Address))
	require.Equal(t, c.height, r.SignedHeight)
	require.Equal(t, types.SESSION_STATUS_COMPLETED, c.session(s.Number).Status)
	require.Equal(t, []uint64{id}, c.payloads.signed)
	require.True(t, c.callbackWrote(id))
	require.Len(t, events[*types.EventSignRequestSigned](c), 1)
	require.Empty(t, c.open())
	c.checkInvariants()
}

// TestSignatureDeliveredByANonSigner: anyone who has the signature can deliver it.
func TestSignatureDeliveredByANonSigner(t *testing.T) {
	c := newChain(t, 4)
	c.keygen()
	for _, n := range c.nodes {
		n.engine = false
	}
	id := c.requestSig("x")
	c.block()
	s := c.session(c.request(id).Session)
	require.NotContains(t, ids(s.Signers), uint64(4))
	c.node(4).results = []*types.SessionResult{{SessionKey: s.SessionKey, Signature: c.sign(s.Digest)}}
	c.block()
	require.Equal(t, types.SIGN_REQUEST_STATUS_SIGNED, c.request(id).Status)
}

// TestSignCallbackFailureLeavesTheRequestSigned: an OnSigned error keeps the request
// SIGNED with its signature, writes nothing of the callback, and is reported.
func TestSignCallbackFailureLeavesTheRequestSigned(t *testing.T) {
	c := newChain(t, 4)
	c.keygen()
	c.payloads.fail = true
	id := c.requestSig("y")
	c.until(5, "signed", func() bool { return c.request(id).Status == types.SIGN_REQUEST_STATUS_SIGNED })
	r := c.request(id)
	require.NotEmpty(t, r.Signature)
	require.Contains(t, r.CallbackError, "outbox is full")
	require.False(t, c.callbackWrote(id), "the failed callback's writes are dropped")
	ev := events[*types.EventSignCallbackFailed](c)
	require.Len(t, ev, 1)
	require.Equal(t, id, ev[0].Id)
}

// TestSignTimeoutRetriesWithAnotherSubset: a sign session nobody completes times out
// and the request is retried at once with the next attempt and another signer subset;
// retries never stop, and the request never has two open sessions.
func TestSignTimeoutRetriesWithAnotherSubset(t *testing.T) {
	c := newChain(t, 4)
	c.keygen()
	for _, n := range c.nodes {
		n.engine = false
	}
	id := c.requestSig("z")
	c.block()
	var subsets [][]uint64
	for attempt := range 6 {
		r := c.request(id)
		require.Equal(t, types.SIGN_REQUEST_STATUS_SIGNING, r.Status)
		s := c.session(r.Session)
		require.EqualValues(t, attempt, s.Attempt)
		subsets = append(subsets, ids(s.Signers))
		for c.height < s.DeadlineHeight {
			c.block()
			open := 0
			for _, o := range c.open() {
				if o.SignRequestId == id {
					open++
				}
			}
			require.Equal(t, 1, open, "one open session per request")
		}
		require.Equal(t, types.SESSION_STATUS_TIMED_OUT, c.session(s.Number).Status)
	}
	require.Equal(t, [][]uint64{{1, 2, 3}, {2, 3, 4}, {1, 3, 4}, {1, 2, 4}, {1, 2, 3}, {2, 3, 4}}, subsets)
	require.Equal(t, []uint64{1, 3, 4}, ids(c.session(c.request(id).Session).Signers))
	c.node(3).engine = true
	c.block()
	require.Equal(t, types.SIGN_REQUEST_STATUS_SIGNED, c.request(id).Status)
	c.checkInvariants()
}

// TestSignRetryPrefersReadyMembers: a member that is not ready is left out of the
// signers while enough ready members hold the share.
func TestSignRetryPrefersReadyMembers(t *testing.T) {
	c := newChain(t, 4)
	c.keygen()
	c.node(1).ready = false
	c.node(1).engine = false
	c.run(4)
	id := c.requestSig("ready first")
	c.block()
	s := c.session(c.request(id).Session)
	require.Equal(t, []uint64{2, 3, 4}, ids(s.Signers))
}

// TestSignRetryLeavesOutMembersBlamedMissing: a signer the others blamed MISSING in
// the previous attempt is left out of the retry.
func TestSignRetryLeavesOutMembersBlamedMissing(t *testing.T) {
	c := newChain(t, 5) // t = 3: 4 signers
	c.keygen()
	for _, n := range c.nodes {
		n.engine = false
	}
	id := c.requestSig("blame")
	c.block()
	s := c.session(c.request(id).Session)
	require.Equal(t, []uint64{1, 2, 3, 4}, ids(s.Signers))
	// 1, 3 and 4 (all the others) blame 2 for missing messages.
	for _, v := range []uint64{1, 3, 4} {
		c.node(v).blames = []*types.BlameClaim{{SessionKey: s.SessionKey, Accused: c.node(2).signer(), Reason: types.BLAME_REASON_MISSING}}
	}
	for c.height < s.DeadlineHeight {
		c.block()
	}
	retry := c.session(c.request(id).Session)
	require.EqualValues(t, 1, retry.Attempt)
	require.Equal(t, s.Number, retry.PreviousSession)
	require.NotContains(t, ids(retry.Signers), uint64(2))
	require.Len(t, retry.Signers, 4)
}

// TestSignSessionFailsEarlyOnARecordedBlame: once the other signers' claims record a
// blame in an open sign session (a signature needs every signer, so it cannot
// complete), the chain closes it at once and retries without the blamed party, far
// before sign_timeout_blocks; the retry signs.
func TestSignSessionFailsEarlyOnARecordedBlame(t *testing.T) {
	c := newChain(t, 4) // t = 2: 3 signers
	c.keygen()
	p, err := c.k.Params.Get(c.ctx)
	require.NoError(t, err)
	p.SignTimeoutBlocks = 30 // the default
	require.NoError(t, c.k.Params.Set(c.ctx, p))
	for _, n := range c.nodes {
		n.engine = false
	}
	id := c.requestSig("early")
	c.block()
	s := c.session(c.request(id).Session)
	require.Equal(t, []uint64{1, 2, 3}, ids(s.Signers))
	for _, v := range []uint64{1, 3} {
		c.node(v).blames = []*types.BlameClaim{{SessionKey: s.SessionKey, Accused: c.node(2).signer(), Reason: types.BLAME_REASON_MISSING}}
	}
	c.run(3)
	closed := c.session(s.Number)
	require.Equal(t, types.SESSION_STATUS_TIMED_OUT, closed.Status)
	require.LessOrEqual(t, closed.ClosedHeight, s.OpenedHeight+2, "closed on the blame (deadline %d)", s.DeadlineHeight)
	retry := c.session(c.request(id).Session)
	require.EqualValues(t, 1, retry.Attempt)
	require.NotContains(t, ids(retry.Signers), uint64(2))
	for _, v := range []uint64{1, 3, 4} {
		c.node(v).blames = nil
		c.node(v).engine = true
	}
	c.run(2)
	require.Equal(t, types.SIGN_REQUEST_STATUS_SIGNED, c.request(id).Status)
	c.checkInvariants()
}

// One signer's claim alone records no blame and closes nothing: a single member
// cannot abort a session early.
func TestOneSignersClaimDoesNotFailTheSession(t *testing.T) {
	c := newChain(t, 4)
	c.keygen()
	for _, n := range c.nodes {
		n.engine = false
	}
	id := c.requestSig("one liar")
	c.block()
	s := c.session(c.request(id).Session)
	c.node(1).blames = []*types.BlameClaim{{SessionKey: s.SessionKey, Accused: c.node(2).signer(), Reason: types.BLAME_REASON_MISSING}}
	for c.height < s.DeadlineHeight-1 {
		c.block()
	}
	require.Equal(t, types.SESSION_STATUS_OPEN, c.session(s.Number).Status, "open until its deadline")
}

// TestSignSessionsAreFIFOAndBounded: at most max_open_sign_sessions sessions are open;
// requests get them in id order.
func TestSignSessionsAreFIFOAndBounded(t *testing.T) {
	c := newChain(t, 4)
	c.keygen()
	for _, n := range c.nodes {
		n.engine = false
	}
	for i := range 6 {
		c.requestSig(string(rune('a' + i)))
	}
	c.block()
	var signing []uint64
	for _, s := range c.open() {
		signing = append(signing, s.SignRequestId)
	}
	require.Equal(t, []uint64{1, 2, 3, 4}, signing)
	require.Equal(t, types.SIGN_REQUEST_STATUS_QUEUED, c.request(5).Status)
	for _, n := range c.nodes {
		n.engine = true
	}
	c.block() // 1-4 signed in PreBlock; 5 and 6 get sessions in EndBlock
	for id := uint64(1); id <= 4; id++ {
		require.Equal(t, types.SIGN_REQUEST_STATUS_SIGNED, c.request(id).Status)
	}
	require.Equal(t, types.SIGN_REQUEST_STATUS_SIGNING, c.request(6).Status)
	c.block()
	require.Equal(t, []uint64{1, 2, 3, 4, 5, 6}, c.payloads.signed)
}

// TestSignSessionSupersededByResharing: a sign session pinned to generation 1 is
// SUPERSEDED when a resharing completes first; its request is retried on generation 2.
func TestSignSessionSupersededByResharing(t *testing.T) {
	c := newChain(t, 4)
	c.keygen()
	for _, n := range c.nodes {
		n.engine = false
	}
	id := c.requestSig("pinned")
	c.block()
	first := c.session(c.request(id).Session)
	require.EqualValues(t, 1, first.Generation)
	c.addNode(5, 10)
	c.node(5).engine = false
	c.until(10, "resharing opened", func() bool { _, ok := c.openOf(types.SESSION_KIND_RESHARE); return ok })
	rs, _ := c.openOf(types.SESSION_KIND_RESHARE)
	for _, n := range c.nodes { // the resharing completes; nobody signs meanwhile
		n.results = []*types.SessionResult{{SessionKey: rs.SessionKey, PublicKey: c.groupPub()}}
	}
	c.block()
	pk, _ := c.poolKey()
	require.EqualValues(t, 2, pk.Generation)
	require.Equal(t, types.SESSION_STATUS_SUPERSEDED, c.session(first.Number).Status)
	r := c.request(id)
	require.Equal(t, types.SIGN_REQUEST_STATUS_SIGNING, r.Status)
	retry := c.session(r.Session)
	require.EqualValues(t, 2, retry.Generation, "retried on the new generation")
	require.EqualValues(t, 1, retry.Attempt)
	require.Len(t, retry.Signers, 4, "t+1 of the new committee of 5")
	c.checkInvariants()
}

// A signer that withholds its message from an honest one stalls it, and the others
// then blame the stalled one: that alone, with only the blamed left out of the retry,
// let the framer frame a new victim on every attempt. The victim's own claim is made
// at a lower progress (it stalled first), so the session records the framer and the
// victim as a dispute; a retry leaves out a minimum cover of the disputes. One dispute
// has two ({1} and {2}: the chain cannot tell framer from victim), but once the framer
// frames a second member it is the one member in every minimum cover.
func TestAFramerIsLeftOutOfTheRetry(t *testing.T) {
	c, first := openSign(t, 4) // t = 2: 3 signers, at most 1 faulty
	id := first.SignRequestId
	frame := func(s types.Session, framer, victim uint64) {
		for _, v := range ids(s.Signers) {
			c.node(v).blames = c.missingClaim(s, victim, 4) // the others stall a round later, on the victim
		}
		c.node(victim).blames = c.missingClaim(s, framer, 3)
		c.run(3)
		closed := c.session(s.Number)
		require.Equal(t, types.SESSION_STATUS_TIMED_OUT, closed.Status)
		require.Equal(t, []types.Dispute{{A: min(framer, victim), B: max(framer, victim)}}, closed.Disputes, "only the first stall's pair")
		require.EqualValues(t, 3, closed.DisputeProgress)
	}

	require.Equal(t, []uint64{1, 2, 3}, ids(first.Signers))
	frame(first, 1, 2)
	second := c.session(c.request(id).Session)
	require.Len(t, second.Signers, 3)
	require.False(t, slices.Contains(ids(second.Signers), 1) && slices.Contains(ids(second.Signers), 2), "1 and 2 are kept apart: %v", ids(second.Signers))
	if slices.Contains(ids(second.Signers), 1) { // the rotation left the victim out: 1 frames again
		frame(second, 1, 3)
		require.Equal(t, []uint64{2, 3, 4}, ids(c.session(c.request(id).Session).Signers), "1 disputes two members: it is the cover")
	}
	for _, n := range c.nodes {
		n.blames = nil
		n.engine = n.id != 1
	}
	c.run(2)
	require.Equal(t, types.SIGN_REQUEST_STATUS_SIGNED, c.request(id).Status)
	c.checkInvariants()
}

// A request remembers a session's disputes once they are final (its blame window
// closed), so a victim's late claim still corrects them first: here the framer's
// accomplice-free frame (the others claim against the victim a round later) records
// (1,2) and the honest pair (2,3) until the victim's claim lands on the closed session
// and starts its set over. Only (1,2) is remembered, and it keeps 1 and 2 apart even
// once the session that recorded it is out of the walk's reach (its disputes wiped
// from the store here). A signed request forgets them.
func TestARequestRemembersItsFinalDisputes(t *testing.T) {
	c, first := openSign(t, 4)
	id := first.SignRequestId
	require.Equal(t, []uint64{1, 2, 3}, ids(first.Signers))
	for _, v := range []uint64{1, 3} {
		c.node(v).blames = c.missingClaim(first, 2, 4)
	}
	for c.request(id).Session == first.Number {
		c.block()
	}
	require.Empty(t, c.request(id).Disputes, "not final yet")
	require.ElementsMatch(t, []types.Dispute{{A: 1, B: 2}, {A: 2, B: 3}}, c.session(first.Number).Disputes)

	c.node(2).blames = c.missingClaim(first, 1, 3) // the victim's claim, after the retry opened
	c.block()
	require.Equal(t, []types.Dispute{{A: 1, B: 2}}, c.session(first.Number).Disputes, "started over at the lower progress")
	for _, n := range c.nodes {
		n.blames = nil
		n.engine = false // the retries time out without claims
	}
	for c.session(first.Number).BlameDeadlineHeight != 0 {
		c.block()
	}
	require.Equal(t, []types.Dispute{{A: 1, B: 2}}, c.request(id).Disputes, "the final pair, without the honest one")

	forgotten := c.session(first.Number)
	forgotten.Disputes, forgotten.DisputeProgress = nil, 0
	require.NoError(t, c.k.Sessions.Set(c.ctx, forgotten.Number, forgotten))
	for attempt := 0; attempt < 3; attempt++ {
		s := c.session(c.request(id).Session)
		require.False(t, slices.Contains(ids(s.Signers), 1) && slices.Contains(ids(s.Signers), 2), "session %d: 1 and 2 sign together", s.Number)
		for c.request(id).Session == s.Number {
			c.block()
		}
	}
	gs, err := c.k.ExportGenesis(c.ctx)
	require.NoError(t, err)
	require.NoError(t, gs.Validate())

	for _, n := range c.nodes {
		n.engine = n.id != 1
	}
	c.run(3)
	require.Equal(t, types.SIGN_REQUEST_STATUS_SIGNED, c.request(id).Status)
	require.Empty(t, c.request(id).Disputes, "a signed request forgets them")
	c.checkInvariants()
}

// Governance shortens sign_timeout_blocks while a failed session's blame window is
// open: a later session's window then closes first. The choice walks past that final
// session and still reads the earlier one live: 1 framed 2, then 3; the request's
// memory holds only (1,3) until the first window closes, and (1,2) still keeps 1 and 2
// apart (with (1,3) alone, the rotation between covers {1} and {3} signs 1 with 2).
func TestAnEarlierSessionInItsWindowCountsBehindAFinalOne(t *testing.T) {
	c, first := openSign(t, 4)
	id := first.SignRequestId
	setTimeout := func(blocks uint64) {
		p, err := c.k.Params.Get(c.ctx)
		require.NoError(t, err)
		p.SignTimeoutBlocks = blocks
		require.NoError(t, c.k.Params.Set(c.ctx, p))
	}
	frame := func(s types.Session, framer, victim uint64) {
		for _, v := range ids(s.Signers) {
			c.node(v).blames = c.missingClaim(s, victim, 4) // the others blame the victim a round later
		}
		c.node(victim).blames = c.missingClaim(s, framer, 3)
		for c.request(id).Session == s.Number {
			c.block()
		}
		for _, n := range c.nodes {
			n.blames = nil
		}
	}
	setTimeout(40)
	require.Equal(t, []uint64{1, 2, 3}, ids(first.Signers))
	frame(first, 1, 2)
	require.Equal(t, []types.Dispute{{A: 1, B: 2}}, c.session(first.Number).Disputes)

	setTimeout(2)
	second := c.session(c.request(id).Session)
	require.Equal(t, []uint64{1, 3, 4}, ids(second.Signers), "the rotation left 2 out")
	frame(second, 1, 3)
	for _, n := range c.nodes {
		n.engine = false // the retries time out without claims
	}
	for c.session(second.Number).BlameDeadlineHeight != 0 {
		c.block()
	}
	require.NotZero(t, c.session(first.Number).BlameDeadlineHeight, "the first is still in its window")
	require.Equal(t, []types.Dispute{{A: 1, B: 3}}, c.request(id).Disputes, "only the second is final")
	for attempt := 0; attempt < 4; attempt++ {
		s := c.session(c.request(id).Session)
		require.NotContains(t, ids(s.Signers), uint64(1), "session %d: 1 disputes two members, it is the cover", s.Number)
		for c.request(id).Session == s.Number {
			c.block()
		}
	}
	c.checkInvariants()
}

// A claim that caches the session for the round, a result that completes it, then a
// claim that changes its disputes, all in one block: the dispute is written to the
// completed session, not to the stale open copy the first claim cached (which would
// reopen a signed request's session forever).
func TestADisputeAfterTheResultDoesNotReopenTheSession(t *testing.T) {
	c, s := openSign(t, 4)
	id := s.SignRequestId
	require.Equal(t, []uint64{1, 2, 3}, ids(s.Signers))
	c.node(1).blames = c.missingClaim(s, 2, 5)
	c.node(2).results = []*types.SessionResult{{SessionKey: s.SessionKey, Signature: c.sign(s.Digest)}}
	c.node(3).blames = c.missingClaim(s, 1, 0)
	c.block()
	for _, n := range c.nodes {
		n.blames, n.results = nil, nil
	}
	got := c.session(s.Number)
	require.Equal(t, types.SIGN_REQUEST_STATUS_SIGNED, c.request(id).Status)
	require.Equal(t, types.SESSION_STATUS_COMPLETED, got.Status)
	require.NotEmpty(t, got.Signature)
	require.NotZero(t, got.ClosedHeight)
	gs, err := c.k.ExportGenesis(c.ctx)
	require.NoError(t, err)
	require.NoError(t, gs.Validate())
	c.checkInvariants()
}

// missingClaim is a report's MISSING claim against accused in session s, made at progress.
func (c *chain) missingClaim(s types.Session, accused uint64, progress uint32) []*types.BlameClaim {
	return []*types.BlameClaim{{SessionKey: s.SessionKey, Accused: c.node(accused).signer(), Reason: types.BLAME_REASON_MISSING, Progress: progress}}
}
