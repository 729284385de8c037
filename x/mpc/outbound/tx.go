package outbound

import (
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// Errors of this package.
var (
	ErrBadCall      = errors.New("invalid pool call")
	ErrBadFees      = errors.New("invalid fee parameters")
	ErrBadSignature = errors.New("signature does not make a pool transaction")
)

// Call is what the pool asks L1 to do.
type Call struct {
	To   common.Address
	Data []byte
	// Gas is the gas limit the payload type sets for its call.
	Gas uint64
}

// Fees are an EIP-1559 transaction's caps.
type Fees struct {
	MaxFee *big.Int // wei per gas
	MaxTip *big.Int // wei per gas
}

// MaxCallGas is EIP-7825's per-transaction gas cap (2^24): L1 nodes since Osaka refuse
// a transaction above it.
const MaxCallGas = 1 << 24

// Validate checks a call.
func (c Call) Validate() error {
	if c.To == (common.Address{}) {
		return fmt.Errorf("%w: no recipient", ErrBadCall)
	}
	if c.Gas < 21_000 || c.Gas > MaxCallGas {
		return fmt.Errorf("%w: gas limit %d outside [21000, %d]", ErrBadCall, c.Gas, MaxCallGas)
	}
	return nil
}

// FeesFor prices a first attempt: tip as set, fee cap 2*baseFee + tip, both bounded
// by maxFeeCap. A base fee above the cap leaves the transaction waiting until L1 is
// cheaper (the pool never pays more than governance allowed).
func FeesFor(baseFee, tip, maxFeeCap *big.Int) (Fees, error) {
	if baseFee == nil || tip == nil || maxFeeCap == nil || baseFee.Sign() < 0 || tip.Sign() < 0 || maxFeeCap.Sign() <= 0 {
		return Fees{}, fmt.Errorf("%w: base fee %v, tip %v, cap %v", ErrBadFees, baseFee, tip, maxFeeCap)
	}
	maxFee := new(big.Int).Add(new(big.Int).Lsh(baseFee, 1), tip)
	return Fees{MaxFee: minInt(maxFee, maxFeeCap), MaxTip: minInt(new(big.Int).Set(tip), maxFeeCap)}, nil
}

// Bump prices a replacement of prev: the larger of the fresh price and prev raised by
// bumpPercent (at least 10, what geth's pool requires for a replacement), on both the
// fee cap and the tip, each bounded by maxFeeCap. ok is false when the cap leaves no
// room for a valid replacement: the old version must then be left to land.
func Bump(prev, fresh Fees, bumpPercent uint64, maxFeeCap *big.Int) (Fees, bool) {
	if bumpPercent < 10 {
		bumpPercent = 10
	}
	raise := func(x *big.Int) *big.Int {
		y := new(big.Int).Mul(x, new(big.Int).SetUint64(100+bumpPercent))
		y.Add(y, big.NewInt(99)) // round up
		return y.Div(y, big.NewInt(100))
	}
	fee := maxInt(raise(prev.MaxFee), fresh.MaxFee)
	tip := maxInt(raise(prev.MaxTip), fresh.MaxTip)
	if fee.Cmp(maxFeeCap) > 0 || tip.Cmp(fee) > 0 {
		return prev, false
	}
	return Fees{MaxFee: fee, MaxTip: tip}, true
}

// Build makes the unsigned transaction.
func Build(l1ChainID *big.Int, nonce uint64, call Call, fees Fees) (*types.Transaction, error) {
	if err := call.Validate(); err != nil {
		return nil, err
	}
	if fees.MaxFee == nil || fees.MaxTip == nil || fees.MaxTip.Cmp(fees.MaxFee) > 0 || fees.MaxFee.Sign() <= 0 {
		return nil, fmt.Errorf("%w: tip %v above fee cap %v", ErrBadFees, fees.MaxTip, fees.MaxFee)
	}
	to := call.To
	return types.NewTx(&types.DynamicFeeTx{
		ChainID:   new(big.Int).Set(l1ChainID),
		Nonce:     nonce,
		GasTipCap: new(big.Int).Set(fees.MaxTip),
		GasFeeCap: new(big.Int).Set(fees.MaxFee),
		Gas:       call.Gas,
		To:        &to,
		Value:     new(big.Int),
		Data:      append([]byte(nil), call.Data...),
	}), nil
}

// SigningHash is the 32-byte digest the pool signs for tx.
func SigningHash(l1ChainID *big.Int, tx *types.Transaction) [32]byte {
	return types.NewLondonSigner(l1ChainID).Hash(tx)
}

// Assemble attaches a pool signature (R||S||V, V in {0,1}) and checks that the
// signed transaction's sender is the pool.
func Assemble(l1ChainID *big.Int, tx *types.Transaction, sig []byte, pool common.Address) (*types.Transaction, error) {
	if len(sig) != 65 {
		return nil, fmt.Errorf("%w: %d bytes", ErrBadSignature, len(sig))
	}
	signer := types.NewLondonSigner(l1ChainID)
	signed, err := tx.WithSignature(signer, sig)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadSignature, err)
	}
	from, err := types.Sender(signer, signed)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadSignature, err)
	}
	if from != pool {
		return nil, fmt.Errorf("%w: signed by %s, pool is %s", ErrBadSignature, from.Hex(), pool.Hex())
	}
	return signed, nil
}

// SignatureOf is a typed transaction's signature as R||S||V, V in {0,1}: what
// Assemble attaches.
func SignatureOf(tx *types.Transaction) []byte {
	v, r, s := tx.RawSignatureValues()
	sig := make([]byte, 65)
	r.FillBytes(sig[:32])
	s.FillBytes(sig[32:64])
	sig[64] = byte(v.Uint64())
	return sig
}

func minInt(a, b *big.Int) *big.Int {
	if a.Cmp(b) <= 0 {
		return a
	}
	return new(big.Int).Set(b)
}

func maxInt(a, b *big.Int) *big.Int {
	if a.Cmp(b) >= 0 {
		return a
	}
	return new(big.Int).Set(b)
}
