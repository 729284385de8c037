package l1

import (
	"fmt"
	"math/big"

	gethtypes "github.com/ethereum/go-ethereum/core/types"

	"github.com/themis-network/themis/contracts/bindings/staking"
	seqtypes "github.com/themis-network/themis/x/sequencer/types"
)

// configEvents are the contract's configuration events: each carries configNonce, and
// the chain applies them in that order (MsgConfigChanged).
var configEvents = []string{
	staking.ThemisStakingBootstrapStartedEventName,
	staking.ThemisStakingTreasuryUpdatedEventName,
	staking.ThemisStakingLockLimitsUpdatedEventName,
	staking.ThemisStakingExitDelayUpdatedEventName,
	staking.ThemisStakingWhitelistUpdatedEventName,
	staking.ThemisStakingPauseUpdatedEventName,
	staking.ThemisStakingPoolAddressUpdatedEventName,
	staking.ThemisStakingBootstrapEndedEventName,
	staking.ThemisStakingPoolRecoveryProposedEventName,
	staking.ThemisStakingPoolRecoveryCancelledEventName,
}

// decodeConfigByTopic decodes a configuration event into MsgConfigChanged; any other
// log goes on to the ledger events.
func decodeConfigByTopic(log *gethtypes.Log, ref seqtypes.L1EventRef) (seqtypes.L1EventMsg, error) {
	var (
		nonce  *big.Int
		change func(m *seqtypes.MsgConfigChanged) error
	)
	switch log.Topics[0] {
	case topicOf(staking.ThemisStakingLockLimitsUpdatedEventName):
		ev, err := contract.UnpackLockLimitsUpdatedEvent(log)
		if err != nil {
			return nil, malformed(err)
		}
		nonce = ev.ConfigNonce
		change = func(m *seqtypes.MsgConfigChanged) error {
			minLock, err := tokenAmount(ev.MinLock)
			if err != nil {
				return err
			}
			maxLock, err := tokenAmount(ev.MaxLock)
			if err != nil {
				return err
			}
			m.Change = &seqtypes.MsgConfigChanged_LockLimits{LockLimits: &seqtypes.LockLimitsChange{MinLock: minLock, MaxLock: maxLock}}
			return nil
		}
	case topicOf(staking.ThemisStakingExitDelayUpdatedEventName):
		ev, err := contract.UnpackExitDelayUpdatedEvent(log)
		if err != nil {
			return nil, malformed(err)
		}
		nonce = ev.ConfigNonce
		change = func(m *seqtypes.MsgConfigChanged) error {
			if ev.ExitDelay == nil || !ev.ExitDelay.IsUint64() {
				return fmt.Errorf("%w: exit delay %v does not fit 64 bits", ErrMalformedLog, ev.ExitDelay)
			}
			m.Change = &seqtypes.MsgConfigChanged_ExitDelay{ExitDelay: &seqtypes.ExitDelayChange{ExitDelaySeconds: ev.ExitDelay.Uint64()}}
			return nil
		}
	case topicOf(staking.ThemisStakingWhitelistUpdatedEventName):
		ev, err := contract.UnpackWhitelistUpdatedEvent(log)
		if err != nil {
			return nil, malformed(err)
		}
		nonce = ev.ConfigNonce
		change = func(m *seqtypes.MsgConfigChanged) error {
			m.Change = &seqtypes.MsgConfigChanged_Whitelist{Whitelist: &seqtypes.L1WhitelistChange{Account: lowerHex(ev.Account), Allowed: ev.Allowed}}
			return nil
		}
	case topicOf(staking.ThemisStakingPauseUpdatedEventName):
		ev, err := contract.UnpackPauseUpdatedEvent(log)
		if err != nil {
			return nil, malformed(err)
		}
		nonce = ev.ConfigNonce
		change = func(m *seqtypes.MsgConfigChanged) error {
			m.Change = &seqtypes.MsgConfigChanged_Pause{Pause: &seqtypes.PauseChange{By: lowerHex(ev.By), PausedUntil: ev.PausedUntil}}
			return nil
		}
	case topicOf(staking.ThemisStakingTreasuryUpdatedEventName):
		ev, err := contract.UnpackTreasuryUpdatedEvent(log)
		if err != nil {
			return nil, malformed(err)
		}
		nonce = ev.ConfigNonce
		change = func(m *seqtypes.MsgConfigChanged) error {
			m.Change = &seqtypes.MsgConfigChanged_Treasury{Treasury: &seqtypes.AddressChange{Previous: lowerHex(ev.PreviousTreasury), Current: lowerHex(ev.NewTreasury)}}
			return nil
		}
	case topicOf(staking.ThemisStakingPoolAddressUpdatedEventName):
		ev, err := contract.UnpackPoolAddressUpdatedEvent(log)
		if err != nil {
			return nil, malformed(err)
		}
		nonce = ev.ConfigNonce
		change = func(m *seqtypes.MsgConfigChanged) error {
			m.Change = &seqtypes.MsgConfigChanged_PoolAddress{PoolAddress: &seqtypes.AddressChange{Previous: lowerHex(ev.PreviousPool), Current: lowerHex(ev.NewPool)}}
			return nil
		}
	case topicOf(staking.ThemisStakingBootstrapStartedEventName):
		ev, err := contract.UnpackBootstrapStartedEvent(log)
		if err != nil {
			return nil, malformed(err)
		}
		nonce = ev.ConfigNonce
		change = func(m *seqtypes.MsgConfigChanged) error {
			m.Change = &seqtypes.MsgConfigChanged_BootstrapStarted{BootstrapStarted: &seqtypes.BootstrapStarted{Owner: lowerHex(ev.Owner), Deadline: ev.Deadline}}
			return nil
		}
	case topicOf(staking.ThemisStakingBootstrapEndedEventName):
		ev, err := contract.UnpackBootstrapEndedEvent(log)
		if err != nil {
			return nil, malformed(err)
		}
		nonce = ev.ConfigNonce
		change = func(m *seqtypes.MsgConfigChanged) error {
			m.Change = &seqtypes.MsgConfigChanged_BootstrapEnded{BootstrapEnded: &seqtypes.BootstrapEnded{EndedBy: lowerHex(ev.EndedBy), PoolAddress: lowerHex(ev.PoolAddress)}}
			return nil
		}
	case topicOf(staking.ThemisStakingPoolRecoveryProposedEventName):
		ev, err := contract.UnpackPoolRecoveryProposedEvent(log)
		if err != nil {
			return nil, malformed(err)
		}
		nonce = ev.ConfigNonce
		change = func(m *seqtypes.MsgConfigChanged) error {
			m.Change = &seqtypes.MsgConfigChanged_PoolRecoveryProposed{PoolRecoveryProposed: &seqtypes.PoolRecoveryProposed{
				CurrentPool: lowerHex(ev.CurrentPool), ProposedPool: lowerHex(ev.ProposedPool), EffectiveAt: ev.EffectiveAt}}
			return nil
		}
	case topicOf(staking.ThemisStakingPoolRecoveryCancelledEventName):
		ev, err := contract.UnpackPoolRecoveryCancelledEvent(log)
		if err != nil {
			return nil, malformed(err)
		}
		nonce = ev.ConfigNonce
		change = func(m *seqtypes.MsgConfigChanged) error {
			m.Change = &seqtypes.MsgConfigChanged_PoolRecoveryCancelled{PoolRecoveryCancelled: &seqtypes.PoolRecoveryCancelled{
				ProposedPool: lowerHex(ev.ProposedPool), CancelledBy: lowerHex(ev.CancelledBy)}}
			return nil
		}
	default:
		return decodeLedgerByTopic(log, ref)
	}
	if nonce == nil || !nonce.IsUint64() {
		return nil, fmt.Errorf("%w: configNonce %v does not fit 64 bits", ErrMalformedLog, nonce)
	}
	m := &seqtypes.MsgConfigChanged{Event: ref, ConfigNonce: nonce.Uint64()}
	if err := change(m); err != nil {
		return nil, err
	}
	return m, nil
}
