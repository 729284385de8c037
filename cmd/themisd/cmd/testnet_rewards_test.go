package cmd

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"cosmossdk.io/log"
	dbm "github.com/cosmos/cosmos-db"
	"github.com/cosmos/cosmos-sdk/client"
	simtestutil "github.com/cosmos/cosmos-sdk/testutil/sims"
	genutiltypes "github.com/cosmos/cosmos-sdk/x/genutil/types"
	"github.com/cosmos/gogoproto/proto"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/app"
	slashingtypes "github.com/themis-network/themis/x/slashing/types"
)

// testnetRunner runs `themisd testnet` in process with a (fresh) app's codec and
// returns what it printed.
func testnetRunner(t *testing.T) (*app.App, func(args ...string) (string, error)) {
	a := app.New(log.NewNopLogger(), dbm.NewMemDB(), nil, false, simtestutil.NewAppOptionsWithFlagHome(t.TempDir()))
	return a, func(args ...string) (string, error) {
		c := TestnetCmd(a.BasicModuleManager)
		c.SetContext(context.WithValue(context.Background(), client.ClientContextKey, &client.Context{Codec: a.AppCodec()}))
		c.SetArgs(args)
		var out strings.Builder
		c.SetOut(&out)
		c.SetErr(&strings.Builder{})
		err := c.Execute()
		return out.String(), err
	}
}

// --reward-per-block sets the localnet's reward per L2 block until the first re-target;
// a value that is not a non-negative integer is refused. The localnet batches rewards
// every 2 minutes (--reward-batch-interval changes it).
func TestTestnetRewardPerBlock(t *testing.T) {
	a, run := testnetRunner(t)
	testnet := func(args ...string) error {
		_, err := run(args...)
		return err
	}
	out := filepath.Join(t.TempDir(), "net")
	require.NoError(t, testnet("--validators", "1", "--output-dir", out, "--reward-per-block", "6341958396752917"))
	var gs slashingtypes.GenesisState
	moduleGenesis(t, a, filepath.Join(out, "node0"), slashingtypes.ModuleName, &gs)
	require.Equal(t, "6341958396752917", gs.RewardState.RewardPerBlock.String())
	require.Equal(t, 2*time.Minute, gs.Params.RewardBatchInterval, "the localnet's reward cadence")
	require.NoError(t, gs.Validate())

	out = filepath.Join(t.TempDir(), "net")
	require.NoError(t, testnet("--validators", "1", "--output-dir", out, "--reward-batch-interval", "45s"))
	moduleGenesis(t, a, filepath.Join(out, "node0"), slashingtypes.ModuleName, &gs)
	require.Equal(t, 45*time.Second, gs.Params.RewardBatchInterval)
	require.ErrorContains(t, testnet("--validators", "1", "--output-dir", filepath.Join(t.TempDir(), "zero"), "--reward-batch-interval", "0s"), "reward_batch_interval")

	for _, bad := range []string{"-1", "1.5", "x"} {
		err := testnet("--validators", "1", "--output-dir", filepath.Join(t.TempDir(), "bad"), "--reward-per-block", bad)
		require.ErrorContains(t, err, "--reward-per-block", bad)
	}
}

// moduleGenesis decodes module's state from the genesis.json of the node home into out.
func moduleGenesis(t *testing.T, a *app.App, home, module string, out proto.Message) {
	t.Helper()
	gen, err := genutiltypes.AppGenesisFromFile(filepath.Join(home, "config", "genesis.json"))
	require.NoError(t, err)
	var state map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(gen.AppState, &state))
	require.NoError(t, a.AppCodec().UnmarshalJSON(state[module], out))
}
