//go:build e2e

package e2e

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/bridge/l1"
	"github.com/themis-network/themis/networks/devl1"
)

// The L1 side of the bridge benchmarks (bridge_bench_test.go): the localnet's owners
// relocking their sequencers, one at a time or thousands at once.

type benchOwner struct {
	owner *l1.Owner
	addr  common.Address
}

// benchOwners acts as the localnet's owners (development owner i owns sequencer i+1),
// each allowing the staking contract events base units (one per relock), so the relocks
// themselves need no approval round-trip. The L1 block timer must be running.
func benchOwners(t *testing.T, ln *Localnet, client *ethclient.Client, events int64) []benchOwner {
	t.Helper()
	out := make([]benchOwner, len(ln.Nodes))
	for i := range out {
		o := ln.L1Owner(client, i)
		_, err := o.Approve(context.Background(), big.NewInt(events))
		require.NoError(t, err)
		out[i] = benchOwner{owner: o, addr: crypto.PubkeyToAddress(devl1.OwnerKey(i).PublicKey)}
	}
	return out
}

// relockLogIndex is the block log index of the staking contract's Relocked log of tx.
func relockLogIndex(t *testing.T, client *ethclient.Client, tx common.Hash) uint {
	t.Helper()
	receipt, err := client.TransactionReceipt(context.Background(), tx)
	require.NoError(t, err)
	require.Equal(t, uint64(1), receipt.Status, "relock %s reverted", tx)
	for _, lg := range receipt.Logs {
		if _, err := l1.DecodeStakingLog(*lg); err == nil {
			return lg.Index
		} else if !errors.Is(err, l1.ErrNotStakingEvent) {
			t.Fatalf("relock %s: %v", tx, err)
		}
	}
	t.Fatalf("relock %s emitted no staking event", tx)
	return 0
}

// relockLoad describes the relocks generateRelocks put on L1.
type relockLoad struct {
	startNonce            []uint64 // each sequencer's contract nonce before
	firstBlock, lastBlock uint64
	maxPerBlock           int
	maxGasUsed, gasLimit  uint64
	duration              time.Duration
}

// generateRelocks sends total relocks (one base unit each), split over the owners, with
// consecutive account nonces and without waiting for each to be mined, so that many
// land in each L1 block; the block timer keeps mining. It returns once the contract
// shows every one of them.
func generateRelocks(t *testing.T, ln *Localnet, client *ethclient.Client, owners []benchOwner, total int) relockLoad {
	t.Helper()
	ctx := context.Background()
	load := relockLoad{startNonce: make([]uint64, len(owners))}
	for i := range owners {
		load.startNonce[i] = ln.L1SequencerState(client, uint64(i+1)).Nonce
	}
	head, err := client.BlockNumber(ctx)
	require.NoError(t, err)
	start := time.Now()
	var wg sync.WaitGroup
	counts := make([]int, len(owners))
	errs := make([]error, len(owners))
	for i := range owners {
		counts[i] = total / len(owners)
		if i < total%len(owners) {
			counts[i]++
		}
		wg.Go(func() { errs[i] = sendRelocks(ctx, client, owners[i], uint64(i+1), counts[i]) })
	}
	wg.Wait()
	require.NoError(t, errors.Join(errs...))
	WaitFor(t, 3*time.Minute, "every relock mined", func() bool {
		for i := range owners {
			if ln.L1SequencerState(client, uint64(i+1)).Nonce < load.startNonce[i]+uint64(counts[i]) {
				return false
			}
		}
		return true
	})
	load.duration = time.Since(start)

	// Where the relocks landed: the blocks after head holding any transaction.
	last, err := client.BlockNumber(ctx)
	require.NoError(t, err)
	for b := head + 1; b <= last; b++ {
		block, err := client.BlockByNumber(ctx, new(big.Int).SetUint64(b))
		require.NoError(t, err)
		load.gasLimit = block.GasLimit()
		if n := block.Transactions().Len(); n > 0 {
			if load.firstBlock == 0 {
				load.firstBlock = b
			}
			load.lastBlock = b
			load.maxPerBlock = max(load.maxPerBlock, n)
			load.maxGasUsed = max(load.maxGasUsed, block.GasUsed())
		}
	}
	return load
}

// maxUnmined bounds an owner's sent-but-unmined relocks: the L1 pool holds at most 5,120
// executable transactions in all (go-ethereum's GlobalSlots) and beyond that evicts
// transactions of accounts with more than 16, which would leave a nonce gap.
const maxUnmined = 1000

// sendRelocks sends count relocks of sequencer id with consecutive account nonces.
//
// Under load the development L1's RPC proxy occasionally drops a connection mid-answer
// (the client sees "unexpected EOF"). Reads are simply asked again; for a relock the
// account's pending nonce tells whether it reached the pool before the drop (only this
// goroutine sends from the account), so a lost answer never makes a nonce gap or a
// second relock.
func sendRelocks(ctx context.Context, client *ethclient.Client, o benchOwner, id uint64, count int) error {
	nonce, err := retryRead(func() (uint64, error) { return client.PendingNonceAt(ctx, o.addr) })
	if err != nil {
		return fmt.Errorf("sequencer %d: owner's pending nonce: %w", id, err)
	}
	for j := range count {
		if j%100 == 0 {
			for {
				mined, err := retryRead(func() (uint64, error) { return client.NonceAt(ctx, o.addr, nil) })
				if err != nil {
					return fmt.Errorf("sequencer %d: owner's mined nonce before relock %d: %w", id, j, err)
				}
				if nonce-mined < maxUnmined {
					break
				}
				time.Sleep(100 * time.Millisecond)
			}
		}
		for attempt := 1; ; attempt++ {
			_, err := o.owner.SendRelock(ctx, id, big.NewInt(1), nonce)
			if err == nil {
				break
			}
			if attempt == 3 {
				return fmt.Errorf("relock %d of sequencer %d (account nonce %d): %w", j, id, nonce, err)
			}
			time.Sleep(200 * time.Millisecond)
			if pending, perr := client.PendingNonceAt(ctx, o.addr); perr == nil && pending > nonce {
				break // it was sent; only the answer was lost
			}
		}
		nonce++
	}
	return nil
}

// retryRead asks up to three times.
func retryRead(read func() (uint64, error)) (uint64, error) {
	var err error
	for range 3 {
		var v uint64
		if v, err = read(); err == nil {
			return v, nil
		}
		time.Sleep(200 * time.Millisecond)
	}
	return 0, err
}
