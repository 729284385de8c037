package types_test

import (
	"math/big"
	"strings"
	"testing"

	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/x/sequencer/types"
)

func TestParams_Defaults(t *testing.T) {
	p := types.DefaultParams()
	require.NoError(t, p.Validate())
	require.Equal(t, "1000000000000000000", types.OneToken.String())
	require.Equal(t, uint64(12), p.L1Confirmations)
	require.Equal(t, uint64(1), p.L1ChainId)
	require.Equal(t, "0x0000000000000000000000000000000000000000", p.StakingContract)
	require.Equal(t, uint64(100), p.EventTtlBlocks)
	require.Equal(t, uint64(10_000), p.MaxPendingEvents)
	require.Equal(t, uint64(types.DefaultMaxUndecidedVotes), p.MaxUndecidedVotes)
	require.Equal(t, uint64(types.DefaultNonceLookahead), p.NonceLookahead)
}

func TestParams_ValidateEachBranch(t *testing.T) {
	cases := []struct {
		name   string
		mutate func(p *types.Params)
		field  string
	}{
		{"l1_chain_id zero", func(p *types.Params) { p.L1ChainId = 0 }, "l1_chain_id must be set"},
		{"staking_contract empty", func(p *types.Params) { p.StakingContract = "" }, "staking_contract"},
		{"staking_contract not hex", func(p *types.Params) { p.StakingContract = "0x" + strings.Repeat("g", 40) }, "staking_contract"},
		{"staking_contract no 0x", func(p *types.Params) { p.StakingContract = strings.Repeat("0", 42) }, "staking_contract"},
		{"event_ttl_blocks zero", func(p *types.Params) { p.EventTtlBlocks = 0 }, "event_ttl_blocks must be positive"},
		{"max_pending_events zero", func(p *types.Params) { p.MaxPendingEvents = 0 }, "max_pending_events must be positive"},
		{"max_undecided_votes one", func(p *types.Params) { p.MaxUndecidedVotes = 1 }, "max_undecided_votes must be at least 2"},
		{"nonce_lookahead zero", func(p *types.Params) { p.NonceLookahead = 0 }, "nonce_lookahead must be in"},
		{"nonce_lookahead above the bound", func(p *types.Params) { p.NonceLookahead = types.MaxNonceLookahead + 1 }, "nonce_lookahead must be in"},
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
		"two undecided votes":       func(p *types.Params) { p.MaxUndecidedVotes = 2 },
		"lookahead of one":          func(p *types.Params) { p.NonceLookahead = 1 },
		"lookahead at the bound":    func(p *types.Params) { p.NonceLookahead = types.MaxNonceLookahead },
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
	max := types.DefaultL1Config().MaxLock
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
	// A cap of 2^40 tokens is exactly MaxPowerPerSequencer.
	bigMax := types.OneToken.MulRaw(types.MaxPowerPerSequencer)
	require.Equal(t, types.MaxPowerPerSequencer, types.VotingPower(bigMax.MulRaw(3), bigMax))
	require.Equal(t, types.MaxPowerPerSequencer-1, types.VotingPower(bigMax.Sub(types.OneToken), bigMax))
	// max_lock is the contract's and may be any uint256: power is capped, never a panic.
	huge := types.OneToken.MulRaw(1 << 62).MulRaw(4)
	require.Equal(t, types.MaxPowerPerSequencer, types.VotingPower(huge, huge))
	maxUint256 := math.NewIntFromBigInt(new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1)))
	require.Equal(t, types.MaxPowerPerSequencer, types.VotingPower(maxUint256, maxUint256))
	require.Equal(t, int64(1), types.VotingPower(types.OneToken, maxUint256))
	// A nil or non-positive cap gives no power.
	for _, bad := range []math.Int{{}, math.ZeroInt(), math.NewInt(-1)} {
		require.Zero(t, types.VotingPower(max, bad))
	}
	// A cap below one token gives no power either.
	require.Zero(t, types.VotingPower(max, types.OneToken.SubRaw(1)))
}

// Codes are part of the API: never renumber.
func TestErrors_CodesAreStable(t *testing.T) {
	for code, err := range map[uint32]*errorsmod.Error{
		2: types.ErrInvalidParams, 3: types.ErrUnauthorized, 4: types.ErrInvalidAddress, 5: types.ErrInvalidPubKey,
		6: types.ErrNotWhitelisted, 7: types.ErrBelowMinLock, 8: types.ErrSequencerNotFound, 9: types.ErrSequencerExists,
		10: types.ErrEventAlreadyApplied, 11: types.ErrEventAlreadyPending, 12: types.ErrNonceOutOfOrder, 13: types.ErrBanned,
		14: types.ErrSignerInUse, 15: types.ErrInvalidStatus, 16: types.ErrInvalidAmount, 17: types.ErrQueueFull,
		18: types.ErrInvalidEventRef, 19: types.ErrInvalidGenesis, 20: types.ErrInvalidDescription, 21: types.ErrWithdrawBelowMin,
		22: types.ErrNoValidatorSet, 23: types.ErrNotSequencer, 24: types.ErrInvalidUnlockTime, 25: types.ErrInvalidOffence,
		26: types.ErrRelayerQueueFull, 27: types.ErrFreeRelayQuota, 28: types.ErrInvalidConfigChange,
	} {
		require.Equal(t, code, err.ABCICode(), err.Error())
		require.Equal(t, "sequencer", err.Codespace())
		require.True(t, errorsmod.IsOf(errorsmod.Wrap(err, "context"), err))
	}
}
