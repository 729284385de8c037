package types

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// AccountKeeper is the part of x/auth the pool needs: a sequencer's chain account is
// created when it joins, so a newly locked operator can sign relays and votes without
// anyone first sending it tokens (see ante.RelayFeeDecorator for the fee side).
type AccountKeeper interface {
	HasAccount(ctx context.Context, addr sdk.AccAddress) bool
	NewAccountWithAddress(ctx context.Context, addr sdk.AccAddress) sdk.AccountI
	SetAccount(ctx context.Context, acc sdk.AccountI)
}
