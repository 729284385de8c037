package types

import (
	"time"

	errorsmod "cosmossdk.io/errors"

	"github.com/themis-network/themis/x/slashing/downtime"
	"github.com/themis-network/themis/x/slashing/ladder"
	"github.com/themis-network/themis/x/slashing/rewards"
)

// DefaultEscrowPeriod is the staking contract's default escrow period: a year.
const DefaultEscrowPeriod = 365 * 24 * time.Hour

// DefaultRewardBatchInterval is how often the accrued rewards go to L1: once a day.
const DefaultRewardBatchInterval = 24 * time.Hour

// DefaultParams returns the governance proposal's ladder: 5 days of jail, the third
// medium removes, escrow for a year.
func DefaultParams() Params {
	lp := ladder.DefaultParams()
	dp := downtime.DefaultParams()
	rp := rewards.DefaultParams()
	return Params{
		JailDuration:          lp.JailDuration,
		MediumStrikesToRemove: lp.MediumStrikesToRemove,
		EscrowPeriod:          DefaultEscrowPeriod,
		DowntimeWindow:        dp.Window,
		MinMissedBps:          dp.MinMissedBps,
		MinGroupCountBps:      dp.MinGroupCountBps,
		MinGroupPowerBps:      dp.MinGroupPowerBps,
		GraceBlocks:           dp.GraceBlocks,
		HaltGap:               dp.HaltGap,
		RetargetInterval:      rp.RetargetInterval,
		YearlyRateBps:         rp.YearlyRateBps,
		RewardBatchInterval:   DefaultRewardBatchInterval,
	}
}

// Rewards returns the pure reward accounting's params.
func (p Params) Rewards() rewards.Params {
	return rewards.Params{RetargetInterval: p.RetargetInterval, YearlyRateBps: p.YearlyRateBps}
}

// Downtime returns the pure downtime rule's params.
func (p Params) Downtime() downtime.Params {
	return downtime.Params{
		Window: p.DowntimeWindow, MinMissedBps: p.MinMissedBps, MinGroupCountBps: p.MinGroupCountBps,
		MinGroupPowerBps: p.MinGroupPowerBps, GraceBlocks: p.GraceBlocks, HaltGap: p.HaltGap,
	}
}

// Ladder returns the pure ladder's params.
func (p Params) Ladder() ladder.Params {
	return ladder.Params{JailDuration: p.JailDuration, MediumStrikesToRemove: p.MediumStrikesToRemove}
}

// Validate checks every field; the error names the field.
func (p Params) Validate() error {
	if err := p.Ladder().Validate(); err != nil {
		return errorsmod.Wrap(ErrInvalidParams, err.Error())
	}
	if err := p.Downtime().Validate(); err != nil {
		return errorsmod.Wrap(ErrInvalidParams, err.Error())
	}
	if err := p.Rewards().Validate(); err != nil {
		return errorsmod.Wrap(ErrInvalidParams, err.Error())
	}
	if p.RewardBatchInterval <= 0 {
		return errorsmod.Wrapf(ErrInvalidParams, "reward_batch_interval %s must be positive", p.RewardBatchInterval)
	}
	if p.EscrowPeriod <= 0 {
		return errorsmod.Wrapf(ErrInvalidParams, "escrow_period %s must be positive", p.EscrowPeriod)
	}
	return nil
}
