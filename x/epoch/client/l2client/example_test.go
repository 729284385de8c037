package l2client_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"time"

	"github.com/themis-network/themis/x/epoch/client/l2client"
)

// An L2 node checks that the block at height h was produced by the sequencer themis
// scheduled, waiting while the schedule is not decided that far.
func ExampleClient_ProducerAt() {
	c, err := l2client.Dial("127.0.0.1:9090")
	if err != nil {
		log.Fatal(err)
	}
	defer c.Close()
	ctx := context.Background()
	const h = 4242
	for {
		slot, err := c.ProducerAt(ctx, h)
		if errors.Is(err, l2client.ErrNotScheduled) {
			time.Sleep(time.Second) // decided a few L2 blocks ahead
			continue
		}
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("L2 block %d must be signed by %s (sequencer %d, epoch %d)\n", h, slot.Signer, slot.ProducerID, slot.EpochID)
		return
	}
}

// A batch submitter learns where the pool sends batches from and which it has landed.
func ExampleClient_AcceptedBatches() {
	c, err := l2client.Dial("127.0.0.1:9090")
	if err != nil {
		log.Fatal(err)
	}
	defer c.Close()
	ctx := context.Background()
	pool, err := c.PoolAddress(ctx)
	if err != nil {
		log.Fatal(err)
	}
	var next uint64 // the first batch index this submitter has not seen (batches start at 0)
	batches, err := c.AcceptedBatches(ctx, next)
	if err != nil {
		log.Fatal(err)
	}
	for _, b := range batches {
		fmt.Printf("batch %d (L2 %d-%d) landed from %s in L1 tx %s\n", b.Index, b.L2Start, b.L2End, pool, b.L1TxHash)
	}
}

// The schedule decided ahead: the current slot and, once decided, the next.
func ExampleClient_ScheduleAhead() {
	c, err := l2client.Dial("127.0.0.1:9090")
	if err != nil {
		log.Fatal(err)
	}
	defer c.Close()
	slots, err := c.ScheduleAhead(context.Background())
	if err != nil {
		log.Fatal(err)
	}
	for _, s := range slots {
		fmt.Printf("L2 %d-%d: sequencer %d (%s)\n", s.Start, s.End, s.ProducerID, s.Reason)
	}
}
