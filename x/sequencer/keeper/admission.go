package keeper

import (
	"context"
	"fmt"

	"cosmossdk.io/collections"

	"github.com/themis-network/themis/x/sequencer/types"
)

// Admission is the chain's half of the rule "L1 decides stake and keys, the chain
// decides admission". A locked sequencer is ACTIVE only if its owner is whitelisted,
// neither owner nor signer is banned and its signer is indexed (no conflict). The
// lock limits are the contract's (L1Config): it enforces min_lock itself, and max_lock
// only caps power, which the validator set reads at EndBlock. Governance removing an owner from the whitelist withdraws the
// admission of its ACTIVE sequencers (NOT_ADMITTED, no power: offboarding); adding the
// owner again re-admits what meets every rule. A JAILED one stays jailed (x/slashing's
// release runs the admission check).

// admissionFacts reads what admission depends on. conflict is the reason the signer
// cannot be indexed ("" if it can).
func (k Keeper) admissionFacts(ctx context.Context, s types.Sequencer, conflict string) (types.AdmissionFacts, error) {
	f := types.AdmissionFacts{Owner: s.Owner, Signer: s.Signer, SignerConflict: conflict}
	var err error
	if f.OwnerWhitelisted, err = k.Whitelist.Has(ctx, s.Owner); err != nil {
		return f, err
	}
	if f.OwnerBanned, err = k.Banned.Has(ctx, s.Owner); err != nil {
		return f, err
	}
	if f.SignerBanned, err = k.Banned.Has(ctx, s.Signer); err != nil {
		return f, err
	}
	return f, nil
}

// storedConflict is the conflict reason of a recorded sequencer: a signer in conflict
// stays so until L1 changes it (the holder keeps it, or it is retired).
func storedConflict(s types.Sequencer) string {
	if !s.SignerConflict {
		return ""
	}
	return fmt.Sprintf("signer %s is held by another sequencer or was retired", s.Signer)
}

// admit decides the status of a NOT_ADMITTED sequencer: ACTIVE if every admission rule
// holds, else NOT_ADMITTED with the reasons.
func (k Keeper) admit(ctx context.Context, s types.Sequencer) (types.SequencerStatus, string, error) {
	facts, err := k.admissionFacts(ctx, s, storedConflict(s))
	if err != nil {
		return 0, "", err
	}
	findings := facts.Findings()
	if len(findings) == 0 {
		return types.SEQUENCER_STATUS_ACTIVE, "", nil
	}
	return types.SEQUENCER_STATUS_NOT_ADMITTED, types.JoinFindings(findings), nil
}

// revokeOwner offboards an owner governance removed from the whitelist: its ACTIVE
// sequencers become NOT_ADMITTED (no power) with the reason; their stake and L1 state
// are untouched, and their L1 events keep applying in nonce order.
func (k Keeper) revokeOwner(ctx context.Context, owner string) error {
	reason := fmt.Sprintf("owner %s removed from the whitelist by governance", owner)
	return k.restatusOwner(ctx, owner, types.SEQUENCER_STATUS_ACTIVE, func(types.Sequencer) (types.SequencerStatus, string, error) {
		return types.SEQUENCER_STATUS_NOT_ADMITTED, reason, nil
	})
}

// admitOwner looks again at the owner's NOT_ADMITTED sequencers after governance
// whitelisted it: each one that now meets every rule becomes ACTIVE. A NOT_ADMITTED
// sequencer is locked on L1 and not unlocking (an unlock makes it UNLOCKING).
func (k Keeper) admitOwner(ctx context.Context, owner string) error {
	return k.restatusOwner(ctx, owner, types.SEQUENCER_STATUS_NOT_ADMITTED, func(s types.Sequencer) (types.SequencerStatus, string, error) {
		return k.admit(ctx, s)
	})
}

// restatusOwner gives each of the owner's sequencers in status from the status decide
// returns for it (OwnerIndex order).
func (k Keeper) restatusOwner(ctx context.Context, owner string, from types.SequencerStatus,
	decide func(types.Sequencer) (types.SequencerStatus, string, error),
) error {
	var ids []uint64
	err := k.OwnerIndex.Walk(ctx, collections.NewPrefixedPairRange[string, uint64](owner), func(key collections.Pair[string, uint64]) (bool, error) {
		ids = append(ids, key.K2())
		return false, nil
	})
	if err != nil {
		return err
	}
	height := sdkHeight(ctx)
	for _, id := range ids {
		s, err := k.GetSequencer(ctx, id)
		if err != nil {
			return err
		}
		if s.Status != from {
			continue
		}
		to, reason, err := decide(s)
		if err != nil {
			return err
		}
		k.setStatus(ctx, &s, to, reason, height)
		if err := k.Sequencers.Set(ctx, id, s); err != nil {
			return err
		}
	}
	return nil
}
