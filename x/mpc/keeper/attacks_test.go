package keeper_test

import (
	"testing"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/x/mpc/types"
)

// openKeygen runs a chain of n to its first keygen with every engine silent.
func openKeygen(t *testing.T, n int) (*chain, types.Session) {
	c := newChain(t, n)
	for _, nd := range c.nodes {
		nd.engine = false
	}
	c.until(10, "keygen opened", func() bool { _, ok := c.openOf(types.SESSION_KIND_KEYGEN); return ok })
	s, _ := c.openOf(types.SESSION_KIND_KEYGEN)
	return c, s
}

// TestMinorityFakePublicKeyCannotConfirm: parties under 2/3 reporting a key of their
// own (whose secret they know) can neither confirm it nor stop the honest key.
func TestMinorityFakePublicKeyCannotConfirm(t *testing.T) {
	c, s := openKeygen(t, 7) // more than 2/3 is 5
	fake := crypto33(privOf("attacker", 1))
	for _, id := range []uint64{1, 2} {
		c.node(id).results = []*types.SessionResult{{SessionKey: s.SessionKey, PublicKey: fake}}
	}
	c.run(3)
	_, ok := c.poolKey()
	require.False(t, ok)
	for _, id := range []uint64{3, 4, 5, 6} {
		c.node(id).engine = true
	}
	c.block()
	_, ok = c.poolKey()
	require.False(t, ok, "4 honest of 7 is not more than 2/3 either")
	c.node(7).engine = true
	c.block()
	pk, ok := c.poolKey()
	require.True(t, ok)
	require.Equal(t, c.groupPub(), pk.PublicKey)
}

// TestOneValidatorCannotConfirmAKeygen: one validator reporting in the name of every
// party (its own report, many heights) confirms nothing: each party's voice counts
// only from that party's own validator.
func TestOneValidatorCannotConfirmAKeygen(t *testing.T) {
	c, s := openKeygen(t, 4)
	fake := crypto33(privOf("attacker", 2))
	c.node(1).results = []*types.SessionResult{{SessionKey: s.SessionKey, PublicKey: fake}}
	c.run(8)
	_, ok := c.poolKey()
	require.False(t, ok)
	for c.height < s.DeadlineHeight {
		c.block()
	}
	require.Equal(t, types.SESSION_STATUS_TIMED_OUT, c.session(s.Number).Status)
}

// TestResharingIgnoresAnotherKey: new parties reporting a key other than the pool key
// after a resharing prove nothing and change nothing; the pool key stays.
func TestResharingIgnoresAnotherKey(t *testing.T) {
	c := newChain(t, 4)
	pk := c.keygen()
	c.addNode(5, 10)
	for _, n := range c.nodes {
		n.engine = false
	}
	c.until(10, "resharing opened", func() bool { _, ok := c.openOf(types.SESSION_KIND_RESHARE); return ok })
	s, _ := c.openOf(types.SESSION_KIND_RESHARE)
	fake := crypto33(privOf("attacker", 3))
	for _, n := range c.nodes {
		n.results = []*types.SessionResult{{SessionKey: s.SessionKey, PublicKey: fake}}
	}
	c.run(3)
	now, _ := c.poolKey()
	require.Equal(t, pk, now, "even all parties agreeing on another key is no resharing")
}

// TestSignatureNotRecoveringToThePoolIsIgnored: a well-formed signature of the digest by
// another key, or the pool's signature of another digest, signs nothing.
func TestSignatureNotRecoveringToThePoolIsIgnored(t *testing.T) {
	c, s := openSign(t, 4)
	other, err := crypto.Sign(s.Digest, privOf("attacker", 4))
	require.NoError(t, err)
	c.node(1).results = []*types.SessionResult{{SessionKey: s.SessionKey, Signature: other}}
	c.node(2).results = []*types.SessionResult{{SessionKey: s.SessionKey, Signature: c.sign(digestOf("something else"))}}
	c.run(3)
	require.Equal(t, types.SIGN_REQUEST_STATUS_SIGNING, c.request(s.SignRequestId).Status)
	require.Equal(t, types.SESSION_STATUS_OPEN, c.session(s.Number).Status)
	// A high-S twin of the pool's own signature never passes CheckReport.
	high := highS(c.sign(s.Digest))
	bad := types.MpcReport{Results: []*types.SessionResult{{SessionKey: s.SessionKey, Signature: high}}}
	bz, err := bad.Marshal()
	require.NoError(t, err)
	require.ErrorIs(t, c.k.CheckReport(bz), types.ErrInvalidReport)
}

// TestNonPartyBlameDoesNotCount: claims from validators outside the session, however
// many, record nothing.
func TestNonPartyBlameDoesNotCount(t *testing.T) {
	c, s := openSign(t, 7) // t = 4: signers 1..5, others 6 and 7
	require.Equal(t, []uint64{1, 2, 3, 4, 5}, ids(s.Signers))
	for _, v := range []uint64{6, 7, 1, 2} {
		c.node(v).blames = claim(s, c.node(3), types.BLAME_REASON_INVALID)
	}
	c.run(2)
	require.Empty(t, c.blames(), "2 signers of 4 others, plus 2 outsiders")
	// Nor can an outsider be blamed.
	for _, v := range []uint64{1, 2, 3, 4, 5} {
		c.node(v).blames = claim(s, c.node(6), types.BLAME_REASON_MISSING)
	}
	c.run(2)
	require.Empty(t, c.blames())
}

// TestReportForASessionOfOthersChangesNothing: a validator that is no party of a
// keygen reporting its result (the right key, even) adds no voice.
func TestReportForASessionOfOthersChangesNothing(t *testing.T) {
	c, s := openKeygen(t, 4)
	c.deactivate(4) // 4 is no longer a candidate, but still a party of s
	c.addNode(9, 10)
	for _, id := range []uint64{1, 2, 9} {
		c.node(id).results = []*types.SessionResult{{SessionKey: s.SessionKey, PublicKey: c.groupPub()}}
	}
	c.run(3)
	_, ok := c.poolKey()
	require.False(t, ok, "9 is not a party: 2 voices of 4")
	votes, err := c.k.ExportGenesis(c.ctx)
	require.NoError(t, err)
	for _, v := range votes.Voices {
		require.NotEqual(t, uint64(9), v.SequencerId)
	}
}

// TestReplayedResultOfAnOldSessionDoesNothing: results are bound to the session key
// (chain id, number, kind, attempt): the confirmed key of an old keygen, replayed for
// its timed-out session or named by the old key into the retry, confirms nothing.
func TestReplayedResultOfAnOldSessionDoesNothing(t *testing.T) {
	c, first := openKeygen(t, 4)
	for c.height < first.DeadlineHeight {
		c.block()
	}
	retry, ok := c.openOf(types.SESSION_KIND_KEYGEN)
	require.True(t, ok)
	require.NotEqual(t, first.SessionKey, retry.SessionKey)
	for _, n := range c.nodes {
		n.results = []*types.SessionResult{{SessionKey: first.SessionKey, PublicKey: c.groupPub()}}
	}
	c.run(3)
	_, ok = c.poolKey()
	require.False(t, ok, "results for the closed session count for nothing")
	require.Equal(t, types.SESSION_STATUS_TIMED_OUT, c.session(first.Number).Status)

	// A signature is bound to its request's digest: the pool's signature for one
	// request does not sign another.
	for _, n := range c.nodes {
		n.results = nil
		n.engine = true
	}
	c.keygen()
	for _, n := range c.nodes {
		n.engine = false
	}
	a, b := c.requestSig("a"), c.requestSig("b")
	c.block()
	sa, sb := c.session(c.request(a).Session), c.session(c.request(b).Session)
	c.node(1).results = []*types.SessionResult{{SessionKey: sb.SessionKey, Signature: c.sign(sa.Digest)}}
	c.run(2)
	require.Equal(t, types.SIGN_REQUEST_STATUS_SIGNING, c.request(b).Status)
}

// TestBadSignaturesCostOneRecoveryPerValidator: a validator whose signature does not
// recover to the pool address gets no further recovery in that block (each costs
// about 50 µs), so junk signatures cannot make PreBlock slow; its valid signature is
// taken in a later block.
func TestBadSignaturesCostOneRecoveryPerValidator(t *testing.T) {
	c, s := openSign(t, 4)
	junk, err := crypto.Sign(s.Digest, privOf("attacker", 5))
	require.NoError(t, err)
	b := c.requestSig("second")
	c.block()
	s2 := c.session(c.request(b).Session)
	c.node(4).results = []*types.SessionResult{
		{SessionKey: s.SessionKey, Signature: junk},
		{SessionKey: s2.SessionKey, Signature: c.sign(s2.Digest)},
	}
	c.block()
	require.Equal(t, types.SIGN_REQUEST_STATUS_SIGNING, c.request(b).Status, "skipped after the junk")
	c.node(4).results = c.node(4).results[1:]
	c.block()
	require.Equal(t, types.SIGN_REQUEST_STATUS_SIGNED, c.request(b).Status)
}

// TestFlapperCannotVetoTheFirstKeygen: one validator flipping its ready flag faster
// than the settle period cannot keep restarting the committee's settle clock: it is
// simply not a candidate, and the keygen opens without it.
func TestFlapperCannotVetoTheFirstKeygen(t *testing.T) {
	c := newChain(t, 5)
	flapper := c.node(5)
	opened := false
	for i := range 60 {
		flapper.ready = i%2 == 0
		c.block()
		if s, open := c.openOf(types.SESSION_KIND_KEYGEN); open {
			require.NotContains(t, ids(s.NewParties), uint64(5))
			opened = true
			break
		}
	}
	require.True(t, opened, "the keygen never opened")
}
