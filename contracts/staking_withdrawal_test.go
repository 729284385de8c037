package contracts_test

import (
	"math/big"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/contracts/bindings/staking"
)

// Security review: withdrawn tokens stay slashable for the exit delay, so an offender that
// withdraws before its slash lands cannot shrink it. The cap is the severity's share of the
// lock plus the pending withdrawal; the lock pays first, then the withdrawal. Slashed.total
// is the lock after the slash.
func TestWithdrawAfterOffenceCannotShrinkSlash(t *testing.T) {
	e := newEnv(t)
	s := e.staking
	alice, _ := e.lock(e.alice, newSigner("a"), tokens(1000))
	bob, _ := e.lock(e.bob, newSigner("b"), tokens(1000))

	// Both offend; before the slashes land each withdraws all it may, down to minLock.
	receipt := e.send(e.alice, e.stakingC, s.PackWithdraw(alice, tokens(900)))
	claimableAt := e.blockTime(receipt) + testExitDelay
	e.send(e.bob, e.stakingC, s.PackWithdraw(bob, tokens(900)))
	require.Equal(t, testMinLock, e.sequencer(alice).Locked)

	// A critical slash asking for everything takes a quarter of 100 + 900 = 250 (on the lock
	// alone it would have been 25): all 100 of the lock, then 150 of the withdrawal.
	first := offence("double-sign before withdrawing")
	receipt = e.send(e.pool, e.stakingC, s.PackSlash(alice, tokens(1000), 3, first))
	requireEvent(t, receipt, s.UnpackSlashedEvent, staking.ThemisStakingSlashed{
		SequencerId: alice, EscrowId: big.NewInt(1), OffenceId: first, Severity: 3,
		Amount: tokens(250), Total: big.NewInt(0), Nonce: big.NewInt(3),
	})
	require.Equal(t, tokens(250), e.escrow(big.NewInt(1)).Amount)
	require.Zero(t, e.sequencer(alice).Locked.Sign())
	require.Equal(t, statusActive, e.sequencer(alice).Status)
	require.Equal(t, staking.PendingWithdrawalsOutput{Amount: tokens(750), ClaimableAt: claimableAt}, e.pendingWithdrawal(alice),
		"the slash leaves the delay alone")

	// With the lock empty the withdrawal alone is still at stake: high takes 750/8.
	second := offence("second offence")
	eighth := new(big.Int).Div(tokens(750), big.NewInt(8))
	receipt = e.send(e.pool, e.stakingC, s.PackSlash(alice, tokens(1000), 2, second))
	requireEvent(t, receipt, s.UnpackSlashedEvent, staking.ThemisStakingSlashed{
		SequencerId: alice, EscrowId: big.NewInt(2), OffenceId: second, Severity: 2,
		Amount: eighth, Total: big.NewInt(0), Nonce: big.NewInt(4),
	})
	rest := new(big.Int).Sub(tokens(750), eighth)
	require.Equal(t, rest, e.pendingWithdrawal(alice).Amount)

	// A slash the lock can cover comes out of the lock alone: bob's withdrawal is untouched.
	receipt = e.send(e.pool, e.stakingC, s.PackSlash(bob, tokens(10), 1, first))
	requireEvent(t, receipt, s.UnpackSlashedEvent, staking.ThemisStakingSlashed{
		SequencerId: bob, EscrowId: big.NewInt(3), OffenceId: first, Severity: 1,
		Amount: tokens(10), Total: tokens(90), Nonce: big.NewInt(3),
	})
	require.Equal(t, tokens(900), e.pendingWithdrawal(bob).Amount)

	// After the delay the owner gets what the slashes left; the escrows stay.
	e.advanceTo(claimableAt)
	receipt = e.send(e.alice, e.stakingC, s.PackClaimWithdrawal(alice))
	requireEvent(t, receipt, s.UnpackWithdrawalClaimedEvent, staking.ThemisStakingWithdrawalClaimed{
		SequencerId: alice, Owner: e.alice.addr, Amount: rest,
	})
	require.Equal(t, new(big.Int).Add(new(big.Int).Sub(startingTokens, tokens(1000)), rest), e.tokenBalance(e.alice.addr))
	escrowed := new(big.Int).Add(tokens(260), eighth)
	require.Equal(t, new(big.Int).Add(tokens(90+900), escrowed), e.tokenBalance(e.deployment.Staking),
		"bob's lock and withdrawal plus the escrows")
}

// Security review: a withdrawal pays only once the exit delay has passed, and only once; a
// later withdrawal restarts the delay for everything pending. The claim is not mirrored, so
// it bumps no nonce.
func TestWithdrawalPaysOnlyAfterExitDelay(t *testing.T) {
	e := newEnv(t)
	s := e.staking
	start := tokens(300)
	id, _ := e.lock(e.alice, newSigner("a"), start)
	unknown := big.NewInt(99)
	e.expectStakingRevert(e.alice, s.PackClaimWithdrawal(unknown), &staking.ThemisStakingUnknownSequencer{SequencerId: unknown})
	e.expectStakingRevert(e.alice, s.PackClaimWithdrawal(id), &staking.ThemisStakingNoPendingWithdrawal{SequencerId: id})
	notReady := func(at uint64) *staking.ThemisStakingWithdrawalNotReady {
		return &staking.ThemisStakingWithdrawalNotReady{SequencerId: id, ClaimableAt: new(big.Int).SetUint64(at)}
	}

	receipt := e.send(e.alice, e.stakingC, s.PackWithdraw(id, tokens(50)))
	first := e.blockTime(receipt) + testExitDelay
	e.expectStakingRevert(e.alice, s.PackClaimWithdrawal(id), notReady(first))
	e.expectStakingRevert(e.bob, s.PackClaimWithdrawal(id), &staking.ThemisStakingNotSequencerOwner{SequencerId: id, Caller: e.bob.addr})

	// Three days later a second withdrawal restarts the delay for all 80 pending: at the
	// first one's time nothing is paid.
	e.advance(3 * day)
	receipt = e.send(e.alice, e.stakingC, s.PackWithdraw(id, tokens(30)))
	second := e.blockTime(receipt) + testExitDelay
	require.Equal(t, staking.PendingWithdrawalsOutput{Amount: tokens(80), ClaimableAt: second}, e.pendingWithdrawal(id))
	e.advanceTo(first)
	e.expectStakingRevert(e.alice, s.PackClaimWithdrawal(id), notReady(second))

	// Two seconds before the delay ends the claim is refused (gas estimation runs on the
	// latest block's timestamp); at the end it pays.
	e.advanceTo(second - 2)
	e.expectStakingRevert(e.alice, s.PackClaimWithdrawal(id), notReady(second))
	e.advanceTo(second)
	receipt = e.send(e.alice, e.stakingC, s.PackClaimWithdrawal(id))
	requireEvent(t, receipt, s.UnpackWithdrawalClaimedEvent, staking.ThemisStakingWithdrawalClaimed{
		SequencerId: id, Owner: e.alice.addr, Amount: tokens(80),
	})
	require.Empty(t, events(t, receipt, s.UnpackWithdrawnEvent))
	require.Equal(t, big.NewInt(3), e.sequencer(id).Nonce, "lock and two withdrawals; the claim is not numbered")
	require.Equal(t, tokens(220), e.sequencer(id).Locked)
	require.Equal(t, staking.PendingWithdrawalsOutput{Amount: big.NewInt(0)}, e.pendingWithdrawal(id))
	require.Equal(t, new(big.Int).Add(new(big.Int).Sub(startingTokens, start), tokens(80)), e.tokenBalance(e.alice.addr))
	require.Equal(t, tokens(220), e.tokenBalance(e.deployment.Staking))

	// Paid once.
	e.expectStakingRevert(e.alice, s.PackClaimWithdrawal(id), &staking.ThemisStakingNoPendingWithdrawal{SequencerId: id})
}

// Security review: an unlock is no shortcut for withdrawn tokens. When a pending withdrawal's
// delay ends after the unlock's own (the exit delay was shortened in between), the unlock
// waits for it; claimUnlock then pays the lock and the withdrawal together.
func TestUnlockWaitsForPendingWithdrawal(t *testing.T) {
	e := newEnv(t)
	s := e.staking
	id, _ := e.lock(e.alice, newSigner("a"), tokens(300))

	// Withdraw under a two-week delay, which then drops back to one week.
	e.send(e.owner, e.stakingC, s.PackSetExitDelay(big.NewInt(2*minExitDelay)))
	receipt := e.send(e.alice, e.stakingC, s.PackWithdraw(id, tokens(100)))
	claimableAt := e.blockTime(receipt) + 2*minExitDelay
	e.send(e.owner, e.stakingC, s.PackSetExitDelay(big.NewInt(minExitDelay)))

	receipt = e.send(e.alice, e.stakingC, s.PackInitiateUnlock(id))
	own := e.blockTime(receipt) + minExitDelay
	require.Less(t, own, claimableAt)
	requireEvent(t, receipt, s.UnpackUnlockInitiatedEvent, staking.ThemisStakingUnlockInitiated{
		SequencerId: id, UnlockableAt: new(big.Int).SetUint64(claimableAt), Nonce: big.NewInt(3),
	})
	require.Equal(t, claimableAt, e.sequencer(id).UnlockableAt)

	// At the unlock's own time neither the lock nor the withdrawal is paid.
	e.advanceTo(own)
	e.expectStakingRevert(e.alice, s.PackClaimUnlock(id),
		&staking.ThemisStakingUnlockNotReady{SequencerId: id, UnlockableAt: new(big.Int).SetUint64(claimableAt)})
	e.expectStakingRevert(e.alice, s.PackClaimWithdrawal(id),
		&staking.ThemisStakingWithdrawalNotReady{SequencerId: id, ClaimableAt: new(big.Int).SetUint64(claimableAt)})

	e.advanceTo(claimableAt)
	receipt = e.send(e.alice, e.stakingC, s.PackClaimUnlock(id))
	requireEvent(t, receipt, s.UnpackUnlockClaimedEvent, staking.ThemisStakingUnlockClaimed{
		SequencerId: id, Amount: tokens(200), Nonce: big.NewInt(4),
	})
	requireEvent(t, receipt, s.UnpackWithdrawalClaimedEvent, staking.ThemisStakingWithdrawalClaimed{
		SequencerId: id, Owner: e.alice.addr, Amount: tokens(100),
	})
	require.Equal(t, startingTokens, e.tokenBalance(e.alice.addr))
	require.Zero(t, e.tokenBalance(e.deployment.Staking).Sign())
	e.expectStakingRevert(e.alice, s.PackClaimWithdrawal(id), &staking.ThemisStakingNoPendingWithdrawal{SequencerId: id})

	// A withdrawal that ends first leaves the unlock its own delay; claimUnlock still pays it
	// if it was not claimed on its own.
	bob, _ := e.lock(e.bob, newSigner("b"), tokens(300))
	e.send(e.bob, e.stakingC, s.PackWithdraw(bob, tokens(100)))
	e.advance(day)
	receipt = e.send(e.bob, e.stakingC, s.PackInitiateUnlock(bob))
	unlockableAt := e.blockTime(receipt) + minExitDelay
	require.Equal(t, unlockableAt, e.sequencer(bob).UnlockableAt)
	e.advanceTo(unlockableAt)
	receipt = e.send(e.bob, e.stakingC, s.PackClaimUnlock(bob))
	requireEvent(t, receipt, s.UnpackWithdrawalClaimedEvent, staking.ThemisStakingWithdrawalClaimed{
		SequencerId: bob, Owner: e.bob.addr, Amount: tokens(100),
	})
	require.Equal(t, startingTokens, e.tokenBalance(e.bob.addr))
}
