package rewards

import (
	"fmt"
	"math/big"

	"cosmossdk.io/math"
)

// SecondsPerYear is a 365-day year, the year the yearly rate is quoted over.
const SecondsPerYear = 365 * 24 * 3600

// RetargetInput is what the keeper measured over the window just ended.
type RetargetInput struct {
	// CappedStake is the sum over sequencers of min(locked, max_lock), in base units.
	CappedStake math.Int
	// YearlyRateBps is the target yearly rate in basis points (Params.YearlyRateBps).
	YearlyRateBps uint32
	// WindowSeconds is the block time elapsed over the window (e.g. two weeks).
	WindowSeconds uint64
	// WindowL2Blocks is the number of L2 blocks agreed over the same window.
	WindowL2Blocks uint64
}

// RewardPerBlock is the reward per L2 block that pays CappedStake at YearlyRateBps a
// year if the L2 keeps the rate measured over the window (see the package doc for the
// derivation):
//
//	floor(CappedStake * YearlyRateBps * WindowSeconds / (10,000 * SecondsPerYear * WindowL2Blocks))
//
// The product is formed in full before the one division, so nothing rounds but the
// result. A window with no time or no blocks returns ErrEmptyWindow: the caller keeps the
// previous value. math.Int holds 256 bits and panics beyond, so the intermediate product
// is a big.Int and a result that does not fit is ErrInvalidInput, never a panic in
// EndBlock.
func RewardPerBlock(in RetargetInput) (math.Int, error) {
	if in.WindowSeconds == 0 || in.WindowL2Blocks == 0 {
		return math.Int{}, fmt.Errorf("%w: %d s, %d blocks", ErrEmptyWindow, in.WindowSeconds, in.WindowL2Blocks)
	}
	if in.CappedStake.IsNil() || in.CappedStake.IsNegative() {
		return math.Int{}, fmt.Errorf("%w: capped stake %s", ErrInvalidInput, in.CappedStake)
	}
	if in.YearlyRateBps > BpsDenominator {
		return math.Int{}, fmt.Errorf("%w: yearly rate %d bps is above %d", ErrInvalidInput, in.YearlyRateBps, BpsDenominator)
	}
	num := new(big.Int).Mul(in.CappedStake.BigInt(), big.NewInt(int64(in.YearlyRateBps)))
	num.Mul(num, new(big.Int).SetUint64(in.WindowSeconds))
	den := new(big.Int).Mul(big.NewInt(BpsDenominator*SecondsPerYear), new(big.Int).SetUint64(in.WindowL2Blocks))
	perBlock := num.Quo(num, den) // non-negative: truncation is floor
	if perBlock.BitLen() > math.MaxBitLen {
		return math.Int{}, fmt.Errorf("%w: reward per block exceeds %d bits", ErrInvalidInput, math.MaxBitLen)
	}
	return math.NewIntFromBigIntMut(perBlock), nil
}

// MaxStep bounds one re-target: the new reward per block is at most MaxStep times the
// old and at least the old divided by MaxStep. A window whose measured L2 rate is far
// off (a long L2 outage, or validators withholding head reports for most of the window:
// a handful of blocks agreed in two weeks) would otherwise set a reward per block that
// pays many times the whole capped stake in the next window; a real change of L2 block
// time is followed within a few windows instead.
const MaxStep = 2

// ClampStep limits the move from old to next to a factor of MaxStep either way. An old
// value of zero (before the first re-target, unless genesis set one) takes next as is.
// Both are non-negative.
func ClampStep(old, next math.Int) (math.Int, bool) {
	if old.IsNil() || old.IsZero() {
		return next, false
	}
	if hi := old.MulRaw(MaxStep); next.GT(hi) {
		return hi, true
	}
	if lo := old.QuoRaw(MaxStep); next.LT(lo) {
		return lo, true
	}
	return next, false
}
