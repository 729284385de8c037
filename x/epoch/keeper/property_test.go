package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/themis-network/themis/x/epoch/types"
)

// TestScheduleProperties drives the chain through random faults (stalls, L2 nodes
// going down and coming back, validators offline, removals) and checks after every
// block: the live schedule is contiguous and validates; a stall or removal epoch never
// draws the producer it replaces; every epoch's producer was active and ready; the
// agreed head never goes back; the chain never stops deciding while someone is ready.
func TestScheduleProperties(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		powers := rapid.SliceOfN(rapid.Int64Range(1, 100), 2, 6).Draw(rt, "powers")
		c := newChain(t, powers...)
		c.block(time.Second)
		var lastHead uint64
		seen := 0
		steps := rapid.IntRange(10, 80).Draw(rt, "steps")
		for range steps {
			switch rapid.IntRange(0, 9).Draw(rt, "action") {
			case 0, 1, 2, 3, 4:
				c.produce(rapid.Uint64Range(1, 3).Draw(rt, "blocks"))
			case 5:
				n := c.nodes[rapid.IntRange(0, len(c.nodes)-1).Draw(rt, "l2-toggle")]
				n.hasL2 = !n.hasL2
				if n.hasL2 { // it comes back synced from its peers
					n.head = c.bestHead()
				}
			case 6:
				// stand still this block (the producer stalls)
			case 7:
				c.run(6, false) // a whole stall_threshold
			}
			c.block(time.Second)

			c.checkInvariants()
			p := c.progress()
			require.GreaterOrEqual(t, p.Height, lastHead, "agreed head went back")
			lastHead = p.Height
			epochs := c.epochs()
			var lastEnd uint64
			for _, e := range epochs { // honest L2 nodes: the live schedule has no gap
				if e.Cancelled {
					continue
				}
				if lastEnd != 0 {
					require.Equal(t, lastEnd+1, e.StartHeight, "gap before epoch %d", e.Id)
				}
				lastEnd = e.EndHeight
			}
			for _, e := range epochs[seen:] {
				if e.Reason == types.RotationReason_ROTATION_REASON_STALL || e.Reason == types.RotationReason_ROTATION_REASON_REMOVAL {
					require.NotEqual(t, e.ReplacedProducerId, e.ProducerId, "epoch %d re-drew the producer it replaced", e.Id)
				}
				require.Equal(t, signerOf(e.ProducerId), e.Signer)
			}
			seen = len(epochs)
		}
	})
}

// bestHead is the highest head any node with a running L2 sees.
func (c *chain) bestHead() (best nodeHead) {
	for _, n := range c.nodes {
		if n.hasL2 && n.head.Height >= best.Height {
			best = n.head
		}
	}
	return best
}
