package keeper_test

import (
	"testing"

	"cosmossdk.io/math"
	sdk "github.com/cosmos/cosmos-sdk/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"
	"github.com/stretchr/testify/require"

	sequencertest "github.com/themis-network/themis/testutil/sequencer"
	"github.com/themis-network/themis/x/sequencer/keeper"
)

func TestGovAdapter_BondedValidatorsArePoweredSequencers(t *testing.T) {
	e := sqPool(t)                           // relayer 50,000; 1: 30,000
	e.Join(2, sqOwner(2), sqTokens(150_000)) // capped at 100,000
	e.Join(3, sqOwner(3), sqTokens(40_000))
	sqExit(t, e, 3, false) // not active: no voting power
	valCodec := sequencertest.ValAddressCodec()
	a := keeper.NewGovStakingAdapter(e.K, valCodec)
	require.Equal(t, valCodec, a.ValidatorAddressCodec())

	total, err := a.TotalBondedTokens(e.Ctx)
	require.NoError(t, err)
	require.Equal(t, math.NewInt(180_000), total)

	type seen struct {
		index    int64
		operator []byte
		tokens   math.Int
	}
	var got []seen
	require.NoError(t, a.IterateBondedValidatorsByPower(e.Ctx, func(i int64, v stakingtypes.ValidatorI) bool {
		bz, err := valCodec.StringToBytes(v.GetOperator())
		require.NoError(t, err)
		require.Equal(t, stakingtypes.Bonded, v.GetStatus())
		require.True(t, v.IsBonded())
		require.False(t, v.IsJailed())
		require.Equal(t, v.GetTokens(), v.GetBondedTokens())
		require.True(t, v.GetDelegatorShares().Equal(math.LegacyNewDecFromInt(v.GetTokens())), "one share per token")
		got = append(got, seen{i, bz, v.GetBondedTokens()})
		return false
	}))
	account := func(id uint64) []byte {
		return sequencertest.MustSignerKey(t, e.Seq(id).PubKey).AccAddress()
	}
	require.Equal(t, []seen{
		{0, account(2), math.NewInt(100_000)},
		{1, account(sequencertest.RelayerID), math.NewInt(50_000)},
		{2, account(sqSeq1), math.NewInt(30_000)},
	}, got, "one bonded validator per active sequencer, by power; operator = the signer's account")

	sum := math.ZeroInt()
	for _, s := range got {
		sum = sum.Add(s.tokens)
	}
	require.Equal(t, total, sum)

	// The iteration stops when asked to.
	calls := 0
	require.NoError(t, a.IterateBondedValidatorsByPower(e.Ctx, func(int64, stakingtypes.ValidatorI) bool {
		calls++
		return true
	}))
	require.Equal(t, 1, calls)

	// No delegations, whoever asks.
	require.NoError(t, a.IterateDelegations(e.Ctx, sdk.AccAddress(account(2)), func(int64, stakingtypes.DelegationI) bool {
		t.Fatal("there are no delegations")
		return true
	}))

	// Power follows the pool.
	e.Apply(e.WithdrawMsg(sqSeq1, 2, sqTokens(5_000), sqTokens(25_000)))
	total, err = a.TotalBondedTokens(e.Ctx)
	require.NoError(t, err)
	require.Equal(t, math.NewInt(175_000), total)
}

// With no active sequencer left, CometBFT keeps running on the last set (EndBlock keeps
// it), and governance follows the set the chain runs on (SigningSet): its members
// remain the voters, so a proposal can still repair the pool.
func TestGovAdapter_NoActiveSequencerKeepsTheRunningSet(t *testing.T) {
	e := sequencertest.NewEnv(t)
	recorded, err := e.K.SigningSet(e.Ctx)
	require.NoError(t, err)
	e.Apply(e.UnlockInitMsg(sequencertest.RelayerID, 2))
	active, err := e.K.ActiveValidatorSet(e.Ctx)
	require.NoError(t, err)
	require.Empty(t, active.Validators)
	a := keeper.NewGovStakingAdapter(e.K, sequencertest.ValAddressCodec())
	total, err := a.TotalBondedTokens(e.Ctx)
	require.NoError(t, err)
	require.Equal(t, math.NewInt(recorded.TotalPower), total)
	n := 0
	require.NoError(t, a.IterateBondedValidatorsByPower(e.Ctx, func(int64, stakingtypes.ValidatorI) bool {
		n++
		return false
	}))
	require.Equal(t, len(recorded.Validators), n)
}
