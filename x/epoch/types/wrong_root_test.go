package types_test

import (
	"bytes"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	ethtypes "github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/rlp"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/x/epoch/types"
	"github.com/themis-network/themis/x/voteext"
)

// rejectedRLP is the RLP of a header sealed by a fresh key as sequencer 7 of testL2Chain.
func rejectedRLP(t testing.TB) []byte {
	h, _ := sealedHeader(t, 7)
	bz, err := rlp.EncodeToBytes(h)
	require.NoError(t, err)
	return bz
}

func TestDecodeRejectedHeader(t *testing.T) {
	h, addr := sealedHeader(t, 7)
	bz, err := rlp.EncodeToBytes(h)
	require.NoError(t, err)
	rh, err := types.DecodeRejectedHeader(bz)
	require.NoError(t, err)
	require.Equal(t, h.Hash(), rh.Hash, "the hash is the block hash")
	require.Equal(t, crypto.Keccak256Hash(bz), rh.Hash)
	sealHash, err := types.L2SealHash(h)
	require.NoError(t, err)
	require.Equal(t, sealHash, rh.SealHash, "what the producer signed")
	require.Equal(t, uint64(42), rh.Height())
	require.Equal(t, uint64(7), rh.Seal.ProducerID)
	require.Equal(t, uint64(testL2Chain), rh.Seal.ChainID)
	require.Equal(t, addr, rh.Seal.Signer)

	reencode := func(mutate func(h *ethtypes.Header)) []byte {
		c := ethtypes.CopyHeader(h)
		mutate(c)
		out, err := rlp.EncodeToBytes(c)
		require.NoError(t, err)
		return out
	}
	// The list's length in a longer form than needed: the same header, not canonical.
	payload := bz[3:] // bz opens with 0xf9 and a 2-byte length
	require.Equal(t, byte(0xf9), bz[0])
	longForm := append([]byte{0xfa, 0, bz[1], bz[2]}, payload...)
	oversized := append(bytes.Clone(bz), make([]byte, types.MaxRejectedHeaderBytes)...)
	notAHeader, _ := rlp.EncodeToBytes([]byte("a string, not a header"))
	for name, in := range map[string][]byte{
		"empty":                  nil,
		"oversized":              oversized,
		"trailing byte":          append(bytes.Clone(bz), 0x80),
		"truncated":              bz[:len(bz)-1],
		"length not canonical":   longForm,
		"not a header":           notAHeader,
		"unsealed":               reencode(func(h *ethtypes.Header) { h.Extra = nil }),
		"vanity only":            reencode(func(h *ethtypes.Header) { h.Extra = h.Extra[:types.L2VanityLen] }),
		"signature not coinbase": reencode(func(h *ethtypes.Header) { h.Coinbase = common.HexToAddress("0x1") }),
		"state root changed":     reencode(func(h *ethtypes.Header) { h.Root = common.HexToHash("0x99") }),
		"height 0":               reencode(func(h *ethtypes.Header) { h.Number = big.NewInt(0) }),
		"height over 64 bits":    reencode(func(h *ethtypes.Header) { h.Number = new(big.Int).Lsh(big.NewInt(1), 64) }),
	} {
		_, err := types.DecodeRejectedHeader(in)
		require.ErrorIs(t, err, types.ErrInvalidReport, name)
		// A report carrying it is refused too.
		r := types.Report{RejectedHeader: in}
		if len(in) == 0 {
			continue // empty is "none"
		}
		_, err = types.EncodeReport(r)
		require.ErrorIs(t, err, types.ErrInvalidReport, name)
		raw, err := r.Marshal()
		require.NoError(t, err)
		_, err = types.DecodeReport(raw)
		require.ErrorIs(t, err, types.ErrInvalidReport, name)
	}
}

// A report with a rejected header round-trips, alone and with every other field.
func TestReportWithRejectedHeaderRoundTrip(t *testing.T) {
	h32 := bytes.Repeat([]byte{7}, 32)
	hdr := rejectedRLP(t)
	for i, r := range []types.Report{
		{RejectedHeader: hdr},
		{HasHead: true, L2Height: 99, L2Hash: h32, L2Time: 1_700_000_000, TssReady: true, Reveal: h32, RejectedHeader: hdr},
		{Commitment: &types.OnionCommitment{Index: 3, Length: 16384, Layer: h32}, RejectedHeader: hdr},
	} {
		bz, err := types.EncodeReport(r)
		require.NoError(t, err, "case %d", i)
		got, err := types.DecodeReport(bz)
		require.NoError(t, err, "case %d", i)
		require.Equal(t, hdr, got.RejectedHeader)
		again, err := types.EncodeReport(got)
		require.NoError(t, err)
		require.Equal(t, bz, again)
		// The field repeated (protobuf takes the last) is not canonical.
		field := append([]byte{0x42}, appendVarint(nil, uint64(len(hdr)))...)
		field = append(field, hdr...)
		_, err = types.DecodeReport(append(bytes.Clone(bz), field...))
		require.ErrorIs(t, err, types.ErrInvalidReport, "case %d: repeated field", i)
		// An explicitly empty field is not canonical either.
		_, err = types.DecodeReport(append(bytes.Clone(bz), 0x42, 0x00))
		require.ErrorIs(t, err, types.ErrInvalidReport, "case %d: empty field", i)
	}
}

// A report at every field's bound, a rejected header of MaxRejectedHeaderBytes
// included, fits x/voteext's per-report limit; and a header with every fork field
// go-ethereum knows, sealed, fits MaxRejectedHeaderBytes.
func TestMaxReportFitsTheExtension(t *testing.T) {
	h32 := bytes.Repeat([]byte{0xff}, 32)
	r := types.Report{
		HasHead: true, L2Height: ^uint64(0), L2Hash: h32, L2Time: ^uint64(0), TssReady: true,
		Commitment:     &types.OnionCommitment{Index: ^uint64(0), Length: ^uint64(0), Layer: h32},
		Reveal:         h32, // not valid beside a commitment, but counted for size
		RejectedHeader: make([]byte, types.MaxRejectedHeaderBytes),
	}
	require.LessOrEqual(t, r.Size(), voteext.MaxReportBytes)

	key, err := crypto.GenerateKey()
	require.NoError(t, err)
	max64 := new(big.Int).SetUint64(^uint64(0))
	u := ^uint64(0)
	h := &ethtypes.Header{
		ParentHash: common.Hash(h32), UncleHash: common.Hash(h32), Coinbase: crypto.PubkeyToAddress(key.PublicKey),
		Root: common.Hash(h32), TxHash: common.Hash(h32), ReceiptHash: common.Hash(h32), Bloom: ethtypes.Bloom(bytes.Repeat([]byte{0xff}, 256)),
		Difficulty: new(big.Int).Lsh(big.NewInt(1), 255), Number: max64, GasLimit: u, GasUsed: u, Time: u,
		MixDigest: common.Hash(h32), Nonce: ethtypes.BlockNonce{1, 2, 3, 4, 5, 6, 7, 8},
		BaseFee: new(big.Int).Lsh(big.NewInt(1), 255), WithdrawalsHash: (*common.Hash)(h32), BlobGasUsed: &u, ExcessBlobGas: &u,
		ParentBeaconRoot: (*common.Hash)(h32), RequestsHash: (*common.Hash)(h32),
	}
	require.NoError(t, types.SealL2Header(h, u, u, u, key))
	bz, err := rlp.EncodeToBytes(h)
	require.NoError(t, err)
	require.Less(t, len(bz), types.MaxRejectedHeaderBytes*2/3, "room for future header fields")
	_, err = types.DecodeRejectedHeader(bz)
	require.NoError(t, err)
}

func appendVarint(b []byte, v uint64) []byte {
	for v >= 0x80 {
		b = append(b, byte(v)|0x80)
		v >>= 7
	}
	return append(b, byte(v))
}

func TestParamsL2ChainID(t *testing.T) {
	p := types.DefaultParams()
	require.Zero(t, p.L2ChainId, "no wrong-state-root evidence by default")
	p.L2ChainId = 59902
	require.NoError(t, p.Validate())
	p.L2ChainId = types.MaxL2ChainID
	require.NoError(t, p.Validate())
	p.L2ChainId = types.MaxL2ChainID + 1
	require.ErrorIs(t, p.Validate(), types.ErrInvalidParams)
}
