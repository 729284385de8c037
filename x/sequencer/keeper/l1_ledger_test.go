package keeper_test

import (
	"context"
	"testing"

	"cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	sequencertest "github.com/themis-network/themis/testutil/sequencer"
	"github.com/themis-network/themis/x/sequencer/types"
	"github.com/themis-network/themis/x/voteext"
)

// The contract's ledger (reward reserve, credited batches, withdrawals, escrow pay-outs)
// reaches the chain only through its relayed, approved events, in ledgerNonce order, and
// each applied event is handed to x/slashing's hooks (issue 14, reconciliation).

func ledgerOf(t *testing.T, e *sequencertest.Env) types.L1Ledger {
	t.Helper()
	l, err := e.K.L1Ledger.Get(e.Ctx)
	require.NoError(t, err)
	return l
}

func funded(amount, reserve int64) *types.MsgLedgerChanged {
	return &types.MsgLedgerChanged{Change: &types.MsgLedgerChanged_RewardsFunded{RewardsFunded: &types.RewardsFunded{
		Funder: sqOwner(9), Amount: sqTokens(amount), Reserve: sqTokens(reserve)}}}
}

func batchCredited(id, count uint64, total, reserve int64) *types.MsgLedgerChanged {
	return &types.MsgLedgerChanged{Change: &types.MsgLedgerChanged_RewardBatch{RewardBatch: &types.RewardBatchCredited{
		BatchId: id, Count: count, Total: sqTokens(total), Reserve: sqTokens(reserve)}}}
}

// ledgerHooks records what x/sequencer hands to x/slashing.
type ledgerHooks struct{ got []*types.MsgLedgerChanged }

func (h *ledgerHooks) AfterL1Slashed(context.Context, types.L1SlashFact) math.Int {
	return math.ZeroInt()
}
func (h *ledgerHooks) AfterL1Ledger(_ context.Context, m *types.MsgLedgerChanged) {
	h.got = append(h.got, m)
}

// Approved in any order, applied in ledgerNonce order; every applied event reaches the
// hooks once, in that order; the query serves the ledger.
func TestL1Ledger_AppliedInLedgerNonceOrder(t *testing.T) {
	e := sqPool(t)
	hooks := &ledgerHooks{}
	e.K.SetSlashHooks(hooks)
	first := e.LedgerMsg(funded(100, 100)) // ledgerNonce 1
	second := e.LedgerMsg(batchCredited(1, 2, 30, 70))
	second.LedgerNonce = 2
	e.MustRelay(second)
	e.MustRelay(first)

	require.NoError(t, e.K.Resolve(e.Ctx, sqDigest(t, second), voteext.OutcomeApproved))
	require.Zero(t, ledgerOf(t, e).LedgerNonce, "nonce 2 waits for nonce 1")
	require.Empty(t, hooks.got)
	e.FreshEvents()
	e.ApproveAll()

	l := ledgerOf(t, e)
	require.Equal(t, types.L1Ledger{LedgerNonce: 2, RewardReserve: sqTokens(70), LastRewardBatch: 1}, l)
	require.Len(t, hooks.got, 2)
	require.Equal(t, uint64(1), hooks.got[0].LedgerNonce)
	require.Equal(t, uint64(2), hooks.got[1].LedgerNonce)
	events := sequencertest.TypedEvents[*types.EventL1LedgerChanged](t, e.Ctx)
	require.Len(t, events, 2)
	require.Equal(t, "rewards_funded", events[0].Change)
	require.Equal(t, "reward_batch", events[1].Change)

	resp, err := e.Query.L1Ledger(e.Ctx, &types.QueryL1LedgerRequest{})
	require.NoError(t, err)
	require.Equal(t, l, resp.Ledger)

	// Withdrawals and escrow pay-outs move only the nonce here (x/slashing follows them).
	e.Apply(e.LedgerMsg(&types.MsgLedgerChanged{Change: &types.MsgLedgerChanged_RewardsWithdrawn{RewardsWithdrawn: &types.RewardsWithdrawn{
		SequencerId: sqSeq1, Recipient: sqOwner(1), Amount: sqTokens(10)}}}))
	e.Apply(e.LedgerMsg(&types.MsgLedgerChanged{Change: &types.MsgLedgerChanged_EscrowReleased{EscrowReleased: &types.EscrowPaidOut{
		EscrowId: 1, SequencerId: sqSeq1, To: sqOwner(8), Amount: sqTokens(5)}}}))
	require.Equal(t, types.L1Ledger{LedgerNonce: 4, RewardReserve: sqTokens(70), LastRewardBatch: 1}, ledgerOf(t, e))
	require.Len(t, hooks.got, 4)

	// And it survives a genesis round trip.
	gs, err := e.K.ExportGenesis(e.Ctx)
	require.NoError(t, err)
	require.Equal(t, ledgerOf(t, e), gs.L1Ledger)
	require.Equal(t, ledgerOf(t, e), ledgerOf(t, sequencertest.NewEnvWithGenesis(t, gs)))
}

// A stale or replayed ledger event is refused at the queue; one the vote rejects changes
// nothing and reaches no hook; a malformed one never reaches the queue.
func TestL1Ledger_StaleReplayedRejectedAndMalformed(t *testing.T) {
	e := sqPool(t)
	hooks := &ledgerHooks{}
	e.K.SetSlashHooks(hooks)
	applied := e.LedgerMsg(funded(100, 100))
	e.Apply(applied)

	stale := e.LedgerMsg(funded(1, 101))
	stale.LedgerNonce = 1
	_, err := e.Relay(stale)
	require.ErrorIs(t, err, types.ErrNonceOutOfOrder)
	_, err = e.Relay(applied)
	require.ErrorIs(t, err, types.ErrEventAlreadyApplied)

	fake := e.LedgerMsg(batchCredited(1, 1, 100, 0))
	e.MustRelay(fake)
	require.NoError(t, sequencertest.RejectAll(e.Ctx, e.K))
	require.Equal(t, types.L1Ledger{LedgerNonce: 1, RewardReserve: sqTokens(100)}, ledgerOf(t, e), "a rejected event changes nothing")
	require.Len(t, hooks.got, 1)

	for name, m := range map[string]*types.MsgLedgerChanged{
		"nothing funded":     e.LedgerMsg(funded(0, 100)),
		"reserve below":      e.LedgerMsg(funded(5, 1)),
		"batch 0":            e.LedgerMsg(batchCredited(0, 1, 1, 1)),
		"no change":          e.LedgerMsg(&types.MsgLedgerChanged{}),
		"escrow of id 0":     e.LedgerMsg(&types.MsgLedgerChanged{Change: &types.MsgLedgerChanged_EscrowRefunded{EscrowRefunded: &types.EscrowPaidOut{SequencerId: 1, To: sqOwner(1), Amount: sqTokens(1)}}}),
		"withdrawn of seq 0": e.LedgerMsg(&types.MsgLedgerChanged{Change: &types.MsgLedgerChanged_RewardsWithdrawn{RewardsWithdrawn: &types.RewardsWithdrawn{Recipient: sqOwner(1), Amount: sqTokens(1)}}}),
	} {
		_, err := e.Relay(m)
		require.ErrorIs(t, err, types.ErrInvalidLedgerChange, name)
	}
}

// A pool-key-loss recovery is mirrored from its configuration events: proposed, then
// cancelled by the pool; proposed again, then completed by the new pool (its
// PoolAddressUpdated ends the recovery).
func TestL1Config_PoolRecovery(t *testing.T) {
	e := sqPool(t)
	pool, next := sqOwner(4), sqOwner(5)
	e.Apply(e.ConfigMsg(&types.MsgConfigChanged{Change: &types.MsgConfigChanged_PoolAddress{PoolAddress: &types.AddressChange{
		Previous: "0x0000000000000000000000000000000000000000", Current: pool}}}))
	propose := func() {
		e.Apply(e.ConfigMsg(&types.MsgConfigChanged{Change: &types.MsgConfigChanged_PoolRecoveryProposed{PoolRecoveryProposed: &types.PoolRecoveryProposed{
			CurrentPool: pool, ProposedPool: next, EffectiveAt: 1_900_000_000}}}))
		c := cfgOf(t, e)
		require.Equal(t, next, c.RecoveryPool)
		require.Equal(t, uint64(1_900_000_000), c.RecoveryEffectiveAt)
	}
	propose()
	e.Apply(e.ConfigMsg(&types.MsgConfigChanged{Change: &types.MsgConfigChanged_PoolRecoveryCancelled{PoolRecoveryCancelled: &types.PoolRecoveryCancelled{
		ProposedPool: next, CancelledBy: pool}}}))
	c := cfgOf(t, e)
	require.Empty(t, c.RecoveryPool)
	require.Zero(t, c.RecoveryEffectiveAt)
	require.Equal(t, pool, c.PoolAddress)

	propose()
	e.Apply(e.ConfigMsg(&types.MsgConfigChanged{Change: &types.MsgConfigChanged_PoolAddress{PoolAddress: &types.AddressChange{Previous: pool, Current: next}}}))
	c = cfgOf(t, e)
	require.Equal(t, next, c.PoolAddress)
	require.Empty(t, c.RecoveryPool, "the recovered pool took over: the recovery is over")
	require.Zero(t, c.RecoveryEffectiveAt)
	events := sequencertest.TypedEvents[*types.EventL1ConfigChanged](t, e.Ctx)
	require.Equal(t, "pool_address", events[len(events)-1].Change)

	gs, err := e.K.ExportGenesis(e.Ctx)
	require.NoError(t, err)
	gs.L1Config.RecoveryEffectiveAt = 5
	require.ErrorIs(t, gs.Validate(), types.ErrInvalidGenesis, "a recovery time without a recovery pool")
}

// A hostile relayer's fakes with far-future ledgerNonces are not offered to the vote and
// do not hold the window: the genuine next ledger event is judged beside them.
func TestL1Ledger_FutureNonceFakesDoNotHoldTheWindow(t *testing.T) {
	e, hostile := csPool(t, 10_000)
	for i := range 300 {
		fake := e.LedgerMsg(funded(1, 1))
		fake.LedgerNonce = uint64(1_000 + i)
		require.NoError(t, csRelayAs(t, e, hostile, fake))
	}
	genuine := e.LedgerMsg(funded(100, 100))
	e.MustRelay(genuine)
	window := csWindow(t, e, 50)
	require.True(t, csHas(t, window, genuine))
	require.Len(t, window, 1, "nothing past the nonce lookahead is offered")
}
