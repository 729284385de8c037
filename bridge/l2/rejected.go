package l2

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	ethtypes "github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/rlp"

	epochtypes "github.com/themis-network/themis/x/epoch/types"
)

// Refused blocks: an L2 node may serve the blocks it refused, so that its validator
// can report them (x/epoch's wrong-state-root evidence). The method is themis' own and
// optional: an L2 node without it is followed as before and gives no such evidence.
//
//	themis_rejectedBlocks(from: quantity) -> [{number, hash, header, reason}, ...]
//
// At most MaxRejectedBlocks entries, each a block of height >= from that the node
// refused, oldest first (the newest kept when there are more): number and hash as in
// eth_getBlockByNumber, header the RLP of the whole header (seal included; hash is its
// keccak256), reason a short word ("wrong_state_root").
const (
	MethodRejectedBlocks = "themis_rejectedBlocks"
	// MaxRejectedBlocks bounds one answer.
	MaxRejectedBlocks = 16
	// ReasonWrongStateRoot is the reason of a block refused because its state root is
	// not the one the node computes: the one reason x/epoch takes as evidence.
	ReasonWrongStateRoot = "wrong_state_root"
	// maxReasonLen bounds a reason.
	maxReasonLen = 64
	// codeMethodNotFound is JSON-RPC's "method not found".
	codeMethodNotFound = -32601
)

// ErrUnsupported: the L2 node does not serve the method (JSON-RPC "method not found").
// It is not a failure of the node: it is an L2 that gives no evidence of that kind.
var ErrUnsupported = errors.New("L2 node does not serve this method")

// RejectedBlockJSON is one entry of a themis_rejectedBlocks answer, as served.
type RejectedBlockJSON struct {
	Number hexutil.Uint64 `json:"number"`
	Hash   common.Hash    `json:"hash"`
	Header hexutil.Bytes  `json:"header"`
	Reason string         `json:"reason"`
}

// EncodeRejectedBlock is the entry for header h refused for reason (for the servers
// themis runs: the L2 simulator and tests).
func EncodeRejectedBlock(h *ethtypes.Header, reason string) (RejectedBlockJSON, error) {
	bz, err := rlp.EncodeToBytes(h)
	if err != nil {
		return RejectedBlockJSON{}, err
	}
	return RejectedBlockJSON{Number: hexutil.Uint64(h.Number.Uint64()), Hash: h.Hash(), Header: bz, Reason: reason}, nil
}

// RejectedBlock is one checked entry: the header decodes from RLP canonically, within
// x/epoch's size bound, and is the block number and hash the entry says.
type RejectedBlock struct {
	Header *ethtypes.Header
	Hash   common.Hash
	// RLP is the header's encoding, as x/epoch's report carries it.
	RLP    []byte
	Reason string
}

// Number is the block's height.
func (b RejectedBlock) Number() uint64 { return b.Header.Number.Uint64() }

// RejectedBlocks is themis_rejectedBlocks(from): the blocks of height >= from the node
// refused, oldest first. A node without the method is ErrUnsupported; an answer that is
// not a list of at most MaxRejectedBlocks valid entries is ErrMalformed.
func (c *Client) RejectedBlocks(ctx context.Context, from uint64) ([]RejectedBlock, error) {
	var raw json.RawMessage
	if err := c.call(ctx, &raw, MethodRejectedBlocks, hexutil.Uint64(from)); err != nil {
		var rpcErr *RPCError
		if errors.As(err, &rpcErr) && rpcErr.Code == codeMethodNotFound {
			return nil, fmt.Errorf("%s: %w", MethodRejectedBlocks, ErrUnsupported)
		}
		return nil, err
	}
	out, err := decodeRejectedBlocks(raw, from)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", MethodRejectedBlocks, err)
	}
	return out, nil
}

// decodeRejectedBlocks checks an answer of themis_rejectedBlocks(from).
func decodeRejectedBlocks(raw json.RawMessage, from uint64) ([]RejectedBlock, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || bytes.Equal(raw, []byte("null")) {
		return nil, nil
	}
	if raw[0] != '[' {
		return nil, fmt.Errorf("%w: not a JSON list: %s", ErrMalformed, clip(string(raw)))
	}
	var entries []json.RawMessage
	if err := json.Unmarshal(raw, &entries); err != nil {
		return nil, fmt.Errorf("%w: %s", ErrMalformed, clip(err.Error()))
	}
	if len(entries) > MaxRejectedBlocks {
		return nil, fmt.Errorf("%w: %d entries, at most %d", ErrMalformed, len(entries), MaxRejectedBlocks)
	}
	out := make([]RejectedBlock, 0, len(entries))
	for i, e := range entries {
		b, err := decodeRejectedBlock(e, from)
		if err != nil {
			return nil, fmt.Errorf("entry %d: %w", i, err)
		}
		out = append(out, b)
	}
	return out, nil
}

func decodeRejectedBlock(raw json.RawMessage, from uint64) (RejectedBlock, error) {
	var e struct {
		Number *hexutil.Uint64 `json:"number"`
		Hash   *common.Hash    `json:"hash"`
		Header *hexutil.Bytes  `json:"header"`
		Reason *string         `json:"reason"`
	}
	if err := json.Unmarshal(raw, &e); err != nil {
		return RejectedBlock{}, fmt.Errorf("%w: %s", ErrMalformed, clip(err.Error()))
	}
	if e.Number == nil || e.Hash == nil || e.Header == nil || e.Reason == nil {
		return RejectedBlock{}, fmt.Errorf("%w: number, hash, header and reason are all required", ErrMalformed)
	}
	if n := len(*e.Header); n == 0 || n > epochtypes.MaxRejectedHeaderBytes {
		return RejectedBlock{}, fmt.Errorf("%w: header of %d bytes, want 1 to %d", ErrMalformed, n, epochtypes.MaxRejectedHeaderBytes)
	}
	if r := *e.Reason; r == "" || len(r) > maxReasonLen || strings.ContainsFunc(r, func(c rune) bool { return c < 0x21 || c > 0x7e }) {
		return RejectedBlock{}, fmt.Errorf("%w: reason %q is not a short printable word", ErrMalformed, clip(r))
	}
	var h ethtypes.Header
	if err := rlp.DecodeBytes(*e.Header, &h); err != nil {
		return RejectedBlock{}, fmt.Errorf("%w: header: %s", ErrMalformed, clip(err.Error()))
	}
	if again, err := rlp.EncodeToBytes(&h); err != nil || !bytes.Equal(again, *e.Header) {
		return RejectedBlock{}, fmt.Errorf("%w: header is not the canonical RLP of a go-ethereum header", ErrMalformed)
	}
	if !h.Number.IsUint64() || h.Number.Uint64() != uint64(*e.Number) {
		return RejectedBlock{}, fmt.Errorf("%w: number %d is not the header's %s", ErrMalformed, uint64(*e.Number), clip(h.Number.String()))
	}
	if uint64(*e.Number) < from {
		return RejectedBlock{}, fmt.Errorf("%w: block %d is below the %d asked from", ErrMalformed, uint64(*e.Number), from)
	}
	if computed := h.Hash(); computed != *e.Hash {
		return RejectedBlock{}, fmt.Errorf("%w: hash %s is not the header's %s", ErrMalformed, e.Hash, computed)
	}
	return RejectedBlock{Header: &h, Hash: *e.Hash, RLP: []byte(*e.Header), Reason: *e.Reason}, nil
}
