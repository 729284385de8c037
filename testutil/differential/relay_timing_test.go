package differential

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	seqtypes "github.com/themis-network/themis/x/sequencer/types"
)

// The same L1 history gives the same chain state whatever the bridge's speed. A limits
// change (LockLimitsUpdated, ordered by configNonce) and a sequencer's event (ordered
// by its own nonce) may reach the chain in either order; found by this package as a
// discrepancy while the chain judged admission against a min_lock of its own, fixed by
// mirroring the contract's limits and leaving the stake out of admission (min_lock is
// the contract's to enforce, on every lock and withdrawal).
func TestRelayTimingDoesNotDecideAdmission(t *testing.T) {
	raise := Op{Kind: LockLimits, Param: 3 + 4*1} // 40,000..150,000 tokens on L1, relayed
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
				"relayed after the raise (%s): the same L1 history must give the same chain state", late[1].StatusReason)
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
	for _, op := range ops {
		_, err := seq.Step(op)
		require.NoError(t, err)
	}
	got, _, err := ChainView(seq.env.Ctx, seq.env.Query)
	require.NoError(t, err)
	return got
}
