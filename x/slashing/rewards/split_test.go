package rewards_test

import (
	"math"
	"testing"

	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/themis-network/themis/x/slashing/rewards"
)

type accrual struct {
	id     uint64
	amount string
}

func TestSplit(t *testing.T) {
	for _, tc := range []struct {
		name     string
		perBlock sdkmath.Int
		credits  []rewards.Credit
		want     []accrual
		total    string
	}{
		{"by blocks produced", sdkmath.NewInt(10), []rewards.Credit{{1, 1000}, {2, 37}, {5, 500}},
			[]accrual{{1, "10000"}, {2, "370"}, {5, "5000"}}, "15370"},
		{"no blocks, no reward", sdkmath.NewInt(10), []rewards.Credit{{1, 0}, {2, 3}, {3, 0}},
			[]accrual{{2, "30"}}, "30"},
		{"reward per block rounded to 0: nothing", sdkmath.ZeroInt(), []rewards.Credit{{1, 1000}}, nil, "0"},
		{"no credits", sdkmath.NewInt(10), nil, nil, "0"},
		{"a real block reward", intStr(t, "6341958396752917"), []rewards.Credit{{3, 1000}, {9, 1000}},
			[]accrual{{3, "6341958396752917000"}, {9, "6341958396752917000"}}, "12683916793505834000"},
		{"max uint64 blocks", sdkmath.NewInt(2), []rewards.Credit{{1, math.MaxUint64}},
			[]accrual{{1, "36893488147419103230"}}, "36893488147419103230"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, total, err := rewards.Split(tc.perBlock, tc.credits)
			require.NoError(t, err)
			var flat []accrual
			for _, a := range got {
				flat = append(flat, accrual{a.SequencerID, a.Amount.String()})
			}
			require.Equal(t, tc.want, flat)
			require.Equal(t, tc.total, total.String())
		})
	}
}

func TestSplitRejects(t *testing.T) {
	huge := intStr(t, "115792089237316195423570985008687907853269984665640564039457584007913129639935")
	half := huge.QuoRaw(2).AddRaw(1)
	for _, tc := range []struct {
		name     string
		perBlock sdkmath.Int
		credits  []rewards.Credit
	}{
		{"duplicate sequencer: paid twice", sdkmath.NewInt(1), []rewards.Credit{{1, 5}, {1, 5}}},
		{"unsorted", sdkmath.NewInt(1), []rewards.Credit{{2, 5}, {1, 5}}},
		{"negative per block", sdkmath.NewInt(-1), []rewards.Credit{{1, 5}}},
		{"nil per block", sdkmath.Int{}, []rewards.Credit{{1, 5}}},
		{"an amount beyond 256 bits", huge, []rewards.Credit{{1, 2}}},
		{"a total beyond 256 bits", half, []rewards.Credit{{1, 1}, {2, 1}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := rewards.Split(tc.perBlock, tc.credits)
			require.ErrorIs(t, err, rewards.ErrInvalidInput)
		})
	}
}

// TestSplitProperties: each accrual is perBlock * blocks, none is zero, they keep the
// credits' order, and the total is their sum and equals perBlock times all blocks.
func TestSplitProperties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		perBlock := sdkmath.NewIntFromUint64(rapid.Uint64Range(0, 1<<62).Draw(t, "per_block"))
		var credits []rewards.Credit
		var id, blocks uint64
		for range rapid.IntRange(0, 20).Draw(t, "n") {
			id += rapid.Uint64Range(1, 1000).Draw(t, "id_step")
			c := rewards.Credit{SequencerID: id, Blocks: rapid.Uint64Range(0, 2000).Draw(t, "blocks")}
			credits = append(credits, c)
			blocks += c.Blocks
		}
		got, total, err := rewards.Split(perBlock, credits)
		require.NoError(t, err)
		sum := sdkmath.ZeroInt()
		next := 0
		for _, a := range got {
			require.True(t, a.Amount.IsPositive())
			for credits[next].SequencerID != a.SequencerID {
				require.True(t, credits[next].Blocks == 0 || perBlock.IsZero(), "a paying credit was left out")
				next++
			}
			require.True(t, a.Amount.Equal(perBlock.Mul(sdkmath.NewIntFromUint64(credits[next].Blocks))))
			sum = sum.Add(a.Amount)
			next++
		}
		require.True(t, total.Equal(sum))
		require.True(t, total.Equal(perBlock.Mul(sdkmath.NewIntFromUint64(blocks))))
	})
}
