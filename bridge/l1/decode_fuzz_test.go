package l1_test

import (
	"errors"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	gethtypes "github.com/ethereum/go-ethereum/core/types"

	"github.com/themis-network/themis/bridge/l1"
)

// FuzzDecodeStakingLog feeds logs with a relayed event's signature and arbitrary
// topics and data: the decoder must never panic, and must either refuse the log with
// ErrMalformedLog or return a message naming the log.
func FuzzDecodeStakingLog(f *testing.F) {
	f.Add(uint8(0), []byte{}, []byte{})
	f.Add(uint8(1), make([]byte, 96), make([]byte, 128))
	f.Add(uint8(5), make([]byte, 96), make([]byte, 192))
	topics := l1.StakingEventTopics()
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
	})
}
