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

// adminCalls are one call to each administrative function.
func adminCalls(e *env) map[string][]byte {
	s := e.staking
	return map[string][]byte{
		"setWhitelist":  s.PackSetWhitelist(e.carol.addr, true),
		"setTreasury":   s.PackSetTreasury(e.carol.addr),
		"setLockLimits": s.PackSetLockLimits(tokens(1), tokens(2)),
		"setExitDelay":  s.PackSetExitDelay(big.NewInt(2 * minExitDelay)),
		"pause":         s.PackPause(big.NewInt(3600)),
	}
}

// requireNotAdmin asserts that every administrative function refuses from.
func requireNotAdmin(e *env, from account) {
	e.t.Helper()
	for _, calldata := range adminCalls(e) {
		e.expectStakingRevert(from, calldata, &staking.ThemisStakingNotAdmin{Caller: from.addr})
	}
}

// requireAdmin asserts that from can call every administrative function.
func requireAdmin(e *env, from account) {
	e.t.Helper()
	for _, calldata := range adminCalls(e) {
		e.send(from, e.stakingC, calldata)
	}
	require.Equal(e.t, e.carol.addr, call(e, e.stakingC, e.staking.PackTreasury(), e.staking.UnpackTreasury))
	require.True(e.t, call(e, e.stakingC, e.staking.PackPaused(), e.staking.UnpackPaused))
}

// Audit point 1: the owner's powers end by themselves at the bootstrap deadline; the pool
// keeps them.
func TestOwnerCannotAdministerAfterBootstrapDeadline(t *testing.T) {
	e := newEnv(t)
	s := e.staking
	e.advance(bootstrapDuration)
	require.False(t, call(e, e.stakingC, s.PackBootstrapOpen(), s.UnpackBootstrapOpen))
	require.False(t, call(e, e.stakingC, s.PackBootstrapEnded(), s.UnpackBootstrapEnded), "over by time, not by call")

	requireNotAdmin(e, e.owner)
	e.expectStakingRevert(e.owner, s.PackEndBootstrap(), &staking.ThemisStakingBootstrapOver{})
	e.expectStakingRevert(e.pool, s.PackEndBootstrap(), &staking.ThemisStakingBootstrapOver{})
	e.expectStakingRevert(e.owner, s.PackProposePoolAddress(e.owner.addr), &staking.ThemisStakingBootstrapOver{})
	requireAdmin(e, e.pool)

	// Handing the ownership on gives the new owner nothing either.
	e.send(e.owner, e.stakingC, s.PackTransferOwnership(e.carol.addr))
	e.send(e.carol, e.stakingC, s.PackAcceptOwnership())
	requireNotAdmin(e, e.carol)
}

// Audit point 1: endBootstrap by the owner (once a pool is set) ends its powers at once.
func TestOwnerCannotAdministerAfterEndBootstrap(t *testing.T) {
	e := newEnv(t)
	s := e.staking
	requireAdmin(e, e.owner)
	e.expectStakingRevert(e.alice, s.PackEndBootstrap(), &staking.ThemisStakingNotAdmin{Caller: e.alice.addr})
	receipt := e.send(e.owner, e.stakingC, s.PackEndBootstrap())
	requireEvent(t, receipt, s.UnpackBootstrapEndedEvent, staking.ThemisStakingBootstrapEnded{
		EndedBy: e.owner.addr, PoolAddress: e.pool.addr, ConfigNonce: big.NewInt(13), // 7 at deployment, 5 admin calls
	})
	require.True(t, call(e, e.stakingC, s.PackBootstrapEnded(), s.UnpackBootstrapEnded))
	require.False(t, call(e, e.stakingC, s.PackBootstrapOpen(), s.UnpackBootstrapOpen))
	e.expectStakingRevert(e.owner, s.PackEndBootstrap(), &staking.ThemisStakingBootstrapOver{})

	requireNotAdmin(e, e.owner)
	requireAdmin(e, e.pool)
}

// Audit point 1: the pool may end bootstrap too, and the owner loses its powers as well.
func TestOwnerCannotAdministerAfterPoolEndsBootstrap(t *testing.T) {
	e := newEnv(t)
	s := e.staking
	receipt := e.send(e.pool, e.stakingC, s.PackEndBootstrap())
	requireEvent(t, receipt, s.UnpackBootstrapEndedEvent, staking.ThemisStakingBootstrapEnded{
		EndedBy: e.pool.addr, PoolAddress: e.pool.addr, ConfigNonce: big.NewInt(8),
	})
	e.expectStakingRevert(e.pool, s.PackEndBootstrap(), &staking.ThemisStakingBootstrapOver{})
	requireNotAdmin(e, e.owner)
	requireAdmin(e, e.pool)
}

// Ending bootstrap without a pool address would leave nobody able to set one.
func TestOwnerCannotEndBootstrapWithoutPool(t *testing.T) {
	e := newBareEnv(t)
	e.deployWith(contracts.DeployConfig{MinLock: testMinLock, MaxLock: testMaxLock})
	s := e.staking
	require.Equal(t, common.Address{}, call(e, e.stakingC, s.PackPoolAddress(), s.UnpackPoolAddress))
	e.expectStakingRevert(e.owner, s.PackEndBootstrap(), &staking.ThemisStakingPoolAddressNotSet{})
	e.expectStakingRevert(e.alice, s.PackEndBootstrap(), &staking.ThemisStakingNotAdmin{Caller: e.alice.addr})
	// With no pool address, nobody passes the pool checks; the zero address is no pool.
	e.expectStakingRevert(e.alice, s.PackRefundEscrow(big.NewInt(1)), &staking.ThemisStakingNotPoolAddress{Caller: e.alice.addr})
	e.expectStakingRevert(e.alice, s.PackSetWhitelist(e.alice.addr, true), &staking.ThemisStakingNotAdmin{Caller: e.alice.addr})
	e.expectStakingRevert(e.alice, s.PackAcceptPoolAddress(), &staking.ThemisStakingNotPendingPoolAddress{Caller: e.alice.addr})
}

// Audit point 1: once bootstrap is over the owner cannot make itself the treasury, the one
// place slashed tokens go.
func TestOwnerCannotRedirectTreasuryAfterBootstrap(t *testing.T) {
	e := newEnv(t)
	s := e.staking
	id, _ := e.lock(e.alice, newSigner("a"), tokens(320))
	e.send(e.owner, e.stakingC, s.PackEndBootstrap())
	e.expectStakingRevert(e.owner, s.PackSetTreasury(e.owner.addr), &staking.ThemisStakingNotAdmin{Caller: e.owner.addr})

	receipt := e.send(e.pool, e.stakingC, s.PackSlash(id, tokens(20), 1, offence("o")))
	escrowID := events(t, receipt, s.UnpackSlashedEvent)[0].EscrowId
	e.advance(escrowPeriod)
	e.send(e.carol, e.stakingC, s.PackReleaseEscrow(escrowID))
	require.Equal(t, e.treasury.addr, call(e, e.stakingC, s.PackTreasury(), s.UnpackTreasury))
	require.Equal(t, tokens(20), e.tokenBalance(e.treasury.addr))
	require.Zero(t, e.tokenBalance(e.owner.addr).Sign())
}

// Audit point 1: with a pool set the owner can neither propose another pool (itself
// included) nor act as the pool: no reward credits, slashes, refunds or batches.
func TestOwnerCannotSeizePoolRole(t *testing.T) {
	e := newEnv(t)
	s := e.staking
	id, _ := e.lock(e.alice, newSigner("a"), tokens(320))
	e.fundRewards(tokens(10))

	already := &staking.ThemisStakingPoolAddressAlreadySet{PoolAddress: e.pool.addr}
	e.expectStakingRevert(e.owner, s.PackProposePoolAddress(e.owner.addr), already)
	e.expectStakingRevert(e.owner, s.PackProposePoolAddress(e.pool2.addr), already)
	e.expectStakingRevert(e.alice, s.PackProposePoolAddress(e.alice.addr), &staking.ThemisStakingNotPoolAddress{Caller: e.alice.addr})
	e.expectStakingRevert(e.owner, s.PackAcceptPoolAddress(), &staking.ThemisStakingNotPendingPoolAddress{Caller: e.owner.addr})
	// A pending rotation is no opening either.
	e.send(e.pool, e.stakingC, s.PackProposePoolAddress(e.pool2.addr))
	e.expectStakingRevert(e.owner, s.PackAcceptPoolAddress(), &staking.ThemisStakingNotPendingPoolAddress{Caller: e.owner.addr})

	notPool := &staking.ThemisStakingNotPoolAddress{Caller: e.owner.addr}
	e.expectStakingRevert(e.owner, s.PackSubmitRewardBatch(big.NewInt(1), []*big.Int{id}, []*big.Int{tokens(10)}), notPool)
	e.expectStakingRevert(e.owner, s.PackSlash(id, tokens(20), 1, offence("o")), notPool)
	receipt := e.send(e.pool, e.stakingC, s.PackSlash(id, tokens(20), 1, offence("o")))
	e.expectStakingRevert(e.owner, s.PackRefundEscrow(events(t, receipt, s.UnpackSlashedEvent)[0].EscrowId), notPool)
	e.expectInboxRevert(e.owner, e.inbox.PackAppendStateBatch(big.NewInt(0), testFirstL2Block, testFirstL2Block, root("s"), root("t")),
		&batchinbox.BatchInboxNotPoolAddress{Caller: e.owner.addr})
	require.Equal(t, e.pool.addr, call(e, e.stakingC, s.PackPoolAddress(), s.UnpackPoolAddress))
}

// Audit point 1: the bootstrap period, and so the owner's reign, is capped at 180 days.
func TestConstructorRejectsBootstrapLongerThanMax(t *testing.T) {
	e := newBareEnv(t)
	s := e.staking
	deploy := func(period int64) []byte {
		return s.PackConstructor(e.carol.addr, e.treasury.addr, testMinLock, testMaxLock, big.NewInt(minExitDelay), big.NewInt(period))
	}
	requireRevert(t, e.deployRevertData(staking.ThemisStakingMetaData.Bin, deploy(maxBootstrap+1)), s.UnpackError,
		&staking.ThemisStakingBootstrapPeriodTooLong{Period: big.NewInt(maxBootstrap + 1), MaxPeriod: big.NewInt(maxBootstrap)})
	e.deployRaw(staking.ThemisStakingMetaData.Bin, deploy(maxBootstrap))

	// A short bootstrap ends by itself after its period.
	addr, tx, err := bind.DeployContract(e.opts(e.owner), common.FromHex(staking.ThemisStakingMetaData.Bin), e.client, deploy(3600))
	require.NoError(t, err)
	receipt := e.mine(tx)
	e.useStaking(addr, e.carol.addr)
	deadline := e.blockTime(receipt) + 3600
	require.Equal(t, deadline, call(e, e.stakingC, s.PackBootstrapDeadline(), s.UnpackBootstrapDeadline))
	requireEvent(t, receipt, s.UnpackBootstrapStartedEvent, staking.ThemisStakingBootstrapStarted{
		Owner: e.owner.addr, Deadline: deadline, ConfigNonce: big.NewInt(1),
	})
	e.send(e.owner, e.stakingC, s.PackSetWhitelist(e.alice.addr, true))
	e.advance(time.Hour)
	requireNotAdmin(e, e.owner)
}

// Audit point 1: ownership moves in two steps, so a typo cannot hand it to an address
// nobody controls; the zero address cancels a pending transfer.
func TestOwnershipTransferIsTwoStep(t *testing.T) {
	e := newEnv(t)
	s := e.staking
	owner := func() common.Address { return call(e, e.stakingC, s.PackOwner(), s.UnpackOwner) }
	pending := func() common.Address { return call(e, e.stakingC, s.PackPendingOwner(), s.UnpackPendingOwner) }

	e.expectStakingRevert(e.alice, s.PackTransferOwnership(e.alice.addr), &staking.ThemisStakingNotOwner{Caller: e.alice.addr})
	e.expectStakingRevert(e.carol, s.PackAcceptOwnership(), &staking.ThemisStakingNotPendingOwner{Caller: e.carol.addr})

	receipt := e.send(e.owner, e.stakingC, s.PackTransferOwnership(e.carol.addr))
	requireEvent(t, receipt, s.UnpackOwnershipTransferStartedEvent, staking.ThemisStakingOwnershipTransferStarted{
		PreviousOwner: e.owner.addr, NewOwner: e.carol.addr,
	})
	require.Empty(t, events(t, receipt, s.UnpackOwnershipTransferredEvent))
	require.Equal(t, e.owner.addr, owner(), "nothing moves until the new owner accepts")
	require.Equal(t, e.carol.addr, pending())
	e.expectStakingRevert(e.bob, s.PackAcceptOwnership(), &staking.ThemisStakingNotPendingOwner{Caller: e.bob.addr})

	// The zero address cancels.
	receipt = e.send(e.owner, e.stakingC, s.PackTransferOwnership(common.Address{}))
	requireEvent(t, receipt, s.UnpackOwnershipTransferStartedEvent, staking.ThemisStakingOwnershipTransferStarted{
		PreviousOwner: e.owner.addr, NewOwner: common.Address{},
	})
	require.Equal(t, common.Address{}, pending())
	e.expectStakingRevert(e.carol, s.PackAcceptOwnership(), &staking.ThemisStakingNotPendingOwner{Caller: e.carol.addr})

	e.send(e.owner, e.stakingC, s.PackTransferOwnership(e.carol.addr))
	receipt = e.send(e.carol, e.stakingC, s.PackAcceptOwnership())
	requireEvent(t, receipt, s.UnpackOwnershipTransferredEvent, staking.ThemisStakingOwnershipTransferred{
		PreviousOwner: e.owner.addr, NewOwner: e.carol.addr,
	})
	require.Equal(t, e.carol.addr, owner())
	require.Equal(t, common.Address{}, pending())
	e.expectStakingRevert(e.carol, s.PackAcceptOwnership(), &staking.ThemisStakingNotPendingOwner{Caller: e.carol.addr})

	// The old owner has lost every right; the new one administers during bootstrap.
	e.expectStakingRevert(e.owner, s.PackTransferOwnership(e.owner.addr), &staking.ThemisStakingNotOwner{Caller: e.owner.addr})
	requireNotAdmin(e, e.owner)
	requireAdmin(e, e.carol)
}
