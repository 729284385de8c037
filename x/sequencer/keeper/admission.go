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
	return k.restatusOwner(ctx, owner, func(s types.Sequencer) (types.SequencerStatus, string, bool, error) {
		return types.SEQUENCER_STATUS_NOT_ADMITTED, reason, s.Status == types.SEQUENCER_STATUS_ACTIVE, nil
	})
}

// admitOwner looks again at the owner's NOT_ADMITTED and REMOVED sequencers after
// governance whitelisted it (a removed owner re-applies through governance): each one
// that now meets every rule becomes ACTIVE. Both are locked on L1 and not unlocking (an
// unlock makes them UNLOCKING). A JAILED one stays jailed, a BANNED one banned.
func (k Keeper) admitOwner(ctx context.Context, owner string) error {
	return k.restatusOwner(ctx, owner, func(s types.Sequencer) (types.SequencerStatus, string, bool, error) {
		if s.Status != types.SEQUENCER_STATUS_NOT_ADMITTED && s.Status != types.SEQUENCER_STATUS_REMOVED {
			return 0, "", false, nil
		}
		to, reason, err := k.admit(ctx, s)
		return to, reason, true, err
	})
}

// restatusOwner gives each of the owner's sequencers the status decide returns for it,
// where decide says so (OwnerIndex order).
func (k Keeper) restatusOwner(ctx context.Context, owner string,
	decide func(types.Sequencer) (types.SequencerStatus, string, bool, error),
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
		to, reason, ok, err := decide(s)
		if err != nil {
			return err
		}
		if !ok {
			continue
		}
		k.setStatus(ctx, &s, to, reason, height)
		if err := k.Sequencers.Set(ctx, id, s); err != nil {
			return err
		}
	}
	return nil
}
