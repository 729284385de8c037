package types

import (
	"context"

	sequencertypes "github.com/themis-network/themis/x/sequencer/types"
)

// SequencerKeeper is what x/epoch reads of the pool: who is active and with what power.
type SequencerKeeper interface {
	// ActiveValidatorSet returns the active sequencers with their power and sequencer
	// id; x/epoch sorts the candidates by id itself.
	ActiveValidatorSet(ctx context.Context) (sequencertypes.ValidatorSet, error)
	GetSequencer(ctx context.Context, id uint64) (sequencertypes.Sequencer, error)
}
