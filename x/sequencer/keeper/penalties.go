package keeper

import (
	"context"
	"fmt"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"

	"github.com/themis-network/themis/x/sequencer/types"
)

// The chain side of x/slashing's decisions. x/slashing decides (the ladder) and
// keeps the evidence; these carry the outcome out on the sequencer's record, so its
// status, power and indices stay this module's alone.

type slashHooksRef struct{ h types.SlashHooks }

// SetSlashHooks installs x/slashing's hooks (app wiring, once).
func (k Keeper) SetSlashHooks(h types.SlashHooks) {
	if k.slashHooks.h != nil {
		panic("x/sequencer: slash hooks already set")
	}
	k.slashHooks.h = h
}

// afterL1Slashed tells the hooks about an applied L1 slash and returns the unconfirmed
// amount it settles.
func (k Keeper) afterL1Slashed(ctx context.Context, fact types.L1SlashFact) math.Int {
	if k.slashHooks.h == nil {
		return math.ZeroInt()
	}
	return k.slashHooks.h.AfterL1Slashed(ctx, fact)
}

// GetSequencerByAccount returns the sequencer whose signer's chain account is addr.
func (k Keeper) GetSequencerByAccount(ctx context.Context, addr []byte) (types.Sequencer, error) {
	id, err := k.AccountIndex.Get(ctx, addr)
	if err != nil {
		if errorsmod.IsOf(err, collections.ErrNotFound) {
			return types.Sequencer{}, errorsmod.Wrapf(types.ErrNotSequencer, "account %x", addr)
		}
		return types.Sequencer{}, err
	}
	return k.GetSequencer(ctx, id)
}

// MinLock is the staking contract's min_lock as last mirrored.
func (k Keeper) MinLock(ctx context.Context) (math.Int, error) {
	c, err := k.L1Config.Get(ctx)
	if err != nil {
		return math.Int{}, err
	}
	return c.MinLock, nil
}

// MaxLock is the staking contract's max_lock as last mirrored: power and rewards count
// a sequencer's stake up to it.
func (k Keeper) MaxLock(ctx context.Context) (math.Int, error) {
	c, err := k.L1Config.Get(ctx)
	if err != nil {
		return math.Int{}, err
	}
	return c.MaxLock, nil
}

// AddUnconfirmedSlash lowers the chain's view of a sequencer's stake by a slash decided
// on chain and not yet confirmed by L1 (its power follows at this block's EndBlock).
func (k Keeper) AddUnconfirmedSlash(ctx context.Context, id uint64, amount math.Int) error {
	if amount.IsNil() || amount.IsNegative() {
		return errorsmod.Wrapf(types.ErrInvalidAmount, "unconfirmed slash %s", amount)
	}
	s, err := k.GetSequencer(ctx, id)
	if err != nil {
		return err
	}
	s.UnconfirmedSlash = types.UnconfirmedSlash(s).Add(amount)
	if err := k.Sequencers.Set(ctx, id, s); err != nil {
		return err
	}
	k.emitStake(ctx, s)
	return nil
}

// Jail takes a sequencer out of the pool until x/slashing releases it (Unjail). Only
// a sequencer L1 shows locked and the chain has not removed or banned can be jailed:
// one that is leaving (UNLOCKING, UNLOCKED) keeps its status, removal and ban are
// stronger. It reports whether the sequencer is JAILED afterwards.
func (k Keeper) Jail(ctx context.Context, id uint64, reason string) (bool, error) {
	s, err := k.GetSequencer(ctx, id)
	if err != nil {
		return false, err
	}
	switch s.Status {
	case types.SEQUENCER_STATUS_JAILED:
		return true, nil
	case types.SEQUENCER_STATUS_ACTIVE, types.SEQUENCER_STATUS_NOT_ADMITTED:
	default:
		return false, nil
	}
	k.setStatus(ctx, &s, types.SEQUENCER_STATUS_JAILED, reason, sdkHeight(ctx))
	return true, k.Sequencers.Set(ctx, id, s)
}

// Unjail releases a JAILED sequencer: it is ACTIVE again if every admission rule holds
// (the whitelist may have changed while it was jailed), NOT_ADMITTED otherwise.
func (k Keeper) Unjail(ctx context.Context, id uint64) (types.SequencerStatus, error) {
	s, err := k.GetSequencer(ctx, id)
	if err != nil {
		return 0, err
	}
	if s.Status != types.SEQUENCER_STATUS_JAILED {
		return 0, errorsmod.Wrapf(types.ErrInvalidStatus, "sequencer %d is %s, not jailed", id, s.Status)
	}
	to, reason, err := k.admit(ctx, s)
	if err != nil {
		return 0, err
	}
	k.setStatus(ctx, &s, to, reason, sdkHeight(ctx))
	return to, k.Sequencers.Set(ctx, id, s)
}

// RemoveOwner removes a sequencer for good, as an entity: its owner leaves the
// whitelist (its other sequencers lose their admission with it) and may re-apply
// through governance, which re-admits what meets every rule.
func (k Keeper) RemoveOwner(ctx context.Context, id uint64, reason string) error {
	s, err := k.GetSequencer(ctx, id)
	if err != nil {
		return err
	}
	if s.Status == types.SEQUENCER_STATUS_BANNED {
		return nil
	}
	if err := k.setWhitelisted(ctx, s.Owner, false); err != nil {
		return err
	}
	if err := k.revokeOwner(ctx, s.Owner); err != nil {
		return err
	}
	emit(ctx, &types.EventWhitelistUpdated{Removed: []string{s.Owner}})
	if s, err = k.GetSequencer(ctx, id); err != nil { // revokeOwner may have changed it
		return err
	}
	if leaving(s.Status) {
		return nil // L1 already has it leaving: the whitelist removal is what remains
	}
	k.setStatus(ctx, &s, types.SEQUENCER_STATUS_REMOVED, reason, sdkHeight(ctx))
	return k.Sequencers.Set(ctx, id, s)
}

// BanOwner bans the entity: the owner and the sequencer's signer can never lock or
// rejoin (a later lock is recorded BANNED, with no power), and every sequencer of the
// owner that L1 still shows locked (not UNLOCKING or UNLOCKED) is BANNED.
func (k Keeper) BanOwner(ctx context.Context, id uint64, reason string) error {
	s, err := k.GetSequencer(ctx, id)
	if err != nil {
		return err
	}
	for _, addr := range []string{s.Owner, s.Signer} {
		if err := k.Banned.Set(ctx, addr); err != nil {
			return err
		}
	}
	if err := k.setWhitelisted(ctx, s.Owner, false); err != nil {
		return err
	}
	emit(ctx, &types.EventWhitelistUpdated{Removed: []string{s.Owner}})
	banned := fmt.Sprintf("owner %s banned: %s", s.Owner, reason)
	// A lock L1 has on its way out keeps UNLOCKING or UNLOCKED: the ban list bans it
	// already, and its status must keep following L1 (an appeal must not make an
	// exiting lock ACTIVE).
	return k.restatusOwner(ctx, s.Owner, func(o types.Sequencer) (types.SequencerStatus, string, bool, error) {
		return types.SEQUENCER_STATUS_BANNED, banned, !leaving(o.Status), nil
	})
}

// leaving reports a status in which L1 has the lock on its way out.
func leaving(st types.SequencerStatus) bool {
	return st == types.SEQUENCER_STATUS_UNLOCKING || st == types.SEQUENCER_STATUS_UNLOCKED
}

// RemoveUnconfirmedSlash undoes AddUnconfirmedSlash: a slash reverted before L1 took it
// (an upheld appeal while the pool's transaction was still queued).
func (k Keeper) RemoveUnconfirmedSlash(ctx context.Context, id uint64, amount math.Int) error {
	if amount.IsNil() || amount.IsNegative() {
		return errorsmod.Wrapf(types.ErrInvalidAmount, "unconfirmed slash %s", amount)
	}
	s, err := k.GetSequencer(ctx, id)
	if err != nil {
		return err
	}
	pending := types.UnconfirmedSlash(s)
	s.UnconfirmedSlash = pending.Sub(math.MinInt(amount, pending))
	if err := k.Sequencers.Set(ctx, id, s); err != nil {
		return err
	}
	k.emitStake(ctx, s)
	return nil
}

// ReinstateOwner undoes a removal or a ban after governance upheld an appeal: the
// owner and the signer the offence banned leave the ban list, the owner is whitelisted
// again, and every REMOVED or BANNED sequencer of the owner is decided again: JAILED if
// x/slashing still holds it in jail (stillJailed), else by the admission rules (ACTIVE
// if they all hold, NOT_ADMITTED otherwise).
func (k Keeper) ReinstateOwner(ctx context.Context, id uint64, signer string, stillJailed func(uint64) (bool, error)) error {
	s, err := k.GetSequencer(ctx, id)
	if err != nil {
		return err
	}
	for _, addr := range []string{s.Owner, signer} {
		if addr == "" {
			continue
		}
		if err := k.Banned.Remove(ctx, addr); err != nil {
			return err
		}
	}
	if err := k.setWhitelisted(ctx, s.Owner, true); err != nil {
		return err
	}
	emit(ctx, &types.EventWhitelistUpdated{Added: []string{s.Owner}})
	return k.restatusOwner(ctx, s.Owner, func(o types.Sequencer) (types.SequencerStatus, string, bool, error) {
		if o.Status != types.SEQUENCER_STATUS_REMOVED && o.Status != types.SEQUENCER_STATUS_BANNED {
			return 0, "", false, nil
		}
		if jailed, err := stillJailed(o.Id); err != nil || jailed {
			return types.SEQUENCER_STATUS_JAILED, "still jailed by a standing offence", true, err
		}
		to, reason, err := k.admit(ctx, o)
		return to, reason, true, err
	})
}
