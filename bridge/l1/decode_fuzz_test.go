package l1_test

import (
	"errors"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	gethtypes "github.com/ethereum/go-ethereum/core/types"

	"github.com/themis-network/themis/bridge/l1"
	"github.com/themis-network/themis/contracts/bindings/staking"
	sequencertest "github.com/themis-network/themis/testutil/sequencer"
	seqtypes "github.com/themis-network/themis/x/sequencer/types"
)

// FuzzDecodeStakingLog feeds logs with a relayed event's signature and arbitrary
// topics and data: the decoder must never panic, and must either refuse the log with
// ErrMalformedLog or return a message naming the log.
func FuzzDecodeStakingLog(f *testing.F) {
	f.Add(uint8(0), []byte{}, []byte{})
	f.Add(uint8(1), make([]byte, 96), make([]byte, 128))
	f.Add(uint8(5), make([]byte, 96), make([]byte, 192))
	// The events and fields the contract added: well-formed logs, and the edges
	// (an unlock time, escrow id or severity that does not fit the chain's types).
	topics := l1.StakingEventTopics()
	seed := func(l gethtypes.Log) {
		which := -1
		for i, h := range topics {
			if h == l.Topics[0] {
				which = i
			}
		}
		if which < 0 {
			f.Fatalf("seed of an event that is not relayed")
		}
		var topicBytes []byte
		for _, h := range l.Topics[1:] {
			topicBytes = append(topicBytes, h.Bytes()...)
		}
		f.Add(uint8(which), topicBytes, l.Data)
	}
	unlock := func(at *big.Int) gethtypes.Log {
		return packLog(f, staking.ThemisStakingUnlockInitiatedEventName, []common.Hash{u256(3)}, at, bigOf(4))
	}
	seed(unlock(bigOf(1_800_000_000)))
	seed(unlock(bigOf(0)))
	seed(unlock(two64))
	seed(packLog(f, staking.ThemisStakingRewardRecipientChangedEventName, []common.Hash{u256(3), addrTopic(alice), addrTopic(bob)}, bigOf(7)))
	slashed := func(escrow common.Hash, severity uint8, amount, total *big.Int) gethtypes.Log {
		return packLog(f, staking.ThemisStakingSlashedEventName, []common.Hash{u256(3), escrow, offence}, severity, amount, total, bigOf(8))
	}
	seed(slashed(u256(12), 2, bigOf(3_000), bigOf(27_000)))
	seed(slashed(u256(0), 3, bigOf(0), bigOf(0)))
	seed(slashed(u256(1), 0, maxUint256, maxUint256))
	seed(slashed(common.BigToHash(two64), 1, bigOf(1), bigOf(1)))
	badSeverity := slashed(u256(1), 1, bigOf(1), bigOf(1))
	badSeverity.Data[30] = 1
	seed(badSeverity)
	// The configuration events: every one well-formed, and the edges (a configNonce or
	// exit delay above 64 bits, a uint64 or bool word out of range, data cut short).
	for _, tc := range configLogs(f) {
		seed(tc.log)
		wide := tc.log
		wide.Data = append([]byte(nil), tc.log.Data...)
		copy(wide.Data[len(wide.Data)-32:], common.BigToHash(two64).Bytes())
		seed(wide)
		short := tc.log
		short.Data = tc.log.Data[:len(tc.log.Data)-1]
		seed(short)
	}
	for _, tc := range ledgerLogs(f) {
		seed(tc.log)
		wide := tc.log
		wide.Data = append([]byte(nil), tc.log.Data...)
		copy(wide.Data[len(wide.Data)-32:], common.BigToHash(two64).Bytes())
		seed(wide)
	}
	seed(packLog(f, staking.ThemisStakingExitDelayUpdatedEventName, nil, two64, bigOf(4)))
	seed(packLog(f, staking.ThemisStakingLockLimitsUpdatedEventName, nil, bigOf(2), bigOf(1), bigOf(3)))
	seed(packLog(f, staking.ThemisStakingLockLimitsUpdatedEventName, nil, maxUint256, maxUint256, bigOf(3)))
	pausedWord := packLog(f, staking.ThemisStakingPauseUpdatedEventName, []common.Hash{addrTopic(alice)}, uint64(1), bigOf(7))
	pausedWord.Data[23] = 1
	seed(pausedWord)
	allowed := packLog(f, staking.ThemisStakingWhitelistUpdatedEventName, []common.Hash{addrTopic(bob)}, true, bigOf(5))
	allowed.Data[31] = 2
	seed(allowed)
	f.Fuzz(func(t *testing.T, which uint8, topicBytes, data []byte) {
		log := gethtypes.Log{Topics: []common.Hash{topics[int(which)%len(topics)]}, Data: data,
			TxHash: common.HexToHash("0x01"), Index: 3, BlockNumber: 9}
		for len(topicBytes) >= 32 && len(log.Topics) < 4 {
			log.Topics = append(log.Topics, common.BytesToHash(topicBytes[:32]))
			topicBytes = topicBytes[32:]
		}
		msg, err := l1.DecodeStakingLog(log)
		if err != nil {
			if !errors.Is(err, l1.ErrMalformedLog) {
				t.Fatalf("a relayed signature must decode or be malformed, got %v", err)
			}
			return
		}
		ref := msg.GetEvent()
		if ref.LogIndex != 3 || ref.BlockNumber != 9 || ref.TxHash != "0x0000000000000000000000000000000000000000000000000000000000000001" {
			t.Fatalf("event reference %+v does not name the log", ref)
		}
		switch m := msg.(type) {
		case *seqtypes.MsgSlashed:
			if len(m.OffenceId) != seqtypes.OffenceIDLen || m.Severity > 255 || m.Amount.IsNegative() || m.Total.IsNegative() {
				t.Fatalf("decoded slash %+v", m)
			}
		case *seqtypes.MsgRewardRecipientChanged:
			if _, err := seqtypes.NormalizeL1Address(m.NewRecipient); err != nil {
				t.Fatalf("decoded recipient %q: %v", m.NewRecipient, err)
			}
		case *seqtypes.MsgConfigChanged:
			fuzzCheckConfig(t, m)
		}
		// With a submitter, ValidateBasic judges it without panicking; a decoded
		// configuration change that passes is one the mirror can apply.
		msg.SetSubmitter(fuzzSubmitter)
		if err := msg.ValidateBasic(); err == nil {
			if m, ok := msg.(*seqtypes.MsgConfigChanged); ok {
				if next, _, _ := seqtypes.DefaultL1Config().Apply(m); next.Validate() != nil {
					t.Fatalf("decoded change %+v makes the configuration invalid", m)
				}
			}
			if m, ok := msg.(*seqtypes.MsgLedgerChanged); ok {
				if next, _, _ := seqtypes.DefaultL1Ledger().Apply(m); next.Validate() != nil || next.LedgerNonce != m.LedgerNonce {
					t.Fatalf("decoded ledger change %+v makes the ledger invalid", m)
				}
			}
		}
	})
}

// fuzzSubmitter is any well-formed account: the decoder leaves the submitter empty.
var fuzzSubmitter = func() string {
	sequencertest.SetBech32Prefixes()
	s, err := sequencertest.AddressCodec().BytesToString([]byte("submitter-account-01"))
	if err != nil {
		panic(err)
	}
	return s
}()

// fuzzCheckConfig checks what every decoded configuration change holds whatever the
// log: one change set, the nonce chain of id 0, addresses in their canonical form.
func fuzzCheckConfig(t *testing.T, m *seqtypes.MsgConfigChanged) {
	t.Helper()
	if m.Change == nil || m.GetSequencerId() != seqtypes.ConfigSequencerID || m.GetNonce() != m.ConfigNonce {
		t.Fatalf("decoded config change %+v", m)
	}
	var addrs []string
	switch c := m.Change.(type) {
	case *seqtypes.MsgConfigChanged_LockLimits:
		if c.LockLimits.MinLock.IsNil() || c.LockLimits.MaxLock.IsNil() || c.LockLimits.MinLock.IsNegative() || c.LockLimits.MaxLock.IsNegative() {
			t.Fatalf("decoded lock limits %+v", c.LockLimits)
		}
	case *seqtypes.MsgConfigChanged_ExitDelay:
	case *seqtypes.MsgConfigChanged_Whitelist:
		addrs = append(addrs, c.Whitelist.Account)
	case *seqtypes.MsgConfigChanged_Pause:
		addrs = append(addrs, c.Pause.By)
	case *seqtypes.MsgConfigChanged_Treasury:
		addrs = append(addrs, c.Treasury.Previous, c.Treasury.Current)
	case *seqtypes.MsgConfigChanged_PoolAddress:
		addrs = append(addrs, c.PoolAddress.Previous, c.PoolAddress.Current)
	case *seqtypes.MsgConfigChanged_BootstrapStarted:
		addrs = append(addrs, c.BootstrapStarted.Owner)
	case *seqtypes.MsgConfigChanged_BootstrapEnded:
		addrs = append(addrs, c.BootstrapEnded.EndedBy, c.BootstrapEnded.PoolAddress)
	case *seqtypes.MsgConfigChanged_PoolRecoveryProposed:
		addrs = append(addrs, c.PoolRecoveryProposed.CurrentPool, c.PoolRecoveryProposed.ProposedPool)
	case *seqtypes.MsgConfigChanged_PoolRecoveryCancelled:
		addrs = append(addrs, c.PoolRecoveryCancelled.ProposedPool, c.PoolRecoveryCancelled.CancelledBy)
	default:
		t.Fatalf("decoded config change of kind %T", c)
	}
	for _, a := range addrs {
		if n, err := seqtypes.NormalizeL1Address(a); err != nil || n != a {
			t.Fatalf("decoded address %q is not canonical (%v)", a, err)
		}
	}
}
