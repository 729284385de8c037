package sequencertest

import (
	"context"
	"sync"

	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	"github.com/themis-network/themis/x/sequencer/types"
)

// Accounts is an in-memory x/auth stand-in recording which accounts the pool created.
type Accounts struct {
	mu       sync.Mutex
	accounts map[string]sdk.AccountI
	next     uint64
}

var _ types.AccountKeeper = (*Accounts)(nil)

// NewAccounts returns an empty account store.
func NewAccounts() *Accounts { return &Accounts{accounts: map[string]sdk.AccountI{}} }

// HasAccount implements types.AccountKeeper.
func (a *Accounts) HasAccount(_ context.Context, addr sdk.AccAddress) bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	_, ok := a.accounts[string(addr)]
	return ok
}

// NewAccountWithAddress implements types.AccountKeeper.
func (a *Accounts) NewAccountWithAddress(_ context.Context, addr sdk.AccAddress) sdk.AccountI {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.next++
	return authtypes.NewBaseAccount(addr, nil, a.next, 0)
}

// SetAccount implements types.AccountKeeper.
func (a *Accounts) SetAccount(_ context.Context, acc sdk.AccountI) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.accounts[string(acc.GetAddress())] = acc
}
