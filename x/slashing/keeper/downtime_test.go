package keeper_test

import (
	"testing"
	"time"

	abci "github.com/cometbft/cometbft/abci/types"
	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	"github.com/stretchr/testify/require"

	sequencertest "github.com/themis-network/themis/testutil/sequencer"
	sequencertypes "github.com/themis-network/themis/x/sequencer/types"
	"github.com/themis-network/themis/x/slashing/types"
)

// downtimeChain has 7 validators (the relayer, 2 and 3, and 4..7 at 30,000) and a
// downtime window of 100 blocks with a 5-block grace, which the rule deems sound for 7.
func downtimeChain(t *testing.T) *chain {
	c := newChain(t)
	for id := uint64(4); id <= 7; id++ {
		c.Join(id, sequencertest.Owner(id), sequencertest.Tokens(30_000))
	}
	p := types.DefaultParams()
	p.DowntimeWindow, p.GraceBlocks = 100, 5
	require.NoError(t, p.Validate())
	require.NoError(t, c.k.Params.Set(c.Ctx, p))
	c.next()
	c.next()
	return c
}

// block runs one block whose last commit has the listed sequencers absent (and
// every other member of the H-1 set signed), through x/slashing's BeginBlock and the
// end blockers.
func (c *chain) block(absent ...uint64) {
	c.t.Helper()
	c.AtHeight(c.Ctx.BlockHeight() + 1)
	c.Ctx = c.Ctx.WithVoteInfos(c.votes(c.Ctx.BlockHeight()-1, absent...))
	require.NoError(c.t, c.k.BeginBlock(c.Ctx))
	c.endBlock()
}

// votes is the last commit of height h: every member of the set at h, absent or not.
func (c *chain) votes(h int64, absent ...uint64) []abci.VoteInfo {
	c.t.Helper()
	set, err := c.K.RecordedSetAt(c.Ctx, h)
	require.NoError(c.t, err)
	out := make([]abci.VoteInfo, 0, len(set.Validators))
	for _, v := range set.Validators {
		flag := cmtproto.BlockIDFlagCommit
		for _, id := range absent {
			if id == v.SequencerId {
				flag = cmtproto.BlockIDFlagAbsent
			}
		}
		out = append(out, abci.VoteInfo{Validator: abci.Validator{Address: v.ConsAddress, Power: v.Power}, BlockIdFlag: flag})
	}
	return out
}

func (c *chain) offencesOf(class types.OffenceClass) []types.Offence {
	c.t.Helper()
	var out []types.Offence
	require.NoError(c.t, c.k.Offences.Walk(c.Ctx, nil, func(_ uint64, o types.Offence) (bool, error) {
		if o.Class == class {
			out = append(out, o)
		}
		return false, nil
	}))
	return out
}

// Two validators (2 of 7, a quarter of the power) missing more than half of one window
// is a multiple node outage: high for each (1/8 slashed, removed); nobody else is
// charged.
func TestDowntime_TwoDownInOneWindowIsHighForEach(t *testing.T) {
	c := downtimeChain(t)
	for i := 0; i < 5+100+2; i++ {
		c.block(6, 7)
	}
	high := c.offencesOf(types.OFFENCE_CLASS_MULTI_NODE_OUTAGE)
	require.Len(t, high, 2)
	for i, id := range []uint64{6, 7} {
		o := high[i]
		require.Equal(t, id, o.SequencerId)
		require.Equal(t, types.SEVERITY_HIGH, o.Severity)
		require.Equal(t, sequencertest.Tokens(30_000).QuoRaw(8), o.Slashed)
		require.True(t, o.Removed)
		require.Contains(t, o.Evidence, "one of 2 validators of 7")
		require.Equal(t, sequencertypes.SEQUENCER_STATUS_REMOVED, c.Seq(id).Status)
	}
	require.Len(t, c.offencesOf(types.OFFENCE_CLASS_NODE_OUTAGE), 0, "no low flag on top of the high offence")
	for _, id := range []uint64{sequencertest.RelayerID, 2, 3, 4, 5} {
		require.Equal(t, sequencertypes.SEQUENCER_STATUS_ACTIVE, c.Seq(id).Status)
	}
	// Their windows are gone with them: they leave the set two blocks later.
	c.block()
	c.block()
	c.block()
	_, err := c.k.Signings.Get(c.Ctx, 6)
	require.Error(t, err)
}

// One validator offline alone is never high: it is flagged low once (no slash, no
// jail) and flagged again only after it came back under the threshold and fell again.
func TestDowntime_OneDownAloneIsLowOnce(t *testing.T) {
	c := downtimeChain(t)
	for i := 0; i < 5+100+20; i++ {
		c.block(6)
	}
	low := c.offencesOf(types.OFFENCE_CLASS_NODE_OUTAGE)
	require.Len(t, low, 1)
	require.Equal(t, types.SEVERITY_LOW, low[0].Severity)
	require.True(t, low[0].Slashed.IsZero())
	require.Zero(t, low[0].L1ActionId)
	require.False(t, low[0].Jailed || low[0].Removed)
	require.Contains(t, low[0].Evidence, "a single member over the threshold")
	require.Equal(t, sequencertypes.SEQUENCER_STATUS_ACTIVE, c.Seq(6).Status)
	require.Empty(t, c.offencesOf(types.OFFENCE_CLASS_MULTI_NODE_OUTAGE))

	for i := 0; i < 100; i++ { // back online: under the threshold, the flag clears
		c.block()
	}
	flagged, err := c.k.LowFlagged.Has(c.Ctx, 6)
	require.NoError(t, err)
	require.False(t, flagged)
	for i := 0; i < 60; i++ {
		c.block(6)
	}
	require.Len(t, c.offencesOf(types.OFFENCE_CLASS_NODE_OUTAGE), 2)
}

// Just at the threshold is not over it: 50 misses of a 100-block window is not "more
// than half".
func TestDowntime_ThresholdIsStrict(t *testing.T) {
	c := downtimeChain(t)
	for i := 0; i < 5; i++ {
		c.block()
	}
	for i := 0; i < 100; i++ {
		if i%2 == 0 {
			c.block(6, 7)
		} else {
			c.block()
		}
	}
	require.Empty(t, c.offencesOf(types.OFFENCE_CLASS_MULTI_NODE_OUTAGE))
	c.block(6, 7) // the oldest record was a miss: still 50 of 100
	require.Empty(t, c.offencesOf(types.OFFENCE_CLASS_MULTI_NODE_OUTAGE))
	c.block(6, 7) // the oldest was signed: 51 of 100
	require.Len(t, c.offencesOf(types.OFFENCE_CLASS_MULTI_NODE_OUTAGE), 2)
}

// After a halt (a block-time gap of at least halt_gap) the validators come back one by
// one: the first grace_blocks blocks are not counted, so the restart frames nobody.
func TestDowntime_RestartAfterHaltFramesNobody(t *testing.T) {
	c := downtimeChain(t)
	for i := 0; i < 5+100; i++ {
		c.block()
	}
	c.Ctx = c.Ctx.WithBlockTime(c.Ctx.BlockTime().Add(30 * time.Minute)) // the halt
	for i := 0; i < 5; i++ {                                             // 6 and 7 are the last to come back
		c.block(6, 7)
	}
	for i := 0; i < 200; i++ {
		c.block()
	}
	require.Empty(t, c.offencesOf(types.OFFENCE_CLASS_MULTI_NODE_OUTAGE))
	require.Empty(t, c.offencesOf(types.OFFENCE_CLASS_NODE_OUTAGE))
	grace, err := c.k.GraceUntil.Get(c.Ctx)
	require.NoError(t, err)
	require.Greater(t, grace, int64(100), "the halt started a grace period")
}

// Counting pauses during the grace, it does not reset: misses before the halt still
// count after it.
func TestDowntime_GracePausesNotResets(t *testing.T) {
	c := downtimeChain(t)
	for i := 0; i < 5; i++ {
		c.block()
	}
	for i := 0; i < 45; i++ {
		c.block(6, 7)
	}
	c.Ctx = c.Ctx.WithBlockTime(c.Ctx.BlockTime().Add(30 * time.Minute))
	for i := 0; i < 5; i++ {
		c.block(6, 7) // not counted
	}
	for i := 0; i < 55; i++ {
		c.block(6, 7) // 45 + 55 = 100 misses in a full window
	}
	require.Len(t, c.offencesOf(types.OFFENCE_CLASS_MULTI_NODE_OUTAGE), 2)
}

// The downtime query shows each validator's window and flag, and the grace.
func TestDowntime_Query(t *testing.T) {
	c := downtimeChain(t)
	for i := 0; i < 5+100; i++ {
		c.block(6)
	}
	resp, err := c.query.Downtime(c.Ctx, &types.QueryDowntimeRequest{})
	require.NoError(t, err)
	require.Equal(t, uint32(100), resp.Window)
	require.Len(t, resp.Validators, 7)
	for _, v := range resp.Validators {
		if v.SequencerId == 6 {
			require.Equal(t, types.ValidatorDowntime{SequencerId: 6, Counted: 100, Missed: 100, OverThreshold: true, LowFlagged: true}, v)
		} else {
			require.Zero(t, v.Missed)
			require.False(t, v.LowFlagged)
		}
	}
	require.Positive(t, resp.GraceUntil)
}
