package types

import (
	"math/big"

	errorsmod "cosmossdk.io/errors"
	"github.com/ethereum/go-ethereum/common"
)

// Defaults of the outbound path (x/mpc/README.md, "The outbound path").
const (
	DefaultBatchMinBlocks    = 10
	DefaultBatchMaxBlocks    = 500
	DefaultBatchHeadMargin   = 0
	DefaultBatchVoteBlocks   = 20
	DefaultBatchGas          = 1_000_000
	DefaultAcceptPoolGas     = 300_000
	DefaultMaxFeePerGas      = "200000000000" // 200 gwei
	DefaultPriorityFeePerGas = "1000000000"   // 1 gwei
	DefaultFeeBumpPercent    = 12
	// DefaultStuckBlocks is four minutes of 1 s blocks: longer than the 12 L1
	// confirmations (about 144 s) a receipt needs before the chain can agree on it, so
	// a version that landed is not replaced while its receipt is still on its way.
	DefaultStuckBlocks    = 240
	DefaultMinPoolBalance = "100000000000000000" // 0.1 ETH
	DefaultMaxReverts     = 3
)

// Bounds of the outbound params.
const (
	// MaxBatchBlocksLimit caps batch_max_blocks: every validator reads that many L2
	// blocks to vouch for a batch (bridge/l2's MaxRangeBlocks).
	MaxBatchBlocksLimit = 10_000
	// MaxGasLimit caps a pool call's gas: EIP-7825's per-transaction cap (2^24), which
	// L1 nodes since Osaka refuse to exceed.
	MaxGasLimit = 1 << 24
	// MaxTxFeeWei caps gas × max_fee_per_gas of a pool call: go-ethereum's default
	// RPC transaction fee cap (1 ETH, --rpc.txfeecap), above which the operators' L1
	// nodes refuse to take the transaction.
	MaxTxFeeWei = "1000000000000000000"
	// MaxWei caps the wei params (2^128: far above any sane fee or balance).
	maxWeiBits = 128
)

// MaxFee, Tip and MinBalance are the wei params as integers (Validate checked them).
func (p Params) MaxFee() *big.Int     { return mustWei(p.MaxFeePerGas) }
func (p Params) Tip() *big.Int        { return mustWei(p.PriorityFeePerGas) }
func (p Params) MinBalance() *big.Int { return mustWei(p.MinPoolBalance) }

func mustWei(s string) *big.Int {
	v, err := ParseWei(s)
	if err != nil {
		return new(big.Int)
	}
	return v
}

// ParseWei reads a decimal amount of wei: digits only, no sign, below 2^128.
func ParseWei(s string) (*big.Int, error) {
	if s == "" || len(s) > 40 {
		return nil, errorsmod.Wrapf(ErrInvalidParams, "wei amount %q", s)
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return nil, errorsmod.Wrapf(ErrInvalidParams, "wei amount %q: digits only", s)
		}
	}
	v, ok := new(big.Int).SetString(s, 10)
	if !ok || v.BitLen() > maxWeiBits {
		return nil, errorsmod.Wrapf(ErrInvalidParams, "wei amount %q", s)
	}
	return v, nil
}

func (p Params) validateOutbound() error {
	if p.BatchInbox != "" {
		if !common.IsHexAddress(p.BatchInbox) || len(p.BatchInbox) != 42 || p.BatchInbox != lowerHex(p.BatchInbox) {
			return errorsmod.Wrapf(ErrInvalidParams, "batch_inbox %q: a 0x address in lower case", p.BatchInbox)
		}
		if common.HexToAddress(p.BatchInbox) == (common.Address{}) {
			return errorsmod.Wrap(ErrInvalidParams, "batch_inbox: the zero address (leave it empty for no L2 batches)")
		}
	}
	if p.BatchMinBlocks == 0 || p.BatchMaxBlocks < p.BatchMinBlocks || p.BatchMaxBlocks > MaxBatchBlocksLimit {
		return errorsmod.Wrapf(ErrInvalidParams, "batch blocks: need 1 <= min %d <= max %d <= %d", p.BatchMinBlocks, p.BatchMaxBlocks, MaxBatchBlocksLimit)
	}
	for _, f := range []struct {
		name string
		v    uint64
		min  uint64
	}{
		{"batch_head_margin", p.BatchHeadMargin, 0},
		{"batch_vote_blocks", p.BatchVoteBlocks, 1},
		{"stuck_blocks", p.StuckBlocks, 1},
	} {
		if f.v < f.min || f.v > MaxBlocksParam {
			return errorsmod.Wrapf(ErrInvalidParams, "%s %d outside [%d, %d]", f.name, f.v, f.min, MaxBlocksParam)
		}
	}
	for _, g := range []struct {
		name string
		v    uint64
	}{{"batch_gas", p.BatchGas}, {"accept_pool_gas", p.AcceptPoolGas}} {
		if g.v < 21_000 || g.v > MaxGasLimit {
			return errorsmod.Wrapf(ErrInvalidParams, "%s %d outside [21000, %d]", g.name, g.v, MaxGasLimit)
		}
	}
	maxFee, err := ParseWei(p.MaxFeePerGas)
	if err != nil || maxFee.Sign() == 0 {
		return errorsmod.Wrapf(ErrInvalidParams, "max_fee_per_gas %q: a positive decimal amount of wei", p.MaxFeePerGas)
	}
	feeCap, _ := ParseWei(MaxTxFeeWei)
	for _, g := range []struct {
		name string
		v    uint64
	}{{"batch_gas", p.BatchGas}, {"accept_pool_gas", p.AcceptPoolGas}} {
		if fee := new(big.Int).Mul(new(big.Int).SetUint64(g.v), maxFee); fee.Cmp(feeCap) > 0 {
			return errorsmod.Wrapf(ErrInvalidParams, "%s %d × max_fee_per_gas %s = %s wei: above the L1 nodes' transaction fee cap of %s wei (1 ETH)",
				g.name, g.v, p.MaxFeePerGas, fee, MaxTxFeeWei)
		}
	}
	tip, err := ParseWei(p.PriorityFeePerGas)
	if err != nil || tip.Cmp(maxFee) > 0 {
		return errorsmod.Wrapf(ErrInvalidParams, "priority_fee_per_gas %q: a decimal amount of wei at most max_fee_per_gas", p.PriorityFeePerGas)
	}
	if _, err := ParseWei(p.MinPoolBalance); err != nil {
		return errorsmod.Wrapf(ErrInvalidParams, "min_pool_balance %q: a decimal amount of wei", p.MinPoolBalance)
	}
	if p.FeeBumpPercent < 10 || p.FeeBumpPercent > 1000 {
		return errorsmod.Wrapf(ErrInvalidParams, "fee_bump_percent %d outside [10, 1000]", p.FeeBumpPercent)
	}
	if p.MaxReverts == 0 || p.MaxReverts > 100 {
		return errorsmod.Wrapf(ErrInvalidParams, "max_reverts %d outside [1, 100]", p.MaxReverts)
	}
	return nil
}

func lowerHex(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'F' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// L1AdminGas is the gas limit of each l1_admin call (setWhitelist, setLockLimits,
// setExitDelay, endBootstrap, cancelPoolRecovery): at least 25% over what the most
// expensive costs on the development L1, new storage slots included
// (contracts/pool_gas_test.go measures them).
const L1AdminGas = 300_000
