package abcinet_test

import (
	"fmt"
	"testing"

	"cosmossdk.io/math"
	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/testutil/abcinet"
	sequencertypes "github.com/themis-network/themis/x/sequencer/types"
)

// One of four equal sequencers (a quarter of the power) floods the L1-event queue with
// fee-free fakes every block: far-future nonces of real sequencers at a block beyond
// every head, locks of unused ids at blocks nobody has reached yet, and a variant of the
// genuine event. It also relays the genuine event first, behind its junk. The genuine
// event, relayed by an honest validator's bridge, must still be applied within 10
// chain blocks of that relay (issue 10 point 1).
func TestHostileRelayerCannotDelayAGenuineEvent(t *testing.T) {
	const hostile, honest = 3, 0
	net := abcinet.New(t, abcinet.Options{Validators: 4, Stake: 50_000, Whitelist: []string{newOwner}})
	genuine := &sequencertypes.MsgRelocked{
		Event:       sequencertypes.L1EventRef{TxHash: "0x" + repeat("77", 32), LogIndex: 4, BlockNumber: 150},
		SequencerId: 2, Amount: math.NewInt(1), Total: math.NewInt(50_000).Mul(sequencertypes.OneToken).AddRaw(1), Nonce: 2,
	}
	for _, v := range net.Validators {
		v.L1.AddEvent(genuine)
		v.L1.SetHead(200)
	}
	junk := func(block int, variants bool) []sdk.Msg {
		var msgs []sdk.Msg
		for j := range 48 {
			n := uint64(block*100 + j)
			ref := sequencertypes.L1EventRef{TxHash: fmt.Sprintf("0x%064x", n), LogIndex: 1, BlockNumber: 1 << 40}
			kind := j % 3
			if !variants && kind == 2 {
				kind = 1
			}
			switch kind {
			case 0: // a real sequencer, a far-future nonce, a block beyond every head
				msgs = append(msgs, &sequencertypes.MsgRelocked{Submitter: net.SubmitterOf(hostile), Event: ref,
					SequencerId: uint64(1 + j%4), Amount: math.NewInt(1), Total: math.NewInt(1), Nonce: 1000 + n})
			case 1: // a lock of an unused id at a block nobody has reached (never judgeable)
				ref.BlockNumber = 201 + n%60
				m := lockMsg(net.SubmitterOf(hostile), 1000+n, abcinet.NewKey(t), ref.TxHash, 30_000)
				m.Event = ref
				msgs = append(msgs, m)
			default: // a variant of the genuine event: same log, another block
				v := *genuine
				v.Submitter = net.SubmitterOf(hostile)
				v.Event.BlockNumber = 151 + n
				msgs = append(msgs, &v)
			}
		}
		return msgs
	}
	queued := func(res abcinet.BlockResult) {
		t.Helper()
		require.True(t, res.Accepted)
		for _, r := range res.TxResults[1:] { // [0] is the injected commit
			require.Zero(t, r.Code, "relay tx failed: %s", r.Log)
		}
	}
	for b := range 10 {
		queued(net.NextBlock(net.SignedTxFrom(hostile, junk(b, true)...)))
	}
	// The genuine event, relayed first by the hostile sequencer, behind its junk.
	first := *genuine
	first.Submitter = net.SubmitterOf(hostile)
	queued(net.NextBlock(net.SignedTxFrom(hostile, append(junk(10, false), &first)...)))
	for b := 11; b < 14; b++ {
		queued(net.NextBlock(net.SignedTxFrom(hostile, junk(b, false)...)))
	}
	pending, err := net.Validators[0].App.SequencerKeeper.PendingCount.Get(net.Validators[0].App.NewUncachedContext(false, cmtproto.Header{}))
	require.NoError(t, err)
	require.Greater(t, pending, uint64(300), "the flood is queued")
	require.Equal(t, uint64(1), sequencerAt(t, net, 2).L1Nonce, "held back in the hostile lane")

	// The honest bridge joins (it relays what waited longer than JoinAfter).
	mine := *genuine
	mine.Submitter = net.SubmitterOf(honest)
	res := net.NextBlock(net.SignedTxFrom(honest, &mine), net.SignedTxFrom(hostile, junk(14, false)...))
	queued(res)
	relayedAt := res.Height
	appliedAt := int64(0)
	for b := 15; b < 30 && appliedAt == 0; b++ {
		res := net.NextBlock(net.SignedTxFrom(hostile, junk(b, false)...))
		queued(res)
		if sequencerAt(t, net, 2).L1Nonce == 2 {
			appliedAt = res.Height
		}
	}
	require.NotZero(t, appliedAt, "the genuine event was never applied")
	require.LessOrEqual(t, appliedAt-relayedAt, int64(10), "applied %d blocks after the honest relay", appliedAt-relayedAt)
	t.Logf("honest relay included at %d, applied at %d (%d block after)", relayedAt, appliedAt, appliedAt-relayedAt)
}

func sequencerAt(t *testing.T, net *abcinet.Net, id uint64) sequencertypes.Sequencer {
	t.Helper()
	app := net.Validators[0].App
	s, err := app.SequencerKeeper.GetSequencer(app.NewUncachedContext(false, cmtproto.Header{}), id)
	require.NoError(t, err)
	return s
}
