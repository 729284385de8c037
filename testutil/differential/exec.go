package differential

import (
	"crypto/ecdsa"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/themis-network/themis/contracts/bindings/staking"
)

var stakingABI = staking.NewThemisStaking()

// Parameter tables: Param picks one entry (modulo the length). The configuration tables
// hold one value the contract refuses, so that refused operations are in the mix too.
var (
	minLocks     = []int64{10_000, 20_000, 25_000, 40_000}                            // whole tokens
	maxLocks     = []int64{100_000, 150_000, 0, 15_000}                               // 0: equal to the min; 15,000 is below most mins
	exitDelays   = []int64{7, 8, 10, 6}                                               // days; 6 is below the contract's minimum
	pauses       = []time.Duration{0, time.Hour, 48 * time.Hour, 31 * 24 * time.Hour} // 0 lifts; 31 days is too long
	advanceDays  = []int64{1, 3, 7, 8, 11}
	recipientPad = big.NewInt(0xbeef00)
)

// exec runs op on L1 and, where the chain cannot mirror the change from an event yet,
// its chain-side counterpart (README.md). It returns what happened, for the report. An
// L1 revert is an outcome (the contract refused; there is nothing to mirror); any other
// failure is an error of the harness.
func (s *Sequence) exec(op Op) (outcome string, err error) {
	op, who, id := s.target(op)
	owner, calls := s.w.Owners[who], s.w.OwnerCalls[who]
	p, ctx := op.Param, s.ctx
	switch op.Kind {
	case Lock:
		amount := tokens(15_000 + int64(p%140)*1_000)
		if p%5 == 0 {
			amount.Add(amount, new(big.Int).Mul(big.NewInt(int64(p)), big.NewInt(1e12))) // not whole tokens: power rounds down
		}
		_, err = calls.Lock(ctx, s.nextKey(), amount, s.recipient(op))
		return l1Outcome(err, "lock "+fmtTokens(amount))
	case Relock:
		amount := tokens(1 + int64(p%40_000))
		if p%7 == 0 {
			amount.Add(amount, new(big.Int).Mul(big.NewInt(int64(p)), big.NewInt(1e9)))
		}
		_, err = calls.Relock(ctx, id, amount)
		return l1Outcome(err, fmt.Sprintf("relock %d by %s", id, fmtTokens(amount)))
	case Withdraw:
		amount := s.withdrawal(id, p)
		// eth_estimateGas runs in the latest block's context. When that block holds this
		// sequencer's previous withdrawal, withdraw rewrites claimableAt with the value it
		// already has (a cheap no-op store) in the estimate, but with a new value (the
		// next block's time) for real: l1.Owner sends with the bare estimate, and the
		// transaction runs out of gas. An empty block on top of a withdrawal keeps the
		// next estimate honest (a finding of this test about l1.Owner, not about the chain).
		if err := s.afterWithdrawalBlock(); err != nil {
			return "", err
		}
		r, err := calls.Withdraw(ctx, id, amount)
		if err == nil {
			s.withdrawalBlock = r.BlockNumber.Uint64()
		}
		return l1Outcome(err, fmt.Sprintf("withdraw %s from %d", fmtTokens(amount), id))
	case ClaimWithdrawal:
		waited, err := s.waitForWithdrawal(id, p)
		if err != nil {
			return "", err
		}
		_, err = calls.ClaimWithdrawal(ctx, id)
		return l1Outcome(err, fmt.Sprintf("claim withdrawal of %d%s", id, waited))
	case InitiateUnlock:
		_, err = calls.InitiateUnlock(ctx, id)
		return l1Outcome(err, fmt.Sprintf("initiate unlock of %d", id))
	case ClaimUnlock:
		waited, err := s.waitForUnlock(id, p)
		if err != nil {
			return "", err
		}
		_, err = calls.ClaimUnlock(ctx, id)
		return l1Outcome(err, fmt.Sprintf("claim unlock of %d%s", id, waited))
	case UpdateSigner:
		key, what := s.nextKey(), "fresh"
		if p%8 == 0 && len(s.drawn) > 1 {
			key, what = s.drawn[int(p/8)%(len(s.drawn)-1)], "used before"
		}
		_, err = calls.UpdateSigner(ctx, id, key)
		return l1Outcome(err, fmt.Sprintf("update signer of %d (%s key)", id, what))
	case SetRewardRecipient:
		to := s.recipient(op)
		_, err = calls.SetRewardRecipient(ctx, id, to)
		return l1Outcome(err, fmt.Sprintf("reward recipient of %d to %s", id, to))
	case Slash:
		return s.slash(p)
	case CreditRewards:
		last, err := s.contract.LastRewardBatch()
		if err != nil {
			return "", err
		}
		amount := tokens(1 + int64(p%100))
		err = s.send(s.w.Pool, stakingABI.PackSubmitRewardBatch(new(big.Int).SetUint64(last+1),
			[]*big.Int{new(big.Int).SetUint64(id)}, []*big.Int{amount}))
		return l1Outcome(err, fmt.Sprintf("pool credits %s to %d", fmtTokens(amount), id))
	case WithdrawRewards:
		err = s.send(owner, stakingABI.PackWithdrawRewards(new(big.Int).SetUint64(id)))
		return l1Outcome(err, fmt.Sprintf("withdraw rewards of %d", id))
	case Whitelist:
		return s.whitelist(owner.Addr, p&1 == 1, (p>>1)%3)
	case LockLimits:
		return s.lockLimits(p)
	case ExitDelay:
		days := exitDelays[int(p)%len(exitDelays)]
		err = s.send(s.w.Pool, stakingABI.PackSetExitDelay(big.NewInt(days*24*3600)))
		return l1Outcome(err, fmt.Sprintf("exit delay %d days", days))
	case Pause:
		d := pauses[int(p)%len(pauses)]
		err = s.send(s.w.Pool, stakingABI.PackPause(big.NewInt(int64(d/time.Second))))
		return l1Outcome(err, fmt.Sprintf("pause for %s", d))
	case AdvanceTime:
		days := advanceDays[int(p)%len(advanceDays)]
		return fmt.Sprintf("clock +%d days", days), s.advance(time.Duration(days)*24*time.Hour + time.Second)
	}
	return "", fmt.Errorf("unknown op %v", op)
}

// withdrawal picks an amount: mostly one that leaves at least minLock (any fraction of
// the excess, in base units), one in ten just over it (refused).
func (s *Sequence) withdrawal(id uint64, p uint16) *big.Int {
	excess := new(big.Int).Neg(s.view.MinLock)
	if id != 0 {
		excess.Add(excess, s.view.Seqs[id-1].Locked)
	}
	switch {
	case excess.Sign() <= 0:
		return tokens(1)
	case p%10 == 0:
		return excess.Add(excess, big.NewInt(1))
	default:
		amount := new(big.Int).Mul(excess, big.NewInt(int64(p)))
		return amount.Quo(amount, big.NewInt(1<<16)).Add(amount, big.NewInt(1))
	}
}

// slash: the pool slashes any sequencer ever numbered (an unlocked one too: the contract
// then takes nothing and still emits), by up to 30,000 tokens at a random severity, for a
// new offence or (1 in 16) the previous one again.
func (s *Sequence) slash(p uint16) (string, error) {
	target := uint64(1)
	if n := uint64(len(s.view.Seqs)); n > 0 {
		target = 1 + uint64(p)%n
	}
	severity := uint8(1 + (p>>8)%3)
	amount := tokens(1 + int64(p%30_000))
	offence, repeat := s.offence(p%16 == 0)
	err := s.send(s.w.Pool, stakingABI.PackSlash(new(big.Int).SetUint64(target), amount, severity, offence))
	what := fmt.Sprintf("slash %d by up to %s, severity %d", target, fmtTokens(amount), severity)
	if repeat {
		what += ", the previous offence"
	}
	return l1Outcome(err, what)
}

// recipient picks a reward recipient: the owner, another owner, a plain address, or
// (1 in 8) the zero address, which the contract refuses.
func (s *Sequence) recipient(op Op) common.Address {
	switch (op.Param >> 4) % 8 {
	case 0, 1, 2:
		return s.w.Owners[op.owner()].Addr
	case 3, 4:
		return s.w.Owners[(op.owner()+1)%NumOwners].Addr
	case 7:
		return common.Address{}
	default:
		return common.BigToAddress(new(big.Int).Add(recipientPad, big.NewInt(int64(op.Param%7))))
	}
}

// nextKey is a fresh signer key, derived from the sequence's seed.
func (s *Sequence) nextKey() *ecdsa.PrivateKey {
	h := sha256.Sum256(binary.BigEndian.AppendUint64(append(s.seed[:], "signer"...), uint64(len(s.drawn))))
	for {
		if key, err := crypto.ToECDSA(h[:]); err == nil {
			s.drawn = append(s.drawn, key)
			return key
		}
		h = sha256.Sum256(h[:]) // outside the curve order: rehash
	}
}

// offence is a new offence id, or the previous one again when repeat is asked and there is one.
func (s *Sequence) offence(repeat bool) ([32]byte, bool) {
	if repeat && s.offences > 0 {
		return s.lastOffence, true
	}
	s.offences++
	s.lastOffence = sha256.Sum256(binary.BigEndian.AppendUint64(append(s.seed[:], "offence"...), uint64(s.offences)))
	return s.lastOffence, false
}
