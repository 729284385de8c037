package types_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"

	cmtsecp "github.com/cometbft/cometbft/crypto/secp256k1"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	sequencertest "github.com/themis-network/themis/testutil/sequencer"
	"github.com/themis-network/themis/x/sequencer/types"
)

func TestAddress_NormalizeL1Address(t *testing.T) {
	ok := map[string]string{
		"0x00000000000000000000000000000000000000aa": "0x00000000000000000000000000000000000000aa",
		"0x00000000000000000000000000000000000000AA": "0x00000000000000000000000000000000000000aa",
		"0xAbCdEf0123456789aBcDeF0123456789AbCdEf01": "0xabcdef0123456789abcdef0123456789abcdef01",
	}
	for in, want := range ok {
		got, err := types.NormalizeL1Address(in)
		require.NoError(t, err, in)
		require.Equal(t, want, got)
	}
	for _, bad := range []string{
		"",
		"0x",
		"00000000000000000000000000000000000000aa",     // no prefix, 40 digits
		"0000000000000000000000000000000000000000aa",   // no prefix, 42 chars
		"0X00000000000000000000000000000000000000aa",   // upper-case prefix
		"0x00000000000000000000000000000000000000a",    // 39 digits
		"0x00000000000000000000000000000000000000aaa",  // 41 digits
		"0x000000000000000000000000000000000000000g",   // not hex
		"0x 0000000000000000000000000000000000000aa",   // space
		"0x00000000000000000000000000000000000000aa\n", // trailing byte
		" 0x00000000000000000000000000000000000000a",   // leading space
	} {
		_, err := types.NormalizeL1Address(bad)
		require.Error(t, err, "%q", bad)
	}
}

func TestAddress_NormalizeTxHash(t *testing.T) {
	h := "0x" + strings.Repeat("Ab", 32)
	got, err := types.NormalizeTxHash(h)
	require.NoError(t, err)
	require.Equal(t, "0x"+strings.Repeat("ab", 32), got)
	for _, bad := range []string{"", "0x", strings.Repeat("ab", 33), "0X" + strings.Repeat("ab", 32), "0x" + strings.Repeat("ab", 31),
		"0x" + strings.Repeat("ab", 32) + "a", "0x" + strings.Repeat("zz", 32), "0x" + strings.Repeat("ab", 31) + "a "} {
		_, err := types.NormalizeTxHash(bad)
		require.Error(t, err, "%q", bad)
	}
}

func TestAddress_ParseSignerKey(t *testing.T) {
	priv, pub := sequencertest.NewSignerKey(t, 1)
	require.Len(t, pub, 64)
	key, err := types.ParseSignerKey(pub)
	require.NoError(t, err)
	require.Equal(t, pub, key.Bytes())

	// The identities every component derives from the one key.
	require.Equal(t, strings.ToLower(crypto.PubkeyToAddress(priv.PublicKey).Hex()), key.L1Address())
	require.Equal(t, crypto.CompressPubkey(&priv.PublicKey), key.Compressed())
	require.Len(t, key.Compressed(), 33)
	cmtAddr := cmtsecp.PubKey(crypto.CompressPubkey(&priv.PublicKey)).Address()
	require.Equal(t, []byte(cmtAddr), []byte(key.ConsAddress()))
	require.Equal(t, []byte(cmtAddr), []byte(key.AccAddress()), "the account is the consensus key's address")
	require.Len(t, key.AccAddress(), 20)

	// The returned slices are copies.
	b := key.Bytes()
	b[0] ^= 1
	c := key.Compressed()
	c[0] ^= 1
	require.Equal(t, pub, key.Bytes())
	require.Equal(t, crypto.CompressPubkey(&priv.PublicKey), key.Compressed())
	pub[0] ^= 1
	require.NotEqual(t, pub, key.Bytes(), "the key does not alias its input")
	pub[0] ^= 1

	// Another key has other identities.
	_, pub2 := sequencertest.NewSignerKey(t, 2)
	key2, err := types.ParseSignerKey(pub2)
	require.NoError(t, err)
	require.NotEqual(t, key.L1Address(), key2.L1Address())
	require.NotEqual(t, key.AccAddress(), key2.AccAddress())

	// Seeds give the same key again.
	_, again := sequencertest.NewSignerKey(t, 1)
	require.Equal(t, pub, again)

	p := "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f"
	for name, bad := range map[string][]byte{
		"nil":                nil,
		"empty":              {},
		"63 bytes":           pub[:63],
		"65 bytes":           append(append([]byte(nil), pub...), 0),
		"65 bytes with 0x04": append([]byte{4}, pub...),
		"33-byte compressed": crypto.CompressPubkey(&priv.PublicKey),
		"off the curve":      sequencertest.OffCurveKey(pub),
		"all zero":           make([]byte, 64),
		"all 0xff":           bytes.Repeat([]byte{0xff}, 64),
		"x = p":              append(mustHex(t, p), pub[32:]...),
	} {
		_, err := types.ParseSignerKey(bad)
		require.Error(t, err, name)
	}
}

func TestAddress_EventKeyAndRef(t *testing.T) {
	ref := types.L1EventRef{TxHash: "0x" + strings.Repeat("AB", 32), LogIndex: 7, BlockNumber: 9}
	require.Equal(t, "0x"+strings.Repeat("ab", 32)+":7", types.EventKey(ref))
	ref2 := ref
	ref2.BlockNumber = 10
	require.Equal(t, types.EventKey(ref), types.EventKey(ref2), "the block is not part of the log's name")
	ref2.LogIndex = 8
	require.NotEqual(t, types.EventKey(ref), types.EventKey(ref2))

	require.NoError(t, ref.Validate())
	bad := ref
	bad.BlockNumber = 0
	require.Error(t, bad.Validate())
	bad = ref
	bad.TxHash = "0x12"
	require.Error(t, bad.Validate())
	zeroLog := ref
	zeroLog.LogIndex = 0
	require.NoError(t, zeroLog.Validate(), "log index 0 is the first log")
}

func TestAddress_Digest(t *testing.T) {
	want := sha256.Sum256([]byte("abc"))
	require.Equal(t, want[:], types.Digest([]byte("abc")))
	require.Len(t, types.Digest(nil), 32)
	require.NotEqual(t, types.Digest([]byte("abc")), types.Digest([]byte("abd")))
}

func mustHex(t *testing.T, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(s)
	require.NoError(t, err)
	return b
}
