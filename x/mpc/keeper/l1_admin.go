package keeper

import (
	"bytes"
	"context"
	"math/big"
	"slices"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/ethereum/go-ethereum/common"

	"github.com/themis-network/themis/contracts/bindings/staking"
	"github.com/themis-network/themis/x/mpc/outbound"
	"github.com/themis-network/themis/x/mpc/types"
	sequencertypes "github.com/themis-network/themis/x/sequencer/types"
)

// L1AdminPurpose is the pool call purpose that keeps the staking contract's
// administration what themis governance decided (x/sequencer's whitelist and L1Admin):
// setWhitelist, setLockLimits, setExitDelay and endBootstrap, one call at a time.
//
// Every such call is idempotent on L1, so the reconciliation needs no record of its
// own: each EndBlock it reads the last call (LastByPurpose) and the differences
// x/sequencer reports, and proposes the next one, checked by the validators' dry runs
// like every purpose's call. A landed call waits while the difference it made is still
// listed (its event not mirrored yet; at most l1AdminRetryBlocks), so the same change
// is not sent twice; a refused, reverted or undecided call waits l1AdminRetryBlocks and
// the next difference goes first, so one the contract refuses holds no other.
const L1AdminPurpose = "l1_admin"

const (
	// l1AdminCheckBlocks: a dry run undecided this long is withdrawn (an L1 outage).
	l1AdminCheckBlocks = 60
	// l1AdminRetryBlocks is the wait after a call that failed.
	l1AdminRetryBlocks = 100
	// l1AdminLookahead bounds the differences read per block.
	l1AdminLookahead = 8
)

// stepL1Admin runs in EndBlock.
func (k Keeper) stepL1Admin(ctx sdk.Context, params types.Params) error {
	if ready, err := k.PoolReady(ctx); err != nil || !ready {
		return err
	}
	if halted, err := k.Halted(ctx, params, L1AdminPurpose); err != nil || halted {
		return err
	}
	sp, err := k.sequencers.GetParams(ctx)
	if err != nil || !common.IsHexAddress(sp.StakingContract) || common.HexToAddress(sp.StakingContract) == (common.Address{}) {
		return err
	}
	changes, err := k.sequencers.L1AdminChanges(ctx, l1AdminLookahead)
	if err != nil {
		return err
	}
	staking := common.HexToAddress(sp.StakingContract)
	calls := make([]outbound.Call, len(changes))
	for i, c := range changes {
		calls[i] = outbound.Call{To: staking, Data: packL1AdminChange(c), Gas: types.L1AdminGas}
	}
	pick := 0
	if last, err := k.LastByPurpose.Get(ctx, L1AdminPurpose); err == nil {
		tx, err := k.GetPoolTx(ctx, last)
		if err != nil {
			return err
		}
		wait, err := k.l1AdminWaits(ctx, tx, calls)
		if err != nil || wait {
			return err
		}
		if tx.Status != types.POOL_TX_STATUS_CONFIRMED {
			// A failed call: the difference after it goes first.
			if i := slices.IndexFunc(calls, func(c outbound.Call) bool { return bytes.Equal(c.Data, tx.Data) }); i >= 0 {
				pick = (i + 1) % len(calls)
			}
		}
	} else if !isNotFound(err) {
		return err
	}
	if len(calls) == 0 {
		return nil
	}
	id, err := k.ProposePoolCall(ctx, L1AdminPurpose, 0, calls[pick])
	if err != nil {
		return err
	}
	k.Logger(ctx).Info("pool proposes an L1 administration change", "pool_tx", id, "change", changes[pick].String())
	return nil
}

// l1AdminWaits says whether the last call still holds the next one back: on its way;
// landed while the difference it made is still listed (its event not mirrored yet),
// for at most l1AdminRetryBlocks; or failed within l1AdminRetryBlocks. An undecided
// dry run past l1AdminCheckBlocks is withdrawn here. calls are the current differences'.
func (k Keeper) l1AdminWaits(ctx sdk.Context, tx types.PoolTx, calls []outbound.Call) (bool, error) {
	height := ctx.BlockHeight()
	switch tx.Status {
	case types.POOL_TX_STATUS_CHECKING:
		if tx.CreatedHeight <= height && height-tx.CreatedHeight < l1AdminCheckBlocks {
			return true, nil
		}
		return true, k.CancelPoolCall(ctx, tx.Id) // retried after the wait below
	case types.POOL_TX_STATUS_QUEUED, types.POOL_TX_STATUS_SIGNING, types.POOL_TX_STATUS_SENT:
		return true, nil
	case types.POOL_TX_STATUS_CONFIRMED:
		listed := slices.ContainsFunc(calls, func(c outbound.Call) bool { return bytes.Equal(c.Data, tx.Data) })
		closed := max(tx.CreatedHeight, tx.ClosedHeight)
		return listed && closed <= height && height-closed < l1AdminRetryBlocks, nil
	}
	// REFUSED, REVERTED, CANCELLED: a wait from when it closed.
	closed := max(tx.CreatedHeight, tx.ClosedHeight)
	return closed <= height && height-closed < l1AdminRetryBlocks, nil
}

// packL1AdminChange is the staking contract's call for a change.
func packL1AdminChange(c sequencertypes.L1AdminChange) []byte {
	s := staking.NewThemisStaking()
	switch c.Kind {
	case sequencertypes.L1AdminWhitelist:
		return s.PackSetWhitelist(common.HexToAddress(c.Account), c.Allowed)
	case sequencertypes.L1AdminLockLimits:
		return s.PackSetLockLimits(c.MinLock.BigInt(), c.MaxLock.BigInt())
	case sequencertypes.L1AdminExitDelay:
		return s.PackSetExitDelay(new(big.Int).SetUint64(c.ExitDelaySeconds))
	case sequencertypes.L1AdminCancelRecovery:
		return s.PackCancelPoolRecovery()
	default:
		return s.PackEndBootstrap()
	}
}

// l1AdminPurpose: each change's effect arrives through the relayed configuration
// events (x/sequencer's L1Config and L1 whitelist), like every L1 fact.
type l1AdminPurpose struct{}

func (l1AdminPurpose) Name() string { return L1AdminPurpose }

func (l1AdminPurpose) OnLanded(context.Context, types.PoolTx, bool) error { return nil }
