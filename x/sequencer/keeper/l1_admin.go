package keeper

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/themis-network/themis/x/sequencer/types"
)

// The staking contract's administration: governance decides it here (the chain's
// whitelist, MsgUpdateWhitelist; the lock limits, exit delay and end of bootstrap,
// MsgUpdateL1Admin), the contract's is mirrored from its events (L1Config and
// L1Whitelist), and L1AdminChanges lists where they differ for the pool to reconcile
// (x/mpc's l1_admin purpose). WhitelistDiffs holds exactly the owners on which the two
// whitelists differ, kept at every change of either, so the walk is bounded.

// setWhitelisted admits (or removes) owner on the chain's whitelist.
func (k Keeper) setWhitelisted(ctx context.Context, owner string, allowed bool) error {
	var err error
	if allowed {
		err = k.Whitelist.Set(ctx, owner)
	} else {
		err = k.Whitelist.Remove(ctx, owner)
	}
	if err != nil {
		return err
	}
	return k.markWhitelistDiff(ctx, owner)
}

// setL1Whitelisted records the contract's WhitelistUpdated for account.
func (k Keeper) setL1Whitelisted(ctx context.Context, account string, allowed bool) error {
	var err error
	if allowed {
		err = k.L1Whitelist.Set(ctx, account)
	} else {
		err = k.L1Whitelist.Remove(ctx, account)
	}
	if err != nil {
		return err
	}
	return k.markWhitelistDiff(ctx, account)
}

// markWhitelistDiff keeps owner in WhitelistDiffs exactly while the two whitelists
// disagree on it.
func (k Keeper) markWhitelistDiff(ctx context.Context, owner string) error {
	chain, err := k.Whitelist.Has(ctx, owner)
	if err != nil {
		return err
	}
	l1, err := k.L1Whitelist.Has(ctx, owner)
	if err != nil {
		return err
	}
	if chain != l1 {
		return k.WhitelistDiffs.Set(ctx, owner)
	}
	return k.WhitelistDiffs.Remove(ctx, owner)
}

// L1AdminChanges returns at most limit changes that would make the contract's
// administration governance's: the configuration's first (a recovery governance did
// not approve, the end of bootstrap, the lock limits, the exit delay: see
// L1Admin.ConfigChanges), then the whitelist differences in address order, so that
// nobody holds the urgent ones back by whitelisting many addresses on L1 during
// bootstrap.
func (k Keeper) L1AdminChanges(ctx context.Context, limit int) ([]types.L1AdminChange, error) {
	if limit <= 0 {
		return nil, nil
	}
	admin, err := k.L1Admin.Get(ctx)
	if err != nil {
		return nil, err
	}
	config, err := k.L1Config.Get(ctx)
	if err != nil {
		return nil, err
	}
	now := sdk.UnwrapSDKContext(ctx).BlockTime().Unix()
	out := admin.ConfigChanges(config, uint64(max(now, 0)))
	if len(out) >= limit {
		return out[:limit], nil
	}
	err = k.WhitelistDiffs.Walk(ctx, nil, func(owner string) (bool, error) {
		allowed, err := k.Whitelist.Has(ctx, owner)
		if err != nil {
			return true, err
		}
		out = append(out, types.L1AdminChange{Kind: types.L1AdminWhitelist, Account: owner, Allowed: allowed})
		return len(out) >= limit, nil
	})
	return out, err
}

// ApproveRecoveryPool records governance's approval of address as the staking
// contract's recovery pool (L1Admin.recovery_pool), as MsgUpdateL1Admin would. x/mpc
// calls it when the keygen that followed a retired pool key (MsgReplacePoolKey, itself
// a governance decision) confirms: the owner's proposal of that address on L1 is then
// the approved one, and any other is vetoed and alarmed (L1AdminChanges).
func (k Keeper) ApproveRecoveryPool(ctx context.Context, address string) error {
	if err := types.ValidateRecoveryPool(address); err != nil {
		return err
	}
	admin, err := k.L1Admin.Get(ctx)
	if err != nil {
		return err
	}
	admin.RecoveryPool = address
	if err := k.L1Admin.Set(ctx, admin); err != nil {
		return err
	}
	emit(ctx, &types.EventL1AdminUpdated{Admin: admin})
	return nil
}
