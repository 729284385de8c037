package types

import (
	"encoding/hex"
	"math/big"
	"strings"

	errorsmod "cosmossdk.io/errors"
	cmtsecp "github.com/cometbft/cometbft/crypto/secp256k1"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// Sizes of what engines report.
const (
	SessionKeyLen = 32
	// PubKeyLen is a compressed secp256k1 key (02|03 || X).
	PubKeyLen = 33
	// SignatureLen is R(32) || S(32) || V(1), V in {0, 1}.
	SignatureLen = 65
	// DigestLen is the hash the pool signs.
	DigestLen = 32
	// AddressLen is a 0x-prefixed 20-byte hex address.
	AddressLen = 42
)

// ParsePubKey checks a 33-byte compressed secp256k1 key on the curve and returns its
// Ethereum address (0x, lower case).
func ParsePubKey(pub []byte) (string, error) {
	if len(pub) != PubKeyLen || (pub[0] != 2 && pub[0] != 3) {
		return "", errorsmod.Wrapf(ErrInvalidPubKey, "%d bytes, want %d compressed", len(pub), PubKeyLen)
	}
	key, err := crypto.DecompressPubkey(pub)
	if err != nil {
		return "", errorsmod.Wrap(ErrInvalidPubKey, err.Error())
	}
	return AddressString(crypto.PubkeyToAddress(*key)), nil
}

// AddressString is an address as x/mpc and x/sequencer write it: 0x, lower case.
func AddressString(a common.Address) string {
	return "0x" + hex.EncodeToString(a.Bytes())
}

// ValidAddress reports whether s is 0x followed by 40 lower-case hex digits.
func ValidAddress(s string) bool {
	if len(s) != AddressLen || !strings.HasPrefix(s, "0x") || strings.ToLower(s) != s {
		return false
	}
	_, err := hex.DecodeString(s[2:])
	return err == nil
}

// ConsAddress is the CometBFT address of a compressed secp256k1 consensus key: how the
// chain knows which validator a report is from.
func ConsAddress(pub []byte) []byte {
	return cmtsecp.PubKey(pub).Address()
}

// CheckSignatureShape checks a signature's form: 65 bytes, V in {0, 1}, R and S in
// [1, n-1], S low (<= n/2, go-ethereum's homestead rule), as tss-lib produces and Ethereum's ecrecover precompile
// callers expect (EIP-2). Cheap: no curve arithmetic.
func CheckSignatureShape(sig []byte) error {
	if len(sig) != SignatureLen {
		return errorsmod.Wrapf(ErrInvalidSignature, "%d bytes, want %d", len(sig), SignatureLen)
	}
	r, s := new(big.Int).SetBytes(sig[:32]), new(big.Int).SetBytes(sig[32:64])
	if !crypto.ValidateSignatureValues(sig[64], r, s, true) {
		return errorsmod.Wrap(ErrInvalidSignature, "R, S or V out of range, or S not low")
	}
	return nil
}

// VerifyPoolSignature checks that sig is a low-S signature of digest that ecrecovers to
// the pool address (deterministic: go-ethereum's SigToPub).
func VerifyPoolSignature(digest, sig []byte, poolAddress string) error {
	if len(digest) != DigestLen {
		return errorsmod.Wrapf(ErrInvalidSignature, "digest of %d bytes", len(digest))
	}
	if err := CheckSignatureShape(sig); err != nil {
		return err
	}
	pub, err := crypto.SigToPub(digest, sig)
	if err != nil {
		return errorsmod.Wrap(ErrInvalidSignature, err.Error())
	}
	if got := AddressString(crypto.PubkeyToAddress(*pub)); got != poolAddress {
		return errorsmod.Wrapf(ErrInvalidSignature, "recovers to %s, not the pool address %s", got, poolAddress)
	}
	return nil
}

// PartyBySigner returns the party with signer address addr, or false.
func PartyBySigner(parties []Party, addr string) (Party, bool) {
	for _, p := range parties {
		if p.Signer == addr {
			return p, true
		}
	}
	return Party{}, false
}
