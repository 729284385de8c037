package l2client

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"

	"github.com/cosmos/cosmos-sdk/types/query"
	"github.com/ethereum/go-ethereum/common"

	mpctypes "github.com/themis-network/themis/x/mpc/types"
)

// PoolAddress is the L1 address of the pool's threshold key: the sender of every batch
// and pool call on L1. It changes only when governance replaces a lost key (resharing
// keeps it), so a submitter may cache it and refresh it on ErrNoPoolKey.
func (c *Client) PoolAddress(ctx context.Context) (common.Address, error) {
	res, err := c.mpc.PoolKey(ctx, &mpctypes.QueryPoolKeyRequest{})
	if err != nil {
		return common.Address{}, notFoundAs(err, ErrNoPoolKey)
	}
	if !common.IsHexAddress(res.PoolKey.Address) {
		return common.Address{}, fmt.Errorf("l2client: the pool key's address %q is not an address", res.PoolKey.Address)
	}
	return common.HexToAddress(res.PoolKey.Address), nil
}

// Batch is an L2 batch the pool signed and the L1 batch inbox accepted.
type Batch struct {
	Index      uint64
	L2Start    uint64
	L2End      uint64
	PoolTx     uint64
	L1TxHash   common.Hash
	L1Block    uint64
	AcceptedAt int64 // themis height that saw it land
	Commitment mpctypes.BatchCommitment
}

// pageSize bounds one answer; the node caps pages too.
const pageSize = 100

// AcceptedBatches is every accepted batch from index from on (the first batch is 0), in
// index order: a submitter that knows batches up to i resumes with from = i+1.
func (c *Client) AcceptedBatches(ctx context.Context, from uint64) ([]Batch, error) {
	var out []Batch
	// Batches are kept by index (a big-endian uint64 key): the first page starts at from.
	key := binary.BigEndian.AppendUint64(nil, from)
	for {
		res, err := c.mpc.AcceptedBatches(ctx, &mpctypes.QueryAcceptedBatchesRequest{Pagination: &query.PageRequest{Key: key, Limit: pageSize}})
		if err != nil {
			return nil, err
		}
		for _, b := range res.Batches {
			if b.Index < from {
				continue
			}
			var commitment mpctypes.BatchCommitment
			if b.Commitment != nil {
				commitment = *b.Commitment
			}
			out = append(out, Batch{Index: b.Index, L2Start: b.L2Start, L2End: b.L2End, PoolTx: b.PoolTx,
				L1TxHash: common.BytesToHash(b.TxHash), L1Block: b.L1Block, AcceptedAt: b.AcceptedHeight, Commitment: commitment})
		}
		if res.Pagination == nil || len(res.Pagination.NextKey) == 0 {
			return out, nil
		}
		// Keys are big-endian indexes: each page must move forward, or a node that
		// answers the same page again would keep the loop going for ever.
		if bytes.Compare(res.Pagination.NextKey, key) <= 0 {
			return nil, fmt.Errorf("l2client: the node's next page key %x does not move past %x", res.Pagination.NextKey, key)
		}
		key = res.Pagination.NextKey
	}
}
