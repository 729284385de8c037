package keeper_test

import (
	"math/big"
	"testing"

	"cosmossdk.io/collections"
	"cosmossdk.io/math"
	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/contracts/bindings/staking"
	sequencertest "github.com/themis-network/themis/testutil/sequencer"
	mpctypes "github.com/themis-network/themis/x/mpc/types"
	"github.com/themis-network/themis/x/slashing/keeper"
	"github.com/themis-network/themis/x/slashing/types"
)

// testStaking is the staking contract the write-back calls in these tests.
var testStaking = common.HexToAddress("0x00000000000000000000000000000000000057a4")

// readyPool makes the pool able to act on L1: a pool key the contract holds, and the
// staking contract's address in x/sequencer's params.
func (c *chain) readyPool() {
	c.t.Helper()
	p, err := c.K.GetParams(c.Ctx)
	require.NoError(c.t, err)
	p.StakingContract = mpctypes.AddressString(testStaking)
	require.NoError(c.t, c.K.Params.Set(c.Ctx, p))
	c.mpc.ready = true
}

// selector is the 4-byte selector of the staking contract's error name.
func selector(t *testing.T, name string) []byte {
	t.Helper()
	parsed, err := staking.ThemisStakingMetaData.ParseABI()
	require.NoError(t, err)
	e, ok := parsed.Errors[name]
	require.True(t, ok, name)
	return e.ID[:4]
}

// newSlashProposed is a chain whose pool can act, with a stall of sequencer 2 judged
// and its slash's call proposed (pool call 1); it returns the slash's action id.
func newSlashProposed(t *testing.T) (*chain, uint64) {
	c := newChain(t)
	c.readyPool()
	c.stall(2)
	c.next()
	id := c.offence(1).L1ActionId
	c.next()
	require.Len(t, c.mpc.calls, 1)
	return c, id
}

// unsentIDs lists the write-back's index (every lane).
func (c *chain) unsentIDs() []uint64 {
	c.t.Helper()
	var ids []uint64
	require.NoError(c.t, c.k.UnsentActions.Walk(c.Ctx, nil, func(key collections.Pair[uint32, uint64]) (bool, error) {
		ids = append(ids, key.K2())
		return false, nil
	}))
	return ids
}

// A stall's medium slash reaches L1 by the pool: nothing before the pool is ready;
// then one dry-run call with the contract's slash(id, amount, severity, offence id);
// when it lands the action leaves the write-back and waits, QUEUED, for its Slashed
// event, which alone confirms it. No second call is ever made.
func TestWriteBack_SlashLandsThenItsEventConfirmsIt(t *testing.T) {
	c := newChain(t)
	c.stall(2)
	c.next()
	o := c.offence(1)
	require.NotZero(t, o.L1ActionId)
	c.next()
	require.Empty(t, c.mpc.calls, "no pool on L1 yet: nothing proposed")

	c.readyPool()
	c.next()
	require.Len(t, c.mpc.calls, 1)
	call := c.mpc.calls[0]
	require.Equal(t, keeper.L1ActionPurpose, call.Purpose)
	require.Equal(t, o.L1ActionId, call.Ref)
	require.Equal(t, mpctypes.AddressString(testStaking), call.To)
	var offence [32]byte
	copy(offence[:], types.L1OffenceID(c.Ctx.ChainID(), 1))
	want := staking.NewThemisStaking().PackSlash(big.NewInt(2), o.Slashed.BigInt(), uint8(o.Severity), offence)
	require.Equal(t, want, call.Data)
	require.Equal(t, uint64(types.SlashGas), call.Gas)
	require.Equal(t, call.Id, c.action(o.L1ActionId).PoolTx)

	for range 3 {
		c.next()
	}
	require.Len(t, c.mpc.calls, 1, "one call while it is on its way")

	c.mpc.land(call.Id, false, 4242)
	c.next()
	a := c.action(o.L1ActionId)
	require.Equal(t, types.L1_ACTION_STATUS_QUEUED, a.Status, "landed is not confirmed: the event confirms")
	require.Equal(t, uint64(4242), a.LandedL1Block)
	require.Empty(t, c.unsentIDs())
	require.Equal(t, []uint64{a.Id}, c.queuedIDs())

	c.confirm(1, o.Slashed, 9)
	require.Equal(t, types.L1_ACTION_STATUS_CONFIRMED, c.action(o.L1ActionId).Status)
	for range 5 {
		c.next()
	}
	require.Len(t, c.mpc.calls, 1, "applied once")
}

// L1 refusing a slash for good (the contract already slashed this offence) parks it
// with the reason and an alarm; it is never proposed again, and the Slashed event
// that did land (L1 is authoritative) still settles it.
func TestWriteBack_RefusedForGoodParksAndTheEventStillSettles(t *testing.T) {
	c, _ := newSlashProposed(t)
	o := c.offence(1)
	c.mpc.refuse(1, selector(t, "OffenceAlreadySlashed"))
	c.FreshEvents()
	c.next()
	a := c.action(o.L1ActionId)
	require.Equal(t, types.L1_ACTION_STATUS_PARKED, a.Status)
	require.Contains(t, a.Note, "OffenceAlreadySlashed")
	require.Len(t, sequencertest.TypedEvents[*types.EventL1ActionParked](t, c.Ctx), 1)
	require.Empty(t, c.queuedIDs())
	require.Empty(t, c.unsentIDs())
	for range 30 {
		c.next()
	}
	require.Len(t, c.mpc.calls, 1, "a parked action is never sent again")

	c.confirm(1, o.Slashed, 3)
	require.Equal(t, types.L1_ACTION_STATUS_CONFIRMED, c.action(o.L1ActionId).Status)
	require.Equal(t, types.ESCROW_STATUS_HELD, c.escrow(1, 2).Status)
}

// L1 refusing a slash for now (the contract is paused) holds it with an alarm and
// dry-runs it again after the hold, as a new call; once it passes it lands.
func TestWriteBack_RefusedForNowIsHeldThenTriedAgain(t *testing.T) {
	c, id := newSlashProposed(t)
	c.mpc.refuse(1, selector(t, "ContractPaused"))
	c.FreshEvents()
	c.next()
	a := c.action(id)
	require.Equal(t, types.L1_ACTION_STATUS_QUEUED, a.Status)
	require.Equal(t, "ContractPaused", a.HoldReason)
	require.Zero(t, a.PoolTx)
	require.Equal(t, c.Ctx.BlockHeight()+20, a.RetryHeight)
	held := sequencertest.TypedEvents[*types.EventL1ActionHeld](t, c.Ctx)
	require.Len(t, held, 1)
	require.Equal(t, "ContractPaused", held[0].Error)
	for c.Ctx.BlockHeight() < a.RetryHeight-1 {
		c.next()
	}
	require.Len(t, c.mpc.calls, 1, "held: no call before retry_height")
	c.next()
	require.Len(t, c.mpc.calls, 2, "dry-run again at retry_height")
	require.Zero(t, c.action(id).Attempts, "a hold is not a failed attempt")
	c.mpc.land(2, false, 10)
	c.next()
	require.Equal(t, uint64(10), c.action(id).LandedL1Block)
}

// A call that reverts on L1 is tried again after a hold; the fifth revert parks the
// action: it is never re-sent forever.
func TestWriteBack_RevertsAreBoundedThenParked(t *testing.T) {
	c, id := newSlashProposed(t)
	for attempt := 1; attempt <= 5; attempt++ {
		require.Len(t, c.mpc.calls, attempt)
		c.mpc.land(uint64(attempt), true, uint64(100+attempt))
		c.next()
		a := c.action(id)
		require.Equal(t, uint32(attempt), a.Attempts)
		if attempt == 5 {
			require.Equal(t, types.L1_ACTION_STATUS_PARKED, a.Status)
			require.Contains(t, a.Note, "reverted on L1")
			break
		}
		for c.Ctx.BlockHeight() < a.RetryHeight {
			c.next()
		}
	}
	for range 40 {
		c.next()
	}
	require.Len(t, c.mpc.calls, 5)
	gs, err := c.k.ExportGenesis(c.Ctx)
	require.NoError(t, err)
	require.NoError(t, gs.Validate(), "a parked action exports as a valid genesis")
}

// putActions stores n actions of a kind (escrow releases or reward batches) after the
// last one, queued and unsent, as a backlog after an L1 outage would leave them; it
// goes through genesis, which rebuilds the indices.
func (c *chain) putActions(n int, kind types.L1ActionKind) {
	c.t.Helper()
	gs, err := c.k.ExportGenesis(c.Ctx)
	require.NoError(c.t, err)
	last, batch := uint64(len(gs.L1Actions)), uint64(0)
	for _, a := range gs.L1Actions {
		if a.RewardBatch != nil {
			batch = a.RewardBatch.BatchId
		}
	}
	for i := 1; i <= n; i++ {
		a := types.L1Action{Id: last + uint64(i), Kind: kind, Status: types.L1_ACTION_STATUS_QUEUED, CreatedHeight: c.Ctx.BlockHeight()}
		if kind == types.L1_ACTION_KIND_REWARD_BATCH {
			a.RewardBatch = &types.RewardBatchAction{BatchId: batch + uint64(i), Payments: []types.RewardPayment{{SequencerId: 2, Amount: math.NewInt(int64(1000 * i))}}}
		} else {
			a.Escrow = &types.EscrowAction{OffenceId: a.Id, SequencerId: 2, EscrowId: 10 + a.Id, Amount: math.NewInt(5)}
		}
		gs.L1Actions = append(gs.L1Actions, a)
	}
	require.NoError(c.t, c.k.InitGenesis(c.Ctx, *gs))
}

// A backlog drains on its own, in id order, never more than four calls on their way.
func TestWriteBack_BacklogDrainsInOrderBounded(t *testing.T) {
	c := newChain(t)
	c.readyPool()
	c.putActions(10, types.L1_ACTION_KIND_RELEASE_ESCROW)
	var l1Block uint64
	for range 40 {
		c.next()
		open := c.mpc.open()
		require.LessOrEqual(t, len(open), 4)
		for _, id := range open {
			l1Block++
			c.mpc.land(id, false, l1Block)
		}
	}
	require.Len(t, c.mpc.calls, 10, "each action once")
	for i, call := range c.mpc.calls {
		require.Equal(t, uint64(i+1), call.Ref, "in id order")
		want := staking.NewThemisStaking().PackReleaseEscrow(big.NewInt(int64(11 + i)))
		require.Equal(t, want, call.Data)
		require.NotZero(t, c.action(uint64(i+1)).LandedL1Block)
	}
	require.Empty(t, c.unsentIDs())
}

// Reward batches go strictly in order: batch 1 held for a low reserve holds batches 2
// and 3 (never skipped, never reordered); once the reserve is funded batch 1 passes,
// lands, and only then is batch 2 proposed.
func TestWriteBack_RewardBatchesNeverSkipOrReorder(t *testing.T) {
	c := newChain(t)
	c.readyPool()
	c.putActions(3, types.L1_ACTION_KIND_REWARD_BATCH)
	c.next()
	require.Len(t, c.mpc.calls, 1, "one batch at a time")
	require.Equal(t, uint64(1), c.mpc.calls[0].Ref)
	c.mpc.refuse(1, selector(t, "InsufficientRewardReserve"))
	c.next()
	require.Equal(t, "InsufficientRewardReserve", c.action(1).HoldReason)
	for range 19 {
		c.next()
		for _, call := range c.mpc.calls {
			require.Equal(t, uint64(1), call.Ref, "batches 2 and 3 wait behind the held batch 1")
		}
	}
	c.next()
	require.Len(t, c.mpc.calls, 2)
	require.Equal(t, uint64(1), c.mpc.calls[1].Ref, "batch 1 again")
	c.next()
	require.Len(t, c.mpc.calls, 2, "batch 2 waits until batch 1 landed")
	c.mpc.land(2, false, 50)
	c.next()
	require.Len(t, c.mpc.calls, 3)
	require.Equal(t, uint64(2), c.mpc.calls[2].Ref)
	ids, amounts := []*big.Int{big.NewInt(2)}, []*big.Int{big.NewInt(2000)}
	require.Equal(t, staking.NewThemisStaking().PackSubmitRewardBatch(big.NewInt(2), ids, amounts), c.mpc.calls[2].Data)
	require.Equal(t, uint64(types.RewardBatchBaseGas+types.RewardBatchGasPerPayment), c.mpc.calls[2].Gas)
}

// An appeal while the slash's call is still dry-running withdraws the call; one
// already signing cannot be withdrawn and is left to land (its event then refunds).
func TestWriteBack_AppealWithdrawsAnUnsignedCall(t *testing.T) {
	c, _ := newSlashProposed(t)
	c.mustAppeal(1, math.ZeroInt())
	require.Equal(t, mpctypes.POOL_TX_STATUS_CANCELLED, c.mpc.calls[0].Status)
	require.Equal(t, types.L1_ACTION_STATUS_CANCELLED, c.action(c.offence(1).L1ActionId).Status)
	require.Empty(t, c.unsentIDs())

	c.AtHeight(c.Ctx.BlockHeight() + 1)
	c.stall(3)
	c.endBlock()
	c.next()
	require.Len(t, c.mpc.calls, 2)
	c.mpc.sign(2)
	c.mustAppeal(2, math.ZeroInt())
	require.Equal(t, mpctypes.POOL_TX_STATUS_SIGNING, c.mpc.calls[1].Status, "signed: left to land")
	require.Equal(t, types.L1_ACTION_STATUS_CANCELLED, c.action(c.offence(2).L1ActionId).Status)
	for range 25 {
		c.next()
	}
	require.Len(t, c.mpc.calls, 2, "a cancelled action is never proposed again")
}

// Genesis export and import keep a pending action exactly once: the call on its way
// stays the action's, no second call is proposed, and its landing is still read.
func TestWriteBack_GenesisKeepsAPendingActionOnce(t *testing.T) {
	c := newChain(t)
	c.readyPool()
	c.putActions(2, types.L1_ACTION_KIND_RELEASE_ESCROW)
	c.next()
	require.Len(t, c.mpc.calls, 2)
	c.mpc.land(1, false, 7)
	c.next()

	gs, err := c.k.ExportGenesis(c.Ctx)
	require.NoError(t, err)
	require.NoError(t, gs.Validate())
	fresh := newChain(t)
	fresh.readyPool()
	fresh.mpc.calls = c.mpc.calls
	require.NoError(t, fresh.k.InitGenesis(fresh.Ctx, *gs))
	require.Equal(t, []uint64{2}, fresh.unsentIDs(), "the landed action left the write-back; the open one is still in it")
	require.Equal(t, uint64(7), fresh.action(1).LandedL1Block)
	for range 5 {
		fresh.next()
	}
	require.Len(t, fresh.mpc.calls, 2, "no second call for the open action")
	fresh.mpc.land(2, false, 8)
	fresh.next()
	require.Equal(t, uint64(8), fresh.action(2).LandedL1Block)
	require.Empty(t, fresh.unsentIDs())
}

// A long queue of reward batches held behind an underfunded reserve (70 days of them,
// more than one step looks at) never keeps a slash from the pool: reward batches
// have a lane of their own.
func TestWriteBack_HeldRewardBatchesNeverHideASlash(t *testing.T) {
	c := newChain(t)
	c.readyPool()
	c.putActions(70, types.L1_ACTION_KIND_REWARD_BATCH)
	c.next()
	require.Len(t, c.mpc.calls, 1)
	c.mpc.refuse(1, selector(t, "InsufficientRewardReserve"))
	c.next()
	c.stall(2)
	c.next()
	c.next()
	o := c.offence(1)
	require.Equal(t, uint64(71), o.L1ActionId)
	require.Len(t, c.mpc.calls, 2)
	require.Equal(t, o.L1ActionId, c.mpc.calls[1].Ref, "the slash went out past the 70 held batches")
	require.Len(t, c.unsentIDs(), 71)
}

// While x/mpc has halted the purpose (its calls reverted max_reverts times in a row)
// nothing new is proposed; the outcomes of calls on their way are still read, and once
// governance resumes it the queue goes on.
func TestWriteBack_HaltedPurposeProposesNothing(t *testing.T) {
	c := newChain(t)
	c.readyPool()
	c.putActions(2, types.L1_ACTION_KIND_RELEASE_ESCROW)
	c.mpc.halted = true
	c.next()
	require.Empty(t, c.mpc.calls)
	c.mpc.halted = false
	c.next()
	require.Len(t, c.mpc.calls, 2)
	c.mpc.halted = true
	c.mpc.land(1, false, 9)
	c.next()
	require.Equal(t, uint64(9), c.action(1).LandedL1Block, "outcomes are read while halted")
}

// A dry run more than 2/3 did not agree on within 60 blocks is withdrawn and the
// action held, so it never holds a write-back slot for good; then tried again.
func TestWriteBack_UndecidedDryRunIsWithdrawnAndHeld(t *testing.T) {
	c, id := newSlashProposed(t)
	require.Len(t, c.mpc.calls, 1)
	c.mpc.calls[0].CreatedHeight = c.Ctx.BlockHeight()
	for range 59 {
		c.next()
	}
	require.Equal(t, mpctypes.POOL_TX_STATUS_CHECKING, c.mpc.calls[0].Status)
	c.next()
	require.Equal(t, mpctypes.POOL_TX_STATUS_CANCELLED, c.mpc.calls[0].Status)
	a := c.action(id)
	require.Contains(t, a.HoldReason, "agreed on nothing")
	require.Zero(t, a.PoolTx)
	for c.Ctx.BlockHeight() < a.RetryHeight {
		c.next()
	}
	require.Len(t, c.mpc.calls, 2, "tried again after the hold")
}

// A reward batch is never parked, whatever L1 says (a later batch could never apply):
// an error for good, an unnamed one and reverts on L1 all hold it, each hold twice as
// long as the one before.
func TestWriteBack_RewardBatchIsNeverParked(t *testing.T) {
	c := newChain(t)
	c.readyPool()
	c.putActions(1, types.L1_ACTION_KIND_REWARD_BATCH)
	outcomes := []func(id uint64){
		func(id uint64) { c.mpc.refuse(id, selector(t, "UnknownSequencer")) },
		func(id uint64) { c.mpc.refuse(id, []byte{0xde, 0xad, 0xbe, 0xef}) },
		func(id uint64) { c.mpc.refuse(id, nil) },
	}
	for range 6 {
		outcomes = append(outcomes, func(id uint64) { c.mpc.land(id, true, 5) })
	}
	var waits []int64
	for i, outcome := range outcomes {
		c.next()
		require.Len(t, c.mpc.calls, i+1)
		outcome(uint64(i + 1))
		c.next()
		a := c.action(1)
		require.Equal(t, types.L1_ACTION_STATUS_QUEUED, a.Status, "outcome %d", i)
		waits = append(waits, a.RetryHeight-c.Ctx.BlockHeight())
		for c.Ctx.BlockHeight() < a.RetryHeight-1 {
			c.next()
		}
	}
	require.Equal(t, []int64{20, 40, 80, 160, 320, 640, 1280, 2560, 5120}, waits)
}

// A contract error the chain does not name (a token's own revert) holds an escrow
// action rather than counting toward parking it; UnknownEscrow holds too (a dry run
// read below the escrow's block).
func TestWriteBack_UnnamedErrorsAndUnknownEscrowHold(t *testing.T) {
	c := newChain(t)
	c.readyPool()
	c.putActions(1, types.L1_ACTION_KIND_REFUND_ESCROW)
	for i, sel := range [][]byte{{0x08, 0xc3, 0x79, 0xa0}, selector(t, "UnknownEscrow"), nil, {1, 2, 3, 4}, selector(t, "UnknownEscrow"), nil} {
		c.next()
		require.Len(t, c.mpc.calls, i+1)
		c.mpc.refuse(uint64(i+1), sel)
		c.next()
		a := c.action(1)
		require.Equal(t, types.L1_ACTION_STATUS_QUEUED, a.Status)
		require.Zero(t, a.Attempts, "a refusal costs no gas and is no attempt")
		for c.Ctx.BlockHeight() < a.RetryHeight-1 {
			c.next()
		}
	}
}

// An appeal of a parked slash cancels it (as of a queued one): the chain's view of the
// stake is given back.
func TestWriteBack_AppealOfAParkedSlash(t *testing.T) {
	c, _ := newSlashProposed(t)
	c.mpc.refuse(1, selector(t, "OffenceAlreadySlashed"))
	c.next()
	require.Equal(t, types.L1_ACTION_STATUS_PARKED, c.action(c.offence(1).L1ActionId).Status)
	require.True(t, c.Seq(2).UnconfirmedSlash.IsPositive())
	c.mustAppeal(1, math.ZeroInt())
	require.Equal(t, types.L1_ACTION_STATUS_CANCELLED, c.action(c.offence(1).L1ActionId).Status)
	require.True(t, c.Seq(2).UnconfirmedSlash.IsZero())
}

// A Slashed event that settles a slash whose call is still before signing withdraws
// the call: it would only revert on L1.
func TestWriteBack_SettledSlashWithdrawsItsOpenCall(t *testing.T) {
	c, _ := newSlashProposed(t)
	require.Equal(t, mpctypes.POOL_TX_STATUS_CHECKING, c.mpc.calls[0].Status)
	c.confirm(1, c.offence(1).Slashed, 4)
	require.Equal(t, mpctypes.POOL_TX_STATUS_CANCELLED, c.mpc.calls[0].Status)
	require.Equal(t, types.L1_ACTION_STATUS_CONFIRMED, c.action(c.offence(1).L1ActionId).Status)
}

// A hold's retry height comes from the exporting chain: a chain started from the
// export at a lower height waits at most one full hold, not the old chain's height.
func TestWriteBack_GenesisClampsAHold(t *testing.T) {
	c := newChain(t)
	c.putActions(1, types.L1_ACTION_KIND_RELEASE_ESCROW)
	gs, err := c.k.ExportGenesis(c.Ctx)
	require.NoError(t, err)
	gs.L1Actions[len(gs.L1Actions)-1].RetryHeight = 1_000_000_000
	fresh := newChain(t)
	require.NoError(t, fresh.k.InitGenesis(fresh.Ctx, *gs))
	a := fresh.action(gs.L1Actions[len(gs.L1Actions)-1].Id)
	require.LessOrEqual(t, a.RetryHeight, fresh.Ctx.BlockHeight()+20<<10)
}

// Dry runs that agree on nothing (an L1 outage) are not refusals: each is withdrawn
// after 60 blocks and tried again after a flat 20, however many in a row; a call from
// above the current height (an exported chain restarted lower) counts as timed out.
func TestWriteBack_UndecidedDryRunsWaitFlat(t *testing.T) {
	c := newChain(t)
	c.readyPool()
	c.putActions(1, types.L1_ACTION_KIND_RELEASE_ESCROW)
	for i := range 3 {
		c.next()
		require.Len(t, c.mpc.calls, i+1)
		c.mpc.calls[i].CreatedHeight = c.Ctx.BlockHeight()
		for range 60 {
			c.next()
		}
		a := c.action(1)
		require.Equal(t, mpctypes.POOL_TX_STATUS_CANCELLED, c.mpc.calls[i].Status)
		require.Equal(t, c.Ctx.BlockHeight()+20, a.RetryHeight, "timeout %d: a flat wait", i)
		require.Zero(t, a.Holds)
		for c.Ctx.BlockHeight() < a.RetryHeight-1 {
			c.next()
		}
	}
	c.next()
	c.mpc.calls[3].CreatedHeight = c.Ctx.BlockHeight() + 1_000_000
	c.next()
	require.Equal(t, mpctypes.POOL_TX_STATUS_CANCELLED, c.mpc.calls[3].Status, "its age is unknown: timed out")
}

// The holds in a row end once a dry run passes: a revert after that waits 20 blocks
// again, not the doubled wait of the refusals before.
func TestWriteBack_HoldsResetOnceADryRunPasses(t *testing.T) {
	c := newChain(t)
	c.readyPool()
	c.putActions(1, types.L1_ACTION_KIND_RELEASE_ESCROW)
	for i := range 2 {
		c.next()
		c.mpc.refuse(uint64(i+1), selector(t, "EscrowNotReleasable"))
		c.next()
		for c.Ctx.BlockHeight() < c.action(1).RetryHeight-1 {
			c.next()
		}
	}
	require.Equal(t, uint32(2), c.action(1).Holds)
	c.next()
	c.mpc.calls[2].Status = mpctypes.POOL_TX_STATUS_SENT
	c.next()
	require.Zero(t, c.action(1).Holds)
	c.mpc.land(3, true, 40)
	c.next()
	require.Equal(t, c.Ctx.BlockHeight()+20, c.action(1).RetryHeight)
}

// An action naming a pool call x/mpc does not have (a genesis could say anything) is
// treated as having none: a call of its own is proposed, and its Slashed event still
// settles it.
func TestWriteBack_UnknownPoolCallIsNoCall(t *testing.T) {
	c := newChain(t)
	c.stall(2)
	c.next()
	gs, err := c.k.ExportGenesis(c.Ctx)
	require.NoError(t, err)
	gs.L1Actions[0].PoolTx = 99
	require.NoError(t, c.k.InitGenesis(c.Ctx, *gs))
	c.readyPool()
	c.next()
	require.Len(t, c.mpc.calls, 1)
	require.Equal(t, uint64(1), c.action(1).PoolTx)

	d := newChain(t)
	d.stall(2)
	d.next()
	gs, err = d.k.ExportGenesis(d.Ctx)
	require.NoError(t, err)
	gs.L1Actions[0].PoolTx = 99
	require.NoError(t, d.k.InitGenesis(d.Ctx, *gs))
	d.confirm(1, d.offence(1).Slashed, 5)
	require.Equal(t, types.L1_ACTION_STATUS_CONFIRMED, d.action(1).Status)
}
