package l2sim

import "fmt"

// FaultKind names what is wrong with a block a peer served.
type FaultKind string

// The kinds of fault a node records. The first five are the producer faults the chain
// must detect; malformed and bad_timestamp are answers that are broken rather than
// misbehaving, recorded so a broken peer is visible too. malformed is what the L2
// reader (bridge/l2) refuses before a block exists: a served hash that is not its
// header's, another block than the one asked for, a field missing or not hex.
const (
	FaultBadSignature   FaultKind = "bad_signature"
	FaultWrongProducer  FaultKind = "wrong_producer"
	FaultWrongStateRoot FaultKind = "wrong_state_root"
	FaultEquivocation   FaultKind = "equivocation"
	FaultBadParent      FaultKind = "bad_parent"
	FaultMalformed      FaultKind = "malformed"
	FaultBadTimestamp   FaultKind = "bad_timestamp"
)

// VerifyError is a failed block check with its fault kind.
type VerifyError struct {
	Kind FaultKind
	Err  error
}

func (e *VerifyError) Error() string { return fmt.Sprintf("%s: %v", e.Kind, e.Err) }
func (e *VerifyError) Unwrap() error { return e.Err }

// VerifyBlock runs every check a node makes before accepting b on top of parent when p
// is the producer the schedule names for b's height.
func VerifyBlock(b, parent *Block, p Producer) error {
	if err := checkSealed(b, p); err != nil {
		return err
	}
	if err := checkExtends(b, parent); err != nil {
		return err
	}
	return nil // not checkExtends' typed nil: that would be a non-nil error
}

// checkSealed: the seal is the miner's signature, and the producer it names (signer and
// sequencer id) is the scheduled one. These hold or fail whatever our own chain looks
// like. (That the hash is the header's is not checked here: a Block's hash is computed,
// never taken from a peer; the reader refuses a peer's block whose served hash differs.)
func checkSealed(b *Block, p Producer) *VerifyError {
	seal, err := b.Seal()
	if err != nil {
		return &VerifyError{FaultBadSignature, err}
	}
	if !p.Covers(b.Height()) {
		return &VerifyError{FaultWrongProducer, fmt.Errorf("block %d is outside the epoch %d given for it", b.Height(), p.EpochID)}
	}
	if seal.Signer != p.Signer || seal.ProducerID != p.SequencerID {
		return &VerifyError{FaultWrongProducer, fmt.Errorf("block %d is by sequencer %d (%s); the schedule names %s",
			b.Height(), seal.ProducerID, seal.Signer, describeProducer(p))}
	}
	return nil
}

// checkExtends: b is the child of parent, no older than it, and its state root is the
// one every node computes from the parent's.
func checkExtends(b, parent *Block) *VerifyError {
	if b.Height() != parent.Height()+1 || b.ParentHash() != parent.Hash {
		return &VerifyError{FaultBadParent, fmt.Errorf("block %d names parent %s, the block at %d is %s",
			b.Height(), b.ParentHash(), parent.Height(), parent.Hash)}
	}
	if b.Time() < parent.Time() {
		return &VerifyError{FaultBadTimestamp, fmt.Errorf("block %d is timestamped %d, before its parent's %d", b.Height(), b.Time(), parent.Time())}
	}
	if want := StateRoot(parent.StateRoot(), b.TxRoot()); b.StateRoot() != want {
		return &VerifyError{FaultWrongStateRoot, fmt.Errorf("block %d commits to state root %s, the correct one is %s", b.Height(), b.StateRoot(), want)}
	}
	return nil
}
