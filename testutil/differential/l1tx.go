package differential

import (
	"fmt"
	"math/big"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	gethtypes "github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/ethclient"
)

// L1 plumbing of the ops: transactions the harness signs itself (the pool's, and the
// owner calls l1.Owner has no method for), the clock, and reading a call's outcome.

// afterWithdrawalBlock mines an empty block when the head holds a withdrawal.
func (s *Sequence) afterWithdrawalBlock() error {
	head, err := s.w.Client.BlockNumber(s.ctx)
	if err != nil {
		return err
	}
	if s.withdrawalBlock != 0 && head == s.withdrawalBlock {
		s.w.Backend.Commit()
	}
	return nil
}

// send signs calldata to the staking contract from a, and waits for it to be mined.
func (s *Sequence) send(a Account, calldata []byte) error {
	to := s.w.Deployment.Staking
	// The estimate reverts with the contract's error when the call would; the margin
	// covers a store whose cost depends on the block time (see Withdraw in exec).
	gas, err := s.w.Client.EstimateGas(s.ctx, ethereum.CallMsg{From: a.Addr, To: &to, Data: calldata})
	if err != nil {
		return err
	}
	opts := bind.NewKeyedTransactor(a.Key, s.w.ChainID)
	opts.Context, opts.GasLimit = s.ctx, gas+gas/2
	// The calldata is packed: the bound contract only routes it.
	tx, err := bind.NewBoundContract(s.w.Deployment.Staking, abi.ABI{}, s.w.Client, s.w.Client, s.w.Client).RawTransact(opts, calldata)
	if err != nil {
		return err
	}
	r, err := bind.WaitMined(s.ctx, s.w.Client, tx.Hash())
	if err != nil {
		return err
	}
	if r.Status != gethtypes.ReceiptStatusSuccessful {
		return fmt.Errorf("transaction %s passed its gas estimate but reverted in its block", tx.Hash())
	}
	return nil
}

// waitForUnlock: three times in four, a claim first waits (the L1 clock jumps) until
// sequencer id's exit delay has passed, if it is unlocking; a sequence is too short for
// random clock jumps alone to reach many claims.
func (s *Sequence) waitForUnlock(id uint64, p uint16) (string, error) {
	if id == 0 || p%4 == 0 || s.view.Seqs[id-1].Status != L1Unlocking {
		return "", nil
	}
	return s.waitUntil(s.view.Seqs[id-1].UnlockableAt)
}

// waitForWithdrawal is waitForUnlock for a pending withdrawal.
func (s *Sequence) waitForWithdrawal(id uint64, p uint16) (string, error) {
	if id == 0 || p%4 == 0 {
		return "", nil
	}
	w, err := s.contract.PendingWithdrawal(id)
	if err != nil || w.Amount.Sign() == 0 {
		return "", err
	}
	return s.waitUntil(w.ClaimableAt)
}

// waitUntil moves the L1 clock so that the next block is at ts or later.
func (s *Sequence) waitUntil(ts uint64) (string, error) {
	head, err := s.w.Client.HeaderByNumber(s.ctx, nil)
	if err != nil {
		return "", err
	}
	if head.Time >= ts {
		return "", nil
	}
	return " after waiting", s.advance(time.Duration(ts-head.Time) * time.Second)
}

// advance moves the L1 clock in a new empty block. The simulated backend refuses while
// its pool still lists a just-mined transaction (it catches up in the background).
func (s *Sequence) advance(d time.Duration) error {
	var err error
	for range 200 {
		if err = s.w.Backend.AdjustTime(d); err == nil {
			return nil
		}
		time.Sleep(5 * time.Millisecond)
	}
	return fmt.Errorf("advance the L1 clock: %w", err)
}

// l1Outcome turns an L1 call's result into the step's outcome: done, refused by the
// contract (a revert: named), or a harness error.
func l1Outcome(err error, what string) (string, error) {
	if err == nil {
		return what, nil
	}
	data, ok := ethclient.RevertErrorData(err)
	if !ok {
		return "", fmt.Errorf("%s: %w", what, err)
	}
	name := fmt.Sprintf("0x%x", data)
	if len(data) >= 4 {
		if custom, err := stakingABI.UnpackError(data); err == nil {
			name = strings.TrimPrefix(fmt.Sprintf("%T", custom), "*staking.ThemisStaking")
		}
	}
	return what + ": reverted " + name, nil
}

// fmtTokens prints base units as tokens.
func fmtTokens(v *big.Int) string {
	whole, frac := new(big.Int).QuoRem(v, ether, new(big.Int))
	if frac.Sign() == 0 {
		return whole.String()
	}
	return fmt.Sprintf("%s.%018s", whole, frac)
}
