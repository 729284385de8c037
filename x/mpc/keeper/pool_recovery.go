package keeper

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/ethereum/go-ethereum/common"

	"github.com/themis-network/themis/contracts/bindings/staking"
	"github.com/themis-network/themis/x/mpc/outbound"
	"github.com/themis-network/themis/x/mpc/types"
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
	// recoveryRetryBlocks is the wait after a call that did not land: the contract
	// refuses it until the delay passed (PoolRecoveryNotReady), so during the weeks of
	// the delay a dry run (an eth_call, no gas) is made every so many blocks.
	recoveryRetryBlocks = 30
)

// stepPoolRecovery runs in EndBlock: when more than 2/3 of power relayed the owner's
// proposal of the chain's own key as the contract's recovery pool, the pool proposes
// completePoolRecovery for the validators' dry runs; only a call they saw pass is
// signed and sent. One call at a time, retried after recoveryRetryBlocks.
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
	if wait, err := k.recoveryWaits(ctx); err != nil || wait {
		return err
	}
	sp, err := k.sequencers.GetParams(ctx)
	if err != nil || !common.IsHexAddress(sp.StakingContract) || common.HexToAddress(sp.StakingContract) == (common.Address{}) {
		return err
	}
	call := outbound.Call{To: common.HexToAddress(sp.StakingContract), Data: staking.NewThemisStaking().PackCompletePoolRecovery(), Gas: params.AcceptPoolGas}
	id, err := k.ProposePoolCall(ctx, CompleteRecoveryPurpose, pool.Generation, call)
	if err != nil {
		return err
	}
	k.Logger(ctx).Info("pool proposes to complete the staking contract's recovery to its new address", "pool_tx", id, "address", pool.Address)
	return nil
}

// recoveryWaits says whether the last completion call holds the next one back: on
// its way; landed while its PoolAddressUpdated is not mirrored yet (for at most
// recoveryRetryBlocks); or closed within recoveryRetryBlocks. An undecided dry run past
// recoveryCheckBlocks is withdrawn here.
func (k Keeper) recoveryWaits(ctx sdk.Context) (bool, error) {
	last, err := k.LastByPurpose.Get(ctx, CompleteRecoveryPurpose)
	if isNotFound(err) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	tx, err := k.GetPoolTx(ctx, last)
	if err != nil {
		return false, err
	}
	height := ctx.BlockHeight()
	switch tx.Status {
	case types.POOL_TX_STATUS_CHECKING:
		if tx.CreatedHeight <= height && height-tx.CreatedHeight < recoveryCheckBlocks {
			return true, nil
		}
		return true, k.CancelPoolCall(ctx, tx.Id)
	case types.POOL_TX_STATUS_QUEUED, types.POOL_TX_STATUS_SIGNING, types.POOL_TX_STATUS_SENT:
		return true, nil
	}
	closed := max(tx.CreatedHeight, tx.ClosedHeight)
	return closed <= height && height-closed < recoveryRetryBlocks, nil
}

// completeRecoveryPurpose: the completion's effect arrives through the relayed
// PoolAddressUpdated event (x/sequencer's L1 config), like every L1 fact.
type completeRecoveryPurpose struct{}

func (completeRecoveryPurpose) Name() string { return CompleteRecoveryPurpose }

func (completeRecoveryPurpose) OnLanded(context.Context, types.PoolTx, bool) error { return nil }
