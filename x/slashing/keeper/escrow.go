package keeper

import (
	"context"
	"fmt"

	"cosmossdk.io/collections"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/themis-network/themis/x/slashing/types"
)

// Slashed tokens wait in the contract's escrow for escrow_period (a year on mainnet),
// then go to the treasury (seed 000, "Slashed Token Handling"); an upheld appeal
// refunds them to the owner, but only while they are held. The chain keeps one Escrow
// record per slash:
//
//	PENDING_L1 --L1 Slashed event--> HELD --releasable_at reached (EndBlock)--> RELEASED
//	    |                             |
//	    | appeal: slash cancelled     | appeal: REFUND_ESCROW queued
//	    v                             v
//	 REFUNDED (no action)          REFUNDED
//
// HELD escrows are indexed by when they are due (EscrowsByRelease), so the release
// walks only what is due.

// maxReleasedPerBlock bounds the escrows released in one block; the rest wait for the
// next block, in the index's order (earliest due first).
const maxReleasedPerBlock = 32

// releaseKey is a HELD escrow's key in EscrowsByRelease.
func releaseKey(e types.Escrow) collections.Triple[int64, uint64, uint64] {
	return collections.Join3(e.ReleasableAt.Unix(), e.OffenceId, e.SequencerId)
}

// refundEscrow queues the L1 refund of a HELD escrow to the sequencer's owner (an
// upheld appeal): the escrow is REFUNDED by that action and leaves the release index.
func (k Keeper) refundEscrow(ctx context.Context, e types.Escrow) (types.Escrow, error) {
	if e.Status != types.ESCROW_STATUS_HELD {
		return e, fmt.Errorf("escrow (%d, %d) is %s: only a held escrow is refunded", e.OffenceId, e.SequencerId, e.Status)
	}
	a, err := k.queueAction(ctx, types.L1Action{Kind: types.L1_ACTION_KIND_REFUND_ESCROW, Escrow: &types.EscrowAction{
		OffenceId: e.OffenceId, SequencerId: e.SequencerId, EscrowId: e.EscrowId, Amount: e.Amount,
	}})
	if err != nil {
		return e, err
	}
	if err := k.EscrowsByRelease.Remove(ctx, releaseKey(e)); err != nil {
		return e, err
	}
	e.Status, e.SettleActionId = types.ESCROW_STATUS_REFUNDED, a.Id
	return e, k.Escrows.Set(ctx, collections.Join(e.OffenceId, e.SequencerId), e)
}

// releaseDueEscrows queues RELEASE_ESCROW for the HELD escrows whose releasable_at
// has come (block time), at most maxReleasedPerBlock of them, earliest first: each is
// RELEASED by its action and leaves the index (EventEscrowReleased). An index entry
// that names no HELD escrow is stale and is dropped.
func (k Keeper) releaseDueEscrows(ctx context.Context) error {
	now := sdk.UnwrapSDKContext(ctx).BlockTime()
	var due []collections.Triple[int64, uint64, uint64]
	walked := 0
	err := k.EscrowsByRelease.Walk(ctx, collections.NewPrefixUntilTripleRange[int64, uint64, uint64](now.Unix()),
		func(key collections.Triple[int64, uint64, uint64]) (bool, error) {
			walked++
			due = append(due, key)
			return walked >= maxReleasedPerBlock, nil
		})
	if err != nil {
		return err
	}
	for _, key := range due {
		e, err := k.Escrows.Get(ctx, collections.Join(key.K2(), key.K3()))
		if err != nil && !isNotFound(err) {
			return err
		}
		if isNotFound(err) || e.Status != types.ESCROW_STATUS_HELD || e.ReleasableAt.Unix() != key.K1() {
			k.Logger(ctx).Error("stale escrow release index entry dropped", "offence", key.K2(), "sequencer", key.K3())
			if err := k.EscrowsByRelease.Remove(ctx, key); err != nil {
				return err
			}
			continue
		}
		if e.ReleasableAt.After(now) {
			continue // due later in this same second
		}
		if err := k.releaseEscrow(ctx, e); err != nil {
			return err
		}
	}
	return nil
}

// releaseEscrow queues the release of one due HELD escrow to the treasury.
func (k Keeper) releaseEscrow(ctx context.Context, e types.Escrow) error {
	a, err := k.queueAction(ctx, types.L1Action{Kind: types.L1_ACTION_KIND_RELEASE_ESCROW, Escrow: &types.EscrowAction{
		OffenceId: e.OffenceId, SequencerId: e.SequencerId, EscrowId: e.EscrowId, Amount: e.Amount,
	}})
	if err != nil {
		return err
	}
	if err := k.EscrowsByRelease.Remove(ctx, releaseKey(e)); err != nil {
		return err
	}
	e.Status, e.SettleActionId = types.ESCROW_STATUS_RELEASED, a.Id
	if err := k.Escrows.Set(ctx, collections.Join(e.OffenceId, e.SequencerId), e); err != nil {
		return err
	}
	k.Logger(ctx).Info("escrow released", "offence", e.OffenceId, "sequencer", e.SequencerId, "escrow", e.EscrowId,
		"amount", e.Amount, "action", a.Id)
	return emit(ctx, &types.EventEscrowReleased{Escrow: e})
}
