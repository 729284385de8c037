package differential

import (
	"context"
	"os"
	"testing"

	"github.com/stretchr/testify/require"

	seqtypes "github.com/themis-network/themis/x/sequencer/types"
)

// Known discrepancy (found by this test; reported, x/sequencer is not this package's to
// change): the chain judges a Locked or Withdrawn event against the min_lock it has
// when it applies the event, and a min_lock change re-decides nobody. So when governance
// raises min_lock (now: MsgUpdateParams; later: the mirrored LockLimitsUpdated, which
// is ordered apart from the sequencers' nonces) between the L1 event and its relay, the
// sequencer ends NOT_ADMITTED with no power; relayed a block earlier, it stays ACTIVE.
// The same L1 history gives two chain states, depending on the bridge's speed. The
// contract accepted both under the minimum it had.
//
// The random mix avoids the interleaving (Step settles the bridge before a limits
// change). THEMIS_DIFFERENTIAL_KNOWN=1 runs this test, which fails until it is fixed.
func TestKnownRelayTimingDecidesAdmission(t *testing.T) {
	if os.Getenv("THEMIS_DIFFERENTIAL_KNOWN") == "" {
		t.Skip("known discrepancy (see the comment); THEMIS_DIFFERENTIAL_KNOWN=1 runs it")
	}
	raise := Op{Kind: LockLimits, Param: 3 + 4*1} // 40,000..150,000 tokens, on L1 and the chain
	for _, tc := range []struct {
		name  string
		setup []Op
		event Op
	}{
		// owner 0 locks 31,000 (min 20,000) and withdraws 5,500, leaving 25,500.
		{"withdrawal", []Op{{Kind: Lock, Param: 16}}, Op{Kind: Withdraw, Param: 32768}},
		// owner 0 locks 31,000 (min 20,000).
		{"lock", nil, Op{Kind: Lock, Param: 16}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			carried := tc.event
			carried.Actor |= 0x18
			prompt := finalChain(t, append(append([]Op{}, tc.setup...), tc.event, raise))
			late := finalChain(t, append(append([]Op{}, tc.setup...), carried, raise))
			require.Equal(t, seqtypes.SEQUENCER_STATUS_ACTIVE.String(), prompt[1].Status.String(), "relayed before the raise")
			require.Equal(t, prompt[1].Status.String(), late[1].Status.String(),
				"relayed after the raise (%s): the same L1 history, another chain state", late[1].StatusReason)
			require.Equal(t, prompt[1].Power, late[1].Power)
		})
	}
}

// finalChain runs ops on a fresh world and chain and returns the chain's sequencers.
func finalChain(t *testing.T, ops []Op) map[uint64]ChainSeq {
	t.Helper()
	ctx := context.Background()
	worlds := &Worlds{}
	t.Cleanup(func() { _ = worlds.Close() })
	w, err := worlds.Fresh(ctx)
	require.NoError(t, err)
	seq, err := NewSequence(ctx, t, w, seedOf(0))
	require.NoError(t, err)
	seq.settleBeforeLimits = false // the interleaving under test
	for _, op := range ops {
		_, err := seq.Step(op)
		require.NoError(t, err)
	}
	got, _, err := ChainView(seq.env.Ctx, seq.env.Query)
	require.NoError(t, err)
	return got
}
