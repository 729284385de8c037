//go:build e2e

package e2e

import (
	"context"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/bridge/l2"
	"github.com/themis-network/themis/contracts/bindings/batchinbox"
)

// lyingL2: node 2's L2 node turns liar (l2sim lie mode): it serves its validator a
// forged chain that links, so every batch commitment that validator computes has
// another state root than the others'. One validator of four is outvoted: batches keep
// reaching the inbox, each with the commitment the honest L2 nodes serve, and never
// with the one the liar served.
func lyingL2(t *testing.T, ln *Localnet, client *ethclient.Client) {
	liar := ln.Nodes[2]
	ln.Run("l2sim", "fault", "lie", "--node", liar.L2)
	from := countBatches(ln)
	lied := time.Now()
	waitBatches(ln, from+2, 3*time.Minute)
	t.Logf("2 batches accepted %s after node 2's L2 node began to lie", time.Since(lied).Round(time.Second))

	ctx := context.Background()
	honest, err := l2.Dial(ln.Nodes[0].L2, 5*time.Second)
	require.NoError(t, err)
	defer honest.Close()
	lying, err := l2.Dial(liar.L2, 5*time.Second)
	require.NoError(t, err)
	defer lying.Close()
	inbox := common.HexToAddress(ln.L1.BatchInbox)
	abi := batchinbox.NewBatchInbox()
	for i := from; i < from+2; i++ {
		out, err := client.CallContract(ctx, ethereum.CallMsg{To: &inbox, Data: abi.PackBatches(big.NewInt(int64(i)))}, nil)
		require.NoError(t, err)
		b, err := abi.UnpackBatches(out)
		require.NoError(t, err)
		want, err := honest.RangeCommitment(ctx, b.L2Start, b.L2End)
		require.NoError(t, err)
		told, err := lying.RangeCommitment(ctx, b.L2Start, b.L2End)
		require.NoError(t, err)
		require.NotEqual(t, want.StateRoot, told.StateRoot, "the liar's commitment to batch %d differs", i)
		require.Equal(t, want.StateRoot, common.Hash(b.StateRoot), "batch %d (L2 %d-%d): the honest state root is what the pool signed", i, b.L2Start, b.L2End)
		require.Equal(t, want.TxRoot, common.Hash(b.TxRoot))
	}
	ln.Run("l2sim", "fault", "resume", "--node", liar.L2)
}
