package contracts_test

import (
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/contracts/bindings/staking"
)

const poolRecoveryDelay = 30 * 24 * time.Hour

func (e *env) recovery() (common.Address, uint64) {
	e.t.Helper()
	pool := call(e, e.stakingC, e.staking.PackRecoveryPool(), e.staking.UnpackRecoveryPool)
	at := call(e, e.stakingC, e.staking.PackRecoveryEffectiveAt(), e.staking.UnpackRecoveryEffectiveAt)
	return pool, at
}

// The lost-pool-key path, after bootstrap: only the owner proposes, the proposal waits
// POOL_RECOVERY_DELAY, only the proposed address completes it, and then every pool right
// moves to it. The owner gets nothing else back.
func TestPoolRecoveryAfterTheDelay(t *testing.T) {
	e := newEnv(t)
	s := e.staking
	id, _ := e.lock(e.alice, newSigner("a"), tokens(320))
	e.send(e.owner, e.stakingC, s.PackEndBootstrap())
	nonce := e.configNonce()
	require.Equal(t, big.NewInt(int64(poolRecoveryDelay/time.Second)), call(e, e.stakingC, s.PackPOOLRECOVERYDELAY(), s.UnpackPOOLRECOVERYDELAY))

	for _, who := range []account{e.pool, e.alice, e.pool2} {
		e.expectStakingRevert(who, s.PackProposePoolRecovery(e.pool2.addr), &staking.ThemisStakingNotOwner{Caller: who.addr})
	}
	e.expectStakingRevert(e.owner, s.PackProposePoolRecovery(common.Address{}), &staking.ThemisStakingZeroAddress{})
	e.expectStakingRevert(e.pool2, s.PackCompletePoolRecovery(), &staking.ThemisStakingNoPoolRecovery{})

	receipt := e.send(e.owner, e.stakingC, s.PackProposePoolRecovery(e.pool2.addr))
	effectiveAt := e.blockTime(receipt) + uint64(poolRecoveryDelay/time.Second)
	requireEvent(t, receipt, s.UnpackPoolRecoveryProposedEvent, staking.ThemisStakingPoolRecoveryProposed{
		CurrentPool: e.pool.addr, ProposedPool: e.pool2.addr, EffectiveAt: effectiveAt, ConfigNonce: new(big.Int).Add(nonce, big.NewInt(1)),
	})
	got, at := e.recovery()
	require.Equal(t, e.pool2.addr, got)
	require.Equal(t, effectiveAt, at)

	// The owner's administrative powers stay ended; the old pool keeps its own until the end.
	e.expectStakingRevert(e.owner, s.PackSetWhitelist(e.carol.addr, true), &staking.ThemisStakingNotAdmin{Caller: e.owner.addr})
	e.send(e.pool, e.stakingC, s.PackSlash(id, tokens(1), 1, offence("o")))

	e.advanceTo(effectiveAt - 2)
	e.expectStakingRevert(e.pool2, s.PackCompletePoolRecovery(), &staking.ThemisStakingPoolRecoveryNotReady{EffectiveAt: new(big.Int).SetUint64(effectiveAt)})
	e.advanceTo(effectiveAt)
	for _, who := range []account{e.owner, e.pool, e.pool3} {
		e.expectStakingRevert(who, s.PackCompletePoolRecovery(), &staking.ThemisStakingNotRecoveryPool{Caller: who.addr})
	}
	receipt = e.send(e.pool2, e.stakingC, s.PackCompletePoolRecovery())
	requireEvent(t, receipt, s.UnpackPoolAddressUpdatedEvent, staking.ThemisStakingPoolAddressUpdated{
		PreviousPool: e.pool.addr, NewPool: e.pool2.addr, ConfigNonce: new(big.Int).Add(nonce, big.NewInt(2)),
	})
	require.Equal(t, e.pool2.addr, e.poolAddress())
	got, at = e.recovery()
	require.Equal(t, common.Address{}, got)
	require.Zero(t, at)

	// Every pool right moved; the old address has none.
	e.expectStakingRevert(e.pool, s.PackSlash(id, tokens(1), 1, offence("p")), &staking.ThemisStakingNotPoolAddress{Caller: e.pool.addr})
	e.send(e.pool2, e.stakingC, s.PackSlash(id, tokens(1), 1, offence("p")))
	e.send(e.pool2, e.stakingC, s.PackSetWhitelist(e.carol.addr, true))
	e.expectStakingRevert(e.pool2, s.PackCompletePoolRecovery(), &staking.ThemisStakingNoPoolRecovery{})
}

// A pool that can still sign cancels a recovery (one governance did not decide, or a key
// that was not lost); a cancelled proposal can never complete, and only the pool cancels.
func TestPoolCancelsRecovery(t *testing.T) {
	e := newEnv(t)
	s := e.staking
	e.expectStakingRevert(e.pool, s.PackCancelPoolRecovery(), &staking.ThemisStakingNoPoolRecovery{})
	e.send(e.owner, e.stakingC, s.PackProposePoolRecovery(e.pool3.addr))
	nonce := e.configNonce()
	for _, who := range []account{e.owner, e.pool3, e.alice} {
		e.expectStakingRevert(who, s.PackCancelPoolRecovery(), &staking.ThemisStakingNotPoolAddress{Caller: who.addr})
	}
	receipt := e.send(e.pool, e.stakingC, s.PackCancelPoolRecovery())
	requireEvent(t, receipt, s.UnpackPoolRecoveryCancelledEvent, staking.ThemisStakingPoolRecoveryCancelled{
		ProposedPool: e.pool3.addr, CancelledBy: e.pool.addr, ConfigNonce: new(big.Int).Add(nonce, big.NewInt(1)),
	})
	e.advance(poolRecoveryDelay + time.Hour)
	e.expectStakingRevert(e.pool3, s.PackCompletePoolRecovery(), &staking.ThemisStakingNoPoolRecovery{})
	require.Equal(t, e.pool.addr, e.poolAddress())
}

// Proposing again replaces the proposal and restarts the delay: an owner cannot shorten
// the wait by re-proposing, and the first address can no longer complete.
func TestPoolRecoveryReproposalRestartsTheDelay(t *testing.T) {
	e := newEnv(t)
	s := e.staking
	e.send(e.owner, e.stakingC, s.PackProposePoolRecovery(e.pool3.addr))
	e.advance(poolRecoveryDelay - time.Hour)
	receipt := e.send(e.owner, e.stakingC, s.PackProposePoolRecovery(e.pool2.addr))
	effectiveAt := e.blockTime(receipt) + uint64(poolRecoveryDelay/time.Second)
	e.advance(2 * time.Hour)
	e.expectStakingRevert(e.pool3, s.PackCompletePoolRecovery(), &staking.ThemisStakingNotRecoveryPool{Caller: e.pool3.addr})
	e.expectStakingRevert(e.pool2, s.PackCompletePoolRecovery(), &staking.ThemisStakingPoolRecoveryNotReady{EffectiveAt: new(big.Int).SetUint64(effectiveAt)})
	e.advanceTo(effectiveAt)
	e.send(e.pool2, e.stakingC, s.PackCompletePoolRecovery())
	require.Equal(t, e.pool2.addr, e.poolAddress())
}

// Before any pool is set there is nothing to recover: the owner proposes the first pool
// the ordinary way (during bootstrap).
func TestPoolRecoveryNeedsAPool(t *testing.T) {
	e := newEnv(t)
	e.useStaking(e.deployRaw(staking.ThemisStakingMetaData.Bin, e.staking.PackConstructor(e.deployment.Token, e.treasury.addr,
		testMinLock, testMaxLock, big.NewInt(int64(7*24*3600)), big.NewInt(3600))), e.deployment.Token)
	e.expectStakingRevert(e.owner, e.staking.PackProposePoolRecovery(e.pool2.addr), &staking.ThemisStakingPoolAddressNotSet{})
}

// Any change of the pool voids a pending recovery: after an ordinary handover, the key
// the recovery named (a committee retired since, say) can never complete it.
func TestPoolHandoverVoidsARecovery(t *testing.T) {
	e := newEnv(t)
	s := e.staking
	e.send(e.owner, e.stakingC, s.PackProposePoolRecovery(e.pool3.addr))
	e.send(e.pool, e.stakingC, s.PackProposePoolAddress(e.pool2.addr))
	e.send(e.pool2, e.stakingC, s.PackAcceptPoolAddress())
	got, at := e.recovery()
	require.Equal(t, common.Address{}, got)
	require.Zero(t, at)
	e.advance(poolRecoveryDelay + time.Hour)
	e.expectStakingRevert(e.pool3, s.PackCompletePoolRecovery(), &staking.ThemisStakingNoPoolRecovery{})
	require.Equal(t, e.pool2.addr, e.poolAddress())
}
