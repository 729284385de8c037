package l2sim

import (
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
)

// maxFaults bounds the fault log; the oldest observations go first.
const maxFaults = 1000

// Fault is one observation of a bad block served by a peer.
type Fault struct {
	Height     uint64         `json:"height"`
	Peer       string         `json:"peer"`
	Kind       FaultKind      `json:"kind"`
	Producer   common.Address `json:"producer"`
	ProducerID uint64         `json:"producer_id"`
	BlockHash  common.Hash    `json:"block_hash"`
	// OtherHash is the second block of an equivocation (the one we hold or saw first).
	OtherHash  *common.Hash `json:"other_hash,omitempty"`
	Detail     string       `json:"detail"`
	ObservedAt time.Time    `json:"observed_at"`
}

// faultLog keeps observations, once per (height, kind, block): a peer is asked for the
// same bad block every sync tick, and one record of it is enough.
type faultLog struct {
	mu     sync.Mutex
	faults []Fault
	seen   map[faultKey]bool
}

type faultKey struct {
	height uint64
	kind   FaultKind
	block  common.Hash
}

// add records f and reports whether it is new.
func (l *faultLog) add(f Fault) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	key := faultKey{f.Height, f.Kind, f.BlockHash}
	if l.seen[key] {
		return false
	}
	if l.seen == nil {
		l.seen = map[faultKey]bool{}
	}
	if len(l.faults) == maxFaults {
		old := l.faults[0]
		delete(l.seen, faultKey{old.Height, old.Kind, old.BlockHash})
		l.faults = append(l.faults[:0:0], l.faults[1:]...)
	}
	l.seen[key] = true
	l.faults = append(l.faults, f)
	return true
}

// list is a copy of the observations, oldest first.
func (l *faultLog) list() []Fault {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]Fault{}, l.faults...)
}

// maxRejected bounds the refused blocks a node keeps to serve (themis_rejectedBlocks);
// the oldest go first.
const maxRejected = 64

// rejectedLog keeps the blocks this node refused for a wrong state root, once each, in
// the order it refused them: a peer's validator reports them to the chain (x/epoch's
// wrong-state-root evidence). Only wrong_state_root is kept: it is the refusal that
// needs the node's own execution to see; every other fault is visible on chain alone
// (the seal, the schedule) or is not the producer's.
type rejectedLog struct {
	mu     sync.Mutex
	blocks []Block
}

// add keeps b unless it is already kept, and reports whether it is new.
func (l *rejectedLog) add(b Block) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, k := range l.blocks {
		if k.Hash == b.Hash {
			return false
		}
	}
	if len(l.blocks) == maxRejected {
		l.blocks = append(l.blocks[:0:0], l.blocks[1:]...)
	}
	l.blocks = append(l.blocks, b)
	return true
}

// since is up to limit kept blocks of height >= from, oldest refused first; when more
// match, the newest limit.
func (l *rejectedLog) since(from uint64, limit int) []Block {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []Block
	for _, b := range l.blocks {
		if b.Height() >= from {
			out = append(out, b)
		}
	}
	if len(out) > limit {
		out = out[len(out)-limit:]
	}
	return out
}
