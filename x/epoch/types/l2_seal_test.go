package types_test

import (
	"bytes"
	"errors"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	ethtypes "github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/themis-network/themis/x/epoch/types"
)

const testL2Chain = 59902

// testEpoch is the epoch the test seals name.
const testEpoch = 11

func sealedHeader(t testing.TB, producerID uint64) (*ethtypes.Header, common.Address) {
	key, err := crypto.GenerateKey()
	require.NoError(t, err)
	addr := crypto.PubkeyToAddress(key.PublicKey)
	h := &ethtypes.Header{
		ParentHash: common.HexToHash("0x01"), Coinbase: addr, Root: common.HexToHash("0x02"),
		TxHash: common.HexToHash("0x03"), Number: big.NewInt(42), Time: 1_700_000_000,
		Difficulty: big.NewInt(0), UncleHash: ethtypes.EmptyUncleHash, ReceiptHash: ethtypes.EmptyReceiptsHash,
	}
	require.NoError(t, types.SealL2Header(h, producerID, testEpoch, testL2Chain, key))
	return h, addr
}

func TestL2SealRoundTrip(t *testing.T) {
	h, addr := sealedHeader(t, 7)
	require.Len(t, h.Extra, types.L2ExtraLen)
	seal, err := types.RecoverL2Seal(h)
	require.NoError(t, err)
	require.Equal(t, uint64(7), seal.ProducerID)
	require.Equal(t, addr, seal.Signer)
	require.Equal(t, h.Extra[types.L2VanityLen:], seal.Signature)
	require.Equal(t, uint64(testL2Chain), seal.ChainID)

	_, err = types.CheckL2Seal(h, testL2Chain)
	require.NoError(t, err)
	_, err = types.CheckL2Seal(h, testL2Chain+1)
	require.ErrorIs(t, err, types.ErrInvalidL2Seal)
	require.ErrorContains(t, err, "sealed for L2 chain 59902, want 59903")
}

func TestL2SealRefusals(t *testing.T) {
	n := crypto.S256().Params().N
	for _, tc := range []struct {
		name   string
		mutate func(h *ethtypes.Header)
		want   string
	}{
		{"no extra data (geth --dev)", func(h *ethtypes.Header) { h.Extra = nil }, "extraData is 0 bytes"},
		{"vanity only", func(h *ethtypes.Header) { h.Extra = h.Extra[:types.L2VanityLen] }, "no signature"},
		{"one byte more", func(h *ethtypes.Header) { h.Extra = append(h.Extra, 0) }, "extraData is 98 bytes"},
		{"another magic", func(h *ethtypes.Header) { h.Extra[0] = 'T' }, "does not open with"},
		{"another version (v1, which named no epoch)", func(h *ethtypes.Header) { h.Extra[6] = 1 }, "does not open with"},
		{"padding not zero", func(h *ethtypes.Header) { h.Extra[31] = 1 }, "must be zero"},
		{"producer id changed", func(h *ethtypes.Header) { h.Extra[14] ^= 1 }, "the coinbase is"},
		{"chain id changed", func(h *ethtypes.Header) { h.Extra[22] ^= 1 }, "the coinbase is"},
		{"epoch id changed", func(h *ethtypes.Header) { h.Extra[30] ^= 1 }, "the coinbase is"},
		{"state root changed", func(h *ethtypes.Header) { h.Root[0] ^= 1 }, "the coinbase is"},
		{"coinbase changed", func(h *ethtypes.Header) { h.Coinbase[0] ^= 1 }, "the coinbase is"},
		{"v out of range", func(h *ethtypes.Header) { h.Extra[types.L2ExtraLen-1] = 27 }, "out of range"},
		{"malleated high s", func(h *ethtypes.Header) {
			sig := h.Extra[types.L2VanityLen:]
			s := new(big.Int).Sub(n, new(big.Int).SetBytes(sig[32:64]))
			s.FillBytes(sig[32:64])
			sig[64] ^= 1
		}, "out of range"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h, _ := sealedHeader(t, 7)
			tc.mutate(h)
			_, err := types.RecoverL2Seal(h)
			require.ErrorIs(t, err, types.ErrInvalidL2Seal)
			require.ErrorContains(t, err, tc.want)
		})
	}
}

// The block hash covers the seal; the seal hash is the domain-tagged hash of the block
// hash without the signature, so it is neither block's hash.
func TestL2SealHashIsDomainSeparated(t *testing.T) {
	h, _ := sealedHeader(t, 1)
	sealHash, err := types.L2SealHash(h)
	require.NoError(t, err)
	unsealed := ethtypes.CopyHeader(h)
	unsealed.Extra = unsealed.Extra[:types.L2VanityLen]
	unsealedHash := unsealed.Hash()
	require.Equal(t, crypto.Keccak256Hash([]byte("themis/l2-seal/v1"), unsealedHash[:]), sealHash)
	require.NotEqual(t, unsealedHash, sealHash)
	require.NotEqual(t, h.Hash(), sealHash)
}

// Property: a sealed header always recovers its producer; flipping any one byte of the
// extra data or of the signed fields never yields a valid seal by the same signer for
// another producer id.
func TestL2SealProperty(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		key, err := crypto.GenerateKey()
		require.NoError(rt, err)
		h := &ethtypes.Header{
			Coinbase: crypto.PubkeyToAddress(key.PublicKey), Number: new(big.Int).SetUint64(rapid.Uint64().Draw(rt, "number")),
			Time: rapid.Uint64().Draw(rt, "time"), Difficulty: big.NewInt(0),
			Root: common.BytesToHash(rapid.SliceOfN(rapid.Byte(), 32, 32).Draw(rt, "root")),
		}
		id := rapid.Uint64().Draw(rt, "producer")
		epoch := rapid.Uint64().Draw(rt, "epoch")
		require.NoError(rt, types.SealL2Header(h, id, epoch, testL2Chain, key))
		seal, err := types.RecoverL2Seal(h)
		require.NoError(rt, err)
		require.Equal(rt, id, seal.ProducerID)
		require.Equal(rt, epoch, seal.EpochID)
		i := rapid.IntRange(0, types.L2ExtraLen-1).Draw(rt, "flip")
		h.Extra[i] ^= byte(rapid.IntRange(1, 255).Draw(rt, "bits"))
		if got, err := types.RecoverL2Seal(h); err == nil {
			require.Failf(rt, "a flipped byte still verifies", "byte %d: %+v", i, got)
		}
	})
}

// FuzzRecoverL2Seal: any extra data and coinbase. No panic; every refusal wraps
// ErrInvalidL2Seal; an accepted seal's signer is the coinbase and its signature the
// last 65 bytes.
func FuzzRecoverL2Seal(f *testing.F) {
	h, _ := sealedHeader(f, 3)
	f.Add(h.Extra, h.Coinbase.Bytes())
	f.Add([]byte{}, make([]byte, 20))
	f.Add(types.L2Vanity(1, testEpoch, testL2Chain), make([]byte, 20))
	f.Fuzz(func(t *testing.T, extra, coinbase []byte) {
		c := ethtypes.CopyHeader(h)
		c.Extra, c.Coinbase = extra, common.BytesToAddress(coinbase)
		seal, err := types.RecoverL2Seal(c)
		if err != nil {
			if !errors.Is(err, types.ErrInvalidL2Seal) {
				t.Fatalf("refusal %v does not wrap ErrInvalidL2Seal", err)
			}
			return
		}
		if seal.Signer != c.Coinbase || !bytes.Equal(seal.Signature, extra[types.L2VanityLen:]) {
			t.Fatalf("accepted seal %+v of coinbase %s", seal, c.Coinbase)
		}
	})
}
