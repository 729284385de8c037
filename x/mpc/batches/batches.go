// Package batches decides the L2 state batches the pool posts to the L1 batch inbox:
// which range comes next (from the chain's agreed L2 head alone) and which
// commitment to it more than 2/3 of the power vouched for (each validator computes it
// from its own L2 node). Nobody proposes a batch's content: a validator can only
// report what its L2 node says, so one validator with a wrong root is simply outvoted
// and nothing it reports is ever signed.
package batches

import (
	"bytes"
	"errors"
	"fmt"
	"math/big"
	"sort"
)

// ErrBadRange is a range that cannot be a batch.
var ErrBadRange = errors.New("invalid batch range")

// Range is the L2 blocks of one batch, both ends included; Index is its place in the
// inbox's gap-free chain.
type Range struct {
	Index uint64
	Start uint64
	End   uint64
}

// Validate checks the range's shape.
func (r Range) Validate() error {
	if r.End < r.Start {
		return fmt.Errorf("%w: end %d before start %d", ErrBadRange, r.End, r.Start)
	}
	return nil
}

// Len is the number of blocks in the range.
func (r Range) Len() uint64 { return r.End - r.Start + 1 }

// Next is the batch after the last one: it starts at nextStart, ends at most margin
// blocks below the agreed head, holds at most maxBlocks, and is due only when at
// least minBlocks are available (the cadence in L2 blocks).
func Next(index, nextStart, agreedHead, margin, minBlocks, maxBlocks uint64) (Range, bool) {
	if minBlocks == 0 || maxBlocks < minBlocks || agreedHead < margin {
		return Range{}, false
	}
	top := agreedHead - margin
	if top < nextStart || top-nextStart+1 < minBlocks {
		return Range{}, false
	}
	end := top
	if end-nextStart+1 > maxBlocks {
		end = nextStart + maxBlocks - 1
	}
	return Range{Index: index, Start: nextStart, End: end}, true
}

// Commitment is what the inbox records of a batch (the state root after its last
// block, the root over its blocks' transaction roots, as bridge/l2's CommitRange
// computes them from a validator's own L2 node) and EndHash, the last block's hash,
// which pins the exact chain of blocks the validator saw.
type Commitment struct {
	StateRoot [32]byte
	TxRoot    [32]byte
	EndHash   [32]byte
}

// Vote is one validator's commitment for a range (nil: it could not tell).
type Vote struct {
	Power      int64
	Commitment *Commitment
}

// Tally finds the commitment more than 2/3 of total power reported. Votes for other
// commitments and missing votes count against it; the result does not depend on the
// votes' order.
func Tally(votes []Vote, total int64) (Commitment, bool) {
	if total <= 0 {
		return Commitment{}, false
	}
	type bucket struct {
		c     Commitment
		power *big.Int
	}
	var buckets []bucket
	for _, v := range votes {
		if v.Commitment == nil || v.Power <= 0 {
			continue
		}
		found := false
		for i := range buckets {
			if buckets[i].c == *v.Commitment {
				buckets[i].power.Add(buckets[i].power, big.NewInt(v.Power))
				found = true
				break
			}
		}
		if !found {
			buckets = append(buckets, bucket{c: *v.Commitment, power: big.NewInt(v.Power)})
		}
	}
	sort.Slice(buckets, func(i, j int) bool { return bytes.Compare(key(buckets[i].c), key(buckets[j].c)) < 0 })
	limit := new(big.Int).Mul(big.NewInt(total), big.NewInt(2))
	for _, b := range buckets {
		if new(big.Int).Mul(b.power, big.NewInt(3)).Cmp(limit) > 0 {
			return b.c, true
		}
	}
	return Commitment{}, false
}

func key(c Commitment) []byte {
	return append(append(append([]byte{}, c.StateRoot[:]...), c.TxRoot[:]...), c.EndHash[:]...)
}
