package types_test

import (
	"bytes"
	"math/big"
	"testing"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/ethereum/go-ethereum/common"
	ethtypes "github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/rlp"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/x/slashing/types"
)

func header(t testing.TB, extra int) []byte {
	t.Helper()
	h := &ethtypes.Header{
		UncleHash: ethtypes.EmptyUncleHash, Coinbase: common.HexToAddress("0x01"), Root: common.HexToHash("0x02"),
		Difficulty: big.NewInt(0), Number: big.NewInt(150), GasLimit: 30_000_000, Time: 1_700_000_000,
		Extra: make([]byte, extra), BaseFee: big.NewInt(7),
	}
	bz, err := rlp.EncodeToBytes(h)
	require.NoError(t, err)
	return bz
}

// fields splits an RLP list into its elements.
func fields(t testing.TB, list []byte) []rlp.RawValue {
	t.Helper()
	content, rest, err := rlp.SplitList(list)
	require.NoError(t, err)
	require.Empty(t, rest)
	var out []rlp.RawValue
	for len(content) > 0 {
		_, _, tail, err := rlp.Split(content)
		require.NoError(t, err)
		out = append(out, rlp.RawValue(content[:len(content)-len(tail)]))
		content = tail
	}
	return out
}

func relist(t testing.TB, fs []rlp.RawValue) []byte {
	t.Helper()
	bz, err := rlp.EncodeToBytes(fs)
	require.NoError(t, err)
	return bz
}

// withFields is the header list with more elements at its end.
func withFields(t testing.TB, list []byte, more ...rlp.RawValue) []byte {
	return relist(t, append(fields(t, list), more...))
}

// withField is the header list with element i replaced.
func withField(t testing.TB, list []byte, i int, v rlp.RawValue) []byte {
	fs := fields(t, list)
	fs[i] = v
	return relist(t, fs)
}

// DecodeL2Header takes exactly one canonical RLP header of at most MaxL2HeaderBytes.
func TestDecodeL2Header(t *testing.T) {
	ok := header(t, 97)
	h, err := types.DecodeL2Header(ok)
	require.NoError(t, err)
	require.Equal(t, uint64(150), h.Number.Uint64())

	// Every optional field go-ethereum knows set.
	zero, root := uint64(0), common.HexToHash("0x03")
	h.WithdrawalsHash, h.BlobGasUsed, h.ExcessBlobGas, h.ParentBeaconRoot, h.RequestsHash = &root, &zero, &zero, &root, &root
	h.BlockAccessListHash, h.SlotNumber = &root, &zero
	full, err := rlp.EncodeToBytes(h)
	require.NoError(t, err)
	_, err = types.DecodeL2Header(full)
	require.NoError(t, err)

	// The largest header that fits is taken; one byte more is not.
	fit := 97
	for len(header(t, fit+1)) <= types.MaxL2HeaderBytes {
		fit++
	}
	_, err = types.DecodeL2Header(header(t, fit))
	require.NoError(t, err)

	for _, tc := range []struct {
		name string
		bz   []byte
		want error
	}{
		{"empty", nil, types.ErrInvalidL2Header},
		{"oversized", header(t, fit+1), types.ErrL2HeaderTooLarge},
		{"trailing byte", append(bytes.Clone(ok), 0x00), types.ErrL2HeaderTrailingBytes},
		{"two headers", append(bytes.Clone(ok), ok...), types.ErrL2HeaderTrailingBytes},
		{"truncated", ok[:len(ok)-1], types.ErrInvalidL2Header},
		{"an empty list", []byte{0xc0}, types.ErrInvalidL2Header},
		{"a string", []byte{0x83, 'a', 'b', 'c'}, types.ErrInvalidL2Header},
		{"non-canonical length", append([]byte{0xfa, 0x00}, ok[1:]...), types.ErrInvalidL2Header},
		{"an optional field of the wrong size", withFields(t, ok, rlp.RawValue{0x80}), types.ErrInvalidL2Header},
		{"one field more than go-ethereum knows", withFields(t, full, rlp.RawValue{0x80}), types.ErrInvalidL2Header},
		{"a 19-byte coinbase", withField(t, ok, 2, rlp.RawValue{0x93, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19}), types.ErrInvalidL2Header},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := types.DecodeL2Header(tc.bz)
			require.ErrorIs(t, err, tc.want)
		})
	}
}

func TestMsgSubmitL2EquivocationValidateBasic(t *testing.T) {
	sub := sdk.AccAddress(make([]byte, 20)).String()
	h := header(t, 97)
	require.NoError(t, (&types.MsgSubmitL2Equivocation{Submitter: sub, HeaderA: h, HeaderB: h}).ValidateBasic(),
		"stateless: the same header twice is the handler's to refuse")
	for _, tc := range []struct {
		name string
		msg  types.MsgSubmitL2Equivocation
		want error
	}{
		{"no submitter", types.MsgSubmitL2Equivocation{HeaderA: h, HeaderB: h}, types.ErrInvalidAddress},
		{"bad submitter", types.MsgSubmitL2Equivocation{Submitter: "0xabc", HeaderA: h, HeaderB: h}, types.ErrInvalidAddress},
		{"header_a empty", types.MsgSubmitL2Equivocation{Submitter: sub, HeaderB: h}, types.ErrInvalidL2Header},
		{"header_b empty", types.MsgSubmitL2Equivocation{Submitter: sub, HeaderA: h}, types.ErrInvalidL2Header},
		{"header_a too large", types.MsgSubmitL2Equivocation{Submitter: sub, HeaderA: make([]byte, types.MaxL2HeaderBytes+1), HeaderB: h}, types.ErrL2HeaderTooLarge},
		{"header_b too large", types.MsgSubmitL2Equivocation{Submitter: sub, HeaderA: h, HeaderB: make([]byte, types.MaxL2HeaderBytes+1)}, types.ErrL2HeaderTooLarge},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.ErrorIs(t, tc.msg.ValidateBasic(), tc.want)
		})
	}
}

// Arbitrary bytes never panic the decoder; what it takes is bounded and is the
// canonical encoding of what it returns, with a 64-bit number.
func FuzzDecodeL2Header(f *testing.F) {
	f.Add(header(f, 97))
	f.Add(header(f, 0))
	f.Add([]byte{0xc0})
	f.Add([]byte{0xf9, 0xff, 0xff})
	f.Fuzz(func(t *testing.T, bz []byte) {
		h, err := types.DecodeL2Header(bz)
		if err != nil {
			return
		}
		require.LessOrEqual(t, len(bz), types.MaxL2HeaderBytes)
		require.True(t, h.Number.IsUint64())
		again, err := rlp.EncodeToBytes(h)
		require.NoError(t, err)
		require.Equal(t, bz, again)
	})
}
