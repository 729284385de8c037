package keeper_test

import stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

type stakingValidator = stakingtypes.ValidatorI
