package keeper

import (
	"context"

	"github.com/themis-network/themis/x/slashing/downtime"
	"github.com/themis-network/themis/x/slashing/types"
)

// Downtime implements types.QueryServer: every tracked validator's window, in
// sequencer id order (at most the validator set's size).
func (q queryServer) Downtime(ctx context.Context, _ *types.QueryDowntimeRequest) (*types.QueryDowntimeResponse, error) {
	params, err := q.Keeper.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	resp := &types.QueryDowntimeResponse{Window: params.DowntimeWindow}
	if resp.GraceUntil, err = q.GraceUntil.Get(ctx); err != nil && !isNotFound(err) {
		return nil, err
	}
	p := params.Downtime()
	err = q.Signings.Walk(ctx, nil, func(id uint64, bz []byte) (bool, error) {
		var s downtime.Signing
		if err := s.UnmarshalBinary(bz); err != nil {
			return true, err
		}
		flagged, err := q.LowFlagged.Has(ctx, id)
		resp.Validators = append(resp.Validators, types.ValidatorDowntime{
			SequencerId: id, Counted: s.Counted(), Missed: s.Missed(), OverThreshold: downtime.OverThreshold(s, p), LowFlagged: flagged,
		})
		return false, err
	})
	if err != nil {
		return nil, err
	}
	return resp, nil
}
