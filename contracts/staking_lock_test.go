package contracts_test

import (
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/contracts/bindings/staking"
	"github.com/themis-network/themis/contracts/bindings/testtoken"
)

func TestStakingLock(t *testing.T) {
	e := newEnv(t)
	s := e.staking
	a := newSigner("a")

	e.approve(e.alice, testMinLock)
	receipt := e.send(e.alice, e.stakingC, e.packLock(e.alice, a, testMinLock, e.carol.addr))
	requireEvent(t, receipt, s.UnpackLockedEvent, staking.ThemisStakingLocked{
		SequencerId: big.NewInt(1), Owner: e.alice.addr, Signer: a.addr, Pubkey: a.pubkey,
		Amount: testMinLock, RewardRecipient: e.carol.addr, Nonce: big.NewInt(1),
	})
	require.Equal(t, staking.SequencersOutput{
		Owner: e.alice.addr, Signer: a.addr, Pubkey: a.pubkey, Locked: testMinLock,
		RewardRecipient: e.carol.addr, Status: statusActive, UnlockableAt: 0, Nonce: big.NewInt(1),
	}, e.sequencer(big.NewInt(1)))
	require.Equal(t, big.NewInt(1), call(e, e.stakingC, s.PackSequencerOf(e.alice.addr), s.UnpackSequencerOf))
	require.True(t, call(e, e.stakingC, s.PackSignerUsed(a.addr), s.UnpackSignerUsed))
	require.Equal(t, big.NewInt(2), e.nextSequencerID())
	require.Equal(t, testMinLock, e.tokenBalance(e.deployment.Staking))
	require.Equal(t, new(big.Int).Sub(startingTokens, testMinLock), e.tokenBalance(e.alice.addr))

	// Bob: every refusal, in the order the contract checks, then the lock.
	b := newSigner("b")
	e.expectStakingRevert(e.bob, e.packLock(e.bob, b, testMaxLock, common.Address{}), &staking.ThemisStakingZeroAddress{})
	below := new(big.Int).Sub(testMinLock, big.NewInt(1))
	e.expectStakingRevert(e.bob, e.packLock(e.bob, b, below, e.bob.addr),
		&staking.ThemisStakingBelowMinLock{Amount: below, MinLock: testMinLock})
	for _, n := range []int{0, 63, 65} {
		e.expectStakingRevert(e.bob, s.PackLock(make([]byte, n), testMaxLock, e.bob.addr, e.lockProof(e.bob, b)),
			&staking.ThemisStakingInvalidPubkeyLength{Length: big.NewInt(int64(n))})
	}
	// a's key, even properly proven for bob, stays alice's.
	e.expectStakingRevert(e.bob, e.packLock(e.bob, a, testMaxLock, e.bob.addr), &staking.ThemisStakingSignerAlreadyUsed{Signer: a.addr})
	data := e.revertData(e.bob, e.stakingC, e.packLock(e.bob, b, testMaxLock, e.bob.addr))
	requireRevert(t, data, e.token.UnpackError,
		&testtoken.TestTokenInsufficientAllowance{Spender: e.deployment.Staking, Allowance: big.NewInt(0), Needed: testMaxLock})

	id, receipt := e.lock(e.bob, b, testMaxLock)
	require.Equal(t, big.NewInt(2), id)
	requireEvent(t, receipt, s.UnpackLockedEvent, staking.ThemisStakingLocked{
		SequencerId: big.NewInt(2), Owner: e.bob.addr, Signer: b.addr, Pubkey: b.pubkey,
		Amount: testMaxLock, RewardRecipient: e.bob.addr, Nonce: big.NewInt(1),
	})

	// One live sequencer per owner.
	e.expectStakingRevert(e.alice, e.packLock(e.alice, newSigner("a2"), testMinLock, e.alice.addr),
		&staking.ThemisStakingAlreadyHasSequencer{Account: e.alice.addr, SequencerId: big.NewInt(1)})
	e.expectStakingRevert(e.carol, e.packLock(e.carol, newSigner("c"), testMinLock, e.carol.addr),
		&staking.ThemisStakingNotWhitelisted{Account: e.carol.addr})
}

func TestStakingRelock(t *testing.T) {
	e := newEnv(t)
	s := e.staking
	id, _ := e.lock(e.alice, newSigner("a"), testMinLock)
	unknown := big.NewInt(99)

	e.expectStakingRevert(e.alice, s.PackRelock(unknown, tokens(1)), &staking.ThemisStakingUnknownSequencer{SequencerId: unknown})
	e.expectStakingRevert(e.bob, s.PackRelock(id, tokens(1)), &staking.ThemisStakingNotSequencerOwner{SequencerId: id, Caller: e.bob.addr})
	e.expectStakingRevert(e.alice, s.PackRelock(id, big.NewInt(0)), &staking.ThemisStakingZeroAmount{})

	e.approve(e.alice, tokens(50))
	receipt := e.send(e.alice, e.stakingC, s.PackRelock(id, tokens(50)))
	requireEvent(t, receipt, s.UnpackRelockedEvent, staking.ThemisStakingRelocked{
		SequencerId: id, Amount: tokens(50), Total: tokens(150), Nonce: big.NewInt(2),
	})
	require.Equal(t, tokens(150), e.sequencer(id).Locked)
	require.Equal(t, tokens(150), e.tokenBalance(e.deployment.Staking))

	e.send(e.alice, e.stakingC, s.PackInitiateUnlock(id))
	e.expectStakingRevert(e.alice, s.PackRelock(id, tokens(1)),
		&staking.ThemisStakingSequencerNotActive{SequencerId: id, Status: statusUnlocking})
}

func TestStakingWithdraw(t *testing.T) {
	e := newEnv(t)
	s := e.staking
	start := tokens(300)
	id, _ := e.lock(e.alice, newSigner("a"), start)

	e.expectStakingRevert(e.bob, s.PackWithdraw(id, tokens(1)), &staking.ThemisStakingNotSequencerOwner{SequencerId: id, Caller: e.bob.addr})
	e.expectStakingRevert(e.alice, s.PackWithdraw(id, big.NewInt(0)), &staking.ThemisStakingZeroAmount{})
	tooMuch := new(big.Int).Add(start, big.NewInt(1))
	e.expectStakingRevert(e.alice, s.PackWithdraw(id, tooMuch), &staking.ThemisStakingWithdrawExceedsLocked{Amount: tooMuch, Locked: start})

	receipt := e.send(e.alice, e.stakingC, s.PackWithdraw(id, tokens(50)))
	requireEvent(t, receipt, s.UnpackWithdrawnEvent, staking.ThemisStakingWithdrawn{
		SequencerId: id, Amount: tokens(50), Total: tokens(250), Nonce: big.NewInt(2),
	})
	require.Empty(t, events(t, receipt, s.UnpackWithdrawalClaimedEvent), "nothing is paid at once")
	require.Equal(t, staking.PendingWithdrawalsOutput{Amount: tokens(50), ClaimableAt: e.blockTime(receipt) + testExitDelay},
		e.pendingWithdrawal(id))
	// Down to exactly the minimum (below it: TestWithdrawCannotLeaveLessThanMinLock), a day
	// later: the pending amount grows and its delay restarts. (In the same second, gas
	// estimation would see claimableAt unchanged and price the call too low.)
	e.advance(day)
	receipt = e.send(e.alice, e.stakingC, s.PackWithdraw(id, tokens(150)))
	requireEvent(t, receipt, s.UnpackWithdrawnEvent, staking.ThemisStakingWithdrawn{
		SequencerId: id, Amount: tokens(150), Total: testMinLock, Nonce: big.NewInt(3),
	})
	claimableAt := e.blockTime(receipt) + testExitDelay
	require.Equal(t, testMinLock, e.sequencer(id).Locked)
	require.Equal(t, staking.PendingWithdrawalsOutput{Amount: tokens(200), ClaimableAt: claimableAt}, e.pendingWithdrawal(id))
	// The tokens stay in the contract until the exit delay has passed
	// (TestWithdrawalPaysOnlyAfterExitDelay).
	require.Equal(t, new(big.Int).Sub(startingTokens, start), e.tokenBalance(e.alice.addr))
	require.Equal(t, start, e.tokenBalance(e.deployment.Staking))

	e.send(e.alice, e.stakingC, s.PackInitiateUnlock(id))
	e.expectStakingRevert(e.alice, s.PackWithdraw(id, tokens(1)),
		&staking.ThemisStakingSequencerNotActive{SequencerId: id, Status: statusUnlocking})

	e.advanceTo(claimableAt)
	e.expectStakingRevert(e.bob, s.PackClaimWithdrawal(id), &staking.ThemisStakingNotSequencerOwner{SequencerId: id, Caller: e.bob.addr})
	receipt = e.send(e.alice, e.stakingC, s.PackClaimWithdrawal(id))
	requireEvent(t, receipt, s.UnpackWithdrawalClaimedEvent, staking.ThemisStakingWithdrawalClaimed{
		SequencerId: id, Owner: e.alice.addr, Amount: tokens(200),
	})
	require.Equal(t, new(big.Int).Sub(startingTokens, testMinLock), e.tokenBalance(e.alice.addr))
	require.Equal(t, testMinLock, e.tokenBalance(e.deployment.Staking))
}

func TestStakingUnlockAfterExitDelay(t *testing.T) {
	e := newEnv(t)
	s := e.staking
	a := newSigner("a")
	id, _ := e.lock(e.alice, a, tokens(200))

	e.expectStakingRevert(e.bob, s.PackInitiateUnlock(id), &staking.ThemisStakingNotSequencerOwner{SequencerId: id, Caller: e.bob.addr})
	e.expectStakingRevert(e.alice, s.PackClaimUnlock(id),
		&staking.ThemisStakingSequencerNotUnlocking{SequencerId: id, Status: statusActive})

	receipt := e.send(e.alice, e.stakingC, s.PackInitiateUnlock(id))
	unlockableAt := e.blockTime(receipt) + testExitDelay
	requireEvent(t, receipt, s.UnpackUnlockInitiatedEvent, staking.ThemisStakingUnlockInitiated{
		SequencerId: id, UnlockableAt: new(big.Int).SetUint64(unlockableAt), Nonce: big.NewInt(2),
	})
	seq := e.sequencer(id)
	require.Equal(t, statusUnlocking, seq.Status)
	require.Equal(t, unlockableAt, seq.UnlockableAt)
	e.expectStakingRevert(e.alice, s.PackInitiateUnlock(id),
		&staking.ThemisStakingSequencerNotActive{SequencerId: id, Status: statusUnlocking})
	// Still one live sequencer while unlocking.
	e.expectStakingRevert(e.alice, e.packLock(e.alice, newSigner("a2"), testMinLock, e.alice.addr),
		&staking.ThemisStakingAlreadyHasSequencer{Account: e.alice.addr, SequencerId: id})

	// Two seconds before the delay ends the claim is refused (gas estimation runs on the
	// latest block's timestamp); at the end it is accepted.
	e.advance(testExitDelay*time.Second - 2*time.Second)
	e.expectStakingRevert(e.alice, s.PackClaimUnlock(id),
		&staking.ThemisStakingUnlockNotReady{SequencerId: id, UnlockableAt: new(big.Int).SetUint64(unlockableAt)})
	e.expectStakingRevert(e.bob, s.PackClaimUnlock(id), &staking.ThemisStakingNotSequencerOwner{SequencerId: id, Caller: e.bob.addr})
	e.advance(2 * time.Second)
	receipt = e.send(e.alice, e.stakingC, s.PackClaimUnlock(id))
	requireEvent(t, receipt, s.UnpackUnlockClaimedEvent, staking.ThemisStakingUnlockClaimed{
		SequencerId: id, Amount: tokens(200), Nonce: big.NewInt(3),
	})
	seq = e.sequencer(id)
	require.Equal(t, statusUnlocked, seq.Status)
	require.Zero(t, seq.Locked.Sign())
	require.Equal(t, startingTokens, e.tokenBalance(e.alice.addr))
	require.Zero(t, e.tokenBalance(e.deployment.Staking).Sign())

	e.expectStakingRevert(e.alice, s.PackClaimUnlock(id),
		&staking.ThemisStakingSequencerNotUnlocking{SequencerId: id, Status: statusUnlocked})
	e.expectStakingRevert(e.alice, s.PackInitiateUnlock(id),
		&staking.ThemisStakingSequencerNotActive{SequencerId: id, Status: statusUnlocked})

	// The owner may lock again, but never with a signer used before.
	e.approve(e.alice, testMinLock)
	e.expectStakingRevert(e.alice, e.packLock(e.alice, a, testMinLock, e.alice.addr), &staking.ThemisStakingSignerAlreadyUsed{Signer: a.addr})
	e.send(e.alice, e.stakingC, e.packLock(e.alice, newSigner("a2"), testMinLock, e.alice.addr))
	require.Equal(t, big.NewInt(2), call(e, e.stakingC, s.PackSequencerOf(e.alice.addr), s.UnpackSequencerOf))
	require.Equal(t, big.NewInt(1), e.sequencer(big.NewInt(2)).Nonce, "a new sequencer counts its own events")
}

func TestStakingUpdateSigner(t *testing.T) {
	e := newEnv(t)
	s := e.staking
	a, b := newSigner("a"), newSigner("b")
	id, _ := e.lock(e.alice, a, testMinLock)
	e.lock(e.bob, b, testMinLock)

	a2 := newSigner("a2")
	e.expectStakingRevert(e.bob, e.packUpdateSigner(e.bob, id, a2), &staking.ThemisStakingNotSequencerOwner{SequencerId: id, Caller: e.bob.addr})
	unknown := big.NewInt(99)
	e.expectStakingRevert(e.alice, s.PackUpdateSigner(unknown, a2.pubkey, e.proofFor(a2, e.alice.addr, unknown, big.NewInt(1))),
		&staking.ThemisStakingUnknownSequencer{SequencerId: unknown})
	e.expectStakingRevert(e.alice, s.PackUpdateSigner(id, a2.pubkey[:63], e.proofFor(a2, e.alice.addr, id, big.NewInt(2))),
		&staking.ThemisStakingInvalidPubkeyLength{Length: big.NewInt(63)})
	e.expectStakingRevert(e.alice, e.packUpdateSigner(e.alice, id, a), &staking.ThemisStakingSignerAlreadyUsed{Signer: a.addr})
	e.expectStakingRevert(e.alice, e.packUpdateSigner(e.alice, id, b), &staking.ThemisStakingSignerAlreadyUsed{Signer: b.addr})

	receipt := e.send(e.alice, e.stakingC, e.packUpdateSigner(e.alice, id, a2))
	requireEvent(t, receipt, s.UnpackSignerChangedEvent, staking.ThemisStakingSignerChanged{
		SequencerId: id, OldSigner: a.addr, NewSigner: a2.addr, NewPubkey: a2.pubkey, Nonce: big.NewInt(2),
	})
	seq := e.sequencer(id)
	require.Equal(t, a2.addr, seq.Signer)
	require.Equal(t, a2.pubkey, seq.Pubkey)
	require.Equal(t, big.NewInt(2), seq.Nonce)
	require.True(t, call(e, e.stakingC, s.PackSignerUsed(a2.addr), s.UnpackSignerUsed))
	require.True(t, call(e, e.stakingC, s.PackSignerUsed(a.addr), s.UnpackSignerUsed), "the old signer stays burned")
	e.expectStakingRevert(e.alice, e.packUpdateSigner(e.alice, id, a), &staking.ThemisStakingSignerAlreadyUsed{Signer: a.addr})

	// Allowed while unlocking, refused once unlocked.
	e.send(e.alice, e.stakingC, s.PackInitiateUnlock(id))
	a3 := newSigner("a3")
	receipt = e.send(e.alice, e.stakingC, e.packUpdateSigner(e.alice, id, a3))
	requireEvent(t, receipt, s.UnpackSignerChangedEvent, staking.ThemisStakingSignerChanged{
		SequencerId: id, OldSigner: a2.addr, NewSigner: a3.addr, NewPubkey: a3.pubkey, Nonce: big.NewInt(4),
	})
	e.advance(testExitDelay * time.Second)
	e.send(e.alice, e.stakingC, s.PackClaimUnlock(id))
	e.expectStakingRevert(e.alice, e.packUpdateSigner(e.alice, id, newSigner("a4")), &staking.ThemisStakingSequencerUnlocked{SequencerId: id})
}

func TestStakingSetRewardRecipient(t *testing.T) {
	e := newEnv(t)
	s := e.staking
	id, _ := e.lock(e.alice, newSigner("a"), testMinLock)
	unknown := big.NewInt(99)

	e.expectStakingRevert(e.bob, s.PackSetRewardRecipient(id, e.bob.addr),
		&staking.ThemisStakingNotSequencerOwner{SequencerId: id, Caller: e.bob.addr})
	e.expectStakingRevert(e.alice, s.PackSetRewardRecipient(unknown, e.bob.addr), &staking.ThemisStakingUnknownSequencer{SequencerId: unknown})
	e.expectStakingRevert(e.alice, s.PackSetRewardRecipient(id, common.Address{}), &staking.ThemisStakingZeroAddress{})

	receipt := e.send(e.alice, e.stakingC, s.PackSetRewardRecipient(id, e.treasury.addr))
	requireEvent(t, receipt, s.UnpackRewardRecipientChangedEvent, staking.ThemisStakingRewardRecipientChanged{
		SequencerId: id, PreviousRecipient: e.alice.addr, NewRecipient: e.treasury.addr, Nonce: big.NewInt(2),
	})
	seq := e.sequencer(id)
	require.Equal(t, e.treasury.addr, seq.RewardRecipient)
	require.Equal(t, big.NewInt(2), seq.Nonce, "the chain mirrors the recipient, so the change is numbered")
}
