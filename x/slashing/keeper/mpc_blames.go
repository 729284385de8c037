package keeper

import (
	"context"
	"fmt"

	sdk "github.com/cosmos/cosmos-sdk/types"

	mpctypes "github.com/themis-network/themis/x/mpc/types"
	"github.com/themis-network/themis/x/slashing/types"
)

// judgeMpcBlames judges x/mpc's blame records after the cursor, at most
// maxJudgedPerBlock of them, each in a cache of its own. A record that cannot be
// judged (its sequencer is unknown, say) is logged and passed over, as an x/epoch
// offence is: the failure is the same on every node. Without x/mpc (WithMpc not
// called) nothing is judged.
func (k Keeper) judgeMpcBlames(ctx context.Context) error {
	if k.mpc == nil {
		return nil
	}
	cursor, err := k.MpcBlameCursor.Get(ctx)
	if err != nil && !isNotFound(err) {
		return err
	}
	blames, err := k.mpc.BlamesAfter(ctx, cursor, maxJudgedPerBlock)
	if err != nil {
		return err
	}
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	for _, b := range blames {
		ev := mpcEvidence(b)
		cacheCtx, write := sdkCtx.CacheContext()
		if _, err := k.Judge(cacheCtx, ev); err != nil {
			k.Logger(ctx).Error("mpc blame not judged", "ref", ev.Ref, "sequencer", b.Accused, "err", err)
		} else {
			write()
		}
		if err := k.MpcBlameCursor.Set(ctx, b.Id); err != nil {
			return err
		}
	}
	return nil
}

// mpcEvidence is the evidence of a blame record: class MPC_BLAME at the record's
// severity (low: recorded and flagged, no slash; medium and high as the ladder says).
func mpcEvidence(b mpctypes.Blame) Evidence {
	sev := types.SEVERITY_LOW
	switch b.Severity {
	case mpctypes.BLAME_SEVERITY_MEDIUM:
		sev = types.SEVERITY_MEDIUM
	case mpctypes.BLAME_SEVERITY_HIGH:
		sev = types.SEVERITY_HIGH
	}
	return Evidence{
		Class: types.OFFENCE_CLASS_MPC_BLAME, Severity: sev, SequencerID: b.Accused,
		Ref: fmt.Sprintf("mpc-blame/%d", b.Id),
		Text: fmt.Sprintf("%d of the %d other parties of threshold-signing session %d (key 0x%x) blamed it: %s; recorded at height %d",
			b.Voters, b.Parties, b.Session, b.SessionKey, b.Reason, b.Height),
	}
}
