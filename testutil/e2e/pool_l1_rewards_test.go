//go:build e2e

package e2e

import (
	"context"
	"fmt"
	"math/big"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/contracts/bindings/staking"
)

// rewardBatchView is a REWARD_BATCH action of /themis/slashing/v1/l1_actions.
type rewardBatchView struct {
	ID            uint64 `json:"id,string"`
	Kind          string `json:"kind"`
	Status        string `json:"status"`
	CreatedHeight int64  `json:"created_height,string"`
	RewardBatch   *struct {
		BatchID  uint64 `json:"batch_id,string"`
		Payments []struct {
			SequencerID uint64 `json:"sequencer_id,string"`
			Amount      string `json:"amount"`
		} `json:"payments"`
	} `json:"reward_batch"`
}

// epochCreditView is x/slashing's EpochCredit as REST returns it.
type epochCreditView struct {
	EpochID        uint64 `json:"epoch_id,string"`
	SequencerID    uint64 `json:"sequencer_id,string"`
	Blocks         uint64 `json:"blocks,string"`
	Amount         string `json:"amount"`
	StartHeight    uint64 `json:"start_height,string"`
	EndHeight      uint64 `json:"end_height,string"`
	RewardPerBlock string `json:"reward_per_block"`
	Status         string `json:"status"`
	Height         int64  `json:"height,string"`
}

// confirmedRewardBatches waits until reward batches 1..at least n are CONFIRMED and
// returns batches 1..k, every one confirmed (a later batch may still be on its way).
func confirmedRewardBatches(t *testing.T, ln *Localnet, n int) []rewardBatchView {
	var done []rewardBatchView
	ln.WaitFor(fmt.Sprintf("%d reward batches confirmed on L1", n), 4*time.Minute, func() bool {
		var r struct {
			Actions []rewardBatchView `json:"actions"`
		}
		if GetJSON(ln.Nodes[0].REST+"/themis/slashing/v1/l1_actions?pagination.limit=1000", &r) != nil {
			return false
		}
		var batches []rewardBatchView
		for _, a := range r.Actions {
			if a.Kind == "L1_ACTION_KIND_REWARD_BATCH" {
				batches = append(batches, a)
			}
		}
		sort.Slice(batches, func(i, j int) bool { return batches[i].RewardBatch.BatchID < batches[j].RewardBatch.BatchID })
		done = done[:0]
		for i, b := range batches {
			if b.RewardBatch.BatchID != uint64(i+1) || b.Status != "L1_ACTION_STATUS_CONFIRMED" {
				break
			}
			done = append(done, b)
		}
		return len(done) >= n
	})
	return done
}

// rewardsMatchBlocks: for reward batches 1..k confirmed on L1, each sequencer's credit
// on L1 (its RewardCredited events of those batches) equals what the chain batched for
// it, which equals the sum of its epochs' credits up to the last batch, each of them
// the blocks it produced in the epoch's range (counted on the L2 itself: blocks whose
// coinbase is its signer) x the reward per block.
func rewardsMatchBlocks(t *testing.T, ln *Localnet, client *ethclient.Client) {
	batches := confirmedRewardBatches(t, ln, 2)
	last := batches[len(batches)-1]
	chainPaid := map[uint64]*big.Int{}
	for _, b := range batches {
		for _, p := range b.RewardBatch.Payments {
			add(chainPaid, p.SequencerID, p.Amount)
		}
	}

	var credits struct {
		Credits []epochCreditView `json:"credits"`
	}
	require.NoError(t, GetJSON(ln.Nodes[0].REST+"/themis/slashing/v1/epoch_credits?pagination.limit=10000", &credits))
	epochs, err := Epochs(ln.Nodes[0])
	require.NoError(t, err)
	signerOf := map[uint64]string{}
	for _, e := range epochs {
		signerOf[e.ID] = e.Signer
	}
	perBlock := tokens(1).BigInt()
	var upToBatch []epochCreditView // credited before the last confirmed batch was queued
	for _, c := range credits.Credits {
		if c.Height <= last.CreatedHeight {
			upToBatch = append(upToBatch, c)
		}
	}
	requireCreditsTileL2(t, upToBatch)
	earned, blocks := map[uint64]*big.Int{}, map[uint64]uint64{}
	for _, c := range upToBatch {
		if c.Status == "CREDIT_STATUS_PAID" {
			require.Equal(t, perBlock.String(), c.RewardPerBlock, "epoch %d", c.EpochID)
			var produced uint64
			for h := c.StartHeight; h <= c.EndHeight && c.EndHeight > 0; h++ {
				b, ok := L2BlockAt(ln.Nodes[0], h)
				require.True(t, ok, "L2 block %d", h)
				if b.Miner == strings.ToLower(signerOf[c.EpochID]) {
					produced++
				}
			}
			require.Equal(t, produced, c.Blocks, "epoch %d (L2 %d..%d): blocks credited to sequencer %d", c.EpochID, c.StartHeight, c.EndHeight, c.SequencerID)
			blocks[c.SequencerID] += c.Blocks
		}
		want := new(big.Int).Mul(new(big.Int).SetUint64(c.Blocks), perBlock)
		require.Equal(t, want.String(), c.Amount, "epoch %d: blocks x reward per block", c.EpochID)
		add(earned, c.SequencerID, c.Amount)
	}

	onL1 := map[uint64]*big.Int{}
	for _, l := range stakingLogs(t, ln, client, 0) {
		if e, err := staking.NewThemisStaking().UnpackRewardCreditedEvent(&l); err == nil && e.BatchId.Uint64() <= last.RewardBatch.BatchID {
			add(onL1, e.SequencerId.Uint64(), e.Amount.String())
		}
	}
	require.Equal(t, strMap(earned), strMap(chainPaid), "the chain batched what the epochs earned")
	require.Equal(t, strMap(chainPaid), strMap(onL1), "L1 credited what the chain batched")
	require.GreaterOrEqual(t, len(onL1), 2, "rewards for at least two producers")
	for id, amount := range onL1 {
		t.Logf("3. sequencer %d: %d L2 blocks produced, %s credited on L1 by reward batches 1..%d", id, blocks[id], amount, last.RewardBatch.BatchID)
	}
}

// requireCreditsTileL2: the ranges of the epochs credited (all but those cancelled
// before producing) follow each other without a gap or an overlap, so no L2 block
// escaped the accounting and none was counted twice.
func requireCreditsTileL2(t *testing.T, credits []epochCreditView) {
	var ranges []epochCreditView
	for _, c := range credits {
		if c.Status != "CREDIT_STATUS_CANCELLED" {
			ranges = append(ranges, c)
		}
	}
	require.NotEmpty(t, ranges)
	sort.Slice(ranges, func(i, j int) bool { return ranges[i].EpochID < ranges[j].EpochID })
	next := ranges[0].StartHeight
	for _, c := range ranges {
		require.Equal(t, next, c.StartHeight, "epoch %d (%s) starts where the credited L2 range before it ended", c.EpochID, c.Status)
		next = max(next, c.EndHeight+1) // a stalled epoch cut before its first block is empty
	}
	t.Logf("3. epochs %d..%d credited L2 blocks %d..%d without a gap", ranges[0].EpochID, ranges[len(ranges)-1].EpochID, ranges[0].StartHeight, next-1)
}

// withdrawRewards: the owner of the sequencer with the most credited on L1 withdraws
// with `themisd l1 withdraw-rewards`: the recipient receives everything the reward
// batches credited it up to that block, once, and the chain's withdrawn follows the
// relayed RewardsWithdrawn.
func withdrawRewards(t *testing.T, ln *Localnet, client *ethclient.Client) {
	var id uint64
	best := new(big.Int)
	for i := range ln.Nodes {
		seq := uint64(i + 1)
		if p := l1PendingRewards(t, ln, client, seq); p.Cmp(best) > 0 {
			id, best = seq, p
		}
	}
	require.NotZero(t, id, "a sequencer with rewards on L1")
	out := ln.Run("l1", "withdraw-rewards", fmt.Sprint(id), "--l1-rpc", ln.L1.RPC, "--staking-contract", ln.L1.Staking,
		"--owner-key-file", ownerKeyFile(ln.NodeOfSequencer(id)))
	m := regexp.MustCompile(`tx (0x[0-9a-fA-F]{64}) in block (\d+)`).FindStringSubmatch(out)
	require.Len(t, m, 3, out)
	receipt, err := client.TransactionReceipt(context.Background(), common.HexToHash(m[1]))
	require.NoError(t, err)
	var paid *staking.ThemisStakingRewardsWithdrawn
	for _, l := range receipt.Logs {
		if e, err := staking.NewThemisStaking().UnpackRewardsWithdrawnEvent(l); err == nil {
			paid = e
		}
	}
	require.NotNil(t, paid, "a RewardsWithdrawn event")
	block := receipt.BlockNumber
	prev := new(big.Int).Sub(block, big.NewInt(1))
	require.Equal(t, new(big.Int).Add(l1TokenBalance(t, ln, client, paid.Recipient, prev), paid.Amount).String(),
		l1TokenBalance(t, ln, client, paid.Recipient, block).String(), "the recipient received the withdrawal")
	credited := new(big.Int)
	for _, l := range stakingLogs(t, ln, client, 0) {
		if l.BlockNumber > block.Uint64() {
			continue
		}
		if e, err := staking.NewThemisStaking().UnpackRewardCreditedEvent(&l); err == nil && e.SequencerId.Uint64() == id {
			credited.Add(credited, e.Amount)
		}
	}
	require.Equal(t, credited.String(), paid.Amount.String(), "everything credited to sequencer %d, once", id)
	ln.WaitFor(fmt.Sprintf("the chain's withdrawn of sequencer %d following L1", id), time.Minute, func() bool {
		var r struct {
			Rewards struct {
				Withdrawn string `json:"withdrawn"`
			} `json:"rewards"`
		}
		return GetJSON(fmt.Sprintf("%s/themis/slashing/v1/rewards/%d", ln.Nodes[0].REST, id), &r) == nil && r.Rewards.Withdrawn == paid.Amount.String()
	})
	t.Logf("3. sequencer %d's owner withdrew %s to %s in L1 block %s; the chain's withdrawn follows", id, paid.Amount, paid.Recipient.Hex(), block)
}

// l1PendingRewards reads the staking contract's pendingRewards(id).
func l1PendingRewards(t *testing.T, ln *Localnet, client *ethclient.Client, id uint64) *big.Int {
	abi := staking.NewThemisStaking()
	p, err := abi.UnpackPendingRewards(ln.l1Call(client, common.HexToAddress(ln.L1.Staking), abi.PackPendingRewards(new(big.Int).SetUint64(id)), nil))
	require.NoError(t, err)
	return p
}

func add(m map[uint64]*big.Int, id uint64, amount string) {
	v, ok := new(big.Int).SetString(amount, 10)
	if !ok {
		panic("not an integer amount: " + amount)
	}
	if m[id] == nil {
		m[id] = new(big.Int)
	}
	m[id].Add(m[id], v)
}

// strMap drops zero amounts, so a sequencer credited nothing compares equal to one
// absent.
func strMap(m map[uint64]*big.Int) map[uint64]string {
	out := map[uint64]string{}
	for id, v := range m {
		if v.Sign() != 0 {
			out[id] = v.String()
		}
	}
	return out
}
