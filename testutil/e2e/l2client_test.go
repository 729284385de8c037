//go:build e2e

package e2e

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/x/epoch/client/l2client"
)

// l2ClientAgrees checks the L2 adapter's Go client against a running localnet: it
// answers what the node's REST routes answer (producer of an L2 height, the schedule
// ahead, the pool address, the accepted batches).
func l2ClientAgrees(t *testing.T, ln *Localnet, pool common.Address) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	n := ln.Nodes[0]
	c, err := l2client.Dial(n.GRPC)
	require.NoError(t, err)
	defer c.Close()

	addr, err := c.PoolAddress(ctx)
	require.NoError(t, err)
	require.Equal(t, pool, addr, "the client's pool address")

	slots, err := c.ScheduleAhead(ctx)
	require.NoError(t, err)
	require.NotEmpty(t, slots)
	for i := 1; i < len(slots); i++ {
		require.Equal(t, slots[i-1].End+1, slots[i].Start, "the schedule ahead has no gap")
	}
	for _, s := range slots {
		for _, h := range []uint64{s.Start, s.End} {
			got, err := c.ProducerAt(ctx, h)
			require.NoError(t, err)
			rest, err := ProducerAt(n, h)
			require.NoError(t, err)
			require.Equal(t, rest.ID, got.EpochID, "L2 height %d", h)
			require.Equal(t, rest.ProducerID, got.ProducerID, "L2 height %d", h)
			require.Equal(t, common.HexToAddress(rest.Signer), got.Signer, "L2 height %d", h)
		}
	}
	_, err = c.ProducerAt(ctx, slots[len(slots)-1].End+1000)
	require.ErrorIs(t, err, l2client.ErrNotScheduled, "a height past the decided schedule")

	var view acceptedBatchesView
	require.NoError(t, GetJSON(n.REST+"/themis/mpc/v1/batches?pagination.limit=1000", &view))
	require.NotEmpty(t, view.Batches)
	batches, err := c.AcceptedBatches(ctx, 0)
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(batches), len(view.Batches), "the client reads every batch from index 0")
	for i, b := range view.Batches {
		require.Equal(t, b.Index, strconv.FormatUint(batches[i].Index, 10))
		require.Equal(t, b.L2Start, strconv.FormatUint(batches[i].L2Start, 10))
		require.Equal(t, b.L2End, strconv.FormatUint(batches[i].L2End, 10))
		require.NotEqual(t, common.Hash{}, batches[i].L1TxHash)
	}
	last := batches[len(batches)-1].Index
	tail, err := c.AcceptedBatches(ctx, last-1)
	require.NoError(t, err)
	require.Len(t, tail, 2, "resuming from a batch index")
	require.Equal(t, last-1, tail[0].Index)
	t.Logf("L2 client: pool %s, %d slots ahead (L2 %d-%d), %d accepted batches", addr.Hex(), len(slots), slots[0].Start, slots[len(slots)-1].End, len(batches))
}
