package keeper

import (
	"context"

	"cosmossdk.io/core/address"
	"cosmossdk.io/math"
	sdk "github.com/cosmos/cosmos-sdk/types"
	govtypes "github.com/cosmos/cosmos-sdk/x/gov/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"
)

// GovStakingAdapter lets x/gov tally by sequencer power without x/staking: each active
// sequencer is a bonded "validator" whose operator address is its own account, with
// tokens equal to its voting power and no delegations. A sequencer votes with the
// account of its signer key; nobody else has voting power.
type GovStakingAdapter struct {
	k            Keeper
	valAddrCodec address.Codec
}

var _ govtypes.StakingKeeper = GovStakingAdapter{}

// NewGovStakingAdapter wraps the keeper for x/gov.
func NewGovStakingAdapter(k Keeper, valAddrCodec address.Codec) GovStakingAdapter {
	return GovStakingAdapter{k: k, valAddrCodec: valAddrCodec}
}

// ValidatorAddressCodec implements govtypes.StakingKeeper.
func (a GovStakingAdapter) ValidatorAddressCodec() address.Codec { return a.valAddrCodec }

// IterateBondedValidatorsByPower implements govtypes.StakingKeeper.
func (a GovStakingAdapter) IterateBondedValidatorsByPower(ctx context.Context, fn func(int64, stakingtypes.ValidatorI) bool) error {
	set, err := a.k.SigningSet(ctx)
	if err != nil {
		return err
	}
	for i, v := range set.Validators {
		operator, err := a.valAddrCodec.BytesToString(v.ConsAddress)
		if err != nil {
			return err
		}
		tokens := math.NewInt(v.Power)
		val := stakingtypes.Validator{
			OperatorAddress: operator,
			Status:          stakingtypes.Bonded,
			Tokens:          tokens,
			DelegatorShares: math.LegacyNewDecFromInt(tokens),
		}
		if fn(int64(i), val) {
			return nil
		}
	}
	return nil
}

// TotalBondedTokens implements govtypes.StakingKeeper: the total voting power.
func (a GovStakingAdapter) TotalBondedTokens(ctx context.Context) (math.Int, error) {
	set, err := a.k.SigningSet(ctx)
	if err != nil {
		return math.Int{}, err
	}
	return math.NewInt(set.TotalPower), nil
}

// IterateDelegations implements govtypes.StakingKeeper: there are no delegations.
func (a GovStakingAdapter) IterateDelegations(context.Context, sdk.AccAddress, func(int64, stakingtypes.DelegationI) bool) error {
	return nil
}
