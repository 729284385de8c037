package types_test

import (
	"math/big"
	"testing"

	"cosmossdk.io/math"
	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/contracts/bindings/staking"
	"github.com/themis-network/themis/x/mpc/outbound"
	"github.com/themis-network/themis/x/slashing/types"
)

var stakingAt = common.HexToAddress("0x00000000000000000000000000000000000057a4")

func fullBatch(amount math.Int) types.L1Action {
	b := &types.RewardBatchAction{BatchId: 3}
	for i := range types.MaxPaymentsPerBatch {
		b.Payments = append(b.Payments, types.RewardPayment{SequencerId: uint64(i + 1), Amount: amount})
	}
	return types.L1Action{Id: 9, Kind: types.L1_ACTION_KIND_REWARD_BATCH, RewardBatch: b}
}

// Each action kind makes its contract call; a record that could not be a valid call
// is refused rather than sent; the largest batch fits one L1 transaction.
func TestL1CallOfEachAction(t *testing.T) {
	slash := types.L1Action{Id: 1, Kind: types.L1_ACTION_KIND_SLASH, Slash: &types.SlashAction{
		SequencerId: 2, Amount: math.NewInt(5), Severity: types.SEVERITY_HIGH, OffenceId: types.L1OffenceID("c", 1)}}
	call, err := slash.L1Call(stakingAt)
	require.NoError(t, err)
	require.Equal(t, stakingAt, call.To)
	require.Equal(t, uint64(types.SlashGas), call.Gas)

	maxWord := math.NewIntFromBigInt(new(big.Int).Lsh(big.NewInt(1), 255))
	call, err = fullBatch(maxWord).L1Call(stakingAt)
	require.NoError(t, err)
	require.LessOrEqual(t, call.Gas, uint64(outbound.MaxCallGas), "the largest batch fits EIP-7825's cap")

	for name, a := range map[string]types.L1Action{
		"slash without payload":     {Id: 1, Kind: types.L1_ACTION_KIND_SLASH},
		"slash of nothing":          {Id: 1, Kind: types.L1_ACTION_KIND_SLASH, Slash: &types.SlashAction{SequencerId: 2, Amount: math.ZeroInt(), OffenceId: types.L1OffenceID("c", 1)}},
		"slash with a short key":    {Id: 1, Kind: types.L1_ACTION_KIND_SLASH, Slash: &types.SlashAction{SequencerId: 2, Amount: math.NewInt(1), OffenceId: []byte{1}}},
		"release of escrow 0":       {Id: 1, Kind: types.L1_ACTION_KIND_RELEASE_ESCROW, Escrow: &types.EscrowAction{}},
		"refund without payload":    {Id: 1, Kind: types.L1_ACTION_KIND_REFUND_ESCROW},
		"empty reward batch":        {Id: 1, Kind: types.L1_ACTION_KIND_REWARD_BATCH, RewardBatch: &types.RewardBatchAction{BatchId: 1}},
		"reward batch, zero amount": fullBatch(math.ZeroInt()),
		"unknown kind":              {Id: 1, Kind: 9},
	} {
		_, err := a.L1Call(stakingAt)
		require.Error(t, err, name)
	}
	_, err = slash.L1Call(common.Address{})
	require.Error(t, err, "no staking contract")
}

// The contract's errors are parked only when no later L1 state undoes them; others
// are held; a selector the contract does not name, or none, is named as such.
func TestClassifyRefusal(t *testing.T) {
	parsed, err := staking.ThemisStakingMetaData.ParseABI()
	require.NoError(t, err)
	sel := func(name string) []byte { id := parsed.Errors[name].ID; return id[:4] }
	for name, forGood := range map[string]bool{
		"OffenceAlreadySlashed": true, "UnknownEscrow": false, "EscrowSettled": true, "EscrowRefundWindowClosed": true,
		"UnknownSequencer": true, "ZeroAmount": true,
		"ContractPaused": false, "InsufficientRewardReserve": false, "EscrowNotReleasable": false,
		"UnexpectedRewardBatch": false, "NotPoolAddress": false,
	} {
		require.Equal(t, types.Refusal{Error: name, ForGood: forGood}, types.ClassifyRefusal(sel(name)), name)
	}
	require.Equal(t, types.Refusal{Error: "0xdeadbeef"}, types.ClassifyRefusal([]byte{0xde, 0xad, 0xbe, 0xef}))
	require.Equal(t, types.Refusal{Error: "revert"}, types.ClassifyRefusal(nil))
}
