package l1_test

import (
	"math/big"
	"testing"

	"cosmossdk.io/math"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	gethtypes "github.com/ethereum/go-ethereum/core/types"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/bridge/l1"
	"github.com/themis-network/themis/contracts/bindings/staking"
	sequencertest "github.com/themis-network/themis/testutil/sequencer"
	seqtypes "github.com/themis-network/themis/x/sequencer/types"
)

// Logs built straight from the contract's ABI, so the decoder is checked without an L1
// node (l1_test.go checks the same against the real contract).

var (
	decodeTx  = common.HexToHash("0x0badc0de")
	decodeRef = seqtypes.L1EventRef{TxHash: "0x000000000000000000000000000000000000000000000000000000000badc0de", LogIndex: 4, BlockNumber: 77}
)

func stakingABI(t testing.TB) *abi.ABI {
	t.Helper()
	parsed, err := staking.ThemisStakingMetaData.ParseABI()
	require.NoError(t, err)
	return parsed
}

// packLog builds a log of event name: topics are given in the event's indexed order,
// data is the ABI encoding of the non-indexed values.
func packLog(t testing.TB, name string, topics []common.Hash, data ...any) gethtypes.Log {
	t.Helper()
	ev, ok := stakingABI(t).Events[name]
	require.True(t, ok, "the contract has no event %s", name)
	bz, err := ev.Inputs.NonIndexed().Pack(data...)
	require.NoError(t, err)
	return gethtypes.Log{Topics: append([]common.Hash{ev.ID}, topics...), Data: bz, TxHash: decodeTx, Index: 4, BlockNumber: 77}
}

func u256(v uint64) common.Hash              { return common.BigToHash(new(big.Int).SetUint64(v)) }
func addrTopic(a common.Address) common.Hash { return common.BytesToHash(a.Bytes()) }
func bigOf(v uint64) *big.Int                { return new(big.Int).SetUint64(v) }

var (
	two64      = new(big.Int).Lsh(big.NewInt(1), 64)
	maxUint256 = new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1))
	offence    = common.HexToHash("0x" + "ab" + "00000000000000000000000000000000000000000000000000000000000001")
	alice      = common.HexToAddress("0x00000000000000000000000000000000000A11cE")
	bob        = common.HexToAddress("0x0000000000000000000000000000000000000B0b")
)

// Every relayed event decodes to its x/sequencer message with every field, and the
// message passes the chain's ValidateBasic once a submitter is set.
func TestDecodeEveryRelayedEvent(t *testing.T) {
	sequencertest.SetBech32Prefixes()
	submitter := sequencertest.Bech32(t, []byte("submitter-account-01"))
	_, pub := sequencertest.NewSignerKey(t, 1)
	cases := []struct {
		name string
		log  gethtypes.Log
		want seqtypes.L1EventMsg
	}{
		{"Locked", packLog(t, staking.ThemisStakingLockedEventName, []common.Hash{u256(3), addrTopic(alice), addrTopic(bob)},
			pub, bigOf(30_000), bob, bigOf(1)),
			&seqtypes.MsgLocked{SequencerId: 3, Owner: l1LowerHex(alice), PubKey: pub, Amount: math.NewInt(30_000), RewardRecipient: l1LowerHex(bob), Nonce: 1}},
		{"Relocked", packLog(t, staking.ThemisStakingRelockedEventName, []common.Hash{u256(3)}, bigOf(5), bigOf(30_005), bigOf(2)),
			&seqtypes.MsgRelocked{SequencerId: 3, Amount: math.NewInt(5), Total: math.NewInt(30_005), Nonce: 2}},
		{"Withdrawn", packLog(t, staking.ThemisStakingWithdrawnEventName, []common.Hash{u256(3)}, bigOf(5), bigOf(30_000), bigOf(3)),
			&seqtypes.MsgWithdrawn{SequencerId: 3, Amount: math.NewInt(5), Total: math.NewInt(30_000), Nonce: 3}},
		{"UnlockInitiated", packLog(t, staking.ThemisStakingUnlockInitiatedEventName, []common.Hash{u256(3)}, bigOf(1_800_000_000), bigOf(4)),
			&seqtypes.MsgUnlockInitiated{SequencerId: 3, UnlockableAt: 1_800_000_000, Nonce: 4}},
		{"UnlockClaimed", packLog(t, staking.ThemisStakingUnlockClaimedEventName, []common.Hash{u256(3)}, bigOf(30_000), bigOf(5)),
			&seqtypes.MsgUnlockClaimed{SequencerId: 3, Amount: math.NewInt(30_000), Nonce: 5}},
		{"SignerChanged", packLog(t, staking.ThemisStakingSignerChangedEventName, []common.Hash{u256(3), addrTopic(alice), addrTopic(bob)}, pub, bigOf(6)),
			&seqtypes.MsgSignerChanged{SequencerId: 3, NewPubKey: pub, Nonce: 6}},
		{"RewardRecipientChanged", packLog(t, staking.ThemisStakingRewardRecipientChangedEventName,
			[]common.Hash{u256(3), addrTopic(alice), addrTopic(bob)}, bigOf(7)),
			&seqtypes.MsgRewardRecipientChanged{SequencerId: 3, NewRecipient: l1LowerHex(bob), Nonce: 7}},
		{"Slashed", packLog(t, staking.ThemisStakingSlashedEventName, []common.Hash{u256(3), u256(12), offence},
			uint8(2), bigOf(3_000), bigOf(27_000), bigOf(8)),
			&seqtypes.MsgSlashed{SequencerId: 3, EscrowId: 12, OffenceId: offence.Bytes(), Severity: 2,
				Amount: math.NewInt(3_000), Total: math.NewInt(27_000), Nonce: 8}},
		{"Slashed of an empty lock", packLog(t, staking.ThemisStakingSlashedEventName, []common.Hash{u256(3), u256(0), offence},
			uint8(3), bigOf(0), bigOf(0), bigOf(9)),
			&seqtypes.MsgSlashed{SequencerId: 3, EscrowId: 0, OffenceId: offence.Bytes(), Severity: 3,
				Amount: math.ZeroInt(), Total: math.ZeroInt(), Nonce: 9}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := l1.DecodeStakingLog(tc.log)
			require.NoError(t, err)
			tc.want.SetEvent(decodeRef)
			require.Equal(t, tc.want, got)
			got.SetSubmitter(submitter)
			require.NoError(t, got.ValidateBasic(), "what the contract emits is what the chain accepts")
		})
	}
}

// Values Solidity allows but the chain's types do not are malformed logs, never
// truncated values.
func TestDecodeRefusesWhatDoesNotFit(t *testing.T) {
	slashed := func(escrow common.Hash, severity uint8, amount, total *big.Int) gethtypes.Log {
		return packLog(t, staking.ThemisStakingSlashedEventName, []common.Hash{u256(3), escrow, offence}, severity, amount, total, bigOf(2))
	}
	for name, log := range map[string]gethtypes.Log{
		"unlockableAt of 2^64": packLog(t, staking.ThemisStakingUnlockInitiatedEventName, []common.Hash{u256(3)}, two64, bigOf(2)),
		"unlockableAt of 2^256-1": packLog(t, staking.ThemisStakingUnlockInitiatedEventName, []common.Hash{u256(3)},
			maxUint256, bigOf(2)),
		"unlock without data": func() gethtypes.Log {
			l := packLog(t, staking.ThemisStakingUnlockInitiatedEventName, []common.Hash{u256(3)}, bigOf(1), bigOf(2))
			l.Data = nil
			return l
		}(),
		"slash escrow id of 2^64":  slashed(common.BigToHash(two64), 1, bigOf(1), bigOf(1)),
		"slash nonce of 2^64":      packLog(t, staking.ThemisStakingSlashedEventName, []common.Hash{u256(3), u256(1), offence}, uint8(1), bigOf(1), bigOf(1), two64),
		"slash sequencer of 2^64":  packLog(t, staking.ThemisStakingSlashedEventName, []common.Hash{common.BigToHash(two64), u256(1), offence}, uint8(1), bigOf(1), bigOf(1), bigOf(2)),
		"slash without offence id": dropTopic(slashed(u256(1), 1, bigOf(1), bigOf(1))),
		"slash without data": func() gethtypes.Log {
			l := slashed(u256(1), 1, bigOf(1), bigOf(1))
			l.Data = nil
			return l
		}(),
		"slash severity of 257": func() gethtypes.Log {
			l := slashed(u256(1), 1, bigOf(1), bigOf(1))
			l.Data[30] = 1 // the uint8 word holds 0x0101
			return l
		}(),
		"slash data cut short": func() gethtypes.Log {
			l := slashed(u256(1), 1, bigOf(1), bigOf(1))
			l.Data = l.Data[:96]
			return l
		}(),
		"reward change nonce of 2^64": packLog(t, staking.ThemisStakingRewardRecipientChangedEventName,
			[]common.Hash{u256(3), addrTopic(alice), addrTopic(bob)}, two64),
		"reward change without new recipient": dropTopic(packLog(t, staking.ThemisStakingRewardRecipientChangedEventName,
			[]common.Hash{u256(3), addrTopic(alice), addrTopic(bob)}, bigOf(2))),
		"reward change with an extra topic": func() gethtypes.Log {
			l := packLog(t, staking.ThemisStakingRewardRecipientChangedEventName, []common.Hash{u256(3), addrTopic(alice), addrTopic(bob)}, bigOf(2))
			l.Topics = append(l.Topics, u256(1))
			return l
		}(),
	} {
		_, err := l1.DecodeStakingLog(log)
		require.ErrorIs(t, err, l1.ErrMalformedLog, name)
	}
}

func dropTopic(l gethtypes.Log) gethtypes.Log {
	l.Topics = l.Topics[:len(l.Topics)-1]
	return l
}

// The largest unlock time that fits is decoded as is; the chain's ValidateBasic, not
// the decoder, bounds it to what a timestamp can store.
func TestDecodeUnlockableAtUpTo64Bits(t *testing.T) {
	got, err := l1.DecodeStakingLog(packLog(t, staking.ThemisStakingUnlockInitiatedEventName, []common.Hash{u256(3)},
		new(big.Int).SetUint64(^uint64(0)), bigOf(2)))
	require.NoError(t, err)
	require.Equal(t, ^uint64(0), got.(*seqtypes.MsgUnlockInitiated).UnlockableAt)
}

// The eth_getLogs filter selects exactly the events the chain relays: every
// per-sequencer event (RewardRecipientChanged and Slashed included), then every
// configuration event; the contract's other events decode as none.
func TestStakingEventTopicsAreTheRelayedEvents(t *testing.T) {
	parsed := stakingABI(t)
	var want []common.Hash
	for _, name := range []string{"Locked", "Relocked", "Withdrawn", "UnlockInitiated", "UnlockClaimed", "SignerChanged",
		"RewardRecipientChanged", "Slashed",
		"BootstrapStarted", "TreasuryUpdated", "LockLimitsUpdated", "ExitDelayUpdated", "WhitelistUpdated", "PauseUpdated",
		"PoolAddressUpdated", "BootstrapEnded", "PoolRecoveryProposed", "PoolRecoveryCancelled",
		"RewardsFunded", "RewardBatchSubmitted", "RewardsWithdrawn", "EscrowRefunded", "EscrowReleased"} {
		want = append(want, parsed.Events[name].ID)
	}
	require.Equal(t, want, l1.StakingEventTopics())

	// Every event carrying configNonce or ledgerNonce is relayed: a new configuration or
	// ledger event cannot be added to the contract and silently left out of the mirror.
	for name, ev := range parsed.Events {
		for _, in := range ev.Inputs {
			if in.Name == "configNonce" || in.Name == "ledgerNonce" {
				require.True(t, contains(want, ev.ID), "%s carries %s but is not relayed", name, in.Name)
			}
		}
	}

	for name, ev := range parsed.Events {
		if contains(want, ev.ID) {
			continue
		}
		topics := []common.Hash{ev.ID}
		for _, in := range ev.Inputs {
			if in.Indexed {
				topics = append(topics, u256(1))
			}
		}
		_, err := l1.DecodeStakingLog(gethtypes.Log{Topics: topics, TxHash: decodeTx, Index: 4, BlockNumber: 77})
		require.ErrorIs(t, err, l1.ErrNotStakingEvent, name)
	}
}

func contains(hs []common.Hash, h common.Hash) bool {
	for _, x := range hs {
		if x == h {
			return true
		}
	}
	return false
}
