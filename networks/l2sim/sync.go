package l2sim

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/themis-network/themis/bridge/l2"
)

// syncOnce pulls new blocks from every peer in turn.
func (n *Node) syncOnce(ctx context.Context) {
	for _, p := range *n.peers.Load() {
		if ctx.Err() != nil {
			return
		}
		n.syncFrom(ctx, p)
	}
}

// syncFrom takes the blocks above our head from one peer, verifying each. A block that
// does not link to our chain starts fork resolution.
func (n *Node) syncFrom(ctx context.Context, p *peerClient) {
	peerHead, err := p.blockNumber(ctx)
	if err != nil {
		n.logger.Debug("l2sim: peer unreachable", "peer", p.url, "err", err)
		return
	}
	head := n.store.Head()
	// A different block at our own head height is a fork or an equivocation; looking at
	// it every tick is how a node notices a producer that signed two blocks.
	// Whether or not we switch here, the blocks above are still worth fetching: a longer
	// branch on top of the peer's block wins below even when this one alone did not.
	if head.Height() > 0 && peerHead >= head.Height() {
		pb, found := n.fetch(ctx, p, head.Height())
		if found && pb.Hash != head.Hash && n.resolveFork(ctx, p, pb) {
			head = n.store.Head()
		}
	}
	for taken := 0; head.Height() < peerHead && taken < maxSyncBatch; taken++ {
		h := head.Height() + 1
		pb, found := n.fetch(ctx, p, h)
		if !found {
			return
		}
		sched, ok := n.scheduled(ctx, h)
		if !ok {
			return
		}
		if verr := checkSealed(&pb, sched); verr != nil {
			n.recordFault(p.url, &pb, verr, nil)
			return
		}
		if pb.ParentHash() != head.Hash {
			if !n.resolveFork(ctx, p, pb) {
				return
			}
			head = n.store.Head()
			continue
		}
		if verr := checkExtends(&pb, &head); verr != nil {
			n.recordFault(p.url, &pb, verr, nil)
			return
		}
		if err := n.store.Append(pb); err != nil {
			if !errors.Is(err, ErrStaleChain) {
				n.logger.Error("l2sim: cannot store synced block", "height", h, "err", err)
			}
			return
		}
		head = pb
	}
}

// scheduled asks the schedule for height h; ok is false when it cannot say (error, or
// nobody scheduled yet), and then no block at h may be accepted.
func (n *Node) scheduled(ctx context.Context, h uint64) (Producer, bool) {
	p, ok, err := n.cfg.Schedule.ProducerAt(ctx, h)
	if err != nil {
		if ctx.Err() == nil {
			n.logger.Error("l2sim: cannot ask the schedule; not syncing", "height", h, "err", err)
		}
		return Producer{}, false
	}
	if !ok {
		n.logger.Debug("l2sim: nobody scheduled yet; not accepting a block", "height", h)
	}
	return p, ok
}

// resolveFork handles a peer block top that does not fit our chain: another block at a
// height we have, or one whose parent is not our block below it. It walks the peer's
// chain down to the block both chains share, verifies the peer's branch above it, and
// switches to that branch when:
//   - our first block above the shared one is no longer valid (its producer was
//     replaced from that height on, or it commits to a wrong state root), or
//   - both first blocks are validly signed by the scheduled producer (an equivocation,
//     which is recorded) and the peer's branch is longer: producers build on one of the
//     two, and the longer branch is the one built on.
//
// It reports whether our chain now ends in the peer's branch.
func (n *Node) resolveFork(ctx context.Context, p *peerClient, top Block) bool {
	branch := []Block{top} // highest first until reversed
	scheds := []Producer{}
	var fork Block
	for {
		b := &branch[len(branch)-1]
		sched, ok := n.scheduled(ctx, b.Height())
		if !ok {
			return false
		}
		if verr := checkSealed(b, sched); verr != nil {
			n.recordFault(p.url, b, verr, nil)
			return false
		}
		scheds = append(scheds, sched)
		if ours, ok := n.store.At(b.Height() - 1); ok && ours.Hash == b.ParentHash() {
			fork = ours
			break
		}
		if b.Height() == 1 {
			n.recordFault(p.url, b, &VerifyError{FaultBadParent, errors.New("block 1 does not build on our genesis: the peer is on another L2 chain")}, nil)
			return false
		}
		if uint64(len(branch)) >= n.cfg.MaxReorgDepth {
			n.recordFault(p.url, &top, &VerifyError{FaultBadParent, fmt.Errorf(
				"block %d does not lead back to our chain within %d blocks", top.Height(), n.cfg.MaxReorgDepth)}, nil)
			return false
		}
		prev, ok := n.fetchParent(ctx, p, b)
		if !ok {
			return false
		}
		branch = append(branch, prev)
	}
	slices.Reverse(branch)
	slices.Reverse(scheds)
	parent := fork
	for i := range branch {
		if verr := checkExtends(&branch[i], &parent); verr != nil {
			n.recordFault(p.url, &branch[i], verr, nil)
			return false
		}
		parent = branch[i]
	}

	ourHead := n.store.Head()
	first := branch[0]
	ours, ok := n.store.At(first.Height())
	var reason string
	switch {
	case !ok || ourHead.Height() == fork.Height():
		reason = "extends our chain"
	case !isProducer(&ours, scheds[0]):
		reason = "our block's producer is no longer scheduled (replaced)"
	case checkExtends(&ours, &fork) != nil:
		reason = "our block commits to a wrong state root"
	default:
		// Both are the scheduled producer's, validly signed, different: equivocation.
		n.recordFault(p.url, &first, &VerifyError{FaultEquivocation,
			fmt.Errorf("sequencer %d signed two blocks at height %d: %s and %s", first.ProducerID(), first.Height(), first.Hash, ours.Hash)}, &ours)
		if top.Height() <= ourHead.Height() {
			return false
		}
		reason = "equivocation: the peer's branch is longer"
	}
	if err := n.store.Reorg(fork.Height(), fork.Hash, ourHead.Hash, branch); err != nil {
		if !errors.Is(err, ErrStaleChain) {
			n.logger.Error("l2sim: cannot store the peer's branch", "err", err)
		}
		return false
	}
	if ourHead.Height() > fork.Height() {
		n.logger.Info("l2sim: reorg", "peer", p.url, "fork_height", fork.Height(), "dropped", ourHead.Height()-fork.Height(),
			"new_head", top.Height(), "hash", top.Hash, "reason", reason)
	}
	return true
}

// fetchParent asks the peer for b's parent. An equivocating peer hands out its two
// blocks in turn, so a block that does not match is asked for once more; if it still
// does not match, the peer's chain changed under us and the next tick tries again.
func (n *Node) fetchParent(ctx context.Context, p *peerClient, b *Block) (Block, bool) {
	for range 2 {
		prev, found := n.fetch(ctx, p, b.Height()-1)
		if !found {
			return Block{}, false
		}
		if prev.Hash == b.ParentHash() {
			return prev, true
		}
	}
	n.logger.Debug("l2sim: peer's blocks do not link; retrying later", "peer", p.url, "height", b.Height())
	return Block{}, false
}

// fetch asks the peer for its block at height h. found is false when it has none or
// the call failed; an answer the reader refuses as malformed is recorded as a fault.
func (n *Node) fetch(ctx context.Context, p *peerClient, h uint64) (Block, bool) {
	b, found, err := p.blockAt(ctx, h)
	switch {
	case errors.Is(err, l2.ErrMalformed):
		n.keepFault(Fault{Height: h, Peer: p.url, Kind: FaultMalformed, Detail: err.Error(), ObservedAt: time.Now().UTC()})
	case err != nil:
		n.logger.Debug("l2sim: cannot fetch block from peer", "peer", p.url, "height", h, "err", err)
	}
	return b, err == nil && found
}

// recordFault logs and keeps an observation of a bad block (other: our conflicting
// block, for an equivocation). The producer id is the seal's, 0 when the seal is bad.
func (n *Node) recordFault(peer string, b *Block, verr *VerifyError, other *Block) {
	f := Fault{
		Height: b.Height(), Peer: peer, Kind: verr.Kind, Producer: b.Producer(), ProducerID: b.ProducerID(),
		BlockHash: b.Hash, Detail: verr.Err.Error(), ObservedAt: time.Now().UTC(),
	}
	if other != nil {
		h := other.Hash
		f.OtherHash = &h
	}
	n.keepFault(f)
	// A wrong state root is checked after the seal and the schedule (checkSealed comes
	// first everywhere), so the block is the scheduled producer's: serve it as evidence.
	if verr.Kind == FaultWrongStateRoot {
		n.rejected.add(*b)
	}
}

// keepFault logs f the first time it is seen.
func (n *Node) keepFault(f Fault) {
	if n.faults.add(f) {
		n.logger.Error("l2sim: fault observed", "kind", f.Kind, "height", f.Height, "peer", f.Peer,
			"producer", f.Producer, "producer_id", f.ProducerID, "block", f.BlockHash, "detail", f.Detail)
	}
}
