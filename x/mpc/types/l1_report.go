package types

import (
	"bytes"
	"math/big"

	errorsmod "cosmossdk.io/errors"
)

// maxWeiBytes bounds a wei amount in a report (2^256 - 1, an EVM word).
const maxWeiBytes = 32

// EncodeL1Report encodes an mpc-l1 report for the vote extension (canonical, which is
// what DecodeL1Report demands). An empty report encodes to no bytes: nothing to say.
func EncodeL1Report(r L1Report) ([]byte, error) {
	if err := r.Validate(); err != nil {
		return nil, err
	}
	return r.Marshal()
}

// DecodeL1Report decodes an mpc-l1 payload strictly: exactly the canonical encoding
// of a valid report.
func DecodeL1Report(bz []byte) (L1Report, error) {
	var r L1Report
	if err := r.Unmarshal(bz); err != nil {
		return L1Report{}, errorsmod.Wrap(ErrInvalidL1Report, err.Error())
	}
	again, err := r.Marshal()
	if err != nil {
		return L1Report{}, errorsmod.Wrap(ErrInvalidL1Report, err.Error())
	}
	if !bytes.Equal(again, bz) {
		return L1Report{}, errorsmod.Wrapf(ErrInvalidL1Report, "not canonical: %d bytes in, %d canonical", len(bz), len(again))
	}
	if err := r.Validate(); err != nil {
		return L1Report{}, err
	}
	return r, nil
}

// Validate checks a report on its own: wei amounts are minimal big-endian words;
// every L1 fact needs an L1 height; hashes and roots are 32 bytes.
func (r L1Report) Validate() error {
	if r.L1Height == 0 && (len(r.BaseFee) > 0 || r.PoolNonce != 0 || len(r.PoolBalance) > 0 || r.PoolProposed || r.Receipt != nil || len(r.Checks) > 0) {
		return errorsmod.Wrap(ErrInvalidL1Report, "L1 facts without an l1_height")
	}
	if err := checkWei("base_fee", r.BaseFee); err != nil {
		return err
	}
	if err := checkWei("pool_balance", r.PoolBalance); err != nil {
		return err
	}
	if rc := r.Receipt; rc != nil {
		if rc.PoolTx == 0 || len(rc.TxHash) != 32 || rc.L1Block == 0 || rc.L1Block > r.L1Height {
			return errorsmod.Wrapf(ErrInvalidL1Report, "receipt: pool_tx %d, %d-byte hash, l1 block %d (confirmed height %d)", rc.PoolTx, len(rc.TxHash), rc.L1Block, r.L1Height)
		}
		if n := len(rc.Signature); n != 0 && n != 65 {
			return errorsmod.Wrapf(ErrInvalidL1Report, "receipt: a %d-byte signature (65: R||S||V)", n)
		}
	}
	if b := r.Batch; b != nil {
		if err := b.Validate(); err != nil {
			return err
		}
	}
	return validateChecks(r.Checks)
}

// validateChecks: at most MaxCallChecks dry runs, of distinct pool transactions in
// increasing order, a selector only on a revert and then of 4 bytes.
func validateChecks(checks []CallCheck) error {
	if len(checks) > MaxCallChecks {
		return errorsmod.Wrapf(ErrInvalidL1Report, "%d call checks > %d", len(checks), MaxCallChecks)
	}
	for i, c := range checks {
		if c.PoolTx == 0 || (i > 0 && c.PoolTx <= checks[i-1].PoolTx) {
			return errorsmod.Wrapf(ErrInvalidL1Report, "call check %d: pool_tx %d zero or out of order", i, c.PoolTx)
		}
		if n := len(c.Selector); (n != 0 && n != SelectorLen) || (n != 0 && !c.Reverted) {
			return errorsmod.Wrapf(ErrInvalidL1Report, "call check of pool tx %d: a %d-byte selector (reverted %t)", c.PoolTx, n, c.Reverted)
		}
	}
	return nil
}

// Validate checks a commitment's shape.
func (c BatchCommitment) Validate() error {
	if len(c.StateRoot) != 32 || len(c.TxRoot) != 32 || len(c.LastHash) != 32 {
		return errorsmod.Wrapf(ErrInvalidL1Report, "batch %d: roots and hash must be 32 bytes (%d, %d, %d)", c.Index, len(c.StateRoot), len(c.TxRoot), len(c.LastHash))
	}
	return nil
}

func checkWei(name string, bz []byte) error {
	if len(bz) > maxWeiBytes {
		return errorsmod.Wrapf(ErrInvalidL1Report, "%s: %d bytes > %d", name, len(bz), maxWeiBytes)
	}
	if len(bz) > 0 && bz[0] == 0 {
		return errorsmod.Wrapf(ErrInvalidL1Report, "%s: leading zero byte", name)
	}
	return nil
}

// WeiBytes is the minimal big-endian form of a non-negative amount (nil for zero).
func WeiBytes(v *big.Int) []byte {
	if v == nil || v.Sign() <= 0 {
		return nil
	}
	return v.Bytes()
}

// Wei reads a minimal big-endian amount.
func Wei(bz []byte) *big.Int { return new(big.Int).SetBytes(bz) }
