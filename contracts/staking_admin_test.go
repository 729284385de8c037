package contracts_test

import (
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/contracts/bindings/staking"
	"github.com/themis-network/themis/contracts/bindings/testtoken"
)

// filterAll collects every event of one type the staking contract emitted so far.
func filterAll[T bind.ContractEvent](e *env, unpack func(*types.Log) (*T, error)) []*T {
	e.t.Helper()
	it, err := bind.FilterEvents(e.stakingC, &bind.FilterOpts{Start: 0, Context: e.ctx}, unpack)
	require.NoError(e.t, err)
	defer it.Close()
	var out []*T
	for it.Next() {
		out = append(out, it.Value())
	}
	require.NoError(e.t, it.Error())
	return out
}

func TestStakingConstructorStateAndEvents(t *testing.T) {
	e := newEnv(t)
	s, c := e.staking, e.stakingC
	require.Equal(t, e.owner.addr, call(e, c, s.PackOwner(), s.UnpackOwner))
	require.Equal(t, e.treasury.addr, call(e, c, s.PackTreasury(), s.UnpackTreasury))
	require.Equal(t, e.deployment.Token, call(e, c, s.PackToken(), s.UnpackToken))
	require.Equal(t, e.pool.addr, call(e, c, s.PackPoolAddress(), s.UnpackPoolAddress))
	require.Equal(t, testMinLock, call(e, c, s.PackMinLock(), s.UnpackMinLock))
	require.Equal(t, testMaxLock, call(e, c, s.PackMaxLock(), s.UnpackMaxLock))
	require.Equal(t, big.NewInt(testExitDelay), call(e, c, s.PackExitDelay(), s.UnpackExitDelay))
	require.True(t, call(e, c, s.PackBootstrap(), s.UnpackBootstrap))
	require.False(t, call(e, c, s.PackPaused(), s.UnpackPaused))
	require.Equal(t, big.NewInt(1), call(e, c, s.PackNextSequencerId(), s.UnpackNextSequencerId))
	require.Equal(t, big.NewInt(1), call(e, c, s.PackNextEscrowId(), s.UnpackNextEscrowId))
	require.Zero(t, call(e, c, s.PackLastRewardBatch(), s.UnpackLastRewardBatch).Sign())
	require.Zero(t, call(e, c, s.PackRewardReserve(), s.UnpackRewardReserve).Sign())
	require.Equal(t, big.NewInt(64), call(e, c, s.PackPUBKEYLENGTH(), s.UnpackPUBKEYLENGTH))
	require.Equal(t, big.NewInt(365*24*3600), call(e, c, s.PackESCROWPERIOD(), s.UnpackESCROWPERIOD))
	require.Equal(t, big.NewInt(365*24*3600), call(e, c, s.PackMAXEXITDELAY(), s.UnpackMAXEXITDELAY))
	require.True(t, call(e, c, s.PackWhitelisted(e.alice.addr), s.UnpackWhitelisted))
	require.False(t, call(e, c, s.PackWhitelisted(e.carol.addr), s.UnpackWhitelisted))

	// The constructor announces every initial setting.
	owners := filterAll(e, s.UnpackOwnershipTransferredEvent)
	require.Len(t, owners, 1)
	requireSameEvent(t, staking.ThemisStakingOwnershipTransferred{NewOwner: e.owner.addr}, *owners[0])
	treasuries := filterAll(e, s.UnpackTreasuryUpdatedEvent)
	require.Len(t, treasuries, 1)
	requireSameEvent(t, staking.ThemisStakingTreasuryUpdated{NewTreasury: e.treasury.addr}, *treasuries[0])
	limits := filterAll(e, s.UnpackLockLimitsUpdatedEvent)
	require.Len(t, limits, 1)
	requireSameEvent(t, staking.ThemisStakingLockLimitsUpdated{MinLock: testMinLock, MaxLock: testMaxLock}, *limits[0])
	delays := filterAll(e, s.UnpackExitDelayUpdatedEvent)
	require.Len(t, delays, 1)
	requireSameEvent(t, staking.ThemisStakingExitDelayUpdated{ExitDelay: big.NewInt(testExitDelay)}, *delays[0])
	whitelisted := filterAll(e, s.UnpackWhitelistUpdatedEvent)
	require.Len(t, whitelisted, 2)
	requireSameEvent(t, staking.ThemisStakingWhitelistUpdated{Account: e.alice.addr, Allowed: true}, *whitelisted[0])
	requireSameEvent(t, staking.ThemisStakingWhitelistUpdated{Account: e.bob.addr, Allowed: true}, *whitelisted[1])
	pools := filterAll(e, s.UnpackPoolAddressUpdatedEvent)
	require.Len(t, pools, 1)
	requireSameEvent(t, staking.ThemisStakingPoolAddressUpdated{NewPool: e.pool.addr, UpdatedBy: e.owner.addr}, *pools[0])
}

func TestStakingConstructorReverts(t *testing.T) {
	e := newEnv(t)
	s := e.staking
	token, treasury := e.deployment.Token, e.treasury.addr
	deployReverts := func(input []byte, want any) {
		t.Helper()
		_, _, err := bind.DeployContract(e.opts(e.owner), common.FromHex(staking.ThemisStakingMetaData.Bin), e.client, input)
		require.Error(t, err)
		data, ok := ethclient.RevertErrorData(err)
		require.True(t, ok, "no revert data in %v", err)
		requireRevert(t, data, s.UnpackError, normalize(want))
	}
	delay := big.NewInt(testExitDelay)
	deployReverts(s.PackConstructor(common.Address{}, treasury, testMinLock, testMaxLock, delay), &staking.ThemisStakingZeroAddress{})
	deployReverts(s.PackConstructor(token, common.Address{}, testMinLock, testMaxLock, delay), &staking.ThemisStakingZeroAddress{})
	deployReverts(s.PackConstructor(token, treasury, big.NewInt(0), testMaxLock, delay),
		&staking.ThemisStakingInvalidLockLimits{MinLock: big.NewInt(0), MaxLock: testMaxLock})
	deployReverts(s.PackConstructor(token, treasury, testMaxLock, testMinLock, delay),
		&staking.ThemisStakingInvalidLockLimits{MinLock: testMaxLock, MaxLock: testMinLock})
	tooLong := big.NewInt(365*24*3600 + 1)
	deployReverts(s.PackConstructor(token, treasury, testMinLock, testMaxLock, tooLong),
		&staking.ThemisStakingExitDelayTooLong{ExitDelay: tooLong, MaxExitDelay: big.NewInt(365 * 24 * 3600)})
}

func TestStakingTransferOwnership(t *testing.T) {
	e := newEnv(t)
	s := e.staking
	e.expectStakingRevert(e.alice, s.PackTransferOwnership(e.alice.addr), &staking.ThemisStakingNotOwner{Caller: e.alice.addr})
	e.expectStakingRevert(e.owner, s.PackTransferOwnership(common.Address{}), &staking.ThemisStakingZeroAddress{})

	receipt := e.send(e.owner, e.stakingC, s.PackTransferOwnership(e.carol.addr))
	requireEvent(t, receipt, s.UnpackOwnershipTransferredEvent, staking.ThemisStakingOwnershipTransferred{
		PreviousOwner: e.owner.addr, NewOwner: e.carol.addr,
	})
	require.Equal(t, e.carol.addr, call(e, e.stakingC, s.PackOwner(), s.UnpackOwner))
	// The old owner lost every admin right; the new one has them.
	e.expectStakingRevert(e.owner, s.PackSetExitDelay(big.NewInt(1)), &staking.ThemisStakingNotOwner{Caller: e.owner.addr})
	e.send(e.carol, e.stakingC, s.PackSetExitDelay(big.NewInt(1)))
}

func TestStakingSetTreasury(t *testing.T) {
	e := newEnv(t)
	s := e.staking
	e.expectStakingRevert(e.alice, s.PackSetTreasury(e.alice.addr), &staking.ThemisStakingNotOwner{Caller: e.alice.addr})
	e.expectStakingRevert(e.owner, s.PackSetTreasury(common.Address{}), &staking.ThemisStakingZeroAddress{})
	receipt := e.send(e.owner, e.stakingC, s.PackSetTreasury(e.carol.addr))
	requireEvent(t, receipt, s.UnpackTreasuryUpdatedEvent, staking.ThemisStakingTreasuryUpdated{
		PreviousTreasury: e.treasury.addr, NewTreasury: e.carol.addr,
	})
	require.Equal(t, e.carol.addr, call(e, e.stakingC, s.PackTreasury(), s.UnpackTreasury))
}

func TestStakingWhitelist(t *testing.T) {
	e := newEnv(t)
	s := e.staking
	e.expectStakingRevert(e.alice, s.PackSetWhitelist(e.carol.addr, true), &staking.ThemisStakingNotOwner{Caller: e.alice.addr})
	e.expectStakingRevert(e.owner, s.PackSetWhitelist(common.Address{}, true), &staking.ThemisStakingZeroAddress{})

	e.approve(e.carol, testMinLock)
	lockCarol := s.PackLock(newSigner("carol").pubkey, testMinLock, e.carol.addr)
	e.expectStakingRevert(e.carol, lockCarol, &staking.ThemisStakingNotWhitelisted{Account: e.carol.addr})

	receipt := e.send(e.owner, e.stakingC, s.PackSetWhitelist(e.carol.addr, true))
	requireEvent(t, receipt, s.UnpackWhitelistUpdatedEvent, staking.ThemisStakingWhitelistUpdated{Account: e.carol.addr, Allowed: true})
	require.True(t, call(e, e.stakingC, s.PackWhitelisted(e.carol.addr), s.UnpackWhitelisted))
	e.send(e.carol, e.stakingC, lockCarol)

	// Removal stops new locks only; carol's running sequencer is untouched.
	receipt = e.send(e.owner, e.stakingC, s.PackSetWhitelist(e.bob.addr, false))
	requireEvent(t, receipt, s.UnpackWhitelistUpdatedEvent, staking.ThemisStakingWhitelistUpdated{Account: e.bob.addr, Allowed: false})
	e.approve(e.bob, testMinLock)
	e.expectStakingRevert(e.bob, s.PackLock(newSigner("bob").pubkey, testMinLock, e.bob.addr),
		&staking.ThemisStakingNotWhitelisted{Account: e.bob.addr})
}

func TestStakingSetLockLimits(t *testing.T) {
	e := newEnv(t)
	s := e.staking
	e.expectStakingRevert(e.alice, s.PackSetLockLimits(tokens(1), tokens(2)), &staking.ThemisStakingNotOwner{Caller: e.alice.addr})
	e.expectStakingRevert(e.owner, s.PackSetLockLimits(big.NewInt(0), tokens(2)),
		&staking.ThemisStakingInvalidLockLimits{MinLock: big.NewInt(0), MaxLock: tokens(2)})
	e.expectStakingRevert(e.owner, s.PackSetLockLimits(tokens(3), tokens(2)),
		&staking.ThemisStakingInvalidLockLimits{MinLock: tokens(3), MaxLock: tokens(2)})

	// min == max is a fixed-size lock.
	receipt := e.send(e.owner, e.stakingC, s.PackSetLockLimits(tokens(5), tokens(5)))
	requireEvent(t, receipt, s.UnpackLockLimitsUpdatedEvent, staking.ThemisStakingLockLimitsUpdated{MinLock: tokens(5), MaxLock: tokens(5)})
	require.Equal(t, tokens(5), call(e, e.stakingC, s.PackMinLock(), s.UnpackMinLock))
	require.Equal(t, tokens(5), call(e, e.stakingC, s.PackMaxLock(), s.UnpackMaxLock))
	e.approve(e.alice, tokens(6))
	e.expectStakingRevert(e.alice, s.PackLock(newSigner("a").pubkey, tokens(6), e.alice.addr),
		&staking.ThemisStakingLockAmountOutOfRange{Amount: tokens(6), MinLock: tokens(5), MaxLock: tokens(5)})
	e.send(e.alice, e.stakingC, s.PackLock(newSigner("a").pubkey, tokens(5), e.alice.addr))
}

func TestStakingSetExitDelay(t *testing.T) {
	e := newEnv(t)
	s := e.staking
	maxDelay := big.NewInt(365 * 24 * 3600)
	e.expectStakingRevert(e.alice, s.PackSetExitDelay(big.NewInt(1)), &staking.ThemisStakingNotOwner{Caller: e.alice.addr})
	tooLong := new(big.Int).Add(maxDelay, big.NewInt(1))
	e.expectStakingRevert(e.owner, s.PackSetExitDelay(tooLong),
		&staking.ThemisStakingExitDelayTooLong{ExitDelay: tooLong, MaxExitDelay: maxDelay})

	receipt := e.send(e.owner, e.stakingC, s.PackSetExitDelay(maxDelay))
	requireEvent(t, receipt, s.UnpackExitDelayUpdatedEvent, staking.ThemisStakingExitDelayUpdated{ExitDelay: maxDelay})
	receipt = e.send(e.owner, e.stakingC, s.PackSetExitDelay(big.NewInt(0)))
	requireEvent(t, receipt, s.UnpackExitDelayUpdatedEvent, staking.ThemisStakingExitDelayUpdated{ExitDelay: big.NewInt(0)})
	require.Zero(t, call(e, e.stakingC, s.PackExitDelay(), s.UnpackExitDelay).Sign())

	// With no delay, an unlock can be claimed in the next block.
	id, _ := e.lock(e.alice, newSigner("a"), testMinLock)
	e.send(e.alice, e.stakingC, s.PackInitiateUnlock(id))
	e.send(e.alice, e.stakingC, s.PackClaimUnlock(id))
}

func TestStakingPause(t *testing.T) {
	e := newEnv(t)
	s := e.staking
	id, _ := e.lock(e.alice, newSigner("a"), testMinLock)
	e.fundRewards(tokens(10))
	e.send(e.pool, e.stakingC, s.PackSubmitRewardBatch(big.NewInt(1), []*big.Int{id}, []*big.Int{tokens(1)}))

	e.expectStakingRevert(e.alice, s.PackPause(), &staking.ThemisStakingNotOwner{Caller: e.alice.addr})
	e.expectStakingRevert(e.owner, s.PackUnpause(), &staking.ThemisStakingContractNotPaused{})
	receipt := e.send(e.owner, e.stakingC, s.PackPause())
	requireEvent(t, receipt, s.UnpackPausedEvent, staking.ThemisStakingPaused{Account: e.owner.addr})
	require.True(t, call(e, e.stakingC, s.PackPaused(), s.UnpackPaused))
	e.expectStakingRevert(e.owner, s.PackPause(), &staking.ThemisStakingContractPaused{})

	// Every operator action that moves or re-keys a lock stops...
	paused := &staking.ThemisStakingContractPaused{}
	e.approve(e.bob, testMaxLock)
	e.expectStakingRevert(e.bob, s.PackLock(newSigner("b").pubkey, testMinLock, e.bob.addr), paused)
	e.expectStakingRevert(e.alice, s.PackRelock(id, tokens(1)), paused)
	e.expectStakingRevert(e.alice, s.PackWithdraw(id, tokens(1)), paused)
	e.expectStakingRevert(e.alice, s.PackInitiateUnlock(id), paused)
	e.expectStakingRevert(e.alice, s.PackClaimUnlock(id), paused)
	e.expectStakingRevert(e.alice, s.PackUpdateSigner(id, newSigner("a2").pubkey), paused)
	e.expectStakingRevert(e.alice, s.PackWithdrawRewards(id), paused)
	// ...while the pool keeps slashing and paying, and bookkeeping stays open.
	e.send(e.alice, e.stakingC, s.PackSetRewardRecipient(id, e.carol.addr))
	e.fundRewards(tokens(1))
	e.send(e.pool, e.stakingC, s.PackSubmitRewardBatch(big.NewInt(2), []*big.Int{id}, []*big.Int{tokens(1)}))
	e.send(e.pool, e.stakingC, s.PackSlash(id, tokens(1), 1, offence("paused")))

	e.expectStakingRevert(e.alice, s.PackUnpause(), &staking.ThemisStakingNotOwner{Caller: e.alice.addr})
	receipt = e.send(e.owner, e.stakingC, s.PackUnpause())
	requireEvent(t, receipt, s.UnpackUnpausedEvent, staking.ThemisStakingUnpaused{Account: e.owner.addr})
	require.False(t, call(e, e.stakingC, s.PackPaused(), s.UnpackPaused))
	e.send(e.alice, e.stakingC, s.PackWithdrawRewards(id))
}

func TestStakingFundRewards(t *testing.T) {
	e := newEnv(t)
	s := e.staking
	e.expectStakingRevert(e.carol, s.PackFundRewards(big.NewInt(0)), &staking.ThemisStakingZeroAmount{})
	// Without an allowance the token's own reason comes through.
	data := e.revertData(e.carol, e.stakingC, s.PackFundRewards(tokens(2)))
	requireRevert(t, data, e.token.UnpackError,
		&testtoken.TestTokenInsufficientAllowance{Spender: e.deployment.Staking, Allowance: big.NewInt(0), Needed: tokens(2)})

	// Anyone may fund.
	e.approve(e.carol, tokens(5))
	receipt := e.send(e.carol, e.stakingC, s.PackFundRewards(tokens(2)))
	requireEvent(t, receipt, s.UnpackRewardsFundedEvent, staking.ThemisStakingRewardsFunded{
		Funder: e.carol.addr, Amount: tokens(2), Reserve: tokens(2),
	})
	receipt = e.send(e.carol, e.stakingC, s.PackFundRewards(tokens(3)))
	requireEvent(t, receipt, s.UnpackRewardsFundedEvent, staking.ThemisStakingRewardsFunded{
		Funder: e.carol.addr, Amount: tokens(3), Reserve: tokens(5),
	})
	require.Equal(t, tokens(5), call(e, e.stakingC, s.PackRewardReserve(), s.UnpackRewardReserve))
	require.Equal(t, tokens(5), e.tokenBalance(e.deployment.Staking))
	require.Equal(t, new(big.Int).Sub(startingTokens, tokens(5)), e.tokenBalance(e.carol.addr))
}

// A token address without code must not count as a successful transfer.
func TestStakingTokenWithoutCode(t *testing.T) {
	e := newBareEnv(t)
	s := e.staking
	input := s.PackConstructor(e.carol.addr, e.treasury.addr, testMinLock, testMaxLock, big.NewInt(0))
	addr, tx, err := bind.DeployContract(e.opts(e.owner), common.FromHex(staking.ThemisStakingMetaData.Bin), e.client, input)
	require.NoError(t, err)
	e.mine(tx)
	e.stakingC = s.Instance(e.client, addr)
	e.expectStakingRevert(e.alice, s.PackFundRewards(big.NewInt(1)), &staking.ThemisStakingTokenTransferFailed{Token: e.carol.addr})
}
