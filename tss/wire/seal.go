package wire

import (
	"crypto/ecdsa"
	"crypto/rand"
	"fmt"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/crypto/ecies"
)

// sealKDFInfo is ECIES's KDF shared info: keys derived for this transport are never the
// keys any other ECIES use of the same secp256k1 key would derive.
const sealKDFInfo = "themis/tss/wire/v1/seal"

// SealFor encrypts plaintext to the recipient's signer key and stores the ciphertext as
// the envelope's payload. Call it after every header field (Seq included) is final and
// before Sign: the header is the ECIES MAC's shared data, so the ciphertext only opens
// inside an envelope with this exact header.
func SealFor(pub *ecdsa.PublicKey, e *Envelope, plaintext []byte) error {
	if e.IsBroadcast() {
		return fmt.Errorf("%w: broadcasts are signed, not encrypted", ErrNotPointToPoint)
	}
	if e.Kind != KindTSS {
		return fmt.Errorf("%w: kind %s", ErrNotPointToPoint, e.Kind)
	}
	if pub == nil || pub.Curve != crypto.S256() || pub.X == nil || pub.Y == nil || !pub.Curve.IsOnCurve(pub.X, pub.Y) {
		return fmt.Errorf("%w: recipient key is not a secp256k1 point", ErrBadKey)
	}
	if crypto.PubkeyToAddress(*pub) != e.To {
		return fmt.Errorf("%w: recipient key is not the key of %s", ErrBadKey, e.To.Hex())
	}
	aad, err := headerBytes(e)
	if err != nil {
		return err
	}
	ct, err := ecies.Encrypt(rand.Reader, ecies.ImportECDSAPublic(pub), plaintext, []byte(sealKDFInfo), aad)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrBadKey, err)
	}
	if len(ct) > MaxPayloadLen {
		return fmt.Errorf("%w: ciphertext %d bytes, limit %d", ErrPayloadTooLarge, len(ct), MaxPayloadLen)
	}
	e.Payload = ct
	return nil
}

// Open decrypts the payload of a point-to-point envelope addressed to priv's owner.
// It does not check the signature: verify the envelope first.
func Open(priv *ecdsa.PrivateKey, e *Envelope) ([]byte, error) {
	if e.IsBroadcast() || e.Kind != KindTSS {
		return nil, ErrNotPointToPoint
	}
	if priv == nil || priv.Curve != crypto.S256() {
		return nil, fmt.Errorf("%w: not a secp256k1 private key", ErrBadKey)
	}
	if crypto.PubkeyToAddress(priv.PublicKey) != e.To {
		return nil, fmt.Errorf("%w: envelope is for %s", ErrBadKey, e.To.Hex())
	}
	aad, err := headerBytes(e)
	if err != nil {
		return nil, err
	}
	pt, err := ecies.ImportECDSA(priv).Decrypt(e.Payload, []byte(sealKDFInfo), aad)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrDecrypt, err)
	}
	return pt, nil
}

// headerBytes is the encoding of everything before the payload.
func headerBytes(e *Envelope) ([]byte, error) {
	if err := validate(e); err != nil {
		return nil, err
	}
	return appendHeader(make([]byte, 0, maxHeaderLen), e), nil
}
