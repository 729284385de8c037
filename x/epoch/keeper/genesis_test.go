package keeper_test

import (
	"testing"
	"time"

	storetypes "cosmossdk.io/store/types"
	"github.com/cosmos/cosmos-sdk/runtime"
	"github.com/cosmos/cosmos-sdk/testutil"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/stretchr/testify/require"

	sequencertest "github.com/themis-network/themis/testutil/sequencer"
	"github.com/themis-network/themis/x/epoch/keeper"
	"github.com/themis-network/themis/x/epoch/types"
)

func TestGenesisExportImportRoundTrip(t *testing.T) {
	c := newChain(t, 10, 10, 10, 10)
	c.block(time.Second)
	c.run(16, true)
	c.run(6, false) // a stall: cut and cancelled epochs, an offence
	c.run(10, true)
	c.run(2, false) // the head stands: a clock with counted time
	exported, err := c.k.ExportGenesis(c.ctx)
	require.NoError(t, err)
	require.NoError(t, exported.Validate())
	// Two blocks, plus half the interval of the block that agreed on the head.
	require.Equal(t, 2500*time.Millisecond, exported.Progress.StalledFor)
	require.Equal(t, c.now, exported.Progress.ObservedAt)

	key := storetypes.NewKVStoreKey(types.StoreKey)
	ctx := testutil.DefaultContextWithDB(t, key, storetypes.NewTransientStoreKey("t")).Ctx.WithEventManager(sdk.NewEventManager())
	k2 := keeper.NewKeeper(sequencertest.Codec(), runtime.NewKVStoreService(key), sequencertest.AddressCodec(), sequencertest.Authority(t), c.seqs)
	require.NoError(t, k2.InitGenesis(ctx, *exported))
	again, err := k2.ExportGenesis(ctx)
	require.NoError(t, err)
	require.Equal(t, exported, again)
	// The imported schedule answers like the original.
	for h := uint64(1); h <= c.progress().Height+1; h++ {
		a, okA, err := c.k.EpochAt(c.ctx, h)
		require.NoError(t, err)
		b, okB, err := k2.EpochAt(ctx, h)
		require.NoError(t, err)
		require.Equal(t, okA, okB)
		require.Equal(t, a.Id, b.Id, "L2 height %d", h)
	}
	// The next offence id continues after the imported ones.
	next, err := k2.NextOffence.Peek(ctx)
	require.NoError(t, err)
	require.Equal(t, uint64(1), next)
}

func TestGenesisValidation(t *testing.T) {
	valid := func() types.GenesisState {
		gs := types.DefaultGenesis()
		seed := make([]byte, 32)
		gs.Epochs = []types.Epoch{
			{Id: 1, StartHeight: 1, EndHeight: 10, PlannedEndHeight: 20, ProducerId: 1, Signer: "0x01", Reason: scheduled, Seed: seed},
			{Id: 2, StartHeight: 21, EndHeight: 40, PlannedEndHeight: 40, ProducerId: 2, Signer: "0x02", Reason: scheduled, Seed: seed, Cancelled: true},
			{Id: 3, StartHeight: 11, EndHeight: 30, PlannedEndHeight: 30, ProducerId: 3, Signer: "0x03", Reason: stall, Seed: seed},
		}
		gs.StallChargedEpoch = 1
		return *gs
	}
	require.NoError(t, valid().Validate())
	paused := valid()
	paused.Progress = types.HeadProgress{Known: true, Height: 7, Since: time.Unix(10, 0), StalledFor: 3 * time.Second, ObservedAt: time.Unix(15, 0)}
	require.NoError(t, paused.Validate(), "a clock that paused for 2 of 5 seconds")
	cases := map[string]func(*types.GenesisState){
		"bad params":          func(g *types.GenesisState) { g.Params.EpochLength = 0 },
		"ids not from 1":      func(g *types.GenesisState) { g.Epochs[0].Id = 5 },
		"overlapping epochs":  func(g *types.GenesisState) { g.Epochs[2].StartHeight = 10 },
		"end before start":    func(g *types.GenesisState) { g.Epochs[0].EndHeight = 0 },
		"no producer":         func(g *types.GenesisState) { g.Epochs[0].ProducerId = 0 },
		"no reason":           func(g *types.GenesisState) { g.Epochs[0].Reason = 0 },
		"short epoch seed":    func(g *types.GenesisState) { g.Epochs[0].Seed = []byte{1} },
		"short running seed":  func(g *types.GenesisState) { g.Seed = []byte{1} },
		"unknown charged":     func(g *types.GenesisState) { g.StallChargedEpoch = 9 },
		"progress not known":  func(g *types.GenesisState) { g.Progress.Height = 3 },
		"clock not known":     func(g *types.GenesisState) { g.Progress.StalledFor = time.Second },
		"observed, not known": func(g *types.GenesisState) { g.Progress.ObservedAt = time.Unix(1, 0) },
		"known without time":  func(g *types.GenesisState) { g.Progress = types.HeadProgress{Known: true, Height: 3} },
		"observed before since": func(g *types.GenesisState) {
			g.Progress = types.HeadProgress{Known: true, Since: time.Unix(10, 0), ObservedAt: time.Unix(9, 0)}
		},
		"counted more than seen": func(g *types.GenesisState) {
			g.Progress = types.HeadProgress{Known: true, Since: time.Unix(10, 0), StalledFor: 6 * time.Second, ObservedAt: time.Unix(15, 0)}
		},
		"counted negative": func(g *types.GenesisState) {
			g.Progress = types.HeadProgress{Known: true, Since: time.Unix(10, 0), StalledFor: -time.Second, ObservedAt: time.Unix(15, 0)}
		},
		"bad report address":  func(g *types.GenesisState) { g.Reports = []types.ValidatorReport{{ConsAddress: []byte{1}}} },
		"bad onion":           func(g *types.GenesisState) { g.Onions = []types.OnionState{{ConsAddress: make([]byte, 20), Length: 0}} },
		"offence ids":         func(g *types.GenesisState) { g.Offences = []types.Offence{{Id: 0, Kind: 1, SequencerId: 1}} },
		"offence without who": func(g *types.GenesisState) { g.Offences = []types.Offence{{Id: 1, Kind: 1}} },
	}
	for name, mutate := range cases {
		t.Run(name, func(t *testing.T) {
			gs := valid()
			mutate(&gs)
			require.ErrorIs(t, gs.Validate(), types.ErrInvalidGenesis)
		})
	}
}
