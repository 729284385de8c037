package keeper

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/ethereum/go-ethereum/common"

	"github.com/themis-network/themis/contracts/bindings/staking"
	"github.com/themis-network/themis/x/mpc/outbound"
	"github.com/themis-network/themis/x/mpc/types"
	sequencertypes "github.com/themis-network/themis/x/sequencer/types"
)

// CompleteRecoveryPurpose is the pool call purpose of the staking contract's
// completePoolRecovery: after a retired key (MsgReplacePoolKey) the contract's owner
// proposes the new pool address on L1 (proposePoolRecovery), and once the contract's
// recovery delay has passed the new pool completes the handover itself, proving it
// controls the key. It is the only call the new key makes before the contract knows it.
const CompleteRecoveryPurpose = "complete_pool_recovery"

const (
	// recoveryCheckBlocks: a dry run undecided this long is withdrawn (an L1 outage).
	recoveryCheckBlocks = 60
	// recoveryRetryBlocks is the first wait after a call that did not land; each
	// attempt in a row doubles it, up to recoveryMaxWaitBlocks (about 8.5 hours of 1 s
	// blocks). The contract refuses the call until its delay passed
	// (PoolRecoveryNotReady): a 30-day delay costs about a hundred dry runs (eth_calls,
	// no gas) and pool transaction records, and the completion comes at most one wait
	// after the delay ends.
	recoveryRetryBlocks   = 30
	recoveryMaxWaitBlocks = recoveryRetryBlocks << 10
)

// stepPoolRecovery runs in EndBlock: when more than 2/3 of power relayed the owner's
// proposal of the chain's own key as the contract's recovery pool, the pool proposes
// completePoolRecovery for the validators' dry runs; only a call they saw pass is
// signed and sent. One call at a time, each wait after a failed one twice the last.
func (k Keeper) stepPoolRecovery(ctx sdk.Context, params types.Params) error {
	pool, has, err := k.GetPoolKey(ctx)
	if err != nil || !has {
		return err
	}
	cfg, err := k.sequencers.GetL1Config(ctx)
	if err != nil {
		return err
	}
	if cfg.PoolAddress == pool.Address || cfg.RecoveryPool != pool.Address {
		return nil // the contract's pool already, or no recovery to it proposed
	}
	if halted, err := k.Halted(ctx, params, CompleteRecoveryPurpose); err != nil || halted {
		return err
	}
	// Governance withdrew its approval of this address (MsgUpdateL1Admin): the
	// recovery is not completed (x/sequencer lists its cancellation first), and a
	// completion nobody signed yet is withdrawn.
	if changes, err := k.sequencers.L1AdminChanges(ctx, 1); err != nil {
		return err
	} else if len(changes) > 0 && changes[0].Kind == sequencertypes.L1AdminCancelRecovery {
		return k.withdrawCompletion(ctx)
	}
	era, err := k.lastRetiredGeneration(ctx)
	if err != nil {
		return err
	}
	ref, wait, err := k.recoveryWaits(ctx, era)
	if err != nil || wait {
		return err
	}
	sp, err := k.sequencers.GetParams(ctx)
	if err != nil || !common.IsHexAddress(sp.StakingContract) || common.HexToAddress(sp.StakingContract) == (common.Address{}) {
		return err
	}
	call := outbound.Call{To: common.HexToAddress(sp.StakingContract), Data: staking.NewThemisStaking().PackCompletePoolRecovery(), Gas: params.AcceptPoolGas}
	id, err := k.ProposePoolCall(ctx, CompleteRecoveryPurpose, ref, call)
	if err != nil {
		return err
	}
	k.Logger(ctx).Info("pool proposes to complete the staking contract's recovery to its new address", "pool_tx", id, "address", pool.Address, "attempt", ref&attemptMask)
	return nil
}

// A completion call's ref is its era (the retired generation it recovers from: the
// same across resharings and restarts) in the high 32 bits and its attempt in that era
// in the low 32.
const attemptMask = 1<<32 - 1

func recoveryRef(era, attempt uint64) uint64 { return era<<32 | attempt&attemptMask }

// recoveryWaits says whether the last completion call holds the next one back, and
// the next one's ref: on its way (whatever its era); or, of this era, closed (refused
// while the delay runs, reverted, withdrawn, or landed while its PoolAddressUpdated is
// not mirrored yet) less than its wait ago, the wait doubling with each attempt. An
// undecided dry run past recoveryCheckBlocks is withdrawn here.
func (k Keeper) recoveryWaits(ctx sdk.Context, era uint64) (ref uint64, wait bool, err error) {
	last, err := k.LastByPurpose.Get(ctx, CompleteRecoveryPurpose)
	if isNotFound(err) {
		return recoveryRef(era, 1), false, nil
	}
	if err != nil {
		return 0, false, err
	}
	tx, err := k.GetPoolTx(ctx, last)
	if err != nil {
		return 0, false, err
	}
	height := ctx.BlockHeight()
	switch tx.Status {
	case types.POOL_TX_STATUS_CHECKING:
		if tx.CreatedHeight <= height && height-tx.CreatedHeight < recoveryCheckBlocks {
			return 0, true, nil
		}
		return 0, true, k.CancelPoolCall(ctx, tx.Id)
	case types.POOL_TX_STATUS_QUEUED, types.POOL_TX_STATUS_SIGNING, types.POOL_TX_STATUS_SENT:
		return 0, true, nil
	}
	if tx.Ref>>32 != era {
		return recoveryRef(era, 1), false, nil // an earlier retirement's recovery
	}
	attempt := tx.Ref & attemptMask
	closed := max(tx.CreatedHeight, tx.ClosedHeight)
	return recoveryRef(era, attempt+1), closed <= height && height-closed < recoveryWait(attempt), nil
}

// withdrawCompletion withdraws the last completion call if nobody signed it yet.
func (k Keeper) withdrawCompletion(ctx sdk.Context) error {
	last, err := k.LastByPurpose.Get(ctx, CompleteRecoveryPurpose)
	if isNotFound(err) {
		return nil
	}
	if err != nil {
		return err
	}
	tx, err := k.GetPoolTx(ctx, last)
	if err != nil {
		return err
	}
	if tx.Status != types.POOL_TX_STATUS_CHECKING && tx.Status != types.POOL_TX_STATUS_QUEUED {
		return nil
	}
	k.Logger(ctx).Info("governance withdrew its approval of the recovery: the completion is withdrawn", "pool_tx", tx.Id)
	return k.CancelPoolCall(ctx, tx.Id)
}

// recoveryWait is the wait after the attempt-th completion call.
func recoveryWait(attempt uint64) int64 {
	if attempt >= 11 {
		return recoveryMaxWaitBlocks
	}
	return recoveryRetryBlocks << max(attempt, 1) >> 1
}

// completeRecoveryPurpose: the completion's effect arrives through the relayed
// PoolAddressUpdated event (x/sequencer's L1 config), like every L1 fact.
type completeRecoveryPurpose struct{}

func (completeRecoveryPurpose) Name() string { return CompleteRecoveryPurpose }

func (completeRecoveryPurpose) OnLanded(context.Context, types.PoolTx, bool) error { return nil }
