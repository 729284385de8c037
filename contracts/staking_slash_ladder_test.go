package contracts_test

import (
	"math/big"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/contracts/bindings/staking"
)

// Audit point 7: a slash takes at most the severity's share of the current lock (medium
// 1/16, high 1/8, critical 1/4), so no single call can empty a sequencer; asking for less
// takes exactly that. Severities outside 1..3 are refused.
func TestSlashCannotExceedSeverityCap(t *testing.T) {
	e := newEnv(t)
	s := e.staking
	id, _ := e.lock(e.alice, newSigner("a"), tokens(320))
	for _, severity := range []uint8{0, 4, 255} {
		e.expectStakingRevert(e.pool, s.PackSlash(id, tokens(1), severity, offence("bad severity")),
			&staking.ThemisStakingInvalidSeverity{Severity: severity})
	}

	locked := tokens(320)
	for i, step := range []struct {
		severity uint8
		ask      *big.Int // nil: exactly the cap
		divisor  int64
	}{
		{1, tokens(1000), 16},
		{2, tokens(1000), 8},
		{3, tokens(1000), 4},
		{3, tokens(1), 4},
		{2, nil, 8},
	} {
		limit := new(big.Int).Div(locked, big.NewInt(step.divisor))
		ask, want := step.ask, limit
		if ask == nil {
			ask = limit
		} else if ask.Cmp(limit) < 0 {
			want = ask
		}
		name := offence(string(rune('a' + i)))
		receipt := e.send(e.pool, e.stakingC, s.PackSlash(id, ask, step.severity, name))
		locked = new(big.Int).Sub(locked, want)
		requireEvent(t, receipt, s.UnpackSlashedEvent, staking.ThemisStakingSlashed{
			SequencerId: id, EscrowId: big.NewInt(int64(i + 1)), OffenceId: name, Severity: step.severity,
			Amount: want, Total: locked, Nonce: big.NewInt(int64(i + 2)),
		})
		require.Equal(t, want, e.escrow(big.NewInt(int64(i+1))).Amount)
	}
	require.Equal(t, locked, e.sequencer(id).Locked)
	require.Equal(t, tokens(320), e.tokenBalance(e.deployment.Staking), "lock plus escrows")
}

// Audit point 7: one offence (an outage of the whole group, say) slashes every sequencer it
// names, each once: the record is keyed by (offence, sequencer).
func TestOffenceSlashesEachSequencerOnlyOnce(t *testing.T) {
	e := newEnv(t)
	s := e.staking
	alice, _ := e.lock(e.alice, newSigner("a"), tokens(320))
	bob, _ := e.lock(e.bob, newSigner("b"), tokens(320))
	outage := offence("group outage at 1000")

	e.send(e.pool, e.stakingC, s.PackSlash(alice, tokens(5), 1, outage))
	require.False(t, call(e, e.stakingC, s.PackOffenceSlashed(outage, bob), s.UnpackOffenceSlashed))
	receipt := e.send(e.pool, e.stakingC, s.PackSlash(bob, tokens(5), 1, outage))
	requireEvent(t, receipt, s.UnpackSlashedEvent, staking.ThemisStakingSlashed{
		SequencerId: bob, EscrowId: big.NewInt(2), OffenceId: outage, Severity: 1,
		Amount: tokens(5), Total: tokens(315), Nonce: big.NewInt(2),
	})
	require.True(t, call(e, e.stakingC, s.PackOffenceSlashed(outage, alice), s.UnpackOffenceSlashed))
	require.True(t, call(e, e.stakingC, s.PackOffenceSlashed(outage, bob), s.UnpackOffenceSlashed))

	// The same pair again, at any severity or amount, is refused.
	for _, id := range []*big.Int{alice, bob} {
		e.expectStakingRevert(e.pool, s.PackSlash(id, tokens(1), 3, outage),
			&staking.ThemisStakingOffenceAlreadySlashed{OffenceId: outage, SequencerId: id})
	}
	require.Equal(t, tokens(315), e.sequencer(alice).Locked)
}

// Audit point 7: a sequencer that has already left still gets a Slashed event for the
// offence (amount 0, no escrow, nonce bumped), so the chain can close it; nothing is taken.
func TestSlashOfEmptyLockClosesTheOffence(t *testing.T) {
	e := newEnv(t)
	s := e.staking
	id, _ := e.lock(e.alice, newSigner("a"), tokens(320))
	e.send(e.alice, e.stakingC, s.PackInitiateUnlock(id))
	e.advance(testExitDelay * time.Second)
	e.send(e.alice, e.stakingC, s.PackClaimUnlock(id))
	late := offence("found late")

	receipt := e.send(e.pool, e.stakingC, s.PackSlash(id, tokens(10), 3, late))
	requireEvent(t, receipt, s.UnpackSlashedEvent, staking.ThemisStakingSlashed{
		SequencerId: id, EscrowId: big.NewInt(0), OffenceId: late, Severity: 3,
		Amount: big.NewInt(0), Total: big.NewInt(0), Nonce: big.NewInt(4),
	})
	require.Equal(t, big.NewInt(4), e.sequencer(id).Nonce)
	require.Equal(t, big.NewInt(1), call(e, e.stakingC, s.PackNextEscrowId(), s.UnpackNextEscrowId), "no escrow")
	require.Equal(t, escrowNone, e.escrow(big.NewInt(0)).Status)
	require.True(t, call(e, e.stakingC, s.PackOffenceSlashed(late, id), s.UnpackOffenceSlashed))
	e.expectStakingRevert(e.pool, s.PackSlash(id, tokens(10), 3, late),
		&staking.ThemisStakingOffenceAlreadySlashed{OffenceId: late, SequencerId: id})
	require.Equal(t, startingTokens, e.tokenBalance(e.alice.addr))
}

// Audit point 7: the refund window and the release window meet without overlap: the pool
// can refund until releasableAt and no longer, so an escrow cannot be both refunded and
// released, nor refunded after the treasury could claim it.
func TestEscrowRefundWindowClosesWhenReleaseOpens(t *testing.T) {
	e := newEnv(t)
	s := e.staking
	id, _ := e.lock(e.alice, newSigner("a"), tokens(320))
	receipt := e.send(e.pool, e.stakingC, s.PackSlash(id, tokens(10), 1, offence("one")))
	first := e.blockTime(receipt) + uint64(escrowPeriod/time.Second)
	receipt = e.send(e.pool, e.stakingC, s.PackSlash(id, tokens(10), 1, offence("two")))
	second := e.blockTime(receipt) + uint64(escrowPeriod/time.Second)
	one, two := big.NewInt(1), big.NewInt(2)

	// Just before the first escrow's end: it can still be refunded, not released.
	e.advanceTo(first - 2)
	e.expectStakingRevert(e.carol, s.PackReleaseEscrow(one),
		&staking.ThemisStakingEscrowNotReleasable{EscrowId: one, ReleasableAt: new(big.Int).SetUint64(first)})
	e.send(e.pool, e.stakingC, s.PackRefundEscrow(one))

	// From the second escrow's end: it can be released, not refunded.
	e.advanceTo(second)
	e.expectStakingRevert(e.pool, s.PackRefundEscrow(two),
		&staking.ThemisStakingEscrowRefundWindowClosed{EscrowId: two, ReleasableAt: new(big.Int).SetUint64(second)})
	e.send(e.carol, e.stakingC, s.PackReleaseEscrow(two))
	require.Equal(t, escrowRefunded, e.escrow(one).Status)
	require.Equal(t, escrowReleased, e.escrow(two).Status)
	require.Equal(t, tokens(10), e.tokenBalance(e.treasury.addr))
}
