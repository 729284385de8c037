package keeper_test

import (
	"testing"

	"cosmossdk.io/core/comet"
	"github.com/stretchr/testify/require"

	sequencertest "github.com/themis-network/themis/testutil/sequencer"
	sequencertypes "github.com/themis-network/themis/x/sequencer/types"
	"github.com/themis-network/themis/x/slashing/types"
)

func (c *chain) beginWith(ev ...misbehaviour) {
	c.t.Helper()
	c.AtHeight(c.Ctx.BlockHeight() + 1)
	c.Ctx = c.Ctx.WithCometInfo(cometInfo{evidence: ev})
	require.NoError(c.t, c.k.BeginBlock(c.Ctx))
	c.endBlock()
}

// Attacks found by review, closed.

// A copy of judged evidence (CometBFT hashes a precommit's extension into the
// evidence, so anyone can re-mint a judged double sign under a new hash) must not stop
// the judging of the evidence after it: CometBFT never hands that over again.
func TestDoubleSign_AJudgedCopyDoesNotShieldLaterEvidence(t *testing.T) {
	c := newChain(t)
	for i := 0; i < 3; i++ {
		c.next()
	}
	h := c.Ctx.BlockHeight()
	x, y := c.consAddress(3, h), c.consAddress(2, h)
	// Block 1: X's evidence; X is banned.
	c.beginWith(misbehaviour{kind: comet.DuplicateVote, addr: x, height: h})
	require.Equal(t, sequencertypes.SEQUENCER_STATUS_BANNED, c.Seq(3).Status)
	// Block 2: another conflicting pair of X at h (a new hash for CometBFT), then Y's.
	c.beginWith(
		misbehaviour{kind: comet.DuplicateVote, addr: x, height: h},
		misbehaviour{kind: comet.DuplicateVote, addr: y, height: h},
	)
	require.Len(t, c.offencesOf(types.OFFENCE_CLASS_DOUBLE_SIGN), 2, "Y's double sign must be judged")
}

// x/sequencer keeps about 100 heights of validator sets; CometBFT accepts evidence for
// 100,000 blocks or 48 h. Older evidence finds its sequencer through the index of every
// consensus address seen in a set.
func TestDoubleSign_EvidenceOlderThanTheSetHistoryFindsItsSequencer(t *testing.T) {
	c := newChain(t)
	for i := 0; i < 3; i++ {
		c.block() // BeginBlock indexes the signers of every block
	}
	h := c.Ctx.BlockHeight()
	x := c.consAddress(3, h)
	c.Join(4, sequencertest.Owner(4), sequencertest.Tokens(30_000)) // any set change
	for i := 0; i < 120; i++ {
		c.block() // BeginBlock indexes the signers of every block
	}
	c.beginWith(misbehaviour{kind: comet.DuplicateVote, addr: x, height: h})
	require.Len(t, c.offencesOf(types.OFFENCE_CLASS_DOUBLE_SIGN), 1, "120-block-old evidence must still be judged")
}

// A key that double signs at several heights before it leaves the set (two blocks after
// the ban) is charged once: the first critical bans it.
func TestDoubleSign_OneChargePerBan(t *testing.T) {
	c := newChain(t)
	for i := 0; i < 3; i++ {
		c.next()
	}
	h := c.Ctx.BlockHeight()
	x := c.consAddress(3, h)
	c.beginWith(misbehaviour{kind: comet.DuplicateVote, addr: x, height: h})
	c.beginWith(misbehaviour{kind: comet.DuplicateVote, addr: x, height: h + 1})
	ds := c.offencesOf(types.OFFENCE_CLASS_DOUBLE_SIGN)
	for _, o := range ds {
		t.Logf("offence %d: stake %s slashed %s", o.Id, o.StakeBefore, o.Slashed)
	}
	require.Len(t, ds, 1, "one incident, one critical slash")
}

// A member already flagged low does not keep the members after it (in set order) from
// being flagged.
func TestDowntime_AFlaggedMemberDoesNotHideAnother(t *testing.T) {
	c := downtimeChain(t)
	p, err := c.k.Params.Get(c.Ctx)
	require.NoError(t, err)
	p.MinGroupCountBps = 5000 // a group of 2 of 7 is not high: both are low
	require.NoError(t, p.Validate())
	require.NoError(t, c.k.Params.Set(c.Ctx, p))
	for i := 0; i < 5+100+2; i++ {
		c.block(6) // 6 alone: flagged low
	}
	require.Len(t, c.offencesOf(types.OFFENCE_CLASS_NODE_OUTAGE), 1)
	for i := 0; i < 120; i++ {
		c.block(6, 7) // now 7 is over the threshold too
	}
	resp, err := c.query.Downtime(c.Ctx, &types.QueryDowntimeRequest{})
	require.NoError(t, err)
	for _, v := range resp.Validators {
		if v.SequencerId == 7 {
			require.True(t, v.OverThreshold)
			require.True(t, v.LowFlagged, "7 is over the threshold and must be flagged low")
		}
	}
}

// One validator hovering at the threshold (missing exactly when the vote leaving the
// window was signed, so its count swings 50/51 every block) is flagged once per window,
// not at every crossing: low offences cost it nothing, and each is a stored record.
func TestDowntime_HoveringAtTheThresholdIsFlaggedOncePerWindow(t *testing.T) {
	c := downtimeChain(t)
	for i := 0; i < 5; i++ { // the genesis grace
		c.block()
	}
	var sent []bool            // true: missed
	for i := 0; i < 100; i++ { // S M S M ...: 50 of 100, not over
		sent = append(sent, i%2 == 1)
	}
	for i := 0; i < 1000; i++ {
		sent = append(sent, !sent[len(sent)-100])
	}
	for _, miss := range sent {
		if miss {
			c.block(6)
		} else {
			c.block()
		}
	}
	n := len(c.offencesOf(types.OFFENCE_CLASS_NODE_OUTAGE))
	t.Logf("low offences recorded in 1000 blocks: %d", n)
	require.LessOrEqual(t, n, 1000/100+1, "at most one low offence per window, not one per crossing")
}
