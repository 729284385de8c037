package wire

import (
	"encoding/binary"
	"fmt"

	"github.com/ethereum/go-ethereum/common"
)

// Marshal returns the canonical encoding of a valid envelope, signature included.
func Marshal(e *Envelope) ([]byte, error) {
	if err := validate(e); err != nil {
		return nil, err
	}
	b := make([]byte, 0, maxHeaderLen+4+len(e.Payload)+SignatureLen)
	b = appendBody(b, e)
	return append(b, e.Signature[:]...), nil
}

// appendHeader writes everything before the payload. The envelope must be valid.
func appendHeader(b []byte, e *Envelope) []byte {
	b = binary.BigEndian.AppendUint16(b, e.Version)
	b = append(b, byte(e.Kind))
	b = appendStr8(b, e.ChainID)
	b = append(b, e.SessionID[:]...)
	b = appendStr8(b, e.Round)
	b = binary.BigEndian.AppendUint32(b, e.Seq)
	b = append(b, e.From[:]...)
	b = append(b, e.FromRole)
	b = append(b, e.To[:]...)
	return append(b, e.ToRole)
}

// appendBody writes the header and the length-prefixed payload: the encoding without
// the signature, which is what gets signed.
func appendBody(b []byte, e *Envelope) []byte {
	b = appendHeader(b, e)
	b = binary.BigEndian.AppendUint32(b, uint32(len(e.Payload)))
	return append(b, e.Payload...)
}

func appendStr8(b []byte, s string) []byte {
	b = append(b, byte(len(s)))
	return append(b, s...)
}

// Unmarshal decodes exactly one envelope and applies every rule Marshal applies, so
// Marshal(Unmarshal(b)) == b for every b it accepts. It does not check the signature.
func Unmarshal(b []byte) (*Envelope, error) {
	r := reader{b: b}
	e := &Envelope{}
	// The version comes first and is judged first: the rest of the layout belongs to it.
	e.Version = r.u16("version")
	if r.err != nil {
		return nil, r.err
	}
	if e.Version != Version1 {
		return nil, fmt.Errorf("%w: %d (this build speaks %d)", ErrUnknownVersion, e.Version, Version1)
	}
	if len(b) > MaxEnvelopeLen {
		return nil, fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, len(b), MaxEnvelopeLen)
	}
	e.Kind = Kind(r.u8("kind"))
	e.ChainID = r.str8("chain id")
	copy(e.SessionID[:], r.take(32, "session id"))
	e.Round = r.str8("round")
	e.Seq = r.u32("seq")
	e.From = common.BytesToAddress(r.take(20, "from"))
	e.FromRole = r.u8("from role")
	e.To = common.BytesToAddress(r.take(20, "to"))
	e.ToRole = r.u8("to role")
	n := r.u32("payload length")
	if r.err == nil && n > MaxPayloadLen {
		return nil, fmt.Errorf("%w: %d bytes, limit %d", ErrPayloadTooLarge, n, MaxPayloadLen)
	}
	e.Payload = append([]byte{}, r.take(int(n), "payload")...)
	copy(e.Signature[:], r.take(SignatureLen, "signature"))
	if err := r.end(); err != nil {
		return nil, err
	}
	if err := validate(e); err != nil {
		return nil, err
	}
	return e, nil
}

// reader reads fixed and length-prefixed fields; its first error sticks.
type reader struct {
	b   []byte
	off int
	err error
}

func (r *reader) take(n int, what string) []byte {
	if r.err != nil {
		return nil
	}
	if n < 0 || len(r.b)-r.off < n {
		r.err = fmt.Errorf("%w: %s needs %d bytes, %d left", ErrTruncated, what, n, len(r.b)-r.off)
		return nil
	}
	v := r.b[r.off : r.off+n]
	r.off += n
	return v
}

func (r *reader) u8(what string) uint8 {
	if v := r.take(1, what); v != nil {
		return v[0]
	}
	return 0
}

func (r *reader) u16(what string) uint16 {
	if v := r.take(2, what); v != nil {
		return binary.BigEndian.Uint16(v)
	}
	return 0
}

func (r *reader) u32(what string) uint32 {
	if v := r.take(4, what); v != nil {
		return binary.BigEndian.Uint32(v)
	}
	return 0
}

func (r *reader) str8(what string) string {
	n := r.u8(what + " length")
	return string(r.take(int(n), what))
}

// end refuses trailing bytes: without it, one envelope would have many encodings.
func (r *reader) end() error {
	if r.err != nil {
		return r.err
	}
	if r.off != len(r.b) {
		return fmt.Errorf("%w: %d after the envelope", ErrTrailingBytes, len(r.b)-r.off)
	}
	return nil
}
