package contracts_test

import (
	"fmt"
	"math/big"
	"testing"
	"time"

	"cosmossdk.io/math"
	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/stretchr/testify/require"

	slashingtypes "github.com/themis-network/themis/x/slashing/types"
)

// sendAction sends the pool's call of an x/slashing L1 action (as the write-back
// builds it) and requires it to succeed within its gas limit with 25% headroom.
func (e *env) sendAction(a slashingtypes.L1Action) *types.Receipt {
	e.t.Helper()
	call, err := a.L1Call(e.deployment.Staking)
	require.NoError(e.t, err)
	opts := e.opts(e.pool)
	opts.GasLimit = call.Gas
	tx, err := bind.Transact(e.stakingC, opts, call.Data)
	require.NoError(e.t, err)
	receipt := e.mine(tx)
	require.LessOrEqual(e.t, receipt.GasUsed*5/4, call.Gas, "%s: %d gas used, limit %d", a.Kind, receipt.GasUsed, call.Gas)
	e.t.Logf("%s: %d gas (limit %d)", a.Kind, receipt.GasUsed, call.Gas)
	return receipt
}

// dryRun is a validator's dry run of the action's call from the pool (eth_call at
// the head) and the refusal the chain would make of it; ok if it passes.
func (e *env) dryRun(a slashingtypes.L1Action) (slashingtypes.Refusal, bool) {
	e.t.Helper()
	call, err := a.L1Call(e.deployment.Staking)
	require.NoError(e.t, err)
	_, err = e.client.CallContract(e.ctx, ethereum.CallMsg{From: e.pool.addr, To: &call.To, Gas: call.Gas, Data: call.Data}, nil)
	if err == nil {
		return slashingtypes.Refusal{}, true
	}
	data, ok := ethclient.RevertErrorData(err)
	require.True(e.t, ok, "a revert with data: %v", err)
	require.GreaterOrEqual(e.t, len(data), 4)
	return slashingtypes.ClassifyRefusal(data[:4]), false
}

func slashAction(id *big.Int, amount *big.Int, offenceNumber uint64) slashingtypes.L1Action {
	return slashingtypes.L1Action{Id: offenceNumber, Kind: slashingtypes.L1_ACTION_KIND_SLASH, Slash: &slashingtypes.SlashAction{
		SequencerId: id.Uint64(), Amount: math.NewIntFromBigInt(amount), Severity: slashingtypes.SEVERITY_MEDIUM,
		OffenceId: slashingtypes.L1OffenceID("themis-test", offenceNumber),
	}}
}

func escrowAction(kind slashingtypes.L1ActionKind, escrowID uint64) slashingtypes.L1Action {
	return slashingtypes.L1Action{Id: 100 + escrowID, Kind: kind, Escrow: &slashingtypes.EscrowAction{OffenceId: 1, SequencerId: 1, EscrowId: escrowID, Amount: math.NewInt(1)}}
}

// The pool's calls for x/slashing's actions, on the real contract: each fits its gas
// limit; the dry runs the chain tallies name the contract's errors, and the chain
// parks only on the ones no later L1 state undoes (already slashed, escrow settled)
// and holds on the others (not yet releasable, reserve too low).
func TestSlashingActionsOnTheContract(t *testing.T) {
	e := newEnv(t)
	id, _ := e.lock(e.alice, newSigner("a"), tokens(320))
	slash := slashAction(id, tokens(20), 1)
	_, ok := e.dryRun(slash)
	require.True(t, ok)
	e.sendAction(slash)
	r, ok := e.dryRun(slash)
	require.False(t, ok)
	require.Equal(t, slashingtypes.Refusal{Error: "OffenceAlreadySlashed", ForGood: true}, r)

	release := escrowAction(slashingtypes.L1_ACTION_KIND_RELEASE_ESCROW, 1)
	r, _ = e.dryRun(release)
	require.Equal(t, slashingtypes.Refusal{Error: "EscrowNotReleasable"}, r, "held, not parked: the year is not over")

	refund := escrowAction(slashingtypes.L1_ACTION_KIND_REFUND_ESCROW, 1)
	e.sendAction(refund)
	r, _ = e.dryRun(refund)
	require.Equal(t, slashingtypes.Refusal{Error: "EscrowSettled", ForGood: true}, r)
	r, _ = e.dryRun(escrowAction(slashingtypes.L1_ACTION_KIND_REFUND_ESCROW, 9))
	require.Equal(t, slashingtypes.Refusal{Error: "UnknownEscrow"}, r, "held: a dry run read before the escrow's block")

	e.sendAction(slashAction(id, tokens(10), 2))
	e.advance(escrowPeriod + day)
	e.sendAction(escrowAction(slashingtypes.L1_ACTION_KIND_RELEASE_ESCROW, 2))
}

// The pool's reward batch for 100 sequencers (types.MaxPaymentsPerBatch) fits its
// gas limit and one L1 transaction; its gas is the figure BENCHMARKS.md records. An
// underfunded reserve refuses it with an error the chain holds on, never parks.
func TestRewardBatchOf100Sequencers(t *testing.T) {
	if testing.Short() {
		t.Skip("locks 100 sequencers")
	}
	e := newEnv(t)
	const n = slashingtypes.MaxPaymentsPerBatch
	ids := e.lockMany(n)
	batch := &slashingtypes.RewardBatchAction{BatchId: 1}
	total := new(big.Int)
	for i, id := range ids {
		amount := tokens(int64(1 + i%7))
		total.Add(total, amount)
		batch.Payments = append(batch.Payments, slashingtypes.RewardPayment{SequencerId: id.Uint64(), Amount: math.NewIntFromBigInt(amount)})
	}
	action := slashingtypes.L1Action{Id: 1, Kind: slashingtypes.L1_ACTION_KIND_REWARD_BATCH, RewardBatch: batch}
	r, ok := e.dryRun(action)
	require.False(t, ok)
	require.Equal(t, slashingtypes.Refusal{Error: "InsufficientRewardReserve"}, r, "held, not parked, until the reserve is funded")
	e.fundRewards(total)
	_, ok = e.dryRun(action)
	require.True(t, ok)
	started := time.Now()
	receipt := e.sendAction(action)
	t.Logf("reward batch of %d payments: %d gas (limit %d), %s to send and mine on the simulated L1", n, receipt.GasUsed,
		slashingtypes.RewardBatchBaseGas+slashingtypes.RewardBatchGasPerPayment*n, time.Since(started))
	r, _ = e.dryRun(action)
	require.Equal(t, "UnexpectedRewardBatch", r.Error, "a batch applies once")
}

// lockMany locks n sequencers of n new owners (funded, whitelisted, 100 tokens each).
func (e *env) lockMany(n int) []*big.Int {
	e.t.Helper()
	var ids []*big.Int
	for i := range n {
		owner := newAccount(fmt.Sprintf("reward batch owner %d", i))
		e.sendETH(e.owner, owner, new(big.Int).Div(ether, big.NewInt(20)))
		e.send(e.owner, e.stakingC, e.staking.PackSetWhitelist(owner.addr, true))
		e.send(e.alice, e.tokenC, e.token.PackTransfer(owner.addr, testMinLock))
		id, _ := e.lock(owner, newSigner(fmt.Sprintf("reward batch %d", i)), testMinLock)
		ids = append(ids, id)
	}
	return ids
}

// sendETH moves amount of ether from one account to another.
func (e *env) sendETH(from, to account, amount *big.Int) {
	e.t.Helper()
	nonce, err := e.client.PendingNonceAt(e.ctx, from.addr)
	require.NoError(e.t, err)
	tip, err := e.client.SuggestGasTipCap(e.ctx)
	require.NoError(e.t, err)
	head, err := e.client.HeaderByNumber(e.ctx, nil)
	require.NoError(e.t, err)
	feeCap := new(big.Int).Add(tip, new(big.Int).Mul(head.BaseFee, big.NewInt(2)))
	tx, err := types.SignNewTx(from.key, types.LatestSignerForChainID(e.chainID), &types.DynamicFeeTx{
		ChainID: e.chainID, Nonce: nonce, GasTipCap: tip, GasFeeCap: feeCap, Gas: 21_000, To: &to.addr, Value: amount,
	})
	require.NoError(e.t, err)
	require.NoError(e.t, e.client.SendTransaction(e.ctx, tx))
	e.mine(tx)
}
