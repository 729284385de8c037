package types

import (
	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"
)

// validateRewards checks the reward accounting: amounts whole and not negative, one
// record per sequencer and per epoch in increasing id order, no epoch credited beyond
// the cursor, and reward batch ids increasing with the actions that carry them.
func (gs GenesisState) validateRewards() error {
	rs := gs.RewardState
	if !rs.RewardPerBlock.IsNil() && rs.RewardPerBlock.IsNegative() {
		return errorsmod.Wrapf(ErrInvalidGenesis, "reward_per_block %s is negative", rs.RewardPerBlock)
	}
	var last uint64
	for i, r := range gs.SequencerRewards {
		if r.SequencerId == 0 || (i > 0 && r.SequencerId <= last) {
			return errorsmod.Wrapf(ErrInvalidGenesis, "sequencer rewards %d: sequencer %d zero or not increasing", i, r.SequencerId)
		}
		last = r.SequencerId
		for _, v := range []struct {
			name string
			amt  math.Int
		}{{"accrued", r.Accrued}, {"batched", r.Batched}, {"paid", r.Paid}} {
			if v.amt.IsNil() || v.amt.IsNegative() {
				return errorsmod.Wrapf(ErrInvalidGenesis, "sequencer rewards %d: %s missing or negative", r.SequencerId, v.name)
			}
		}
		if !r.Withdrawn.IsNil() && r.Withdrawn.IsNegative() {
			return errorsmod.Wrapf(ErrInvalidGenesis, "sequencer rewards %d: withdrawn negative", r.SequencerId)
		}
	}
	last = 0
	for i, c := range gs.EpochCredits {
		if c.EpochId == 0 || (i > 0 && c.EpochId <= last) || c.EpochId > rs.EpochCursor {
			return errorsmod.Wrapf(ErrInvalidGenesis, "epoch credit %d: epoch %d zero, not increasing or past the cursor %d", i, c.EpochId, rs.EpochCursor)
		}
		last = c.EpochId
		if c.Amount.IsNil() || c.Amount.IsNegative() || c.RewardPerBlock.IsNil() || c.RewardPerBlock.IsNegative() {
			return errorsmod.Wrapf(ErrInvalidGenesis, "epoch credit %d: amount or reward per block missing or negative", c.EpochId)
		}
		if _, ok := CreditStatus_name[int32(c.Status)]; !ok || c.Status == CREDIT_STATUS_UNSPECIFIED {
			return errorsmod.Wrapf(ErrInvalidGenesis, "epoch credit %d: status %d", c.EpochId, c.Status)
		}
		if c.Blocks > c.Produced || (c.Status != CREDIT_STATUS_PAID && (c.Blocks != 0 || !c.Amount.IsZero())) {
			return errorsmod.Wrapf(ErrInvalidGenesis, "epoch credit %d: %d blocks of %d produced, %s credited with status %s",
				c.EpochId, c.Blocks, c.Produced, c.Amount, c.Status)
		}
	}
	var lastBatch uint64
	for _, a := range gs.L1Actions {
		if a.RewardBatch == nil {
			continue
		}
		if a.RewardBatch.BatchId <= lastBatch {
			return errorsmod.Wrapf(ErrInvalidGenesis, "l1 action %d: reward batch id %d not increasing", a.Id, a.RewardBatch.BatchId)
		}
		lastBatch = a.RewardBatch.BatchId
	}
	return nil
}
