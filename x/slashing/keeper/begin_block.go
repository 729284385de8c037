package keeper

import "context"

// BeginBlock judges what the block header brings: CometBFT's duplicate-vote evidence
// (critical) and the last commit's votes (the downtime window: high for a group, low
// alone). x/sequencer's EndBlock then carries the outcomes into this block's validator
// updates.
//
// The module runs the two halves in caches of their own (JudgeDoubleSigns,
// RecordVotes), so a failure of one never drops the other's judgements: CometBFT does
// not hand the same evidence over again.
func (k Keeper) BeginBlock(ctx context.Context) error {
	if err := k.JudgeDoubleSigns(ctx); err != nil {
		return err
	}
	return k.RecordVotes(ctx)
}

// JudgeDoubleSigns is BeginBlock's evidence half.
func (k Keeper) JudgeDoubleSigns(ctx context.Context) error { return k.judgeDoubleSigns(ctx) }

// RecordVotes is BeginBlock's downtime half.
func (k Keeper) RecordVotes(ctx context.Context) error { return k.recordVotes(ctx) }
