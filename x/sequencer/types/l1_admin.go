package types

import (
	"fmt"

	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"
)

// The staking contract's administration as themis governance decided it (L1Admin and
// the chain's whitelist) against the contract's as mirrored (L1Config and the L1
// whitelist). Their differences are L1AdminChanges, which the pool makes on L1
// (x/mpc's l1_admin purpose); the relayed configuration events show when it did.

// L1AdminKind is what one change does on the contract.
type L1AdminKind int

const (
	// L1AdminWhitelist: setWhitelist(account, allowed).
	L1AdminWhitelist L1AdminKind = iota + 1
	// L1AdminLockLimits: setLockLimits(min, max).
	L1AdminLockLimits
	// L1AdminExitDelay: setExitDelay(seconds).
	L1AdminExitDelay
	// L1AdminEndBootstrap: endBootstrap().
	L1AdminEndBootstrap
	// L1AdminCancelRecovery: cancelPoolRecovery(), of a recovery governance did not decide.
	L1AdminCancelRecovery
)

// L1AdminChange is one difference between governance's decision and the contract.
type L1AdminChange struct {
	Kind L1AdminKind
	// Account and Allowed: a whitelist change (account 0x, lower case).
	Account string
	Allowed bool
	// MinLock and MaxLock: a lock-limits change.
	MinLock, MaxLock math.Int
	// ExitDelaySeconds: an exit-delay change.
	ExitDelaySeconds uint64
}

// String describes the change (queries and logs).
func (c L1AdminChange) String() string {
	switch c.Kind {
	case L1AdminWhitelist:
		return fmt.Sprintf("whitelist %s allowed=%v", c.Account, c.Allowed)
	case L1AdminLockLimits:
		return fmt.Sprintf("lock_limits %s..%s", c.MinLock, c.MaxLock)
	case L1AdminExitDelay:
		return fmt.Sprintf("exit_delay %ds", c.ExitDelaySeconds)
	case L1AdminEndBootstrap:
		return "end_bootstrap"
	case L1AdminCancelRecovery:
		return "cancel_pool_recovery " + c.Account
	}
	return "unknown"
}

// DefaultL1Admin leaves the contract's administration as L1 has it (unset limits are
// stored as zero).
func DefaultL1Admin() L1Admin { return L1Admin{MinLock: math.ZeroInt(), MaxLock: math.ZeroInt()} }

// ConfigChanges are the differences of the decision from the mirrored configuration,
// most urgent first: a pool recovery governance did not approve (cancelled: the owner
// must never take the pool over on its own), the end of bootstrap (the owner's powers),
// the lock limits, the exit delay. Bootstrap is ended only while it can be: not ended
// yet, a pool address set, and its deadline (block time, unix seconds) not passed
// (afterwards the contract refuses, and it is over anyway).
func (a L1Admin) ConfigChanges(c L1Config, now uint64) []L1AdminChange {
	var out []L1AdminChange
	if c.RecoveryPool != "" && c.RecoveryPool != a.RecoveryPool {
		out = append(out, L1AdminChange{Kind: L1AdminCancelRecovery, Account: c.RecoveryPool})
	}
	if a.EndBootstrap && !c.BootstrapEnded && c.PoolAddress != "" && (c.BootstrapDeadline == 0 || now < c.BootstrapDeadline) {
		out = append(out, L1AdminChange{Kind: L1AdminEndBootstrap})
	}
	if a.HasLockLimits() && (!a.MinLock.Equal(c.MinLock) || !a.MaxLock.Equal(c.MaxLock)) {
		out = append(out, L1AdminChange{Kind: L1AdminLockLimits, MinLock: a.MinLock, MaxLock: a.MaxLock})
	}
	if a.ExitDelaySeconds != 0 && a.ExitDelaySeconds != c.ExitDelaySeconds {
		out = append(out, L1AdminChange{Kind: L1AdminExitDelay, ExitDelaySeconds: a.ExitDelaySeconds})
	}
	return out
}

// HasLockLimits reports whether the decision sets the lock limits (a stored unset
// amount reads back as zero, which no limit can be).
func (a L1Admin) HasLockLimits() bool { return amountSet(a.MinLock) && amountSet(a.MaxLock) }

func amountSet(v math.Int) bool { return !v.IsNil() && !v.IsZero() }

// Validate checks a decision the contract would accept: limits 0 < min <= max (both or
// neither), an exit delay within the contract's bounds (or 0, unset).
func (a L1Admin) Validate() error {
	if amountSet(a.MinLock) != amountSet(a.MaxLock) {
		return errorsmod.Wrap(ErrInvalidConfigChange, "min_lock and max_lock are set together")
	}
	if a.HasLockLimits() {
		if err := validateLockLimits(a.MinLock, a.MaxLock); err != nil {
			return err
		}
	}
	if d := a.ExitDelaySeconds; d != 0 && (d < MinExitDelaySeconds || d > MaxExitDelaySeconds) {
		return errorsmod.Wrapf(ErrInvalidConfigChange, "exit_delay_seconds %d is outside the contract's [%d, %d]", d, MinExitDelaySeconds, MaxExitDelaySeconds)
	}
	if a.RecoveryPool != "" {
		return requireNonZeroAddress("recovery_pool", a.RecoveryPool)
	}
	return nil
}

// Update returns the decision with msg's fields that are set.
func (a L1Admin) Update(msg *MsgUpdateL1Admin) L1Admin {
	if msg.LockLimits != nil {
		a.MinLock, a.MaxLock = msg.LockLimits.MinLock, msg.LockLimits.MaxLock
	}
	if msg.ExitDelaySeconds != 0 {
		a.ExitDelaySeconds = msg.ExitDelaySeconds
	}
	a.EndBootstrap = a.EndBootstrap || msg.EndBootstrap
	switch {
	case msg.RecoveryPool == zeroAddress:
		a.RecoveryPool = "" // the approval withdrawn
	case msg.RecoveryPool != "":
		a.RecoveryPool = msg.RecoveryPool
	}
	return a
}

// ValidateBasic checks the message statelessly.
func (msg *MsgUpdateL1Admin) ValidateBasic() error {
	if msg.LockLimits == nil && msg.ExitDelaySeconds == 0 && !msg.EndBootstrap && msg.RecoveryPool == "" {
		return errorsmod.Wrap(ErrInvalidConfigChange, "nothing to change: set lock_limits, exit_delay_seconds, end_bootstrap or recovery_pool")
	}
	if msg.RecoveryPool != "" {
		if err := requireLowerAddress("recovery_pool", msg.RecoveryPool); err != nil {
			return err
		}
	}
	var a L1Admin
	if msg.LockLimits != nil {
		if err := validateLockLimits(msg.LockLimits.MinLock, msg.LockLimits.MaxLock); err != nil {
			return err
		}
	}
	return a.Update(msg).Validate()
}

// ValidateRecoveryPool checks an approved recovery pool: a non-zero 0x address in
// lower case.
func ValidateRecoveryPool(address string) error {
	if err := requireLowerAddress("recovery_pool", address); err != nil {
		return err
	}
	return requireNonZeroAddress("recovery_pool", address)
}
