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

// The contract's configuration events, from logs built with its ABI (l1_config_test.go
// checks the same against the real contract).

var (
	carol    = common.HexToAddress("0x00000000000000000000000000000000000CaFe1")
	zeroAddr = common.Address{}
)

// configLogs are well-formed logs of every configuration event, with what they decode to.
func configLogs(t testing.TB) []struct {
	name string
	log  gethtypes.Log
	want *seqtypes.MsgConfigChanged
} {
	cfg := func(nonce uint64, change func(m *seqtypes.MsgConfigChanged)) *seqtypes.MsgConfigChanged {
		m := &seqtypes.MsgConfigChanged{ConfigNonce: nonce}
		change(m)
		return m
	}
	return []struct {
		name string
		log  gethtypes.Log
		want *seqtypes.MsgConfigChanged
	}{
		{"BootstrapStarted", packLog(t, staking.ThemisStakingBootstrapStartedEventName, []common.Hash{addrTopic(alice)}, uint64(1_800_000_000), bigOf(1)),
			cfg(1, func(m *seqtypes.MsgConfigChanged) {
				m.Change = &seqtypes.MsgConfigChanged_BootstrapStarted{BootstrapStarted: &seqtypes.BootstrapStarted{Owner: l1LowerHex(alice), Deadline: 1_800_000_000}}
			})},
		{"TreasuryUpdated", packLog(t, staking.ThemisStakingTreasuryUpdatedEventName, []common.Hash{addrTopic(zeroAddr), addrTopic(carol)}, bigOf(2)),
			cfg(2, func(m *seqtypes.MsgConfigChanged) {
				m.Change = &seqtypes.MsgConfigChanged_Treasury{Treasury: &seqtypes.AddressChange{Previous: l1LowerHex(zeroAddr), Current: l1LowerHex(carol)}}
			})},
		{"LockLimitsUpdated", packLog(t, staking.ThemisStakingLockLimitsUpdatedEventName, nil, tokens(20_000), tokens(100_000), bigOf(3)),
			cfg(3, func(m *seqtypes.MsgConfigChanged) {
				m.Change = &seqtypes.MsgConfigChanged_LockLimits{LockLimits: &seqtypes.LockLimitsChange{
					MinLock: math.NewIntFromBigInt(tokens(20_000)), MaxLock: math.NewIntFromBigInt(tokens(100_000))}}
			})},
		{"LockLimitsUpdated up to 2^256-1", packLog(t, staking.ThemisStakingLockLimitsUpdatedEventName, nil, bigOf(1), maxUint256, bigOf(3)),
			cfg(3, func(m *seqtypes.MsgConfigChanged) {
				m.Change = &seqtypes.MsgConfigChanged_LockLimits{LockLimits: &seqtypes.LockLimitsChange{
					MinLock: math.OneInt(), MaxLock: math.NewIntFromBigInt(maxUint256)}}
			})},
		{"ExitDelayUpdated", packLog(t, staking.ThemisStakingExitDelayUpdatedEventName, nil, bigOf(seqtypes.MinExitDelaySeconds), bigOf(4)),
			cfg(4, func(m *seqtypes.MsgConfigChanged) {
				m.Change = &seqtypes.MsgConfigChanged_ExitDelay{ExitDelay: &seqtypes.ExitDelayChange{ExitDelaySeconds: seqtypes.MinExitDelaySeconds}}
			})},
		{"WhitelistUpdated", packLog(t, staking.ThemisStakingWhitelistUpdatedEventName, []common.Hash{addrTopic(bob)}, true, bigOf(5)),
			cfg(5, func(m *seqtypes.MsgConfigChanged) {
				m.Change = &seqtypes.MsgConfigChanged_Whitelist{Whitelist: &seqtypes.L1WhitelistChange{Account: l1LowerHex(bob), Allowed: true}}
			})},
		{"WhitelistUpdated removal", packLog(t, staking.ThemisStakingWhitelistUpdatedEventName, []common.Hash{addrTopic(bob)}, false, bigOf(6)),
			cfg(6, func(m *seqtypes.MsgConfigChanged) {
				m.Change = &seqtypes.MsgConfigChanged_Whitelist{Whitelist: &seqtypes.L1WhitelistChange{Account: l1LowerHex(bob)}}
			})},
		{"PauseUpdated", packLog(t, staking.ThemisStakingPauseUpdatedEventName, []common.Hash{addrTopic(alice)}, uint64(1_700_000_000), bigOf(7)),
			cfg(7, func(m *seqtypes.MsgConfigChanged) {
				m.Change = &seqtypes.MsgConfigChanged_Pause{Pause: &seqtypes.PauseChange{By: l1LowerHex(alice), PausedUntil: 1_700_000_000}}
			})},
		{"PauseUpdated lifted", packLog(t, staking.ThemisStakingPauseUpdatedEventName, []common.Hash{addrTopic(alice)}, uint64(0), bigOf(8)),
			cfg(8, func(m *seqtypes.MsgConfigChanged) {
				m.Change = &seqtypes.MsgConfigChanged_Pause{Pause: &seqtypes.PauseChange{By: l1LowerHex(alice)}}
			})},
		{"PoolAddressUpdated", packLog(t, staking.ThemisStakingPoolAddressUpdatedEventName, []common.Hash{addrTopic(zeroAddr), addrTopic(carol)}, bigOf(9)),
			cfg(9, func(m *seqtypes.MsgConfigChanged) {
				m.Change = &seqtypes.MsgConfigChanged_PoolAddress{PoolAddress: &seqtypes.AddressChange{Previous: l1LowerHex(zeroAddr), Current: l1LowerHex(carol)}}
			})},
		{"BootstrapEnded", packLog(t, staking.ThemisStakingBootstrapEndedEventName, []common.Hash{addrTopic(alice)}, carol, bigOf(10)),
			cfg(10, func(m *seqtypes.MsgConfigChanged) {
				m.Change = &seqtypes.MsgConfigChanged_BootstrapEnded{BootstrapEnded: &seqtypes.BootstrapEnded{EndedBy: l1LowerHex(alice), PoolAddress: l1LowerHex(carol)}}
			})},
		{"PoolRecoveryProposed", packLog(t, staking.ThemisStakingPoolRecoveryProposedEventName, []common.Hash{addrTopic(carol), addrTopic(bob)},
			uint64(1_900_000_000), bigOf(11)),
			cfg(11, func(m *seqtypes.MsgConfigChanged) {
				m.Change = &seqtypes.MsgConfigChanged_PoolRecoveryProposed{PoolRecoveryProposed: &seqtypes.PoolRecoveryProposed{
					CurrentPool: l1LowerHex(carol), ProposedPool: l1LowerHex(bob), EffectiveAt: 1_900_000_000}}
			})},
		{"PoolRecoveryCancelled", packLog(t, staking.ThemisStakingPoolRecoveryCancelledEventName, []common.Hash{addrTopic(bob), addrTopic(carol)}, bigOf(12)),
			cfg(12, func(m *seqtypes.MsgConfigChanged) {
				m.Change = &seqtypes.MsgConfigChanged_PoolRecoveryCancelled{PoolRecoveryCancelled: &seqtypes.PoolRecoveryCancelled{
					ProposedPool: l1LowerHex(bob), CancelledBy: l1LowerHex(carol)}}
			})},
		{"configNonce of 2^64-1", packLog(t, staking.ThemisStakingExitDelayUpdatedEventName, nil, bigOf(seqtypes.MaxExitDelaySeconds), bigOf(^uint64(0))),
			cfg(^uint64(0), func(m *seqtypes.MsgConfigChanged) {
				m.Change = &seqtypes.MsgConfigChanged_ExitDelay{ExitDelay: &seqtypes.ExitDelayChange{ExitDelaySeconds: seqtypes.MaxExitDelaySeconds}}
			})},
	}
}

// Every configuration event decodes to MsgConfigChanged with every field, in the nonce
// chain of sequencer id 0, and passes the chain's ValidateBasic once a submitter is set.
func TestDecodeEveryConfigEvent(t *testing.T) {
	sequencertest.SetBech32Prefixes()
	submitter := sequencertest.Bech32(t, []byte("submitter-account-01"))
	seen := map[common.Hash]bool{}
	for _, tc := range configLogs(t) {
		t.Run(tc.name, func(t *testing.T) {
			got, err := l1.DecodeStakingLog(tc.log)
			require.NoError(t, err)
			tc.want.SetEvent(decodeRef)
			require.Equal(t, tc.want, got)
			require.Equal(t, seqtypes.ConfigSequencerID, got.GetSequencerId())
			require.Equal(t, tc.want.ConfigNonce, got.GetNonce())
			got.SetSubmitter(submitter)
			require.NoError(t, got.ValidateBasic(), "what the contract emits is what the chain accepts")
			seen[tc.log.Topics[0]] = true
		})
	}
	require.Len(t, seen, 10, "every configuration event is covered")
}

// What the decoder takes as is and leaves to ValidateBasic: values the contract never
// emits but whose types fit.
func TestDecodeConfigLeavesSemanticsToValidateBasic(t *testing.T) {
	sequencertest.SetBech32Prefixes()
	submitter := sequencertest.Bech32(t, []byte("submitter-account-01"))
	for name, tc := range map[string]struct {
		log  gethtypes.Log
		want error
	}{
		"lock limits min > max": {packLog(t, staking.ThemisStakingLockLimitsUpdatedEventName, nil, bigOf(2), bigOf(1), bigOf(3)), seqtypes.ErrInvalidConfigChange},
		"lock limits min 0":     {packLog(t, staking.ThemisStakingLockLimitsUpdatedEventName, nil, bigOf(0), bigOf(1), bigOf(3)), seqtypes.ErrInvalidConfigChange},
		"exit delay below the minimum": {packLog(t, staking.ThemisStakingExitDelayUpdatedEventName, nil,
			bigOf(seqtypes.MinExitDelaySeconds-1), bigOf(4)), seqtypes.ErrInvalidConfigChange},
		"exit delay above the maximum": {packLog(t, staking.ThemisStakingExitDelayUpdatedEventName, nil,
			bigOf(seqtypes.MaxExitDelaySeconds+1), bigOf(4)), seqtypes.ErrInvalidConfigChange},
		"exit delay of 2^64-1": {packLog(t, staking.ThemisStakingExitDelayUpdatedEventName, nil, bigOf(^uint64(0)), bigOf(4)), seqtypes.ErrInvalidConfigChange},
		"configNonce 0":        {packLog(t, staking.ThemisStakingExitDelayUpdatedEventName, nil, bigOf(seqtypes.MinExitDelaySeconds), bigOf(0)), seqtypes.ErrNonceOutOfOrder},
		"paused past year 9999": {packLog(t, staking.ThemisStakingPauseUpdatedEventName, []common.Hash{addrTopic(alice)},
			seqtypes.MaxUnlockableAt+1, bigOf(7)), seqtypes.ErrInvalidConfigChange},
		"recovery effective at 0": {packLog(t, staking.ThemisStakingPoolRecoveryProposedEventName, []common.Hash{addrTopic(carol), addrTopic(bob)},
			uint64(0), bigOf(11)), seqtypes.ErrInvalidConfigChange},
		"recovery to the zero address": {packLog(t, staking.ThemisStakingPoolRecoveryProposedEventName, []common.Hash{addrTopic(carol), addrTopic(zeroAddr)},
			uint64(1), bigOf(11)), seqtypes.ErrInvalidAddress},
		"recovery cancelled by the zero address": {packLog(t, staking.ThemisStakingPoolRecoveryCancelledEventName,
			[]common.Hash{addrTopic(bob), addrTopic(zeroAddr)}, bigOf(12)), seqtypes.ErrInvalidAddress},
	} {
		got, err := l1.DecodeStakingLog(tc.log)
		require.NoError(t, err, name)
		got.SetSubmitter(submitter)
		require.ErrorIs(t, got.ValidateBasic(), tc.want, name)
	}
}

// Logs with a configuration event's signature whose content does not decode, or whose
// values do not fit the chain's types, are malformed: never truncated values.
func TestDecodeConfigRefusesMalformedLogs(t *testing.T) {
	cases := map[string]gethtypes.Log{}
	for _, tc := range configLogs(t) {
		// Topic count: one missing (or, for events without indexed fields, one extra).
		if len(tc.log.Topics) > 1 {
			cases[tc.name+": an indexed field missing"] = dropTopic(tc.log)
		}
		extra := tc.log
		extra.Topics = append(append([]common.Hash(nil), tc.log.Topics...), u256(1))
		cases[tc.name+": an extra topic"] = extra
		// Data: cut short, cut to nothing, one byte off the word boundary.
		short := tc.log
		short.Data = tc.log.Data[:len(tc.log.Data)-32]
		cases[tc.name+": data cut short"] = short
		none := tc.log
		none.Data = nil
		cases[tc.name+": no data"] = none
		odd := tc.log
		odd.Data = tc.log.Data[:len(tc.log.Data)-1]
		cases[tc.name+": data off a word"] = odd
		// configNonce, the last word of every configuration event, above 64 bits.
		wide := tc.log
		wide.Data = append([]byte(nil), tc.log.Data...)
		copy(wide.Data[len(wide.Data)-32:], common.BigToHash(two64).Bytes())
		cases[tc.name+": configNonce of 2^64"] = wide
		huge := tc.log
		huge.Data = append([]byte(nil), tc.log.Data...)
		copy(huge.Data[len(huge.Data)-32:], common.BigToHash(maxUint256).Bytes())
		cases[tc.name+": configNonce of 2^256-1"] = huge
	}
	cases["exit delay of 2^64"] = packLog(t, staking.ThemisStakingExitDelayUpdatedEventName, nil, two64, bigOf(4))
	cases["exit delay of 2^256-1"] = packLog(t, staking.ThemisStakingExitDelayUpdatedEventName, nil, maxUint256, bigOf(4))
	pausedWord := packLog(t, staking.ThemisStakingPauseUpdatedEventName, []common.Hash{addrTopic(alice)}, uint64(1), bigOf(7))
	pausedWord.Data[23] = 1 // the uint64 word holds 2^64 + 1
	cases["pausedUntil above 64 bits"] = pausedWord
	deadlineWord := packLog(t, staking.ThemisStakingBootstrapStartedEventName, []common.Hash{addrTopic(alice)}, uint64(1), bigOf(1))
	deadlineWord.Data[0] = 0x80
	cases["deadline above 64 bits"] = deadlineWord
	allowed := packLog(t, staking.ThemisStakingWhitelistUpdatedEventName, []common.Hash{addrTopic(bob)}, true, bigOf(5))
	allowed.Data[31] = 2 // a bool word holding 2
	cases["allowed neither 0 nor 1"] = allowed
	allowedHigh := packLog(t, staking.ThemisStakingWhitelistUpdatedEventName, []common.Hash{addrTopic(bob)}, true, bigOf(5))
	allowedHigh.Data[0] = 1
	cases["allowed with a dirty word"] = allowedHigh

	for name, log := range cases {
		_, err := l1.DecodeStakingLog(log)
		require.ErrorIs(t, err, l1.ErrMalformedLog, name)
	}
}
