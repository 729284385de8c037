package types

import (
	"bytes"
	"errors"

	errorsmod "cosmossdk.io/errors"
	ethtypes "github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/rlp"
)

// MaxL2HeaderBytes bounds one RLP header of L2 evidence. A header is about 600 bytes
// (its sealed extraData is 97); the bound leaves room for future optional fields and
// keeps the decoding, hashing and the transaction cheap.
const MaxL2HeaderBytes = 8 << 10

// DecodeL2Header decodes one L2 header of evidence, strictly: bz must be at most
// MaxL2HeaderBytes, exactly one RLP value (no trailing bytes), and the canonical
// encoding of the header it decodes to (re-encoding gives bz back), so one header has
// one byte form and the hash the chain computes is keccak256(bz). The block number must
// fit in 64 bits. The header type is go-ethereum's: which optional fields decode is
// that version's, so upgrading go-ethereum is a consensus change for this evidence.
func DecodeL2Header(bz []byte) (*ethtypes.Header, error) {
	if len(bz) == 0 {
		return nil, errorsmod.Wrap(ErrInvalidL2Header, "empty")
	}
	if len(bz) > MaxL2HeaderBytes {
		return nil, errorsmod.Wrapf(ErrL2HeaderTooLarge, "%d bytes, at most %d", len(bz), MaxL2HeaderBytes)
	}
	var h ethtypes.Header
	if err := rlp.DecodeBytes(bz, &h); err != nil {
		if errors.Is(err, rlp.ErrMoreThanOneValue) {
			return nil, errorsmod.Wrap(ErrL2HeaderTrailingBytes, "the RLP header is followed by more data")
		}
		return nil, errorsmod.Wrapf(ErrInvalidL2Header, "not an RLP block header: %v", err)
	}
	if h.Number == nil || !h.Number.IsUint64() {
		return nil, errorsmod.Wrapf(ErrInvalidL2Header, "block number %v does not fit in 64 bits", h.Number)
	}
	canonical, err := rlp.EncodeToBytes(&h)
	if err != nil {
		return nil, errorsmod.Wrapf(ErrInvalidL2Header, "re-encoding: %v", err)
	}
	if !bytes.Equal(canonical, bz) {
		return nil, errorsmod.Wrap(ErrInvalidL2Header, "not the canonical RLP encoding of the header")
	}
	return &h, nil
}
