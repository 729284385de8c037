package keeper_test

import (
	"bytes"
	"testing"

	storetypes "cosmossdk.io/store/types"
	"github.com/cosmos/cosmos-sdk/runtime"
	"github.com/stretchr/testify/require"

	sequencertest "github.com/themis-network/themis/testutil/sequencer"
	mpctypes "github.com/themis-network/themis/x/mpc/types"
	sequencertypes "github.com/themis-network/themis/x/sequencer/types"
	"github.com/themis-network/themis/x/slashing/keeper"
	"github.com/themis-network/themis/x/slashing/types"
)

// blame appends an x/mpc blame record against sequencer id.
func (c *chain) blame(id uint64, sev mpctypes.BlameSeverity) uint64 {
	n := uint64(len(c.mpc.blames) + 1)
	c.mpc.blames = append(c.mpc.blames, mpctypes.Blame{
		Id: n, Session: 40 + n, SessionKey: bytes.Repeat([]byte{byte(n)}, 32), Accused: id,
		Reason: mpctypes.BLAME_REASON_MISSING, Height: c.Ctx.BlockHeight(), Severity: sev, Voters: 3, Parties: 3,
	})
	return n
}

// TestMpcBlame_LowIsFlaggedOnly: a blame record of the default severity becomes a low
// offence with its evidence: recorded, no slash, no jail, no strike.
func TestMpcBlame_LowIsFlaggedOnly(t *testing.T) {
	c := newChain(t)
	c.blame(2, mpctypes.BLAME_SEVERITY_LOW)
	c.next()
	low := c.offencesOf(types.OFFENCE_CLASS_MPC_BLAME)
	require.Len(t, low, 1)
	o := low[0]
	require.Equal(t, types.SEVERITY_LOW, o.Severity)
	require.EqualValues(t, 2, o.SequencerId)
	require.Equal(t, "mpc-blame/1", o.EvidenceRef)
	require.Contains(t, o.Evidence, "3 of the 3 other parties of threshold-signing session 41")
	require.Contains(t, o.Evidence, "BLAME_REASON_MISSING")
	require.True(t, o.Slashed.IsZero())
	require.False(t, o.Jailed)
	require.Zero(t, o.L1ActionId)
	require.Equal(t, sequencertypes.SEQUENCER_STATUS_ACTIVE, c.Seq(2).Status)
	c.next()
	require.Len(t, c.offencesOf(types.OFFENCE_CLASS_MPC_BLAME), 1, "judged once: the cursor moved on")
}

// TestMpcBlame_SeverityFollowsTheRecord: medium and high records are judged as the
// ladder says (medium jails and slashes 1/16, high removes and slashes 1/8).
func TestMpcBlame_SeverityFollowsTheRecord(t *testing.T) {
	c := newChain(t)
	c.blame(2, mpctypes.BLAME_SEVERITY_MEDIUM)
	c.blame(3, mpctypes.BLAME_SEVERITY_HIGH)
	c.next()
	judged := c.offencesOf(types.OFFENCE_CLASS_MPC_BLAME)
	require.Len(t, judged, 2)
	require.Equal(t, types.SEVERITY_MEDIUM, judged[0].Severity)
	require.True(t, judged[0].Jailed)
	require.Equal(t, sequencertest.Tokens(40_000).AddRaw(7).QuoRaw(16), judged[0].Slashed)
	require.Equal(t, sequencertypes.SEQUENCER_STATUS_JAILED, c.Seq(2).Status)
	require.Equal(t, types.SEVERITY_HIGH, judged[1].Severity)
	require.True(t, judged[1].Removed)
	require.Equal(t, sequencertypes.SEQUENCER_STATUS_REMOVED, c.Seq(3).Status)
}

// TestMpcBlame_UnjudgeableIsPassedOver: a record naming an unknown sequencer is
// logged and passed over; the records after it are judged.
func TestMpcBlame_UnjudgeableIsPassedOver(t *testing.T) {
	c := newChain(t)
	c.blame(77, mpctypes.BLAME_SEVERITY_LOW)
	c.blame(2, mpctypes.BLAME_SEVERITY_LOW)
	c.next()
	judged := c.offencesOf(types.OFFENCE_CLASS_MPC_BLAME)
	require.Len(t, judged, 1)
	require.EqualValues(t, 2, judged[0].SequencerId)
	cursor, err := c.k.MpcBlameCursor.Get(c.Ctx)
	require.NoError(t, err)
	require.EqualValues(t, 2, cursor)
}

// TestMpcBlame_CursorSurvivesGenesis: the cursor is exported and imported, so a
// restarted chain judges no record twice.
func TestMpcBlame_CursorSurvivesGenesis(t *testing.T) {
	c := newChain(t)
	c.blame(2, mpctypes.BLAME_SEVERITY_LOW)
	c.next()
	exported, err := c.k.ExportGenesis(c.Ctx)
	require.NoError(t, err)
	require.EqualValues(t, 1, exported.MpcBlameCursor)

	key := storetypes.NewKVStoreKey(types.StoreKey)
	env := sequencertest.NewEnvWithGenesis(t, sequencertest.RelayerGenesis(t), key)
	k2 := keeper.NewKeeper(sequencertest.Codec(), runtime.NewKVStoreService(key), env.AddrCodec, env.Authority, env.K, c.epochs).WithMpc(c.mpc)
	require.NoError(t, k2.InitGenesis(env.Ctx, *exported))
	again, err := k2.ExportGenesis(env.Ctx)
	require.NoError(t, err)
	require.Equal(t, exported, again)
}
