package keeper_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	sequencertest "github.com/themis-network/themis/testutil/sequencer"
	sequencertypes "github.com/themis-network/themis/x/sequencer/types"
	"github.com/themis-network/themis/x/slashing/types"
)

// Only the governance authority may slash: anyone else, the sequencer's own operator
// included, is refused with ErrUnauthorized and nothing is judged.
func TestGovSlash_OnlyTheAuthority(t *testing.T) {
	c := newChain(t)
	for name, sender := range map[string]string{
		"empty":          "",
		"someone":        sequencertest.Bech32(t, []byte("someone-else-entirely")),
		"the operator":   c.operator(2),
		"not an address": "gov",
	} {
		t.Run(name, func(t *testing.T) {
			_, err := c.msg.Slash(c.Ctx, &types.MsgSlash{Authority: sender, SequencerId: 2, Severity: types.SEVERITY_HIGH, Evidence: "x"})
			require.ErrorIs(t, err, types.ErrUnauthorized)
		})
	}
	all, err := c.query.Offences(c.Ctx, &types.QueryOffencesRequest{})
	require.NoError(t, err)
	require.Empty(t, all.Offences)
	require.Equal(t, sequencertypes.SEQUENCER_STATUS_ACTIVE, c.Seq(2).Status)
}

// Governance slashes MEDIUM, HIGH or CRITICAL; LOW (which slashes nothing) and any
// value outside the ladder are refused with ErrInvalidSeverity.
func TestGovSlash_SeverityIsMediumHighOrCritical(t *testing.T) {
	for _, tc := range []struct {
		severity types.Severity
		ok       bool
	}{
		{types.SEVERITY_LOW, false},
		{types.SEVERITY_MEDIUM, true},
		{types.SEVERITY_HIGH, true},
		{types.SEVERITY_CRITICAL, true},
		{types.Severity(4), false},
		{types.Severity(-1), false},
	} {
		t.Run(tc.severity.String(), func(t *testing.T) {
			c := newChain(t)
			_, err := c.govSlash(2, tc.severity, "evidence")
			if tc.ok {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, types.ErrInvalidSeverity)
			require.Contains(t, err.Error(), "MEDIUM, HIGH or CRITICAL")
			require.Equal(t, sequencertypes.SEQUENCER_STATUS_ACTIVE, c.Seq(2).Status)
		})
	}
}

// The evidence text is required (not blank), valid UTF-8 and at most MaxTextLen bytes.
func TestGovSlash_EvidenceRequiredAndBounded(t *testing.T) {
	for _, tc := range []struct {
		name, evidence string
		ok             bool
		msg            string
	}{
		{"empty", "", false, "evidence is required"},
		{"blank", " \n\t", false, "evidence is required"},
		{"one byte", "x", true, ""},
		{"at the bound", strings.Repeat("e", types.MaxTextLen), true, ""},
		{"one byte over", strings.Repeat("e", types.MaxTextLen+1), false, "2001 bytes, at most 2000"},
		{"multi-byte over", strings.Repeat("é", types.MaxTextLen/2) + "x", false, "at most 2000"},
		{"not utf-8", "bad \xff byte", false, "not valid UTF-8"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := newChain(t)
			n, err := c.govSlash(2, types.SEVERITY_MEDIUM, tc.evidence)
			if tc.ok {
				require.NoError(t, err)
				require.Equal(t, tc.evidence, c.offence(n).Evidence)
				return
			}
			require.ErrorIs(t, err, types.ErrInvalidEvidence)
			require.Contains(t, err.Error(), tc.msg)
		})
	}
}

// A sequencer the chain does not know is refused with ErrSequencerNotFound.
func TestGovSlash_UnknownSequencer(t *testing.T) {
	c := newChain(t)
	for _, id := range []uint64{0, 99} {
		_, err := c.govSlash(id, types.SEVERITY_CRITICAL, "evidence")
		require.ErrorIs(t, err, types.ErrSequencerNotFound)
		require.Contains(t, err.Error(), "sequencer")
	}
	n, err := c.k.NextOffence.Peek(c.Ctx)
	require.NoError(t, err)
	require.Zero(t, n, "no offence id was used")
}

// A governance slash follows the ladder exactly, like any judged offence: medium takes
// 1/16 and jails for 5 days with a strike, high 1/8 and removes the owner, critical 1/4
// and bans owner and signer; each queues its L1 slash with an escrow record and is
// recorded with class GOVERNANCE, the evidence and a stable "gov/<height>/<hash>" ref.
func TestGovSlash_FollowsTheLadder(t *testing.T) {
	lock := sequencertest.Tokens(40_000).AddRaw(7)
	for _, tc := range []struct {
		severity types.Severity
		div      int64
		status   sequencertypes.SequencerStatus
		jailed   bool
		removed  bool
		banned   bool
		strikes  uint32
	}{
		{types.SEVERITY_MEDIUM, 16, sequencertypes.SEQUENCER_STATUS_JAILED, true, false, false, 1},
		{types.SEVERITY_HIGH, 8, sequencertypes.SEQUENCER_STATUS_REMOVED, false, true, false, 0},
		{types.SEVERITY_CRITICAL, 4, sequencertypes.SEQUENCER_STATUS_BANNED, false, true, true, 0},
	} {
		t.Run(tc.severity.String(), func(t *testing.T) {
			c := newChain(t)
			c.FreshEvents()
			n, err := c.govSlash(2, tc.severity, "sandwich of swaps in L2 block 1234")
			require.NoError(t, err)
			require.Equal(t, uint64(1), n, "the response carries the offence id")
			o := c.offence(n)
			require.Equal(t, types.OFFENCE_CLASS_GOVERNANCE, o.Class)
			require.Equal(t, tc.severity, o.Severity)
			require.Equal(t, "sandwich of swaps in L2 block 1234", o.Evidence)
			require.Regexp(t, `^gov/\d+/[0-9a-f]{16}$`, o.EvidenceRef)
			require.Equal(t, types.OFFENCE_STATUS_APPLIED, o.Status)
			require.Equal(t, lock, o.StakeBefore)
			require.Equal(t, lock.QuoRaw(tc.div), o.Slashed)
			require.Equal(t, lock, o.Slashed.Add(o.Remaining))
			require.Equal(t, tc.jailed, o.Jailed)
			require.Equal(t, tc.removed, o.Removed)
			require.Equal(t, tc.banned, o.Banned)
			require.Equal(t, tc.strikes, o.MediumStrikes)
			require.Equal(t, tc.status, c.Seq(2).Status)
			require.Equal(t, o.Slashed, c.Seq(2).UnconfirmedSlash)
			a := c.action(o.L1ActionId)
			require.Equal(t, &types.SlashAction{SequencerId: 2, Amount: o.Slashed, Severity: tc.severity, OffenceId: types.L1OffenceID(c.Ctx.ChainID(), n)}, a.Slash)
			require.Equal(t, types.ESCROW_STATUS_PENDING_L1, c.escrow(n, 2).Status)
			banned, err := c.K.Banned.Has(c.Ctx, sequencertest.Owner(2))
			require.NoError(t, err)
			require.Equal(t, tc.banned, banned)
			signerBanned, err := c.K.Banned.Has(c.Ctx, c.Seq(2).Signer)
			require.NoError(t, err)
			require.Equal(t, tc.banned, signerBanned)
			wl, err := c.K.Whitelist.Has(c.Ctx, sequencertest.Owner(2))
			require.NoError(t, err)
			require.Equal(t, !tc.removed, wl)
			if tc.jailed {
				require.Equal(t, c.Ctx.BlockTime().Add(5*24*time.Hour), o.JailedUntil)
			}
			require.Len(t, sequencertest.TypedEvents[*types.EventOffenceJudged](t, c.Ctx), 1)

			// The same text at the same height gives the same ref: it is stable.
			c2 := newChain(t)
			n2, err := c2.govSlash(2, tc.severity, "sandwich of swaps in L2 block 1234")
			require.NoError(t, err)
			require.Equal(t, o.EvidenceRef, c2.offence(n2).EvidenceRef)
		})
	}
}

// Governance's medium counts towards the owner's lifetime strikes like a stall: with
// two stalls on record, a governance medium is the third and removes.
func TestGovSlash_MediumCountsTheStrikeAndTheThirdRemoves(t *testing.T) {
	c := newChain(t)
	for i := 0; i < 2; i++ {
		c.stall(2)
		c.next()
		c.after(5 * 24 * time.Hour)
		require.NoError(t, c.unjail(2))
	}
	n := c.mustGovSlash(2, types.SEVERITY_MEDIUM)
	o := c.offence(n)
	require.Equal(t, uint32(3), o.MediumStrikes)
	require.True(t, o.Removed)
	require.False(t, o.Jailed)
	require.Equal(t, sequencertypes.SEQUENCER_STATUS_REMOVED, c.Seq(2).Status)
}

// A governance slash takes its fraction of the stake the chain sees, net of slashes
// L1 has not confirmed yet: a second one before the first lands is not charged on
// money already taken.
func TestGovSlash_ChargesTheStakeNetOfUnconfirmedSlashes(t *testing.T) {
	c := newChain(t)
	first := c.offence(c.mustGovSlash(3, types.SEVERITY_HIGH))
	second := c.offence(c.mustGovSlash(3, types.SEVERITY_HIGH))
	require.Equal(t, first.Remaining, second.StakeBefore)
	require.Equal(t, first.Slashed.Add(second.Slashed), c.Seq(3).UnconfirmedSlash)
}
