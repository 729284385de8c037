package types

import (
	"context"

	sequencertypes "github.com/themis-network/themis/x/sequencer/types"
)

// SequencerKeeper is what x/mpc reads of the pool: the ACTIVE sequencers (never
// jailed, removed, banned or not admitted) with their consensus key and power.
type SequencerKeeper interface {
	ActiveValidatorSet(ctx context.Context) (sequencertypes.ValidatorSet, error)
}
