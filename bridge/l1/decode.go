// Package l1 is the one place that reads the staking contract on L1: it turns the
// contract's logs into x/sequencer messages (for the bridge, which relays them, and for
// each validator's vote, which checks them) and reads them back from an L1 node.
package l1

import (
	"errors"
	"fmt"
	"math/big"
	"strings"

	"cosmossdk.io/math"
	"github.com/ethereum/go-ethereum/common"
	gethtypes "github.com/ethereum/go-ethereum/core/types"

	"github.com/themis-network/themis/contracts/bindings/staking"
	seqtypes "github.com/themis-network/themis/x/sequencer/types"
)

var (
	// ErrNotStakingEvent marks a log that is not one of the relayed staking events.
	ErrNotStakingEvent = errors.New("not a relayed staking event")
	// ErrMalformedLog marks a log with a relayed event's signature whose content does not decode.
	ErrMalformedLog = errors.New("malformed staking log")
)

var contract = staking.NewThemisStaking()

// relayedEvents are the events the chain mirrors, in the order of x/sequencer's messages:
// every per-sequencer event, each of which moves that sequencer's nonce by one, then
// every configuration event, each of which moves the contract's configNonce by one,
// then every ledger event, each of which moves its ledgerNonce by one.
var relayedEvents = append([]string{
	staking.ThemisStakingLockedEventName,
	staking.ThemisStakingRelockedEventName,
	staking.ThemisStakingWithdrawnEventName,
	staking.ThemisStakingUnlockInitiatedEventName,
	staking.ThemisStakingUnlockClaimedEventName,
	staking.ThemisStakingSignerChangedEventName,
	staking.ThemisStakingRewardRecipientChangedEventName,
	staking.ThemisStakingSlashedEventName,
}, append(configEvents, ledgerEvents...)...)

// StakingEventTopics returns the topic0 of every relayed event, for eth_getLogs filters.
func StakingEventTopics() []common.Hash {
	parsed, err := staking.ThemisStakingMetaData.ParseABI()
	if err != nil {
		panic("l1: the staking binding's ABI does not parse: " + err.Error()) // generated code, checked by tests
	}
	topics := make([]common.Hash, 0, len(relayedEvents))
	for _, name := range relayedEvents {
		topics = append(topics, parsed.Events[name].ID)
	}
	return topics
}

// DecodeStakingLog turns one staking-contract log into its x/sequencer message, with
// Submitter empty and Event naming the log. Logs of other events return
// ErrNotStakingEvent; a relayed event that does not decode returns ErrMalformedLog.
func DecodeStakingLog(log gethtypes.Log) (seqtypes.L1EventMsg, error) {
	if len(log.Topics) == 0 {
		return nil, ErrNotStakingEvent
	}
	ref := seqtypes.L1EventRef{TxHash: strings.ToLower(log.TxHash.Hex()), LogIndex: uint64(log.Index), BlockNumber: log.BlockNumber}
	if want, known := topicCount[log.Topics[0]]; known && len(log.Topics) != want {
		// The binding would read missing indexed fields as zero values.
		return nil, fmt.Errorf("%w: %d topics, the event has %d", ErrMalformedLog, len(log.Topics), want)
	}
	return decodeByTopic(&log, ref)
}

// decodeByTopic picks the event by topic0. The binding checks the signature and the
// ABI layout; the conversions below check what Solidity's types allow but the chain's
// do not (ids and nonces above 2^64). Semantic checks (keys on the curve, amounts) are
// the chain's ValidateBasic, which the bridge runs before relaying.
func decodeByTopic(log *gethtypes.Log, ref seqtypes.L1EventRef) (seqtypes.L1EventMsg, error) {
	switch log.Topics[0] {
	case topicOf(staking.ThemisStakingLockedEventName):
		ev, err := contract.UnpackLockedEvent(log)
		if err != nil {
			return nil, malformed(err)
		}
		id, nonce, err := idAndNonce(ev.SequencerId, ev.Nonce)
		if err != nil {
			return nil, err
		}
		amount, err := tokenAmount(ev.Amount)
		if err != nil {
			return nil, err
		}
		return &seqtypes.MsgLocked{Event: ref, SequencerId: id, Owner: lowerHex(ev.Owner), PubKey: ev.Pubkey,
			Amount: amount, RewardRecipient: lowerHex(ev.RewardRecipient), Nonce: nonce}, nil
	case topicOf(staking.ThemisStakingRelockedEventName):
		ev, err := contract.UnpackRelockedEvent(log)
		if err != nil {
			return nil, malformed(err)
		}
		return amountAndTotal(ev.SequencerId, ev.Nonce, ev.Amount, ev.Total, func(id, nonce uint64, amount, total math.Int) seqtypes.L1EventMsg {
			return &seqtypes.MsgRelocked{Event: ref, SequencerId: id, Amount: amount, Total: total, Nonce: nonce}
		})
	case topicOf(staking.ThemisStakingWithdrawnEventName):
		ev, err := contract.UnpackWithdrawnEvent(log)
		if err != nil {
			return nil, malformed(err)
		}
		return amountAndTotal(ev.SequencerId, ev.Nonce, ev.Amount, ev.Total, func(id, nonce uint64, amount, total math.Int) seqtypes.L1EventMsg {
			return &seqtypes.MsgWithdrawn{Event: ref, SequencerId: id, Amount: amount, Total: total, Nonce: nonce}
		})
	case topicOf(staking.ThemisStakingUnlockInitiatedEventName):
		ev, err := contract.UnpackUnlockInitiatedEvent(log)
		if err != nil {
			return nil, malformed(err)
		}
		id, nonce, err := idAndNonce(ev.SequencerId, ev.Nonce)
		if err != nil {
			return nil, err
		}
		if ev.UnlockableAt == nil || !ev.UnlockableAt.IsUint64() {
			return nil, fmt.Errorf("%w: unlockableAt %v does not fit 64 bits", ErrMalformedLog, ev.UnlockableAt)
		}
		return &seqtypes.MsgUnlockInitiated{Event: ref, SequencerId: id, Nonce: nonce, UnlockableAt: ev.UnlockableAt.Uint64()}, nil
	case topicOf(staking.ThemisStakingUnlockClaimedEventName):
		ev, err := contract.UnpackUnlockClaimedEvent(log)
		if err != nil {
			return nil, malformed(err)
		}
		id, nonce, err := idAndNonce(ev.SequencerId, ev.Nonce)
		if err != nil {
			return nil, err
		}
		amount, err := tokenAmount(ev.Amount)
		if err != nil {
			return nil, err
		}
		return &seqtypes.MsgUnlockClaimed{Event: ref, SequencerId: id, Amount: amount, Nonce: nonce}, nil
	case topicOf(staking.ThemisStakingSignerChangedEventName):
		ev, err := contract.UnpackSignerChangedEvent(log)
		if err != nil {
			return nil, malformed(err)
		}
		id, nonce, err := idAndNonce(ev.SequencerId, ev.Nonce)
		if err != nil {
			return nil, err
		}
		return &seqtypes.MsgSignerChanged{Event: ref, SequencerId: id, NewPubKey: ev.NewPubkey, Nonce: nonce}, nil
	case topicOf(staking.ThemisStakingRewardRecipientChangedEventName):
		ev, err := contract.UnpackRewardRecipientChangedEvent(log)
		if err != nil {
			return nil, malformed(err)
		}
		id, nonce, err := idAndNonce(ev.SequencerId, ev.Nonce)
		if err != nil {
			return nil, err
		}
		return &seqtypes.MsgRewardRecipientChanged{Event: ref, SequencerId: id, NewRecipient: lowerHex(ev.NewRecipient), Nonce: nonce}, nil
	case topicOf(staking.ThemisStakingSlashedEventName):
		ev, err := contract.UnpackSlashedEvent(log)
		if err != nil {
			return nil, malformed(err)
		}
		if ev.EscrowId == nil || !ev.EscrowId.IsUint64() {
			return nil, fmt.Errorf("%w: escrow id %v does not fit 64 bits", ErrMalformedLog, ev.EscrowId)
		}
		escrowID, offenceID, severity := ev.EscrowId.Uint64(), ev.OffenceId, uint32(ev.Severity)
		return amountAndTotal(ev.SequencerId, ev.Nonce, ev.Amount, ev.Total, func(id, nonce uint64, amount, total math.Int) seqtypes.L1EventMsg {
			return &seqtypes.MsgSlashed{Event: ref, SequencerId: id, EscrowId: escrowID, OffenceId: offenceID[:],
				Severity: severity, Amount: amount, Total: total, Nonce: nonce}
		})
	}
	return decodeConfigByTopic(log, ref)
}

var eventTopics = func() map[string]common.Hash {
	topics := StakingEventTopics()
	byName := make(map[string]common.Hash, len(topics))
	for i, name := range relayedEvents {
		byName[name] = topics[i]
	}
	return byName
}()

func topicOf(event string) common.Hash { return eventTopics[event] }

// topicCount is, per relayed event signature, 1 + its number of indexed fields.
var topicCount = func() map[common.Hash]int {
	parsed, err := staking.ThemisStakingMetaData.ParseABI()
	if err != nil {
		panic("l1: the staking binding's ABI does not parse: " + err.Error())
	}
	counts := make(map[common.Hash]int, len(relayedEvents))
	for _, name := range relayedEvents {
		n := 1
		for _, in := range parsed.Events[name].Inputs {
			if in.Indexed {
				n++
			}
		}
		counts[parsed.Events[name].ID] = n
	}
	return counts
}()

func malformed(err error) error { return fmt.Errorf("%w: %v", ErrMalformedLog, err) }

func idAndNonce(id, nonce *big.Int) (uint64, uint64, error) {
	if id == nil || nonce == nil {
		return 0, 0, fmt.Errorf("%w: sequencer id or nonce missing", ErrMalformedLog)
	}
	if !id.IsUint64() || !nonce.IsUint64() {
		return 0, 0, fmt.Errorf("%w: sequencer id %s or nonce %s does not fit 64 bits", ErrMalformedLog, id, nonce)
	}
	return id.Uint64(), nonce.Uint64(), nil
}

func tokenAmount(v *big.Int) (math.Int, error) {
	if v == nil {
		return math.Int{}, fmt.Errorf("%w: amount missing", ErrMalformedLog)
	}
	if v.Sign() < 0 || v.BitLen() > math.MaxBitLen {
		return math.Int{}, fmt.Errorf("%w: amount %s out of range", ErrMalformedLog, v)
	}
	return math.NewIntFromBigInt(v), nil
}

func amountAndTotal(id, nonce, amount, total *big.Int,
	build func(id, nonce uint64, amount, total math.Int) seqtypes.L1EventMsg,
) (seqtypes.L1EventMsg, error) {
	i, n, err := idAndNonce(id, nonce)
	if err != nil {
		return nil, err
	}
	a, err := tokenAmount(amount)
	if err != nil {
		return nil, err
	}
	t, err := tokenAmount(total)
	if err != nil {
		return nil, err
	}
	return build(i, n, a, t), nil
}

func lowerHex(a common.Address) string { return strings.ToLower(a.Hex()) }
