package keeper

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/ethereum/go-ethereum/common"

	mpctypes "github.com/themis-network/themis/x/mpc/types"
	"github.com/themis-network/themis/x/slashing/types"
)

// The write-back: the pool carries each queued L1 action out through x/mpc's checked
// pool calls. An action's call is dry-run by the validators against their own L1
// nodes; only a call more than 2/3 of power saw pass is signed and sent. The action
// then waits for its relayed L1 event, which alone settles it (l1_actions.go).
//
//	QUEUED, unsent --(its turn; pool ready)--> pool call CHECKING
//	pool call QUEUED..SENT --> wait
//	pool call CONFIRMED --> landed: leaves the write-back, waits for its L1 event
//	pool call REVERTED on L1 --> proposed again (attempts + 1; parked at the bound)
//	pool call REFUSED: an error for good --> PARKED (alarm; never a reward batch)
//	pool call REFUSED: any other error --> held (alarm), each hold in a row twice as long
//	dry runs undecided for checkTimeoutBlocks --> withdrawn, retried after a flat wait
//	pool call CANCELLED --> proposed again
//
// Order: actions are proposed in id order, at most maxOpenL1Actions at once, so a
// backlog (after an L1 outage) drains a few per block with no manual step; each step
// looks at the first maxVisitedL1Actions of each lane (reward batches apart, so a
// queue of them held behind a low reserve never hides a slash); reward batches go
// strictly one after another (the contract applies batch n + 1 only), so
// a held or unlanded batch holds every later batch, never skipped or reordered. The
// outcome of a pool call is read from x/mpc's state at the next step, never heard in
// a callback, so no outcome can be missed.

// L1ActionPurpose is x/slashing's pool call purpose; ref is the L1 action id.
const L1ActionPurpose = "slashing_l1_action"

const (
	// maxOpenL1Actions bounds the actions with a pool call not yet landed.
	maxOpenL1Actions = 4
	// maxVisitedL1Actions bounds one step's walk of each lane of unsent actions.
	maxVisitedL1Actions = 64
	// maxL1ActionAttempts parks an action (not a reward batch) whose pool calls
	// reverted on L1 this many times: each cost the pool gas.
	maxL1ActionAttempts = 5
	// retryL1ActionBlocks is the first hold of an action L1 refuses for now; each hold
	// in a row doubles it, up to maxHoldBlocks (about 6 hours of 1 s blocks), so an
	// action held for months makes a few dry runs a day.
	retryL1ActionBlocks = 20
	maxHoldBlocks       = 20 << 10
	// checkTimeoutBlocks: a dry run more than 2/3 of power did not agree on within
	// this many blocks (validators' L1 nodes disagreeing, too few answering) is
	// withdrawn and held, so it never holds a write-back slot for good.
	checkTimeoutBlocks = 60
)

// L1ActionPurpose returns the purpose to register with x/mpc (app wiring).
func (k Keeper) L1ActionPurpose() mpctypes.PoolCallPurpose { return l1ActionPurpose{} }

// l1ActionPurpose: the write-back reads each call's outcome itself (stepL1Actions).
type l1ActionPurpose struct{}

func (l1ActionPurpose) Name() string { return L1ActionPurpose }

func (l1ActionPurpose) OnLanded(context.Context, mpctypes.PoolTx, bool) error { return nil }

// writeBack is one step's walk: how many actions have a call open, and whether an
// earlier reward batch holds the later ones.
type writeBack struct {
	staking     common.Address
	open        int
	rewardsHeld bool
	blockHeight int64
	// halted: x/mpc halted the purpose (max_reverts in a row); outcomes are still
	// read, nothing new is proposed.
	halted bool
}

// stepL1Actions runs in EndBlock: it reads how each unsent action's pool call ended
// and proposes the next calls. Each action is stepped in a cache of its own: one that
// fails is logged and tried again next block, never holding the others back; nothing
// here fails the block.
func (k Keeper) stepL1Actions(ctx context.Context) {
	if k.mpc == nil {
		return
	}
	if err := k.walkL1Actions(ctx); err != nil {
		k.Logger(ctx).Error("L1 write-back not stepped; tried again next block", "err", err)
	}
}

// walkL1Actions steps the first maxVisitedL1Actions unsent actions in id order.
func (k Keeper) walkL1Actions(ctx context.Context) error {
	ready, err := k.mpc.PoolReady(ctx)
	if err != nil || !ready {
		return err
	}
	sp, err := k.sequencers.GetParams(ctx)
	if err != nil {
		return err
	}
	if !common.IsHexAddress(sp.StakingContract) || common.HexToAddress(sp.StakingContract) == (common.Address{}) {
		return nil // no staking contract to act on
	}
	halted, err := k.mpc.PurposeHalted(ctx, L1ActionPurpose)
	if err != nil {
		return err
	}
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	w := &writeBack{staking: common.HexToAddress(sp.StakingContract), blockHeight: sdkCtx.BlockHeight(), halted: halted}
	ids, err := k.unsentIDs(ctx)
	if err != nil {
		return err
	}
	for _, key := range ids {
		cacheCtx, write := sdkCtx.CacheContext()
		before := *w
		if err := k.stepIsolated(cacheCtx, w, key.K2()); err != nil {
			*w = before
			// A reward batch that failed to step still holds the batches after it.
			w.rewardsHeld = w.rewardsHeld || key.K1() == laneRewardBatches
			k.Logger(ctx).Error("L1 action not stepped; tried again next block", "action", key.K2(), "err", err)
			continue
		}
		write()
	}
	return nil
}

// stepIsolated steps one action, a panic (a binding's Pack on a malformed record)
// turned into an error so EndBlock never panics.
func (k Keeper) stepIsolated(ctx context.Context, w *writeBack, id uint64) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	return k.stepL1Action(ctx, w, id)
}

// stepL1Action steps one unsent action.
func (k Keeper) stepL1Action(ctx context.Context, w *writeBack, id uint64) error {
	a, err := k.L1Actions.Get(ctx, id)
	if err != nil {
		return err
	}
	if a.Status != types.L1_ACTION_STATUS_QUEUED || a.LandedL1Block != 0 {
		return k.UnsentActions.Remove(ctx, unsentKey(a)) // settled or withdrawn meanwhile
	}
	isReward := a.Kind == types.L1_ACTION_KIND_REWARD_BATCH
	if a.PoolTx != 0 {
		open, err := k.readPoolCall(ctx, w, &a)
		if err != nil {
			return err
		}
		if open || a.Status != types.L1_ACTION_STATUS_QUEUED || a.LandedL1Block != 0 {
			w.rewardsHeld = w.rewardsHeld || (isReward && a.LandedL1Block == 0)
			return nil
		}
	}
	if a.RetryHeight > w.blockHeight || (isReward && w.rewardsHeld) {
		w.rewardsHeld = w.rewardsHeld || isReward
		return nil
	}
	w.rewardsHeld = w.rewardsHeld || isReward
	if w.halted || w.open >= maxOpenL1Actions {
		return nil
	}
	return k.proposeL1Call(ctx, w, a)
}

// readPoolCall reads how the action's pool call stands and moves the action on; open
// reports a call still on its way (dry run, signing, sent).
func (k Keeper) readPoolCall(ctx context.Context, w *writeBack, a *types.L1Action) (open bool, err error) {
	tx, ok, err := k.actionCall(ctx, *a)
	if err != nil {
		return false, err
	}
	if !ok {
		// Not this action's call, or none (a genesis could say anything): no call.
		a.PoolTx = 0
		return false, k.L1Actions.Set(ctx, a.Id, *a)
	}
	switch tx.Status {
	case mpctypes.POOL_TX_STATUS_CHECKING:
		// A call created above this height comes from an exported chain restarted
		// lower: its age is unknown, so it counts as timed out.
		if tx.CreatedHeight <= w.blockHeight && w.blockHeight-tx.CreatedHeight < checkTimeoutBlocks {
			w.open++
			return true, nil
		}
		if err := k.mpc.CancelPoolCall(ctx, tx.Id); err != nil {
			return false, err
		}
		// Not a refusal: L1 facts did not reach 2/3 (an L1 outage, say). A flat wait,
		// not a doubling one, so the backlog goes on as soon as L1 is back.
		a.PoolTx = 0
		a.RetryHeight = w.blockHeight + retryL1ActionBlocks
		a.HoldReason = fmt.Sprintf("dry runs of pool tx %d agreed on nothing in %d blocks", tx.Id, checkTimeoutBlocks)
		return false, k.L1Actions.Set(ctx, a.Id, *a)
	case mpctypes.POOL_TX_STATUS_QUEUED, mpctypes.POOL_TX_STATUS_SIGNING, mpctypes.POOL_TX_STATUS_SENT:
		if a.Holds != 0 || a.HoldReason != "" {
			a.Holds, a.HoldReason = 0, "" // L1 takes it now: the holds in a row are over
			if err := k.L1Actions.Set(ctx, a.Id, *a); err != nil {
				return false, err
			}
		}
		w.open++
		return true, nil
	case mpctypes.POOL_TX_STATUS_CONFIRMED:
		a.LandedL1Block, a.RetryHeight, a.HoldReason, a.Holds = tx.L1Block, 0, "", 0
		if err := k.L1Actions.Set(ctx, a.Id, *a); err != nil {
			return false, err
		}
		k.Logger(ctx).Info("L1 action landed; waiting for its L1 event", "action", a.Id, "kind", a.Kind, "pool_tx", tx.Id, "l1_block", tx.L1Block)
		return false, k.UnsentActions.Remove(ctx, unsentKey(*a))
	case mpctypes.POOL_TX_STATUS_REVERTED:
		a.PoolTx = 0
		return false, k.countAttempt(ctx, a, fmt.Sprintf("pool tx %d reverted on L1 (block %d)", tx.Id, tx.L1Block))
	case mpctypes.POOL_TX_STATUS_REFUSED:
		a.PoolTx = 0
		return false, k.refused(ctx, a, tx)
	default: // CANCELLED: proposed again
		a.PoolTx = 0
		return false, k.L1Actions.Set(ctx, a.Id, *a)
	}
}

// actionCall is the action's pool call, if x/mpc has it and it is this action's.
func (k Keeper) actionCall(ctx context.Context, a types.L1Action) (mpctypes.PoolTx, bool, error) {
	tx, err := k.mpc.GetPoolTx(ctx, a.PoolTx)
	if errors.Is(err, mpctypes.ErrPoolTxNotFound) {
		return mpctypes.PoolTx{}, false, nil
	}
	if err != nil {
		return mpctypes.PoolTx{}, false, err
	}
	return tx, tx.Purpose == L1ActionPurpose && tx.Ref == a.Id, nil
}

// refused handles a call the validators' dry runs agreed L1 reverts: parked if the
// contract's error is for good (never a reward batch: a later batch could never
// apply), held otherwise, with an error the contract does not name (a token's own
// revert, an out-of-gas after a repricing) held too: a refusal costs no gas.
func (k Keeper) refused(ctx context.Context, a *types.L1Action, tx mpctypes.PoolTx) error {
	r := types.ClassifyRefusal(tx.Refusal)
	if r.ForGood && a.Kind != types.L1_ACTION_KIND_REWARD_BATCH {
		return k.park(ctx, a, fmt.Sprintf("L1 refuses it for good: %s (pool tx %d's dry runs)", r.Error, tx.Id))
	}
	return k.hold(ctx, a, r.Error)
}

// countAttempt records a call that reverted on L1 (gas spent): the last of
// maxL1ActionAttempts parks the action, the others hold it. A reward batch is only
// held: x/mpc halts the purpose after max_reverts in a row anyway.
func (k Keeper) countAttempt(ctx context.Context, a *types.L1Action, why string) error {
	a.Attempts++
	if a.Attempts >= maxL1ActionAttempts && a.Kind != types.L1_ACTION_KIND_REWARD_BATCH {
		return k.park(ctx, a, fmt.Sprintf("%s; %d attempts", why, a.Attempts))
	}
	a.Note = why
	return k.hold(ctx, a, why)
}

// holdFor is the wait before the next try after holds holds in a row.
func holdFor(holds uint32) int64 {
	if holds >= 10 {
		return maxHoldBlocks
	}
	return min(int64(retryL1ActionBlocks)<<holds, maxHoldBlocks)
}

// hold keeps the action back: L1 refuses it for now (reward reserve too low, escrow
// not yet releasable, the pool not yet the contract's, a token paused), or its dry
// runs agreed on nothing. Each hold in a row doubles the wait (holdFor).
func (k Keeper) hold(ctx context.Context, a *types.L1Action, why string) error {
	height := sdk.UnwrapSDKContext(ctx).BlockHeight()
	a.RetryHeight, a.HoldReason = height+holdFor(a.Holds), why
	a.Holds++
	if err := k.L1Actions.Set(ctx, a.Id, *a); err != nil {
		return err
	}
	k.Logger(ctx).Error("L1 refuses an action for now: held", "action", a.Id, "kind", a.Kind, "error", why, "retry_height", a.RetryHeight)
	return emit(ctx, &types.EventL1ActionHeld{ActionId: a.Id, Error: why, RetryHeight: a.RetryHeight})
}

// park stops the action for good: it leaves the queue, and only a relayed L1 event
// naming it can still settle it.
func (k Keeper) park(ctx context.Context, a *types.L1Action, why string) error {
	a.Status, a.Note, a.SettledHeight = types.L1_ACTION_STATUS_PARKED, why, sdk.UnwrapSDKContext(ctx).BlockHeight()
	a.RetryHeight, a.HoldReason, a.PoolTx = 0, "", 0
	if err := k.L1Actions.Set(ctx, a.Id, *a); err != nil {
		return err
	}
	if err := k.forgetQueued(ctx, *a); err != nil {
		return err
	}
	k.Logger(ctx).Error("L1 action parked: it will not be sent again", "action", a.Id, "kind", a.Kind, "reason", why)
	return emit(ctx, &types.EventL1ActionParked{ActionId: a.Id, Reason: why})
}

// proposeL1Call hands the action's call to x/mpc for the validators' dry runs. An
// action whose call cannot be built (a malformed record) is parked.
func (k Keeper) proposeL1Call(ctx context.Context, w *writeBack, a types.L1Action) error {
	call, err := a.L1Call(w.staking)
	if err != nil && a.Kind == types.L1_ACTION_KIND_REWARD_BATCH {
		return k.hold(ctx, &a, "no L1 call: "+err.Error()) // never parked: later batches need it
	}
	if err != nil {
		return k.park(ctx, &a, "no L1 call: "+err.Error())
	}
	id, err := k.mpc.ProposePoolCall(ctx, L1ActionPurpose, a.Id, call)
	if err != nil {
		return err
	}
	a.PoolTx, a.RetryHeight = id, 0
	w.open++
	return k.L1Actions.Set(ctx, a.Id, a)
}

// withdrawPoolCall withdraws the action's pool call when nobody signed it yet; one
// already signed may still land, and its L1 event settles what it did.
func (k Keeper) withdrawPoolCall(ctx context.Context, a types.L1Action) error {
	if a.PoolTx == 0 || k.mpc == nil {
		return nil
	}
	if _, ours, err := k.actionCall(ctx, a); err != nil || !ours {
		return err // none, or another's: nothing of this action's to withdraw
	}
	err := k.mpc.CancelPoolCall(ctx, a.PoolTx)
	if errors.Is(err, mpctypes.ErrPoolTxSigned) {
		return nil
	}
	return err
}

// forgetQueued takes a settled, parked or cancelled action out of both indices.
func (k Keeper) forgetQueued(ctx context.Context, a types.L1Action) error {
	if err := k.QueuedActions.Remove(ctx, a.Id); err != nil {
		return err
	}
	return k.UnsentActions.Remove(ctx, unsentKey(a))
}

// The write-back's lanes: slashes, escrow refunds and releases, reward batches. A
// lane of held actions never hides another lane's from the bounded walk.
const (
	laneSlashes uint32 = iota
	laneEscrows
	laneRewardBatches
)

// unsentKey is an action's key in UnsentActions.
func unsentKey(a types.L1Action) collections.Pair[uint32, uint64] {
	switch a.Kind {
	case types.L1_ACTION_KIND_REWARD_BATCH:
		return collections.Join(laneRewardBatches, a.Id)
	case types.L1_ACTION_KIND_REFUND_ESCROW, types.L1_ACTION_KIND_RELEASE_ESCROW:
		return collections.Join(laneEscrows, a.Id)
	}
	return collections.Join(laneSlashes, a.Id)
}

// unsentIDs are the first maxVisitedL1Actions unsent actions of each lane, merged in
// id order (the order the chain decided them), with their lanes.
func (k Keeper) unsentIDs(ctx context.Context) ([]collections.Pair[uint32, uint64], error) {
	var keys []collections.Pair[uint32, uint64]
	for _, lane := range []uint32{laneSlashes, laneEscrows, laneRewardBatches} {
		n := 0
		err := k.UnsentActions.Walk(ctx, collections.NewPrefixedPairRange[uint32, uint64](lane), func(key collections.Pair[uint32, uint64]) (bool, error) {
			keys = append(keys, key)
			n++
			return n == maxVisitedL1Actions, nil
		})
		if err != nil {
			return nil, err
		}
	}
	slices.SortFunc(keys, func(a, b collections.Pair[uint32, uint64]) int { return cmp.Compare(a.K2(), b.K2()) })
	return keys, nil
}
