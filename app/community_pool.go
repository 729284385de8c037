package app

import (
	"context"
	"errors"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// noCommunityPool is x/gov's distribution dependency. themis has no community pool
// (slashed funds go to an L1 escrow, SPEC 3.3), so proposal-cancellation charges must
// be burned: governance's proposal_cancel_dest must stay empty.
type noCommunityPool struct{}

func (noCommunityPool) FundCommunityPool(context.Context, sdk.Coins, sdk.AccAddress) error {
	return errors.New("themis has no community pool: set gov proposal_cancel_dest to empty (burn)")
}
