package keeper_test

import (
	"testing"
	"time"

	"cosmossdk.io/core/comet"
	"github.com/stretchr/testify/require"

	sequencertest "github.com/themis-network/themis/testutil/sequencer"
	sequencertypes "github.com/themis-network/themis/x/sequencer/types"
	"github.com/themis-network/themis/x/slashing/types"
)

// cometInfo is the header information CometBFT hands a block: here, its evidence.
type cometInfo struct{ evidence []misbehaviour }

func (c cometInfo) GetEvidence() comet.EvidenceList { return evidenceList(c.evidence) }
func (cometInfo) GetValidatorsHash() []byte         { return nil }
func (cometInfo) GetProposerAddress() []byte        { return nil }
func (cometInfo) GetLastCommit() comet.CommitInfo   { return nil }

type evidenceList []misbehaviour

func (l evidenceList) Len() int                 { return len(l) }
func (l evidenceList) Get(i int) comet.Evidence { return l[i] }

type misbehaviour struct {
	kind   comet.MisbehaviorType
	addr   []byte
	height int64
}

func (m misbehaviour) Type() comet.MisbehaviorType { return m.kind }
func (m misbehaviour) Validator() comet.Validator  { return validator{m.addr} }
func (m misbehaviour) Height() int64               { return m.height }
func (m misbehaviour) Time() time.Time             { return sequencertest.StartTime }
func (m misbehaviour) TotalVotingPower() int64     { return 1 }

type validator struct{ addr []byte }

func (v validator) Address() []byte { return v.addr }
func (validator) Power() int64      { return 1 }

// consAddress is sequencer id's consensus address in the set at height h.
func (c *chain) consAddress(id uint64, h int64) []byte {
	c.t.Helper()
	set, err := c.K.RecordedSetAt(c.Ctx, h)
	require.NoError(c.t, err)
	for _, v := range set.Validators {
		if v.SequencerId == id {
			return v.ConsAddress
		}
	}
	c.t.Fatalf("sequencer %d is not in the set at %d", id, h)
	return nil
}

// CometBFT's duplicate-vote evidence is critical: 1/4 slashed, the owner and signer
// banned, judged once however often the evidence is handed over. Evidence of another
// kind, or naming nobody in the set, charges nobody.
func TestDoubleSign_CriticalBanOnce(t *testing.T) {
	c := newChain(t)
	for i := 0; i < 3; i++ {
		c.next()
	}
	h := c.Ctx.BlockHeight()
	addr := c.consAddress(3, h)
	signer := c.Seq(3).Signer
	evidence := cometInfo{evidence: []misbehaviour{
		{kind: comet.DuplicateVote, addr: addr, height: h},
		{kind: comet.LightClientAttack, addr: c.consAddress(2, h), height: h},
		{kind: comet.DuplicateVote, addr: []byte("nobody-in-the-set!!!"), height: h},
	}}
	for i := 0; i < 2; i++ {
		c.AtHeight(c.Ctx.BlockHeight() + 1)
		c.Ctx = c.Ctx.WithCometInfo(evidence)
		require.NoError(t, c.k.BeginBlock(c.Ctx))
		c.endBlock()
	}
	all, err := c.query.Offences(c.Ctx, &types.QueryOffencesRequest{})
	require.NoError(t, err)
	require.Len(t, all.Offences, 1)
	o := all.Offences[0]
	require.Equal(t, types.OFFENCE_CLASS_DOUBLE_SIGN, o.Class)
	require.Equal(t, types.SEVERITY_CRITICAL, o.Severity)
	require.Equal(t, uint64(3), o.SequencerId)
	require.Equal(t, o.StakeBefore.QuoRaw(4), o.Slashed)
	require.True(t, o.Banned)
	require.Equal(t, sequencertypes.SEQUENCER_STATUS_BANNED, c.Seq(3).Status)
	for _, a := range []string{sequencertest.Owner(3), signer} {
		banned, err := c.K.Banned.Has(c.Ctx, a)
		require.NoError(t, err)
		require.True(t, banned, a)
	}
	require.Equal(t, sequencertypes.SEQUENCER_STATUS_ACTIVE, c.Seq(2).Status, "a light-client attack is not judged here")

	// The banned owner's later lock is recorded BANNED, with no power.
	pub, _ := c.NewKey()
	c.Apply(c.LockMsg(9, sequencertest.Owner(3), pub, sequencertest.Tokens(30_000)))
	require.Equal(t, sequencertypes.SEQUENCER_STATUS_BANNED, c.Seq(9).Status)
	require.Zero(t, c.power(9))
}
