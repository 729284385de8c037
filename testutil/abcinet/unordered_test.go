package abcinet_test

import (
	"testing"
	"time"

	sdk "github.com/cosmos/cosmos-sdk/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/app"
	"github.com/themis-network/themis/testutil/abcinet"
	sequencertypes "github.com/themis-network/themis/x/sequencer/types"
)

// TestHostileProposerCannotReplayUnorderedTxs: a proposer that builds its block by hand
// with two copies of one unordered transaction, a copy of one already included, one
// whose timeout is the block's own time, or one whose timeout has passed has it
// rejected by every app (a paying transfer, so only the unordered rules can refuse it).
func TestHostileProposerCannotReplayUnorderedTxs(t *testing.T) {
	net := abcinet.New(t, abcinet.Options{Validators: 4, Stake: 50_000, BlockMaxGas: blockMaxGas})
	require.True(t, net.NextBlock().Accepted)
	send := &banktypes.MsgSend{FromAddress: net.SubmitterOf(0), ToAddress: net.SubmitterOf(3),
		Amount: sdk.NewCoins(sdk.NewInt64Coin(app.BondDenom, 1))}
	transfer := func(timeout time.Time) []byte {
		return net.SignedUnorderedTxBy(0, timeout, feeFor(200_000), 200_000, send)
	}
	hostile := func(name string, txs ...[]byte) {
		t.Helper()
		net.TamperTxs = func(_ int64, block [][]byte) [][]byte { return append(block[:1:1], txs...) }
		accepted := net.NextBlock().Accepted
		net.TamperTxs = nil
		require.False(t, accepted, "every app rejects the block: %s", name)
	}
	next := func() time.Time { return net.BlockTime().Add(time.Second) } // the next block's time

	first := transfer(next().Add(time.Minute))
	hostile("two copies of one unordered transaction", first, first)
	res := net.NextBlock(first, first)
	require.True(t, res.Accepted)
	require.Len(t, res.Txs, 2, "an honest proposer keeps one copy")
	require.Zero(t, res.TxResults[1].Code, res.TxResults[1].Log)
	hostile("a copy of an included unordered transaction", first)
	hostile("an unordered transaction whose timeout is the block time", transfer(next()))
	hostile("an unordered transaction whose timeout has passed", transfer(next().Add(-time.Second)))
	require.True(t, net.NextBlock(transfer(next().Add(time.Millisecond))).Accepted, "a timeout just after the block time is fine")
}

// TestUnorderedRelayFloodIsBounded: unordered fee-free relays count against the same
// per-sender bounds as ordered ones: 4K in a node's mempool, K in a block.
func TestUnorderedRelayFloodIsBounded(t *testing.T) {
	net := abcinet.New(t, abcinet.Options{Validators: 4, Stake: 50_000, BlockMaxGas: blockMaxGas})
	require.True(t, net.NextBlock().Accepted)
	sub := net.SubmitterOf(attacker)
	mp := net.NewMempool(attacker)
	admitted := 0
	var lastErr error
	for i := 0; i < 4*freeTxsPerBlock+5; i++ {
		timeout := net.BlockTime().Add(time.Minute + time.Duration(i)*time.Millisecond)
		tx := net.SignedUnorderedTxBy(attacker, timeout, nil, 200_000, relock(sub, attacker+1, uint64(2+i), hash("f", i)))
		if err := mp.Add(tx); err != nil {
			lastErr = err
			continue
		}
		admitted++
	}
	require.Equal(t, 4*freeTxsPerBlock, admitted, "the mempool bound")
	require.ErrorContains(t, lastErr, sequencertypes.ErrFreeRelayQuota.Error())

	res := net.NextBlock(mp.Txs()...)
	require.True(t, res.Accepted)
	require.Len(t, res.Txs[1:], freeTxsPerBlock, "an honest proposer keeps K")
	net.TamperTxs = func(_ int64, block [][]byte) [][]byte {
		return append(block[:1:1], mp.Txs()[freeTxsPerBlock:2*freeTxsPerBlock+1]...)
	}
	accepted := net.NextBlock().Accepted
	net.TamperTxs = nil
	require.False(t, accepted, "K+1 fee-free unordered relays of one sender: rejected")
}
