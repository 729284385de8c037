// Package randao is the entropy behind x/epoch's seeds: each validator commits once to
// the end of a sha256 hash chain (an "onion") and peels one layer per epoch decision in
// its vote extension. A reveal is valid only if it hashes to the previous one, so at
// each step a validator has exactly one valid value: it can reveal it or withhold it,
// nothing else. The seed of a decision mixes the previous seed with every valid
// reveal, so it is unknown until the reveals are out, and nobody can steer it beyond
// the one bit of withholding (which the chain records).
package randao

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
)

// Size is the length of a commitment, a reveal and a seed.
const Size = sha256.Size

// MaxLength bounds an onion: computing a reveal costs up to Length hashes (8 ms for
// 2^16 on one core, BenchmarkRevealFullOnion), and 2^16 layers last 2^16 epoch decisions.
const MaxLength = 1 << 16

var (
	// ErrBadReveal: the reveal is not the preimage of the previous layer.
	ErrBadReveal = errors.New("reveal does not open the previous layer")
	// ErrExhausted: every layer is revealed; the validator must commit to a new onion.
	ErrExhausted = errors.New("onion exhausted: commit to a new one")
	// ErrBadOnion: the secret or the length cannot make an onion.
	ErrBadOnion = errors.New("invalid onion")
)

// Onion is a validator's private hash chain: layer k is sha256^k(root), the root
// derived from a secret kept in the node's home. Layer Length is the public commitment;
// reveal number j (j >= 1) is layer Length-j.
type Onion struct {
	root   [Size]byte
	Length uint64
}

// NewOnion derives the onion of a secret (at least 32 random bytes) for one commitment
// index, so a validator can start a fresh onion from the same secret when one runs out.
func NewOnion(secret []byte, index uint64, length uint64) (Onion, error) {
	if len(secret) < 32 {
		return Onion{}, fmt.Errorf("%w: secret of %d bytes, want at least 32", ErrBadOnion, len(secret))
	}
	if length == 0 || length > MaxLength {
		return Onion{}, fmt.Errorf("%w: length %d outside [1, %d]", ErrBadOnion, length, MaxLength)
	}
	mac := hmac.New(sha256.New, secret)
	var idx [8]byte
	binary.BigEndian.PutUint64(idx[:], index)
	mac.Write([]byte("themis/randao/onion"))
	mac.Write(idx[:])
	var o Onion
	copy(o.root[:], mac.Sum(nil))
	o.Length = length
	return o, nil
}

// Commitment is the outer layer, published once.
func (o Onion) Commitment() [Size]byte { return o.layer(o.Length) }

// Reveal returns reveal number j (1 <= j <= Length).
func (o Onion) Reveal(j uint64) ([Size]byte, error) {
	if j == 0 || j > o.Length {
		return [Size]byte{}, fmt.Errorf("%w: reveal %d of an onion of %d", ErrExhausted, j, o.Length)
	}
	return o.layer(o.Length - j), nil
}

func (o Onion) layer(k uint64) [Size]byte {
	v := o.root
	for range k {
		v = sha256.Sum256(v[:])
	}
	return v
}

// Verify checks that reveal opens prev (the commitment or the last accepted reveal).
func Verify(prev, reveal []byte) error {
	if len(prev) != Size || len(reveal) != Size {
		return fmt.Errorf("%w: %d and %d bytes, want %d", ErrBadReveal, len(prev), len(reveal), Size)
	}
	if h := sha256.Sum256(reveal); !hmac.Equal(h[:], prev) {
		return ErrBadReveal
	}
	return nil
}

// VerifySkip checks that reveal opens prev after `steps` layers: sha256^steps(reveal)
// equals prev. A validator reveals one layer per height, so a validator whose reveals
// were missing for some heights reveals the layer of the current height, and the
// chain peels the heights it skipped. steps is fixed by heights, not chosen by the
// validator, so there is still exactly one valid reveal per height.
func VerifySkip(prev, reveal []byte, steps uint64) error {
	if len(prev) != Size || len(reveal) != Size {
		return fmt.Errorf("%w: %d and %d bytes, want %d", ErrBadReveal, len(prev), len(reveal), Size)
	}
	if steps == 0 || steps > MaxLength {
		return fmt.Errorf("%w: %d steps outside [1, %d]", ErrBadReveal, steps, MaxLength)
	}
	var v [Size]byte
	copy(v[:], reveal)
	for range steps {
		v = sha256.Sum256(v[:])
	}
	if !hmac.Equal(v[:], prev) {
		return ErrBadReveal
	}
	return nil
}

// Contribution is one validator's valid reveal at a decision, named by its address.
type Contribution struct {
	Validator []byte
	Reveal    []byte
}

// Mix derives the next seed from the previous one, the decision's identity and the
// valid reveals, which the caller lists in a fixed order (by validator address). The
// identity (chain id, epoch id) keeps seeds of different chains and epochs apart even
// when nobody revealed.
func Mix(prevSeed []byte, chainID string, epochID uint64, reveals []Contribution) [Size]byte {
	h := sha256.New()
	h.Write([]byte("themis/epoch-seed/v1"))
	writeField(h, prevSeed)
	writeField(h, []byte(chainID))
	var id [8]byte
	binary.BigEndian.PutUint64(id[:], epochID)
	h.Write(id[:])
	for _, c := range reveals {
		writeField(h, c.Validator)
		writeField(h, c.Reveal)
	}
	var out [Size]byte
	copy(out[:], h.Sum(nil))
	return out
}

// writeField length-prefixes b so that no two different inputs hash the same.
func writeField(h interface{ Write([]byte) (int, error) }, b []byte) {
	var n [8]byte
	binary.BigEndian.PutUint64(n[:], uint64(len(b)))
	_, _ = h.Write(n[:])
	_, _ = h.Write(b)
}
