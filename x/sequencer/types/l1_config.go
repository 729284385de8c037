package types

import (
	"fmt"

	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"
)

// The staking contract's configuration, mirrored. The contract numbers every change
// (configNonce) and emits one event per change; the chain applies them in that order,
// like a sequencer's events, so L1Config is always the contract's configuration as of
// config_nonce. Config events sit in the relay queue's nonce chain of sequencer id 0,
// which the contract never assigns.

// ConfigSequencerID is the nonce chain configuration events are ordered in.
const ConfigSequencerID uint64 = 0

// The contract's defaults and bounds (ThemisStaking.sol): MIN_EXIT_DELAY and
// MAX_EXIT_DELAY bound exit_delay_seconds.
const (
	DefaultExitDelaySeconds uint64 = 21 * 24 * 3600
	MinExitDelaySeconds     uint64 = 7 * 24 * 3600
	MaxExitDelaySeconds     uint64 = 365 * 24 * 3600
)

// DefaultL1Config is SPEC 3.1's configuration (min 20,000, max 100,000 tokens, 21 days)
// before any configuration event: a chain started without a deployed contract. Its
// config_nonce 0 makes the contract's first change (1, at deployment) the next one.
func DefaultL1Config() L1Config {
	return L1Config{
		MinLock:          math.NewInt(20_000).Mul(OneToken),
		MaxLock:          math.NewInt(100_000).Mul(OneToken),
		ExitDelaySeconds: DefaultExitDelaySeconds,
	}
}

// Validate checks what the contract itself guarantees of its configuration, so a
// genesis file cannot hold one the contract could never have.
func (c L1Config) Validate() error {
	if err := validateLockLimits(c.MinLock, c.MaxLock); err != nil {
		return err
	}
	if c.ExitDelaySeconds < MinExitDelaySeconds || c.ExitDelaySeconds > MaxExitDelaySeconds {
		return errorsmod.Wrapf(ErrInvalidConfigChange, "exit_delay_seconds %d is outside the contract's [%d, %d]",
			c.ExitDelaySeconds, MinExitDelaySeconds, MaxExitDelaySeconds)
	}
	if c.Treasury != "" {
		if err := requireLowerAddress("treasury", c.Treasury); err != nil {
			return err
		}
	}
	if c.PoolAddress != "" {
		if err := requireLowerAddress("pool_address", c.PoolAddress); err != nil {
			return err
		}
	}
	if c.RecoveryPool == "" {
		if c.RecoveryEffectiveAt != 0 {
			return errorsmod.Wrap(ErrInvalidConfigChange, "recovery_effective_at without a recovery_pool")
		}
		return nil
	}
	return requireLowerAddress("recovery_pool", c.RecoveryPool)
}

// validateLockLimits is the contract's own check (_setLockLimits): 0 < min <= max.
func validateLockLimits(minLock, maxLock math.Int) error {
	if minLock.IsNil() || maxLock.IsNil() || !minLock.IsPositive() || maxLock.LT(minLock) {
		return errorsmod.Wrapf(ErrInvalidConfigChange, "lock limits %v..%v: need 0 < min_lock <= max_lock", minLock, maxLock)
	}
	return nil
}

// Apply returns the configuration after change (checked by ValidateBasic), the change's
// name and a description of the new values for the event.
func (c L1Config) Apply(m *MsgConfigChanged) (L1Config, string, string) {
	before := c
	c.ConfigNonce = m.ConfigNonce
	switch ch := m.Change.(type) {
	case *MsgConfigChanged_LockLimits:
		c.MinLock, c.MaxLock = ch.LockLimits.MinLock, ch.LockLimits.MaxLock
		return c, "lock_limits", fmt.Sprintf("min_lock %s max_lock %s", c.MinLock, c.MaxLock)
	case *MsgConfigChanged_ExitDelay:
		c.ExitDelaySeconds = ch.ExitDelay.ExitDelaySeconds
		return c, "exit_delay", fmt.Sprintf("exit_delay_seconds %d", c.ExitDelaySeconds)
	case *MsgConfigChanged_Whitelist:
		// The chain's whitelist is governance's: the contract's change is recorded (the
		// event) and compared with it by whoever watches both, not applied.
		return c, "whitelist", fmt.Sprintf("account %s allowed %v", ch.Whitelist.Account, ch.Whitelist.Allowed)
	case *MsgConfigChanged_Pause:
		c.PausedUntil = ch.Pause.PausedUntil
		return c, "pause", fmt.Sprintf("paused_until %d by %s", c.PausedUntil, ch.Pause.By)
	case *MsgConfigChanged_Treasury:
		c.Treasury = ch.Treasury.Current
		return c, "treasury", fmt.Sprintf("treasury %s (was %s)", c.Treasury, ch.Treasury.Previous)
	case *MsgConfigChanged_PoolAddress:
		// Any change of the pool ends a pending recovery (the contract voids it: the
		// recovered pool took over, or an ordinary handover made it stale).
		c.PoolAddress, c.RecoveryPool, c.RecoveryEffectiveAt = ch.PoolAddress.Current, "", 0
		return c, "pool_address", fmt.Sprintf("pool_address %s (was %s)", c.PoolAddress, ch.PoolAddress.Previous)
	case *MsgConfigChanged_PoolRecoveryProposed:
		c.RecoveryPool, c.RecoveryEffectiveAt = ch.PoolRecoveryProposed.ProposedPool, ch.PoolRecoveryProposed.EffectiveAt
		return c, "pool_recovery_proposed", fmt.Sprintf("recovery_pool %s may replace %s at %d", c.RecoveryPool,
			ch.PoolRecoveryProposed.CurrentPool, c.RecoveryEffectiveAt)
	case *MsgConfigChanged_PoolRecoveryCancelled:
		c.RecoveryPool, c.RecoveryEffectiveAt = "", 0
		return c, "pool_recovery_cancelled", fmt.Sprintf("recovery to %s cancelled by %s", ch.PoolRecoveryCancelled.ProposedPool,
			ch.PoolRecoveryCancelled.CancelledBy)
	case *MsgConfigChanged_BootstrapStarted:
		c.BootstrapDeadline = ch.BootstrapStarted.Deadline
		return c, "bootstrap_started", fmt.Sprintf("owner %s deadline %d", ch.BootstrapStarted.Owner, c.BootstrapDeadline)
	case *MsgConfigChanged_BootstrapEnded:
		c.BootstrapEnded = true
		return c, "bootstrap_ended", fmt.Sprintf("ended by %s with pool_address %s", ch.BootstrapEnded.EndedBy, ch.BootstrapEnded.PoolAddress)
	}
	return before, "unknown", "" // unreachable: ValidateBasic requires a change
}

// ValidateBasic implements L1EventMsg: the header, and exactly the fields the contract's
// event can have (addresses lower case, so that one event has one encoding).
func (m *MsgConfigChanged) ValidateBasic() error {
	if err := validateSubmitterAndRef(m.Submitter, m.Event); err != nil {
		return err
	}
	if m.ConfigNonce == 0 {
		return errorsmod.Wrap(ErrNonceOutOfOrder, "config_nonce must be at least 1")
	}
	switch ch := m.Change.(type) {
	case *MsgConfigChanged_LockLimits:
		if ch.LockLimits == nil {
			break
		}
		return validateLockLimits(ch.LockLimits.MinLock, ch.LockLimits.MaxLock)
	case *MsgConfigChanged_ExitDelay:
		if ch.ExitDelay == nil {
			break
		}
		if d := ch.ExitDelay.ExitDelaySeconds; d < MinExitDelaySeconds || d > MaxExitDelaySeconds {
			return errorsmod.Wrapf(ErrInvalidConfigChange, "exit_delay_seconds %d is outside the contract's [%d, %d]", d, MinExitDelaySeconds, MaxExitDelaySeconds)
		}
		return nil
	case *MsgConfigChanged_Whitelist:
		if ch.Whitelist == nil {
			break
		}
		return requireLowerAddress("account", ch.Whitelist.Account)
	case *MsgConfigChanged_Pause:
		if ch.Pause == nil {
			break
		}
		if ch.Pause.PausedUntil > MaxUnlockableAt {
			return errorsmod.Wrapf(ErrInvalidConfigChange, "paused_until %d is past year 9999", ch.Pause.PausedUntil)
		}
		return requireLowerAddress("by", ch.Pause.By)
	case *MsgConfigChanged_Treasury:
		if ch.Treasury == nil {
			break
		}
		return validateAddressChange(ch.Treasury)
	case *MsgConfigChanged_PoolAddress:
		if ch.PoolAddress == nil {
			break
		}
		return validateAddressChange(ch.PoolAddress)
	case *MsgConfigChanged_BootstrapStarted:
		if ch.BootstrapStarted == nil {
			break
		}
		return requireLowerAddress("owner", ch.BootstrapStarted.Owner)
	case *MsgConfigChanged_PoolRecoveryProposed:
		if ch.PoolRecoveryProposed == nil {
			break
		}
		return validatePoolRecovery(ch.PoolRecoveryProposed)
	case *MsgConfigChanged_PoolRecoveryCancelled:
		if ch.PoolRecoveryCancelled == nil {
			break
		}
		if err := requireNonZeroAddress("proposed_pool", ch.PoolRecoveryCancelled.ProposedPool); err != nil {
			return err
		}
		return requireNonZeroAddress("cancelled_by", ch.PoolRecoveryCancelled.CancelledBy)
	case *MsgConfigChanged_BootstrapEnded:
		if ch.BootstrapEnded == nil {
			break
		}
		if err := requireLowerAddress("ended_by", ch.BootstrapEnded.EndedBy); err != nil {
			return err
		}
		return requireLowerAddress("pool_address", ch.BootstrapEnded.PoolAddress)
	}
	return errorsmod.Wrap(ErrInvalidConfigChange, "no change set")
}

// validateAddressChange: the contract never sets a zero treasury or pool address.
func validateAddressChange(c *AddressChange) error {
	if err := requireLowerAddress("previous", c.Previous); err != nil {
		return err
	}
	if err := requireLowerAddress("current", c.Current); err != nil {
		return err
	}
	if c.Current == zeroAddress {
		return errorsmod.Wrap(ErrInvalidAddress, "current must not be the zero address")
	}
	return nil
}

const zeroAddress = "0x0000000000000000000000000000000000000000"

// validatePoolRecovery: the contract proposes a recovery only of a set pool, to a
// non-zero address, effective at a real time.
func validatePoolRecovery(p *PoolRecoveryProposed) error {
	if err := requireNonZeroAddress("current_pool", p.CurrentPool); err != nil {
		return err
	}
	if err := requireNonZeroAddress("proposed_pool", p.ProposedPool); err != nil {
		return err
	}
	if p.EffectiveAt == 0 || p.EffectiveAt > MaxUnlockableAt {
		return errorsmod.Wrapf(ErrInvalidConfigChange, "effective_at %d is not a time the contract can set", p.EffectiveAt)
	}
	return nil
}

// requireNonZeroAddress is requireLowerAddress for an address the contract never leaves zero.
func requireNonZeroAddress(name, a string) error {
	if err := requireLowerAddress(name, a); err != nil {
		return err
	}
	if a == zeroAddress {
		return errorsmod.Wrapf(ErrInvalidAddress, "%s must not be the zero address", name)
	}
	return nil
}

// requireLowerAddress checks a 0x address in the canonical (lower-case) form.
func requireLowerAddress(name, a string) error {
	norm, err := NormalizeL1Address(a)
	if err != nil {
		return errorsmod.Wrapf(ErrInvalidAddress, "%s: %v", name, err)
	}
	if norm != a {
		return errorsmod.Wrapf(ErrInvalidAddress, "%s %s must be lower case", name, a)
	}
	return nil
}

// GetSequencerId implements L1EventMsg: configuration changes form the nonce chain of
// ConfigSequencerID.
func (m *MsgConfigChanged) GetSequencerId() uint64 { return ConfigSequencerID }

// GetNonce implements L1EventMsg: the contract's configNonce.
func (m *MsgConfigChanged) GetNonce() uint64 { return m.ConfigNonce }
