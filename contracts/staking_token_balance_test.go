package contracts_test

import (
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/contracts/bindings/staking"
)

// newStakingOnToken deploys a ThemisStaking for token (min lock 1 wei) directly, outside
// contracts.Deploy, and whitelists alice. The env's token helpers use the TestToken ABI,
// which every token these tests deploy shares.
func newStakingOnToken(e *env, token common.Address) {
	e.t.Helper()
	input := e.staking.PackConstructor(token, e.treasury.addr, big.NewInt(1), testMaxLock,
		big.NewInt(minExitDelay), big.NewInt(maxBootstrap))
	e.useStaking(e.deployRaw(staking.ThemisStakingMetaData.Bin, input), token)
	e.send(e.owner, e.stakingC, e.staking.PackSetWhitelist(e.alice.addr, true))
}

// newFeeTokenEnv is a chain with a FeeOnTransferToken taking feeBasisPoints of every
// transfer as the staking token; alice is whitelisted and holds startingTokens.
func newFeeTokenEnv(t *testing.T, feeBasisPoints int64) *env {
	t.Helper()
	e := newBareEnv(t)
	newStakingOnToken(e, deployFeeToken(e, feeBasisPoints).Address())
	return e
}

// Audit point 3: a token that delivers less than the amount asked must not be credited in
// full, or the contract would owe more than it holds and the last to leave would be short.
func TestFeeOnTransferTokenCannotInflateCredit(t *testing.T) {
	e := newFeeTokenEnv(t, 100) // 1%
	s := e.staking
	e.approve(e.alice, startingTokens)
	afterFee := func(amount *big.Int) *big.Int {
		return new(big.Int).Sub(amount, new(big.Int).Div(new(big.Int).Mul(amount, big.NewInt(100)), big.NewInt(10_000)))
	}

	e.expectStakingRevert(e.alice, s.PackFundRewards(tokens(1)),
		&staking.ThemisStakingTransferAmountMismatch{Expected: tokens(1), Received: afterFee(tokens(1))})
	a := newSigner("a")
	e.expectStakingRevert(e.alice, e.packLock(e.alice, a, tokens(1), e.alice.addr),
		&staking.ThemisStakingTransferAmountMismatch{Expected: tokens(1), Received: afterFee(tokens(1))})

	// Below 100 wei the 1% fee rounds to nothing: what arrives is what was asked, so it is
	// credited. That gives a sequencer whose relock can then be tried.
	id, _ := e.lock(e.alice, a, big.NewInt(99))
	e.approve(e.alice, startingTokens)
	e.expectStakingRevert(e.alice, s.PackRelock(id, tokens(1)),
		&staking.ThemisStakingTransferAmountMismatch{Expected: tokens(1), Received: afterFee(tokens(1))})
	e.send(e.alice, e.stakingC, s.PackRelock(id, big.NewInt(99)))
	// A funding is at least one whole token, where the fee always bites.
	e.expectStakingRevert(e.alice, s.PackFundRewards(tokens(1)),
		&staking.ThemisStakingTransferAmountMismatch{Expected: tokens(1), Received: afterFee(tokens(1))})

	require.Equal(t, big.NewInt(198), e.sequencer(id).Locked)
	require.Zero(t, call(e, e.stakingC, s.PackRewardReserve(), s.UnpackRewardReserve).Sign())
	require.Equal(t, big.NewInt(198), e.tokenBalance(e.deployment.Staking), "every credited token is held")
}

// The same token without a fee passes the balance check on every way in.
func TestZeroFeeTokenIsCreditedInFull(t *testing.T) {
	e := newFeeTokenEnv(t, 0)
	s := e.staking
	id, receipt := e.lock(e.alice, newSigner("a"), tokens(100))
	requireEvent(t, receipt, s.UnpackLockedEvent, staking.ThemisStakingLocked{
		SequencerId: id, Owner: e.alice.addr, Signer: newSigner("a").addr, Pubkey: newSigner("a").pubkey,
		Amount: tokens(100), RewardRecipient: e.alice.addr, Nonce: big.NewInt(1),
	})
	e.approve(e.alice, tokens(30))
	e.send(e.alice, e.stakingC, s.PackRelock(id, tokens(10)))
	e.send(e.alice, e.stakingC, s.PackFundRewards(tokens(20)))
	require.Equal(t, tokens(110), e.sequencer(id).Locked)
	require.Equal(t, tokens(20), call(e, e.stakingC, s.PackRewardReserve(), s.UnpackRewardReserve))
	require.Equal(t, tokens(130), e.tokenBalance(e.deployment.Staking))
}

// A token address without code: the balance check cannot even read a balance, so nothing
// is credited.
func TestStakingRefusesTokenWithoutCode(t *testing.T) {
	e := newBareEnv(t)
	newStakingOnToken(e, e.carol.addr)
	_, err := bind.Transact(e.stakingC, e.opts(e.alice), e.staking.PackFundRewards(tokens(1)))
	require.ErrorContains(t, err, "execution reverted")
	data, _ := ethclient.RevertErrorData(err)
	require.Empty(t, data, "an undecodable balanceOf reply reverts without data")
}

// falseTokenCode is the creation code of a contract whose every call returns 32 zero bytes:
// balanceOf is 0 and transfer and transferFrom return false. Runtime: PUSH1 32 PUSH1 0 RETURN.
const falseTokenCode = "6005600c60003960056000f3" + "60206000f3"

// A token that reports failure by returning false is refused, not taken as a transfer.
func TestStakingRefusesTokenReturningFalse(t *testing.T) {
	e := newBareEnv(t)
	token := e.deployRaw(falseTokenCode, nil)
	code, err := e.client.CodeAt(e.ctx, token, nil)
	require.NoError(t, err)
	require.Equal(t, common.FromHex("60206000f3"), code)
	newStakingOnToken(e, token)
	e.expectStakingRevert(e.alice, e.staking.PackFundRewards(tokens(1)), &staking.ThemisStakingTokenTransferFailed{Token: token})
}
