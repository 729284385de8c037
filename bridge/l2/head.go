package l2

import (
	"time"

	"github.com/ethereum/go-ethereum/common"
)

// Head is an L2 block as the watcher last saw it at the top of the L2 node's chain.
type Head struct {
	Height uint64
	Hash   common.Hash
	// Time is the L2 block's own timestamp (unix seconds), as the L2 node reports it.
	Time uint64
	// ObservedAt is the local time this head (height and hash) was first seen. It is
	// reset whenever the head changes, including to a lower or same-height block after
	// an L2 reorg, so now - ObservedAt is how long the L2 has not moved.
	ObservedAt time.Time
}

// Status is everything the watcher knows, read in one atomic load (for health and
// metrics).
type Status struct {
	Head    Head
	HasHead bool
	// LastSuccess is the time of the last poll that read and accepted a head.
	LastSuccess time.Time
	// LastError is the error of the last poll if it failed (nil after a success);
	// LastErrorAt is when it happened.
	LastError   error
	LastErrorAt time.Time
	// PollErrors counts failed polls since the watcher was made.
	PollErrors uint64
	// Highest is the highest head height seen since the watcher was made, and
	// HighestAt when it was first seen. Unlike Head.ObservedAt, which restarts on any
	// change, they move only forward: a load balancer flipping between two stalled
	// nodes changes the head on every poll but never raises Highest.
	Highest   uint64
	HighestAt time.Time
	// Rejected are the newest blocks the L2 node refused for a wrong state root whose
	// seal verifies (x/epoch's evidence), newest first, at most MaxRejectedKept.
	Rejected []RejectedBlock
	// RejectedUnsupported: the L2 node does not serve themis_rejectedBlocks.
	RejectedUnsupported bool
	// RejectedError is the last error asking for them (nil after a success).
	RejectedError error
}
