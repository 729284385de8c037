package keeper_test

import (
	"bytes"
	"testing"

	"cosmossdk.io/math"
	"github.com/cosmos/gogoproto/proto"
	"github.com/stretchr/testify/require"

	sequencertest "github.com/themis-network/themis/testutil/sequencer"
	"github.com/themis-network/themis/x/sequencer/types"
	"github.com/themis-network/themis/x/voteext"
)

func TestResolve_RejectedAppliesNothing(t *testing.T) {
	e := sqPool(t)
	pub, _ := e.NewKey()
	lock := e.LockMsg(2, sqOwner(1), pub, sqTokens(30_000))
	id := e.MustRelay(lock)
	before := sqDump(t, e)
	items, err := e.K.Pending(e.Ctx, 10, voteext.VoteRound{})
	require.NoError(t, err)
	require.Len(t, items, 1)

	e.FreshEvents()
	require.NoError(t, e.K.Resolve(e.Ctx, items[0].Digest, voteext.OutcomeRejected))
	after := sqDump(t, e)
	require.Equal(t, before.withoutQueue(), after.withoutQueue(), "nothing but the queue changes")
	require.Empty(t, after.Pending)
	require.Empty(t, after.PendingDigests)
	require.Zero(t, after.PendingCount)
	_, err = e.K.GetSequencer(e.Ctx, 2)
	require.ErrorIs(t, err, types.ErrSequencerNotFound)
	rej := sqRejections(t, e)
	require.Len(t, rej, 1)
	require.Equal(t, types.EventL1EventRejected{PendingId: id, MsgType: "/themis.sequencer.v1.MsgLocked", Event: lock.Event,
		Reason: "at least 1/3 of power found the event does not match L1"}, *rej[0])
	require.Empty(t, sequencertest.TypedEvents[*types.EventL1EventApplied](t, e.Ctx))

	// The log is not marked applied: the genuine event may be relayed again.
	require.Equal(t, id+1, e.MustRelay(lock))
}

func TestResolve_UnknownDigestIsNoOp(t *testing.T) {
	e := sqPool(t)
	m := e.RelockMsg(sqSeq1, 2, sqTokens(1), sqTokens(30_001))
	e.MustRelay(m)
	items, err := e.K.Pending(e.Ctx, 10, voteext.VoteRound{})
	require.NoError(t, err)
	digest := items[0].Digest
	before := sqDump(t, e)
	e.FreshEvents()

	flipped := append([]byte(nil), digest...)
	flipped[0] ^= 1
	for _, outcome := range []voteext.Outcome{voteext.OutcomeApproved, voteext.OutcomeRejected} {
		require.NoError(t, e.K.Resolve(e.Ctx, flipped, outcome))
		require.NoError(t, e.K.Resolve(e.Ctx, nil, outcome))
		require.NoError(t, e.K.Resolve(e.Ctx, digest[:31], outcome))
		require.NoError(t, e.K.Resolve(e.Ctx, append(bytes.Clone(digest), 0), outcome))
	}
	require.Equal(t, before, sqDump(t, e))
	require.Empty(t, e.Ctx.EventManager().Events())

	// With the right digest it applies; resolving it again is then a no-op too.
	require.NoError(t, e.K.Resolve(e.Ctx, digest, voteext.OutcomeApproved))
	require.Equal(t, sqTokens(30_001), e.Seq(sqSeq1).Locked)
	applied := sqDump(t, e)
	require.NoError(t, e.K.Resolve(e.Ctx, digest, voteext.OutcomeApproved))
	require.NoError(t, e.K.Resolve(e.Ctx, digest, voteext.OutcomeRejected))
	require.Equal(t, applied, sqDump(t, e))
}

// An approved event is refused at apply time only when it is a replay: its log or its
// lock id was taken by an event applied first. It is dropped with its reason, and
// nothing of it is applied.
func TestResolve_ApplyTimeFailureChangesNothing(t *testing.T) {
	cases := []struct {
		name string
		// queue relays what must fail, after any other events; it returns the
		// pending id expected to fail.
		queue func(t *testing.T, e *sequencertest.Env) uint64
		want  error
	}{
		{"two locks with one id", func(_ *testing.T, e *sequencertest.Env) uint64 {
			pub, _ := e.NewKey()
			pub2, _ := e.NewKey()
			e.MustRelay(e.LockMsg(2, sqOwner(1), pub, sqTokens(30_000)))
			return e.MustRelay(e.LockMsg(2, sqOwner(1), pub2, sqTokens(30_000)))
		}, types.ErrSequencerExists},
		{"two relays of one log with different content", func(_ *testing.T, e *sequencertest.Env) uint64 {
			a := e.RelockMsg(sqSeq1, 2, sqTokens(1), sqTokens(30_001))
			b := e.RelockMsg(sqSeq1, 3, sqTokens(2), sqTokens(30_003))
			b.Event = a.Event
			e.MustRelay(a)
			return e.MustRelay(b)
		}, types.ErrEventAlreadyApplied},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e := sqPool(t)
			failing := tc.queue(t, e)
			// Apply everything before the failing item, then snapshot.
			items, err := e.K.Pending(e.Ctx, 100, voteext.VoteRound{})
			require.NoError(t, err)
			var target voteext.SideTx
			for _, it := range items {
				if it.ID == failing {
					target = it
					continue
				}
				require.NoError(t, e.K.Resolve(e.Ctx, it.Digest, voteext.OutcomeApproved))
			}
			require.Equal(t, failing, target.ID)
			require.Equal(t, []uint64{failing}, e.PendingIDs(), "the others applied")

			before := sqDump(t, e)
			e.FreshEvents()
			require.NoError(t, e.K.Resolve(e.Ctx, target.Digest, voteext.OutcomeApproved))
			after := sqDump(t, e)
			require.Equal(t, before.withoutQueue(), after.withoutQueue(), "no half-applied state")
			require.Empty(t, after.Pending, "dropped")
			require.Zero(t, after.PendingCount)
			sqRequireRejectedWith(t, e, failing, tc.want)
			require.Empty(t, sequencertest.TypedEvents[*types.EventL1EventApplied](t, e.Ctx))
			require.Empty(t, sequencertest.TypedEvents[*types.EventStakeChanged](t, e.Ctx), "no event of the failed branch leaks")
			require.Empty(t, sequencertest.TypedEvents[*types.EventSequencerStatusChanged](t, e.Ctx))
		})
	}
}

// What used to be refused at apply time for a policy reason (and wedged the nonce) is
// applied as L1 says, with the alarm's reason; the nonce moves on.
func TestResolve_ApprovedPolicyDisagreementsApply(t *testing.T) {
	cases := []struct {
		name string
		// queue relays any events before the one under test (and maybe that one), and returns it.
		queue func(t *testing.T, e *sequencertest.Env) types.L1EventMsg
		want  []types.DisagreementReason
	}{
		{"withdraw total + amount is not locked", func(_ *testing.T, e *sequencertest.Env) types.L1EventMsg {
			return e.WithdrawMsg(sqSeq1, 2, sqTokens(1), sqTokens(25_000))
		}, []types.DisagreementReason{types.DISAGREEMENT_REASON_AMOUNT_MISMATCH}},
		{"relock total is not locked + amount", func(_ *testing.T, e *sequencertest.Env) types.L1EventMsg {
			return e.RelockMsg(sqSeq1, 2, sqTokens(5), sqTokens(40_000))
		}, []types.DisagreementReason{types.DISAGREEMENT_REASON_AMOUNT_MISMATCH}},
		{"claim without unlock", func(_ *testing.T, e *sequencertest.Env) types.L1EventMsg {
			return e.UnlockClaimMsg(sqSeq1, 2, sqTokens(30_000))
		}, []types.DisagreementReason{types.DISAGREEMENT_REASON_STATUS_MISMATCH}},
		{"relock applied after the claim", func(_ *testing.T, e *sequencertest.Env) types.L1EventMsg {
			e.MustRelay(e.UnlockInitMsg(sqSeq1, 2))
			e.MustRelay(e.UnlockClaimMsg(sqSeq1, 3, sqTokens(30_000)))
			return e.RelockMsg(sqSeq1, 4, sqTokens(1), sqTokens(1))
		}, []types.DisagreementReason{types.DISAGREEMENT_REASON_STATUS_MISMATCH}},
		{"withdraw applied after an unlock", func(_ *testing.T, e *sequencertest.Env) types.L1EventMsg {
			e.MustRelay(e.UnlockInitMsg(sqSeq1, 2))
			return e.WithdrawMsg(sqSeq1, 3, sqTokens(1), sqTokens(29_999))
		}, []types.DisagreementReason{types.DISAGREEMENT_REASON_STATUS_MISMATCH}},
		{"second unlock applied after the first", func(_ *testing.T, e *sequencertest.Env) types.L1EventMsg {
			e.MustRelay(e.UnlockInitMsg(sqSeq1, 2))
			return e.UnlockInitMsg(sqSeq1, 3)
		}, []types.DisagreementReason{types.DISAGREEMENT_REASON_STATUS_MISMATCH}},
		{"lock of an owner removed while pending", func(t *testing.T, e *sequencertest.Env) types.L1EventMsg {
			e.Whitelist(sqOwner(9))
			pub, _ := e.NewKey()
			m := e.LockMsg(2, sqOwner(9), pub, sqTokens(30_000))
			e.MustRelay(m)
			_, err := e.Msg.UpdateWhitelist(e.Ctx, &types.MsgUpdateWhitelist{Authority: e.Authority, Remove: []string{sqOwner(9)}})
			require.NoError(t, err)
			return m
		}, []types.DisagreementReason{types.DISAGREEMENT_REASON_NOT_WHITELISTED}},
		{"lock of an owner banned while pending", func(t *testing.T, e *sequencertest.Env) types.L1EventMsg {
			pub, _ := e.NewKey()
			m := e.LockMsg(2, sqOwner(1), pub, sqTokens(30_000))
			e.MustRelay(m)
			require.NoError(t, e.K.Banned.Set(e.Ctx, sqOwner(1)))
			return m
		}, []types.DisagreementReason{types.DISAGREEMENT_REASON_BANNED}},
		{"two locks with one signer", func(_ *testing.T, e *sequencertest.Env) types.L1EventMsg {
			pub, _ := e.NewKey()
			e.MustRelay(e.LockMsg(2, sqOwner(1), pub, sqTokens(30_000)))
			return e.LockMsg(3, sqOwner(1), pub, sqTokens(30_000))
		}, []types.DisagreementReason{types.DISAGREEMENT_REASON_SIGNER_CONFLICT}},
		{"signer change to a key a lock took first", func(_ *testing.T, e *sequencertest.Env) types.L1EventMsg {
			pub, _ := e.NewKey()
			e.MustRelay(e.LockMsg(2, sqOwner(1), pub, sqTokens(30_000)))
			return e.SignerChangeMsg(sqSeq1, 2, pub)
		}, []types.DisagreementReason{types.DISAGREEMENT_REASON_SIGNER_CONFLICT}},
		{"signer change to a key banned while pending", func(t *testing.T, e *sequencertest.Env) types.L1EventMsg {
			pub, key := e.NewKey()
			m := e.SignerChangeMsg(sqSeq1, 2, pub)
			e.MustRelay(m)
			require.NoError(t, e.K.Banned.Set(e.Ctx, key.L1Address()))
			return m
		}, []types.DisagreementReason{types.DISAGREEMENT_REASON_BANNED}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e := sqPool(t)
			msg := tc.queue(t, e)
			if !sqIsPending(t, e, msg) {
				e.MustRelay(msg)
			}
			e.FreshEvents()
			for e.PendingCount() > 0 {
				before := e.PendingCount()
				e.ApproveAll()
				require.Less(t, e.PendingCount(), before, "every approved event applies in nonce order")
			}
			require.Empty(t, sqRejections(t, e), "nothing is refused")
			require.Equal(t, msg.GetNonce(), e.Seq(msg.GetSequencerId()).L1Nonce, "the nonce moved on")
			applied, err := e.K.AppliedEvents.Has(e.Ctx, types.EventKey(msg.GetEvent()))
			require.NoError(t, err)
			require.True(t, applied)
			require.Equal(t, tc.want, sqReasons(sqDisagreement(t, e, msg.GetSequencerId(), msg.GetNonce())))
		})
	}
}

func sqIsPending(t *testing.T, e *sequencertest.Env, msg types.L1EventMsg) bool {
	t.Helper()
	_, _, digest, err := types.EncodePendingEvent(msg)
	require.NoError(t, err)
	has, err := e.K.PendingDigests.Has(e.Ctx, digest)
	require.NoError(t, err)
	return has
}

// A future nonce queues fine but is applied only after its predecessor.
func TestResolve_FutureNonceWaitsForPredecessor(t *testing.T) {
	e := sqPool(t)
	n4 := e.RelockMsg(sqSeq1, 4, sqTokens(100), sqTokens(30_300))
	n3 := e.RelockMsg(sqSeq1, 3, sqTokens(100), sqTokens(30_200))
	n2 := e.RelockMsg(sqSeq1, 2, sqTokens(100), sqTokens(30_100))
	id4, id3 := e.MustRelay(n4), e.MustRelay(n3)

	// Nothing can apply yet: both wait for nonce 2, approved, without another vote.
	before := e.Seq(sqSeq1)
	e.FreshEvents()
	e.ApproveAll()
	require.Equal(t, before, e.Seq(sqSeq1), "a future nonce changes nothing yet")
	require.Empty(t, e.Ctx.EventManager().Events())
	require.Equal(t, []uint64{id4, id3}, e.PendingIDs())
	for _, id := range []uint64{id4, id3} {
		p, err := e.K.PendingEvents.Get(e.Ctx, id)
		require.NoError(t, err)
		require.True(t, p.Approved, "kept as approved")
	}
	window, err := e.K.Pending(e.Ctx, 10, voteext.VoteRound{})
	require.NoError(t, err)
	require.Empty(t, window, "approved items are not voted on again")

	// Nonce 2 is approved: it applies, then 3 and 4 follow in the same block.
	id2 := e.MustRelay(n2)
	e.FreshEvents()
	require.NoError(t, e.K.Resolve(e.Ctx, sqDigest(t, n2), voteext.OutcomeApproved))
	require.Empty(t, e.PendingIDs())
	require.Equal(t, uint64(4), e.Seq(sqSeq1).L1Nonce)
	require.Equal(t, sqTokens(30_300), e.Seq(sqSeq1).Locked)

	var order []uint64
	for _, ev := range sequencertest.TypedEvents[*types.EventL1EventApplied](t, e.Ctx) {
		order = append(order, ev.PendingId)
	}
	require.Equal(t, []uint64{id2, id3, id4}, order, "applied in nonce order, not relay order")
	require.Empty(t, sqRejections(t, e))
}

// A queued event whose nonce became stale by the time it is approved is dropped.
func TestResolve_StaleAtApplyIsDropped(t *testing.T) {
	e := sqPool(t)
	a := e.RelockMsg(sqSeq1, 2, sqTokens(1), sqTokens(30_001))
	b := e.UnlockInitMsg(sqSeq1, 2) // a conflicting event claiming the same nonce
	idA, idB := e.MustRelay(a), e.MustRelay(b)
	e.FreshEvents()
	e.ApproveAll()
	require.Equal(t, sqTokens(30_001), e.Seq(sqSeq1).Locked)
	require.Equal(t, types.SEQUENCER_STATUS_ACTIVE, e.Seq(sqSeq1).Status)
	require.NotEqual(t, idA, idB)
	sqRequireRejectedWith(t, e, idB, types.ErrNonceOutOfOrder)
}

func TestExpire_PendingOlderThanTTL(t *testing.T) {
	e := sqPool(t)
	p := types.DefaultParams()
	p.EventTtlBlocks = 5
	_, err := e.Msg.UpdateParams(e.Ctx, &types.MsgUpdateParams{Authority: e.Authority, Params: p})
	require.NoError(t, err)

	a := e.RelockMsg(sqSeq1, 3, sqTokens(1), sqTokens(30_001)) // future nonce: never applies alone
	idA := e.MustRelay(a)                                      // at height 10
	e.AtHeight(12)
	idB := e.MustRelay(e.UnlockInitMsg(sqSeq1, 5)) // at height 12
	e.AtHeight(13)
	idC := e.MustRelay(e.UnlockInitMsg(sqSeq1, 6)) // at height 13

	// At height 15 = 10 + ttl everything is still within its ttl.
	e.AtHeight(15)
	require.NoError(t, e.K.ExpirePending(e.Ctx))
	require.Equal(t, []uint64{idA, idB, idC}, e.PendingIDs())

	e.AtHeight(16)
	e.FreshEvents()
	require.NoError(t, e.K.ExpirePending(e.Ctx))
	require.Equal(t, []uint64{idB, idC}, e.PendingIDs())
	require.Equal(t, uint64(2), e.PendingCount())
	exp := sequencertest.TypedEvents[*types.EventL1EventExpired](t, e.Ctx)
	require.Equal(t, []*types.EventL1EventExpired{{PendingId: idA, MsgType: "/themis.sequencer.v1.MsgRelocked", Event: a.Event, Reason: "waited more than 5 blocks"}}, exp)
	applied, err := e.K.AppliedEvents.Has(e.Ctx, types.EventKey(a.Event))
	require.NoError(t, err)
	require.False(t, applied, "an expired event may be relayed again")
	require.Equal(t, idC+1, e.MustRelay(a))

	// EndBlock expires too; 18 expires B (12+5 < 18) but keeps C (13+5 = 18).
	e.AtHeight(18)
	_, err = e.K.EndBlock(e.Ctx)
	require.NoError(t, err)
	require.Equal(t, []uint64{idC, idC + 1}, e.PendingIDs())
	state := sqDump(t, e)
	require.Len(t, state.PendingDigests, 2)
	require.Equal(t, uint64(2), state.PendingCount)
}

func TestPending_OldestFirstWithLimit(t *testing.T) {
	e := sqPool(t)
	var msgs []types.L1EventMsg
	for n := uint64(2); n <= 6; n++ {
		m := e.RelockMsg(sqSeq1, n, sqTokens(1), sqTokens(30_000+int64(n)-1))
		msgs = append(msgs, m)
		e.MustRelay(m)
	}
	require.Equal(t, "sequencer", e.K.Module())

	all, err := e.K.Pending(e.Ctx, 100, voteext.VoteRound{})
	require.NoError(t, err)
	require.Len(t, all, 5)
	for i, it := range all {
		require.Equal(t, uint64(i+2), it.ID)
		_, _, digest, err := types.EncodePendingEvent(msgs[i])
		require.NoError(t, err)
		require.Equal(t, digest, it.Digest)
		require.Len(t, it.Digest, 32)
		sqRequireSameMsg(t, msgs[i], it.Msg)
	}
	two, err := e.K.Pending(e.Ctx, 2, voteext.VoteRound{})
	require.NoError(t, err)
	require.Equal(t, all[:2], two)
	one, err := e.K.Pending(e.Ctx, 1, voteext.VoteRound{})
	require.NoError(t, err)
	require.Equal(t, all[:1], one)
}

func TestPending_EventCodec(t *testing.T) {
	e := sqPool(t)
	pub, _ := e.NewKey()
	msgs := []types.L1EventMsg{
		e.LockMsg(2, sqOwner(1), pub, sqTokens(30_000)),
		e.RelockMsg(sqSeq1, 2, sqTokens(1), sqTokens(30_001)),
		e.WithdrawMsg(sqSeq1, 2, sqTokens(1), sqTokens(29_999)),
		e.UnlockInitMsg(sqSeq1, 2),
		e.UnlockClaimMsg(sqSeq1, 2, math.ZeroInt()),
		e.SignerChangeMsg(sqSeq1, 2, pub),
	}
	digests := map[string]bool{}
	for _, m := range msgs {
		msgType, bz, digest, err := types.EncodePendingEvent(m)
		require.NoError(t, err)
		require.Equal(t, "/"+proto.MessageName(m), msgType)
		// The digest is over the content without the submitter.
		decoded, err := types.DecodePendingEvent(types.PendingEvent{Msg: bz, MsgType: msgType})
		require.NoError(t, err)
		decoded.SetSubmitter("")
		content, err := proto.Marshal(decoded)
		require.NoError(t, err)
		require.Equal(t, types.Digest(append(append([]byte(msgType), 0), content...)), digest)
		require.False(t, digests[string(digest)])
		digests[string(digest)] = true

		got, err := types.DecodePendingEvent(types.PendingEvent{Id: 1, Digest: digest, Msg: bz, MsgType: msgType})
		require.NoError(t, err)
		sqRequireSameMsg(t, m, got)

		// Encoding is deterministic.
		_, bz2, digest2, err := types.EncodePendingEvent(m)
		require.NoError(t, err)
		require.Equal(t, bz, bz2)
		require.Equal(t, digest, digest2)
	}

	_, err := types.DecodePendingEvent(types.PendingEvent{Id: 9, Msg: []byte{1}, MsgType: "/cosmos.bank.v1beta1.MsgSend"})
	require.ErrorContains(t, err, "unknown type")
	_, err = types.DecodePendingEvent(types.PendingEvent{Id: 9, Msg: []byte{0xff, 0xff, 0xff}, MsgType: "/themis.sequencer.v1.MsgRelocked"})
	require.ErrorContains(t, err, "pending event 9")

	// The digest binds the type: the same bytes under another type differ.
	_, bz, d1, err := types.EncodePendingEvent(msgs[3])
	require.NoError(t, err)
	other := types.Digest(append(append([]byte("/themis.sequencer.v1.MsgUnlockClaimed"), 0), bz...))
	require.NotEqual(t, d1, other)
}

// A limit of zero asks for nothing and gets nothing.
func TestPendingLimitZeroReturnsNothing(t *testing.T) {
	e := sqPool(t)
	e.MustRelay(e.RelockMsg(sqSeq1, 2, sqTokens(1), sqTokens(30_001)))
	items, err := e.K.Pending(e.Ctx, 0, voteext.VoteRound{})
	require.NoError(t, err)
	require.Empty(t, items)
}

func sqDigest(t *testing.T, msg types.L1EventMsg) []byte {
	t.Helper()
	_, _, digest, err := types.EncodePendingEvent(msg)
	require.NoError(t, err)
	return digest
}
