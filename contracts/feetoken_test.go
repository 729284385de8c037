package contracts_test

import (
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/contracts/bindings/feetoken"
)

var deadAddress = common.HexToAddress("0xdead")

// deployFeeToken deploys a FeeOnTransferToken from the owner and mints alice startingTokens.
func deployFeeToken(e *env, feeBasisPoints int64) *bind.BoundContract {
	e.t.Helper()
	f := feetoken.NewFeeOnTransferToken()
	addr := e.deployRaw(feetoken.FeeOnTransferTokenMetaData.Bin, f.PackConstructor("Fee", "FEE", big.NewInt(feeBasisPoints)))
	c := f.Instance(e.client, addr)
	e.send(e.owner, c, f.PackMint(e.alice.addr, startingTokens))
	return c
}

func TestFeeOnTransferTokenBurnsItsFee(t *testing.T) {
	e := newBareEnv(t)
	f := feetoken.NewFeeOnTransferToken()
	c := deployFeeToken(e, 250) // 2.5%
	balance := func(of common.Address) *big.Int { return call(e, c, f.PackBalanceOf(of), f.UnpackBalanceOf) }
	require.Equal(t, big.NewInt(250), call(e, c, f.PackFeeBasisPoints(), f.UnpackFeeBasisPoints))
	require.Equal(t, "Fee", call(e, c, f.PackName(), f.UnpackName))
	require.Equal(t, "FEE", call(e, c, f.PackSymbol(), f.UnpackSymbol))
	require.Equal(t, uint8(18), call(e, c, f.PackDecimals(), f.UnpackDecimals))
	require.Equal(t, e.owner.addr, call(e, c, f.PackOwner(), f.UnpackOwner))

	// A transfer delivers the amount less the fee and burns the fee to 0xdead.
	receipt := e.send(e.alice, c, f.PackTransfer(e.bob.addr, tokens(40)))
	transfers := events(t, receipt, f.UnpackTransferEvent)
	require.Len(t, transfers, 2)
	requireSameEvent(t, feetoken.FeeOnTransferTokenTransfer{From: e.alice.addr, To: e.bob.addr, Value: tokens(39)}, *transfers[0])
	requireSameEvent(t, feetoken.FeeOnTransferTokenTransfer{From: e.alice.addr, To: deadAddress, Value: tokens(1)}, *transfers[1])
	require.Equal(t, tokens(39), balance(e.bob.addr))
	require.Equal(t, tokens(1), balance(deadAddress))
	require.Equal(t, new(big.Int).Sub(startingTokens, tokens(40)), balance(e.alice.addr))

	// transferFrom charges the same fee; the allowance is spent in full.
	receipt = e.send(e.alice, c, f.PackApprove(e.carol.addr, tokens(80)))
	requireEvent(t, receipt, f.UnpackApprovalEvent, feetoken.FeeOnTransferTokenApproval{Owner: e.alice.addr, Spender: e.carol.addr, Value: tokens(80)})
	e.send(e.carol, c, f.PackTransferFrom(e.alice.addr, e.carol.addr, tokens(80)))
	require.Equal(t, tokens(78), balance(e.carol.addr))
	require.Equal(t, tokens(3), balance(deadAddress))
	require.Zero(t, call(e, c, f.PackAllowance(e.alice.addr, e.carol.addr), f.UnpackAllowance).Sign())
	require.Equal(t, startingTokens, call(e, c, f.PackTotalSupply(), f.UnpackTotalSupply), "the fee moves, it is not destroyed")

	// The inherited TestToken errors come through under the fee token's ABI. Sending more
	// than the balance: the amount less the fee still moves, then the fee itself is short.
	data := e.revertData(e.bob, c, f.PackTransfer(e.carol.addr, tokens(40)))
	requireRevert(t, data, f.UnpackError,
		&feetoken.FeeOnTransferTokenInsufficientBalance{Account: e.bob.addr, Balance: big.NewInt(0), Needed: tokens(1)})
	data = e.revertData(e.alice, c, f.PackMint(e.alice.addr, tokens(1)))
	requireRevert(t, data, f.UnpackError, &feetoken.FeeOnTransferTokenNotOwner{Caller: e.alice.addr})
	data = e.revertData(e.carol, c, f.PackTransferFrom(e.alice.addr, e.carol.addr, tokens(1)))
	requireRevert(t, data, f.UnpackError,
		&feetoken.FeeOnTransferTokenInsufficientAllowance{Spender: e.carol.addr, Allowance: big.NewInt(0), Needed: tokens(1)})
	data = e.revertData(e.alice, c, f.PackTransfer(common.Address{}, tokens(1)))
	requireRevert(t, data, f.UnpackError, &feetoken.FeeOnTransferTokenZeroAddress{})
}

func TestFeeOnTransferTokenWithoutFeeIsPlain(t *testing.T) {
	e := newBareEnv(t)
	f := feetoken.NewFeeOnTransferToken()
	c := deployFeeToken(e, 0)
	receipt := e.send(e.alice, c, f.PackTransfer(e.bob.addr, tokens(40)))
	requireEvent(t, receipt, f.UnpackTransferEvent, feetoken.FeeOnTransferTokenTransfer{From: e.alice.addr, To: e.bob.addr, Value: tokens(40)})
	require.Equal(t, tokens(40), call(e, c, f.PackBalanceOf(e.bob.addr), f.UnpackBalanceOf))
}

func TestFeeOnTransferTokenRejectsFeeAboveWholeAmount(t *testing.T) {
	e := newBareEnv(t)
	f := feetoken.NewFeeOnTransferToken()
	data := e.deployRevertData(feetoken.FeeOnTransferTokenMetaData.Bin, f.PackConstructor("Fee", "FEE", big.NewInt(10_001)))
	requireRevert(t, data, f.UnpackError, &feetoken.FeeOnTransferTokenFeeTooHigh{FeeBasisPoints: big.NewInt(10_001)})

	// 100% is allowed: the recipient gets nothing.
	c := deployFeeToken(e, 10_000)
	e.send(e.alice, c, f.PackTransfer(e.bob.addr, tokens(1)))
	require.Zero(t, call(e, c, f.PackBalanceOf(e.bob.addr), f.UnpackBalanceOf).Sign())
	require.Equal(t, tokens(1), call(e, c, f.PackBalanceOf(deadAddress), f.UnpackBalanceOf))
}
