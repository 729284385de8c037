package wire

import (
	"crypto/ecdsa"
	"crypto/sha256"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// signingTag starts every transport signing preimage.
//
// Why it exists: the key that signs envelopes is the sequencer's signer key, which is
// also its CometBFT consensus key (and its themis account key). A signature over a
// digest is valid for every message with that digest, so no preimage we sign may be a
// message those other uses would accept:
//
//   - CometBFT (crypto/secp256k1) signs sha256(sign-bytes), where sign-bytes of a vote,
//     proposal or vote extension are protoio.MarshalDelimited(Canonical*): a uvarint
//     length prefix, then the protobuf body. Our preimage starts with 't' (0x74). Read as
//     sign-bytes, 0x74 would be a one-byte length prefix of 116, and the body would
//     start with 'h' (0x68), the key of field 13 with wire type varint. CanonicalVote,
//     CanonicalProposal and CanonicalVoteExtension have fields 1..7 only, and the
//     marshaller writes known fields in field order, so no sign-bytes CometBFT produces
//     start with "th" (and ours would also have to be exactly 117 bytes long).
//   - Cosmos SDK transactions sign sha256 of a SignDoc (protobuf, first byte a field key
//     0x0a..0x20), of amino JSON (starts with '{') or of a CBOR array (0x80..0x9f).
//   - Ethereum signs keccak256, not sha256, of its preimages.
//
// Conversely a vote or transaction signature is useless as an envelope signature: the
// verifier here always hashes the tag first. The trailing NUL ends the tag so that no
// longer tag can share its bytes.
const signingTag = "themis/tss/wire/v1\x00"

// secp256k1N and halfN bound S: crypto.Sign produces low-S signatures, and accepting
// high-S ones would give every signature a second valid form.
var (
	secp256k1N = crypto.S256().Params().N
	halfN      = new(big.Int).Rsh(secp256k1N, 1)
)

// SigningDigest is sha256(signingTag || canonical encoding without the signature).
// It fails only for an envelope Marshal would refuse.
func SigningDigest(e *Envelope) ([32]byte, error) {
	if err := validate(e); err != nil {
		return [32]byte{}, err
	}
	b := make([]byte, 0, len(signingTag)+maxHeaderLen+4+len(e.Payload))
	b = append(b, signingTag...)
	return sha256.Sum256(appendBody(b, e)), nil
}

// Sign fills in the signature. From must already be the key's address: it is part of
// a sealed payload's authenticated header, so Sign must not change it.
func Sign(e *Envelope, key *ecdsa.PrivateKey) error {
	if key == nil {
		return fmt.Errorf("%w: nil signing key", ErrBadKey)
	}
	if a := crypto.PubkeyToAddress(key.PublicKey); a != e.From {
		return fmt.Errorf("%w: envelope is from %s, key is %s's", ErrWrongSigner, e.From.Hex(), a.Hex())
	}
	d, err := SigningDigest(e)
	if err != nil {
		return err
	}
	sig, err := crypto.Sign(d[:], key)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrBadKey, err)
	}
	copy(e.Signature[:], sig)
	return nil
}

// Verify checks that the envelope is valid and signed by expected (normally e.From).
func Verify(e *Envelope, expected common.Address) error {
	d, err := SigningDigest(e)
	if err != nil {
		return err
	}
	sig := e.Signature[:]
	r, s, v := new(big.Int).SetBytes(sig[:32]), new(big.Int).SetBytes(sig[32:64]), sig[64]
	if v > 1 || r.Sign() == 0 || s.Sign() == 0 || r.Cmp(secp256k1N) >= 0 || s.Cmp(secp256k1N) >= 0 {
		return fmt.Errorf("%w: r, s or v out of range", ErrBadSignature)
	}
	if s.Cmp(halfN) > 0 {
		return ErrHighS
	}
	pub, err := crypto.SigToPub(d[:], sig)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrBadSignature, err)
	}
	if got := crypto.PubkeyToAddress(*pub); got != expected {
		return fmt.Errorf("%w: recovered %s, want %s", ErrWrongSigner, got.Hex(), expected.Hex())
	}
	return nil
}
