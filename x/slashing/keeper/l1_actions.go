package keeper

import (
	"bytes"
	"context"
	"fmt"

	"cosmossdk.io/collections"
	"cosmossdk.io/math"
	sdk "github.com/cosmos/cosmos-sdk/types"

	sequencertypes "github.com/themis-network/themis/x/sequencer/types"
	"github.com/themis-network/themis/x/slashing/types"
)

var _ sequencertypes.SlashHooks = Keeper{}

// queueSlash queues the L1 slash of a judged offence for the pool, opens its escrow
// record (PENDING_L1) and lowers the chain's view of the stake at once.
func (k Keeper) queueSlash(ctx context.Context, o types.Offence) (uint64, error) {
	slash := &types.SlashAction{SequencerId: o.SequencerId, Amount: o.Slashed, Severity: o.Severity, OffenceId: types.L1OffenceID(sdk.UnwrapSDKContext(ctx).ChainID(), o.Id)}
	a, err := k.queueAction(ctx, types.L1Action{Kind: types.L1_ACTION_KIND_SLASH, Slash: slash})
	if err != nil {
		return 0, err
	}
	escrow := types.Escrow{OffenceId: o.Id, SequencerId: o.SequencerId, Amount: o.Slashed, Status: types.ESCROW_STATUS_PENDING_L1}
	if err := k.Escrows.Set(ctx, collections.Join(o.Id, o.SequencerId), escrow); err != nil {
		return 0, err
	}
	return a.Id, k.sequencers.AddUnconfirmedSlash(ctx, o.SequencerId, o.Slashed)
}

// queueAction appends a typed L1 action for the pool. The write-back (the pool's L1
// transactions, l1_writeback.go) reads UnsentActions in id order; the relayed L1
// event settles each.
func (k Keeper) queueAction(ctx context.Context, a types.L1Action) (types.L1Action, error) {
	n, err := k.NextL1Action.Next(ctx)
	if err != nil {
		return a, err
	}
	a.Id, a.Status, a.CreatedHeight = n+1, types.L1_ACTION_STATUS_QUEUED, sdk.UnwrapSDKContext(ctx).BlockHeight()
	if err := k.L1Actions.Set(ctx, a.Id, a); err != nil {
		return a, err
	}
	if err := k.QueuedActions.Set(ctx, a.Id); err != nil {
		return a, err
	}
	if err := k.UnsentActions.Set(ctx, unsentKey(a)); err != nil {
		return a, err
	}
	return a, emit(ctx, &types.EventL1ActionQueued{Action: a})
}

// AfterL1Slashed implements x/sequencer's SlashHooks: an approved L1 Slashed event
// settles the chain's slash it names. L1 is authoritative and the event is applied
// whatever this finds: a slash that differs from what the chain asked for settles its
// action as MISMATCH (an alarm) and the escrow records what L1 took; one that names no
// queued action of the chain raises EventSlashUnmatched; one whose slash an appeal
// cancelled after the pool had sent it is applied and its escrow refunded at once
// (settleCancelledSlash). It returns what the chain had asked for, which x/sequencer
// stops counting as unconfirmed (zero for a cancelled slash: the appeal stopped
// counting it). Nothing here can fail the event: its own writes run in a cache that is
// dropped on error.
func (k Keeper) AfterL1Slashed(ctx context.Context, fact sequencertypes.L1SlashFact) math.Int {
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	cacheCtx, write := sdkCtx.CacheContext()
	settled, matched, err := k.settleSlash(cacheCtx, fact)
	if err != nil {
		k.Logger(ctx).Error("L1 slash not settled (the event is applied; alarm raised)", "sequencer", fact.SequencerID, "err", err)
		matched = false
	}
	if !matched {
		_ = emit(ctx, &types.EventSlashUnmatched{SequencerId: fact.SequencerID, OffenceId: fmt.Sprintf("0x%x", fact.OffenceID),
			EscrowId: fact.EscrowID, Amount: fact.Amount.String(), Time: sdkCtx.BlockTime()})
		return math.ZeroInt()
	}
	write()
	return settled
}

// settleSlash matches the event with its queued action; matched is false if there is none.
func (k Keeper) settleSlash(ctx context.Context, fact sequencertypes.L1SlashFact) (math.Int, bool, error) {
	id, err := types.OffenceNumber(fact.OffenceID)
	if err != nil {
		return math.Int{}, false, nil
	}
	o, err := k.Offences.Get(ctx, id)
	if isNotFound(err) || (err == nil && (o.L1ActionId == 0 || o.SequencerId != fact.SequencerID)) {
		return math.Int{}, false, nil
	}
	if err != nil {
		return math.Int{}, false, err
	}
	a, err := k.L1Actions.Get(ctx, o.L1ActionId)
	if err != nil {
		return math.Int{}, false, err
	}
	switch {
	case a.Slash == nil || !bytes.Equal(a.Slash.OffenceId, fact.OffenceID):
		return math.Int{}, false, nil // not the key the pool sent for this offence
	case a.Status == types.L1_ACTION_STATUS_CANCELLED && o.Status == types.OFFENCE_STATUS_APPEALED:
		// An appeal cancelled it after the pool had sent it: L1 is authoritative. The
		// appeal removed the unconfirmed slash already, so nothing more is settled.
		return math.ZeroInt(), true, k.settleCancelledSlash(ctx, o, a, fact)
	case a.Status != types.L1_ACTION_STATUS_QUEUED && a.Status != types.L1_ACTION_STATUS_PARKED:
		// Settled already: the contract slashes a pair once. A PARKED slash that L1
		// applied after all (L1 is authoritative) settles like a queued one.
		return math.Int{}, false, nil
	}
	status, note := types.L1_ACTION_STATUS_CONFIRMED, a.Note
	if mismatch := slashMismatch(*a.Slash, fact); mismatch != "" {
		status, note = types.L1_ACTION_STATUS_MISMATCH, mismatch
	}
	if err := k.holdEscrow(ctx, o, fact); err != nil {
		return math.Int{}, false, err
	}
	if err := k.settleAction(ctx, a, status, note); err != nil {
		return math.Int{}, false, err
	}
	return a.Slash.Amount, true, nil
}

// settleCancelledSlash applies L1's slash of an action an appeal cancelled after the
// pool had sent it. The action settles as L1 says (CONFIRMED or MISMATCH) with a note;
// what L1 took is HELD in its escrow and refunded to the owner at once (the appeal was
// upheld: refunds are due while the escrow is held), and the appeal record names the
// refund. A slash that took nothing leaves the escrow record as the appeal left it.
func (k Keeper) settleCancelledSlash(ctx context.Context, o types.Offence, a types.L1Action, fact sequencertypes.L1SlashFact) error {
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	a.Status, a.SettledHeight, a.Note = types.L1_ACTION_STATUS_CONFIRMED, sdkCtx.BlockHeight(), ""
	if note := slashMismatch(*a.Slash, fact); note != "" {
		a.Status, a.Note = types.L1_ACTION_STATUS_MISMATCH, note+"; "
	}
	a.Note += fmt.Sprintf("landed on L1 after the appeal of offence %d cancelled it", o.Id)
	var refundID uint64
	if fact.Amount.IsPositive() {
		if err := k.holdEscrow(ctx, o, fact); err != nil {
			return err
		}
		e, err := k.Escrows.Get(ctx, collections.Join(o.Id, o.SequencerId))
		if err != nil {
			return err
		}
		if e, err = k.refundEscrow(ctx, e); err != nil {
			return err
		}
		refundID = e.SettleActionId
		a.Note += fmt.Sprintf("; escrow %d refunded by action %d", fact.EscrowID, refundID)
	} else {
		a.Note += "; L1 took nothing"
	}
	if err := k.L1Actions.Set(ctx, a.Id, a); err != nil {
		return err
	}
	if o.Appeal != nil && refundID != 0 {
		o.Appeal.Refund, o.Appeal.RefundActionId = types.APPEAL_REFUND_ESCROW_REFUNDED, refundID
		o.Appeal.Note += fmt.Sprintf("; the cancelled slash landed on L1 at height %d (escrow %d, %s): refunded by action %d",
			sdkCtx.BlockHeight(), fact.EscrowID, fact.Amount, refundID)
		if err := k.Offences.Set(ctx, o.Id, o); err != nil {
			return err
		}
	}
	k.Logger(ctx).Info("cancelled slash landed on L1; escrow refunded", "offence", o.Id, "sequencer", o.SequencerId,
		"amount", fact.Amount, "refund_action", refundID)
	return emit(ctx, &types.EventL1ActionSettled{ActionId: a.Id, Status: a.Status, Note: a.Note})
}

// slashMismatch says how L1's slash differs from the chain's ("" if it does not).
func slashMismatch(want types.SlashAction, got sequencertypes.L1SlashFact) string {
	switch {
	case uint32(want.Severity) != got.Severity:
		return fmt.Sprintf("severity: L1 %d, chain %d", got.Severity, want.Severity)
	case !got.Amount.Equal(want.Amount):
		return fmt.Sprintf("amount: L1 took %s, the chain asked for %s", got.Amount, want.Amount)
	}
	return ""
}

// holdEscrow records what L1 holds in escrow for the offence, indexed by when it is due
// for release; a slash that took nothing (the lock was empty) holds nothing and its
// record goes.
func (k Keeper) holdEscrow(ctx context.Context, o types.Offence, fact sequencertypes.L1SlashFact) error {
	key := collections.Join(o.Id, o.SequencerId)
	if fact.Amount.IsZero() {
		return k.Escrows.Remove(ctx, key)
	}
	params, err := k.Params.Get(ctx)
	if err != nil {
		return err
	}
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	e := types.Escrow{
		OffenceId: o.Id, SequencerId: o.SequencerId, Amount: fact.Amount, Status: types.ESCROW_STATUS_HELD,
		EscrowId: fact.EscrowID, ConfirmedHeight: sdkCtx.BlockHeight(), ReleasableAt: sdkCtx.BlockTime().Add(params.EscrowPeriod),
	}
	if err := k.Escrows.Set(ctx, key, e); err != nil {
		return err
	}
	if err := k.EscrowsByRelease.Set(ctx, releaseKey(e)); err != nil {
		return err
	}
	if err := k.EscrowsByL1ID.Set(ctx, e.EscrowId, key); err != nil {
		return err
	}
	return emit(ctx, &types.EventEscrowHeld{Escrow: e})
}
