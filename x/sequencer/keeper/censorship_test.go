package keeper_test

import (
	"fmt"
	"testing"

	storetypes "cosmossdk.io/store/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/stretchr/testify/require"

	sequencertest "github.com/themis-network/themis/testutil/sequencer"
	"github.com/themis-network/themis/x/sequencer/types"
	"github.com/themis-network/themis/x/voteext"
)

// The attacks of issue 10 point 1, at the queue: one active sequencer (a minority of
// power) relaying fee-free fakes must not hold a genuine event out of the vote, fill
// the queue for the others, or hide a genuine event behind its own junk.

const hostileID = 7

// csPool is a pool of the genesis relayer (honest), sequencer 1 and a hostile
// sequencer, with the set recorded so that each relayer's share is known.
func csPool(t *testing.T, maxPending uint64) (*sequencertest.Env, string) {
	t.Helper()
	e := sqPool(t)
	_, key := e.Join(hostileID, sqOwner(hostileID), sqTokens(30_000))
	p := types.DefaultParams()
	p.MaxPendingEvents = maxPending
	_, err := e.Msg.UpdateParams(e.Ctx, &types.MsgUpdateParams{Authority: e.Authority, Params: p})
	require.NoError(t, err)
	_, err = e.K.EndBlock(e.Ctx) // records the 3-member set: shares are max_pending / 3
	require.NoError(t, err)
	return e, e.Account(key)
}

func csRelayAs(t *testing.T, e *sequencertest.Env, submitter string, msg types.L1EventMsg) error {
	t.Helper()
	msg.SetSubmitter(submitter)
	_, err := e.Relay(msg)
	return err
}

func csWindow(t *testing.T, e *sequencertest.Env, limit int) []voteext.SideTx {
	t.Helper()
	items, err := e.K.Pending(e.Ctx, limit, voteext.VoteRound{Height: e.Ctx.BlockHeight()})
	require.NoError(t, err)
	return items
}

func csHas(t *testing.T, items []voteext.SideTx, msg types.L1EventMsg) bool {
	t.Helper()
	d := sqDigest(t, msg)
	for _, it := range items {
		if string(it.Digest) == string(d) {
			return true
		}
	}
	return false
}

// Fakes naming real sequencers with far-future nonces at a block beyond every head
// held the whole oldest-first window before; now they are not offered at all.
func TestCensorship_FutureNonceFakesDoNotHoldTheWindow(t *testing.T) {
	e, hostile := csPool(t, 10_000)
	for i := range 300 {
		fake := e.RelockMsg(sqSeq1, uint64(1_000+i), sqTokens(1), sqTokens(30_001))
		fake.Event.BlockNumber = 1 << 40
		require.NoError(t, csRelayAs(t, e, hostile, fake))
	}
	genuine := e.RelockMsg(sqSeq1, 2, sqTokens(1), sqTokens(30_001))
	e.MustRelay(genuine)

	window := csWindow(t, e, 50)
	require.True(t, csHas(t, window, genuine), "the genuine event is voted on at once")
	require.Len(t, window, 1, "nothing past the nonce lookahead is offered")
}

// A relayer fills only its own share: the others keep room to relay.
func TestCensorship_OneRelayerCannotFillTheQueue(t *testing.T) {
	e, hostile := csPool(t, 30) // shares of 10
	for i := range 10 {
		require.NoError(t, csRelayAs(t, e, hostile, e.RelockMsg(sqSeq1, uint64(2+i), sqTokens(1), sqTokens(30_001))))
	}
	err := csRelayAs(t, e, hostile, e.RelockMsg(sqSeq1, 12, sqTokens(1), sqTokens(30_001)))
	require.ErrorIs(t, err, types.ErrRelayerQueueFull)
	require.Contains(t, err.Error(), "its share is 10")

	genuine := e.UnlockInitMsg(hostileID, 2)
	e.MustRelay(genuine)
	require.Equal(t, uint64(11), e.PendingCount())
}

// Items that look judgeable (locks of unused ids) fill only the hostile relayer's turn
// of the window: the honest lane keeps its share of every vote.
func TestCensorship_WindowIsSharedBetweenLanes(t *testing.T) {
	e, hostile := csPool(t, 10_000)
	for i := range 200 {
		pub, _ := e.NewKey()
		require.NoError(t, csRelayAs(t, e, hostile, e.LockMsg(uint64(100+i), sqOwner(uint64(100+i)), pub, sqTokens(30_000))))
	}
	var genuine []types.L1EventMsg
	for n := uint64(2); n <= 11; n++ {
		m := e.RelockMsg(sqSeq1, n, sqTokens(1), sqTokens(30_000+int64(n)))
		e.MustRelay(m)
		genuine = append(genuine, m)
	}
	window := csWindow(t, e, 20)
	require.Len(t, window, 20)
	for _, m := range genuine {
		require.True(t, csHas(t, window, m), "every genuine event of the honest lane is in the window")
	}
}

// A hostile relayer that queues a genuine event first, behind its own junk, cannot
// hide it: an honest bridge's relay joins the item, which is then in the honest lane.
func TestCensorship_FrontRunGenuineEventIsJoined(t *testing.T) {
	e, hostile := csPool(t, 10_000)
	for i := range 200 {
		pub, _ := e.NewKey()
		require.NoError(t, csRelayAs(t, e, hostile, e.LockMsg(uint64(100+i), sqOwner(uint64(100+i)), pub, sqTokens(30_000))))
	}
	genuine := e.RelockMsg(sqSeq1, 2, sqTokens(1), sqTokens(30_001))
	require.NoError(t, csRelayAs(t, e, hostile, genuine))
	require.False(t, csHas(t, csWindow(t, e, 20), genuine), "behind 200 junk items in the hostile lane")

	honest := *genuine
	honest.Submitter = e.Relayer
	id := e.MustRelay(&honest) // the bridge's join
	p, err := e.K.PendingEvents.Get(e.Ctx, id)
	require.NoError(t, err)
	require.Equal(t, []uint64{hostileID, sequencertest.RelayerID}, p.Relayers)
	require.True(t, csHas(t, csWindow(t, e, 20), genuine), "offered through the honest lane")
}

// An item nobody can judge (its claimed block not reached anywhere) is dropped after
// max_undecided_votes votes instead of holding its slot for the whole TTL.
func TestCensorship_UnjudgeableItemExpiresEarly(t *testing.T) {
	e, hostile := csPool(t, 10_000)
	fake := e.RelockMsg(sqSeq1, 2, sqTokens(1), sqTokens(30_001))
	require.NoError(t, csRelayAs(t, e, hostile, fake))
	d := sqDigest(t, fake)
	for i := uint64(1); i < types.DefaultMaxUndecidedVotes; i++ {
		require.NoError(t, e.K.Undecided(e.Ctx, d))
		require.Equal(t, uint64(1), e.PendingCount(), "vote %d", i)
	}
	e.FreshEvents()
	require.NoError(t, e.K.Undecided(e.Ctx, d))
	require.Zero(t, e.PendingCount())
	exp := sequencertest.TypedEvents[*types.EventL1EventExpired](t, e.Ctx)
	require.Len(t, exp, 1)
	require.Equal(t, fmt.Sprintf("judged in %d votes without a decision", types.DefaultMaxUndecidedVotes), exp[0].Reason)
	// The genuine event is not lost: relayed again, it is a new item.
	genuine := e.RelockMsg(sqSeq1, 2, sqTokens(1), sqTokens(30_001))
	e.Apply(genuine)
	require.Equal(t, uint64(2), e.Seq(sqSeq1).L1Nonce)
}

// The relays of the block being voted on are judged in that vote, named by digest,
// in their relayer's lane; what the block's PreBlock resolves is not voted again.
func TestWindow_IncomingRelaysAndDecidedItems(t *testing.T) {
	e, _ := csPool(t, 10_000)
	queued := e.RelockMsg(sqSeq1, 2, sqTokens(1), sqTokens(30_001))
	e.MustRelay(queued)
	incoming := e.RelockMsg(sqSeq1, 3, sqTokens(1), sqTokens(30_002))
	incoming.SetSubmitter(e.Relayer)

	items, err := e.K.Pending(e.Ctx, 10, voteext.VoteRound{Incoming: []sdk.Msg{incoming}})
	require.NoError(t, err)
	require.True(t, csHas(t, items, queued))
	require.True(t, csHas(t, items, incoming), "judged in the vote on the block that relays it")
	for _, it := range items {
		if csHas(t, []voteext.SideTx{it}, incoming) {
			require.Zero(t, it.ID, "no queue id yet")
		}
	}
}

// An approved item waiting for its predecessor is judged: votes that name it without a
// decision (a lone validator could name any digest) never expire it.
func TestCensorship_ApprovedItemIsNotExpiredAsUndecided(t *testing.T) {
	e, _ := csPool(t, 10_000)
	n3 := e.RelockMsg(sqSeq1, 3, sqTokens(1), sqTokens(30_002))
	e.MustRelay(n3)
	require.NoError(t, e.K.Resolve(e.Ctx, sqDigest(t, n3), voteext.OutcomeApproved))
	for range 2 * types.DefaultMaxUndecidedVotes {
		require.NoError(t, e.K.Undecided(e.Ctx, sqDigest(t, n3)))
	}
	require.Equal(t, uint64(1), e.PendingCount())
	e.Apply(e.RelockMsg(sqSeq1, 2, sqTokens(1), sqTokens(30_001)))
	require.Equal(t, uint64(3), e.Seq(sqSeq1).L1Nonce, "applied with its predecessor")
}

// A lane full of items that cannot be judged now costs a bounded number of reads per
// vote: the walk stops after maxLaneScan entries whatever it found.
func TestCensorship_LaneScanIsBounded(t *testing.T) {
	e, hostile := csPool(t, 10_000)
	for i := range 1_500 {
		fake := e.RelockMsg(sqSeq1, uint64(1_000+i), sqTokens(1), sqTokens(30_001))
		require.NoError(t, csRelayAs(t, e, hostile, fake))
	}
	measure := func() uint64 {
		ctx := e.Ctx.WithGasMeter(storetypes.NewInfiniteGasMeter())
		_, err := e.K.Pending(ctx, 128, voteext.VoteRound{})
		require.NoError(t, err)
		return ctx.GasMeter().GasConsumed()
	}
	at1500 := measure()
	for i := range 1_500 {
		fake := e.RelockMsg(sqSeq1, uint64(3_000+i), sqTokens(1), sqTokens(30_001))
		require.NoError(t, csRelayAs(t, e, hostile, fake))
	}
	require.Equal(t, at1500, measure(), "reads do not grow with the lane past the scan bound")
}
