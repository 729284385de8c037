package cmd

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cosmossdk.io/log"
	dbm "github.com/cosmos/cosmos-db"
	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	simtestutil "github.com/cosmos/cosmos-sdk/testutil/sims"
	genutiltypes "github.com/cosmos/cosmos-sdk/x/genutil/types"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/app"
)

func run(t *testing.T, args ...string) {
	t.Helper()
	root := NewRootCmd()
	root.SetArgs(args)
	root.SetOut(&strings.Builder{})
	root.SetErr(&strings.Builder{})
	require.NoError(t, root.Execute(), "themisd %s", strings.Join(args, " "))
}

func requireChainDefaults(t *testing.T, home string) {
	t.Helper()
	gen, err := genutiltypes.AppGenesisFromFile(filepath.Join(home, "config", "genesis.json"))
	require.NoError(t, err)
	require.Equal(t, int64(app.BlockMaxGas), gen.Consensus.Params.Block.MaxGas, "a finite block max_gas")
	require.Equal(t, int64(1), gen.Consensus.Params.ABCI.VoteExtensionsEnableHeight)
	require.Equal(t, []string{"secp256k1"}, gen.Consensus.Params.Validator.PubKeyTypes)
	appToml, err := os.ReadFile(filepath.Join(home, "config", "app.toml"))
	require.NoError(t, err)
	require.Contains(t, string(appToml), `minimum-gas-prices = "0.025uthemis"`)
	require.Regexp(t, `(?m)^snapshot-interval = [1-9][0-9]*$`, string(appToml), "state-sync snapshots on by default")
}

// Every genesis themisd writes has a finite max_gas, and every node config the
// chain's minimum gas price.
func TestGeneratedConfigsBoundGasAndPriceIt(t *testing.T) {
	t.Run("init", func(t *testing.T) {
		home := t.TempDir()
		run(t, "init", "node", "--chain-id", "themis-test", "--home", home)
		requireChainDefaults(t, home)
	})
	t.Run("testnet", func(t *testing.T) {
		// Straight to the command: testnet has no --home for the root's config handler.
		a := app.New(log.NewNopLogger(), dbm.NewMemDB(), nil, false, simtestutil.NewAppOptionsWithFlagHome(t.TempDir()))
		c := TestnetCmd(a.BasicModuleManager)
		c.SetContext(context.WithValue(context.Background(), client.ClientContextKey, &client.Context{Codec: a.AppCodec()}))
		out := filepath.Join(t.TempDir(), "net")
		c.SetArgs([]string{"--validators", "2", "--output-dir", out})
		c.SetOut(&strings.Builder{})
		require.NoError(t, c.Execute())
		for _, node := range []string{"node0", "node1"} {
			requireChainDefaults(t, filepath.Join(out, node))
		}
	})
}

// A transaction command offers the chain's minimum gas price unless told a fee; relays
// offer none (they are free for an active sequencer, and a new one has no tokens).
func TestTxCommandsOfferTheMinimumGasPrice(t *testing.T) {
	price := func(args ...string) string {
		c, _, err := NewRootCmd().Find(args)
		require.NoError(t, err)
		offerMinGasPrice(c)
		return c.Flags().Lookup(flags.FlagGasPrices).Value.String()
	}
	require.Equal(t, "0.025uthemis", price("tx", "bank", "send"))
	require.Equal(t, "0.025uthemis", price("tx", "gov", "vote"))
	require.Empty(t, price("tx", "sequencer", "relay-locked"))

	c, _, err := NewRootCmd().Find([]string{"tx", "gov", "vote"})
	require.NoError(t, err)
	require.NoError(t, c.Flags().Set(flags.FlagFees, "5000uthemis"))
	offerMinGasPrice(c)
	require.Empty(t, c.Flags().Lookup(flags.FlagGasPrices).Value.String(), "--fees and --gas-prices cannot go together")
}
