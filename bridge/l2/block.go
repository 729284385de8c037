package l2

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/ethereum/go-ethereum/common"
	ethtypes "github.com/ethereum/go-ethereum/core/types"

	epochtypes "github.com/themis-network/themis/x/epoch/types"
)

// Block is an L2 block header as the L2 node served it, checked: its hash is
// keccak256(RLP(header)) as go-ethereum computes it, so every field below is the one
// the hash commits to, and a validator that reports the hash reports them all.
type Block struct {
	Header *ethtypes.Header
	Hash   common.Hash
}

// Number is the block's height.
func (b Block) Number() uint64 { return b.Header.Number.Uint64() }

// Head is the block as the watcher caches it (ObservedAt is left for the caller).
func (b Block) Head() Head { return Head{Height: b.Number(), Hash: b.Hash, Time: b.Header.Time} }

// Seal is the producer's seal in the block's extra data (x/epoch/types: the L2 seal
// layout), which must be for L2 chain l2ChainID. A block of an L2 that does not seal its
// blocks, such as geth --dev, has none: the error wraps epochtypes.ErrInvalidL2Seal.
func (b Block) Seal(l2ChainID uint64) (epochtypes.L2Seal, error) {
	return epochtypes.CheckL2Seal(b.Header, l2ChainID)
}

// blockHashJSON is the one member of an eth_getBlockByNumber result that is not a
// header field.
type blockHashJSON struct {
	Hash *common.Hash `json:"hash"`
}

// decodeBlock decodes an eth_getBlockByNumber result that must be block want. The
// header fields are decoded by go-ethereum (every required field present, canonical
// hex); the served hash must equal the header's.
func decodeBlock(raw json.RawMessage, want uint64) (Block, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || bytes.Equal(raw, []byte("null")) {
		return Block{}, fmt.Errorf("block %d: %w", want, ErrNoBlock)
	}
	if raw[0] != '{' {
		return Block{}, fmt.Errorf("%w: block %d is not a JSON object: %s", ErrMalformed, want, clip(string(raw)))
	}
	var h ethtypes.Header
	if err := json.Unmarshal(raw, &h); err != nil {
		return Block{}, fmt.Errorf("%w: block %d: %s", ErrMalformed, want, clip(err.Error()))
	}
	if !h.Number.IsUint64() {
		return Block{}, fmt.Errorf("%w: block number %s does not fit 64 bits", ErrMalformed, clip(h.Number.String()))
	}
	if got := h.Number.Uint64(); got != want {
		return Block{}, fmt.Errorf("%w: asked for block %d, the L2 node answered block %d", ErrMalformed, want, got)
	}
	var served blockHashJSON
	if err := json.Unmarshal(raw, &served); err != nil {
		return Block{}, fmt.Errorf("%w: block %d: hash: %s", ErrMalformed, want, clip(err.Error()))
	}
	if served.Hash == nil {
		return Block{}, fmt.Errorf("%w: block %d: hash is missing", ErrMalformed, want)
	}
	// A hash that is not the header's would let the node report one block and describe
	// another (state root, parent, producer): the reported hash must pin the fields.
	if computed := h.Hash(); *served.Hash != computed {
		return Block{}, fmt.Errorf("%w: block %d: served hash %s is not its header's hash %s (the L2 node must serve go-ethereum headers)",
			ErrMalformed, want, served.Hash, computed)
	}
	return Block{Header: &h, Hash: *served.Hash}, nil
}
