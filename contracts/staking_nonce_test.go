package contracts_test

import (
	"math/big"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/contracts/bindings/staking"
)

// Audit point 5: the chain mirrors every field of a sequencer, so every change to one comes
// with an event carrying the next nonce, the reward recipient included. The eight events in
// order number 1 to 8; other sequencers' events and the unmirrored ones leave it alone.
func TestEveryMirroredSequencerChangeBumpsTheNonce(t *testing.T) {
	e := newEnv(t)
	s := e.staking
	a, a2 := newSigner("a"), newSigner("a2")
	id, receipt := e.lock(e.alice, a, tokens(500))
	other, _ := e.lock(e.bob, newSigner("b"), tokens(500))
	requireEvent(t, receipt, s.UnpackLockedEvent, staking.ThemisStakingLocked{
		SequencerId: id, Owner: e.alice.addr, Signer: a.addr, Pubkey: a.pubkey,
		Amount: tokens(500), RewardRecipient: e.alice.addr, Nonce: big.NewInt(1),
	})

	e.approve(e.alice, tokens(100))
	receipt = e.send(e.alice, e.stakingC, s.PackRelock(id, tokens(100)))
	requireEvent(t, receipt, s.UnpackRelockedEvent, staking.ThemisStakingRelocked{
		SequencerId: id, Amount: tokens(100), Total: tokens(600), Nonce: big.NewInt(2),
	})
	receipt = e.send(e.alice, e.stakingC, s.PackWithdraw(id, tokens(40)))
	requireEvent(t, receipt, s.UnpackWithdrawnEvent, staking.ThemisStakingWithdrawn{
		SequencerId: id, Amount: tokens(40), Total: tokens(560), Nonce: big.NewInt(3),
	})
	receipt = e.send(e.alice, e.stakingC, e.packUpdateSigner(e.alice, id, a2))
	requireEvent(t, receipt, s.UnpackSignerChangedEvent, staking.ThemisStakingSignerChanged{
		SequencerId: id, OldSigner: a.addr, NewSigner: a2.addr, NewPubkey: a2.pubkey, Nonce: big.NewInt(4),
	})

	// Unmirrored actions and another sequencer's events in between change nothing here.
	e.send(e.pool, e.stakingC, s.PackSlash(other, tokens(1), 1, offence("other")))
	e.fundRewards(tokens(1))
	e.send(e.pool, e.stakingC, s.PackSubmitRewardBatch(big.NewInt(1), []*big.Int{id}, []*big.Int{tokens(1)}))
	e.send(e.alice, e.stakingC, s.PackWithdrawRewards(id))
	require.Equal(t, big.NewInt(4), e.sequencer(id).Nonce)

	receipt = e.send(e.alice, e.stakingC, s.PackSetRewardRecipient(id, e.carol.addr))
	requireEvent(t, receipt, s.UnpackRewardRecipientChangedEvent, staking.ThemisStakingRewardRecipientChanged{
		SequencerId: id, PreviousRecipient: e.alice.addr, NewRecipient: e.carol.addr, Nonce: big.NewInt(5),
	})
	receipt = e.send(e.pool, e.stakingC, s.PackSlash(id, tokens(7), 1, offence("one")))
	requireEvent(t, receipt, s.UnpackSlashedEvent, staking.ThemisStakingSlashed{
		SequencerId: id, EscrowId: big.NewInt(2), OffenceId: offence("one"), Severity: 1,
		Amount: tokens(7), Total: tokens(553), Nonce: big.NewInt(6),
	})
	receipt = e.send(e.alice, e.stakingC, s.PackInitiateUnlock(id))
	unlockableAt := e.blockTime(receipt) + testExitDelay
	requireEvent(t, receipt, s.UnpackUnlockInitiatedEvent, staking.ThemisStakingUnlockInitiated{
		SequencerId: id, UnlockableAt: new(big.Int).SetUint64(unlockableAt), Nonce: big.NewInt(7),
	})
	require.Equal(t, unlockableAt, e.sequencer(id).UnlockableAt)
	e.advance(testExitDelay * time.Second)
	receipt = e.send(e.alice, e.stakingC, s.PackClaimUnlock(id))
	requireEvent(t, receipt, s.UnpackUnlockClaimedEvent, staking.ThemisStakingUnlockClaimed{
		SequencerId: id, Amount: tokens(553), Nonce: big.NewInt(8),
	})

	require.Equal(t, big.NewInt(8), e.sequencer(id).Nonce)
	require.Equal(t, big.NewInt(2), e.sequencer(other).Nonce)
}

// Audit point 5: every configuration change the chain mirrors carries the next configNonce
// (the constructor's four, Deploy's two whitelist entries and the pool's acceptance make 7);
// proposals, ownership and money movements do not count.
func TestEveryConfigChangeBumpsTheConfigNonce(t *testing.T) {
	e := newEnv(t)
	s := e.staking
	require.Equal(t, big.NewInt(7), e.configNonce())
	nonce := int64(7)
	next := func() *big.Int { nonce++; return big.NewInt(nonce) }

	receipt := e.send(e.owner, e.stakingC, s.PackSetWhitelist(e.carol.addr, true))
	requireEvent(t, receipt, s.UnpackWhitelistUpdatedEvent, staking.ThemisStakingWhitelistUpdated{
		Account: e.carol.addr, Allowed: true, ConfigNonce: next(),
	})
	receipt = e.send(e.owner, e.stakingC, s.PackSetLockLimits(tokens(10), tokens(20)))
	requireEvent(t, receipt, s.UnpackLockLimitsUpdatedEvent, staking.ThemisStakingLockLimitsUpdated{
		MinLock: tokens(10), MaxLock: tokens(20), ConfigNonce: next(),
	})
	receipt = e.send(e.owner, e.stakingC, s.PackSetExitDelay(big.NewInt(2*minExitDelay)))
	requireEvent(t, receipt, s.UnpackExitDelayUpdatedEvent, staking.ThemisStakingExitDelayUpdated{
		ExitDelay: big.NewInt(2 * minExitDelay), ConfigNonce: next(),
	})
	receipt = e.send(e.owner, e.stakingC, s.PackSetTreasury(e.carol.addr))
	requireEvent(t, receipt, s.UnpackTreasuryUpdatedEvent, staking.ThemisStakingTreasuryUpdated{
		PreviousTreasury: e.treasury.addr, NewTreasury: e.carol.addr, ConfigNonce: next(),
	})
	receipt = e.send(e.owner, e.stakingC, s.PackPause(big.NewInt(3600)))
	requireEvent(t, receipt, s.UnpackPauseUpdatedEvent, staking.ThemisStakingPauseUpdated{
		By: e.owner.addr, PausedUntil: e.blockTime(receipt) + 3600, ConfigNonce: next(),
	})
	receipt = e.send(e.pool, e.stakingC, s.PackPause(big.NewInt(0)))
	requireEvent(t, receipt, s.UnpackPauseUpdatedEvent, staking.ThemisStakingPauseUpdated{
		By: e.pool.addr, PausedUntil: 0, ConfigNonce: next(),
	})

	// Not configuration: a proposal, an ownership transfer, a lock, funding.
	e.send(e.pool, e.stakingC, s.PackProposePoolAddress(e.pool2.addr))
	e.send(e.owner, e.stakingC, s.PackTransferOwnership(e.carol.addr))
	e.send(e.carol, e.stakingC, s.PackAcceptOwnership())
	e.lock(e.alice, newSigner("a"), tokens(10))
	e.fundRewards(tokens(1))
	require.Equal(t, big.NewInt(nonce), e.configNonce())

	// The accepted proposal and the end of bootstrap are.
	receipt = e.send(e.pool2, e.stakingC, s.PackAcceptPoolAddress())
	requireEvent(t, receipt, s.UnpackPoolAddressUpdatedEvent, staking.ThemisStakingPoolAddressUpdated{
		PreviousPool: e.pool.addr, NewPool: e.pool2.addr, ConfigNonce: next(),
	})
	receipt = e.send(e.pool2, e.stakingC, s.PackEndBootstrap())
	requireEvent(t, receipt, s.UnpackBootstrapEndedEvent, staking.ThemisStakingBootstrapEnded{
		EndedBy: e.pool2.addr, PoolAddress: e.pool2.addr, ConfigNonce: next(),
	})
	require.Equal(t, big.NewInt(15), e.configNonce())
}
