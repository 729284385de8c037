package keeper

import (
	"context"
	"encoding/hex"
	"time"

	"cosmossdk.io/math"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/themis-network/themis/x/sequencer/types"
)

// applyL1Event carries out an approved, checked event. seq is nil for a lock.
func (k Keeper) applyL1Event(ctx context.Context, msg types.L1EventMsg, seq *types.Sequencer) error {
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	height := sdkCtx.BlockHeight()
	if lock, ok := msg.(*types.MsgLocked); ok {
		return k.applyLock(ctx, lock, height)
	}
	s := *seq
	s.L1Nonce = msg.GetNonce()
	switch m := msg.(type) {
	case *types.MsgRelocked:
		s.Locked = m.Total
		k.emitStake(ctx, s)
	case *types.MsgWithdrawn:
		s.Locked = m.Total
		k.emitStake(ctx, s)
	case *types.MsgUnlockInitiated:
		// The contract's exit delay is authoritative: the claim time is the one it set
		// (params.ExitDelay is no longer used).
		s.UnlockClaimableAt = time.Unix(int64(m.UnlockableAt), 0).UTC() // ValidateBasic bounds it by MaxUnlockableAt
		k.setStatus(ctx, &s, types.SEQUENCER_STATUS_UNLOCKING, height)
	case *types.MsgUnlockClaimed:
		s.Locked = math.ZeroInt()
		k.setStatus(ctx, &s, types.SEQUENCER_STATUS_UNLOCKED, height)
		k.emitStake(ctx, s)
	case *types.MsgSignerChanged:
		key, err := types.ParseSignerKey(m.NewPubKey)
		if err != nil {
			return err
		}
		old := s.Signer
		if err := k.replaceSigner(ctx, &s, key); err != nil {
			return err
		}
		emit(ctx, &types.EventSignerChanged{SequencerId: s.Id, OldSigner: old, NewSigner: s.Signer})
	case *types.MsgRewardRecipientChanged:
		old := s.RewardRecipient
		s.RewardRecipient, _ = types.NormalizeL1Address(m.NewRecipient) // ValidateBasic checked it
		emit(ctx, &types.EventRewardRecipientChanged{SequencerId: s.Id, OldRecipient: old, NewRecipient: s.RewardRecipient})
	case *types.MsgSlashed:
		// The status stays: a slash below min_lock does not change it (policy is x/slashing's).
		// An ACTIVE sequencer's power follows the new amount at EndBlock, like a withdrawal's.
		s.Locked = m.Total
		k.emitStake(ctx, s)
		emit(ctx, &types.EventSlashApplied{SequencerId: s.Id, EscrowId: m.EscrowId, OffenceId: "0x" + hex.EncodeToString(m.OffenceId),
			Severity: m.Severity, Amount: m.Amount.String(), Total: m.Total.String()})
	}
	return k.Sequencers.Set(ctx, s.Id, s)
}

func (k Keeper) applyLock(ctx context.Context, m *types.MsgLocked, height int64) error {
	key, err := types.ParseSignerKey(m.PubKey)
	if err != nil {
		return err
	}
	owner, _ := types.NormalizeL1Address(m.Owner)
	reward, _ := types.NormalizeL1Address(m.RewardRecipient)
	s := types.Sequencer{
		Id:              m.SequencerId,
		Owner:           owner,
		Signer:          key.L1Address(),
		PubKey:          key.Bytes(),
		Locked:          m.Amount,
		RewardRecipient: reward,
		Status:          types.SEQUENCER_STATUS_UNSPECIFIED,
		L1Nonce:         m.Nonce,
	}
	k.setStatus(ctx, &s, types.SEQUENCER_STATUS_ACTIVE, height)
	if err := k.setNewSequencer(ctx, s); err != nil {
		return err
	}
	k.emitStake(ctx, s)
	return nil
}

func (k Keeper) emitStake(ctx context.Context, s types.Sequencer) {
	power, err := k.PowerOf(ctx, s)
	if err != nil {
		power = 0
	}
	emit(ctx, &types.EventStakeChanged{SequencerId: s.Id, Locked: s.Locked.String(), Power: power})
}
