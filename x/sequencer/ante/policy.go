// Package ante holds the chain's transaction admission rules: who pays, how much, and
// the bounds of the one fee-free path (relays of L1 events by active sequencers).
// Nothing here is node-local except CheckTx's own minimum gas prices: every other rule
// is enforced alike in CheckTx, in the proposal checks (proposal.go) and in block
// execution, so a proposer cannot include for free what the rules refuse.
package ante

import (
	"fmt"
	"strings"

	"cosmossdk.io/math"
	sdk "github.com/cosmos/cosmos-sdk/types"
)

// Policy is the fee and fee-free-relay policy. Every field is consensus-critical: it
// decides whether a transaction in a block is valid, so it is the same on every node
// (the app builds it from constants; changing it is a software upgrade).
type Policy struct {
	// MinGasPrice is the chain's floor: a transaction that is not a fee-free relay pays
	// at least its gas limit times this price, in block execution and proposals as in
	// CheckTx. A node's minimum-gas-prices (CheckTx only) may ask more, never less.
	MinGasPrice sdk.DecCoin
	// MaxFreeGas bounds the gas limit of a fee-free relay transaction.
	MaxFreeGas uint64
	// FreeGasBase and FreeGasPerMsg bound it further by its content: a fee-free
	// transaction of n messages may ask at most FreeGasBase + n x FreeGasPerMsg, so
	// that gas it will never use cannot be reserved for free (block space is selected
	// by gas limits).
	FreeGasBase, FreeGasPerMsg uint64
	// MaxFreeTxBytes bounds the size of a fee-free relay transaction: its gas limit does
	// not bound its bytes (padding in unknown non-critical fields costs 10 gas a byte).
	MaxFreeTxBytes int
	// MaxFreeMsgs (M) bounds the messages of a fee-free relay transaction, and with it
	// the cost of checking one before inclusion.
	MaxFreeMsgs int
	// FreeTxsPerBlock (K) bounds one sender's fee-free relay transactions in a block.
	FreeTxsPerBlock uint64
	// FreeTxsInMempool (C) bounds one sender's fee-free relay transactions a node's
	// mempool holds (CheckTx), so that no sequencer can fill it for free.
	FreeTxsInMempool uint64
}

// Defaults. The reasons are in README.md ("Fees and the fee-free relay path"); the
// bridge's side is bridge/broadcaster (40 messages a transaction) and its processor
// (rounds of up to 512 events).
const (
	// DefaultMinGasPriceAmount: the ecosystem's customary 0.025 base units per gas.
	DefaultMinGasPriceAmount = "0.025"
	// DefaultMaxFreeGas bounds one fee-free transaction: relays measure about 42k gas
	// each (a relock; 47k a lock), so a 40-message batch asks about 2.2-2.4M with the
	// bridge's 1.3 margin on its simulation.
	DefaultMaxFreeGas = 3_000_000
	// DefaultFreeGasBase and DefaultFreeGasPerMsg: a relay measures 42-47k gas with the
	// transaction's own overhead spread over the batch; with the bridge's 1.3 margin
	// that is under 62k a message, so 80k a message plus 200k leaves room, and a
	// one-message relay reserves 280k, not 3M.
	DefaultFreeGasBase   = 200_000
	DefaultFreeGasPerMsg = 80_000
	// DefaultMaxFreeTxBytes: the bridge's largest batch (40 locks, the largest relay)
	// is about 14 KB and 50 locks 17.4 KB; 32 KiB leaves room and keeps one sender's K
	// free transactions under 128 KiB a block.
	DefaultMaxFreeTxBytes = 32 << 10
	// DefaultMaxFreeMsgs (M): the bridge's batch of 40 with room, and about what the
	// gas cap holds anyway (50 relocks use 2.1M); it bounds the cost of checking one
	// relay transaction before inclusion.
	DefaultMaxFreeMsgs = 50
	// DefaultFreeTxsPerBlock (K): 4 batches of 40 are 160 events per block for each
	// bridge, four times the 40 of the catch-up target even if one bridge relays alone.
	// At most K x 3M = 12M of a block's 30M max_gas is one sender's for free.
	DefaultFreeTxsPerBlock = 4
	// DefaultFreeTxsInMempool (C): a bridge round of up to 512 events is 13
	// transactions of 40; 4K lets it wait in the mempool whole while K go per block.
	DefaultFreeTxsInMempool = 4 * DefaultFreeTxsPerBlock
)

// DefaultPolicy is the chain's policy, with its fees in denom.
func DefaultPolicy(denom string) Policy {
	return Policy{
		MinGasPrice:      sdk.NewDecCoinFromDec(denom, math.LegacyMustNewDecFromStr(DefaultMinGasPriceAmount)),
		MaxFreeGas:       DefaultMaxFreeGas,
		FreeGasBase:      DefaultFreeGasBase,
		FreeGasPerMsg:    DefaultFreeGasPerMsg,
		MaxFreeTxBytes:   DefaultMaxFreeTxBytes,
		MaxFreeMsgs:      DefaultMaxFreeMsgs,
		FreeTxsPerBlock:  DefaultFreeTxsPerBlock,
		FreeTxsInMempool: DefaultFreeTxsInMempool,
	}
}

// Validate refuses a policy that would let anything be free or nothing be relayed.
func (p Policy) Validate() error {
	if err := p.MinGasPrice.Validate(); err != nil {
		return fmt.Errorf("min gas price: %w", err)
	}
	if !p.MinGasPrice.IsPositive() {
		return fmt.Errorf("min gas price must be positive, got %s", p.MinGasPrice)
	}
	if p.MaxFreeGas == 0 || p.MaxFreeMsgs <= 0 || p.FreeTxsPerBlock == 0 || p.FreeGasPerMsg == 0 || p.MaxFreeTxBytes <= 0 {
		return fmt.Errorf("free relay bounds must be positive: gas %d (per message %d), messages %d, bytes %d, per block %d",
			p.MaxFreeGas, p.FreeGasPerMsg, p.MaxFreeMsgs, p.MaxFreeTxBytes, p.FreeTxsPerBlock)
	}
	if p.FreeTxsInMempool < p.FreeTxsPerBlock {
		return fmt.Errorf("the mempool bound %d is below the per-block bound %d: a block could never be full",
			p.FreeTxsInMempool, p.FreeTxsPerBlock)
	}
	return nil
}

// FreeGasLimit is the largest gas limit a fee-free relay transaction of n messages may
// ask: FreeGasBase + n x FreeGasPerMsg, never above MaxFreeGas.
func (p Policy) FreeGasLimit(n int) uint64 {
	if n <= 0 {
		return 0
	}
	return min(p.MaxFreeGas, p.FreeGasBase+uint64(n)*p.FreeGasPerMsg)
}

// MinFee is the least fee a transaction of gas limit gas pays.
func (p Policy) MinFee(gas uint64) sdk.Coin {
	amount := p.MinGasPrice.Amount.Mul(math.LegacyNewDecFromInt(math.NewIntFromUint64(gas)))
	return sdk.NewCoin(p.MinGasPrice.Denom, amount.Ceil().TruncateInt())
}

// String prints the price as app.toml and the CLI take it ("0.025uthemis").
func (p Policy) String() string {
	amount := strings.TrimRight(strings.TrimRight(p.MinGasPrice.Amount.String(), "0"), ".")
	return amount + p.MinGasPrice.Denom
}
