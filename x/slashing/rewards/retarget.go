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
