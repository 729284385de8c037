package keeper_test

import (
	"testing"
	"time"

	storetypes "cosmossdk.io/store/types"
	"github.com/cosmos/cosmos-sdk/runtime"
	"github.com/stretchr/testify/require"

	sequencertest "github.com/themis-network/themis/testutil/sequencer"
	"github.com/themis-network/themis/x/slashing/keeper"
	"github.com/themis-network/themis/x/slashing/types"
)

// Export then import gives the same state: offences, jails, strikes, escrows in every
// status, actions (the QUEUED index and the id sequences rebuilt) and the cursor.
func TestGenesis_RoundTrip(t *testing.T) {
	c := newChain(t)
	c.stall(2)
	c.stall(3)
	c.next()
	c.confirm(1, c.offence(1).Slashed, 41) // HELD; offence 2's stays PENDING_L1
	c.after(5 * 24 * time.Hour)
	require.NoError(t, c.unjail(2))

	exported, err := c.k.ExportGenesis(c.Ctx)
	require.NoError(t, err)
	require.NoError(t, exported.Validate())
	require.Len(t, exported.Offences, 2)
	require.Len(t, exported.Jails, 1)
	require.Len(t, exported.Strikes, 2)
	require.Len(t, exported.Escrows, 2)
	require.Len(t, exported.L1Actions, 2)
	require.Equal(t, uint64(2), exported.EpochOffenceCursor)

	key := storetypes.NewKVStoreKey(types.StoreKey)
	env := sequencertest.NewEnvWithGenesis(t, sequencertest.RelayerGenesis(t), key)
	k2 := keeper.NewKeeper(sequencertest.Codec(), runtime.NewKVStoreService(key), env.AddrCodec, env.Authority, env.K, c.epochs)
	require.NoError(t, k2.InitGenesis(env.Ctx, *exported))
	again, err := k2.ExportGenesis(env.Ctx)
	require.NoError(t, err)
	require.Equal(t, exported, again)

	queued, err := keeper.NewQueryServerImpl(k2).L1Actions(env.Ctx, &types.QueryL1ActionsRequest{Status: types.L1_ACTION_STATUS_QUEUED})
	require.NoError(t, err)
	require.Len(t, queued.Actions, 1)
	require.Equal(t, uint64(3), queued.Actions[0].Slash.SequencerId, "offence 2's slash is still queued")
	byThree, err := keeper.NewQueryServerImpl(k2).Offences(env.Ctx, &types.QueryOffencesRequest{SequencerId: 3})
	require.NoError(t, err)
	require.Len(t, byThree.Offences, 1)
	next, err := k2.NextOffence.Peek(env.Ctx)
	require.NoError(t, err)
	require.Equal(t, uint64(2), next, "the next offence is 3")
}

// Genesis validation refuses what could not have been exported.
func TestGenesis_ValidateRefuses(t *testing.T) {
	c := newChain(t)
	c.stall(2)
	c.next()
	good, err := c.k.ExportGenesis(c.Ctx)
	require.NoError(t, err)
	for name, mutate := range map[string]func(gs *types.GenesisState){
		"params":             func(gs *types.GenesisState) { gs.Params.MediumStrikesToRemove = 0 },
		"escrow period":      func(gs *types.GenesisState) { gs.Params.EscrowPeriod = 0 },
		"amounts not whole":  func(gs *types.GenesisState) { gs.Offences[0].Remaining = gs.Offences[0].Remaining.AddRaw(1) },
		"offence id repeats": func(gs *types.GenesisState) { gs.Offences = append(gs.Offences, gs.Offences[0]) },
		"jail of no offence": func(gs *types.GenesisState) { gs.Jails[0].OffenceId = 9 },
		"action of another":  func(gs *types.GenesisState) { gs.L1Actions[0].Slash.SequencerId = 3 },
		"bad l1 offence key": func(gs *types.GenesisState) { gs.L1Actions[0].Slash.OffenceId = []byte{1} },
		"zero strikes":       func(gs *types.GenesisState) { gs.Strikes[0].MediumStrikes = 0 },
		"escrow of another":  func(gs *types.GenesisState) { gs.Escrows[0].SequencerId = 3 },
		"severity":           func(gs *types.GenesisState) { gs.Offences[0].Severity = 9 },
	} {
		t.Run(name, func(t *testing.T) {
			gs, err := c.k.ExportGenesis(c.Ctx)
			require.NoError(t, err)
			mutate(gs)
			err = gs.Validate()
			require.Error(t, err)
			require.True(t, types.ErrInvalidGenesis.Is(err) || types.ErrInvalidParams.Is(err), "%v", err)
		})
	}
	require.NoError(t, good.Validate())
}
