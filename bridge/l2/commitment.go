package l2

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/rpc"
)

const (
	// MaxRangeBlocks bounds one range read: an epoch (default 1,000 blocks) with room.
	MaxRangeBlocks = 10_000
	// rangeBatch is how many blocks one JSON-RPC batch asks for: a batch of full
	// blocks of hashes stays far below MaxResponseBytes, and below the batch limit
	// nodes apply (geth: 1,000 items).
	rangeBatch = 32
)

// RangeCommitment is what a run of L2 blocks from From to To commits to: the fields an
// L2 state batch carries to L1 (the batch inbox's l2Start, l2End, stateRoot, txRoot)
// and the two hashes that pin the run into the L2 chain.
type RangeCommitment struct {
	From, To uint64
	// ParentHash is the hash of block From-1 as block From names it.
	ParentHash common.Hash
	// LastHash is block To's hash.
	LastHash common.Hash
	// StateRoot is block To's state root: the L2 state after the run.
	StateRoot common.Hash
	// TxRoot is the MerkleRoot of the blocks' transactions roots, From to To in order.
	TxRoot common.Hash
}

// CommitRange computes the commitment of blocks, which must be consecutive and each the
// child of the one before it.
func CommitRange(blocks []Block) (RangeCommitment, error) {
	if len(blocks) == 0 {
		return RangeCommitment{}, fmt.Errorf("an empty range commits to nothing")
	}
	txRoots := make([]common.Hash, len(blocks))
	for i, b := range blocks {
		if i > 0 {
			if err := extends(b, blocks[i-1]); err != nil {
				return RangeCommitment{}, err
			}
		}
		txRoots[i] = b.Header.TxHash
	}
	first, last := blocks[0], blocks[len(blocks)-1]
	return RangeCommitment{
		From: first.Number(), To: last.Number(), ParentHash: first.Header.ParentHash, LastHash: last.Hash,
		StateRoot: last.Header.Root, TxRoot: MerkleRoot(txRoots),
	}, nil
}

// RangeCommitment reads blocks from..to and commits to them. A node that changes its
// chain during the read, or serves blocks that do not link, gets an ErrMalformed error;
// the caller may read again.
func (c *Client) RangeCommitment(ctx context.Context, from, to uint64) (RangeCommitment, error) {
	blocks, err := c.Range(ctx, from, to)
	if err != nil {
		return RangeCommitment{}, err
	}
	return CommitRange(blocks)
}

// Range reads blocks from..to (inclusive, at most MaxRangeBlocks) in JSON-RPC batches,
// each within the request timeout; ctx bounds the whole read. Every block is checked as
// BlockByNumber checks it, and each must be the child of the one before (ErrMalformed
// otherwise: the node changed its chain during the read, or serves a spliced one). A
// batch whose answer is over the size limit (blocks with thousands of transactions) is
// asked again in halves, down to one block. A block the node does not have is
// ErrNoBlock.
//
// The range is only as good as the node: a lying node can serve a stale fork that links.
// A caller that judges a batch anchors it: LastHash (or a later block's ancestry) must
// be a hash the chain agreed on.
func (c *Client) Range(ctx context.Context, from, to uint64) ([]Block, error) {
	if to < from || to-from >= MaxRangeBlocks {
		return nil, fmt.Errorf("L2 range %d..%d: want from <= to and at most %d blocks", from, to, MaxRangeBlocks)
	}
	blocks := make([]Block, 0, to-from+1)
	size := uint64(rangeBatch)
	for start := from; start <= to; {
		end := min(to, start+size-1)
		part, err := c.batchBlocks(ctx, start, end)
		if errors.Is(err, errTooLarge) && end > start {
			size = max(1, (end-start+1)/2)
			continue
		}
		if err != nil {
			return nil, err
		}
		for _, b := range part {
			if n := len(blocks); n > 0 {
				if err := extends(b, blocks[n-1]); err != nil {
					return nil, err
				}
			}
			blocks = append(blocks, b)
		}
		start = end + 1
	}
	return blocks, nil
}

// extends checks that b is the child of prev.
func extends(b, prev Block) error {
	if b.Number() != prev.Number()+1 || b.Header.ParentHash != prev.Hash {
		return fmt.Errorf("%w: block %d (parent %s) does not extend block %d (%s)",
			ErrMalformed, b.Number(), b.Header.ParentHash, prev.Number(), prev.Hash)
	}
	return nil
}

// batchBlocks reads blocks start..end in one batch.
func (c *Client) batchBlocks(ctx context.Context, start, end uint64) ([]Block, error) {
	raws := make([]json.RawMessage, end-start+1)
	elems := make([]rpc.BatchElem, len(raws))
	for i := range elems {
		elems[i] = rpc.BatchElem{Method: "eth_getBlockByNumber", Args: []any{hexutil.Uint64(start + uint64(i)), false}, Result: &raws[i]}
	}
	callCtx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	if err := c.rpc.BatchCallContext(callCtx, elems); err != nil {
		return nil, fmt.Errorf("eth_getBlockByNumber batch %d..%d: %w", start, end, describe(err))
	}
	out := make([]Block, len(raws))
	for i, e := range elems {
		n := start + uint64(i)
		if e.Error != nil {
			return nil, fmt.Errorf("eth_getBlockByNumber(%d): %w", n, describe(e.Error))
		}
		b, err := decodeBlock(raws[i], n)
		if err != nil {
			return nil, fmt.Errorf("eth_getBlockByNumber: %w", err)
		}
		out[i] = b
	}
	return out, nil
}
