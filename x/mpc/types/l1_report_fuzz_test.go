package types_test

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/x/mpc/types"
)

// The mpc-l1 payload comes from any validator's vote extension: decoding must never
// panic, must refuse with ErrInvalidL1Report only, and what it accepts is exactly the
// canonical encoding of a valid report.
//
// Run one with e.g.: go test ./x/mpc/types -run '^$' -fuzz '^FuzzDecodeL1Report$' -fuzztime 10s

func goodL1Report() types.L1Report {
	return types.L1Report{
		L1Height: 88, BaseFee: []byte{0x3b, 0x9a, 0xca, 0x00}, PoolNonce: 7, PoolBalance: []byte{0x0d, 0xe0, 0xb6, 0xb3}, PoolProposed: true,
		Receipt: &types.PoolTxReceipt{PoolTx: 3, TxHash: bytes.Repeat([]byte{1}, 32), L1Block: 80, Reverted: true},
		Batch: &types.BatchCommitment{Index: 2, StateRoot: bytes.Repeat([]byte{2}, 32), TxRoot: bytes.Repeat([]byte{3}, 32),
			LastHash: bytes.Repeat([]byte{4}, 32), L2Start: 101, L2End: 200},
		Checks: []types.CallCheck{{PoolTx: 4}, {PoolTx: 5, Reverted: true, Selector: []byte{0xde, 0xad, 0xbe, 0xef}}},
	}
}

func FuzzDecodeL1Report(f *testing.F) {
	good, err := types.EncodeL1Report(goodL1Report())
	require.NoError(f, err)
	f.Add(good)
	f.Add([]byte{})
	f.Add([]byte{0x12, 0x01, 0x00}) // a base fee with a leading zero byte
	f.Fuzz(func(t *testing.T, bz []byte) {
		r, err := types.DecodeL1Report(bz)
		if err != nil {
			require.ErrorIs(t, err, types.ErrInvalidL1Report)
			return
		}
		again, err := types.EncodeL1Report(r)
		require.NoError(t, err)
		require.Equal(t, bz, again)
	})
}

// FuzzL1ReportRoundTrip builds reports field by field: what Validate accepts encodes
// and decodes back to itself; what it refuses does not encode.
func FuzzL1ReportRoundTrip(f *testing.F) {
	r := goodL1Report()
	f.Add(r.L1Height, r.BaseFee, r.PoolNonce, r.PoolBalance, r.PoolProposed,
		r.Receipt.PoolTx, r.Receipt.TxHash, r.Receipt.Reverted, r.Receipt.L1Block,
		r.Batch.Index, r.Batch.StateRoot, r.Batch.TxRoot, r.Batch.LastHash, r.Batch.L2Start, r.Batch.L2End)
	f.Add(uint64(0), []byte(nil), uint64(0), []byte(nil), false,
		uint64(0), []byte(nil), false, uint64(0), uint64(0), []byte(nil), []byte(nil), []byte(nil), uint64(0), uint64(0))
	f.Fuzz(func(t *testing.T, height uint64, fee []byte, nonce uint64, balance []byte, proposed bool,
		poolTx uint64, txHash []byte, reverted bool, l1Block uint64,
		index uint64, stateRoot, txRoot, lastHash []byte, start, end uint64,
	) {
		r := types.L1Report{L1Height: height, BaseFee: orNil(fee), PoolNonce: nonce, PoolBalance: orNil(balance), PoolProposed: proposed}
		if poolTx != 0 || len(txHash) > 0 || l1Block != 0 { // a receipt is there when any of it is
			r.Receipt = &types.PoolTxReceipt{PoolTx: poolTx, TxHash: orNil(txHash), Reverted: reverted, L1Block: l1Block}
		}
		if len(stateRoot) > 0 || len(txRoot) > 0 || len(lastHash) > 0 {
			r.Batch = &types.BatchCommitment{Index: index, StateRoot: orNil(stateRoot), TxRoot: orNil(txRoot), LastHash: orNil(lastHash), L2Start: start, L2End: end}
		}
		bz, err := types.EncodeL1Report(r)
		if r.Validate() != nil {
			require.ErrorIs(t, err, types.ErrInvalidL1Report)
			return
		}
		require.NoError(t, err)
		got, err := types.DecodeL1Report(bz)
		require.NoError(t, err)
		require.Equal(t, r, got)
	})
}

// orNil maps an empty slice to nil: proto3 writes neither, so both decode as nil.
func orNil(bz []byte) []byte {
	if len(bz) == 0 {
		return nil
	}
	return bz
}

func TestL1ReportValidateRefusesFactsWithoutAHeight(t *testing.T) {
	r := goodL1Report()
	r.L1Height = 0
	require.ErrorIs(t, r.Validate(), types.ErrInvalidL1Report)
	r = types.L1Report{Batch: goodL1Report().Batch}
	require.NoError(t, r.Validate(), "a batch commitment needs no L1 view")
}
