package l2sim

import (
	"github.com/ethereum/go-ethereum/common"
	ethtypes "github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
)

// lieTag makes a forged state root: keccak256(lieTag || the real root).
var lieTag = []byte("l2sim/lie")

// liedBlock is block h of the forged chain lie mode serves: the real header with its
// state root altered and its parent hash the forged parent's, so the forged chain
// links (an L2 reader's checks pass) and differs from the real one at every block.
// The seal no longer verifies. The simulator's peers (by User-Agent) are served the
// real chain, so the network stays in sync and only the node's other readers, its
// validator above all, are lied to.
func (n *Node) liedBlock(h uint64) (Block, bool) {
	if _, ok := n.store.At(h); !ok {
		return Block{}, false
	}
	n.lieMu.Lock()
	defer n.lieMu.Unlock()
	if n.lies == nil {
		n.lies = map[uint64]common.Hash{}
	}
	// Forge the parents first (from the lowest height not forged yet), so the
	// parent hash below is known; each height is forged once.
	start := h
	for start > 0 {
		if _, done := n.lies[start-1]; done {
			break
		}
		start--
	}
	var out Block
	for x := start; x <= h; x++ {
		b, ok := n.store.At(x)
		if !ok {
			return Block{}, false
		}
		hd := ethtypes.CopyHeader(b.Header)
		hd.Root = crypto.Keccak256Hash(lieTag, b.Header.Root[:])
		if x > 0 {
			hd.ParentHash = n.lies[x-1]
		}
		out = NewBlock(hd)
		n.lies[x] = out.Hash
	}
	return out, true
}
