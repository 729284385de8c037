package keeper

import (
	"context"
	"time"

	"cosmossdk.io/collections"
	"cosmossdk.io/math"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/themis-network/themis/x/slashing/types"
)

// InitGenesis loads a validated genesis, rebuilding the indices (queued actions, offences
// by sequencer, HELD escrows by release time) and the sequences.
func (k Keeper) InitGenesis(ctx context.Context, gs types.GenesisState) error {
	if err := gs.Validate(); err != nil {
		return err
	}
	if err := k.Params.Set(ctx, gs.Params); err != nil {
		return err
	}
	var lastOffence, lastAction, lastBatch uint64
	for _, o := range gs.Offences {
		if err := k.Offences.Set(ctx, o.Id, o); err != nil {
			return err
		}
		if err := k.OffencesBySequencer.Set(ctx, collections.Join(o.SequencerId, o.Id)); err != nil {
			return err
		}
		lastOffence = o.Id
	}
	height := sdk.UnwrapSDKContext(ctx).BlockHeight()
	for _, a := range gs.L1Actions {
		// A hold's retry height is a height of the exporting chain: a chain restarted
		// from the export at a lower height waits at most one full hold.
		a.RetryHeight = min(a.RetryHeight, height+maxHoldBlocks)
		if err := k.L1Actions.Set(ctx, a.Id, a); err != nil {
			return err
		}
		if a.Status == types.L1_ACTION_STATUS_QUEUED {
			if err := k.QueuedActions.Set(ctx, a.Id); err != nil {
				return err
			}
			if a.LandedL1Block == 0 {
				if err := k.UnsentActions.Set(ctx, unsentKey(a)); err != nil {
					return err
				}
			}
		}
		lastAction = a.Id
		if a.RewardBatch != nil {
			lastBatch = max(lastBatch, a.RewardBatch.BatchId)
			if err := k.RewardBatchIndex.Set(ctx, a.RewardBatch.BatchId, a.Id); err != nil {
				return err
			}
		}
	}
	for _, j := range gs.Jails {
		if err := k.Jails.Set(ctx, j.SequencerId, j); err != nil {
			return err
		}
	}
	for _, s := range gs.Strikes {
		if err := k.Strikes.Set(ctx, s.Owner, s.MediumStrikes); err != nil {
			return err
		}
	}
	for _, e := range gs.Escrows {
		if err := k.Escrows.Set(ctx, collections.Join(e.OffenceId, e.SequencerId), e); err != nil {
			return err
		}
		if e.Status == types.ESCROW_STATUS_HELD {
			if err := k.EscrowsByRelease.Set(ctx, releaseKey(e)); err != nil {
				return err
			}
		}
		if e.EscrowId != 0 {
			if err := k.EscrowsByL1ID.Set(ctx, e.EscrowId, collections.Join(e.OffenceId, e.SequencerId)); err != nil {
				return err
			}
		}
	}
	if err := k.initDowntimeGenesis(ctx, gs); err != nil {
		return err
	}
	if err := k.initRewardsGenesis(ctx, gs); err != nil {
		return err
	}
	if err := k.NextOffence.Set(ctx, lastOffence); err != nil {
		return err
	}
	if err := k.NextL1Action.Set(ctx, lastAction); err != nil {
		return err
	}
	if err := k.NextRewardBatch.Set(ctx, lastBatch); err != nil {
		return err
	}
	if err := k.MpcBlameCursor.Set(ctx, gs.MpcBlameCursor); err != nil {
		return err
	}
	return k.EpochOffenceCursor.Set(ctx, gs.EpochOffenceCursor)
}

// ExportGenesis exports the whole state; InitGenesis of it is the same state.
func (k Keeper) ExportGenesis(ctx context.Context) (*types.GenesisState, error) {
	gs := &types.GenesisState{}
	var err error
	if gs.Params, err = k.Params.Get(ctx); err != nil {
		return nil, err
	}
	if err := k.Offences.Walk(ctx, nil, func(_ uint64, o types.Offence) (bool, error) {
		gs.Offences = append(gs.Offences, o)
		return false, nil
	}); err != nil {
		return nil, err
	}
	if err := k.Jails.Walk(ctx, nil, func(_ uint64, j types.Jail) (bool, error) {
		gs.Jails = append(gs.Jails, j)
		return false, nil
	}); err != nil {
		return nil, err
	}
	if err := k.Strikes.Walk(ctx, nil, func(owner string, n uint32) (bool, error) {
		gs.Strikes = append(gs.Strikes, types.OwnerStrikes{Owner: owner, MediumStrikes: n})
		return false, nil
	}); err != nil {
		return nil, err
	}
	if err := k.Escrows.Walk(ctx, nil, func(_ collections.Pair[uint64, uint64], e types.Escrow) (bool, error) {
		gs.Escrows = append(gs.Escrows, e)
		return false, nil
	}); err != nil {
		return nil, err
	}
	if err := k.L1Actions.Walk(ctx, nil, func(_ uint64, a types.L1Action) (bool, error) {
		gs.L1Actions = append(gs.L1Actions, a)
		return false, nil
	}); err != nil {
		return nil, err
	}
	cursor, err := k.EpochOffenceCursor.Get(ctx)
	if err != nil && !isNotFound(err) {
		return nil, err
	}
	gs.EpochOffenceCursor = cursor
	if gs.MpcBlameCursor, err = k.MpcBlameCursor.Get(ctx); err != nil && !isNotFound(err) {
		return nil, err
	}
	if err := k.exportDowntimeGenesis(ctx, gs); err != nil {
		return nil, err
	}
	return gs, k.exportRewardsGenesis(ctx, gs)
}

// initRewardsGenesis loads the reward accounting (a missing reward per block is 0).
func (k Keeper) initRewardsGenesis(ctx context.Context, gs types.GenesisState) error {
	rs := gs.RewardState
	if rs.RewardPerBlock.IsNil() {
		rs.RewardPerBlock = math.ZeroInt()
	}
	if err := k.RewardState.Set(ctx, rs); err != nil {
		return err
	}
	for _, r := range gs.SequencerRewards {
		if err := k.SequencerRewards.Set(ctx, r.SequencerId, r); err != nil {
			return err
		}
	}
	for _, c := range gs.EpochCredits {
		if err := k.EpochCredits.Set(ctx, c.EpochId, c); err != nil {
			return err
		}
	}
	return nil
}

// exportRewardsGenesis exports what initRewardsGenesis loads.
func (k Keeper) exportRewardsGenesis(ctx context.Context, gs *types.GenesisState) error {
	rs, err := k.rewardState(ctx)
	if err != nil {
		return err
	}
	gs.RewardState = rs
	if err := k.SequencerRewards.Walk(ctx, nil, func(_ uint64, r types.SequencerRewards) (bool, error) {
		gs.SequencerRewards = append(gs.SequencerRewards, r)
		return false, nil
	}); err != nil {
		return err
	}
	return k.EpochCredits.Walk(ctx, nil, func(_ uint64, c types.EpochCredit) (bool, error) {
		gs.EpochCredits = append(gs.EpochCredits, c)
		return false, nil
	})
}

// initDowntimeGenesis loads the downtime window and the evidence already judged.
func (k Keeper) initDowntimeGenesis(ctx context.Context, gs types.GenesisState) error {
	for _, r := range gs.Signings {
		if err := k.Signings.Set(ctx, r.SequencerId, r.Signing); err != nil {
			return err
		}
	}
	for _, f := range gs.LowFlagged {
		if err := k.LowFlagged.Set(ctx, f.SequencerId, f.Height); err != nil {
			return err
		}
	}
	for _, r := range gs.ConsAddresses {
		if err := k.ConsAddresses.Set(ctx, r.ConsAddress, r.SequencerId); err != nil {
			return err
		}
	}
	for _, f := range gs.L2Forfeits {
		if err := k.L2Forfeits.Set(ctx, collections.Join(f.SequencerId, f.EpochId), f.OffenceId); err != nil {
			return err
		}
	}
	if err := k.GraceUntil.Set(ctx, gs.GraceUntil); err != nil {
		return err
	}
	if !gs.LastBlockTime.IsZero() {
		if err := k.LastBlockTime.Set(ctx, gs.LastBlockTime.UnixNano()); err != nil {
			return err
		}
	}
	for _, e := range gs.Equivocations {
		if err := k.Equivocations.Set(ctx, collections.Join(e.SequencerId, e.EpochId)); err != nil {
			return err
		}
	}
	for _, d := range gs.DoubleSigns {
		if err := k.DoubleSigns.Set(ctx, collections.Join(d.Height, d.ConsAddress)); err != nil {
			return err
		}
	}
	return nil
}

// exportDowntimeGenesis exports what initDowntimeGenesis loads.
func (k Keeper) exportDowntimeGenesis(ctx context.Context, gs *types.GenesisState) error {
	if err := k.Signings.Walk(ctx, nil, func(id uint64, bz []byte) (bool, error) {
		gs.Signings = append(gs.Signings, types.SigningRecord{SequencerId: id, Signing: bz})
		return false, nil
	}); err != nil {
		return err
	}
	if err := k.LowFlagged.Walk(ctx, nil, func(id uint64, h int64) (bool, error) {
		gs.LowFlagged = append(gs.LowFlagged, types.LowFlag{SequencerId: id, Height: h})
		return false, nil
	}); err != nil {
		return err
	}
	if err := k.ConsAddresses.Walk(ctx, nil, func(addr []byte, id uint64) (bool, error) {
		gs.ConsAddresses = append(gs.ConsAddresses, types.ConsAddressRecord{ConsAddress: addr, SequencerId: id})
		return false, nil
	}); err != nil {
		return err
	}
	if err := k.L2Forfeits.Walk(ctx, nil, func(key collections.Pair[uint64, uint64], offence uint64) (bool, error) {
		gs.L2Forfeits = append(gs.L2Forfeits, types.L2Forfeit{SequencerId: key.K1(), EpochId: key.K2(), OffenceId: offence})
		return false, nil
	}); err != nil {
		return err
	}
	grace, err := k.GraceUntil.Get(ctx)
	if err != nil && !isNotFound(err) {
		return err
	}
	gs.GraceUntil = grace
	last, err := k.LastBlockTime.Get(ctx)
	if err == nil {
		gs.LastBlockTime = time.Unix(0, last).UTC()
	} else if !isNotFound(err) {
		return err
	}
	if err := k.Equivocations.Walk(ctx, nil, func(key collections.Pair[uint64, uint64]) (bool, error) {
		gs.Equivocations = append(gs.Equivocations, types.EquivocationKey{SequencerId: key.K1(), EpochId: key.K2()})
		return false, nil
	}); err != nil {
		return err
	}
	return k.DoubleSigns.Walk(ctx, nil, func(key collections.Pair[int64, []byte]) (bool, error) {
		gs.DoubleSigns = append(gs.DoubleSigns, types.DoubleSignKey{Height: key.K1(), ConsAddress: key.K2()})
		return false, nil
	})
}
