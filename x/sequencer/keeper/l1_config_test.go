package keeper_test

import (
	"math/big"
	"testing"

	"cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	sequencertest "github.com/themis-network/themis/testutil/sequencer"
	"github.com/themis-network/themis/x/sequencer/keeper"
	"github.com/themis-network/themis/x/sequencer/types"
	"github.com/themis-network/themis/x/voteext"
)

// The contract's configuration reaches the chain only through its relayed, approved
// events, in configNonce order (issue 10 point 2: "lock limits and the exit delay are
// the contract's, mirrored from its events, not separate chain parameters").

func cfgOf(t *testing.T, e *sequencertest.Env) types.L1Config {
	t.Helper()
	c, err := e.K.L1Config.Get(e.Ctx)
	require.NoError(t, err)
	return c
}

func cfgPause(until uint64) *types.MsgConfigChanged {
	return &types.MsgConfigChanged{Change: &types.MsgConfigChanged_Pause{Pause: &types.PauseChange{By: sqOwner(1), PausedUntil: until}}}
}

// Approved in any order, applied in configNonce order: the later change wins.
func TestL1Config_AppliedInConfigNonceOrder(t *testing.T) {
	e := sqPool(t)
	first := e.LockLimitsMsg(25_000, 80_000) // configNonce 1
	second := e.LockLimitsMsg(30_000, 90_000)
	second.ConfigNonce = 2
	e.MustRelay(second)
	e.MustRelay(first)

	// The vote approves the later one first: it waits, approved, for its predecessor.
	require.NoError(t, e.K.Resolve(e.Ctx, sqDigest(t, second), voteext.OutcomeApproved))
	require.Equal(t, uint64(0), cfgOf(t, e).ConfigNonce, "nonce 2 waits for nonce 1")
	e.FreshEvents()
	e.ApproveAll()

	c := cfgOf(t, e)
	require.Equal(t, uint64(2), c.ConfigNonce)
	require.Equal(t, sqTokens(30_000), c.MinLock)
	require.Equal(t, sqTokens(90_000), c.MaxLock)
	require.Zero(t, e.PendingCount())
	events := sequencertest.TypedEvents[*types.EventL1ConfigChanged](t, e.Ctx)
	require.Len(t, events, 2)
	require.Equal(t, uint64(1), events[0].ConfigNonce)
	require.Equal(t, "lock_limits", events[1].Change)

	// The query serves it.
	resp, err := e.Query.L1Config(e.Ctx, &types.QueryL1ConfigRequest{})
	require.NoError(t, err)
	require.Equal(t, c, resp.Config)
}

// A stale or replayed configuration event is refused at the queue (the bridge drops it);
// one the vote rejects changes nothing.
func TestL1Config_StaleReplayedAndRejected(t *testing.T) {
	e := sqPool(t)
	applied := e.LockLimitsMsg(25_000, 80_000)
	e.Apply(applied)

	stale := e.LockLimitsMsg(1, 2)
	stale.ConfigNonce = 1
	_, err := e.Relay(stale)
	require.ErrorIs(t, err, types.ErrNonceOutOfOrder)
	_, err = e.Relay(applied)
	require.ErrorIs(t, err, types.ErrEventAlreadyApplied)

	fake := e.LockLimitsMsg(1, 1)
	e.MustRelay(fake)
	require.NoError(t, sequencertest.RejectAll(e.Ctx, e.K))
	require.Equal(t, sqTokens(25_000), cfgOf(t, e).MinLock, "a rejected change changes nothing")
	require.Equal(t, uint64(1), cfgOf(t, e).ConfigNonce)

	// Malformed changes never reach the queue.
	bad := e.LockLimitsMsg(30_000, 20_000)
	_, err = e.Relay(bad)
	require.ErrorIs(t, err, types.ErrInvalidConfigChange)
	upper := e.ConfigMsg(cfgPause(1))
	upper.GetPause().By = "0x00000000000000000000000000000000000000AB"
	_, err = e.Relay(upper)
	require.ErrorIs(t, err, types.ErrInvalidAddress)
}

// max_lock is the contract's: lowering it on L1 lowers the power of the sequencers above
// it at the next EndBlock, raising it restores it; nobody's status changes.
func TestL1Config_MaxLockChangesPowerNotStatus(t *testing.T) {
	e := sqPool(t) // sequencer 1 and the relayer, 30,000 each
	e.Apply(e.LockLimitsMsg(10_000, 20_000))
	require.Equal(t, int64(20_000), sqPower(t, e, sqSeq1))
	require.Equal(t, types.SEQUENCER_STATUS_ACTIVE, e.Seq(sqSeq1).Status)
	set, err := e.K.ActiveValidatorSet(e.Ctx)
	require.NoError(t, err)
	require.Equal(t, int64(40_000), set.TotalPower)

	e.Apply(e.LockLimitsMsg(40_000, 100_000)) // min above every stake: admission unchanged
	require.Equal(t, int64(30_000), sqPower(t, e, sqSeq1))
	require.Equal(t, types.SEQUENCER_STATUS_ACTIVE, e.Seq(sqSeq1).Status)
	require.Empty(t, e.Seq(sqSeq1).StatusReason)
}

// Whatever max_lock the contract's administrator sets (any uint256), power is counted
// without overflow: capped per sequencer, and the chain keeps running.
func TestL1Config_HugeMaxLockIsCapped(t *testing.T) {
	e := sqPool(t)
	huge := math.NewIntFromBigInt(new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1)))
	e.Apply(e.ConfigMsg(&types.MsgConfigChanged{Change: &types.MsgConfigChanged_LockLimits{
		LockLimits: &types.LockLimitsChange{MinLock: sqTokens(1), MaxLock: huge}}}))
	require.Equal(t, huge, cfgOf(t, e).MaxLock)
	e.Apply(e.RelockMsg(sqSeq1, 2, huge.Sub(sqTokens(30_000)), huge))
	require.Equal(t, types.MaxPowerPerSequencer, sqPower(t, e, sqSeq1))
	_, err := e.K.EndBlock(e.Ctx)
	require.NoError(t, err)
}

// Every kind of configuration change lands in L1Config (or, for the contract's
// whitelist, only in the event: the chain's whitelist is governance's).
func TestL1Config_EveryKindApplies(t *testing.T) {
	e := sqPool(t)
	addr := func(n uint64) string { return sqOwner(n) }
	changes := []*types.MsgConfigChanged{
		{Change: &types.MsgConfigChanged_BootstrapStarted{BootstrapStarted: &types.BootstrapStarted{Owner: addr(1), Deadline: 1_800_000_000}}},
		{Change: &types.MsgConfigChanged_Treasury{Treasury: &types.AddressChange{Previous: "0x0000000000000000000000000000000000000000", Current: addr(2)}}},
		{Change: &types.MsgConfigChanged_ExitDelay{ExitDelay: &types.ExitDelayChange{ExitDelaySeconds: types.MinExitDelaySeconds}}},
		{Change: &types.MsgConfigChanged_Whitelist{Whitelist: &types.L1WhitelistChange{Account: addr(3), Allowed: true}}},
		cfgPause(1_900_000_000),
		{Change: &types.MsgConfigChanged_PoolAddress{PoolAddress: &types.AddressChange{Previous: "0x0000000000000000000000000000000000000000", Current: addr(4)}}},
		{Change: &types.MsgConfigChanged_BootstrapEnded{BootstrapEnded: &types.BootstrapEnded{EndedBy: addr(4), PoolAddress: addr(4)}}},
	}
	for _, c := range changes {
		e.Apply(e.ConfigMsg(c))
	}
	got := cfgOf(t, e)
	want := types.DefaultL1Config()
	want.ConfigNonce = uint64(len(changes))
	want.BootstrapDeadline, want.Treasury, want.ExitDelaySeconds = 1_800_000_000, addr(2), types.MinExitDelaySeconds
	want.PausedUntil, want.PoolAddress, want.BootstrapEnded = 1_900_000_000, addr(4), true
	require.Equal(t, want, got)
	require.False(t, sqWhitelisted(t, e, addr(3)), "the contract's whitelist is not the chain's")

	// And it survives a genesis round trip.
	gs, err := e.K.ExportGenesis(e.Ctx)
	require.NoError(t, err)
	require.Equal(t, want, gs.L1Config)
	require.Equal(t, want, cfgOf(t, sequencertest.NewEnvWithGenesis(t, gs)))
}

// The censorship rule of point 1 holds for the configuration chain too: fakes with
// far-future configNonces are not offered to the vote and do not hold the window.
func TestL1Config_FutureNonceFakesDoNotHoldTheWindow(t *testing.T) {
	e, hostile := csPool(t, 10_000)
	for i := range 300 {
		fake := e.LockLimitsMsg(1, 1)
		fake.ConfigNonce = uint64(1_000 + i)
		require.NoError(t, csRelayAs(t, e, hostile, fake))
	}
	genuine := e.LockLimitsMsg(25_000, 80_000)
	e.MustRelay(genuine)
	window := csWindow(t, e, 50)
	require.True(t, csHas(t, window, genuine))
	require.Len(t, window, 1, "nothing past the nonce lookahead is offered")
}

func sqWhitelisted(t *testing.T, e *sequencertest.Env, owner string) bool {
	t.Helper()
	has, err := e.K.Whitelist.Has(e.Ctx, owner)
	require.NoError(t, err)
	return has
}

// Found by the review of the configuration mirror: the contract accepts any
// 0 < min_lock <= max_lock, so its administrator (or a unit mistake) can set max_lock
// under one token. Every power then rounds to 0; EndBlock keeps the last validator set,
// and that set still relays and governs, so the repair is relayed, voted and applied.
func TestL1Config_MaxLockUnderOneTokenCanBeRelayedBack(t *testing.T) {
	e := sqPool(t)
	_, err := e.K.EndBlock(e.Ctx) // the pool's set is recorded
	require.NoError(t, err)
	half := types.OneToken.QuoRaw(2)
	e.Apply(e.ConfigMsg(&types.MsgConfigChanged{Change: &types.MsgConfigChanged_LockLimits{
		LockLimits: &types.LockLimitsChange{MinLock: math.NewInt(1), MaxLock: half}}}))
	require.Zero(t, sqPower(t, e, sqSeq1))
	e.AtHeight(e.Ctx.BlockHeight() + 1)
	_, err = e.K.EndBlock(e.Ctx) // nobody has power: the last set is kept
	require.NoError(t, err)

	signing, err := e.K.SigningSet(e.Ctx)
	require.NoError(t, err)
	require.NotEmpty(t, signing.Validators, "the chain runs on the last set")
	bonded, err := keeper.NewGovStakingAdapter(e.K, sequencertest.ValAddressCodec()).TotalBondedTokens(e.Ctx)
	require.NoError(t, err)
	require.True(t, bonded.IsPositive(), "governance still has voters")

	require.NoError(t, e.K.CheckRelayer(e.Ctx, e.Relayer), "the last set's members still relay")
	e.Apply(e.LockLimitsMsg(20_000, 100_000)) // the administrator's repair
	require.Equal(t, int64(30_000), sqPower(t, e, sqSeq1))

}
