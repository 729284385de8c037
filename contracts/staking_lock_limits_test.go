package contracts_test

import (
	"math/big"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/contracts/bindings/staking"
)

// Audit point 6: maxLock caps power on the chain, never a lock: locks and relocks above it
// go through, and lowering it below a sequencer's lock cannot stop that sequencer relocking.
func TestMaxLockCannotTrapSequencer(t *testing.T) {
	e := newEnv(t)
	s := e.staking
	above := new(big.Int).Add(testMaxLock, tokens(500))
	id, receipt := e.lock(e.alice, newSigner("a"), above)
	require.Equal(t, above, events(t, receipt, s.UnpackLockedEvent)[0].Amount)

	e.approve(e.alice, tokens(100))
	receipt = e.send(e.alice, e.stakingC, s.PackRelock(id, tokens(100)))
	requireEvent(t, receipt, s.UnpackRelockedEvent, staking.ThemisStakingRelocked{
		SequencerId: id, Amount: tokens(100), Total: new(big.Int).Add(above, tokens(100)), Nonce: big.NewInt(2),
	})

	// Bob is under the maximum; the maximum drops below his lock; he still relocks.
	bob, _ := e.lock(e.bob, newSigner("b"), tokens(500))
	e.send(e.owner, e.stakingC, s.PackSetLockLimits(testMinLock, tokens(200)))
	e.approve(e.bob, tokens(10))
	e.send(e.bob, e.stakingC, s.PackRelock(bob, tokens(10)))
	require.Equal(t, tokens(510), e.sequencer(bob).Locked)
}

// Audit point 6: below minLock, a lock is refused.
func TestLockBelowMinLockIsRefused(t *testing.T) {
	e := newEnv(t)
	a := newSigner("a")
	e.approve(e.alice, testMinLock)
	for _, amount := range []*big.Int{big.NewInt(0), big.NewInt(1), new(big.Int).Sub(testMinLock, big.NewInt(1))} {
		e.expectStakingRevert(e.alice, e.packLock(e.alice, a, amount, e.alice.addr),
			&staking.ThemisStakingBelowMinLock{Amount: amount, MinLock: testMinLock})
	}
	e.lock(e.alice, a, testMinLock)
}

// Audit point 6: a withdrawal may not leave less than minLock; a full exit goes through
// the unlock, which nothing blocks, even after minLock rose above the lock.
func TestWithdrawCannotLeaveLessThanMinLock(t *testing.T) {
	e := newEnv(t)
	s := e.staking
	id, _ := e.lock(e.alice, newSigner("a"), tokens(300))
	e.expectStakingRevert(e.alice, s.PackWithdraw(id, tokens(300)), &staking.ThemisStakingBelowMinLock{Amount: big.NewInt(0), MinLock: testMinLock})
	oneTooMany := new(big.Int).Add(tokens(200), big.NewInt(1))
	e.expectStakingRevert(e.alice, s.PackWithdraw(id, oneTooMany),
		&staking.ThemisStakingBelowMinLock{Amount: new(big.Int).Sub(testMinLock, big.NewInt(1)), MinLock: testMinLock})

	e.send(e.owner, e.stakingC, s.PackSetLockLimits(tokens(400), tokens(500)))
	e.expectStakingRevert(e.alice, s.PackWithdraw(id, big.NewInt(1)),
		&staking.ThemisStakingBelowMinLock{Amount: new(big.Int).Sub(tokens(300), big.NewInt(1)), MinLock: tokens(400)})
	e.send(e.alice, e.stakingC, s.PackInitiateUnlock(id))
	e.advance(testExitDelay * time.Second)
	e.send(e.alice, e.stakingC, s.PackClaimUnlock(id))
	require.Equal(t, startingTokens, e.tokenBalance(e.alice.addr))
}

// Audit point 6: the exit delay stays between MIN_EXIT_DELAY (seven days, longer than a slash
// takes to land) and 365 days, in the constructor and in setExitDelay; a change never
// touches an unlock already under way.
func TestExitDelayCannotLeaveItsBounds(t *testing.T) {
	e := newEnv(t)
	s := e.staking
	outOfRange := func(delay int64) *staking.ThemisStakingExitDelayOutOfRange {
		return &staking.ThemisStakingExitDelayOutOfRange{
			ExitDelay: big.NewInt(delay), MinExitDelay: big.NewInt(minExitDelay), MaxExitDelay: big.NewInt(maxExitDelay),
		}
	}
	for _, delay := range []int64{0, 1, minExitDelay - 1, maxExitDelay + 1} {
		e.expectStakingRevert(e.owner, s.PackSetExitDelay(big.NewInt(delay)), outOfRange(delay))
		input := s.PackConstructor(e.deployment.Token, e.treasury.addr, testMinLock, testMaxLock, big.NewInt(delay), big.NewInt(maxBootstrap))
		requireRevert(t, e.deployRevertData(staking.ThemisStakingMetaData.Bin, input), s.UnpackError, outOfRange(delay))
	}
	for _, delay := range []int64{minExitDelay, maxExitDelay} {
		e.send(e.owner, e.stakingC, s.PackSetExitDelay(big.NewInt(delay)))
		input := s.PackConstructor(e.deployment.Token, e.treasury.addr, testMinLock, testMaxLock, big.NewInt(delay), big.NewInt(maxBootstrap))
		e.deployRaw(staking.ThemisStakingMetaData.Bin, input)
	}

	// An unlock started under the seven-day delay keeps its time when the delay grows.
	e.send(e.owner, e.stakingC, s.PackSetExitDelay(big.NewInt(minExitDelay)))
	id, _ := e.lock(e.alice, newSigner("a"), testMinLock)
	receipt := e.send(e.alice, e.stakingC, s.PackInitiateUnlock(id))
	require.Equal(t, e.blockTime(receipt)+minExitDelay, e.sequencer(id).UnlockableAt)
	e.send(e.owner, e.stakingC, s.PackSetExitDelay(big.NewInt(maxExitDelay)))
	e.advanceTo(e.blockTime(receipt) + minExitDelay)
	e.send(e.alice, e.stakingC, s.PackClaimUnlock(id))
}
