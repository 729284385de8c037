package sequencertest

import (
	"context"
	"fmt"

	"cosmossdk.io/math"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/themis-network/themis/x/sequencer/keeper"
	"github.com/themis-network/themis/x/sequencer/types"
	"github.com/themis-network/themis/x/voteext"
)

// Locked builds a valid MsgLocked (nonce 1, reward recipient = owner).
func Locked(submitter string, ref types.L1EventRef, id uint64, owner string, pub64 []byte, amount math.Int) *types.MsgLocked {
	return &types.MsgLocked{
		Submitter:       submitter,
		Event:           ref,
		SequencerId:     id,
		Owner:           owner,
		PubKey:          append([]byte(nil), pub64...),
		Amount:          amount,
		RewardRecipient: owner,
		Nonce:           1,
	}
}

// Relocked builds a MsgRelocked.
func Relocked(submitter string, ref types.L1EventRef, id, nonce uint64, amount, total math.Int) *types.MsgRelocked {
	return &types.MsgRelocked{Submitter: submitter, Event: ref, SequencerId: id, Amount: amount, Total: total, Nonce: nonce}
}

// Withdrawn builds a MsgWithdrawn.
func Withdrawn(submitter string, ref types.L1EventRef, id, nonce uint64, amount, total math.Int) *types.MsgWithdrawn {
	return &types.MsgWithdrawn{Submitter: submitter, Event: ref, SequencerId: id, Amount: amount, Total: total, Nonce: nonce}
}

// UnlockInitiated builds a MsgUnlockInitiated claimable at unlockableAt (unix seconds).
func UnlockInitiated(submitter string, ref types.L1EventRef, id, nonce, unlockableAt uint64) *types.MsgUnlockInitiated {
	return &types.MsgUnlockInitiated{Submitter: submitter, Event: ref, SequencerId: id, Nonce: nonce, UnlockableAt: unlockableAt}
}

// UnlockClaimed builds a MsgUnlockClaimed.
func UnlockClaimed(submitter string, ref types.L1EventRef, id, nonce uint64, amount math.Int) *types.MsgUnlockClaimed {
	return &types.MsgUnlockClaimed{Submitter: submitter, Event: ref, SequencerId: id, Amount: amount, Nonce: nonce}
}

// SignerChanged builds a MsgSignerChanged.
func SignerChanged(submitter string, ref types.L1EventRef, id, nonce uint64, newPub64 []byte) *types.MsgSignerChanged {
	return &types.MsgSignerChanged{Submitter: submitter, Event: ref, SequencerId: id, NewPubKey: append([]byte(nil), newPub64...), Nonce: nonce}
}

// RewardRecipientChanged builds a MsgRewardRecipientChanged.
func RewardRecipientChanged(submitter string, ref types.L1EventRef, id, nonce uint64, newRecipient string) *types.MsgRewardRecipientChanged {
	return &types.MsgRewardRecipientChanged{Submitter: submitter, Event: ref, SequencerId: id, NewRecipient: newRecipient, Nonce: nonce}
}

// Slashed builds a MsgSlashed of a medium offence with the given escrow and offence id.
func Slashed(submitter string, ref types.L1EventRef, id, nonce, escrowID uint64, offenceID []byte, amount, total math.Int) *types.MsgSlashed {
	return &types.MsgSlashed{Submitter: submitter, Event: ref, SequencerId: id, EscrowId: escrowID,
		OffenceId: append([]byte(nil), offenceID...), Severity: types.SeverityMedium, Amount: amount, Total: total, Nonce: nonce}
}

// Relay sends a relayed L1 event to the msg server method of its type.
func Relay(ctx context.Context, ms types.MsgServer, msg types.L1EventMsg) (*types.MsgRelayResponse, error) {
	switch m := msg.(type) {
	case *types.MsgLocked:
		return ms.Locked(ctx, m)
	case *types.MsgRelocked:
		return ms.Relocked(ctx, m)
	case *types.MsgWithdrawn:
		return ms.Withdrawn(ctx, m)
	case *types.MsgUnlockInitiated:
		return ms.UnlockInitiated(ctx, m)
	case *types.MsgUnlockClaimed:
		return ms.UnlockClaimed(ctx, m)
	case *types.MsgSignerChanged:
		return ms.SignerChanged(ctx, m)
	case *types.MsgRewardRecipientChanged:
		return ms.RewardRecipientChanged(ctx, m)
	case *types.MsgSlashed:
		return ms.Slashed(ctx, m)
	case *types.MsgConfigChanged:
		return ms.ConfigChanged(ctx, m)
	case *types.MsgLedgerChanged:
		return ms.LedgerChanged(ctx, m)
	default:
		panic(fmt.Sprintf("sequencertest: unknown relayed message %T", msg))
	}
}

// maxPending is larger than any queue a test builds.
const maxPending = 1 << 20

// ApproveAll resolves every pending item, oldest first, as a vote with more than
// 2/3 YES would. Items with a future nonce stay queued, as the keeper decides.
func ApproveAll(ctx sdk.Context, k keeper.Keeper) error {
	return resolveAll(ctx, k, voteext.OutcomeApproved)
}

// RejectAll resolves every pending item as a vote with at least 1/3 NO would.
func RejectAll(ctx sdk.Context, k keeper.Keeper) error {
	return resolveAll(ctx, k, voteext.OutcomeRejected)
}

// resolveAll resolves every queued item, oldest first, whether or not the vote window
// would offer it now: an approved item ahead of its predecessor waits as approved.
func resolveAll(ctx sdk.Context, k keeper.Keeper, outcome voteext.Outcome) error {
	items, err := queued(ctx, k)
	if err != nil {
		return err
	}
	for _, p := range items {
		if err := k.Resolve(ctx, p.Digest, outcome); err != nil {
			return fmt.Errorf("resolve %d: %w", p.Id, err)
		}
	}
	return nil
}

// queued lists every queued item, oldest first.
func queued(ctx sdk.Context, k keeper.Keeper) ([]types.PendingEvent, error) {
	var out []types.PendingEvent
	err := k.PendingEvents.Walk(ctx, nil, func(_ uint64, p types.PendingEvent) (bool, error) {
		out = append(out, p)
		return false, nil
	})
	return out, err
}
