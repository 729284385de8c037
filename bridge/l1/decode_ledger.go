package l1

import (
	"fmt"
	"math/big"

	gethtypes "github.com/ethereum/go-ethereum/core/types"

	"github.com/themis-network/themis/contracts/bindings/staking"
	seqtypes "github.com/themis-network/themis/x/sequencer/types"
)

// ledgerEvents are the contract's ledger events: each carries ledgerNonce, and the
// chain applies them in that order (MsgLedgerChanged). They confirm the pool's reward
// batches and escrow refunds and releases.
var ledgerEvents = []string{
	staking.ThemisStakingRewardsFundedEventName,
	staking.ThemisStakingRewardBatchSubmittedEventName,
	staking.ThemisStakingRewardsWithdrawnEventName,
	staking.ThemisStakingEscrowRefundedEventName,
	staking.ThemisStakingEscrowReleasedEventName,
}

// decodeLedgerByTopic decodes a ledger event into MsgLedgerChanged; any other log is
// ErrNotStakingEvent.
func decodeLedgerByTopic(log *gethtypes.Log, ref seqtypes.L1EventRef) (seqtypes.L1EventMsg, error) {
	var (
		nonce *big.Int
		m     = &seqtypes.MsgLedgerChanged{Event: ref}
		err   error
	)
	switch log.Topics[0] {
	case topicOf(staking.ThemisStakingRewardsFundedEventName):
		ev, uerr := contract.UnpackRewardsFundedEvent(log)
		if uerr != nil {
			return nil, malformed(uerr)
		}
		nonce = ev.LedgerNonce
		f := &seqtypes.RewardsFunded{Funder: lowerHex(ev.Funder)}
		if f.Amount, err = tokenAmount(ev.Amount); err == nil {
			f.Reserve, err = tokenAmount(ev.Reserve)
		}
		m.Change = &seqtypes.MsgLedgerChanged_RewardsFunded{RewardsFunded: f}
	case topicOf(staking.ThemisStakingRewardBatchSubmittedEventName):
		ev, uerr := contract.UnpackRewardBatchSubmittedEvent(log)
		if uerr != nil {
			return nil, malformed(uerr)
		}
		nonce = ev.LedgerNonce
		b := &seqtypes.RewardBatchCredited{}
		if b.BatchId, err = uint64Field("batchId", ev.BatchId); err == nil {
			b.Count, err = uint64Field("count", ev.Count)
		}
		if err == nil {
			b.Total, err = tokenAmount(ev.Total)
		}
		if err == nil {
			b.Reserve, err = tokenAmount(ev.Reserve)
		}
		m.Change = &seqtypes.MsgLedgerChanged_RewardBatch{RewardBatch: b}
	case topicOf(staking.ThemisStakingRewardsWithdrawnEventName):
		ev, uerr := contract.UnpackRewardsWithdrawnEvent(log)
		if uerr != nil {
			return nil, malformed(uerr)
		}
		nonce = ev.LedgerNonce
		w := &seqtypes.RewardsWithdrawn{Recipient: lowerHex(ev.Recipient)}
		if w.SequencerId, err = uint64Field("sequencerId", ev.SequencerId); err == nil {
			w.Amount, err = tokenAmount(ev.Amount)
		}
		m.Change = &seqtypes.MsgLedgerChanged_RewardsWithdrawn{RewardsWithdrawn: w}
	case topicOf(staking.ThemisStakingEscrowRefundedEventName):
		ev, uerr := contract.UnpackEscrowRefundedEvent(log)
		if uerr != nil {
			return nil, malformed(uerr)
		}
		nonce = ev.LedgerNonce
		var p *seqtypes.EscrowPaidOut
		p, err = escrowPaidOut(ev.EscrowId, ev.SequencerId, ev.Amount, lowerHex(ev.Recipient))
		m.Change = &seqtypes.MsgLedgerChanged_EscrowRefunded{EscrowRefunded: p}
	case topicOf(staking.ThemisStakingEscrowReleasedEventName):
		ev, uerr := contract.UnpackEscrowReleasedEvent(log)
		if uerr != nil {
			return nil, malformed(uerr)
		}
		nonce = ev.LedgerNonce
		var p *seqtypes.EscrowPaidOut
		p, err = escrowPaidOut(ev.EscrowId, ev.SequencerId, ev.Amount, lowerHex(ev.Treasury))
		m.Change = &seqtypes.MsgLedgerChanged_EscrowReleased{EscrowReleased: p}
	default:
		return nil, ErrNotStakingEvent
	}
	if err != nil {
		return nil, err
	}
	if m.LedgerNonce, err = uint64Field("ledgerNonce", nonce); err != nil {
		return nil, err
	}
	return m, nil
}

func escrowPaidOut(escrowID, sequencerID, amount *big.Int, to string) (*seqtypes.EscrowPaidOut, error) {
	p := &seqtypes.EscrowPaidOut{To: to}
	var err error
	if p.EscrowId, err = uint64Field("escrowId", escrowID); err != nil {
		return nil, err
	}
	if p.SequencerId, err = uint64Field("sequencerId", sequencerID); err != nil {
		return nil, err
	}
	if p.Amount, err = tokenAmount(amount); err != nil {
		return nil, err
	}
	return p, nil
}

// uint64Field is a uint256 field the chain keeps in 64 bits.
func uint64Field(name string, v *big.Int) (uint64, error) {
	if v == nil || !v.IsUint64() {
		return 0, fmt.Errorf("%w: %s %v does not fit 64 bits", ErrMalformedLog, name, v)
	}
	return v.Uint64(), nil
}
