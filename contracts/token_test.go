package contracts_test

import (
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/contracts"
	"github.com/themis-network/themis/contracts/bindings/testtoken"
)

func TestTokenMetadataAndMint(t *testing.T) {
	e := newEnv(t)
	require.Equal(t, contracts.DefaultTokenName, call(e, e.tokenC, e.token.PackName(), e.token.UnpackName))
	require.Equal(t, contracts.DefaultTokenSymbol, call(e, e.tokenC, e.token.PackSymbol(), e.token.UnpackSymbol))
	require.Equal(t, uint8(18), call(e, e.tokenC, e.token.PackDecimals(), e.token.UnpackDecimals))
	require.Equal(t, e.owner.addr, call(e, e.tokenC, e.token.PackOwner(), e.token.UnpackOwner))
	supply := new(big.Int).Mul(startingTokens, big.NewInt(4)) // four allocations in newEnv
	require.Equal(t, supply, call(e, e.tokenC, e.token.PackTotalSupply(), e.token.UnpackTotalSupply))

	receipt := e.send(e.owner, e.tokenC, e.token.PackMint(e.carol.addr, tokens(5)))
	requireEvent(t, receipt, e.token.UnpackTransferEvent, testtoken.TestTokenTransfer{
		From: common.Address{}, To: e.carol.addr, Value: tokens(5),
	})
	require.Equal(t, new(big.Int).Add(startingTokens, tokens(5)), e.tokenBalance(e.carol.addr))
	require.Equal(t, new(big.Int).Add(supply, tokens(5)),
		call(e, e.tokenC, e.token.PackTotalSupply(), e.token.UnpackTotalSupply))

	e.expectTokenRevert(e.alice, e.token.PackMint(e.alice.addr, tokens(1)), &testtoken.TestTokenNotOwner{Caller: e.alice.addr})
	e.expectTokenRevert(e.owner, e.token.PackMint(common.Address{}, tokens(1)), &testtoken.TestTokenZeroAddress{})
}

func TestTokenTransfer(t *testing.T) {
	e := newEnv(t)
	receipt := e.send(e.alice, e.tokenC, e.token.PackTransfer(e.bob.addr, tokens(3)))
	requireEvent(t, receipt, e.token.UnpackTransferEvent, testtoken.TestTokenTransfer{
		From: e.alice.addr, To: e.bob.addr, Value: tokens(3),
	})
	require.Equal(t, new(big.Int).Sub(startingTokens, tokens(3)), e.tokenBalance(e.alice.addr))
	require.Equal(t, new(big.Int).Add(startingTokens, tokens(3)), e.tokenBalance(e.bob.addr))

	e.expectTokenRevert(e.treasury, e.token.PackTransfer(e.bob.addr, big.NewInt(1)),
		&testtoken.TestTokenInsufficientBalance{Account: e.treasury.addr, Balance: big.NewInt(0), Needed: big.NewInt(1)})
	e.expectTokenRevert(e.alice, e.token.PackTransfer(common.Address{}, big.NewInt(1)), &testtoken.TestTokenZeroAddress{})
}

func TestTokenApproveAndTransferFrom(t *testing.T) {
	e := newEnv(t)
	allowance := func() *big.Int {
		return call(e, e.tokenC, e.token.PackAllowance(e.alice.addr, e.bob.addr), e.token.UnpackAllowance)
	}
	receipt := e.send(e.alice, e.tokenC, e.token.PackApprove(e.bob.addr, tokens(10)))
	requireEvent(t, receipt, e.token.UnpackApprovalEvent, testtoken.TestTokenApproval{
		Owner: e.alice.addr, Spender: e.bob.addr, Value: tokens(10),
	})
	require.Equal(t, tokens(10), allowance())

	e.expectTokenRevert(e.bob, e.token.PackTransferFrom(e.alice.addr, e.carol.addr, tokens(11)),
		&testtoken.TestTokenInsufficientAllowance{Spender: e.bob.addr, Allowance: tokens(10), Needed: tokens(11)})

	receipt = e.send(e.bob, e.tokenC, e.token.PackTransferFrom(e.alice.addr, e.carol.addr, tokens(4)))
	requireEvent(t, receipt, e.token.UnpackTransferEvent, testtoken.TestTokenTransfer{
		From: e.alice.addr, To: e.carol.addr, Value: tokens(4),
	})
	require.Equal(t, tokens(6), allowance())
	require.Equal(t, new(big.Int).Add(startingTokens, tokens(4)), e.tokenBalance(e.carol.addr))

	// An unlimited allowance is never used up, but the balance still bounds the transfer.
	unlimited := new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1))
	e.send(e.alice, e.tokenC, e.token.PackApprove(e.bob.addr, unlimited))
	e.send(e.bob, e.tokenC, e.token.PackTransferFrom(e.alice.addr, e.carol.addr, tokens(1)))
	require.Equal(t, unlimited, allowance())
	balance := e.tokenBalance(e.alice.addr)
	e.expectTokenRevert(e.bob, e.token.PackTransferFrom(e.alice.addr, e.carol.addr, new(big.Int).Add(balance, big.NewInt(1))),
		&testtoken.TestTokenInsufficientBalance{Account: e.alice.addr, Balance: balance, Needed: new(big.Int).Add(balance, big.NewInt(1))})
	e.expectTokenRevert(e.bob, e.token.PackTransferFrom(e.alice.addr, common.Address{}, big.NewInt(1)), &testtoken.TestTokenZeroAddress{})

	e.expectTokenRevert(e.alice, e.token.PackApprove(common.Address{}, big.NewInt(1)), &testtoken.TestTokenZeroAddress{})
}
