package l2

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/ethereum/go-ethereum/common"
)

// ErrNoBlock: the L2 node answered null for a block (it does not have it, e.g. the
// head moved down between eth_blockNumber and eth_getBlockByNumber).
var ErrNoBlock = errors.New("L2 node has no such block")

// blockJSON holds the only block fields the watcher uses; the rest (parentHash,
// miner, roots, transactions, the simulator's producerId and signature, ...) is
// ignored, so the L2 simulator's blocks decode as well as Ethereum ones.
type blockJSON struct {
	Number    json.RawMessage `json:"number"`
	Hash      json.RawMessage `json:"hash"`
	Timestamp json.RawMessage `json:"timestamp"`
}

// decodeBlock decodes an eth_getBlockByNumber result that must be block want.
// ObservedAt is left zero for the caller.
func decodeBlock(raw json.RawMessage, want uint64) (Head, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || bytes.Equal(raw, []byte("null")) {
		return Head{}, fmt.Errorf("block %d: %w", want, ErrNoBlock)
	}
	if raw[0] != '{' {
		return Head{}, fmt.Errorf("%w: block %d is not a JSON object: %s", ErrMalformed, want, clip(string(raw)))
	}
	var b blockJSON
	if err := json.Unmarshal(raw, &b); err != nil {
		return Head{}, fmt.Errorf("%w: block %d: %v", ErrMalformed, want, err)
	}
	num, err := decodeQuantity(b.Number, "block number")
	if err != nil {
		return Head{}, err
	}
	if num != want {
		return Head{}, fmt.Errorf("%w: asked for block %d, the L2 node answered block %d", ErrMalformed, want, num)
	}
	hash, err := decodeHash(b.Hash, "block hash")
	if err != nil {
		return Head{}, fmt.Errorf("block %d: %w", want, err)
	}
	// A zero hash is well-formed hex but no block has it; it would be reported to the
	// chain as this validator's view of the L2.
	if hash == (common.Hash{}) {
		return Head{}, fmt.Errorf("%w: block %d has the zero hash", ErrMalformed, want)
	}
	ts, err := decodeQuantity(b.Timestamp, "block timestamp")
	if err != nil {
		return Head{}, fmt.Errorf("block %d: %w", want, err)
	}
	return Head{Height: num, Hash: hash, Time: ts}, nil
}
