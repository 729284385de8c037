package types

import (
	"encoding/binary"
	"fmt"
)

// OffenceIDLen is the length of the staking contract's offence key (bytes32).
const OffenceIDLen = 32

// L1OffenceID is the contract's key of the chain's offence id: 24 zero bytes and the
// id big-endian. The contract slashes each (offence, sequencer) pair once, so the key
// must be unique per offence; the chain's ids are.
func L1OffenceID(id uint64) []byte {
	out := make([]byte, OffenceIDLen)
	binary.BigEndian.PutUint64(out[OffenceIDLen-8:], id)
	return out
}

// ParseL1OffenceID is L1OffenceID's inverse; anything else is not the chain's key.
func ParseL1OffenceID(b []byte) (uint64, error) {
	if len(b) != OffenceIDLen {
		return 0, fmt.Errorf("%w: %d bytes, want %d", ErrInvalidOffenceID, len(b), OffenceIDLen)
	}
	for _, c := range b[:OffenceIDLen-8] {
		if c != 0 {
			return 0, fmt.Errorf("%w: %x is not a themis offence key", ErrInvalidOffenceID, b)
		}
	}
	id := binary.BigEndian.Uint64(b[OffenceIDLen-8:])
	if id == 0 {
		return 0, fmt.Errorf("%w: offence 0", ErrInvalidOffenceID)
	}
	return id, nil
}
