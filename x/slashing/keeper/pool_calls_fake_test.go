package keeper_test

import (
	"context"

	errorsmod "cosmossdk.io/errors"

	"github.com/themis-network/themis/x/mpc/outbound"
	mpctypes "github.com/themis-network/themis/x/mpc/types"
)

// The fake x/mpc's pool calls: proposals are stored CHECKING, and the test moves
// them on (setCall) as the validators' dry runs and the outbox would.

func (f *fakeMpc) PoolReady(context.Context) (bool, error) { return f.ready, nil }

func (f *fakeMpc) PurposeHalted(context.Context, string) (bool, error) { return f.halted, nil }

func (f *fakeMpc) ProposePoolCall(_ context.Context, purpose string, ref uint64, call outbound.Call) (uint64, error) {
	if err := call.Validate(); err != nil {
		return 0, errorsmod.Wrap(mpctypes.ErrInvalidPoolCall, err.Error())
	}
	id := uint64(len(f.calls) + 1)
	f.calls = append(f.calls, mpctypes.PoolTx{
		Id: id, Purpose: purpose, Ref: ref, To: mpctypes.AddressString(call.To), Data: call.Data, Gas: call.Gas, Status: mpctypes.POOL_TX_STATUS_CHECKING,
	})
	return id, nil
}

func (f *fakeMpc) GetPoolTx(_ context.Context, id uint64) (mpctypes.PoolTx, error) {
	if id == 0 || id > uint64(len(f.calls)) {
		return mpctypes.PoolTx{}, errorsmod.Wrapf(mpctypes.ErrPoolTxNotFound, "%d", id)
	}
	return f.calls[id-1], nil
}

func (f *fakeMpc) CancelPoolCall(_ context.Context, id uint64) error {
	tx := &f.calls[id-1]
	switch tx.Status {
	case mpctypes.POOL_TX_STATUS_CHECKING, mpctypes.POOL_TX_STATUS_QUEUED:
		tx.Status = mpctypes.POOL_TX_STATUS_CANCELLED
	case mpctypes.POOL_TX_STATUS_SIGNING, mpctypes.POOL_TX_STATUS_SENT:
		return errorsmod.Wrapf(mpctypes.ErrPoolTxSigned, "%d", id)
	}
	return nil
}

// open returns the ids of the calls still on their way, in id order.
func (f *fakeMpc) open() []uint64 {
	var out []uint64
	for _, tx := range f.calls {
		switch tx.Status {
		case mpctypes.POOL_TX_STATUS_CHECKING, mpctypes.POOL_TX_STATUS_QUEUED, mpctypes.POOL_TX_STATUS_SIGNING, mpctypes.POOL_TX_STATUS_SENT:
			out = append(out, tx.Id)
		}
	}
	return out
}

// land ends a call on L1 (CONFIRMED at l1Block, or REVERTED).
func (f *fakeMpc) land(id uint64, reverted bool, l1Block uint64) {
	tx := &f.calls[id-1]
	tx.Status, tx.L1Block = mpctypes.POOL_TX_STATUS_CONFIRMED, l1Block
	if reverted {
		tx.Status = mpctypes.POOL_TX_STATUS_REVERTED
	}
}

// refuse ends a call's dry runs with the staking contract's error name (as its
// selector; "" for a bare revert).
func (f *fakeMpc) refuse(id uint64, selector []byte) {
	tx := &f.calls[id-1]
	tx.Status, tx.Refusal = mpctypes.POOL_TX_STATUS_REFUSED, selector
}

// sign moves a call past its dry run into signing (it can no longer be withdrawn).
func (f *fakeMpc) sign(id uint64) { f.calls[id-1].Status = mpctypes.POOL_TX_STATUS_SIGNING }
