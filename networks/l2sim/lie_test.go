package l2sim

import (
	"context"
	"testing"
)

// A lying node serves a forged chain that the L2 reader takes (it links, each hash is
// its header's) but that commits to other state roots and block hashes at every
// height, the seal no longer verifying; resuming serves the real chain again.
func TestLieModeServesAForgedChainThatLinks(t *testing.T) {
	n, blocks := idleNode(t)
	c := dialL2(t, n.URL())
	ctx := context.Background()
	honest, err := c.RangeCommitment(ctx, 1, 3)
	if err != nil {
		t.Fatal(err)
	}

	n.SetMode(ModeLie)
	lied, err := c.RangeCommitment(ctx, 1, 3)
	if err != nil {
		t.Fatalf("the forged chain does not link: %v", err)
	}
	if lied.StateRoot == honest.StateRoot || lied.LastHash == honest.LastHash {
		t.Fatalf("lie mode served the real commitment %+v", lied)
	}
	for h := uint64(1); h <= 3; h++ {
		b, err := c.BlockByNumber(ctx, h)
		if err != nil {
			t.Fatal(err)
		}
		if b.Hash == blocks[h].Hash || b.Header.Root == blocks[h].Header.Root {
			t.Fatalf("block %d served as the real one", h)
		}
		if seal, err := b.Seal(testChainID); err == nil && seal.Signer == blocks[h].Producer() {
			t.Fatalf("block %d: a forged header still carries a valid seal of the producer", h)
		}
	}
	again, err := c.RangeCommitment(ctx, 1, 3)
	if err != nil || again != lied {
		t.Fatalf("the lie is not stable: %+v, %v", again, err)
	}
	if _, ok := n.store.At(3); !ok {
		t.Fatal("the node's own chain changed")
	}
	if own, _ := n.store.At(3); own.Hash != blocks[3].Hash {
		t.Fatal("the node's own chain was forged")
	}

	n.SetMode(ModeNone)
	back, err := c.RangeCommitment(ctx, 1, 3)
	if err != nil || back != honest {
		t.Fatalf("after resuming: %+v, %v", back, err)
	}
	if _, err := ParseMode("lie"); err != nil {
		t.Fatal(err)
	}
	if _, err := ParseMode("lies"); err == nil {
		t.Fatal("an unknown mode parsed")
	}
}

// A lying node's peers are served the real chain (they introduce themselves by
// User-Agent): the network stays in sync while the node's validator is lied to.
func TestLieModeSparesThePeers(t *testing.T) {
	n, blocks := idleNode(t)
	n.SetMode(ModeLie)
	peer, err := dialPeer(n.URL())
	if err != nil {
		t.Fatal(err)
	}
	for h := uint64(1); h <= 3; h++ {
		b, ok, err := peer.blockAt(context.Background(), h)
		if err != nil || !ok || b.Hash != blocks[h].Hash {
			t.Fatalf("peer read block %d: %v %v (hash %s, want %s)", h, ok, err, b.Hash, blocks[h].Hash)
		}
	}
}
