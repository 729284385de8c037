package keeper

import (
	"context"
	"encoding/hex"
	"time"

	"cosmossdk.io/math"

	"github.com/themis-network/themis/x/sequencer/types"
)

// applyL1Event carries out an approved, checked event as L1 says, and returns what the
// chain disagrees with (the caller records the alarm). Stake, key and nonce always
// follow L1; the status follows L1 too (an unlock makes UNLOCKING, a claim UNLOCKED),
// and where L1 shows the lock alive the chain decides admission. seq is nil for a lock.
func (k Keeper) applyL1Event(ctx context.Context, msg types.L1EventMsg, seq *types.Sequencer) ([]types.DisagreementFinding, error) {
	height := sdkHeight(ctx)
	switch m := msg.(type) {
	case *types.MsgLocked:
		return k.applyLock(ctx, m, height)
	case *types.MsgConfigChanged:
		return nil, k.applyConfigChange(ctx, m)
	case *types.MsgLedgerChanged:
		return nil, k.applyLedgerChange(ctx, m)
	}
	s := *seq
	findings := types.EventFindings(msg, s)
	to, reason := s.Status, s.StatusReason
	// An event only an Active lock can have shows the chain's UNLOCKING or UNLOCKED is
	// wrong: the sequencer is locked on L1, so the chain decides its admission again.
	l1ShowsActive := false
	stake := false
	s.L1Nonce = msg.GetNonce()
	switch m := msg.(type) {
	case *types.MsgRelocked:
		s.Locked, stake, l1ShowsActive = m.Total, true, true
	case *types.MsgWithdrawn:
		// The contract refused a withdrawal that would leave less than its min_lock.
		s.Locked, stake, l1ShowsActive = m.Total, true, true
	case *types.MsgUnlockInitiated:
		// The claim time is the one the contract set from its exit delay.
		s.UnlockClaimableAt = time.Unix(int64(m.UnlockableAt), 0).UTC() // ValidateBasic bounds it by MaxUnlockableAt
		to, reason = types.SEQUENCER_STATUS_UNLOCKING, ""
	case *types.MsgUnlockClaimed:
		s.Locked, stake = math.ZeroInt(), true
		to, reason = types.SEQUENCER_STATUS_UNLOCKED, ""
	case *types.MsgSignerChanged:
		key, err := types.ParseSignerKey(m.NewPubKey)
		if err != nil {
			return nil, err
		}
		old := s.Signer
		keyFindings, err := k.changeSigner(ctx, &s, key)
		if err != nil {
			return nil, err
		}
		findings = append(findings, keyFindings...)
		if len(keyFindings) > 0 && to == types.SEQUENCER_STATUS_ACTIVE {
			to = types.SEQUENCER_STATUS_NOT_ADMITTED // a banned or unindexable key never validates
		}
		// The contract changes the signer of a lock that is not claimed yet.
		l1ShowsActive = s.Status == types.SEQUENCER_STATUS_UNLOCKED
		emit(ctx, &types.EventSignerChanged{SequencerId: s.Id, OldSigner: old, NewSigner: s.Signer})
	case *types.MsgRewardRecipientChanged:
		old := s.RewardRecipient
		s.RewardRecipient, _ = types.NormalizeL1Address(m.NewRecipient) // ValidateBasic checked it
		emit(ctx, &types.EventRewardRecipientChanged{SequencerId: s.Id, OldRecipient: old, NewRecipient: s.RewardRecipient})
	case *types.MsgSlashed:
		// The status stays: a slash below min_lock does not change it (policy is x/slashing's).
		// An ACTIVE sequencer's power follows the new amount at EndBlock, like a withdrawal's.
		s.Locked, stake = m.Total, true
		settled := k.afterL1Slashed(ctx, types.L1SlashFact{SequencerID: s.Id, OffenceID: m.OffenceId, EscrowID: m.EscrowId,
			Severity: m.Severity, Amount: m.Amount, Total: m.Total})
		s.UnconfirmedSlash = types.UnconfirmedSlash(s).Sub(math.MinInt(settled, types.UnconfirmedSlash(s)))
		emit(ctx, &types.EventSlashApplied{SequencerId: s.Id, EscrowId: m.EscrowId, OffenceId: "0x" + hex.EncodeToString(m.OffenceId),
			Severity: m.Severity, Amount: m.Amount.String(), Total: m.Total.String()})
	}
	if l1ShowsActive && !types.L1Active(s.Status) {
		to = types.SEQUENCER_STATUS_NOT_ADMITTED
		s.UnlockClaimableAt = time.Time{} // no exit is pending on L1
	}
	// A sequencer the chain has not admitted is admitted as soon as every rule holds.
	if to == types.SEQUENCER_STATUS_NOT_ADMITTED {
		var err error
		if to, reason, err = k.admit(ctx, s); err != nil {
			return nil, err
		}
	}
	k.setStatus(ctx, &s, to, reason, height)
	if err := k.Sequencers.Set(ctx, s.Id, s); err != nil {
		return nil, err
	}
	if stake {
		k.emitStake(ctx, s)
	}
	return findings, nil
}

// applyLock records a new sequencer with the stake and key L1 gave it, whatever the
// chain thinks of it: ACTIVE if admitted, BANNED if its owner or signer is banned,
// NOT_ADMITTED otherwise. Every reason it is not admitted is also a finding.
func (k Keeper) applyLock(ctx context.Context, m *types.MsgLocked, height int64) ([]types.DisagreementFinding, error) {
	key, err := types.ParseSignerKey(m.PubKey)
	if err != nil {
		return nil, err
	}
	owner, _ := types.NormalizeL1Address(m.Owner)
	reward, _ := types.NormalizeL1Address(m.RewardRecipient)
	s := types.Sequencer{
		Id:               m.SequencerId,
		Owner:            owner,
		Signer:           key.L1Address(),
		PubKey:           key.Bytes(),
		Locked:           m.Amount,
		UnconfirmedSlash: math.ZeroInt(),
		RewardRecipient:  reward,
		Status:           types.SEQUENCER_STATUS_UNSPECIFIED,
		L1Nonce:          m.Nonce,
	}
	conflict, err := k.signerConflict(ctx, key)
	if err != nil {
		return nil, err
	}
	s.SignerConflict = conflict != ""
	facts, err := k.admissionFacts(ctx, s, conflict)
	if err != nil {
		return nil, err
	}
	findings := facts.Findings()
	status, reason := types.LockStatus(findings)
	k.setStatus(ctx, &s, status, reason, height)
	if err := k.setNewSequencer(ctx, s); err != nil {
		return nil, err
	}
	k.emitStake(ctx, s)
	return findings, nil
}

func (k Keeper) emitStake(ctx context.Context, s types.Sequencer) {
	power, err := k.PowerOf(ctx, s)
	if err != nil {
		power = 0
	}
	emit(ctx, &types.EventStakeChanged{SequencerId: s.Id, Locked: s.Locked.String(), Power: power})
}
