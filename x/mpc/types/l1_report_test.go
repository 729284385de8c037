package types

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestL1ReportValidation(t *testing.T) {
	h32 := bytes.Repeat([]byte{1}, 32)
	good := L1Report{L1Height: 10, BaseFee: []byte{7}, PoolNonce: 3, PoolBalance: []byte{1, 0}, PoolProposed: true,
		Receipt: &PoolTxReceipt{PoolTx: 1, TxHash: h32, L1Block: 9},
		Batch:   &BatchCommitment{Index: 2, StateRoot: h32, TxRoot: h32, LastHash: h32, L2Start: 5, L2End: 9},
		Checks:  []CallCheck{{PoolTx: 4}, {PoolTx: 6, Reverted: true, Selector: []byte{1, 2, 3, 4}}, {PoolTx: 7, Reverted: true}}}
	bz, err := EncodeL1Report(good)
	require.NoError(t, err)
	back, err := DecodeL1Report(bz)
	require.NoError(t, err)
	require.Equal(t, good, back)

	l2Only := L1Report{Batch: good.Batch}
	_, err = EncodeL1Report(l2Only)
	require.NoError(t, err, "a node without an L1 view still reports its L2 commitment")

	for name, mutate := range map[string]func(r *L1Report){
		"L1 facts without a height":  func(r *L1Report) { r.L1Height = 0 },
		"base fee with a leading 0":  func(r *L1Report) { r.BaseFee = []byte{0, 7} },
		"balance over 32 bytes":      func(r *L1Report) { r.PoolBalance = bytes.Repeat([]byte{1}, 33) },
		"receipt above the height":   func(r *L1Report) { r.Receipt.L1Block = 11 },
		"receipt with short hash":    func(r *L1Report) { r.Receipt.TxHash = h32[:31] },
		"receipt of pool tx 0":       func(r *L1Report) { r.Receipt.PoolTx = 0 },
		"receipt, 64-byte signature": func(r *L1Report) { r.Receipt.Signature = make([]byte, 64) },
		"batch with short root":      func(r *L1Report) { r.Batch.StateRoot = h32[:5] },
		"checks out of order":        func(r *L1Report) { r.Checks[1].PoolTx = 4 },
		"check of pool tx 0":         func(r *L1Report) { r.Checks[0].PoolTx = 0 },
		"check, 3-byte selector":     func(r *L1Report) { r.Checks[1].Selector = []byte{1, 2, 3} },
		"selector of a success":      func(r *L1Report) { r.Checks[0].Selector = []byte{1, 2, 3, 4} },
		"checks without a height": func(r *L1Report) {
			*r = L1Report{Checks: r.Checks}
		},
		"more than 8 checks": func(r *L1Report) {
			r.Checks = nil
			for i := range MaxCallChecks + 1 {
				r.Checks = append(r.Checks, CallCheck{PoolTx: uint64(i + 1)})
			}
		},
	} {
		r := good
		rc, b := *good.Receipt, *good.Batch
		r.Receipt, r.Batch = &rc, &b
		r.Checks = append([]CallCheck(nil), good.Checks...)
		for i := range r.Checks {
			r.Checks[i].Selector = append([]byte(nil), good.Checks[i].Selector...)
		}
		mutate(&r)
		require.ErrorIs(t, r.Validate(), ErrInvalidL1Report, name)
	}
	// Non-canonical bytes (a trailing duplicate field) are refused.
	_, err = DecodeL1Report(append(append([]byte(nil), bz...), 0x08, 0x0a))
	require.ErrorIs(t, err, ErrInvalidL1Report)
}
