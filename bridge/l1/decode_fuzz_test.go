package l1_test

import (
	"errors"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	gethtypes "github.com/ethereum/go-ethereum/core/types"

	"github.com/themis-network/themis/bridge/l1"
	"github.com/themis-network/themis/contracts/bindings/staking"
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
		}
	})
}
