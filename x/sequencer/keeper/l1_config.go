package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"

	"github.com/themis-network/themis/x/sequencer/types"
)

// The staking contract's configuration (L1Config), changed only by its relayed,
// approved configuration events, in configNonce order. Nothing else writes it: the
// lock limits and the exit delay are the contract's, not chain parameters.

// applyConfigChange applies an approved configuration event whose nonce is the next
// one (checkL1Event). A new max_lock changes every ACTIVE sequencer's power at this
// block's EndBlock, where the validator set is rebuilt; admission does not depend on
// the limits (admission.go), so nobody's status changes.
func (k Keeper) applyConfigChange(ctx context.Context, m *types.MsgConfigChanged) error {
	config, err := k.L1Config.Get(ctx)
	if err != nil {
		return err
	}
	next, change, detail := config.Apply(m)
	if err := k.L1Config.Set(ctx, next); err != nil {
		return err
	}
	if w := m.GetWhitelist(); w != nil {
		if err := k.setL1Whitelisted(ctx, w.Account, w.Allowed); err != nil {
			return err
		}
	}
	emit(ctx, &types.EventL1ConfigChanged{ConfigNonce: next.ConfigNonce, Change: change, Detail: detail})
	return nil
}

// l1NonceOf is the nonce of the last applied event in id's nonce chain: the contract's
// configNonce for ConfigSequencerID, its ledgerNonce for LedgerSequencerID, the
// sequencer's L1 nonce otherwise. known is false for a sequencer never locked.
func (k Keeper) l1NonceOf(ctx context.Context, id uint64) (nonce uint64, known bool, err error) {
	switch id {
	case types.ConfigSequencerID:
		config, err := k.L1Config.Get(ctx)
		return config.ConfigNonce, err == nil, err
	case types.LedgerSequencerID:
		ledger, err := k.L1Ledger.Get(ctx)
		return ledger.LedgerNonce, err == nil, err
	}
	s, err := k.Sequencers.Get(ctx, id)
	switch {
	case errors.Is(err, collections.ErrNotFound):
		return 0, false, nil
	case err != nil:
		return 0, false, err
	}
	return s.L1Nonce, true, nil
}
