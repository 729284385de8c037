package ladder_test

import (
	"math/big"
	"testing"

	"cosmossdk.io/math"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/themis-network/themis/x/slashing/ladder"
)

func intOf(n int64) math.Int { return math.NewInt(n) }

func intStr(t testing.TB, s string) math.Int {
	t.Helper()
	v, ok := math.NewIntFromString(s)
	require.True(t, ok, s)
	return v
}

var denominators = map[ladder.Severity]int64{ladder.Low: 0, ladder.Medium: 16, ladder.High: 8, ladder.Critical: 4}

// TestSlashAmountExact checks exact amounts for stakes chosen for their rounding: zero,
// one base unit, just under, at and over a multiple of 16, max_lock, above max_lock (the
// whole lock is at stake, not the capped power), a large prime and 10^30+7, and the
// largest uint256 the contract can hold.
func TestSlashAmountExact(t *testing.T) {
	type want struct{ medium, high, critical string }
	for _, tc := range []struct {
		name   string
		locked string
		want   want
	}{
		{"zero", "0", want{"0", "0", "0"}},
		{"one base unit", "1", want{"0", "0", "0"}},
		{"15", "15", want{"0", "1", "3"}},
		{"16", "16", want{"1", "2", "4"}},
		{"17", "17", want{"1", "2", "4"}},
		{"max_lock 100,000 METIS", "100000000000000000000000", want{"6250000000000000000000", "12500000000000000000000", "25000000000000000000000"}},
		{"max_lock + 1", "100000000000000000000001", want{"6250000000000000000000", "12500000000000000000000", "25000000000000000000000"}},
		{"above max_lock: 150,000 METIS + 1", "150000000000000000000001", want{"9375000000000000000000", "18750000000000000000000", "37500000000000000000000"}},
		{"prime 2^127-1", "170141183460469231731687303715884105727",
			want{"10633823966279326983230456482242756607", "21267647932558653966460912964485513215", "42535295865117307932921825928971026431"}},
		{"10^30+7", "1000000000000000000000000000007", want{"62500000000000000000000000000", "125000000000000000000000000000", "250000000000000000000000000001"}},
		{"uint256 max", "115792089237316195423570985008687907853269984665640564039457584007913129639935",
			want{"7237005577332262213973186563042994240829374041602535252466099000494570602495",
				"14474011154664524427946373126085988481658748083205070504932198000989141204991",
				"28948022309329048855892746252171976963317496166410141009864396001978282409983"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			locked := intStr(t, tc.locked)
			for s, w := range map[ladder.Severity]string{ladder.Low: "0", ladder.Medium: tc.want.medium, ladder.High: tc.want.high, ladder.Critical: tc.want.critical} {
				slashed, remaining, err := ladder.SlashAmount(locked, s)
				require.NoError(t, err)
				require.Equal(t, w, slashed.String(), s.String())
				require.Equal(t, locked.String(), slashed.Add(remaining).String(), "%s: slashed + remaining", s)
			}
		})
	}
}

func TestSlashAmountRejects(t *testing.T) {
	_, _, err := ladder.SlashAmount(intOf(-1), ladder.Medium)
	require.ErrorIs(t, err, ladder.ErrInvalidStake)
	_, _, err = ladder.SlashAmount(intOf(-1), ladder.Low)
	require.ErrorIs(t, err, ladder.ErrInvalidStake, "a negative stake is an error even when nothing is slashed")
	_, _, err = ladder.SlashAmount(math.Int{}, ladder.High)
	require.ErrorIs(t, err, ladder.ErrInvalidStake, "nil")
	_, _, err = ladder.SlashAmount(intOf(16), ladder.Severity(4))
	require.ErrorIs(t, err, ladder.ErrInvalidSeverity)
}

// TestSlashAmountProperties: for any stake in [0, 2^200] and any severity, nothing is
// lost or made up (slashed + remaining == locked), and slashed is the contract's cap
// floor(locked / den) exactly: slashed*den <= locked < (slashed+1)*den. Low takes nothing.
func TestSlashAmountProperties(t *testing.T) {
	limit := new(big.Int).Lsh(big.NewInt(1), 200)
	rapid.Check(t, func(t *rapid.T) {
		locked := drawInt(t, "locked", limit)
		s := rapid.SampledFrom([]ladder.Severity{ladder.Low, ladder.Medium, ladder.High, ladder.Critical}).Draw(t, "severity")
		slashed, remaining, err := ladder.SlashAmount(locked, s)
		require.NoError(t, err)
		require.True(t, slashed.Add(remaining).Equal(locked), "slashed + remaining == locked")
		require.False(t, slashed.IsNegative())
		require.False(t, remaining.IsNegative())
		den := denominators[s]
		if den == 0 {
			require.True(t, slashed.IsZero(), "low slashes nothing")
			return
		}
		require.True(t, slashed.LTE(locked.QuoRaw(den)), "never above the contract's cap")
		require.True(t, slashed.MulRaw(den).LTE(locked), "slashed*den <= locked")
		require.True(t, locked.LT(slashed.AddRaw(1).MulRaw(den)), "locked < (slashed+1)*den")
	})
}

// drawInt draws an integer in [0, limit]: small values, powers of two and their
// neighbours (the rounding edges of every denominator), or uniform bytes.
func drawInt(t *rapid.T, label string, limit *big.Int) math.Int {
	var v *big.Int
	switch rapid.IntRange(0, 2).Draw(t, label+"_kind") {
	case 0:
		v = new(big.Int).SetUint64(rapid.Uint64Range(0, 100).Draw(t, label+"_small"))
	case 1:
		bits := rapid.IntRange(0, limit.BitLen()-1).Draw(t, label+"_bits")
		v = new(big.Int).Lsh(big.NewInt(1), uint(bits))
		v.Add(v, big.NewInt(rapid.Int64Range(-1, 1).Draw(t, label+"_edge")))
		if v.Sign() < 0 {
			v.SetInt64(0)
		}
	default:
		b := rapid.SliceOfN(rapid.Byte(), 0, (limit.BitLen()+7)/8).Draw(t, label+"_bytes")
		v = new(big.Int).SetBytes(b)
	}
	if v.Cmp(limit) > 0 {
		v.Mod(v, new(big.Int).Add(limit, big.NewInt(1)))
	}
	return math.NewIntFromBigInt(v)
}
