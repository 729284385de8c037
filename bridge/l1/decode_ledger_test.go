package l1_test

import (
	"testing"

	"cosmossdk.io/math"
	"github.com/ethereum/go-ethereum/common"
	gethtypes "github.com/ethereum/go-ethereum/core/types"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/bridge/l1"
	"github.com/themis-network/themis/contracts/bindings/staking"
	sequencertest "github.com/themis-network/themis/testutil/sequencer"
	seqtypes "github.com/themis-network/themis/x/sequencer/types"
)

// The contract's ledger events, from logs built with its ABI (l1_ledger_test.go checks
// the same against the real contract).

// ledgerLogs are well-formed logs of every ledger event, with what they decode to.
func ledgerLogs(t testing.TB) []struct {
	name string
	log  gethtypes.Log
	want *seqtypes.MsgLedgerChanged
} {
	amount := func(n int64) math.Int { return math.NewIntFromBigInt(tokens(n)) }
	return []struct {
		name string
		log  gethtypes.Log
		want *seqtypes.MsgLedgerChanged
	}{
		{"RewardsFunded", packLog(t, staking.ThemisStakingRewardsFundedEventName, []common.Hash{addrTopic(carol)}, tokens(5), tokens(7), bigOf(1)),
			&seqtypes.MsgLedgerChanged{LedgerNonce: 1, Change: &seqtypes.MsgLedgerChanged_RewardsFunded{RewardsFunded: &seqtypes.RewardsFunded{
				Funder: l1LowerHex(carol), Amount: amount(5), Reserve: amount(7)}}}},
		{"RewardBatchSubmitted", packLog(t, staking.ThemisStakingRewardBatchSubmittedEventName, []common.Hash{u256(3)}, bigOf(100), tokens(9), tokens(1), bigOf(2)),
			&seqtypes.MsgLedgerChanged{LedgerNonce: 2, Change: &seqtypes.MsgLedgerChanged_RewardBatch{RewardBatch: &seqtypes.RewardBatchCredited{
				BatchId: 3, Count: 100, Total: amount(9), Reserve: amount(1)}}}},
		{"RewardBatchSubmitted empty", packLog(t, staking.ThemisStakingRewardBatchSubmittedEventName, []common.Hash{u256(4)}, bigOf(0), bigOf(0), bigOf(0), bigOf(3)),
			&seqtypes.MsgLedgerChanged{LedgerNonce: 3, Change: &seqtypes.MsgLedgerChanged_RewardBatch{RewardBatch: &seqtypes.RewardBatchCredited{
				BatchId: 4, Total: math.ZeroInt(), Reserve: math.ZeroInt()}}}},
		{"RewardsWithdrawn", packLog(t, staking.ThemisStakingRewardsWithdrawnEventName, []common.Hash{u256(3), addrTopic(bob)}, tokens(2), bigOf(4)),
			&seqtypes.MsgLedgerChanged{LedgerNonce: 4, Change: &seqtypes.MsgLedgerChanged_RewardsWithdrawn{RewardsWithdrawn: &seqtypes.RewardsWithdrawn{
				SequencerId: 3, Recipient: l1LowerHex(bob), Amount: amount(2)}}}},
		{"EscrowRefunded", packLog(t, staking.ThemisStakingEscrowRefundedEventName, []common.Hash{u256(12), u256(3), addrTopic(alice)}, tokens(40), bigOf(5)),
			&seqtypes.MsgLedgerChanged{LedgerNonce: 5, Change: &seqtypes.MsgLedgerChanged_EscrowRefunded{EscrowRefunded: &seqtypes.EscrowPaidOut{
				EscrowId: 12, SequencerId: 3, To: l1LowerHex(alice), Amount: amount(40)}}}},
		{"EscrowReleased", packLog(t, staking.ThemisStakingEscrowReleasedEventName, []common.Hash{u256(13), u256(3), addrTopic(carol)}, tokens(40), bigOf(6)),
			&seqtypes.MsgLedgerChanged{LedgerNonce: 6, Change: &seqtypes.MsgLedgerChanged_EscrowReleased{EscrowReleased: &seqtypes.EscrowPaidOut{
				EscrowId: 13, SequencerId: 3, To: l1LowerHex(carol), Amount: amount(40)}}}},
		{"ledgerNonce of 2^64-1", packLog(t, staking.ThemisStakingRewardsFundedEventName, []common.Hash{addrTopic(carol)}, bigOf(1), maxUint256, bigOf(^uint64(0))),
			&seqtypes.MsgLedgerChanged{LedgerNonce: ^uint64(0), Change: &seqtypes.MsgLedgerChanged_RewardsFunded{RewardsFunded: &seqtypes.RewardsFunded{
				Funder: l1LowerHex(carol), Amount: math.OneInt(), Reserve: math.NewIntFromBigInt(maxUint256)}}}},
	}
}

// Every ledger event decodes to MsgLedgerChanged with every field, in the nonce chain
// of LedgerSequencerID, and passes the chain's ValidateBasic once a submitter is set.
func TestDecodeEveryLedgerEvent(t *testing.T) {
	sequencertest.SetBech32Prefixes()
	submitter := sequencertest.Bech32(t, []byte("submitter-account-01"))
	seen := map[common.Hash]bool{}
	for _, tc := range ledgerLogs(t) {
		t.Run(tc.name, func(t *testing.T) {
			got, err := l1.DecodeStakingLog(tc.log)
			require.NoError(t, err)
			tc.want.SetEvent(decodeRef)
			require.Equal(t, tc.want, got)
			require.Equal(t, seqtypes.LedgerSequencerID, got.GetSequencerId())
			require.Equal(t, tc.want.LedgerNonce, got.GetNonce())
			got.SetSubmitter(submitter)
			require.NoError(t, got.ValidateBasic(), "what the contract emits is what the chain accepts")
			seen[tc.log.Topics[0]] = true
		})
	}
	require.Len(t, seen, 5, "every ledger event is covered")
}

// What the decoder takes as is and leaves to ValidateBasic: values the contract never
// emits but whose types fit.
func TestDecodeLedgerLeavesSemanticsToValidateBasic(t *testing.T) {
	sequencertest.SetBech32Prefixes()
	submitter := sequencertest.Bech32(t, []byte("submitter-account-01"))
	for name, tc := range map[string]struct {
		log  gethtypes.Log
		want error
	}{
		"ledgerNonce 0": {packLog(t, staking.ThemisStakingRewardsFundedEventName, []common.Hash{addrTopic(carol)}, bigOf(1), bigOf(1), bigOf(0)),
			seqtypes.ErrNonceOutOfOrder},
		"funded nothing": {packLog(t, staking.ThemisStakingRewardsFundedEventName, []common.Hash{addrTopic(carol)}, bigOf(0), bigOf(1), bigOf(1)),
			seqtypes.ErrInvalidLedgerChange},
		"reserve below the funding": {packLog(t, staking.ThemisStakingRewardsFundedEventName, []common.Hash{addrTopic(carol)}, bigOf(2), bigOf(1), bigOf(1)),
			seqtypes.ErrInvalidLedgerChange},
		"batch 0": {packLog(t, staking.ThemisStakingRewardBatchSubmittedEventName, []common.Hash{u256(0)}, bigOf(1), bigOf(1), bigOf(1), bigOf(2)),
			seqtypes.ErrInvalidLedgerChange},
		"withdrawn nothing": {packLog(t, staking.ThemisStakingRewardsWithdrawnEventName, []common.Hash{u256(3), addrTopic(bob)}, bigOf(0), bigOf(4)),
			seqtypes.ErrInvalidLedgerChange},
		"withdrawn by sequencer 0": {packLog(t, staking.ThemisStakingRewardsWithdrawnEventName, []common.Hash{u256(0), addrTopic(bob)}, bigOf(1), bigOf(4)),
			seqtypes.ErrInvalidLedgerChange},
		"withdrawn to the zero address": {packLog(t, staking.ThemisStakingRewardsWithdrawnEventName, []common.Hash{u256(3), addrTopic(zeroAddr)}, bigOf(1), bigOf(4)),
			seqtypes.ErrInvalidAddress},
		"escrow 0 refunded": {packLog(t, staking.ThemisStakingEscrowRefundedEventName, []common.Hash{u256(0), u256(3), addrTopic(alice)}, bigOf(1), bigOf(5)),
			seqtypes.ErrInvalidLedgerChange},
		"escrow of the ledger's own id": {packLog(t, staking.ThemisStakingEscrowReleasedEventName,
			[]common.Hash{u256(1), common.BigToHash(bigOf(seqtypes.LedgerSequencerID)), addrTopic(carol)}, bigOf(1), bigOf(6)), seqtypes.ErrInvalidLedgerChange},
		"escrow released empty": {packLog(t, staking.ThemisStakingEscrowReleasedEventName, []common.Hash{u256(1), u256(3), addrTopic(carol)}, bigOf(0), bigOf(6)),
			seqtypes.ErrInvalidLedgerChange},
	} {
		got, err := l1.DecodeStakingLog(tc.log)
		require.NoError(t, err, name)
		got.SetSubmitter(submitter)
		require.ErrorIs(t, got.ValidateBasic(), tc.want, name)
	}
}

// Logs with a ledger event's signature whose content does not decode, or whose values
// do not fit the chain's types, are malformed: never truncated values.
func TestDecodeLedgerRefusesMalformedLogs(t *testing.T) {
	cases := map[string]gethtypes.Log{}
	for _, tc := range ledgerLogs(t) {
		cases[tc.name+": an indexed field missing"] = dropTopic(tc.log)
		extra := tc.log
		extra.Topics = append(append([]common.Hash(nil), tc.log.Topics...), u256(1))
		cases[tc.name+": an extra topic"] = extra
		short := tc.log
		short.Data = tc.log.Data[:len(tc.log.Data)-32]
		cases[tc.name+": data cut short"] = short
		odd := tc.log
		odd.Data = tc.log.Data[:len(tc.log.Data)-1]
		cases[tc.name+": data off a word"] = odd
		wide := tc.log
		wide.Data = append([]byte(nil), tc.log.Data...)
		copy(wide.Data[len(wide.Data)-32:], common.BigToHash(two64).Bytes())
		cases[tc.name+": ledgerNonce of 2^64"] = wide
	}
	wideID := func(name string, topics []common.Hash, data ...any) {
		cases[name] = packLog(t, name, topics, data...)
	}
	wideID(staking.ThemisStakingRewardBatchSubmittedEventName, []common.Hash{common.BigToHash(two64)}, bigOf(1), bigOf(1), bigOf(1), bigOf(2))
	wideID(staking.ThemisStakingRewardsWithdrawnEventName, []common.Hash{common.BigToHash(two64), addrTopic(bob)}, bigOf(1), bigOf(4))
	wideID(staking.ThemisStakingEscrowRefundedEventName, []common.Hash{common.BigToHash(two64), u256(3), addrTopic(alice)}, bigOf(1), bigOf(5))
	wideID(staking.ThemisStakingEscrowReleasedEventName, []common.Hash{u256(1), common.BigToHash(two64), addrTopic(carol)}, bigOf(1), bigOf(6))
	cases["batch count of 2^64"] = packLog(t, staking.ThemisStakingRewardBatchSubmittedEventName, []common.Hash{u256(1)}, two64, bigOf(1), bigOf(1), bigOf(2))
	for name, log := range cases {
		_, err := l1.DecodeStakingLog(log)
		require.ErrorIs(t, err, l1.ErrMalformedLog, name)
	}
}
