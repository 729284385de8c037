package contracts_test

import (
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/contracts"
	"github.com/themis-network/themis/contracts/bindings/batchinbox"
	"github.com/themis-network/themis/contracts/bindings/staking"
)

func (e *env) poolAddress() common.Address {
	e.t.Helper()
	return call(e, e.stakingC, e.staking.PackPoolAddress(), e.staking.UnpackPoolAddress)
}

func (e *env) pendingPoolAddress() common.Address {
	e.t.Helper()
	return call(e, e.stakingC, e.staking.PackPendingPoolAddress(), e.staking.UnpackPendingPoolAddress)
}

// Audit point 8: a rotation to a wrong address is not final: until the proposed address
// accepts, the old pool keeps every power (slashing, crediting, posting batches) and can
// overwrite the proposal.
func TestWrongPoolProposalCanBeOverwritten(t *testing.T) {
	e := newEnv(t)
	s := e.staking
	id, _ := e.lock(e.alice, newSigner("a"), tokens(320))
	e.fundRewards(tokens(10))
	e.expectStakingRevert(e.pool, s.PackProposePoolAddress(common.Address{}), &staking.ThemisStakingZeroAddress{})

	wrong := e.pool3
	receipt := e.send(e.pool, e.stakingC, s.PackProposePoolAddress(wrong.addr))
	requireEvent(t, receipt, s.UnpackPoolAddressProposedEvent, staking.ThemisStakingPoolAddressProposed{
		CurrentPool: e.pool.addr, ProposedPool: wrong.addr, ProposedBy: e.pool.addr,
	})
	require.Equal(t, wrong.addr, e.pendingPoolAddress())
	require.Equal(t, e.pool.addr, e.poolAddress())
	require.Equal(t, big.NewInt(7), e.configNonce(), "a proposal changes no configuration")

	// The old pool is still the pool.
	e.send(e.pool, e.stakingC, s.PackSlash(id, tokens(1), 1, offence("o")))
	e.send(e.pool, e.stakingC, s.PackSubmitRewardBatch(big.NewInt(1), []*big.Int{id}, []*big.Int{tokens(1)}))
	e.send(e.pool, e.inboxC, e.inbox.PackAppendStateBatch(big.NewInt(0), testFirstL2Block, testFirstL2Block+9, root("s0"), root("t0")))
	e.send(e.pool, e.stakingC, s.PackSetWhitelist(e.carol.addr, true))

	// The correction replaces the pending proposal; the wrong address can no longer accept.
	receipt = e.send(e.pool, e.stakingC, s.PackProposePoolAddress(e.pool2.addr))
	requireEvent(t, receipt, s.UnpackPoolAddressProposedEvent, staking.ThemisStakingPoolAddressProposed{
		CurrentPool: e.pool.addr, ProposedPool: e.pool2.addr, ProposedBy: e.pool.addr,
	})
	require.Equal(t, e.pool2.addr, e.pendingPoolAddress())
	e.expectStakingRevert(wrong, s.PackAcceptPoolAddress(), &staking.ThemisStakingNotPendingPoolAddress{Caller: wrong.addr})
	e.send(e.pool2, e.stakingC, s.PackAcceptPoolAddress())
	require.Equal(t, e.pool2.addr, e.poolAddress())
}

// Audit point 8: only the proposed address can take over; when it does, every pool right,
// the BatchInbox's included, moves with it at once.
func TestOnlyProposedPoolCanAccept(t *testing.T) {
	e := newEnv(t)
	s := e.staking
	id, _ := e.lock(e.alice, newSigner("a"), tokens(320))
	e.send(e.pool, e.stakingC, s.PackProposePoolAddress(e.pool2.addr))
	for _, who := range []account{e.owner, e.pool, e.alice, e.pool3} {
		e.expectStakingRevert(who, s.PackAcceptPoolAddress(), &staking.ThemisStakingNotPendingPoolAddress{Caller: who.addr})
	}

	receipt := e.send(e.pool2, e.stakingC, s.PackAcceptPoolAddress())
	requireEvent(t, receipt, s.UnpackPoolAddressUpdatedEvent, staking.ThemisStakingPoolAddressUpdated{
		PreviousPool: e.pool.addr, NewPool: e.pool2.addr, ConfigNonce: big.NewInt(8),
	})
	require.Equal(t, e.pool2.addr, e.poolAddress())
	require.Equal(t, common.Address{}, e.pendingPoolAddress())
	e.expectStakingRevert(e.pool2, s.PackAcceptPoolAddress(), &staking.ThemisStakingNotPendingPoolAddress{Caller: e.pool2.addr})

	// The old pool has lost everything...
	notPool := &staking.ThemisStakingNotPoolAddress{Caller: e.pool.addr}
	e.expectStakingRevert(e.pool, s.PackSlash(id, tokens(1), 1, offence("o")), notPool)
	e.expectStakingRevert(e.pool, s.PackSubmitRewardBatch(big.NewInt(1), nil, nil), notPool)
	e.expectStakingRevert(e.pool, s.PackProposePoolAddress(e.pool.addr), notPool)
	e.expectStakingRevert(e.pool, s.PackSetWhitelist(e.carol.addr, true), &staking.ThemisStakingNotAdmin{Caller: e.pool.addr})
	e.expectInboxRevert(e.pool, e.inbox.PackAppendStateBatch(big.NewInt(0), testFirstL2Block, testFirstL2Block, root("s"), root("t")),
		&batchinbox.BatchInboxNotPoolAddress{Caller: e.pool.addr})
	// ...which the new one holds.
	e.send(e.pool2, e.stakingC, s.PackSlash(id, tokens(1), 1, offence("o")))
	e.send(e.pool2, e.stakingC, s.PackSubmitRewardBatch(big.NewInt(1), nil, nil))
	e.send(e.pool2, e.inboxC, e.inbox.PackAppendStateBatch(big.NewInt(0), testFirstL2Block, testFirstL2Block, root("s"), root("t")))
	e.send(e.pool2, e.stakingC, s.PackSetWhitelist(e.carol.addr, true))
	e.send(e.pool2, e.stakingC, s.PackProposePoolAddress(e.pool3.addr))
	e.send(e.pool3, e.stakingC, s.PackAcceptPoolAddress())
	require.Equal(t, e.pool3.addr, e.poolAddress())
}

// The first pool: proposed by the owner during bootstrap, which may correct its own
// proposal until it is accepted. Nobody else may propose.
func TestOwnerProposesFirstPoolDuringBootstrap(t *testing.T) {
	e := newBareEnv(t)
	e.deployWith(contracts.DeployConfig{MinLock: testMinLock, MaxLock: testMaxLock})
	s := e.staking
	e.expectStakingRevert(e.alice, s.PackProposePoolAddress(e.alice.addr), &staking.ThemisStakingNotPoolAddress{Caller: e.alice.addr})
	e.expectStakingRevert(e.owner, s.PackProposePoolAddress(common.Address{}), &staking.ThemisStakingZeroAddress{})

	receipt := e.send(e.owner, e.stakingC, s.PackProposePoolAddress(e.pool3.addr))
	requireEvent(t, receipt, s.UnpackPoolAddressProposedEvent, staking.ThemisStakingPoolAddressProposed{
		CurrentPool: common.Address{}, ProposedPool: e.pool3.addr, ProposedBy: e.owner.addr,
	})
	e.send(e.owner, e.stakingC, s.PackProposePoolAddress(e.pool.addr))
	e.expectStakingRevert(e.pool3, s.PackAcceptPoolAddress(), &staking.ThemisStakingNotPendingPoolAddress{Caller: e.pool3.addr})
	receipt = e.send(e.pool, e.stakingC, s.PackAcceptPoolAddress())
	requireEvent(t, receipt, s.UnpackPoolAddressUpdatedEvent, staking.ThemisStakingPoolAddressUpdated{
		PreviousPool: common.Address{}, NewPool: e.pool.addr, ConfigNonce: big.NewInt(5),
	})
	e.expectStakingRevert(e.owner, s.PackProposePoolAddress(e.pool2.addr), &staking.ThemisStakingPoolAddressAlreadySet{PoolAddress: e.pool.addr})
}

// Security review: the owner's proposal for the first pool dies with bootstrap. The owner
// proposes its own key before the deadline; after it, the key cannot accept, so the owner
// cannot take the pool role once its own powers have ended. A rotation the pool proposes is
// not bound to bootstrap.
func TestOwnerProposalExpiresWithBootstrap(t *testing.T) {
	e := newBareEnv(t)
	e.deployWith(contracts.DeployConfig{MinLock: testMinLock, MaxLock: testMaxLock, BootstrapPeriod: 3600})
	s := e.staking
	deadline := call(e, e.stakingC, s.PackBootstrapDeadline(), s.UnpackBootstrapDeadline)
	e.send(e.owner, e.stakingC, s.PackProposePoolAddress(e.owner.addr))
	require.Equal(t, e.owner.addr, e.pendingPoolAddress())

	// Until the deadline the acceptance would go through (a call, not sent)...
	acceptAsOwner := func() error {
		_, err := bind.Call(e.stakingC, &bind.CallOpts{Context: e.ctx, From: e.owner.addr}, s.PackAcceptPoolAddress(),
			func([]byte) (struct{}, error) { return struct{}{}, nil })
		return err
	}
	e.advanceTo(deadline - 2)
	require.NoError(t, acceptAsOwner())

	// ...from it, never.
	e.advanceTo(deadline)
	require.False(t, call(e, e.stakingC, s.PackBootstrapOpen(), s.UnpackBootstrapOpen))
	require.Error(t, acceptAsOwner())
	e.expectStakingRevert(e.owner, s.PackAcceptPoolAddress(), &staking.ThemisStakingBootstrapOver{})
	e.expectStakingRevert(e.alice, s.PackAcceptPoolAddress(), &staking.ThemisStakingNotPendingPoolAddress{Caller: e.alice.addr})
	e.expectStakingRevert(e.owner, s.PackProposePoolAddress(e.pool.addr), &staking.ThemisStakingBootstrapOver{})
	require.Equal(t, common.Address{}, e.poolAddress())
	require.Equal(t, big.NewInt(4), e.configNonce(), "the constructor's four only")
	requireNotAdmin(e, e.owner)

	// The pool's own rotation is accepted long after bootstrap.
	e = newEnv(t)
	e.send(e.pool, e.stakingC, s.PackProposePoolAddress(e.pool2.addr))
	e.advance(bootstrapDuration)
	require.False(t, call(e, e.stakingC, s.PackBootstrapOpen(), s.UnpackBootstrapOpen))
	receipt := e.send(e.pool2, e.stakingC, s.PackAcceptPoolAddress())
	requireEvent(t, receipt, s.UnpackPoolAddressUpdatedEvent, staking.ThemisStakingPoolAddressUpdated{
		PreviousPool: e.pool.addr, NewPool: e.pool2.addr, ConfigNonce: big.NewInt(8),
	})
	require.Equal(t, e.pool2.addr, e.poolAddress())
}

// Without a pool by the end of bootstrap, the owner can no longer propose one.
func TestOwnerCannotProposeFirstPoolAfterBootstrap(t *testing.T) {
	e := newBareEnv(t)
	e.deployWith(contracts.DeployConfig{MinLock: testMinLock, MaxLock: testMaxLock, BootstrapPeriod: 3600})
	e.advance(time.Hour)
	e.expectStakingRevert(e.owner, e.staking.PackProposePoolAddress(e.pool.addr), &staking.ThemisStakingBootstrapOver{})
}
