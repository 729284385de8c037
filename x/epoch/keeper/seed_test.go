package keeper_test

import (
	"bytes"
	"crypto/sha256"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/x/epoch/types"
	"github.com/themis-network/themis/x/voteext"
)

func TestRevealsAreVerifiedAndMixedIntoTheSeed(t *testing.T) {
	c := newChain(t, 10, 10, 10)
	c.block(time.Second) // everyone commits an onion
	for id := uint64(1); id <= 3; id++ {
		st, err := c.k.Onions.Get(c.ctx, consAddrOf(id))
		require.NoError(t, err)
		require.Equal(t, uint64(0), st.Revealed)
		require.Equal(t, uint64(8), st.Length)
	}
	seed1, err := c.k.Seed.Get(c.ctx)
	require.NoError(t, err)
	c.block(time.Second) // everyone reveals
	seed2, err := c.k.Seed.Get(c.ctx)
	require.NoError(t, err)
	require.NotEqual(t, seed1, seed2)
	for id := uint64(1); id <= 3; id++ {
		st, err := c.k.Onions.Get(c.ctx, consAddrOf(id))
		require.NoError(t, err)
		require.Equal(t, uint64(1), st.Revealed)
		require.Equal(t, uint64(0), st.Missed)
	}
	// 8 reveals use up the onion; the node then commits a fresh one (index 1).
	c.run(8, false)
	st, err := c.k.Onions.Get(c.ctx, consAddrOf(1))
	require.NoError(t, err)
	require.Equal(t, uint64(1), st.Index)
	require.Equal(t, uint64(0), st.Revealed)
	c.block(time.Second)
	st, err = c.k.Onions.Get(c.ctx, consAddrOf(1))
	require.NoError(t, err)
	require.Equal(t, uint64(1), st.Revealed)
}

func TestWrongOrMissingRevealsCountAsMissed(t *testing.T) {
	c := newChain(t, 10, 10, 10)
	c.block(time.Second)
	c.node(2).online = false
	c.block(time.Second)
	st, err := c.k.Onions.Get(c.ctx, consAddrOf(2))
	require.NoError(t, err)
	require.Equal(t, uint64(1), st.Missed)
	require.Equal(t, uint64(0), st.Revealed)

	// A reveal that does not open the last layer is not accepted and not mixed in.
	before, err := c.k.Seed.Get(c.ctx)
	require.NoError(t, err)
	bad := sha256.Sum256([]byte("not my onion"))
	payload, err := types.EncodeReport(types.Report{Reveal: bad[:]})
	require.NoError(t, err)
	set := voteext.ValidatorSet{Validators: []voteext.Validator{{ConsAddress: consAddrOf(2), Power: 10}}, TotalPower: 10}
	require.NoError(t, c.k.ApplyReports(c.ctx, 99, set, []voteext.ValidatorReport{{Validator: set.Validators[0], Payload: payload}}))
	st, err = c.k.Onions.Get(c.ctx, consAddrOf(2))
	require.NoError(t, err)
	require.Equal(t, uint64(2), st.Missed)
	after, err := c.k.Seed.Get(c.ctx)
	require.NoError(t, err)
	// The seed still moves (height is mixed in) but without the bad reveal: recompute.
	require.False(t, bytes.Equal(before, after))
}

func TestSeedDependsOnEveryReveal(t *testing.T) {
	// Two chains identical except for one validator's secret give different seeds.
	a := newChain(t, 10, 10, 10)
	b := newChain(t, 10, 10, 10)
	a.run(3, true)
	b.run(3, true)
	sa, err := a.k.Seed.Get(a.ctx)
	require.NoError(t, err)
	sb, err := b.k.Seed.Get(b.ctx)
	require.NoError(t, err)
	require.Equal(t, sa, sb, "same secrets, same seed: the seed is deterministic")

	c := newChain(t, 10, 10)
	c.addNodeWithSecret(3, 10, "another secret")
	c.run(3, true)
	sc, err := c.k.Seed.Get(c.ctx)
	require.NoError(t, err)
	require.NotEqual(t, sa, sc)
}
