package downtime

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math/bits"
)

// ErrBadSigning: stored bytes are not a Signing this package could have produced.
var ErrBadSigning = errors.New("invalid downtime signing state")

// signingVersion leads the encoding so a later layout can be told apart.
const signingVersion = 1

// headerLen: version, then window, next, counted and missed as big-endian uint32.
const headerLen = 1 + 4*4

// MarshalBinary encodes s: a version byte, the four counters big-endian, then the
// bits. It cannot fail; the error is there for encoding.BinaryMarshaler.
func (s Signing) MarshalBinary() ([]byte, error) {
	out := make([]byte, headerLen, headerLen+len(s.bits))
	out[0] = signingVersion
	binary.BigEndian.PutUint32(out[1:], s.window)
	binary.BigEndian.PutUint32(out[5:], s.next)
	binary.BigEndian.PutUint32(out[9:], s.counted)
	binary.BigEndian.PutUint32(out[13:], s.missed)
	return append(out, s.bits...), nil
}

// UnmarshalBinary decodes what MarshalBinary wrote and checks every invariant Record
// keeps (lengths, ring position, unused slots and padding zero, Missed equal to the
// bits set), so a corrupt store entry is an error, never a wrong verdict or a panic.
func (s *Signing) UnmarshalBinary(bz []byte) error {
	if len(bz) < headerLen || bz[0] != signingVersion {
		return fmt.Errorf("%w: %d bytes, want a version %d header", ErrBadSigning, len(bz), signingVersion)
	}
	d := Signing{
		window:  binary.BigEndian.Uint32(bz[1:]),
		next:    binary.BigEndian.Uint32(bz[5:]),
		counted: binary.BigEndian.Uint32(bz[9:]),
		missed:  binary.BigEndian.Uint32(bz[13:]),
	}
	body := bz[headerLen:]
	if d.window == 0 {
		if d.next != 0 || d.counted != 0 || d.missed != 0 || len(body) != 0 {
			return fmt.Errorf("%w: records without a window", ErrBadSigning)
		}
		*s = Signing{}
		return nil
	}
	switch {
	case d.window > MaxWindow:
		return fmt.Errorf("%w: window %d over %d", ErrBadSigning, d.window, MaxWindow)
	case len(body) != bytesFor(d.window):
		return fmt.Errorf("%w: %d bytes of bits for a window of %d", ErrBadSigning, len(body), d.window)
	case d.next >= d.window:
		return fmt.Errorf("%w: slot %d outside a window of %d", ErrBadSigning, d.next, d.window)
	case d.counted < d.window && d.next != d.counted:
		return fmt.Errorf("%w: slot %d after %d records", ErrBadSigning, d.next, d.counted)
	}
	d.bits = append([]byte(nil), body...)
	// Slots never written (a ring not yet full) and the padding past the window are 0.
	for slot := d.Kept(); slot < uint32(len(d.bits))*8; slot++ {
		if bitAt(d.bits, slot) {
			return fmt.Errorf("%w: bit %d set outside the records", ErrBadSigning, slot)
		}
	}
	var set uint32
	for _, b := range d.bits {
		set += uint32(bits.OnesCount8(b))
	}
	if set != d.missed {
		return fmt.Errorf("%w: %d misses counted, %d bits set", ErrBadSigning, d.missed, set)
	}
	*s = d
	return nil
}
