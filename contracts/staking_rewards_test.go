package contracts_test

import (
	"math/big"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/contracts/bindings/staking"
)

func TestStakingRewardBatch(t *testing.T) {
	e := newEnv(t)
	s := e.staking
	alice, _ := e.lock(e.alice, newSigner("a"), testMinLock)
	bob, _ := e.lock(e.bob, newSigner("b"), testMinLock)
	e.fundRewards(tokens(10))
	one := big.NewInt(1)

	e.expectStakingRevert(e.alice, s.PackSubmitRewardBatch(one, []*big.Int{alice}, []*big.Int{tokens(1)}),
		&staking.ThemisStakingNotPoolAddress{Caller: e.alice.addr})
	e.expectStakingRevert(e.pool, s.PackSubmitRewardBatch(big.NewInt(0), nil, nil),
		&staking.ThemisStakingUnexpectedRewardBatch{Expected: one, Got: big.NewInt(0)})
	e.expectStakingRevert(e.pool, s.PackSubmitRewardBatch(big.NewInt(2), nil, nil),
		&staking.ThemisStakingUnexpectedRewardBatch{Expected: one, Got: big.NewInt(2)})
	e.expectStakingRevert(e.pool, s.PackSubmitRewardBatch(one, []*big.Int{alice, bob}, []*big.Int{tokens(1)}),
		&staking.ThemisStakingLengthMismatch{Ids: big.NewInt(2), Amounts: big.NewInt(1)})
	e.expectStakingRevert(e.pool, s.PackSubmitRewardBatch(one, []*big.Int{alice, bob}, []*big.Int{tokens(6), tokens(5)}),
		&staking.ThemisStakingInsufficientRewardReserve{Needed: tokens(11), Available: tokens(10)})
	unknown := big.NewInt(99)
	e.expectStakingRevert(e.pool, s.PackSubmitRewardBatch(one, []*big.Int{alice, unknown}, []*big.Int{tokens(1), tokens(1)}),
		&staking.ThemisStakingUnknownSequencer{SequencerId: unknown})

	// A repeated id accumulates; a zero amount is a no-op credit.
	receipt := e.send(e.pool, e.stakingC, s.PackSubmitRewardBatch(one,
		[]*big.Int{alice, bob, alice, bob}, []*big.Int{tokens(2), tokens(3), tokens(1), big.NewInt(0)}))
	credited := events(t, receipt, s.UnpackRewardCreditedEvent)
	require.Len(t, credited, 4)
	for i, want := range []staking.ThemisStakingRewardCredited{
		{SequencerId: alice, BatchId: one, Amount: tokens(2), Pending: tokens(2)},
		{SequencerId: bob, BatchId: one, Amount: tokens(3), Pending: tokens(3)},
		{SequencerId: alice, BatchId: one, Amount: tokens(1), Pending: tokens(3)},
		{SequencerId: bob, BatchId: one, Amount: big.NewInt(0), Pending: tokens(3)},
	} {
		requireSameEvent(t, want, *credited[i])
	}
	requireEvent(t, receipt, s.UnpackRewardBatchSubmittedEvent, staking.ThemisStakingRewardBatchSubmitted{
		BatchId: one, Count: big.NewInt(4), Total: tokens(6), Reserve: tokens(4), LedgerNonce: big.NewInt(2), // after the funding
	})
	require.Equal(t, tokens(3), call(e, e.stakingC, s.PackPendingRewards(alice), s.UnpackPendingRewards))
	require.Equal(t, tokens(3), call(e, e.stakingC, s.PackPendingRewards(bob), s.UnpackPendingRewards))
	require.Equal(t, tokens(4), call(e, e.stakingC, s.PackRewardReserve(), s.UnpackRewardReserve))
	require.Equal(t, one, call(e, e.stakingC, s.PackLastRewardBatch(), s.UnpackLastRewardBatch))

	// Replaying batch 1 is refused; batch 2 may be empty.
	e.expectStakingRevert(e.pool, s.PackSubmitRewardBatch(one, []*big.Int{alice}, []*big.Int{tokens(1)}),
		&staking.ThemisStakingUnexpectedRewardBatch{Expected: big.NewInt(2), Got: one})
	receipt = e.send(e.pool, e.stakingC, s.PackSubmitRewardBatch(big.NewInt(2), nil, nil))
	require.Empty(t, events(t, receipt, s.UnpackRewardCreditedEvent))
	requireEvent(t, receipt, s.UnpackRewardBatchSubmittedEvent, staking.ThemisStakingRewardBatchSubmitted{
		BatchId: big.NewInt(2), Count: big.NewInt(0), Total: big.NewInt(0), Reserve: tokens(4), LedgerNonce: big.NewInt(3),
	})
}

func TestStakingWithdrawRewards(t *testing.T) {
	e := newEnv(t)
	s := e.staking
	id, _ := e.lock(e.alice, newSigner("a"), testMinLock)
	e.expectStakingRevert(e.alice, s.PackWithdrawRewards(id), &staking.ThemisStakingNoPendingRewards{SequencerId: id})

	e.fundRewards(tokens(10))
	e.send(e.pool, e.stakingC, s.PackSubmitRewardBatch(big.NewInt(1), []*big.Int{id}, []*big.Int{tokens(7)}))
	e.send(e.alice, e.stakingC, s.PackSetRewardRecipient(id, e.treasury.addr))

	e.expectStakingRevert(e.bob, s.PackWithdrawRewards(id), &staking.ThemisStakingNotSequencerOwner{SequencerId: id, Caller: e.bob.addr})
	unknown := big.NewInt(99)
	e.expectStakingRevert(e.alice, s.PackWithdrawRewards(unknown), &staking.ThemisStakingUnknownSequencer{SequencerId: unknown})

	receipt := e.send(e.alice, e.stakingC, s.PackWithdrawRewards(id))
	requireEvent(t, receipt, s.UnpackRewardsWithdrawnEvent, staking.ThemisStakingRewardsWithdrawn{
		SequencerId: id, Recipient: e.treasury.addr, Amount: tokens(7), LedgerNonce: big.NewInt(3), // funded, batch 1, this
	})
	require.Equal(t, tokens(7), e.tokenBalance(e.treasury.addr), "paid to the reward recipient, not the owner")
	require.Zero(t, call(e, e.stakingC, s.PackPendingRewards(id), s.UnpackPendingRewards).Sign())
	e.expectStakingRevert(e.alice, s.PackWithdrawRewards(id), &staking.ThemisStakingNoPendingRewards{SequencerId: id})
	// Reserve, pending rewards and the lock are all still backed by tokens.
	require.Equal(t, new(big.Int).Add(testMinLock, tokens(3)), e.tokenBalance(e.deployment.Staking))
}
