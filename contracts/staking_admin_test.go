package contracts_test

import (
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
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

// configNonce reads the staking contract's configuration nonce.
func (e *env) configNonce() *big.Int {
	e.t.Helper()
	return call(e, e.stakingC, e.staking.PackConfigNonce(), e.staking.UnpackConfigNonce)
}

func TestStakingConstructorStateAndEvents(t *testing.T) {
	e := newEnv(t)
	s, c := e.staking, e.stakingC
	require.Equal(t, e.owner.addr, call(e, c, s.PackOwner(), s.UnpackOwner))
	require.Equal(t, common.Address{}, call(e, c, s.PackPendingOwner(), s.UnpackPendingOwner))
	require.Equal(t, e.treasury.addr, call(e, c, s.PackTreasury(), s.UnpackTreasury))
	require.Equal(t, e.deployment.Token, call(e, c, s.PackToken(), s.UnpackToken))
	require.Equal(t, e.pool.addr, call(e, c, s.PackPoolAddress(), s.UnpackPoolAddress))
	require.Equal(t, common.Address{}, call(e, c, s.PackPendingPoolAddress(), s.UnpackPendingPoolAddress))
	require.Equal(t, testMinLock, call(e, c, s.PackMinLock(), s.UnpackMinLock))
	require.Equal(t, testMaxLock, call(e, c, s.PackMaxLock(), s.UnpackMaxLock))
	require.Equal(t, big.NewInt(testExitDelay), call(e, c, s.PackExitDelay(), s.UnpackExitDelay))
	require.True(t, call(e, c, s.PackBootstrapOpen(), s.UnpackBootstrapOpen))
	require.False(t, call(e, c, s.PackBootstrapEnded(), s.UnpackBootstrapEnded))
	header, err := e.client.HeaderByNumber(e.ctx, new(big.Int).SetUint64(e.deployment.StakingBlock))
	require.NoError(t, err)
	deadline := header.Time + maxBootstrap
	require.Equal(t, deadline, call(e, c, s.PackBootstrapDeadline(), s.UnpackBootstrapDeadline))
	require.False(t, call(e, c, s.PackPaused(), s.UnpackPaused))
	require.Zero(t, call(e, c, s.PackPausedUntil(), s.UnpackPausedUntil))
	require.Equal(t, big.NewInt(7), e.configNonce(), "4 from the constructor, 2 whitelist entries, the pool")
	require.Equal(t, big.NewInt(1), e.nextSequencerID())
	require.Equal(t, big.NewInt(1), call(e, c, s.PackNextEscrowId(), s.UnpackNextEscrowId))
	require.Zero(t, call(e, c, s.PackLastRewardBatch(), s.UnpackLastRewardBatch).Sign())
	require.Zero(t, call(e, c, s.PackRewardReserve(), s.UnpackRewardReserve).Sign())
	require.True(t, call(e, c, s.PackWhitelisted(e.alice.addr), s.UnpackWhitelisted))
	require.False(t, call(e, c, s.PackWhitelisted(e.carol.addr), s.UnpackWhitelisted))

	// The constants.
	require.Equal(t, big.NewInt(64), call(e, c, s.PackPUBKEYLENGTH(), s.UnpackPUBKEYLENGTH))
	require.Equal(t, big.NewInt(65), call(e, c, s.PackSIGNATURELENGTH(), s.UnpackSIGNATURELENGTH))
	require.Equal(t, big.NewInt(365*24*3600), call(e, c, s.PackESCROWPERIOD(), s.UnpackESCROWPERIOD))
	require.Equal(t, big.NewInt(maxExitDelay), call(e, c, s.PackMAXEXITDELAY(), s.UnpackMAXEXITDELAY))
	require.Equal(t, big.NewInt(minExitDelay), call(e, c, s.PackMINEXITDELAY(), s.UnpackMINEXITDELAY))
	require.Equal(t, big.NewInt(maxBootstrap), call(e, c, s.PackMAXBOOTSTRAPPERIOD(), s.UnpackMAXBOOTSTRAPPERIOD))
	require.Equal(t, big.NewInt(maxPauseDuration), call(e, c, s.PackMAXPAUSEDURATION(), s.UnpackMAXPAUSEDURATION))
	require.Equal(t, uint8(1), call(e, c, s.PackSEVERITYMEDIUM(), s.UnpackSEVERITYMEDIUM))
	require.Equal(t, uint8(2), call(e, c, s.PackSEVERITYHIGH(), s.UnpackSEVERITYHIGH))
	require.Equal(t, uint8(3), call(e, c, s.PackSEVERITYCRITICAL(), s.UnpackSEVERITYCRITICAL))
	require.Equal(t, crypto.Keccak256Hash([]byte("ThemisStaking.SignerKeyProof.v1")),
		common.Hash(call(e, c, s.PackSIGNERPROOFTAG(), s.UnpackSIGNERPROOFTAG)))

	// The constructor announces the bootstrap (owner and deadline) first, then every initial
	// setting, numbered 1 to 4; Deploy's whitelist entries and the pool's acceptance follow.
	owners := filterAll(e, s.UnpackOwnershipTransferredEvent)
	require.Len(t, owners, 1)
	requireSameEvent(t, staking.ThemisStakingOwnershipTransferred{NewOwner: e.owner.addr}, *owners[0])
	started := filterAll(e, s.UnpackBootstrapStartedEvent)
	require.Len(t, started, 1)
	requireSameEvent(t, staking.ThemisStakingBootstrapStarted{Owner: e.owner.addr, Deadline: deadline, ConfigNonce: big.NewInt(1)}, *started[0])
	require.Equal(t, e.deployment.StakingBlock, started[0].Raw.BlockNumber, "emitted by the constructor")
	treasuries := filterAll(e, s.UnpackTreasuryUpdatedEvent)
	require.Len(t, treasuries, 1)
	requireSameEvent(t, staking.ThemisStakingTreasuryUpdated{NewTreasury: e.treasury.addr, ConfigNonce: big.NewInt(2)}, *treasuries[0])
	require.Less(t, started[0].Raw.Index, treasuries[0].Raw.Index, "BootstrapStarted comes before every setting")
	limits := filterAll(e, s.UnpackLockLimitsUpdatedEvent)
	require.Len(t, limits, 1)
	requireSameEvent(t, staking.ThemisStakingLockLimitsUpdated{MinLock: testMinLock, MaxLock: testMaxLock, ConfigNonce: big.NewInt(3)}, *limits[0])
	delays := filterAll(e, s.UnpackExitDelayUpdatedEvent)
	require.Len(t, delays, 1)
	requireSameEvent(t, staking.ThemisStakingExitDelayUpdated{ExitDelay: big.NewInt(testExitDelay), ConfigNonce: big.NewInt(4)}, *delays[0])
	whitelisted := filterAll(e, s.UnpackWhitelistUpdatedEvent)
	require.Len(t, whitelisted, 2)
	requireSameEvent(t, staking.ThemisStakingWhitelistUpdated{Account: e.alice.addr, Allowed: true, ConfigNonce: big.NewInt(5)}, *whitelisted[0])
	requireSameEvent(t, staking.ThemisStakingWhitelistUpdated{Account: e.bob.addr, Allowed: true, ConfigNonce: big.NewInt(6)}, *whitelisted[1])
	proposals := filterAll(e, s.UnpackPoolAddressProposedEvent)
	require.Len(t, proposals, 1)
	requireSameEvent(t, staking.ThemisStakingPoolAddressProposed{ProposedPool: e.pool.addr, ProposedBy: e.owner.addr}, *proposals[0])
	pools := filterAll(e, s.UnpackPoolAddressUpdatedEvent)
	require.Len(t, pools, 1)
	requireSameEvent(t, staking.ThemisStakingPoolAddressUpdated{NewPool: e.pool.addr, ConfigNonce: big.NewInt(7)}, *pools[0])
}

func TestStakingConstructorReverts(t *testing.T) {
	e := newEnv(t)
	s := e.staking
	token, treasury := e.deployment.Token, e.treasury.addr
	delay, bootstrap := big.NewInt(testExitDelay), big.NewInt(maxBootstrap)
	deployReverts := func(input []byte, want any) {
		t.Helper()
		requireRevert(t, e.deployRevertData(staking.ThemisStakingMetaData.Bin, input), s.UnpackError, normalize(want))
	}
	deployReverts(s.PackConstructor(common.Address{}, treasury, testMinLock, testMaxLock, delay, bootstrap), &staking.ThemisStakingZeroAddress{})
	deployReverts(s.PackConstructor(token, common.Address{}, testMinLock, testMaxLock, delay, bootstrap), &staking.ThemisStakingZeroAddress{})
	deployReverts(s.PackConstructor(token, treasury, big.NewInt(0), testMaxLock, delay, bootstrap),
		&staking.ThemisStakingInvalidLockLimits{MinLock: big.NewInt(0), MaxLock: testMaxLock})
	deployReverts(s.PackConstructor(token, treasury, testMaxLock, testMinLock, delay, bootstrap),
		&staking.ThemisStakingInvalidLockLimits{MinLock: testMaxLock, MaxLock: testMinLock})
	// The exit-delay and bootstrap bounds: TestExitDelayCannotLeaveItsBounds and
	// TestConstructorRejectsBootstrapLongerThanMax.
}

func TestStakingSetTreasury(t *testing.T) {
	e := newEnv(t)
	s := e.staking
	e.expectStakingRevert(e.alice, s.PackSetTreasury(e.alice.addr), &staking.ThemisStakingNotAdmin{Caller: e.alice.addr})
	e.expectStakingRevert(e.owner, s.PackSetTreasury(common.Address{}), &staking.ThemisStakingZeroAddress{})
	receipt := e.send(e.owner, e.stakingC, s.PackSetTreasury(e.carol.addr))
	requireEvent(t, receipt, s.UnpackTreasuryUpdatedEvent, staking.ThemisStakingTreasuryUpdated{
		PreviousTreasury: e.treasury.addr, NewTreasury: e.carol.addr, ConfigNonce: big.NewInt(8),
	})
	require.Equal(t, e.carol.addr, call(e, e.stakingC, s.PackTreasury(), s.UnpackTreasury))
}

func TestStakingWhitelist(t *testing.T) {
	e := newEnv(t)
	s := e.staking
	e.expectStakingRevert(e.alice, s.PackSetWhitelist(e.carol.addr, true), &staking.ThemisStakingNotAdmin{Caller: e.alice.addr})
	e.expectStakingRevert(e.owner, s.PackSetWhitelist(common.Address{}, true), &staking.ThemisStakingZeroAddress{})

	e.approve(e.carol, testMinLock)
	carol := newSigner("carol")
	e.expectStakingRevert(e.carol, e.packLock(e.carol, carol, testMinLock, e.carol.addr),
		&staking.ThemisStakingNotWhitelisted{Account: e.carol.addr})

	receipt := e.send(e.owner, e.stakingC, s.PackSetWhitelist(e.carol.addr, true))
	requireEvent(t, receipt, s.UnpackWhitelistUpdatedEvent, staking.ThemisStakingWhitelistUpdated{
		Account: e.carol.addr, Allowed: true, ConfigNonce: big.NewInt(8),
	})
	require.True(t, call(e, e.stakingC, s.PackWhitelisted(e.carol.addr), s.UnpackWhitelisted))
	e.send(e.carol, e.stakingC, e.packLock(e.carol, carol, testMinLock, e.carol.addr))

	// Removal stops new locks only; carol's running sequencer is untouched.
	receipt = e.send(e.pool, e.stakingC, s.PackSetWhitelist(e.bob.addr, false))
	requireEvent(t, receipt, s.UnpackWhitelistUpdatedEvent, staking.ThemisStakingWhitelistUpdated{
		Account: e.bob.addr, Allowed: false, ConfigNonce: big.NewInt(9),
	})
	e.approve(e.bob, testMinLock)
	e.expectStakingRevert(e.bob, e.packLock(e.bob, newSigner("bob"), testMinLock, e.bob.addr),
		&staking.ThemisStakingNotWhitelisted{Account: e.bob.addr})
}

func TestStakingSetLockLimits(t *testing.T) {
	e := newEnv(t)
	s := e.staking
	e.expectStakingRevert(e.alice, s.PackSetLockLimits(tokens(1), tokens(2)), &staking.ThemisStakingNotAdmin{Caller: e.alice.addr})
	e.expectStakingRevert(e.owner, s.PackSetLockLimits(big.NewInt(0), tokens(2)),
		&staking.ThemisStakingInvalidLockLimits{MinLock: big.NewInt(0), MaxLock: tokens(2)})
	e.expectStakingRevert(e.owner, s.PackSetLockLimits(tokens(3), tokens(2)),
		&staking.ThemisStakingInvalidLockLimits{MinLock: tokens(3), MaxLock: tokens(2)})

	// min == max is allowed.
	receipt := e.send(e.owner, e.stakingC, s.PackSetLockLimits(tokens(5), tokens(5)))
	requireEvent(t, receipt, s.UnpackLockLimitsUpdatedEvent, staking.ThemisStakingLockLimitsUpdated{
		MinLock: tokens(5), MaxLock: tokens(5), ConfigNonce: big.NewInt(8),
	})
	require.Equal(t, tokens(5), call(e, e.stakingC, s.PackMinLock(), s.UnpackMinLock))
	require.Equal(t, tokens(5), call(e, e.stakingC, s.PackMaxLock(), s.UnpackMaxLock))
	e.approve(e.alice, tokens(5))
	e.send(e.alice, e.stakingC, e.packLock(e.alice, newSigner("a"), tokens(5), e.alice.addr))
}

func TestStakingSetExitDelay(t *testing.T) {
	e := newEnv(t)
	s := e.staking
	e.expectStakingRevert(e.alice, s.PackSetExitDelay(big.NewInt(minExitDelay)), &staking.ThemisStakingNotAdmin{Caller: e.alice.addr})

	receipt := e.send(e.owner, e.stakingC, s.PackSetExitDelay(big.NewInt(maxExitDelay)))
	requireEvent(t, receipt, s.UnpackExitDelayUpdatedEvent, staking.ThemisStakingExitDelayUpdated{
		ExitDelay: big.NewInt(maxExitDelay), ConfigNonce: big.NewInt(8),
	})
	receipt = e.send(e.pool, e.stakingC, s.PackSetExitDelay(big.NewInt(minExitDelay)))
	requireEvent(t, receipt, s.UnpackExitDelayUpdatedEvent, staking.ThemisStakingExitDelayUpdated{
		ExitDelay: big.NewInt(minExitDelay), ConfigNonce: big.NewInt(9),
	})
	require.Equal(t, big.NewInt(minExitDelay), call(e, e.stakingC, s.PackExitDelay(), s.UnpackExitDelay))
}

func TestStakingFundRewards(t *testing.T) {
	e := newEnv(t)
	s := e.staking
	e.expectStakingRevert(e.carol, s.PackFundRewards(big.NewInt(0)), &staking.ThemisStakingFundingTooSmall{Amount: big.NewInt(0), Minimum: tokens(1)})
	dust := new(big.Int).Sub(tokens(1), big.NewInt(1))
	e.expectStakingRevert(e.carol, s.PackFundRewards(dust), &staking.ThemisStakingFundingTooSmall{Amount: dust, Minimum: tokens(1)})
	// Without an allowance the token's own reason comes through.
	data := e.revertData(e.carol, e.stakingC, s.PackFundRewards(tokens(2)))
	requireRevert(t, data, e.token.UnpackError,
		&testtoken.TestTokenInsufficientAllowance{Spender: e.deployment.Staking, Allowance: big.NewInt(0), Needed: tokens(2)})

	// Anyone may fund.
	e.approve(e.carol, tokens(5))
	receipt := e.send(e.carol, e.stakingC, s.PackFundRewards(tokens(2)))
	requireEvent(t, receipt, s.UnpackRewardsFundedEvent, staking.ThemisStakingRewardsFunded{
		Funder: e.carol.addr, Amount: tokens(2), Reserve: tokens(2), LedgerNonce: big.NewInt(1),
	})
	receipt = e.send(e.carol, e.stakingC, s.PackFundRewards(tokens(3)))
	requireEvent(t, receipt, s.UnpackRewardsFundedEvent, staking.ThemisStakingRewardsFunded{
		Funder: e.carol.addr, Amount: tokens(3), Reserve: tokens(5), LedgerNonce: big.NewInt(2),
	})
	require.Equal(t, big.NewInt(2), call(e, e.stakingC, s.PackLedgerNonce(), s.UnpackLedgerNonce))
	require.Equal(t, tokens(5), call(e, e.stakingC, s.PackRewardReserve(), s.UnpackRewardReserve))
	require.Equal(t, tokens(5), e.tokenBalance(e.deployment.Staking))
	require.Equal(t, new(big.Int).Sub(startingTokens, tokens(5)), e.tokenBalance(e.carol.addr))
}
