//go:build e2e

package e2e

import (
	"context"
	"encoding/base64"
	"encoding/hex"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// l2PollInterval is how often the observer reads the L2 nodes.
const l2PollInterval = 200 * time.Millisecond

// l2Seen is one L2 block as an L2 node first served it: made no later than at (when it
// was read) and no earlier than after (the start of the observer's round before, which
// read the producer's own L2 node without it; zero in the first round). Failover is
// measured from after to at: never shorter than it was.
type l2Seen struct {
	hash, miner string
	after, at   time.Time
}

// l2Observer records every L2 block any L2 node serves, the first time it is seen:
// the evidence, independent of the chain's own account, of who produced and when.
type l2Observer struct {
	mu     sync.Mutex
	blocks map[uint64][]l2Seen // by height; more than one only across an L2 fork
}

func newL2Observer() *l2Observer { return &l2Observer{blocks: map[uint64][]l2Seen{}} }

func (o *l2Observer) add(h uint64, b l2Seen) {
	o.mu.Lock()
	defer o.mu.Unlock()
	for _, x := range o.blocks[h] {
		if x.hash == b.hash {
			return
		}
	}
	o.blocks[h] = append(o.blocks[h], b)
}

// has reports whether the block hash at height h is recorded.
func (o *l2Observer) has(h uint64, hash string) bool {
	o.mu.Lock()
	defer o.mu.Unlock()
	for _, b := range o.blocks[h] {
		if b.hash == hash {
			return true
		}
	}
	return false
}

// firstSeen returns the first sighting of a block at height h by miner (any miner if "").
func (o *l2Observer) firstSeen(h uint64, miner string) (l2Seen, bool) {
	o.mu.Lock()
	defer o.mu.Unlock()
	for _, b := range o.blocks[h] {
		if miner == "" || b.miner == miner {
			return b, true
		}
	}
	return l2Seen{}, false
}

// heights returns the heights seen, in order.
func (o *l2Observer) heights() []uint64 {
	o.mu.Lock()
	defer o.mu.Unlock()
	hs := make([]uint64, 0, len(o.blocks))
	for h := range o.blocks {
		hs = append(hs, h)
	}
	sort.Slice(hs, func(i, j int) bool { return hs[i] < hs[j] })
	return hs
}

// sightings returns every block seen at height h (more than one across an L2 fork).
func (o *l2Observer) sightings(h uint64) []l2Seen {
	o.mu.Lock()
	defer o.mu.Unlock()
	return append([]l2Seen(nil), o.blocks[h]...)
}

// lastBy returns when the newest block by miner seen no later than before was first
// seen.
func (o *l2Observer) lastBy(miner string, before time.Time) (uint64, time.Time, bool) {
	o.mu.Lock()
	defer o.mu.Unlock()
	var (
		height uint64
		at     time.Time
		found  bool
	)
	for h, bs := range o.blocks {
		for _, b := range bs {
			if b.miner == miner && !b.at.After(before) && (!found || b.at.After(at)) {
				height, at, found = h, b.at, true
			}
		}
	}
	return height, at, found
}

// observeL2 polls every L2 node until ctx ends and records each new block it serves.
func (s *soak) observeL2(ctx context.Context) {
	tick := time.NewTicker(l2PollInterval)
	defer tick.Stop()
	var before time.Time // the previous round's start
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		round := time.Now()
		for _, n := range s.ln.Nodes {
			head, ok := L2Head(n) // a killed L2 node does not answer
			if !ok {
				continue
			}
			// Down from the head while the blocks are new: a block replacing a fork's
			// at a height already seen is recorded too.
			for h := head; h > 0 && head-h < 20; h-- {
				b, ok := L2BlockAt(n, h)
				if !ok || s.l2.has(h, b.Hash) {
					break
				}
				s.l2.add(h, l2Seen{hash: b.Hash, miner: b.Miner, after: before, at: time.Now()})
			}
		}
		before = round
	}
}

// appHashes records each node's own app hash (abci_info) at each height it reports:
// a node whose state diverged reports its own hash here, where a block header would
// only repeat the consensus one.
type appHashes struct {
	byHeight map[int64]string
	node     map[int64]int     // which node first reported it
	lastMove map[int]time.Time // when each node was last within 5 blocks of the top
}

func newAppHashes() *appHashes {
	return &appHashes{byHeight: map[int64]string{}, node: map[int64]int{}, lastMove: map[int]time.Time{}}
}

// abciInfo returns the node's last committed height and its app hash.
func abciInfo(n *Node) (int64, string, error) {
	var res struct {
		Result struct {
			Response struct {
				Height  string `json:"last_block_height"`
				AppHash string `json:"last_block_app_hash"`
			} `json:"response"`
		} `json:"result"`
	}
	if err := GetJSON(n.RPC+"/abci_info", &res); err != nil {
		return 0, "", err
	}
	h, err := strconv.ParseInt(res.Result.Response.Height, 10, 64)
	if err != nil {
		return 0, "", err
	}
	raw, err := base64.StdEncoding.DecodeString(res.Result.Response.AppHash)
	if err != nil {
		return 0, "", err
	}
	return h, strings.ToUpper(hex.EncodeToString(raw)), nil
}
