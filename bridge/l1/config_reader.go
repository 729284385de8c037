package l1

import (
	"context"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"

	"github.com/themis-network/themis/contracts/bindings/staking"
	seqtypes "github.com/themis-network/themis/x/sequencer/types"
)

// Config reads the staking contract's whole configuration at one block (every call at
// the same height, so the values belong together): what a chain started from this
// contract takes as its genesis L1Config. Changes with a higher configNonce are then
// relayed like any event.
func (r StakingReader) Config(ctx context.Context, block *big.Int) (seqtypes.L1Config, error) {
	c := staking.NewThemisStaking()
	var (
		cfg                                seqtypes.L1Config
		nonce, minLock, maxLock, exitDelay *big.Int
		treasury, pool, recovery           common.Address
		errs                               []error
	)
	get := r.getter(ctx, block, &errs)
	get("configNonce", c.PackConfigNonce(), func(b []byte) (err error) { nonce, err = c.UnpackConfigNonce(b); return })
	get("minLock", c.PackMinLock(), func(b []byte) (err error) { minLock, err = c.UnpackMinLock(b); return })
	get("maxLock", c.PackMaxLock(), func(b []byte) (err error) { maxLock, err = c.UnpackMaxLock(b); return })
	get("exitDelay", c.PackExitDelay(), func(b []byte) (err error) { exitDelay, err = c.UnpackExitDelay(b); return })
	get("pausedUntil", c.PackPausedUntil(), func(b []byte) (err error) { cfg.PausedUntil, err = c.UnpackPausedUntil(b); return })
	get("treasury", c.PackTreasury(), func(b []byte) (err error) { treasury, err = c.UnpackTreasury(b); return })
	get("poolAddress", c.PackPoolAddress(), func(b []byte) (err error) { pool, err = c.UnpackPoolAddress(b); return })
	get("bootstrapDeadline", c.PackBootstrapDeadline(), func(b []byte) (err error) { cfg.BootstrapDeadline, err = c.UnpackBootstrapDeadline(b); return })
	get("bootstrapEnded", c.PackBootstrapEnded(), func(b []byte) (err error) { cfg.BootstrapEnded, err = c.UnpackBootstrapEnded(b); return })
	get("recoveryPool", c.PackRecoveryPool(), func(b []byte) (err error) { recovery, err = c.UnpackRecoveryPool(b); return })
	get("recoveryEffectiveAt", c.PackRecoveryEffectiveAt(), func(b []byte) (err error) {
		cfg.RecoveryEffectiveAt, err = c.UnpackRecoveryEffectiveAt(b)
		return
	})
	if len(errs) > 0 {
		return seqtypes.L1Config{}, errs[0]
	}
	if !nonce.IsUint64() || !exitDelay.IsUint64() {
		return seqtypes.L1Config{}, fmt.Errorf("staking contract %s: configNonce %s or exitDelay %s does not fit 64 bits", r.staking, nonce, exitDelay)
	}
	cfg.ConfigNonce, cfg.ExitDelaySeconds = nonce.Uint64(), exitDelay.Uint64()
	var err error
	if cfg.MinLock, err = tokenAmount(minLock); err != nil {
		return seqtypes.L1Config{}, err
	}
	if cfg.MaxLock, err = tokenAmount(maxLock); err != nil {
		return seqtypes.L1Config{}, err
	}
	cfg.Treasury = lowerHex(treasury)
	if pool != (common.Address{}) {
		cfg.PoolAddress = lowerHex(pool)
	}
	if recovery != (common.Address{}) {
		cfg.RecoveryPool = lowerHex(recovery)
	}
	return cfg, cfg.Validate()
}

// Ledger reads the staking contract's ledger at one block: what a chain started from
// this contract takes as its genesis L1Ledger. Ledger events with a higher ledgerNonce
// are then relayed like any event.
func (r StakingReader) Ledger(ctx context.Context, block *big.Int) (seqtypes.L1Ledger, error) {
	c := staking.NewThemisStaking()
	var (
		nonce, reserve, lastBatch *big.Int
		errs                      []error
	)
	get := r.getter(ctx, block, &errs)
	get("ledgerNonce", c.PackLedgerNonce(), func(b []byte) (err error) { nonce, err = c.UnpackLedgerNonce(b); return })
	get("rewardReserve", c.PackRewardReserve(), func(b []byte) (err error) { reserve, err = c.UnpackRewardReserve(b); return })
	get("lastRewardBatch", c.PackLastRewardBatch(), func(b []byte) (err error) { lastBatch, err = c.UnpackLastRewardBatch(b); return })
	if len(errs) > 0 {
		return seqtypes.L1Ledger{}, errs[0]
	}
	var (
		l   seqtypes.L1Ledger
		err error
	)
	if l.LedgerNonce, err = uint64Field("ledgerNonce", nonce); err != nil {
		return seqtypes.L1Ledger{}, err
	}
	if l.LastRewardBatch, err = uint64Field("lastRewardBatch", lastBatch); err != nil {
		return seqtypes.L1Ledger{}, err
	}
	if l.RewardReserve, err = tokenAmount(reserve); err != nil {
		return seqtypes.L1Ledger{}, err
	}
	return l, l.Validate()
}

// getter reads view functions at one block, each answer through its unpack, collecting
// the failures in errs (each naming what it read).
func (r StakingReader) getter(ctx context.Context, block *big.Int, errs *[]error) func(name string, data []byte, unpack func([]byte) error) {
	return func(name string, data []byte, unpack func([]byte) error) {
		out, err := r.caller.CallContract(ctx, callMsg(r.staking, data), block)
		if err == nil {
			err = unpack(out)
		}
		if err != nil {
			*errs = append(*errs, fmt.Errorf("staking contract %s: read %s: %w", r.staking, name, err))
		}
	}
}
