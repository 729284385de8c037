package keeper_test

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	sequencertest "github.com/themis-network/themis/testutil/sequencer"
	epochtypes "github.com/themis-network/themis/x/epoch/types"
	sequencertypes "github.com/themis-network/themis/x/sequencer/types"
	"github.com/themis-network/themis/x/slashing/types"
)

// wrongRoot records a wrong-state-root offence of sequencer id in the fake x/epoch.
func (c *chain) wrongRoot(id uint64) epochtypes.Offence {
	n := uint64(len(c.epochs.offences) + 1)
	o := epochtypes.Offence{
		Id: n, Kind: epochtypes.OffenceKind_OFFENCE_KIND_WRONG_STATE_ROOT, SequencerId: id, EpochId: 20 + n,
		L2Height: 500, HeaderHash: bytes.Repeat([]byte{0xab}, 32), DetectedHeight: c.Ctx.BlockHeight(), DetectedTime: c.Ctx.BlockTime(),
	}
	c.epochs.offences = append(c.epochs.offences, o)
	return o
}

// x/epoch's wrong-state-root offence is judged critical in the same block: 1/4 of the
// whole lock, the owner and signer banned, with the L2 height and the header hash in
// the evidence; judged once. A stall recorded beside it stays medium.
func TestWrongStateRoot_CriticalBan(t *testing.T) {
	c := newChain(t)
	signer := c.Seq(2).Signer
	lock := c.Seq(2).Locked
	ev := c.wrongRoot(2)
	c.stall(3)
	c.next()

	o := c.offence(1)
	require.Equal(t, types.OFFENCE_CLASS_WRONG_STATE_ROOT, o.Class)
	require.Equal(t, types.SEVERITY_CRITICAL, o.Severity)
	require.Equal(t, uint64(2), o.SequencerId)
	require.Equal(t, "epoch-offence/1", o.EvidenceRef)
	require.Contains(t, o.Evidence, "L2 block 500")
	require.Contains(t, o.Evidence, fmt.Sprintf("0x%x", ev.HeaderHash))
	require.Equal(t, lock, o.StakeBefore)
	require.Equal(t, lock.QuoRaw(4), o.Slashed)
	require.True(t, o.Banned)
	require.False(t, o.Jailed)
	require.Equal(t, sequencertypes.SEQUENCER_STATUS_BANNED, c.Seq(2).Status)
	require.Zero(t, c.power(2))
	for _, a := range []string{sequencertest.Owner(2), signer} {
		banned, err := c.K.Banned.Has(c.Ctx, a)
		require.NoError(t, err)
		require.True(t, banned, a)
	}
	require.True(t, c.epochs.handled[1])

	stall := c.offence(2)
	require.Equal(t, types.OFFENCE_CLASS_NON_PRODUCTION, stall.Class)
	require.Equal(t, types.SEVERITY_MEDIUM, stall.Severity)
	require.Equal(t, uint64(3), stall.SequencerId)

	c.next()
	c.next()
	require.Len(t, c.offencesOf(types.OFFENCE_CLASS_WRONG_STATE_ROOT), 1, "judged once")
}
