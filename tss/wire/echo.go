package wire

import (
	"crypto/sha256"
	"fmt"

	"github.com/ethereum/go-ethereum/common"
)

// Echo is the payload of a KindEcho envelope: "I received this broadcast from Origin in
// role Role for Round, and its content hash is Hash". tss-lib keeps only the last
// message per sender and round, so a broadcaster that sends different content to
// different parties would split the session silently; comparing echoes exposes it.
type Echo struct {
	Origin common.Address
	Role   uint8
	Round  string
	Hash   [32]byte // ContentDigest of the broadcast
}

const maxEchoLen = 20 + 1 + 1 + MaxRoundLen + 32

// MarshalEcho encodes origin(20) | role(1) | round(str8) | hash(32).
func MarshalEcho(m Echo) ([]byte, error) {
	if err := validateEcho(m); err != nil {
		return nil, err
	}
	b := make([]byte, 0, maxEchoLen)
	b = append(b, m.Origin[:]...)
	b = append(b, m.Role)
	b = appendStr8(b, m.Round)
	return append(b, m.Hash[:]...), nil
}

// UnmarshalEcho is the strict inverse of MarshalEcho.
func UnmarshalEcho(b []byte) (Echo, error) {
	if len(b) > maxEchoLen {
		return Echo{}, fmt.Errorf("%w: %d bytes, limit %d", ErrBadEcho, len(b), maxEchoLen)
	}
	r := reader{b: b}
	var m Echo
	m.Origin = common.BytesToAddress(r.take(20, "echo origin"))
	m.Role = r.u8("echo role")
	m.Round = r.str8("echo round")
	copy(m.Hash[:], r.take(32, "echo hash"))
	if err := r.end(); err != nil {
		return Echo{}, fmt.Errorf("%w: %w", ErrBadEcho, err)
	}
	if err := validateEcho(m); err != nil {
		return Echo{}, err
	}
	return m, nil
}

func validateEcho(m Echo) error {
	if m.Origin == (common.Address{}) {
		return fmt.Errorf("%w: zero origin", ErrBadEcho)
	}
	if m.Role > RoleNew {
		return fmt.Errorf("%w: %w: role %d", ErrBadEcho, ErrUnknownRole, m.Role)
	}
	if err := checkString(m.Round, MaxRoundLen); err != nil {
		return fmt.Errorf("%w: %w: %v", ErrBadEcho, ErrBadRound, err)
	}
	if m.Round == EchoRound {
		return fmt.Errorf("%w: echoes are not echoed", ErrBadEcho)
	}
	return nil
}

// contentTag separates content hashes from every other hash in the system.
const contentTag = "themis/tss/wire/v1/content\x00"

// ContentDigest identifies what a broadcast says: sha256 over the canonical encoding
// without the signature and with Seq set to zero. Seq and the signature are left out
// on purpose: neither changes what tss-lib receives, and ECDSA lets the signer pick a
// different nonce for the same content, so hashing them would let an honest re-send
// (new seq) or a re-signing look like a conflict. With this hash, two echoes differ
// exactly when two broadcasts for the same slot differ in content, which is what an
// EquivocationProof shows.
func ContentDigest(e *Envelope) ([32]byte, error) {
	if err := validate(e); err != nil {
		return [32]byte{}, err
	}
	c := *e
	c.Seq = 0
	b := make([]byte, 0, len(contentTag)+maxHeaderLen+4+len(e.Payload))
	b = append(b, contentTag...)
	return sha256.Sum256(appendBody(b, &c)), nil
}
