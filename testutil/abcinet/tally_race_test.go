package abcinet_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/testutil/abcinet"
)

// Point-5 review finding: the proposal checks ran on the state before PreBlock, which
// applies the previous vote's approved events. A fee-free relay of an event that very
// tally applies (another bridge's late copy) passed every node's checks and then failed
// unpaid in execution, reverting its whole batch. The checks now run on the state after
// the tally: the honest proposer leaves the copy out, and a block that carries it is
// rejected by every node.
func TestRelayOfAnEventTheTallyAppliesIsLeftOut(t *testing.T) {
	net := abcinet.New(t, abcinet.Options{Validators: 4, Stake: 50_000, Whitelist: []string{newOwner}})
	key := abcinet.NewKey(t)
	lock := lockMsg(net.Submitter(), 5, key, "0x"+repeat("ab", 32), 30_000)
	for _, v := range net.Validators {
		v.L1.AddEvent(lock)
		v.L1.SetHead(200)
	}
	res := net.NextBlock(net.SignedTx(lock))
	require.True(t, res.Accepted)
	require.False(t, hasSequencer(t, net, 5), "queued, not applied")

	// The next block's tally applies the lock. Validator 1's bridge relays it now.
	late := *lock
	late.Submitter = net.SubmitterOf(1)
	lateTx := net.SignedTxFrom(1, &late)
	res = net.NextBlock(lateTx)
	require.True(t, res.Accepted)
	require.True(t, hasSequencer(t, net, 5), "the tally applied the lock")
	require.Len(t, res.Txs, 1, "the late copy is left out: only the injected commit")
	for _, r := range res.TxResults[1:] {
		require.Zero(t, r.Code, "no transaction fails unpaid: %s", r.Log)
	}

	// A proposer that includes it anyway has its block rejected.
	net2 := abcinet.New(t, abcinet.Options{Validators: 4, Stake: 50_000, Whitelist: []string{newOwner}})
	for _, v := range net2.Validators {
		v.L1.AddEvent(lock)
		v.L1.SetHead(200)
	}
	lock2 := *lock
	lock2.Submitter = net2.Submitter()
	require.True(t, net2.NextBlock(net2.SignedTx(&lock2)).Accepted)
	late2 := lock2
	late2.Submitter = net2.SubmitterOf(1)
	lateTx2 := net2.SignedTxFrom(1, &late2)
	net2.TamperTxs = func(_ int64, txs [][]byte) [][]byte { return append(txs, lateTx2) }
	require.False(t, net2.NextBlock().Accepted, "every node rejects the block")
}
