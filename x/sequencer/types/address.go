package types

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"

	cmtsecp "github.com/cometbft/cometbft/crypto/secp256k1"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// L1PubKeyLen is the length of the signer key as the L1 lock call takes it:
// an uncompressed secp256k1 point without the 04 prefix.
const L1PubKeyLen = 64

// NormalizeL1Address checks a 0x-prefixed 20-byte hex address and lower-cases it.
func NormalizeL1Address(s string) (string, error) {
	if len(s) != 42 || !strings.HasPrefix(s, "0x") {
		return "", fmt.Errorf("L1 address %q must be 0x followed by 40 hex digits", s)
	}
	if _, err := hex.DecodeString(s[2:]); err != nil {
		return "", fmt.Errorf("L1 address %q is not hex", s)
	}
	return strings.ToLower(s), nil
}

// NormalizeTxHash checks a 0x-prefixed 32-byte hex hash and lower-cases it.
func NormalizeTxHash(s string) (string, error) {
	if len(s) != 66 || !strings.HasPrefix(s, "0x") {
		return "", fmt.Errorf("L1 tx hash %q must be 0x followed by 64 hex digits", s)
	}
	if _, err := hex.DecodeString(s[2:]); err != nil {
		return "", fmt.Errorf("L1 tx hash %q is not hex", s)
	}
	return strings.ToLower(s), nil
}

// SignerKey is a validated 64-byte signer public key with its derived identities.
type SignerKey struct {
	raw        []byte
	compressed []byte
}

// ParseSignerKey validates a 64-byte uncompressed key (no 04 prefix) that is on the curve.
func ParseSignerKey(b []byte) (SignerKey, error) {
	if len(b) != L1PubKeyLen {
		return SignerKey{}, fmt.Errorf("signer key must be %d bytes (uncompressed, no 04 prefix), got %d", L1PubKeyLen, len(b))
	}
	pub, err := crypto.UnmarshalPubkey(append([]byte{0x04}, b...))
	if err != nil {
		return SignerKey{}, fmt.Errorf("signer key is not a secp256k1 point: %v", err)
	}
	return SignerKey{raw: append([]byte(nil), b...), compressed: crypto.CompressPubkey(pub)}, nil
}

// Bytes is the 64-byte L1 form.
func (k SignerKey) Bytes() []byte { return append([]byte(nil), k.raw...) }

// Compressed is the 33-byte form CometBFT and the SDK use.
func (k SignerKey) Compressed() []byte { return append([]byte(nil), k.compressed...) }

// L1Address is the signer's Ethereum address, 0x and lower case.
func (k SignerKey) L1Address() string {
	return strings.ToLower(common.BytesToAddress(crypto.Keccak256(k.raw)[12:]).Hex())
}

// ConsAddress is the CometBFT validator address of the key.
func (k SignerKey) ConsAddress() sdk.ConsAddress {
	return sdk.ConsAddress(cmtsecp.PubKey(k.compressed).Address())
}

// AccAddress is the sequencer's account on themis: the same key signs its transactions.
func (k SignerKey) AccAddress() sdk.AccAddress {
	return sdk.AccAddress(cmtsecp.PubKey(k.compressed).Address())
}

// EventKey names an L1 log uniquely: "txhash:logindex".
func EventKey(ref L1EventRef) string {
	return fmt.Sprintf("%s:%d", strings.ToLower(ref.TxHash), ref.LogIndex)
}

// Validate checks the reference's fields.
func (ref L1EventRef) Validate() error {
	if _, err := NormalizeTxHash(ref.TxHash); err != nil {
		return err
	}
	if ref.BlockNumber == 0 {
		return fmt.Errorf("L1 block number must be set")
	}
	return nil
}

// Digest is sha256 of bytes; it binds verdicts to exact content.
func Digest(bz []byte) []byte {
	h := sha256.Sum256(bz)
	return h[:]
}
