package keeper

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/ethereum/go-ethereum/common"

	"github.com/themis-network/themis/contracts/bindings/staking"
	"github.com/themis-network/themis/x/mpc/outbound"
	"github.com/themis-network/themis/x/mpc/types"
)

// AcceptPoolPurpose is the pool call purpose of the staking contract's
// acceptPoolAddress: during bootstrap the owner proposes the pool address
// (proposePoolAddress), and the pool itself must accept, proving it controls the key.
const AcceptPoolPurpose = "accept_pool_address"

// stepPoolAcceptance runs in EndBlock: when more than 2/3 of power saw the pool
// address proposed on L1 and the staking contract does not have it yet, the pool
// accepts (once; again only if L1 still shows it proposed after an earlier
// acceptance landed).
func (k Keeper) stepPoolAcceptance(ctx sdk.Context, params types.Params) error {
	view, err := k.getL1View(ctx)
	if err != nil || !view.PoolProposed {
		return err
	}
	has, err := k.PoolKey.Has(ctx)
	if err != nil || !has {
		return err
	}
	if known, err := k.poolKnownOnL1(ctx); err != nil || known {
		return err
	}
	if halted, err := k.Halted(ctx, params, AcceptPoolPurpose); err != nil || halted {
		return err
	}
	last, err := k.LastByPurpose.Get(ctx, AcceptPoolPurpose)
	if err == nil {
		tx, err := k.GetPoolTx(ctx, last)
		if err != nil {
			return err
		}
		switch tx.Status {
		case types.POOL_TX_STATUS_QUEUED, types.POOL_TX_STATUS_SIGNING, types.POOL_TX_STATUS_SENT:
			return nil
		case types.POOL_TX_STATUS_CONFIRMED:
			if view.L1Height <= tx.L1Block {
				return nil // the view predates the acceptance
			}
		}
	} else if !isNotFound(err) {
		return err
	}
	sp, err := k.sequencers.GetParams(ctx)
	if err != nil || sp.StakingContract == "" {
		return err
	}
	data := staking.NewThemisStaking().PackAcceptPoolAddress()
	_, err = k.QueuePoolCall(ctx, AcceptPoolPurpose, 0, outbound.Call{To: common.HexToAddress(sp.StakingContract), Data: data, Gas: params.AcceptPoolGas})
	return err
}

// acceptPoolPurpose: the acceptance's effect arrives through the relayed
// PoolAddressUpdated event (x/sequencer's L1 config), like every L1 fact.
type acceptPoolPurpose struct{ k Keeper }

func (acceptPoolPurpose) Name() string { return AcceptPoolPurpose }

func (acceptPoolPurpose) OnLanded(context.Context, types.PoolTx, bool) error { return nil }
