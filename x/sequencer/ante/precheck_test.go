package ante_test

import (
	"testing"

	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"
	"github.com/stretchr/testify/require"

	sequencertypes "github.com/themis-network/themis/x/sequencer/types"
)

func pendingCount(t *testing.T, f *fixture, ctx sdk.Context) uint64 {
	n, err := f.app.SequencerKeeper.PendingCount.Get(ctx)
	require.NoError(t, err)
	return n
}

// Wherever nothing else would run a fee-free relay's messages before it is included
// (CheckTx, its recheck, both proposal checks), the ante handler runs them and refuses
// the relay with the handler's own error, naming the message as baseapp does.
func TestRelayPrecheckRefusesAFailingRelay(t *testing.T) {
	for _, mode := range []sdk.ExecMode{sdk.ExecModeCheck, sdk.ExecModeReCheck, sdk.ExecModePrepareProposal, sdk.ExecModeProcessProposal} {
		f := newFixture(t)
		ctx := f.ctx(mode)
		err := f.ante(ctx, f.tx(1, nil, 200_000, f.fresh(1, 0), f.fresh(1, 1), f.stale(1, 0)))
		require.ErrorIs(t, err, sequencertypes.ErrNonceOutOfOrder, "mode %v", mode)
		require.ErrorContains(t, err, "message index: 2")
		require.Zero(t, pendingCount(t, f, ctx), "a refused relay leaves nothing behind")
	}
}

// The relay's effects stay on the ante handler's branch: the next transaction of the
// same mempool or proposal sees them, so a second copy is refused as the handler
// refuses it (here the queue's own ErrEventAlreadyPending).
func TestRelayPrecheckSeesEarlierRelays(t *testing.T) {
	f := newFixture(t)
	ctx := f.ctx(sdk.ExecModeCheck)
	relay := f.fresh(1, 0)
	require.NoError(t, f.ante(ctx, f.tx(1, nil, 200_000, relay)))
	require.Equal(t, uint64(1), pendingCount(t, f, ctx), "the mempool's state has the relay queued")
	err := f.ante(ctx, f.tx(1, nil, 200_000, relay))
	require.ErrorIs(t, err, sequencertypes.ErrEventAlreadyPending)
}

// Block execution and simulation run the messages after the ante handler: it must not
// run them a second time.
func TestRelayPrecheckLeavesExecutionToBaseapp(t *testing.T) {
	f := newFixture(t)
	ctx := f.ctx(sdk.ExecModeFinalize)
	require.NoError(t, f.ante(ctx, f.tx(1, nil, 200_000, f.fresh(1, 0))))
	require.NoError(t, f.ante(ctx, f.tx(1, nil, 200_000, f.stale(1, 0))), "the failure is block execution's to record")
	require.Zero(t, pendingCount(t, f, ctx))
}

// A relay that offers a fee is an ordinary transaction: admitted whatever its messages
// would do, it pays when it fails.
func TestRelayPrecheckSkipsPayingRelays(t *testing.T) {
	f := newFixture(t)
	ctx := f.ctx(sdk.ExecModeCheck)
	require.NoError(t, f.ante(ctx, f.tx(0, fee(200_000), 200_000, f.stale(0, 0))))
}

// Running out of gas inside the messages is a refusal, never a panic.
func TestRelayPrecheckOutOfGas(t *testing.T) {
	f := newFixture(t)
	ctx := f.ctx(sdk.ExecModeCheck)
	err := f.ante(ctx, f.tx(1, nil, 50_000, f.fresh(1, 0), f.fresh(1, 1), f.fresh(1, 2)))
	require.ErrorIs(t, err, sdkerrors.ErrOutOfGas)
}
