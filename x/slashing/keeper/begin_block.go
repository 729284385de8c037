package keeper

import "context"

// BeginBlock judges what the block header brings: CometBFT's duplicate-vote evidence
// (critical) and the last commit's votes (the downtime window: high for a group, low
// alone). x/sequencer's EndBlock then carries the outcomes into this block's validator
// updates.
func (k Keeper) BeginBlock(ctx context.Context) error {
	if err := k.judgeDoubleSigns(ctx); err != nil {
		return err
	}
	return k.recordVotes(ctx)
}
