package contracts_test

import (
	"math/big"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/contracts/bindings/staking"
)

func (e *env) paused() bool {
	e.t.Helper()
	return call(e, e.stakingC, e.staking.PackPaused(), e.staking.UnpackPaused)
}

// Audit point 2: a pause stops only new money coming in. Every way out (withdraw, unlock,
// claim, reward withdrawal; the withdrawal claim: TestWithdrawalClaimWorksWhilePaused) and
// every bookkeeping change (signer, reward recipient) works while paused, and so do the
// pool's slashing and crediting.
func TestPauseCannotFreezeExits(t *testing.T) {
	e := newEnv(t)
	s := e.staking
	alice, _ := e.lock(e.alice, newSigner("a"), tokens(300))
	bob, _ := e.lock(e.bob, newSigner("b"), testMinLock)
	e.fundRewards(tokens(10))
	e.send(e.pool, e.stakingC, s.PackSubmitRewardBatch(big.NewInt(1), []*big.Int{alice}, []*big.Int{tokens(3)}))
	e.send(e.owner, e.stakingC, s.PackSetWhitelist(e.carol.addr, true))

	e.expectStakingRevert(e.alice, s.PackPause(big.NewInt(60)), &staking.ThemisStakingNotAdmin{Caller: e.alice.addr})
	e.expectStakingRevert(e.owner, s.PackPause(big.NewInt(maxPauseDuration+1)),
		&staking.ThemisStakingPauseTooLong{Duration: big.NewInt(maxPauseDuration + 1), MaxDuration: big.NewInt(maxPauseDuration)})
	receipt := e.send(e.owner, e.stakingC, s.PackPause(big.NewInt(maxPauseDuration)))
	until := e.blockTime(receipt) + maxPauseDuration
	requireEvent(t, receipt, s.UnpackPauseUpdatedEvent, staking.ThemisStakingPauseUpdated{
		By: e.owner.addr, PausedUntil: until, ConfigNonce: big.NewInt(9),
	})
	require.True(t, e.paused())
	require.Equal(t, until, call(e, e.stakingC, s.PackPausedUntil(), s.UnpackPausedUntil))

	// New money is refused...
	paused := &staking.ThemisStakingContractPaused{PausedUntil: until}
	e.approve(e.carol, testMinLock)
	e.expectStakingRevert(e.carol, e.packLock(e.carol, newSigner("c"), testMinLock, e.carol.addr), paused)
	e.approve(e.alice, tokens(1))
	e.expectStakingRevert(e.alice, s.PackRelock(alice, tokens(1)), paused)

	// ...every exit and bookkeeping change works.
	e.send(e.alice, e.stakingC, s.PackWithdraw(alice, tokens(50)))
	e.send(e.alice, e.stakingC, e.packUpdateSigner(e.alice, alice, newSigner("a2")))
	e.send(e.alice, e.stakingC, s.PackSetRewardRecipient(alice, e.carol.addr))
	e.send(e.alice, e.stakingC, s.PackWithdrawRewards(alice))
	require.Equal(t, new(big.Int).Add(startingTokens, tokens(3)), e.tokenBalance(e.carol.addr), "rewards paid to the new recipient")
	e.send(e.bob, e.stakingC, s.PackInitiateUnlock(bob))
	e.advance(testExitDelay * time.Second)
	e.send(e.bob, e.stakingC, s.PackClaimUnlock(bob))
	require.Equal(t, startingTokens, e.tokenBalance(e.bob.addr))
	// The pool keeps slashing and crediting.
	e.send(e.pool, e.stakingC, s.PackSlash(alice, tokens(1), 1, offence("paused")))
	e.send(e.pool, e.stakingC, s.PackSubmitRewardBatch(big.NewInt(2), []*big.Int{alice}, []*big.Int{tokens(1)}))
	require.True(t, e.paused(), "all of that happened inside the pause")
}

// Security review: a pause cannot hold back withdrawn tokens. A withdrawal made during a
// pause is claimed during it once its delay has passed.
func TestWithdrawalClaimWorksWhilePaused(t *testing.T) {
	e := newEnv(t)
	s := e.staking
	id, _ := e.lock(e.alice, newSigner("a"), tokens(300))
	receipt := e.send(e.owner, e.stakingC, s.PackPause(big.NewInt(maxPauseDuration)))
	until := e.blockTime(receipt) + maxPauseDuration

	receipt = e.send(e.alice, e.stakingC, s.PackWithdraw(id, tokens(50)))
	claimableAt := e.blockTime(receipt) + testExitDelay
	require.Less(t, claimableAt, until)
	e.advanceTo(claimableAt)
	require.True(t, e.paused())
	receipt = e.send(e.alice, e.stakingC, s.PackClaimWithdrawal(id))
	requireEvent(t, receipt, s.UnpackWithdrawalClaimedEvent, staking.ThemisStakingWithdrawalClaimed{
		SequencerId: id, Owner: e.alice.addr, Amount: tokens(50),
	})
	require.Equal(t, new(big.Int).Sub(startingTokens, tokens(250)), e.tokenBalance(e.alice.addr))
	require.True(t, e.paused(), "claimed inside the pause")
}

// Audit point 2: a pause ends by itself; nobody has to lift it.
func TestPauseExpiresByItself(t *testing.T) {
	e := newEnv(t)
	s := e.staking
	e.approve(e.alice, testMinLock)
	receipt := e.send(e.pool, e.stakingC, s.PackPause(big.NewInt(int64(day/time.Second))))
	until := e.blockTime(receipt) + uint64(day/time.Second)
	a := newSigner("a")

	// Two seconds before the end lock is still refused (gas estimation runs on the latest
	// block's timestamp); at the end it works again.
	e.advanceTo(until - 2)
	require.True(t, e.paused())
	e.expectStakingRevert(e.alice, e.packLock(e.alice, a, testMinLock, e.alice.addr), &staking.ThemisStakingContractPaused{PausedUntil: until})
	e.advanceTo(until)
	require.False(t, e.paused())
	require.Equal(t, until, call(e, e.stakingC, s.PackPausedUntil(), s.UnpackPausedUntil), "expired, not cleared")
	id, _ := e.lock(e.alice, a, testMinLock)
	e.approve(e.alice, tokens(1))
	e.send(e.alice, e.stakingC, s.PackRelock(id, tokens(1)))
}

// pause(0) lifts a pause early; pausing again replaces the end time.
func TestPauseCanBeLiftedEarly(t *testing.T) {
	e := newEnv(t)
	s := e.staking
	e.send(e.owner, e.stakingC, s.PackPause(big.NewInt(maxPauseDuration)))
	receipt := e.send(e.owner, e.stakingC, s.PackPause(big.NewInt(60)))
	requireEvent(t, receipt, s.UnpackPauseUpdatedEvent, staking.ThemisStakingPauseUpdated{
		By: e.owner.addr, PausedUntil: e.blockTime(receipt) + 60, ConfigNonce: big.NewInt(9),
	})
	receipt = e.send(e.pool, e.stakingC, s.PackPause(big.NewInt(0)))
	requireEvent(t, receipt, s.UnpackPauseUpdatedEvent, staking.ThemisStakingPauseUpdated{
		By: e.pool.addr, PausedUntil: 0, ConfigNonce: big.NewInt(10),
	})
	require.False(t, e.paused())
	require.Zero(t, call(e, e.stakingC, s.PackPausedUntil(), s.UnpackPausedUntil))
	e.lock(e.alice, newSigner("a"), testMinLock)
}
