package wire

import (
	"bytes"
	"encoding/binary"
	"fmt"

	"github.com/ethereum/go-ethereum/common"
)

// EquivocationProof is two broadcasts signed by the same sender for the same slot
// (chain, session, sender role, round) with different content. Anyone holding the
// origin's address can check it: an honest engine signs one broadcast per slot (the
// transport refuses a second), so two different signed ones are the origin's fault.
//
// First and Second are canonical signed envelopes, ordered by ContentDigest so that a
// pair has exactly one proof (the chain can deduplicate by bytes).
type EquivocationProof struct {
	First  []byte
	Second []byte
}

// NewEquivocationProof orders two encoded envelopes into a proof. It does not verify:
// call VerifyEquivocationProof.
func NewEquivocationProof(a, b []byte) (EquivocationProof, error) {
	ea, err := Unmarshal(a)
	if err != nil {
		return EquivocationProof{}, err
	}
	eb, err := Unmarshal(b)
	if err != nil {
		return EquivocationProof{}, err
	}
	da, err := ContentDigest(ea)
	if err != nil {
		return EquivocationProof{}, err
	}
	db, err := ContentDigest(eb)
	if err != nil {
		return EquivocationProof{}, err
	}
	if bytes.Compare(da[:], db[:]) > 0 {
		a, b = b, a
	}
	return EquivocationProof{First: bytes.Clone(a), Second: bytes.Clone(b)}, nil
}

// VerifyEquivocationProof checks that p proves origin equivocated on chainID. It is
// pure (no clock, no state) so the chain can run it in a message handler.
func VerifyEquivocationProof(p EquivocationProof, chainID string, origin common.Address) error {
	var es [2]*Envelope
	var ds [2][32]byte
	for i, raw := range [][]byte{p.First, p.Second} {
		e, err := Unmarshal(raw)
		if err != nil {
			return fmt.Errorf("envelope %d: %w", i, err)
		}
		if e.Kind != KindTSS || !e.IsBroadcast() {
			return fmt.Errorf("%w: envelope %d is not a TSS broadcast", ErrNotEquivocation, i)
		}
		if e.ChainID != chainID {
			return fmt.Errorf("%w: envelope %d is for chain %q, not %q", ErrNotEquivocation, i, e.ChainID, chainID)
		}
		if err := Verify(e, origin); err != nil {
			return fmt.Errorf("envelope %d: %w", i, err)
		}
		if ds[i], err = ContentDigest(e); err != nil {
			return err
		}
		es[i] = e
	}
	a, b := es[0], es[1]
	if a.SessionID != b.SessionID || a.FromRole != b.FromRole || a.Round != b.Round {
		return fmt.Errorf("%w: different slots", ErrNotEquivocation)
	}
	if bytes.Compare(ds[0][:], ds[1][:]) >= 0 {
		return fmt.Errorf("%w: same content, or not in canonical order", ErrNotEquivocation)
	}
	return nil
}

// MarshalEquivocationProof encodes len(First) u32 | First | len(Second) u32 | Second.
func MarshalEquivocationProof(p EquivocationProof) ([]byte, error) {
	if len(p.First) > MaxEnvelopeLen || len(p.Second) > MaxEnvelopeLen {
		return nil, fmt.Errorf("%w: proof envelope over %d bytes", ErrTooLarge, MaxEnvelopeLen)
	}
	b := make([]byte, 0, 8+len(p.First)+len(p.Second))
	b = binary.BigEndian.AppendUint32(b, uint32(len(p.First)))
	b = append(b, p.First...)
	b = binary.BigEndian.AppendUint32(b, uint32(len(p.Second)))
	return append(b, p.Second...), nil
}

// UnmarshalEquivocationProof is the strict inverse of MarshalEquivocationProof. It
// checks lengths only; VerifyEquivocationProof judges the content.
func UnmarshalEquivocationProof(b []byte) (EquivocationProof, error) {
	r := reader{b: b}
	var p EquivocationProof
	for _, dst := range []*[]byte{&p.First, &p.Second} {
		n := r.u32("proof envelope length")
		if r.err == nil && n > MaxEnvelopeLen {
			return EquivocationProof{}, fmt.Errorf("%w: proof envelope %d bytes, limit %d", ErrTooLarge, n, MaxEnvelopeLen)
		}
		*dst = bytes.Clone(r.take(int(n), "proof envelope"))
	}
	if err := r.end(); err != nil {
		return EquivocationProof{}, err
	}
	return p, nil
}
