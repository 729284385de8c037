package outbound

import (
	"math/big"
	"sort"
)

// Weighted is one validator's reported value and its power.
type Weighted struct {
	Value *big.Int
	Power int64
}

// AtLeast returns the largest value v such that validators holding more than 2/3 of
// total power reported v or more. Fewer than 1/3 of power is Byzantine, so at least
// one honest validator saw v or more: for a quantity that only grows (a confirmed L1
// height, the pool's nonce) v is true, and no minority can push it up. ok is false
// when no value has that support.
func AtLeast(votes []Weighted, total int64) (*big.Int, bool) {
	if total <= 0 {
		return nil, false
	}
	vs := valid(votes)
	sort.SliceStable(vs, func(i, j int) bool { return vs[i].Value.Cmp(vs[j].Value) > 0 })
	limit := new(big.Int).Mul(big.NewInt(total), big.NewInt(2))
	sum := new(big.Int)
	for _, v := range vs {
		sum.Add(sum, big.NewInt(v.Power))
		if new(big.Int).Mul(sum, big.NewInt(3)).Cmp(limit) > 0 {
			return new(big.Int).Set(v.Value), true
		}
	}
	return nil, false
}

// Median returns the power-weighted (lower) median of the reported values, provided
// the reporters hold more than 2/3 of total power. Byzantine power is then below half
// the reporters' power, so the median lies between two honest values: a minority can
// neither raise nor lower the agreed base fee or balance beyond what honest nodes saw.
func Median(votes []Weighted, total int64) (*big.Int, bool) {
	if total <= 0 {
		return nil, false
	}
	vs := valid(votes)
	reported := new(big.Int)
	for _, v := range vs {
		reported.Add(reported, big.NewInt(v.Power))
	}
	if new(big.Int).Mul(reported, big.NewInt(3)).Cmp(new(big.Int).Mul(big.NewInt(total), big.NewInt(2))) <= 0 {
		return nil, false
	}
	sort.SliceStable(vs, func(i, j int) bool { return vs[i].Value.Cmp(vs[j].Value) < 0 })
	sum := new(big.Int)
	for _, v := range vs {
		sum.Add(sum, big.NewInt(v.Power))
		if new(big.Int).Mul(sum, big.NewInt(2)).Cmp(reported) >= 0 {
			return new(big.Int).Set(v.Value), true
		}
	}
	return nil, false // unreachable: the loop ends at reported
}

// Supermajority reports whether power is more than 2/3 of total.
func Supermajority(power, total int64) bool {
	if total <= 0 || power <= 0 {
		return false
	}
	return new(big.Int).Mul(big.NewInt(power), big.NewInt(3)).Cmp(new(big.Int).Mul(big.NewInt(total), big.NewInt(2))) > 0
}

func valid(votes []Weighted) []Weighted {
	out := make([]Weighted, 0, len(votes))
	for _, v := range votes {
		if v.Value != nil && v.Value.Sign() >= 0 && v.Power > 0 {
			out = append(out, v)
		}
	}
	return out
}
