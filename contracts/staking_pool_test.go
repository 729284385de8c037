package contracts_test

import (
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/contracts"
	"github.com/themis-network/themis/contracts/bindings/staking"
)

func TestStakingPoolRotationAndBootstrap(t *testing.T) {
	e := newEnv(t)
	s := e.staking
	next, last := newAccount("pool 2"), newAccount("pool 3")
	poolAddress := func() common.Address { return call(e, e.stakingC, s.PackPoolAddress(), s.UnpackPoolAddress) }

	e.expectStakingRevert(e.alice, s.PackSetPoolAddress(e.alice.addr), &staking.ThemisStakingNotPoolAddress{Caller: e.alice.addr})
	e.expectStakingRevert(e.pool, s.PackSetPoolAddress(common.Address{}), &staking.ThemisStakingZeroAddress{})
	e.expectStakingRevert(e.owner, s.PackSetPoolAddress(common.Address{}), &staking.ThemisStakingZeroAddress{})

	// During bootstrap the owner may set the pool address.
	receipt := e.send(e.owner, e.stakingC, s.PackSetPoolAddress(e.carol.addr))
	requireEvent(t, receipt, s.UnpackPoolAddressUpdatedEvent, staking.ThemisStakingPoolAddressUpdated{
		PreviousPool: e.pool.addr, NewPool: e.carol.addr, UpdatedBy: e.owner.addr,
	})
	require.Equal(t, e.carol.addr, poolAddress())
	// The current pool hands over; its predecessor has lost every pool right.
	receipt = e.send(e.carol, e.stakingC, s.PackSetPoolAddress(e.pool.addr))
	requireEvent(t, receipt, s.UnpackPoolAddressUpdatedEvent, staking.ThemisStakingPoolAddressUpdated{
		PreviousPool: e.carol.addr, NewPool: e.pool.addr, UpdatedBy: e.carol.addr,
	})
	e.expectStakingRevert(e.carol, s.PackSetPoolAddress(e.carol.addr), &staking.ThemisStakingNotPoolAddress{Caller: e.carol.addr})
	e.expectStakingRevert(e.carol, s.PackSubmitRewardBatch(big.NewInt(1), nil, nil), &staking.ThemisStakingNotPoolAddress{Caller: e.carol.addr})

	e.expectStakingRevert(e.alice, s.PackEndBootstrap(), &staking.ThemisStakingNotOwner{Caller: e.alice.addr})
	e.expectStakingRevert(e.pool, s.PackEndBootstrap(), &staking.ThemisStakingNotOwner{Caller: e.pool.addr})
	receipt = e.send(e.owner, e.stakingC, s.PackEndBootstrap())
	requireEvent(t, receipt, s.UnpackBootstrapEndedEvent, staking.ThemisStakingBootstrapEnded{PoolAddress: e.pool.addr})
	require.False(t, call(e, e.stakingC, s.PackBootstrap(), s.UnpackBootstrap))
	e.expectStakingRevert(e.owner, s.PackEndBootstrap(), &staking.ThemisStakingBootstrapOver{})

	// After bootstrap only the pool itself rotates.
	e.expectStakingRevert(e.owner, s.PackSetPoolAddress(next.addr), &staking.ThemisStakingBootstrapOver{})
	e.expectStakingRevert(e.alice, s.PackSetPoolAddress(next.addr), &staking.ThemisStakingNotPoolAddress{Caller: e.alice.addr})
	receipt = e.send(e.pool, e.stakingC, s.PackSetPoolAddress(next.addr))
	requireEvent(t, receipt, s.UnpackPoolAddressUpdatedEvent, staking.ThemisStakingPoolAddressUpdated{
		PreviousPool: e.pool.addr, NewPool: next.addr, UpdatedBy: e.pool.addr,
	})
	require.Equal(t, next.addr, poolAddress())
	e.expectStakingRevert(e.pool, s.PackSetPoolAddress(last.addr), &staking.ThemisStakingNotPoolAddress{Caller: e.pool.addr})
}

// Ending bootstrap without a pool address would leave nobody able to set one.
func TestStakingEndBootstrapNeedsPoolAddress(t *testing.T) {
	e := newBareEnv(t)
	e.deployWith(contracts.DeployConfig{MinLock: testMinLock, MaxLock: testMaxLock})
	s := e.staking
	require.Equal(t, common.Address{}, call(e, e.stakingC, s.PackPoolAddress(), s.UnpackPoolAddress))
	e.expectStakingRevert(e.owner, s.PackEndBootstrap(), &staking.ThemisStakingPoolAddressNotSet{})
	// With no pool address, nobody passes the pool check.
	e.expectStakingRevert(e.alice, s.PackRefundEscrow(big.NewInt(1)), &staking.ThemisStakingNotPoolAddress{Caller: e.alice.addr})
}
