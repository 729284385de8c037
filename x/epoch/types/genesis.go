package types

import (
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
	for i, o := range gs.Offences {
		if o.Id <= lastOffence {
			return errorsmod.Wrapf(ErrInvalidGenesis, "offence %d: id %d not increasing", i, o.Id)
		}
		lastOffence = o.Id
		if o.Kind == OffenceKind_OFFENCE_KIND_UNSPECIFIED || o.SequencerId == 0 {
			return errorsmod.Wrapf(ErrInvalidGenesis, "offence %d: kind or sequencer missing", i)
		}
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
