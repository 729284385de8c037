package types

import (
	"bytes"
	"math"

	errorsmod "cosmossdk.io/errors"

	"github.com/themis-network/themis/x/epoch/randao"
)

// ConsAddressLen is the length of a CometBFT validator address.
const ConsAddressLen = 20

// DefaultGenesis is an empty schedule with the default params: the first epoch is
// decided once the validators report an L2 head.
func DefaultGenesis() *GenesisState {
	return &GenesisState{Params: DefaultParams()}
}

// Validate checks a genesis state as InitGenesis would load it.
func (gs GenesisState) Validate() error {
	if err := gs.Params.Validate(); err != nil {
		return errorsmod.Wrap(ErrInvalidGenesis, err.Error())
	}
	if err := ValidateSchedule(gs.Epochs); err != nil {
		return err
	}
	if len(gs.Seed) != 0 && len(gs.Seed) != randao.Size {
		return errorsmod.Wrapf(ErrInvalidGenesis, "seed of %d bytes, want %d", len(gs.Seed), randao.Size)
	}
	if err := gs.Progress.Validate(); err != nil {
		return err
	}
	if gs.Progress.Height == math.MaxUint64 {
		return errorsmod.Wrap(ErrInvalidGenesis, "progress height is the largest height: nothing can follow it")
	}
	seen := make(map[string]struct{}, len(gs.Reports))
	for i, r := range gs.Reports {
		if len(r.ConsAddress) != ConsAddressLen {
			return errorsmod.Wrapf(ErrInvalidGenesis, "report %d: address of %d bytes", i, len(r.ConsAddress))
		}
		if _, dup := seen[string(r.ConsAddress)]; dup {
			return errorsmod.Wrapf(ErrInvalidGenesis, "report %d: address %X twice", i, r.ConsAddress)
		}
		seen[string(r.ConsAddress)] = struct{}{}
		if r.HasHead && len(r.L2Hash) != HashLen {
			return errorsmod.Wrapf(ErrInvalidGenesis, "report %d: l2_hash of %d bytes", i, len(r.L2Hash))
		}
	}
	seen = make(map[string]struct{}, len(gs.Onions))
	for i, o := range gs.Onions {
		if len(o.ConsAddress) != ConsAddressLen {
			return errorsmod.Wrapf(ErrInvalidGenesis, "onion %d: address of %d bytes", i, len(o.ConsAddress))
		}
		if _, dup := seen[string(o.ConsAddress)]; dup {
			return errorsmod.Wrapf(ErrInvalidGenesis, "onion %d: address %X twice", i, o.ConsAddress)
		}
		seen[string(o.ConsAddress)] = struct{}{}
		if len(o.Layer) != randao.Size || o.Length == 0 || o.Length > randao.MaxLength || o.Revealed > o.Length {
			return errorsmod.Wrapf(ErrInvalidGenesis, "onion %d: layer %d bytes, length %d, revealed %d", i, len(o.Layer), o.Length, o.Revealed)
		}
		if o.StartHeight < 0 || o.LayerHeight < o.StartHeight || uint64(o.LayerHeight-o.StartHeight) > o.Length {
			return errorsmod.Wrapf(ErrInvalidGenesis, "onion %d: start height %d, layer height %d, length %d", i, o.StartHeight, o.LayerHeight, o.Length)
		}
	}
	var lastOffence uint64
	wrongRootEpochs := map[uint64]bool{}
	for i, o := range gs.Offences {
		if o.Id <= lastOffence {
			return errorsmod.Wrapf(ErrInvalidGenesis, "offence %d: id %d not increasing", i, o.Id)
		}
		lastOffence = o.Id
		if _, known := OffenceKind_name[int32(o.Kind)]; !known || o.Kind == OffenceKind_OFFENCE_KIND_UNSPECIFIED || o.SequencerId == 0 {
			return errorsmod.Wrapf(ErrInvalidGenesis, "offence %d: kind or sequencer missing", i)
		}
		if o.Kind == OffenceKind_OFFENCE_KIND_WRONG_STATE_ROOT {
			if len(o.HeaderHash) != HashLen || len(o.SealHash) != HashLen {
				return errorsmod.Wrapf(ErrInvalidGenesis, "offence %d: header_hash of %d bytes, seal_hash of %d", i, len(o.HeaderHash), len(o.SealHash))
			}
			if wrongRootEpochs[o.EpochId] {
				return errorsmod.Wrapf(ErrInvalidGenesis, "offence %d: a second wrong state root for epoch %d", i, o.EpochId)
			}
			wrongRootEpochs[o.EpochId] = true
		}
	}
	if err := validateWrongRootTallies(gs.WrongRootTallies, gs.Epochs); err != nil {
		return err
	}
	if gs.StallChargedEpoch != 0 && !hasEpoch(gs.Epochs, gs.StallChargedEpoch) {
		return errorsmod.Wrapf(ErrInvalidGenesis, "stall_charged_epoch %d is not an epoch", gs.StallChargedEpoch)
	}
	return nil
}

// ValidateSchedule checks a list of epochs: increasing ids from 1, well-formed
// ranges, and live (not cancelled) epochs in increasing, non-overlapping order. A gap
// between live epochs is allowed: it only arises if more than 2/3 of power reported
// an L2 head beyond the schedule (no honest L2 node accepts unscheduled blocks), and
// the chain then schedules from that head on.
func ValidateSchedule(epochs []Epoch) error {
	var lastEnd uint64
	live := false
	for i, e := range epochs {
		if e.Id != uint64(i)+1 {
			return errorsmod.Wrapf(ErrInvalidGenesis, "epoch %d: id %d, want %d", i, e.Id, i+1)
		}
		if err := e.Validate(); err != nil {
			return errorsmod.Wrapf(ErrInvalidGenesis, "epoch %d: %v", e.Id, err)
		}
		if e.Cancelled {
			continue
		}
		if live && e.StartHeight <= lastEnd {
			return errorsmod.Wrapf(ErrInvalidGenesis, "epoch %d starts at %d, inside the previous live epoch (ends at %d)", e.Id, e.StartHeight, lastEnd)
		}
		lastEnd, live = e.EndHeight, true
	}
	return nil
}

// Validate checks one epoch on its own.
func (e Epoch) Validate() error {
	if e.StartHeight == 0 || e.EndHeight < e.StartHeight || e.PlannedEndHeight < e.EndHeight {
		return errorsmod.Wrapf(ErrInvalidGenesis, "range [%d, %d] planned to %d", e.StartHeight, e.EndHeight, e.PlannedEndHeight)
	}
	if e.ProducerId == 0 || e.Signer == "" {
		return errorsmod.Wrap(ErrInvalidGenesis, "producer or signer missing")
	}
	if _, ok := RotationReason_name[int32(e.Reason)]; !ok || e.Reason == RotationReason_ROTATION_REASON_UNSPECIFIED {
		return errorsmod.Wrapf(ErrInvalidGenesis, "reason %d", e.Reason)
	}
	if len(e.Seed) != randao.Size {
		return errorsmod.Wrapf(ErrInvalidGenesis, "seed of %d bytes", len(e.Seed))
	}
	return nil
}

func hasEpoch(epochs []Epoch, id uint64) bool {
	return id >= 1 && id <= uint64(len(epochs))
}

// Validate checks the agreed head's stall clock as x/epoch keeps it: nothing before a
// first head; then since <= observed_at and 0 <= stalled_for <= observed_at - since (only
// intervals between since and the last block folded in are ever counted).
func (p HeadProgress) Validate() error {
	if !p.Known {
		if p.Height != 0 || !p.Since.IsZero() || p.StalledFor != 0 || !p.ObservedAt.IsZero() {
			return errorsmod.Wrap(ErrInvalidGenesis, "progress without known")
		}
		return nil
	}
	if p.Since.IsZero() || p.ObservedAt.Before(p.Since) {
		return errorsmod.Wrapf(ErrInvalidGenesis, "progress since %s, observed at %s", p.Since, p.ObservedAt)
	}
	if p.StalledFor < 0 || p.StalledFor > p.ObservedAt.Sub(p.Since) {
		return errorsmod.Wrapf(ErrInvalidGenesis, "progress stalled for %s between %s and %s", p.StalledFor, p.Since, p.ObservedAt)
	}
	return nil
}

// validateWrongRootTallies checks the open wrong-state-root tallies: in strictly
// increasing (height, seal hash) order, each of a decided epoch, with its voters in strictly
// increasing address order, and no validator counted in more than
// MaxWrongRootVotesPerValidator of them.
func validateWrongRootTallies(tallies []WrongRootTally, epochs []Epoch) error {
	votes := map[string]int{}
	for i, t := range tallies {
		if t.L2Height == 0 || len(t.SealHash) != HashLen || len(t.HeaderHash) != HashLen {
			return errorsmod.Wrapf(ErrInvalidGenesis, "wrong-root tally %d: height %d, seal hash of %d bytes, header hash of %d", i, t.L2Height, len(t.SealHash), len(t.HeaderHash))
		}
		if i > 0 {
			prev := tallies[i-1]
			if prev.L2Height > t.L2Height || (prev.L2Height == t.L2Height && bytes.Compare(prev.SealHash, t.SealHash) >= 0) {
				return errorsmod.Wrapf(ErrInvalidGenesis, "wrong-root tally %d: not after the one before", i)
			}
		}
		if !hasEpoch(epochs, t.EpochId) || t.ProducerId == 0 || t.OpenedHeight < 0 {
			return errorsmod.Wrapf(ErrInvalidGenesis, "wrong-root tally %d: epoch %d, producer %d, opened at %d", i, t.EpochId, t.ProducerId, t.OpenedHeight)
		}
		if len(t.Voters) == 0 {
			return errorsmod.Wrapf(ErrInvalidGenesis, "wrong-root tally %d: no voters", i)
		}
		for j, v := range t.Voters {
			if len(v) != ConsAddressLen || (j > 0 && bytes.Compare(t.Voters[j-1], v) >= 0) {
				return errorsmod.Wrapf(ErrInvalidGenesis, "wrong-root tally %d: voter %d not a 20-byte address in increasing order", i, j)
			}
			votes[string(v)]++
			if votes[string(v)] > MaxWrongRootVotesPerValidator {
				return errorsmod.Wrapf(ErrInvalidGenesis, "wrong-root tally %d: voter %X is in more than %d tallies", i, v, MaxWrongRootVotesPerValidator)
			}
		}
	}
	return nil
}
