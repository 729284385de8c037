package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	sequencertest "github.com/themis-network/themis/testutil/sequencer"
	"github.com/themis-network/themis/x/sequencer/types"
)

// Governance decides the staking contract's administration here; L1AdminChanges lists
// where the contract, as mirrored, still differs, for the pool to reconcile.

func adminChanges(t *testing.T, e *sequencertest.Env) []string {
	t.Helper()
	changes, err := e.K.L1AdminChanges(e.Ctx, 100)
	require.NoError(t, err)
	var out []string
	for _, c := range changes {
		out = append(out, c.String())
	}
	resp, err := e.Query.L1Admin(e.Ctx, &types.QueryL1AdminRequest{})
	require.NoError(t, err)
	require.Equal(t, out, resp.Pending, "the query shows the same")
	return out
}

func l1Whitelisted(e *sequencertest.Env, account string, allowed bool) *types.MsgConfigChanged {
	return e.ConfigMsg(&types.MsgConfigChanged{Change: &types.MsgConfigChanged_Whitelist{Whitelist: &types.L1WhitelistChange{Account: account, Allowed: allowed}}})
}

// The whitelists: governance's admissions and removals (and a ban) appear as changes
// until the contract's WhitelistUpdated events mirror them; the contract allowing an
// owner governance did not admit is a change too (the pool removes it). Genesis
// rebuilds the differences from both lists.
func TestL1Admin_WhitelistDifferences(t *testing.T) {
	e := sqPool(t)                                 // sequencer 1 of owner 1, admitted on the chain but not (yet) mirrored on L1
	e.Apply(l1Whitelisted(e, sqOwner(1000), true)) // the genesis relayer's owner
	a, b, stranger := sqOwner(1), sqOwner(2), sqOwner(7)
	require.Equal(t, []string{"whitelist " + a + " allowed=true"}, adminChanges(t, e))

	e.Apply(l1Whitelisted(e, a, true))
	require.Empty(t, adminChanges(t, e))

	e.Whitelist(b)
	require.Equal(t, []string{"whitelist " + b + " allowed=true"}, adminChanges(t, e))
	e.Apply(l1Whitelisted(e, stranger, true))
	require.Equal(t, []string{"whitelist " + b + " allowed=true", "whitelist " + stranger + " allowed=false"}, adminChanges(t, e),
		"address order; the contract's own admission is taken back")
	e.Apply(l1Whitelisted(e, b, true))
	e.Apply(l1Whitelisted(e, stranger, false))
	require.Empty(t, adminChanges(t, e))

	// A ban removes the owner from the chain's whitelist: the pool removes it on L1.
	require.NoError(t, e.K.BanOwner(e.Ctx, sqSeq1, "test ban"))
	require.Equal(t, []string{"whitelist " + a + " allowed=false"}, adminChanges(t, e))

	gs, err := e.K.ExportGenesis(e.Ctx)
	require.NoError(t, err)
	require.Equal(t, []string{a, b, sqOwner(1000)}, gs.L1Whitelist)
	require.Equal(t, []string{"whitelist " + a + " allowed=false"}, adminChanges(t, sequencertest.NewEnvWithGenesis(t, gs)))
	gs.L1Whitelist = append(gs.L1Whitelist, b)
	require.ErrorIs(t, gs.Validate(), types.ErrInvalidGenesis, "an account listed twice")
}

// Lock limits, exit delay and the end of bootstrap: governance's decision (only the
// fields it sets) is a change until the mirrored configuration matches it; bootstrap is
// ended only while the contract can (a pool set, before its deadline).
func TestL1Admin_ConfigDifferences(t *testing.T) {
	e := sqPool(t)
	e.Apply(l1Whitelisted(e, sqOwner(1), true))
	e.Apply(l1Whitelisted(e, sqOwner(1000), true))
	update := func(m *types.MsgUpdateL1Admin) error {
		m.Authority = e.Authority
		_, err := e.Msg.UpdateL1Admin(e.Ctx, m)
		return err
	}
	require.NoError(t, update(&types.MsgUpdateL1Admin{LockLimits: &types.LockLimitsChange{MinLock: sqTokens(25_000), MaxLock: sqTokens(90_000)}}))
	require.NoError(t, update(&types.MsgUpdateL1Admin{ExitDelaySeconds: types.MinExitDelaySeconds, EndBootstrap: true}))
	require.Equal(t, []string{"lock_limits " + sqTokens(25_000).String() + ".." + sqTokens(90_000).String(),
		"exit_delay 604800s"}, adminChanges(t, e), "no pool on L1 yet: bootstrap is not ended")

	e.Apply(e.LockLimitsMsg(25_000, 90_000))
	e.Apply(e.ConfigMsg(&types.MsgConfigChanged{Change: &types.MsgConfigChanged_ExitDelay{ExitDelay: &types.ExitDelayChange{ExitDelaySeconds: types.MinExitDelaySeconds}}}))
	e.Apply(e.ConfigMsg(&types.MsgConfigChanged{Change: &types.MsgConfigChanged_PoolAddress{PoolAddress: &types.AddressChange{
		Previous: "0x0000000000000000000000000000000000000000", Current: sqOwner(9)}}}))
	require.Equal(t, []string{"end_bootstrap"}, adminChanges(t, e))
	deadline := uint64(e.Ctx.BlockTime().Unix())
	e.Apply(e.ConfigMsg(&types.MsgConfigChanged{Change: &types.MsgConfigChanged_BootstrapStarted{BootstrapStarted: &types.BootstrapStarted{Owner: sqOwner(9), Deadline: deadline}}}))
	require.Empty(t, adminChanges(t, e), "the deadline passed: bootstrap is over on L1 anyway")

	// A later decision keeps the fields it does not set.
	require.NoError(t, update(&types.MsgUpdateL1Admin{ExitDelaySeconds: types.MinExitDelaySeconds + 1}))
	admin, err := e.K.L1Admin.Get(e.Ctx)
	require.NoError(t, err)
	require.Equal(t, sqTokens(25_000), admin.MinLock)
	require.True(t, admin.EndBootstrap)
	require.Equal(t, []string{"exit_delay 604801s"}, adminChanges(t, e))
	gs, err := e.K.ExportGenesis(e.Ctx)
	require.NoError(t, err)
	require.Equal(t, admin, gs.L1Admin)

	// Only governance decides, and only what the contract would accept.
	_, err = e.Msg.UpdateL1Admin(e.Ctx, &types.MsgUpdateL1Admin{Authority: e.Relayer, ExitDelaySeconds: types.MinExitDelaySeconds})
	require.ErrorIs(t, err, types.ErrUnauthorized)
	for name, m := range map[string]*types.MsgUpdateL1Admin{
		"nothing":             {},
		"min above max":       {LockLimits: &types.LockLimitsChange{MinLock: sqTokens(2), MaxLock: sqTokens(1)}},
		"exit delay too low":  {ExitDelaySeconds: types.MinExitDelaySeconds - 1},
		"exit delay too high": {ExitDelaySeconds: types.MaxExitDelaySeconds + 1},
	} {
		require.ErrorIs(t, update(m), types.ErrInvalidConfigChange, name)
	}
}

// The owner's recovery of a lost pool key is cancelled by the pool unless governance
// approved that very address; the cancellation and the owner's other powers come
// before any whitelist difference, so whitelisting many addresses on L1 during
// bootstrap holds none of them back.
func TestL1Admin_RecoveryAndOrder(t *testing.T) {
	e := sqPool(t)
	e.Apply(l1Whitelisted(e, sqOwner(1000), true))
	pool, rescue, intruder := sqOwner(4), sqOwner(5), sqOwner(6)
	e.Apply(e.ConfigMsg(&types.MsgConfigChanged{Change: &types.MsgConfigChanged_PoolAddress{PoolAddress: &types.AddressChange{
		Previous: "0x0000000000000000000000000000000000000000", Current: pool}}}))
	propose := func(to string) {
		e.Apply(e.ConfigMsg(&types.MsgConfigChanged{Change: &types.MsgConfigChanged_PoolRecoveryProposed{PoolRecoveryProposed: &types.PoolRecoveryProposed{
			CurrentPool: pool, ProposedPool: to, EffectiveAt: 1_900_000_000}}}))
	}
	update := func(m *types.MsgUpdateL1Admin) {
		m.Authority = e.Authority
		_, err := e.Msg.UpdateL1Admin(e.Ctx, m)
		require.NoError(t, err)
	}
	// sequencer 1's owner is on the chain's whitelist, not yet on L1: a difference.
	propose(intruder)
	update(&types.MsgUpdateL1Admin{EndBootstrap: true})
	require.Equal(t, []string{"cancel_pool_recovery " + intruder, "end_bootstrap", "whitelist " + sqOwner(1) + " allowed=true"},
		adminChanges(t, e), "nobody decided this recovery")

	update(&types.MsgUpdateL1Admin{RecoveryPool: rescue})
	propose(rescue)
	require.Equal(t, []string{"end_bootstrap", "whitelist " + sqOwner(1) + " allowed=true"}, adminChanges(t, e),
		"governance approved this one: left to complete")
	update(&types.MsgUpdateL1Admin{RecoveryPool: "0x0000000000000000000000000000000000000000"})
	require.Equal(t, "cancel_pool_recovery "+rescue, adminChanges(t, e)[0], "the approval withdrawn")

	// A pool handover voids the recovery on L1; the mirror follows.
	e.Apply(e.ConfigMsg(&types.MsgConfigChanged{Change: &types.MsgConfigChanged_PoolAddress{PoolAddress: &types.AddressChange{Previous: pool, Current: sqOwner(7)}}}))
	require.Empty(t, cfgOf(t, e).RecoveryPool)
	require.Equal(t, "end_bootstrap", adminChanges(t, e)[0])

	_, err := e.Msg.UpdateWhitelist(e.Ctx, &types.MsgUpdateWhitelist{Authority: e.Authority, Add: []string{"0x0000000000000000000000000000000000000000"}})
	require.ErrorIs(t, err, types.ErrInvalidAddress, "the contract never whitelists the zero address")
	_, err = e.Msg.UpdateL1Admin(e.Ctx, &types.MsgUpdateL1Admin{Authority: e.Authority, RecoveryPool: "0xNOT"})
	require.ErrorIs(t, err, types.ErrInvalidAddress)
}

// x/mpc's keygen after a retired pool key approves the new address as the recovery
// pool (governance decided it with MsgReplacePoolKey): the owner's proposal of it on
// L1 is left to complete, any other is cancelled; a malformed address is refused.
func TestL1Admin_RecoveryApprovedByANewPoolKey(t *testing.T) {
	e := sqPool(t)
	e.Apply(l1Whitelisted(e, sqOwner(1000), true))
	e.Apply(l1Whitelisted(e, sqOwner(1), true))
	lost, fresh, intruder := sqOwner(4), sqOwner(5), sqOwner(6)
	e.Apply(e.ConfigMsg(&types.MsgConfigChanged{Change: &types.MsgConfigChanged_PoolAddress{PoolAddress: &types.AddressChange{
		Previous: "0x0000000000000000000000000000000000000000", Current: lost}}}))
	propose := func(to string) {
		e.Apply(e.ConfigMsg(&types.MsgConfigChanged{Change: &types.MsgConfigChanged_PoolRecoveryProposed{PoolRecoveryProposed: &types.PoolRecoveryProposed{
			CurrentPool: lost, ProposedPool: to, EffectiveAt: 1_900_000_000}}}))
	}
	require.NoError(t, e.K.ApproveRecoveryPool(e.Ctx, fresh))
	propose(fresh)
	require.Empty(t, adminChanges(t, e), "the approved recovery is left to complete")
	propose(intruder)
	require.Equal(t, []string{"cancel_pool_recovery " + intruder}, adminChanges(t, e))

	for _, bad := range []string{"", "0x0000000000000000000000000000000000000000", "0xNOT", "0x00000000000000000000000000000000000000AB"} {
		require.ErrorIs(t, e.K.ApproveRecoveryPool(e.Ctx, bad), types.ErrInvalidAddress, bad)
	}
	resp, err := e.Query.L1Admin(e.Ctx, &types.QueryL1AdminRequest{})
	require.NoError(t, err)
	require.Equal(t, fresh, resp.Admin.RecoveryPool, "a refused approval changed nothing")
}
