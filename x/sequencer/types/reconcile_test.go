package types_test

import (
	"testing"

	"cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	sequencertest "github.com/themis-network/themis/testutil/sequencer"
	"github.com/themis-network/themis/x/sequencer/types"
)

func reasons(fs []types.DisagreementFinding) []types.DisagreementReason {
	var out []types.DisagreementReason
	for _, f := range fs {
		out = append(out, f.Reason)
	}
	return out
}

func TestAdmissionFindings(t *testing.T) {
	ok := types.AdmissionFacts{Owner: "0xo", Signer: "0xs", OwnerWhitelisted: true}
	for _, tc := range []struct {
		name   string
		mutate func(f *types.AdmissionFacts)
		want   []types.DisagreementReason
		status types.SequencerStatus
	}{
		{"admitted", func(*types.AdmissionFacts) {}, nil, types.SEQUENCER_STATUS_ACTIVE},
		{"not whitelisted", func(f *types.AdmissionFacts) { f.OwnerWhitelisted = false },
			[]types.DisagreementReason{types.DISAGREEMENT_REASON_NOT_WHITELISTED}, types.SEQUENCER_STATUS_NOT_ADMITTED},
		{"signer conflict", func(f *types.AdmissionFacts) { f.SignerConflict = "held" },
			[]types.DisagreementReason{types.DISAGREEMENT_REASON_SIGNER_CONFLICT}, types.SEQUENCER_STATUS_NOT_ADMITTED},
		{"banned owner", func(f *types.AdmissionFacts) { f.OwnerBanned = true },
			[]types.DisagreementReason{types.DISAGREEMENT_REASON_BANNED}, types.SEQUENCER_STATUS_BANNED},
		{"banned signer", func(f *types.AdmissionFacts) { f.SignerBanned = true },
			[]types.DisagreementReason{types.DISAGREEMENT_REASON_BANNED}, types.SEQUENCER_STATUS_BANNED},
		{"everything, in a fixed order", func(f *types.AdmissionFacts) {
			*f = types.AdmissionFacts{Owner: "0xo", Signer: "0xs", OwnerBanned: true, SignerBanned: true, SignerConflict: "held"}
		}, []types.DisagreementReason{types.DISAGREEMENT_REASON_BANNED, types.DISAGREEMENT_REASON_BANNED, types.DISAGREEMENT_REASON_SIGNER_CONFLICT,
			types.DISAGREEMENT_REASON_NOT_WHITELISTED}, types.SEQUENCER_STATUS_BANNED},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := ok
			tc.mutate(&f)
			fs := f.Findings()
			require.Equal(t, tc.want, reasons(fs))
			status, reason := types.LockStatus(fs)
			require.Equal(t, tc.status, status)
			require.Equal(t, types.JoinFindings(fs), reason)
			require.Equal(t, len(fs) == 0, reason == "")
		})
	}
}

func TestEventFindings(t *testing.T) {
	tok := sequencertest.Tokens
	rec := func(status types.SequencerStatus, locked int64) types.Sequencer {
		return types.Sequencer{Id: 1, Status: status, Locked: tok(locked)}
	}
	ref := sequencertest.Ref(1)
	active, unlocking, unlocked := types.SEQUENCER_STATUS_ACTIVE, types.SEQUENCER_STATUS_UNLOCKING, types.SEQUENCER_STATUS_UNLOCKED
	amount, status := types.DISAGREEMENT_REASON_AMOUNT_MISMATCH, types.DISAGREEMENT_REASON_STATUS_MISMATCH
	for _, tc := range []struct {
		name string
		msg  types.L1EventMsg
		s    types.Sequencer
		want []types.DisagreementReason
	}{
		{"relock that adds up", sequencertest.Relocked("", ref, 1, 2, tok(1), tok(31)), rec(active, 30), nil},
		{"relock that does not", sequencertest.Relocked("", ref, 1, 2, tok(1), tok(32)), rec(active, 30), []types.DisagreementReason{amount}},
		{"relock while unlocking", sequencertest.Relocked("", ref, 1, 2, tok(1), tok(31)), rec(unlocking, 30), []types.DisagreementReason{status}},
		{"relock of a JAILED lock", sequencertest.Relocked("", ref, 1, 2, tok(1), tok(31)), rec(types.SEQUENCER_STATUS_JAILED, 30), nil},
		{"withdrawal that adds up", sequencertest.Withdrawn("", ref, 1, 2, tok(1), tok(29)), rec(active, 30), nil},
		{"withdrawal after the claim, wrong total", sequencertest.Withdrawn("", ref, 1, 2, tok(1), tok(29)), rec(unlocked, 0),
			[]types.DisagreementReason{status, amount}},
		{"unlock of a NOT_ADMITTED lock", sequencertest.UnlockInitiated("", ref, 1, 2, 5), rec(types.SEQUENCER_STATUS_NOT_ADMITTED, 30), nil},
		{"second unlock", sequencertest.UnlockInitiated("", ref, 1, 2, 5), rec(unlocking, 30), []types.DisagreementReason{status}},
		{"claim", sequencertest.UnlockClaimed("", ref, 1, 2, tok(30)), rec(unlocking, 30), nil},
		{"claim without unlock, other amount", sequencertest.UnlockClaimed("", ref, 1, 2, tok(29)), rec(active, 30),
			[]types.DisagreementReason{status, amount}},
		{"signer change while unlocking", sequencertest.SignerChanged("", ref, 1, 2, nil), rec(unlocking, 30), nil},
		{"signer change after the claim", sequencertest.SignerChanged("", ref, 1, 2, nil), rec(unlocked, 0), []types.DisagreementReason{status}},
		{"slash after the claim, of nothing", sequencertest.Slashed("", ref, 1, 2, 0, sequencertest.OffenceID(1), math.ZeroInt(), math.ZeroInt()),
			rec(unlocked, 0), nil},
		{"slash all from the lock", sequencertest.Slashed("", ref, 1, 2, 0, sequencertest.OffenceID(1), tok(1), tok(29)), rec(active, 30), nil},
		{"slash partly from a pending withdrawal", sequencertest.Slashed("", ref, 1, 2, 0, sequencertest.OffenceID(1), tok(2), tok(29)),
			rec(active, 30), nil},
		{"slash all from a pending withdrawal", sequencertest.Slashed("", ref, 1, 2, 0, sequencertest.OffenceID(1), tok(1), tok(30)), rec(active, 30), nil},
		{"slash lowering more than its amount", sequencertest.Slashed("", ref, 1, 2, 0, sequencertest.OffenceID(1), tok(1), tok(28)), rec(active, 30),
			[]types.DisagreementReason{amount}},
		{"slash raising the lock", sequencertest.Slashed("", ref, 1, 2, 0, sequencertest.OffenceID(1), math.ZeroInt(), tok(31)), rec(active, 30),
			[]types.DisagreementReason{amount}},
		{"reward recipient after the claim", sequencertest.RewardRecipientChanged("", ref, 1, 2, sequencertest.Owner(3)), rec(unlocked, 0), nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, tc.want, reasons(types.EventFindings(tc.msg, tc.s)))
		})
	}
}

func TestJoinFindingsIsBounded(t *testing.T) {
	long := types.DisagreementFinding{Reason: types.DISAGREEMENT_REASON_BANNED, Detail: string(make([]byte, types.MaxStatusReasonLen))}
	require.Len(t, types.JoinFindings([]types.DisagreementFinding{long, long}), types.MaxStatusReasonLen)
	require.Equal(t, "a; b", types.JoinFindings([]types.DisagreementFinding{{Detail: "a"}, {Detail: "b"}}))
	require.Empty(t, types.JoinFindings(nil))
}
