package types_test

import (
	"strings"
	"testing"
	"time"

	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/x/sequencer/types"
)

func TestParams_Defaults(t *testing.T) {
	p := types.DefaultParams()
	require.NoError(t, p.Validate())
	require.Equal(t, "1000000000000000000", types.OneToken.String())
	require.Equal(t, "20000000000000000000000", p.MinLock.String())
	require.Equal(t, "100000000000000000000000", p.MaxLock.String())
	require.Equal(t, 21*24*time.Hour, p.ExitDelay)
	require.Equal(t, uint64(12), p.L1Confirmations)
	require.Equal(t, uint64(1), p.L1ChainId)
	require.Equal(t, "0x0000000000000000000000000000000000000000", p.StakingContract)
	require.Equal(t, uint64(100), p.EventTtlBlocks)
	require.Equal(t, uint64(10_000), p.MaxPendingEvents)
}

func TestParams_ValidateEachBranch(t *testing.T) {
	cases := []struct {
		name   string
		mutate func(p *types.Params)
		field  string
	}{
		{"min_lock nil", func(p *types.Params) { p.MinLock = math.Int{} }, "min_lock must be positive"},
		{"min_lock zero", func(p *types.Params) { p.MinLock = math.ZeroInt() }, "min_lock must be positive"},
		{"min_lock negative", func(p *types.Params) { p.MinLock = math.NewInt(-1) }, "min_lock must be positive"},
		{"max_lock nil", func(p *types.Params) { p.MaxLock = math.Int{} }, "max_lock must be at least min_lock"},
		{"max_lock below min_lock", func(p *types.Params) { p.MaxLock = p.MinLock.SubRaw(1) }, "max_lock must be at least min_lock"},
		{"min_lock below one token", func(p *types.Params) {
			p.MinLock, p.MaxLock = types.OneToken.SubRaw(1), types.OneToken
		}, "min_lock must be at least one token"},
		{"max_lock above 2^40 tokens", func(p *types.Params) { p.MaxLock = types.OneToken.MulRaw(1<<40 + 1) }, "max_lock is too large"},
		{"exit_delay zero", func(p *types.Params) { p.ExitDelay = 0 }, "exit_delay must be positive"},
		{"exit_delay negative", func(p *types.Params) { p.ExitDelay = -time.Nanosecond }, "exit_delay must be positive"},
		{"l1_chain_id zero", func(p *types.Params) { p.L1ChainId = 0 }, "l1_chain_id must be set"},
		{"staking_contract empty", func(p *types.Params) { p.StakingContract = "" }, "staking_contract"},
		{"staking_contract not hex", func(p *types.Params) { p.StakingContract = "0x" + strings.Repeat("g", 40) }, "staking_contract"},
		{"staking_contract no 0x", func(p *types.Params) { p.StakingContract = strings.Repeat("0", 42) }, "staking_contract"},
		{"event_ttl_blocks zero", func(p *types.Params) { p.EventTtlBlocks = 0 }, "event_ttl_blocks must be positive"},
		{"max_pending_events zero", func(p *types.Params) { p.MaxPendingEvents = 0 }, "max_pending_events must be positive"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := types.DefaultParams()
			tc.mutate(&p)
			err := p.Validate()
			require.ErrorIs(t, err, types.ErrInvalidParams)
			require.Contains(t, err.Error(), tc.field)
		})
	}

	// The boundaries are accepted.
	for name, mutate := range map[string]func(p *types.Params){
		"min = max":                 func(p *types.Params) { p.MaxLock = p.MinLock },
		"min = one token":           func(p *types.Params) { p.MinLock = types.OneToken },
		"max = 2^40 tokens":         func(p *types.Params) { p.MaxLock = types.OneToken.MulRaw(1 << 40) },
		"max just below 2^40+1":     func(p *types.Params) { p.MaxLock = types.OneToken.MulRaw(1<<40 + 1).SubRaw(1) },
		"exit_delay 1ns":            func(p *types.Params) { p.ExitDelay = 1 },
		"zero confirmations":        func(p *types.Params) { p.L1Confirmations = 0 },
		"mixed-case contract":       func(p *types.Params) { p.StakingContract = "0xABCDEFabcdef0000000000000000000000000000" },
		"ttl and queue of one each": func(p *types.Params) { p.EventTtlBlocks, p.MaxPendingEvents = 1, 1 },
	} {
		p := types.DefaultParams()
		mutate(&p)
		require.NoError(t, p.Validate(), name)
	}
}

func TestParams_VotingPower(t *testing.T) {
	max := types.DefaultParams().MaxLock
	for _, tc := range []struct {
		locked math.Int
		want   int64
	}{
		{math.Int{}, 0},
		{math.NewInt(-5), 0},
		{math.ZeroInt(), 0},
		{types.OneToken.SubRaw(1), 0},
		{types.OneToken, 1},
		{types.OneToken.MulRaw(20_000).AddRaw(999), 20_000},
		{max.SubRaw(1), 99_999},
		{max, 100_000},
		{max.AddRaw(1), 100_000},
		{max.MulRaw(1_000), 100_000},
	} {
		require.Equal(t, tc.want, types.VotingPower(tc.locked, max), tc.locked.String())
	}
	// The largest cap params allow: 2^40 tokens.
	bigMax := types.OneToken.MulRaw(1 << 40)
	require.Equal(t, int64(1<<40), types.VotingPower(bigMax.MulRaw(3), bigMax))
	// A cap params refuse would overflow int64: that is a programming error.
	require.Panics(t, func() {
		types.VotingPower(types.OneToken.MulRaw(1<<62).MulRaw(4), types.OneToken.MulRaw(1<<62).MulRaw(4))
	})
}

// Codes are part of the API: never renumber.
func TestErrors_CodesAreStable(t *testing.T) {
	for code, err := range map[uint32]*errorsmod.Error{
		2: types.ErrInvalidParams, 3: types.ErrUnauthorized, 4: types.ErrInvalidAddress, 5: types.ErrInvalidPubKey,
		6: types.ErrNotWhitelisted, 7: types.ErrBelowMinLock, 8: types.ErrSequencerNotFound, 9: types.ErrSequencerExists,
		10: types.ErrEventAlreadyApplied, 11: types.ErrEventAlreadyPending, 12: types.ErrNonceOutOfOrder, 13: types.ErrBanned,
		14: types.ErrSignerInUse, 15: types.ErrInvalidStatus, 16: types.ErrInvalidAmount, 17: types.ErrQueueFull,
		18: types.ErrInvalidEventRef, 19: types.ErrInvalidGenesis, 20: types.ErrInvalidDescription, 21: types.ErrWithdrawBelowMin,
		22: types.ErrNoValidatorSet, 23: types.ErrNotSequencer,
	} {
		require.Equal(t, code, err.ABCICode(), err.Error())
		require.Equal(t, "sequencer", err.Codespace())
		require.True(t, errorsmod.IsOf(errorsmod.Wrap(err, "context"), err))
	}
}
