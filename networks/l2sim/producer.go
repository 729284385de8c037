package l2sim

import (
	"context"
	"errors"
	"time"
)

// altWindow is how many heights of equivocation twins are kept to serve.
const altWindow = 256

// produceOnce produces the next block if the schedule names this node for it.
func (n *Node) produceOnce(ctx context.Context) {
	if !n.lastProduced.IsZero() && time.Since(n.lastProduced) < n.cfg.BlockInterval {
		return // our blocks stay BlockInterval apart
	}
	head := n.store.Head()
	h := head.Height() + 1
	p, ok, err := n.cfg.Schedule.ProducerAt(ctx, h)
	if err != nil {
		// Producing without knowing the schedule could fork the L2; wait instead.
		if ctx.Err() == nil {
			n.logger.Error("l2sim: cannot ask the schedule; not producing", "height", h, "err", err)
		}
		return
	}
	if !ok || p.Signer != n.signer {
		return
	}
	if n.Mode() == ModeStall {
		n.logger.Debug("l2sim: stalled: not producing a scheduled block", "height", h)
		return
	}
	// Our head may be a block of a producer the chain has since replaced: peers drop
	// such blocks, so building on it would orphan ours. Drop it first (one per tick).
	// "Nobody scheduled" is not a replacement (the chain may have pruned old epochs).
	if head.Height() > 0 {
		hp, ok, err := n.cfg.Schedule.ProducerAt(ctx, head.Height())
		if err != nil {
			return
		}
		if ok && !isProducer(&head, hp) {
			if err := n.store.TruncateAbove(head.Height()-1, head.Hash); err == nil {
				n.logger.Info("l2sim: dropped our head: its producer is no longer scheduled", "height", head.Height(), "hash", head.Hash)
			}
			return
		}
	}
	b, err := n.build(head, p, 0)
	if err != nil {
		n.logger.Error("l2sim: cannot build block", "height", h, "err", err)
		return
	}
	if err := n.store.Append(b); err != nil {
		if !errors.Is(err, ErrStaleChain) {
			n.logger.Error("l2sim: cannot store produced block", "height", h, "err", err)
		}
		return
	}
	n.lastProduced = time.Now()
	n.logger.Info("l2sim: produced block", "height", h, "hash", b.Hash, "epoch", p.EpochID, "mode", n.Mode())
	if n.Mode() == ModeEquivocate {
		twin, err := n.build(head, p, 1)
		if err != nil {
			n.logger.Error("l2sim: cannot build the equivocating twin", "height", h, "err", err)
			return
		}
		n.altMu.Lock()
		n.alts[h] = twin
		delete(n.alts, h-altWindow)
		n.altMu.Unlock()
		n.logger.Info("l2sim: equivocating: signed a second block", "height", h, "hash", twin.Hash)
	}
}

// build makes and seals the block after parent for producer p. variant 1 is an
// equivocation's second block: other transactions (so another tx root and hash), still
// a correct state root and the same timestamp, so the only thing wrong with the pair is
// that both exist.
func (n *Node) build(parent Block, p Producer, variant uint8) (Block, error) {
	ts := max(uint64(n.cfg.Now().Unix()), parent.Time()) // monotonic even if the clock steps back
	txRoot := TxRoot(parent.Height()+1, n.signer, variant)
	stateRoot := StateRoot(parent.StateRoot(), txRoot)
	if n.Mode() == ModeWrongResult {
		stateRoot = wrongStateRoot(parent.StateRoot(), txRoot)
	}
	return SealBlock(ChildHeader(parent, n.signer, ts, txRoot, stateRoot), p.SequencerID, p.EpochID, n.cfg.ChainID, n.key)
}

// servedBlock is the block eth_getBlockByNumber answers for height h. While the node
// equivocates, every other call for a height with a twin gets the twin, so peers polling
// it see two signed blocks for one height. While it lies, every reader but its peers
// (toPeer) gets the forged chain.
func (n *Node) servedBlock(h uint64, toPeer bool) (Block, bool) {
	if n.Mode() == ModeEquivocate {
		n.altMu.Lock()
		twin, ok := n.alts[h]
		n.altMu.Unlock()
		if ok && n.altServe.Add(1)%2 == 0 {
			return twin, true
		}
	}
	if n.Mode() == ModeLie && !toPeer {
		return n.liedBlock(h)
	}
	return n.store.At(h)
}
