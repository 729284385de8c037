package contracts_test

import (
	"math/big"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/contracts/bindings/staking"
)

func TestStakingSlash(t *testing.T) {
	e := newEnv(t)
	s := e.staking
	id, _ := e.lock(e.alice, newSigner("a"), tokens(320))
	first := offence("double-sign at 42")

	e.expectStakingRevert(e.alice, s.PackSlash(id, tokens(1), 1, first), &staking.ThemisStakingNotPoolAddress{Caller: e.alice.addr})
	e.expectStakingRevert(e.owner, s.PackSlash(id, tokens(1), 1, first), &staking.ThemisStakingNotPoolAddress{Caller: e.owner.addr})
	unknown := big.NewInt(99)
	e.expectStakingRevert(e.pool, s.PackSlash(unknown, tokens(1), 1, first), &staking.ThemisStakingUnknownSequencer{SequencerId: unknown})
	e.expectStakingRevert(e.pool, s.PackSlash(id, big.NewInt(0), 1, first), &staking.ThemisStakingZeroAmount{})

	receipt := e.send(e.pool, e.stakingC, s.PackSlash(id, tokens(50), 3, first))
	releasableAt := e.blockTime(receipt) + uint64(escrowPeriod/time.Second)
	requireEvent(t, receipt, s.UnpackSlashedEvent, staking.ThemisStakingSlashed{
		SequencerId: id, EscrowId: big.NewInt(1), OffenceId: first, Severity: 3,
		Amount: tokens(50), Total: tokens(270), Nonce: big.NewInt(2),
	})
	require.Equal(t, staking.EscrowsOutput{
		SequencerId: id, Amount: tokens(50), OffenceId: first, ReleasableAt: releasableAt, Status: escrowHeld,
	}, normalizeEscrow(e.escrow(big.NewInt(1))))
	require.Equal(t, tokens(270), e.sequencer(id).Locked)
	require.True(t, call(e, e.stakingC, s.PackOffenceSlashed(first, id), s.UnpackOffenceSlashed))
	require.Equal(t, big.NewInt(2), call(e, e.stakingC, s.PackNextEscrowId(), s.UnpackNextEscrowId))
	require.Equal(t, tokens(320), e.tokenBalance(e.deployment.Staking), "escrow stays in the contract")

	// While unlocking the lock is still slashable, and so is it while paused.
	e.send(e.alice, e.stakingC, s.PackInitiateUnlock(id))
	e.send(e.owner, e.stakingC, s.PackPause(big.NewInt(3600)))
	second := offence("downtime")
	receipt = e.send(e.pool, e.stakingC, s.PackSlash(id, tokens(10), 1, second))
	requireEvent(t, receipt, s.UnpackSlashedEvent, staking.ThemisStakingSlashed{
		SequencerId: id, EscrowId: big.NewInt(2), OffenceId: second, Severity: 1,
		Amount: tokens(10), Total: tokens(260), Nonce: big.NewInt(4),
	})

	// A slashed sequencer completes its exit with what is left.
	e.advance(testExitDelay * time.Second)
	receipt = e.send(e.alice, e.stakingC, s.PackClaimUnlock(id))
	requireEvent(t, receipt, s.UnpackUnlockClaimedEvent, staking.ThemisStakingUnlockClaimed{
		SequencerId: id, Amount: tokens(260), Nonce: big.NewInt(5),
	})
	require.Equal(t, tokens(60), e.tokenBalance(e.deployment.Staking), "only the escrows remain")
}

func TestStakingEscrowReleaseAfterOneYear(t *testing.T) {
	e := newEnv(t)
	s := e.staking
	id, _ := e.lock(e.alice, newSigner("a"), tokens(320))
	receipt := e.send(e.pool, e.stakingC, s.PackSlash(id, tokens(40), 2, offence("o")))
	escrowID := events(t, receipt, s.UnpackSlashedEvent)[0].EscrowId
	releasableAt := e.blockTime(receipt) + uint64(escrowPeriod/time.Second)
	notYet := &staking.ThemisStakingEscrowNotReleasable{EscrowId: escrowID, ReleasableAt: new(big.Int).SetUint64(releasableAt)}

	unknown := big.NewInt(99)
	e.expectStakingRevert(e.carol, s.PackReleaseEscrow(unknown), &staking.ThemisStakingUnknownEscrow{EscrowId: unknown})
	e.expectStakingRevert(e.carol, s.PackReleaseEscrow(escrowID), notYet)
	e.advanceTo(releasableAt - 2)
	e.expectStakingRevert(e.carol, s.PackReleaseEscrow(escrowID), notYet)
	e.advanceTo(releasableAt)

	// Anyone may release; the tokens go to the treasury.
	receipt = e.send(e.carol, e.stakingC, s.PackReleaseEscrow(escrowID))
	requireEvent(t, receipt, s.UnpackEscrowReleasedEvent, staking.ThemisStakingEscrowReleased{
		EscrowId: escrowID, SequencerId: id, Treasury: e.treasury.addr, Amount: tokens(40), LedgerNonce: big.NewInt(1),
	})
	require.Equal(t, tokens(40), e.tokenBalance(e.treasury.addr))
	require.Equal(t, tokens(280), e.tokenBalance(e.deployment.Staking))
	require.Equal(t, escrowReleased, e.escrow(escrowID).Status)

	settled := &staking.ThemisStakingEscrowSettled{EscrowId: escrowID, Status: escrowReleased}
	e.expectStakingRevert(e.carol, s.PackReleaseEscrow(escrowID), settled)
	e.expectStakingRevert(e.pool, s.PackRefundEscrow(escrowID), settled)
}

func TestStakingEscrowRefund(t *testing.T) {
	e := newEnv(t)
	s := e.staking
	id, _ := e.lock(e.alice, newSigner("a"), tokens(320))
	receipt := e.send(e.pool, e.stakingC, s.PackSlash(id, tokens(40), 2, offence("o")))
	escrowID := events(t, receipt, s.UnpackSlashedEvent)[0].EscrowId

	e.expectStakingRevert(e.alice, s.PackRefundEscrow(escrowID), &staking.ThemisStakingNotPoolAddress{Caller: e.alice.addr})
	unknown := big.NewInt(99)
	e.expectStakingRevert(e.pool, s.PackRefundEscrow(unknown), &staking.ThemisStakingUnknownEscrow{EscrowId: unknown})

	// The appeal won: the owner gets the tokens back, outside the lock.
	receipt = e.send(e.pool, e.stakingC, s.PackRefundEscrow(escrowID))
	requireEvent(t, receipt, s.UnpackEscrowRefundedEvent, staking.ThemisStakingEscrowRefunded{
		EscrowId: escrowID, SequencerId: id, Recipient: e.alice.addr, Amount: tokens(40), LedgerNonce: big.NewInt(1),
	})
	require.Equal(t, new(big.Int).Add(new(big.Int).Sub(startingTokens, tokens(320)), tokens(40)), e.tokenBalance(e.alice.addr))
	require.Equal(t, tokens(280), e.sequencer(id).Locked)
	require.Equal(t, escrowRefunded, e.escrow(escrowID).Status)
	require.Equal(t, big.NewInt(2), e.sequencer(id).Nonce, "a refund is not a change to the sequencer")

	settled := &staking.ThemisStakingEscrowSettled{EscrowId: escrowID, Status: escrowRefunded}
	e.expectStakingRevert(e.pool, s.PackRefundEscrow(escrowID), settled)
	e.advance(escrowPeriod)
	e.expectStakingRevert(e.carol, s.PackReleaseEscrow(escrowID), settled)
	require.Equal(t, escrowNone, e.escrow(unknown).Status)
}

// normalizeEscrow makes an EscrowsOutput comparable with require.Equal.
func normalizeEscrow(o staking.EscrowsOutput) staking.EscrowsOutput {
	return normalize(o).(staking.EscrowsOutput)
}
