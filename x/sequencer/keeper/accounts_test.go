package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	sequencertest "github.com/themis-network/themis/testutil/sequencer"
)

// A sequencer's chain account exists from the block it joins, so it can sign relays
// and votes without anyone sending it tokens first; a signer change creates the new
// key's account too.
func TestJoiningCreatesTheSignerAccount(t *testing.T) {
	e := sequencertest.NewEnv(t)
	require.True(t, e.Accounts.HasAccount(e.Ctx, e.RelayerKey.AccAddress()), "genesis sequencers get accounts")

	_, key := e.NewKey()
	require.False(t, e.Accounts.HasAccount(e.Ctx, key.AccAddress()))
	e.Whitelist(sqOwner(1))
	e.Apply(e.LockMsg(sqSeq1, sqOwner(1), key.Bytes(), sqTokens(30_000)))
	require.True(t, e.Accounts.HasAccount(e.Ctx, key.AccAddress()))

	newPub, newKey := e.NewKey()
	e.Apply(e.SignerChangeMsg(sqSeq1, 2, newPub))
	require.True(t, e.Accounts.HasAccount(e.Ctx, newKey.AccAddress()))
}
