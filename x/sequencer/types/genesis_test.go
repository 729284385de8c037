package types_test

import (
	"strings"
	"testing"

	"cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	sequencertest "github.com/themis-network/themis/testutil/sequencer"
	"github.com/themis-network/themis/x/sequencer/types"
)

func genesisSequencer(t *testing.T, id, seed uint64) types.Sequencer {
	t.Helper()
	_, pub := sequencertest.NewSignerKey(t, seed)
	key := sequencertest.MustSignerKey(t, pub)
	return types.Sequencer{Id: id, Owner: sequencertest.Owner(1), Signer: key.L1Address(), PubKey: pub,
		Locked: sequencertest.Tokens(30_000), RewardRecipient: sequencertest.Owner(2), Status: types.SEQUENCER_STATUS_ACTIVE}
}

// genesisPending is a queued relock of sequencer 1 in its exact queue form.
func genesisPending(t *testing.T, id, nonce uint64) types.PendingEvent {
	t.Helper()
	msg := sequencertest.Relocked(sequencertest.Owner(1), sequencertest.Ref(100+nonce), 1, nonce,
		sequencertest.Tokens(1), sequencertest.Tokens(30_000+int64(nonce)))
	msgType, bz, digest, err := types.EncodePendingEvent(msg)
	require.NoError(t, err)
	return types.PendingEvent{Id: id, Digest: digest, SubmittedHeight: 3, Msg: bz, MsgType: msgType, Relayers: []uint64{1000}}
}

// genesisFull is a valid state using every field.
func genesisFull(t *testing.T) *types.GenesisState {
	t.Helper()
	gs := types.DefaultGenesis()
	gs.Whitelist = []string{sequencertest.Owner(1), sequencertest.Owner(3)}
	s1, s2, s3 := genesisSequencer(t, 1, 1), genesisSequencer(t, 2, 2), genesisSequencer(t, 3, 3)
	s2.Status = types.SEQUENCER_STATUS_UNLOCKED
	s2.Locked = math.ZeroInt()
	s3.Status = types.SEQUENCER_STATUS_BANNED
	s3.Description = types.Description{Moniker: "x"}
	s1.L1Nonce = 3
	// s4 carries s1's key as L1 reported it, unindexed: NOT_ADMITTED in signer conflict.
	s4 := genesisSequencer(t, 4, 1)
	s4.Status, s4.StatusReason, s4.SignerConflict, s4.L1Nonce = types.SEQUENCER_STATUS_NOT_ADMITTED, "signer in use", true, 1
	gs.Sequencers = []types.Sequencer{s1, s2, s3, s4}
	gs.Disagreements = []types.Disagreement{
		{SequencerId: 1, Nonce: 2, Event: sequencertest.Ref(2), MsgType: "/themis.sequencer.v1.MsgRelocked", Height: 4,
			Findings: []types.DisagreementFinding{{Reason: types.DISAGREEMENT_REASON_AMOUNT_MISMATCH, Detail: "total"}}},
		{SequencerId: 4, Nonce: 1, Event: sequencertest.Ref(3), MsgType: "/themis.sequencer.v1.MsgLocked", Height: 5,
			Findings: []types.DisagreementFinding{{Reason: types.DISAGREEMENT_REASON_SIGNER_CONFLICT, Detail: "signer"}}},
	}
	gs.AppliedEvents = []string{types.EventKey(sequencertest.Ref(1)), types.EventKey(sequencertest.Ref(2))}
	gs.PendingEvents = []types.PendingEvent{genesisPending(t, 4, 1), genesisPending(t, 7, 2)}
	gs.NextPendingId = 8
	gs.BannedAddresses = []string{sequencertest.Owner(9)}
	_, retired := sequencertest.NewSignerKey(t, 99)
	gs.RetiredSigners = []string{sequencertest.MustSignerKey(t, retired).L1Address()}
	gs.ValidatorHistory = []types.ValidatorSetEntry{{Height: 1}, {Height: 5}}
	return gs
}

func TestGenesis_ValidateAccepts(t *testing.T) {
	require.NoError(t, types.DefaultGenesis().Validate())
	require.Equal(t, uint64(1), types.DefaultGenesis().NextPendingId)
	require.Equal(t, types.DefaultParams(), types.DefaultGenesis().Params)
	require.NoError(t, genesisFull(t).Validate())
	require.NoError(t, sequencertest.RelayerGenesis(t).Validate())
}

func TestGenesis_ValidateRefuses(t *testing.T) {
	upper := func(a string) string { return "0x" + strings.ToUpper(a[2:]) }
	cases := []struct {
		name   string
		mutate func(gs *types.GenesisState)
	}{
		{"whitelist upper-case", func(gs *types.GenesisState) { gs.Whitelist[0] = upper(gs.Whitelist[0]) }},
		{"whitelist malformed", func(gs *types.GenesisState) { gs.Whitelist[0] = "0x12" }},
		{"whitelist duplicated", func(gs *types.GenesisState) { gs.Whitelist[1] = gs.Whitelist[0] }},
		{"sequencer id 0", func(gs *types.GenesisState) { gs.Sequencers[0].Id = 0 }},
		{"sequencer id duplicated", func(gs *types.GenesisState) { gs.Sequencers[1].Id = gs.Sequencers[0].Id }},
		{"signer does not match the key", func(gs *types.GenesisState) { gs.Sequencers[0].Signer = gs.Sequencers[1].Signer }},
		{"signer upper-case", func(gs *types.GenesisState) { gs.Sequencers[0].Signer = upper(gs.Sequencers[0].Signer) }},
		{"one key for two sequencers", func(gs *types.GenesisState) {
			gs.Sequencers[1].PubKey, gs.Sequencers[1].Signer = gs.Sequencers[0].PubKey, gs.Sequencers[0].Signer
		}},
		{"key 63 bytes", func(gs *types.GenesisState) { gs.Sequencers[0].PubKey = gs.Sequencers[0].PubKey[:63] }},
		{"key off the curve", func(gs *types.GenesisState) {
			gs.Sequencers[0].PubKey = sequencertest.OffCurveKey(gs.Sequencers[0].PubKey)
		}},
		{"owner upper-case", func(gs *types.GenesisState) { gs.Sequencers[0].Owner = upper(gs.Sequencers[0].Owner) }},
		{"owner malformed", func(gs *types.GenesisState) { gs.Sequencers[0].Owner = "owner" }},
		{"reward recipient upper-case", func(gs *types.GenesisState) {
			gs.Sequencers[0].RewardRecipient = upper(gs.Sequencers[0].RewardRecipient)
		}},
		{"locked negative", func(gs *types.GenesisState) { gs.Sequencers[0].Locked = math.NewInt(-1) }},
		{"locked nil", func(gs *types.GenesisState) { gs.Sequencers[0].Locked = math.Int{} }},
		{"status unspecified", func(gs *types.GenesisState) { gs.Sequencers[0].Status = types.SEQUENCER_STATUS_UNSPECIFIED }},
		{"status unknown", func(gs *types.GenesisState) { gs.Sequencers[0].Status = 42 }},
		{"description too long", func(gs *types.GenesisState) {
			gs.Sequencers[0].Description.Moniker = strings.Repeat("m", types.MaxMonikerLen+1)
		}},
		{"applied event duplicated", func(gs *types.GenesisState) { gs.AppliedEvents[1] = gs.AppliedEvents[0] }},
		{"pending id 0", func(gs *types.GenesisState) { gs.PendingEvents[0].Id = 0 }},
		{"pending id = next id", func(gs *types.GenesisState) { gs.PendingEvents[1].Id = gs.NextPendingId }},
		{"pending id > next id", func(gs *types.GenesisState) { gs.NextPendingId = 5 }},
		{"pending id duplicated", func(gs *types.GenesisState) { gs.PendingEvents[1].Id = gs.PendingEvents[0].Id }},
		{"pending digest duplicated", func(gs *types.GenesisState) { gs.PendingEvents[1].Digest = gs.PendingEvents[0].Digest }},
		{"pending digest 31 bytes", func(gs *types.GenesisState) { gs.PendingEvents[0].Digest = make([]byte, 31) }},
		{"pending msg empty", func(gs *types.GenesisState) { gs.PendingEvents[0].Msg = nil }},
		{"pending type empty", func(gs *types.GenesisState) { gs.PendingEvents[0].MsgType = "" }},
		{"pending type unknown", func(gs *types.GenesisState) { gs.PendingEvents[0].MsgType = "/cosmos.bank.v1beta1.MsgSend" }},
		{"pending without relayer", func(gs *types.GenesisState) { gs.PendingEvents[0].Relayers = nil }},
		{"pending relayer twice", func(gs *types.GenesisState) { gs.PendingEvents[0].Relayers = []uint64{1000, 1000} }},
		{"pending relayer zero", func(gs *types.GenesisState) { gs.PendingEvents[0].Relayers = []uint64{0} }},
		{"pending msg undecodable", func(gs *types.GenesisState) { gs.PendingEvents[0].Msg = []byte{0xff, 0xff} }},
		{"pending msg does not match digest", func(gs *types.GenesisState) { gs.PendingEvents[0].Msg = gs.PendingEvents[1].Msg }},
		{"next pending id 0", func(gs *types.GenesisState) { gs.PendingEvents, gs.NextPendingId = nil, 0 }},
		{"banned upper-case", func(gs *types.GenesisState) { gs.BannedAddresses[0] = upper(gs.BannedAddresses[0]) }},
		{"banned malformed", func(gs *types.GenesisState) { gs.BannedAddresses[0] = "" }},
		{"retired upper-case", func(gs *types.GenesisState) { gs.RetiredSigners[0] = upper(gs.RetiredSigners[0]) }},
		{"retired duplicated", func(gs *types.GenesisState) {
			gs.RetiredSigners = append(gs.RetiredSigners, gs.RetiredSigners[0])
		}},
		{"retired but in use", func(gs *types.GenesisState) { gs.RetiredSigners[0] = gs.Sequencers[2].Signer }},
		{"signer conflict on an ACTIVE sequencer", func(gs *types.GenesisState) {
			gs.Sequencers[3].Status = types.SEQUENCER_STATUS_ACTIVE
		}},
		{"indexed signer shared", func(gs *types.GenesisState) { gs.Sequencers[3].SignerConflict = false }},
		{"status reason too long", func(gs *types.GenesisState) {
			gs.Sequencers[3].StatusReason = strings.Repeat("r", types.MaxStatusReasonLen+1)
		}},
		{"disagreement duplicated", func(gs *types.GenesisState) { gs.Disagreements[1] = gs.Disagreements[0] }},
		{"disagreement of an unknown sequencer", func(gs *types.GenesisState) { gs.Disagreements[0].SequencerId = 42 }},
		{"disagreement nonce 0", func(gs *types.GenesisState) { gs.Disagreements[0].Nonce = 0 }},
		{"disagreement nonce not applied yet", func(gs *types.GenesisState) { gs.Disagreements[0].Nonce = 4 }},
		{"disagreement without findings", func(gs *types.GenesisState) { gs.Disagreements[0].Findings = nil }},
		{"disagreement reason unspecified", func(gs *types.GenesisState) {
			gs.Disagreements[0].Findings[0].Reason = types.DISAGREEMENT_REASON_UNSPECIFIED
		}},
		{"disagreement reason unknown", func(gs *types.GenesisState) { gs.Disagreements[0].Findings[0].Reason = 42 }},
		{"disagreement event malformed", func(gs *types.GenesisState) { gs.Disagreements[0].Event.TxHash = "0x12" }},
		{"disagreement msg type empty", func(gs *types.GenesisState) { gs.Disagreements[0].MsgType = "" }},
		{"history heights repeat", func(gs *types.GenesisState) { gs.ValidatorHistory[1].Height = 1 }},
		{"history descending", func(gs *types.GenesisState) {
			gs.ValidatorHistory = []types.ValidatorSetEntry{{Height: 5}, {Height: 1}}
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			gs := genesisFull(t)
			tc.mutate(gs)
			err := gs.Validate()
			require.ErrorIs(t, err, types.ErrInvalidGenesis)
			require.NotErrorIs(t, err, types.ErrInvalidParams)
		})
	}

	// Invalid params are reported as such.
	gs := genesisFull(t)
	gs.Params.L1ChainId = 0
	err := gs.Validate()
	require.ErrorIs(t, err, types.ErrInvalidParams)
	require.NotErrorIs(t, err, types.ErrInvalidGenesis)
}

func TestGenesis_ValidateSequencer(t *testing.T) {
	s := genesisSequencer(t, 1, 1)
	require.NoError(t, types.ValidateSequencer(s))
	for _, status := range []types.SequencerStatus{types.SEQUENCER_STATUS_JAILED, types.SEQUENCER_STATUS_UNLOCKING,
		types.SEQUENCER_STATUS_UNLOCKED, types.SEQUENCER_STATUS_REMOVED, types.SEQUENCER_STATUS_BANNED, types.SEQUENCER_STATUS_NOT_ADMITTED} {
		s.Status = status
		require.NoError(t, types.ValidateSequencer(s), status.String())
	}
	s.Locked = math.ZeroInt()
	require.NoError(t, types.ValidateSequencer(s), "an unlocked sequencer holds nothing")
}

// A sequencer in signer conflict is not indexed, so it may carry a retired key.
func TestGenesis_ConflictMayCarryARetiredKey(t *testing.T) {
	gs := genesisFull(t)
	_, retired := sequencertest.NewSignerKey(t, 99)
	gs.Sequencers[3].PubKey, gs.Sequencers[3].Signer = retired, gs.RetiredSigners[0]
	require.NoError(t, gs.Validate())
	gs.Sequencers[3].SignerConflict = false
	require.ErrorIs(t, gs.Validate(), types.ErrInvalidGenesis)
}
