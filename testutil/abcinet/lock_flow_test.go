package abcinet_test

import (
	"testing"

	"cosmossdk.io/math"
	abci "github.com/cometbft/cometbft/abci/types"
	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/testutil/abcinet"
	sequencertypes "github.com/themis-network/themis/x/sequencer/types"
)

const newOwner = "0x00000000000000000000000000000000000c0ffe"

func lockMsg(submitter string, id uint64, key abcinet.Key, txHash string, tokens int64) *sequencertypes.MsgLocked {
	return &sequencertypes.MsgLocked{
		Submitter:       submitter,
		Event:           sequencertypes.L1EventRef{TxHash: txHash, LogIndex: 3, BlockNumber: 100},
		SequencerId:     id,
		Owner:           newOwner,
		PubKey:          key.Pub64,
		Amount:          math.NewInt(tokens).Mul(sequencertypes.OneToken),
		RewardRecipient: newOwner,
		Nonce:           1,
	}
}

func hasSequencer(t *testing.T, net *abcinet.Net, id uint64) bool {
	app := net.Validators[0].App
	ctx := app.NewUncachedContext(false, cmtproto.Header{})
	ok, err := app.SequencerKeeper.Sequencers.Has(ctx, id)
	require.NoError(t, err)
	return ok
}

func updateFor(updates []abci.ValidatorUpdate, key abcinet.Key) (int64, bool) {
	for _, u := range updates {
		if string(u.PubKey.GetSecp256K1()) == string(key.Sig.Compressed()) {
			return u.Power, true
		}
	}
	return 0, false
}

// TestLockEventFullABCIFlow: a real lock event that every validator's own L1 node
// shows is applied by the vote, and the new sequencer enters the validator updates;
// a fake lock that only one of four validators vouches for is never applied.
func TestLockEventFullABCIFlow(t *testing.T) {
	net := abcinet.New(t, abcinet.Options{Validators: 4, Stake: 50_000, Whitelist: []string{newOwner}})
	realKey, fakeKey := abcinet.NewKey(t), abcinet.NewKey(t)
	real := lockMsg(net.Submitter(), 5, realKey, "0x"+repeat("ab", 32), 30_000)
	fake := lockMsg(net.Submitter(), 6, fakeKey, "0x"+repeat("cd", 32), 99_000)

	// Every honest L1 node has the real event, 100 blocks deep; only validator 0's
	// (malicious or broken) node claims the fake one.
	for i, v := range net.Validators {
		v.L1.AddEvent(real)
		if i == 0 {
			v.L1.AddEvent(fake)
		}
		v.L1.SetHead(200)
	}

	res := net.NextBlock(net.SignedTx(real), net.SignedTx(fake))
	require.True(t, res.Accepted)
	// Both relays are only queued: tx results follow the proposal's own txs.
	for _, r := range res.TxResults {
		if r.Code != 0 {
			require.Contains(t, r.Log, "tx parse error", "only the injected commit may fail to decode as a tx")
		}
	}
	require.False(t, hasSequencer(t, net, 5))

	var applied bool
	for i := 0; i < 4 && !applied; i++ {
		res = net.NextBlock()
		require.True(t, res.Accepted)
		if countEvents(res.Events, "themis.sequencer.v1.EventL1EventApplied") > 0 {
			require.Equal(t, 1, countEvents(res.Events, "themis.sequencer.v1.EventSequencerStatusChanged"), "one status event per applied lock")
		}
		if power, ok := updateFor(res.ValidatorUpdates, realKey); ok {
			require.Equal(t, int64(30_000), power)
			applied = true
		}
		_, fakeUpdated := updateFor(res.ValidatorUpdates, fakeKey)
		require.False(t, fakeUpdated, "the fake sequencer must never enter the validator set")
	}
	require.True(t, applied, "the real lock was not applied within 4 blocks of its relay")
	require.True(t, hasSequencer(t, net, 5))

	// Keep going: the fake event was rejected (3 of 4 said NO) and never applies.
	for i := 0; i < 3; i++ {
		require.True(t, net.NextBlock().Accepted)
	}
	require.False(t, hasSequencer(t, net, 6))
	ctx := net.Validators[0].App.NewUncachedContext(false, cmtproto.Header{})
	count, err := net.Validators[0].App.SequencerKeeper.PendingCount.Get(ctx)
	require.NoError(t, err)
	require.Zero(t, count, "the fake event must be rejected, not left pending")
}

// TestProposerCannotDropExtensions: a proposer that drops another validator's vote
// from the injected commit has its block rejected by every app.
func TestProposerCannotDropExtensions(t *testing.T) {
	net := abcinet.New(t, abcinet.Options{Validators: 4, Stake: 50_000})
	require.True(t, net.NextBlock().Accepted)
	net.Tamper = func(_ int64, ec *abci.ExtendedCommitInfo) { ec.Votes = ec.Votes[:len(ec.Votes)-1] }
	require.False(t, net.NextBlock().Accepted, "a commit with a dropped vote must be rejected")
	net.Tamper = func(_ int64, ec *abci.ExtendedCommitInfo) {
		sig := append([]byte(nil), ec.Votes[1].ExtensionSignature...)
		sig[10] ^= 1
		ec.Votes[1].ExtensionSignature = sig
	}
	require.False(t, net.NextBlock().Accepted, "a forged extension signature must be rejected")
	net.Tamper = func(_ int64, ec *abci.ExtendedCommitInfo) {
		ec.Votes[2].BlockIdFlag = cmtproto.BlockIDFlagAbsent
		ec.Votes[2].VoteExtension, ec.Votes[2].ExtensionSignature = nil, nil
	}
	require.False(t, net.NextBlock().Accepted, "a vote marked absent that the commit has must be rejected")
	net.Tamper = nil
	require.True(t, net.NextBlock().Accepted)
}

func repeat(s string, n int) string {
	out := ""
	for i := 0; i < n; i++ {
		out += s
	}
	return out
}

func countEvents(events []abci.Event, typ string) int {
	n := 0
	for _, e := range events {
		if e.Type == typ {
			n++
		}
	}
	return n
}
