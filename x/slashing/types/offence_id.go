package types

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
)

// OffenceIDLen is the length of the staking contract's offence key (bytes32).
const OffenceIDLen = 32

// offenceDomainLen is the part of the key that names the chain.
const offenceDomainLen = OffenceIDLen - 8

// L1OffenceID is the contract's key of the chain's offence id: 24 bytes naming the chain
// (the first bytes of sha256("themis/offence/v1" ‖ chain id)) and the id big-endian. The
// contract slashes each (offence, sequencer) pair once for ever, so the key must never
// repeat: offence ids are unique on one chain, and the domain keeps a restarted chain
// (another chain id) or another pool on the same contract from colliding with its keys.
func L1OffenceID(chainID string, id uint64) []byte {
	out := make([]byte, OffenceIDLen)
	copy(out, offenceDomain(chainID))
	binary.BigEndian.PutUint64(out[offenceDomainLen:], id)
	return out
}

// ParseL1OffenceID is L1OffenceID's inverse for this chain; any other key (another
// chain's, or not a themis key at all) is refused.
func ParseL1OffenceID(chainID string, b []byte) (uint64, error) {
	id, err := OffenceNumber(b)
	if err != nil {
		return 0, err
	}
	if !bytes.Equal(b[:offenceDomainLen], offenceDomain(chainID)) {
		return 0, fmt.Errorf("%w: %x is not an offence key of chain %q", ErrInvalidOffenceID, b, chainID)
	}
	return id, nil
}

// OffenceNumber checks the key's shape and returns its offence id, whatever chain it
// names: the relayed L1 event echoes the key the pool sent, which the chain compares
// with the key it stored (a chain restarted under another id still matches its own
// in-flight slashes), and genesis validation does not know the chain id.
func OffenceNumber(b []byte) (uint64, error) {
	if len(b) != OffenceIDLen {
		return 0, fmt.Errorf("%w: %d bytes, want %d", ErrInvalidOffenceID, len(b), OffenceIDLen)
	}
	id := binary.BigEndian.Uint64(b[offenceDomainLen:])
	if id == 0 {
		return 0, fmt.Errorf("%w: offence 0", ErrInvalidOffenceID)
	}
	return id, nil
}

func offenceDomain(chainID string) []byte {
	h := sha256.Sum256(append([]byte("themis/offence/v1"), chainID...))
	return h[:offenceDomainLen]
}
