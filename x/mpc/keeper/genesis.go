package keeper

import (
	"context"

	"cosmossdk.io/collections"

	"github.com/themis-network/themis/x/mpc/types"
)

// InitGenesis loads a validated genesis state and rebuilds the indices (open
// sessions, session keys, request statuses, one blame per accused and session, blame
// windows) and the sequences from it.
func (k Keeper) InitGenesis(ctx context.Context, gs types.GenesisState) error {
	if err := gs.Validate(); err != nil {
		return err
	}
	if err := k.Params.Set(ctx, gs.Params); err != nil {
		return err
	}
	if gs.PoolKey != nil {
		if err := k.PoolKey.Set(ctx, *gs.PoolKey); err != nil {
			return err
		}
	}
	for _, r := range gs.RetiredKeys {
		if err := k.RetiredKeys.Set(ctx, r.PoolKey.Generation, r); err != nil {
			return err
		}
	}
	for _, s := range gs.Sessions {
		if err := k.Sessions.Set(ctx, s.Number, s); err != nil {
			return err
		}
		if err := k.SessionsByKey.Set(ctx, s.SessionKey, s.Number); err != nil {
			return err
		}
		if s.Status == types.SESSION_STATUS_OPEN {
			if err := k.OpenSessions.Set(ctx, s.Number); err != nil {
				return err
			}
		} else if s.BlameDeadlineHeight != 0 {
			if err := k.BlameWindow.Set(ctx, collections.Join(s.BlameDeadlineHeight, s.Number)); err != nil {
				return err
			}
		}
	}
	for _, r := range gs.SignRequests {
		if err := k.setRequest(ctx, r, types.SIGN_REQUEST_STATUS_UNSPECIFIED); err != nil {
			return err
		}
	}
	for _, r := range gs.Readiness {
		if err := k.Readiness.Set(ctx, r.ConsAddress, r); err != nil {
			return err
		}
	}
	for _, b := range gs.Blames {
		if err := k.Blames.Set(ctx, b.Id, b); err != nil {
			return err
		}
		if err := k.SessionBlames.Set(ctx, collections.Join(b.Session, b.Accused), b.Id); err != nil {
			return err
		}
	}
	for _, v := range gs.Voices {
		if err := k.setVoice(ctx, v.Session, v.SequencerId, v.PublicKey); err != nil {
			return err
		}
	}
	for _, v := range gs.BlameVotes {
		if err := k.BlameVotes.Set(ctx, collections.Join3(v.Session, v.Accused, v.Voter), int32(v.Reason)); err != nil {
			return err
		}
	}
	if err := k.Progress.Set(ctx, gs.Progress); err != nil {
		return err
	}
	// The sequences yield their stored value and ids are that value + 1.
	if err := k.NextSession.Set(ctx, uint64(len(gs.Sessions))); err != nil {
		return err
	}
	if err := k.NextSignRequest.Set(ctx, uint64(len(gs.SignRequests))); err != nil {
		return err
	}
	if err := k.NextBlame.Set(ctx, uint64(len(gs.Blames))); err != nil {
		return err
	}
	return k.initOutbound(ctx, gs)
}

// ExportGenesis exports the whole state; InitGenesis of the result restores it.
func (k Keeper) ExportGenesis(ctx context.Context) (*types.GenesisState, error) {
	gs := &types.GenesisState{}
	var err error
	if gs.Params, err = k.Params.Get(ctx); err != nil {
		return nil, err
	}
	pool, has, err := k.GetPoolKey(ctx)
	if err != nil {
		return nil, err
	}
	if has {
		gs.PoolKey = &pool
	}
	if err := k.RetiredKeys.Walk(ctx, nil, func(_ uint64, r types.RetiredPoolKey) (bool, error) {
		gs.RetiredKeys = append(gs.RetiredKeys, r)
		return false, nil
	}); err != nil {
		return nil, err
	}
	if err := k.Sessions.Walk(ctx, nil, func(_ uint64, s types.Session) (bool, error) {
		gs.Sessions = append(gs.Sessions, s)
		return false, nil
	}); err != nil {
		return nil, err
	}
	if err := k.SignRequests.Walk(ctx, nil, func(_ uint64, r types.SignRequest) (bool, error) {
		gs.SignRequests = append(gs.SignRequests, r)
		return false, nil
	}); err != nil {
		return nil, err
	}
	if err := k.Readiness.Walk(ctx, nil, func(_ []byte, r types.Readiness) (bool, error) {
		gs.Readiness = append(gs.Readiness, r)
		return false, nil
	}); err != nil {
		return nil, err
	}
	if err := k.Blames.Walk(ctx, nil, func(_ uint64, b types.Blame) (bool, error) {
		gs.Blames = append(gs.Blames, b)
		return false, nil
	}); err != nil {
		return nil, err
	}
	if err := k.Voices.Walk(ctx, nil, func(key collections.Pair[uint64, uint64], v []byte) (bool, error) {
		gs.Voices = append(gs.Voices, types.Voice{Session: key.K1(), SequencerId: key.K2(), PublicKey: v})
		return false, nil
	}); err != nil {
		return nil, err
	}
	if err := k.BlameVotes.Walk(ctx, nil, func(key collections.Triple[uint64, uint64, uint64], reason int32) (bool, error) {
		gs.BlameVotes = append(gs.BlameVotes, types.BlameVote{Session: key.K1(), Accused: key.K2(), Voter: key.K3(), Reason: types.BlameReason(reason)})
		return false, nil
	}); err != nil {
		return nil, err
	}
	if gs.Progress, err = k.progress(ctx); err != nil {
		return nil, err
	}
	if err := k.exportOutbound(ctx, gs); err != nil {
		return nil, err
	}
	return gs, nil
}
