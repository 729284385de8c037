package rewards_test

import (
	"math"
	"math/big"
	"testing"

	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/themis-network/themis/x/slashing/rewards"
)

const twoWeeks = 14 * 24 * 3600 // 1,209,600 s

// metis is n whole tokens of 10^18 base units.
func metis(n int64) sdkmath.Int { return sdkmath.NewInt(n).Mul(sdkmath.NewIntWithDecimal(1, 18)) }

func intStr(t testing.TB, s string) sdkmath.Int {
	t.Helper()
	v, ok := sdkmath.NewIntFromString(s)
	require.True(t, ok, s)
	return v
}

// TestRewardPerBlockRecordedRates re-targets on recorded two-week windows. Ten sequencers
// at max_lock (10^6 METIS capped) at 20 %: 2*10^5 METIS a year.
func TestRewardPerBlockRecordedRates(t *testing.T) {
	pool := metis(1_000_000)
	for _, tc := range []struct {
		name string
		in   rewards.RetargetInput
		want string
	}{
		// 31,536,000 blocks a year: 2*10^23 / 31,536,000.
		{"1 block/s", rewards.RetargetInput{pool, 2000, twoWeeks, twoWeeks}, "6341958396752917"},
		// Half the blocks, twice the reward per block: the year pays the same.
		{"0.5 block/s (2 s blocks)", rewards.RetargetInput{pool, 2000, twoWeeks, twoWeeks / 2}, "12683916793505834"},
		{"2 s blocks with gaps: 9,600 s without blocks", rewards.RetargetInput{pool, 2000, twoWeeks, 600_000}, "12785388127853881"},
		{"2 blocks/s", rewards.RetargetInput{pool, 2000, twoWeeks, 2 * twoWeeks}, "3170979198376458"},
		{"1,000 sequencers at max_lock", rewards.RetargetInput{metis(100_000_000), 2000, twoWeeks, twoWeeks}, "634195839675291730"},
		{"100 %", rewards.RetargetInput{pool, 10_000, twoWeeks, twoWeeks}, "31709791983764586"},
		{"rate 0", rewards.RetargetInput{pool, 0, twoWeeks, twoWeeks}, "0"},
		{"stake 0", rewards.RetargetInput{sdkmath.ZeroInt(), 2000, twoWeeks, twoWeeks}, "0"},
		{"tiny stake: one base unit rounds to 0", rewards.RetargetInput{sdkmath.OneInt(), 2000, twoWeeks, twoWeeks}, "0"},
		// 157,680,000 * 0.2 = 31,536,000 = one base unit per block of the year at 1 block/s.
		{"smallest stake that pays 1 per block", rewards.RetargetInput{sdkmath.NewInt(157_680_000), 2000, twoWeeks, twoWeeks}, "1"},
		{"one base unit less rounds to 0", rewards.RetargetInput{sdkmath.NewInt(157_679_999), 2000, twoWeeks, twoWeeks}, "0"},
		{"one block a year at 100 %: the whole stake", rewards.RetargetInput{sdkmath.NewInt(1), 10_000, rewards.SecondsPerYear, 1}, "1"},
		{"uint256 stake, uint64 window: no overflow", rewards.RetargetInput{intStr(t, "115792089237316195423570985008687907853269984665640564039457584007913129639935"), 10_000, math.MaxUint64, math.MaxUint64},
			"3671743063080802746815416825491118336290905145409708398004109081935347"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := rewards.RewardPerBlock(tc.in)
			require.NoError(t, err)
			require.Equal(t, tc.want, got.String())
		})
	}
}

func TestRewardPerBlockRejects(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   rewards.RetargetInput
		err  error
	}{
		{"no blocks in the window: keep the previous value", rewards.RetargetInput{metis(1), 2000, twoWeeks, 0}, rewards.ErrEmptyWindow},
		{"no time in the window: keep the previous value", rewards.RetargetInput{metis(1), 2000, 0, 100}, rewards.ErrEmptyWindow},
		{"an empty window is reported before a bad stake", rewards.RetargetInput{sdkmath.Int{}, 2000, 0, 0}, rewards.ErrEmptyWindow},
		{"negative stake", rewards.RetargetInput{sdkmath.NewInt(-1), 2000, twoWeeks, twoWeeks}, rewards.ErrInvalidInput},
		{"nil stake", rewards.RetargetInput{sdkmath.Int{}, 2000, twoWeeks, twoWeeks}, rewards.ErrInvalidInput},
		{"rate above 100 %", rewards.RetargetInput{metis(1), 10_001, twoWeeks, twoWeeks}, rewards.ErrInvalidInput},
		{"result beyond 256 bits is an error, not a panic",
			rewards.RetargetInput{intStr(t, "115792089237316195423570985008687907853269984665640564039457584007913129639935"), 10_000, math.MaxUint64, 1}, rewards.ErrInvalidInput},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := rewards.RewardPerBlock(tc.in)
			require.ErrorIs(t, err, tc.err)
		})
	}
}

// TestRewardPerBlockProperties: at the measured rate, the year's payout (reward per
// block times blocks per year, WindowL2Blocks * SecondsPerYear / WindowSeconds, a
// rational) never exceeds the target CappedStake * rate, and falls short of it by less
// than one base unit per block of the year. More blocks in the same window never raise
// the reward per block; more stake or a higher rate never lower it.
func TestRewardPerBlockProperties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		in := rewards.RetargetInput{
			CappedStake:    drawStake(t, "stake"),
			YearlyRateBps:  rapid.Uint32Range(0, rewards.BpsDenominator).Draw(t, "bps"),
			WindowSeconds:  rapid.Uint64Range(1, 1<<40).Draw(t, "seconds"),
			WindowL2Blocks: rapid.Uint64Range(1, 1<<40).Draw(t, "blocks"),
		}
		got, err := rewards.RewardPerBlock(in)
		require.NoError(t, err)
		require.False(t, got.IsNegative())

		target := new(big.Rat).SetFrac(new(big.Int).Mul(in.CappedStake.BigInt(), big.NewInt(int64(in.YearlyRateBps))), big.NewInt(rewards.BpsDenominator))
		blocksPerYear := new(big.Rat).SetFrac(
			new(big.Int).Mul(new(big.Int).SetUint64(in.WindowL2Blocks), big.NewInt(rewards.SecondsPerYear)),
			new(big.Int).SetUint64(in.WindowSeconds))
		paid := new(big.Rat).Mul(new(big.Rat).SetInt(got.BigInt()), blocksPerYear)
		require.LessOrEqual(t, paid.Cmp(target), 0, "pays above the target: %s > %s", paid, target)
		shortfall := new(big.Rat).Sub(target, paid)
		require.Less(t, shortfall.Cmp(blocksPerYear), 0, "short by %s, at least one unit per block of %s", shortfall, blocksPerYear)

		more := in
		more.WindowL2Blocks += rapid.Uint64Range(0, 1<<20).Draw(t, "more_blocks")
		fewer, err := rewards.RewardPerBlock(more)
		require.NoError(t, err)
		require.True(t, fewer.LTE(got), "more blocks raised the reward per block")

		richer := in
		richer.CappedStake = in.CappedStake.Add(drawStake(t, "more_stake"))
		richer.YearlyRateBps = rapid.Uint32Range(in.YearlyRateBps, rewards.BpsDenominator).Draw(t, "higher_bps")
		higher, err := rewards.RewardPerBlock(richer)
		require.NoError(t, err)
		require.True(t, higher.GTE(got), "more stake or a higher rate lowered the reward per block")
	})
}

// drawStake draws an amount below 2^200 from 0 to 25 random bytes: short draws give the
// small stakes whose reward per block rounds to 0 or 1.
func drawStake(t *rapid.T, label string) sdkmath.Int {
	b := rapid.SliceOfN(rapid.Byte(), 0, 25).Draw(t, label)
	return sdkmath.NewIntFromBigInt(new(big.Int).SetBytes(b))
}

// One re-target moves the reward per block by at most a factor of MaxStep either way;
// the first (from zero) is free.
func TestClampStep(t *testing.T) {
	for _, tc := range []struct {
		name            string
		old, next, want int64
		clamped         bool
	}{
		{"from zero: as measured", 0, 1_000_000, 1_000_000, false},
		{"within the band", 1000, 1500, 1500, false},
		{"exactly twice", 1000, 2000, 2000, false},
		{"above twice: twice", 1000, 47_000_000, 2000, true},
		{"exactly half", 1000, 500, 500, false},
		{"below half: half", 1000, 1, 500, true},
		{"to zero: half", 1000, 0, 500, true},
		{"odd old: floor of half", 1001, 0, 500, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, clamped := rewards.ClampStep(sdkmath.NewInt(tc.old), sdkmath.NewInt(tc.next))
			require.Equal(t, sdkmath.NewInt(tc.want), got)
			require.Equal(t, tc.clamped, clamped)
		})
	}
}
