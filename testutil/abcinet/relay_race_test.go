package abcinet_test

import (
	"testing"
	"time"

	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/app"
	"github.com/themis-network/themis/testutil/abcinet"
)

// TestLostRelayRaceKeepsTheOperatorsTransaction: an operator's key signs both its
// bridge's relays and the operator's own transactions (a governance vote, an unjail).
// Its bridge relays an event into its node's mempool, the operator then sends a paying
// transaction to the same node, and another bridge's relay of the same event gets into
// a block first; the event is applied while both still wait. After that block the node
// re-checks its mempool: the losing relay now fails and is evicted. Relays are unordered, as the bridge sends them, so the
// operator's transaction does not depend on the relay's sequence: it stays and lands.
// The ordered case shows what unordered relays prevent: the operator's transaction,
// one sequence behind the failed relay, is evicted with it although CheckTx had
// accepted it (the README's lost governance vote).
func TestLostRelayRaceKeepsTheOperatorsTransaction(t *testing.T) {
	for _, unordered := range []bool{true, false} {
		name := map[bool]string{true: "unordered relay", false: "ordered relay"}[unordered]
		t.Run(name, func(t *testing.T) {
			net := abcinet.New(t, abcinet.Options{Validators: 4, Stake: 50_000, BlockMaxGas: blockMaxGas})
			require.True(t, net.NextBlock().Accepted)
			const operator, rival = 0, 2 // validator 0's account holds the genesis funds
			event := relock(net.SubmitterOf(operator), 1, 2, hash("ace", 1))
			rivalCopy := *event
			rivalCopy.Submitter = net.SubmitterOf(rival)

			mp := net.NewMempool(operator)
			seq := net.AccountSequence(operator)
			var relay []byte
			if unordered {
				relay = net.SignedUnorderedTxBy(operator, net.BlockTime().Add(2*time.Minute), nil, 200_000, event)
			} else {
				relay = net.SignedTxBy(operator, seq, nil, 200_000, event)
				seq++
			}
			require.NoError(t, mp.Add(relay), "the operator's bridge relays the event")
			send := &banktypes.MsgSend{FromAddress: net.SubmitterOf(operator), ToAddress: net.SubmitterOf(3),
				Amount: sdk.NewCoins(sdk.NewInt64Coin(app.BondDenom, 1))}
			own := net.SignedTxBy(operator, seq, feeFor(200_000), 200_000, send)
			require.NoError(t, mp.Add(own), "CheckTx accepts the operator's own transaction")

			// The rival's relay gets in first; the validators' L1 nodes confirm the event
			// and the chain applies it, while the operator's transactions still wait.
			for _, v := range net.Validators {
				v.L1.AddEvent(event)
				v.L1.SetHead(200)
			}
			rivalRelay := net.SignedUnorderedTxBy(rival, net.BlockTime().Add(2*time.Minute), nil, 200_000, &rivalCopy)
			res := net.NextBlock(rivalRelay)
			require.True(t, res.Accepted)
			require.True(t, containsTx(res.Txs, rivalRelay), "the rival's relay wins the race")
			evicted := mp.Update(res.Txs)
			for b := 0; b < 10 && !genuineApplied(t, net, 1, 2); b++ {
				res = net.NextBlock()
				require.True(t, res.Accepted)
				evicted += mp.Update(res.Txs)
			}
			require.True(t, genuineApplied(t, net, 1, 2), "the event is applied")

			if !unordered {
				require.Equal(t, 2, evicted, "the failed relay takes the operator's transaction with it")
				require.Zero(t, mp.Len())
				return
			}
			require.Equal(t, 1, evicted, "only the losing relay is evicted")
			require.Equal(t, [][]byte{own}, mp.Txs())
			res = net.NextBlock(mp.Txs()...)
			require.True(t, res.Accepted)
			require.True(t, containsTx(res.Txs, own), "the operator's transaction lands")
			for i, tx := range res.Txs {
				if string(tx) == string(own) {
					require.Zero(t, res.TxResults[i].Code, res.TxResults[i].Log)
				}
			}
		})
	}
}

// TestUnorderedRelayReplayAndTimeout: an unordered relay is admitted once per
// (signer, timeout); its timeout may not lie in the past or more than the chain's
// 10 minutes ahead; expired nonces are dropped, so the state does not grow.
func TestUnorderedRelayReplayAndTimeout(t *testing.T) {
	net := abcinet.New(t, abcinet.Options{Validators: 4, Stake: 50_000, BlockMaxGas: blockMaxGas})
	require.True(t, net.NextBlock().Accepted)
	mp := net.NewMempool(1)
	at := net.BlockTime().Add(time.Minute)
	first := net.SignedUnorderedTxBy(1, at, nil, 200_000, relock(net.SubmitterOf(1), 2, 2, hash("e", 0x1)))
	require.NoError(t, mp.Add(first))
	again := net.SignedUnorderedTxBy(1, at, nil, 200_000, relock(net.SubmitterOf(1), 2, 3, hash("e", 0x2)))
	require.ErrorContains(t, mp.Add(again), "already used timeout", "one transaction per signer and timeout")
	past := net.SignedUnorderedTxBy(1, net.BlockTime().Add(-time.Second), nil, 200_000, relock(net.SubmitterOf(1), 2, 3, hash("e", 0x3)))
	require.ErrorContains(t, mp.Add(past), "tx timeout")
	far := net.SignedUnorderedTxBy(1, net.BlockTime().Add(11*time.Minute), nil, 200_000, relock(net.SubmitterOf(1), 2, 3, hash("e", 0x4)))
	require.ErrorContains(t, mp.Add(far), "ttl exceeds")

	res := net.NextBlock(mp.Txs()...)
	require.True(t, res.Accepted)
	require.True(t, containsTx(res.Txs, first))
	mp.Update(res.Txs)
	res = net.NextBlock(first)
	require.False(t, containsTx(res.Txs, first), "an honest proposer leaves the replay out")

	a := net.Validators[0].App
	ctx := func() sdk.Context { return a.NewUncachedContext(false, cmtproto.Header{}) }
	has, err := a.AccountKeeper.ContainsUnorderedNonce(ctx(), net.Validators[1].Key.Sig.AccAddress(), at)
	require.NoError(t, err)
	require.True(t, has)
	for net.BlockTime().Before(at.Add(2 * time.Second)) {
		require.True(t, net.NextBlock().Accepted)
	}
	has, err = a.AccountKeeper.ContainsUnorderedNonce(ctx(), net.Validators[1].Key.Sig.AccAddress(), at)
	require.NoError(t, err)
	require.False(t, has, "x/auth's PreBlocker dropped the expired nonce")
}
