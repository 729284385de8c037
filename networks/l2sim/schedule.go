package l2sim

import (
	"context"
	"fmt"

	"github.com/ethereum/go-ethereum/common"
)

// Producer is one epoch of the schedule: sequencer SequencerID, whose signer key has
// address Signer, produces L2 heights StartHeight..EndHeight.
type Producer struct {
	EpochID     uint64
	SequencerID uint64
	Signer      common.Address
	StartHeight uint64
	EndHeight   uint64
}

// Covers reports whether height lies in the epoch. An EndHeight of 0 means the epoch
// has no end yet (it runs until a later epoch replaces it).
func (p Producer) Covers(height uint64) bool {
	return height >= p.StartHeight && (p.EndHeight == 0 || height <= p.EndHeight)
}

// Schedule says who may produce an L2 height. ok is false when nobody is scheduled
// (yet); the node then neither produces nor accepts a block at that height. It is asked
// again every time: the chain may replace a stalled producer from some height on, so an
// answer can change.
type Schedule interface {
	ProducerAt(ctx context.Context, height uint64) (p Producer, ok bool, err error)
}

// isProducer reports whether b carries a valid seal of the scheduled producer p.
func isProducer(b *Block, p Producer) bool {
	seal, err := b.Seal()
	return err == nil && seal.Signer == p.Signer && seal.ProducerID == p.SequencerID && seal.EpochID == p.EpochID
}

func describeProducer(p Producer) string {
	return fmt.Sprintf("sequencer %d (%s, epoch %d)", p.SequencerID, p.Signer, p.EpochID)
}
