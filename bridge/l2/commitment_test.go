package l2

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"
)

func testClient(t *testing.T, n *fakeNode) *Client {
	t.Helper()
	c, err := Dial(n.srv.URL, 2*time.Second)
	require.NoError(t, err)
	t.Cleanup(c.Close)
	return c
}

func TestRangeCommitment(t *testing.T) {
	n := newFakeNode(t, 1, 120)
	c := testClient(t, n)
	ctx := context.Background()

	got, err := c.RangeCommitment(ctx, 5, 104) // 100 blocks: four batches
	require.NoError(t, err)
	var txRoots []common.Hash
	for h := 5; h <= 104; h++ {
		txRoots = append(txRoots, n.blocks[h].TxHash)
	}
	require.Equal(t, RangeCommitment{
		From: 5, To: 104, ParentHash: n.hashAt(4), LastHash: n.hashAt(104),
		StateRoot: n.blocks[104].Root, TxRoot: MerkleRoot(txRoots),
	}, got)
	require.Equal(t, 4, n.callCount("eth_getBlockByNumber")/25, "read in batches of %d", rangeBatch)

	one, err := c.RangeCommitment(ctx, 7, 7)
	require.NoError(t, err)
	require.Equal(t, n.hashAt(7), one.LastHash)
	require.Equal(t, n.hashAt(6), one.ParentHash)
}

func TestRangeRefusals(t *testing.T) {
	n := newFakeNode(t, 1, 50)
	c := testClient(t, n)
	ctx := context.Background()

	_, err := c.Range(ctx, 10, 9)
	require.ErrorContains(t, err, "want from <= to")
	_, err = c.Range(ctx, 0, MaxRangeBlocks)
	require.ErrorContains(t, err, "at most 10000 blocks")

	_, err = c.Range(ctx, 40, 60)
	require.ErrorIs(t, err, ErrNoBlock, "past the node's head")
	require.ErrorContains(t, err, "block 51")

	// A node that swaps one block for another in the middle of the range: each block is
	// well formed, but they do not link.
	n.mu.Lock()
	n.blocks[20] = fakeHeader(20, 9, n.blocks[19].Hash())
	n.mu.Unlock()
	_, err = c.RangeCommitment(ctx, 10, 30)
	require.ErrorIs(t, err, ErrMalformed)
	require.ErrorContains(t, err, "block 21")
	require.ErrorContains(t, err, "does not extend block 20")

	n.setOverride("batch", 0, `{"jsonrpc":"2.0","id":1,"result":"0x1"}`)
	_, err = c.Range(ctx, 1, 3)
	require.Error(t, err, "a single answer to a batch")
	n.setOverride("batch", 0, `[{"jsonrpc":"2.0","id":1,"result":"0x1"}]`)
	_, err = c.Range(ctx, 1, 1)
	require.ErrorIs(t, err, ErrMalformed, "an answer for a call that was not made")
	require.ErrorContains(t, err, "lacks this call")
}

func TestCommitRangeNeedsBlocks(t *testing.T) {
	_, err := CommitRange(nil)
	require.ErrorContains(t, err, "empty range")
}

// A redirect is not followed: the endpoint cannot point the validator's calls at another
// service (a 307 would re-send the POST body there).
func TestRedirectIsNotFollowed(t *testing.T) {
	n := newFakeNode(t, 1, 3)
	redirect := httptest.NewServer(http.RedirectHandler(n.srv.URL, http.StatusTemporaryRedirect))
	t.Cleanup(redirect.Close)
	c, err := Dial(redirect.URL, time.Second)
	require.NoError(t, err)
	_, err = c.BlockNumber(context.Background())
	require.ErrorContains(t, err, "HTTP 307")
	require.Zero(t, n.callCount("eth_blockNumber"), "the call never reached the other server")
}

// Blocks so big that a batch of 32 is over the answer limit (as blocks with thousands of
// transaction hashes are): the range is read in smaller batches, not refused.
func TestRangeOfBigBlocksHalvesTheBatch(t *testing.T) {
	n := newFakeNode(t, 1, 0)
	n.extraBytes = 300_000 // 600 KB of hex per block: 7 blocks fill an answer
	n.extendTo(40, 0)
	c := testClient(t, n)
	got, err := c.RangeCommitment(context.Background(), 1, 40)
	require.NoError(t, err)
	require.Equal(t, n.hashAt(40), got.LastHash)
	require.Greater(t, n.callCount("eth_getBlockByNumber"), 40, "batches over the limit were asked again in halves")
}
