package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	sequencertest "github.com/themis-network/themis/testutil/sequencer"
	"github.com/themis-network/themis/x/sequencer/types"
)

// A reward recipient change is an L1 event like the others: it sets the record's
// reward_recipient (lower-case), moves the nonce by one and touches nothing else.
func TestRewardRecipientChange_SetsTheRecipient(t *testing.T) {
	e := sqPool(t)
	before := e.Seq(sqSeq1)
	e.FreshEvents()
	e.Apply(e.RewardRecipientMsg(sqSeq1, 2, "0x00000000000000000000000000000000000000AB"))

	want := before
	want.RewardRecipient, want.L1Nonce = "0x00000000000000000000000000000000000000ab", 2
	require.Equal(t, want, e.Seq(sqSeq1))
	require.Equal(t, []*types.EventRewardRecipientChanged{{SequencerId: sqSeq1, OldRecipient: before.RewardRecipient,
		NewRecipient: "0x00000000000000000000000000000000000000ab"}},
		sequencertest.TypedEvents[*types.EventRewardRecipientChanged](t, e.Ctx))
	require.Empty(t, sequencertest.TypedEvents[*types.EventStakeChanged](t, e.Ctx), "the stake did not change")
	require.Empty(t, sqRejections(t, e))
}

// Changes relayed out of order are applied in nonce order: the later one waits for
// its predecessor, so the final recipient is the one L1 set last.
func TestRewardRecipientChange_AppliedInNonceOrder(t *testing.T) {
	e := sqPool(t)
	second := e.RewardRecipientMsg(sqSeq1, 3, sqOwner(30))
	first := e.RewardRecipientMsg(sqSeq1, 2, sqOwner(20))
	e.MustRelay(second) // queued first, nonce 3
	e.MustRelay(first)

	e.ApproveAll() // nonce 3 is approved first and waits; nonce 2 applies, then 3
	var order []uint64
	for _, ev := range sequencertest.TypedEvents[*types.EventRewardRecipientChanged](t, e.Ctx) {
		order = append(order, ev.SequencerId)
		if len(order) == 1 {
			require.Equal(t, sqOwner(20), ev.NewRecipient, "nonce 2 first")
		}
	}
	require.Len(t, order, 2)
	require.Equal(t, sqOwner(30), e.Seq(sqSeq1).RewardRecipient)
	require.Equal(t, uint64(3), e.Seq(sqSeq1).L1Nonce)
	require.Zero(t, e.PendingCount())
	require.Empty(t, sqRejections(t, e))
}

// A change whose nonce is already used is refused when relayed, and dropped if it was
// queued before its nonce was taken; the record keeps the applied recipient.
func TestRewardRecipientChange_OutOfOrderIsRefused(t *testing.T) {
	sqRunRelayRejections(t, []sqRelayCase{
		{"stale nonce", func(_ *testing.T, e *sequencertest.Env) types.L1EventMsg {
			e.Apply(e.RewardRecipientMsg(sqSeq1, 2, sqOwner(20)))
			return e.RewardRecipientMsg(sqSeq1, 2, sqOwner(30))
		}, types.ErrNonceOutOfOrder},
		{"nonce of the lock", func(_ *testing.T, e *sequencertest.Env) types.L1EventMsg {
			return e.RewardRecipientMsg(sqSeq1, 1, sqOwner(20))
		}, types.ErrNonceOutOfOrder},
	})

	e := sqPool(t)
	idA := e.MustRelay(e.RewardRecipientMsg(sqSeq1, 2, sqOwner(20)))
	idB := e.MustRelay(e.RelockMsg(sqSeq1, 2, sqTokens(1), sqTokens(30_001))) // the same nonce: one of them is not L1's
	e.FreshEvents()
	e.ApproveAll()
	require.Equal(t, sqOwner(20), e.Seq(sqSeq1).RewardRecipient)
	require.Equal(t, sqTokens(30_000), e.Seq(sqSeq1).Locked)
	require.NotEqual(t, idA, idB)
	sqRequireRejectedWith(t, e, idB, types.ErrNonceOutOfOrder)
}

func TestRewardRecipientChange_Rejections(t *testing.T) {
	sqRunRelayRejections(t, []sqRelayCase{
		{"unknown sequencer", func(_ *testing.T, e *sequencertest.Env) types.L1EventMsg {
			return e.RewardRecipientMsg(42, 2, sqOwner(20))
		}, types.ErrSequencerNotFound},
		{"recipient not an address", func(_ *testing.T, e *sequencertest.Env) types.L1EventMsg {
			return e.RewardRecipientMsg(sqSeq1, 2, "0x1234")
		}, types.ErrInvalidAddress},
		{"recipient empty", func(_ *testing.T, e *sequencertest.Env) types.L1EventMsg {
			return e.RewardRecipientMsg(sqSeq1, 2, "")
		}, types.ErrInvalidAddress},
	})
}

// The contract lets an owner redirect rewards whatever the lock's status; the chain
// mirrors it (refusing would leave the sequencer's later events stuck behind it).
func TestRewardRecipientChange_AppliedInAnyStatus(t *testing.T) {
	for _, tc := range sqInactiveSetups {
		t.Run(tc.name, func(t *testing.T) {
			e := sqPool(t)
			tc.setup(t, e)
			status, nonce := e.Seq(sqSeq1).Status, e.Seq(sqSeq1).L1Nonce
			e.Apply(e.RewardRecipientMsg(sqSeq1, nonce+1, sqOwner(40)))
			s := e.Seq(sqSeq1)
			require.Equal(t, sqOwner(40), s.RewardRecipient)
			require.Equal(t, status, s.Status)
			require.Equal(t, nonce+1, s.L1Nonce)
		})
	}
}
