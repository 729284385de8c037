package sequencertest

import (
	"crypto/ecdsa"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"testing"

	"cosmossdk.io/math"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/x/sequencer/types"
)

// NewSignerKey derives a secp256k1 key deterministically from seed and returns it
// with its 64-byte L1 form (uncompressed, without the 04 prefix). Equal seeds give
// equal keys, so failures reproduce.
func NewSignerKey(t testing.TB, seed uint64) (*ecdsa.PrivateKey, []byte) {
	t.Helper()
	var buf [8]byte
	binary.BigEndian.PutUint64(buf[:], seed)
	h := sha256.Sum256(append([]byte("themis/sequencertest/signer/"), buf[:]...))
	for {
		priv, err := crypto.ToECDSA(h[:])
		if err == nil {
			return priv, Pub64(priv)
		}
		h = sha256.Sum256(h[:]) // out of range for the curve order: rehash
	}
}

// RandomSignerKey returns a fresh random key and its 64-byte L1 form.
func RandomSignerKey(t testing.TB) (*ecdsa.PrivateKey, []byte) {
	t.Helper()
	priv, err := crypto.GenerateKey()
	require.NoError(t, err)
	return priv, Pub64(priv)
}

// Pub64 is the 64-byte L1 form of the key's public point.
func Pub64(priv *ecdsa.PrivateKey) []byte {
	return crypto.FromECDSAPub(&priv.PublicKey)[1:]
}

// MustSignerKey parses a 64-byte key that the test knows to be valid.
func MustSignerKey(t testing.TB, pub64 []byte) types.SignerKey {
	t.Helper()
	key, err := types.ParseSignerKey(pub64)
	require.NoError(t, err)
	return key
}

// OffCurveKey returns a 64-byte value of the right length that is not a point of
// secp256k1: a valid key with the lowest bit of y flipped (y and p-y have opposite
// parity, and only those two y fit a given x).
func OffCurveKey(pub64 []byte) []byte {
	bad := append([]byte(nil), pub64...)
	bad[63] ^= 1
	return bad
}

// Owner returns a distinct lower-case 0x L1 address for n.
func Owner(n uint64) string { return fmt.Sprintf("0x%040x", 0xa0_0000+n) }

// TxHash returns a distinct lower-case 0x L1 tx hash for n.
func TxHash(n uint64) string { return fmt.Sprintf("0x%064x", n) }

// OffenceID returns a distinct 32-byte offence id for n.
func OffenceID(n uint64) []byte {
	id := sha256.Sum256(binary.BigEndian.AppendUint64([]byte("themis/sequencertest/offence/"), n))
	return id[:]
}

// Ref returns an L1 log reference with tx hash TxHash(n), log index n and a block.
func Ref(n uint64) types.L1EventRef {
	return types.L1EventRef{TxHash: TxHash(n), LogIndex: n, BlockNumber: 1_000 + n}
}

// Tokens is n whole tokens in base units (n * 10^18).
func Tokens(n int64) math.Int { return math.NewInt(n).Mul(types.OneToken) }
