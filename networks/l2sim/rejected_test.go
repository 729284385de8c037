package l2sim

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/themis-network/themis/bridge/l2"
	epochtypes "github.com/themis-network/themis/x/epoch/types"
)

// The peers of a wrong_result producer serve the block they refused through
// themis_rejectedBlocks, read by the L2 reader themis uses: a sealed header of the
// scheduled producer for this L2 chain whose state root is not the one computed from
// the parent they hold, exactly what x/epoch's report takes. The producer's own node
// refused nothing.
func TestNetworkServesRejectedBlocks(t *testing.T) {
	keys, members := newKeys(t, 3)
	sched := NewRotation(members[:2], 4, 8) // A 1-4, B 5-8 (B is wrong)
	tn := startNet(t, keys, sched, ModeNone, ModeWrongResult)
	ctx := context.Background()
	for _, i := range []int{0, 2} {
		c := dialL2(t, tn.nodes[i].URL())
		var got []l2.RejectedBlock
		eventually(t, 10*time.Second, "node serves B's refused block", func() bool {
			var err error
			got, err = c.RejectedBlocks(ctx, 0)
			if err != nil {
				t.Fatal(err)
			}
			return len(got) > 0
		})
		if len(got) != 1 {
			t.Fatalf("node %d serves %d refused blocks, want 1 (each refused once)", i, len(got))
		}
		b := got[0]
		if b.Number() != 5 || b.Reason != l2.ReasonWrongStateRoot {
			t.Fatalf("refused block %d (%s), want 5 (wrong_state_root)", b.Number(), b.Reason)
		}
		rh, err := epochtypes.DecodeRejectedHeader(b.RLP)
		if err != nil {
			t.Fatalf("the refused block is not report evidence: %v", err)
		}
		if rh.Seal.ProducerID != members[1].SequencerID || rh.Seal.Signer != members[1].Signer || rh.Seal.ChainID != testChainID {
			t.Fatalf("seal %+v, want sequencer %d (%s) of chain %d", rh.Seal, members[1].SequencerID, members[1].Signer, testChainID)
		}
		if rh.Hash != crypto.Keccak256Hash(b.RLP) || rh.Hash != b.Hash {
			t.Fatalf("hash %s, served %s", rh.Hash, b.Hash)
		}
		parent, _ := tn.nodes[i].BlockAt(4)
		if rh.Header.ParentHash != parent.Hash || StateRoot(parent.StateRoot(), rh.Header.TxHash) == rh.Header.Root {
			t.Fatal("the refused block should build on our block 4 with a wrong state root")
		}
		if later, err := c.RejectedBlocks(ctx, 6); err != nil || len(later) != 0 {
			t.Fatalf("from 6: %d blocks, %v", len(later), err)
		}
	}
	own, err := dialL2(t, tn.nodes[1].URL()).RejectedBlocks(ctx, 0)
	if err != nil || len(own) != 0 {
		t.Fatalf("the wrong producer's own node refused %d blocks (%v)", len(own), err)
	}
}

// The log keeps each block once, at most maxRejected (the newest), and answers at
// most the limit (the newest) from a height.
func TestRejectedLogBounds(t *testing.T) {
	blocks, _ := buildChain(t, maxRejected+5)
	var l rejectedLog
	for _, b := range blocks[1:] {
		if !l.add(b) {
			t.Fatalf("block %d not new", b.Height())
		}
	}
	if l.add(blocks[len(blocks)-1]) {
		t.Fatal("the same block kept twice")
	}
	all := l.since(0, 1000)
	if len(all) != maxRejected || all[0].Height() != 6 || all[len(all)-1].Height() != maxRejected+5 {
		t.Fatalf("kept %d blocks from %d", len(all), all[0].Height())
	}
	got := l.since(10, l2.MaxRejectedBlocks)
	if len(got) != l2.MaxRejectedBlocks || got[len(got)-1].Height() != maxRejected+5 {
		t.Fatalf("since 10: %d blocks ending at %d", len(got), got[len(got)-1].Height())
	}
	if got := l.since(maxRejected+5, 16); len(got) != 1 {
		t.Fatalf("since the last: %d", len(got))
	}
}

// Over JSON-RPC, as go-ethereum's server serves it: an empty list before any refusal,
// bad parameters refused.
func TestRPCRejectedBlocksEmptyAndBadParams(t *testing.T) {
	n, _ := idleNode(t)
	got, err := dialL2(t, n.URL()).RejectedBlocks(context.Background(), 0)
	if err != nil || len(got) != 0 {
		t.Fatalf("%d blocks, %v", len(got), err)
	}
	ans := call(t, n.URL(), `{"jsonrpc":"2.0","id":1,"method":"themis_rejectedBlocks","params":["x"]}`)
	if ans.Error == nil || ans.Error.Code != -32602 {
		t.Fatalf("bad parameter: %+v", ans)
	}
	if errors.Is(err, l2.ErrUnsupported) {
		t.Fatal("the simulator serves the method")
	}
}
