// Package cmd builds themisd's command tree.
package cmd

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"cosmossdk.io/log"
	cmtcfg "github.com/cometbft/cometbft/config"
	dbm "github.com/cosmos/cosmos-db"
	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/config"
	"github.com/cosmos/cosmos-sdk/client/debug"
	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/client/keys"
	"github.com/cosmos/cosmos-sdk/client/pruning"
	"github.com/cosmos/cosmos-sdk/client/rpc"
	"github.com/cosmos/cosmos-sdk/client/snapshot"
	"github.com/cosmos/cosmos-sdk/server"
	serverconfig "github.com/cosmos/cosmos-sdk/server/config"
	servertypes "github.com/cosmos/cosmos-sdk/server/types"
	simtestutil "github.com/cosmos/cosmos-sdk/testutil/sims"
	authcmd "github.com/cosmos/cosmos-sdk/x/auth/client/cli"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/spf13/cobra"

	"github.com/themis-network/themis/app"
	sequencertypes "github.com/themis-network/themis/x/sequencer/types"
)

// NewRootCmd builds `themisd`.
func NewRootCmd() *cobra.Command {
	app.SetAddressPrefixes()
	// A throwaway app gives autocli the modules' descriptors; it never touches disk.
	tempHome, err := os.MkdirTemp("", "themisd-cli")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(tempHome)
	tempApp := app.New(log.NewNopLogger(), dbm.NewMemDB(), nil, false, simtestutil.NewAppOptionsWithFlagHome(tempHome))
	enc := app.EncodingConfig{
		InterfaceRegistry: tempApp.InterfaceRegistry(),
		Codec:             tempApp.AppCodec(),
		TxConfig:          tempApp.TxConfig(),
		Amino:             tempApp.LegacyAmino(),
	}

	initClientCtx := client.Context{}.
		WithCodec(enc.Codec).
		WithInterfaceRegistry(enc.InterfaceRegistry).
		WithTxConfig(enc.TxConfig).
		WithLegacyAmino(enc.Amino).
		WithInput(os.Stdin).
		WithAccountRetriever(authtypes.AccountRetriever{}).
		WithHomeDir(app.DefaultNodeHome).
		WithViper("THEMIS")

	rootCmd := &cobra.Command{
		Use:           "themisd",
		Short:         "themis: the decentralized sequencer pool's consensus chain",
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			cmd.SetOut(cmd.OutOrStdout())
			cmd.SetErr(cmd.ErrOrStderr())
			clientCtx := initClientCtx.WithCmdContext(cmd.Context())
			clientCtx, err := client.ReadPersistentCommandFlags(clientCtx, cmd.Flags())
			if err != nil {
				return err
			}
			clientCtx, err = config.ReadFromClientConfig(clientCtx)
			if err != nil {
				return err
			}
			if err := client.SetCmdClientContextHandler(clientCtx, cmd); err != nil {
				return err
			}
			offerMinGasPrice(cmd)
			appTemplate, appConfig := initAppConfig()
			return server.InterceptConfigsPreRunHandler(cmd, appTemplate, appConfig, initCometConfig())
		},
	}

	rootCmd.AddCommand(
		InitCmd(tempApp.BasicModuleManager, app.DefaultNodeHome),
		TestnetCmd(tempApp.BasicModuleManager),
		debug.Cmd(),
		pruning.Cmd(offlineApp, app.DefaultNodeHome),
		snapshot.Cmd(offlineApp),
	)
	var keepVoteExtensions exportVoteExtensions
	server.AddCommandsWithStartCmdOptions(rootCmd, app.DefaultNodeHome, newApp, keepVoteExtensions.exporter(appExport), server.StartCmdOptions{})
	if err := keepVoteExtensions.wrap(rootCmd); err != nil {
		panic(err) // a programming error: the SDK's commands are added just above
	}
	rootCmd.AddCommand(
		server.StatusCommand(),
		GenesisCmd(tempApp.BasicModuleManager),
		queryCommand(),
		txCommand(),
		keysCommand(),
		BridgeCmd(),
		L1Cmd(),
		DevnetCmd(),
		L2SimCmd(),
		TSSCmd(),
	)

	autoCliOpts := tempApp.AutoCliOpts()
	autoCliOpts.ClientCtx = initClientCtx
	if err := autoCliOpts.EnhanceRootCommand(rootCmd); err != nil {
		panic(err)
	}
	return rootCmd
}

func keysCommand() *cobra.Command {
	cmd := keys.Commands()
	cmd.AddCommand(ImportSignerCmd())
	return cmd
}

func queryCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:                        "query",
		Aliases:                    []string{"q"},
		Short:                      "Querying subcommands",
		DisableFlagParsing:         false,
		SuggestionsMinimumDistance: 2,
		RunE:                       client.ValidateCmd,
	}
	cmd.AddCommand(
		rpc.QueryEventForTxCmd(),
		server.QueryBlockCmd(),
		server.QueryBlocksCmd(),
		server.QueryBlockResultsCmd(),
		authcmd.QueryTxsByEventsCmd(),
		authcmd.QueryTxCmd(),
	)
	return cmd
}

func txCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:                        "tx",
		Short:                      "Transactions subcommands",
		DisableFlagParsing:         false,
		SuggestionsMinimumDistance: 2,
		RunE:                       client.ValidateCmd,
	}
	cmd.AddCommand(
		authcmd.GetSignCommand(),
		authcmd.GetSignBatchCommand(),
		authcmd.GetMultiSignCommand(),
		authcmd.GetValidateSignaturesCommand(),
		authcmd.GetBroadcastCommand(),
		authcmd.GetEncodeCommand(),
		authcmd.GetDecodeCommand(),
		authcmd.GetSimulateCmd(),
	)
	return cmd
}

// themisAppConfig is app.toml: the SDK's sections plus [themis].
type themisAppConfig struct {
	serverconfig.Config `mapstructure:",squash"`
	Themis              app.ThemisConfig `mapstructure:"themis"`
}

// DefaultSnapshotInterval is the blocks between a node's state-sync snapshots.
const DefaultSnapshotInterval = 1000

func initAppConfig() (string, any) {
	srvCfg := serverconfig.DefaultConfig()
	// Every transaction pays the chain's floor, except relays of L1 events by active
	// sequencers, which are free within their bounds (x/sequencer/ante). A node may
	// raise this for its own mempool, never lower the chain's floor.
	srvCfg.MinGasPrices = app.MinGasPrices()
	srvCfg.API.Enable = true
	// Every node offers state-sync snapshots, so a new node joins in minutes instead of
	// replaying the chain: one every DefaultSnapshotInterval blocks (about 17 minutes at
	// one-second blocks), the last two kept.
	srvCfg.StateSync.SnapshotInterval = DefaultSnapshotInterval
	srvCfg.StateSync.SnapshotKeepRecent = 2
	cfg := themisAppConfig{Config: *srvCfg, Themis: app.DefaultThemisConfig()}
	return serverconfig.DefaultConfigTemplate + app.AppTomlTemplate, cfg
}

// initCometConfig: about one-second blocks.
func initCometConfig() *cmtcfg.Config {
	cfg := cmtcfg.DefaultConfig()
	cfg.Consensus.TimeoutCommit = 700 * time.Millisecond
	return cfg
}

// newApp is the running node's app (themisd start): with its modules' Prometheus
// series, served beside CometBFT's.
func newApp(logger log.Logger, db dbm.DB, traceStore io.Writer, appOpts servertypes.AppOptions) servertypes.Application {
	a := buildApp(logger, db, traceStore, appOpts)
	if err := a.RegisterStateMetrics(prometheus.DefaultRegisterer); err != nil {
		panic(fmt.Errorf("themis metrics: %w", err)) // start-up wiring error
	}
	return a
}

func buildApp(logger log.Logger, db dbm.DB, traceStore io.Writer, appOpts servertypes.AppOptions) *app.App {
	return app.New(logger, db, traceStore, true, appOpts, server.DefaultBaseappOptions(appOpts)...)
}

// offlineApp is the app of the commands that work on a stopped node's stores (prune,
// snapshots): no TSS engine, no L1 or L2 observer.
func offlineApp(logger log.Logger, db dbm.DB, traceStore io.Writer, appOpts servertypes.AppOptions) servertypes.Application {
	return buildApp(logger, db, traceStore, app.Offline(appOpts))
}

// appExport builds the app offline (no TSS engine, no L1 or L2 observer: an export
// reads the stopped node's stored state only) and exports its state.
func appExport(logger log.Logger, db dbm.DB, traceStore io.Writer, height int64, forZeroHeight bool,
	jailAllowedAddrs []string, appOpts servertypes.AppOptions, modulesToExport []string,
) (servertypes.ExportedApp, error) {
	appOpts = app.Offline(appOpts)
	if height == -1 {
		a := app.New(logger, db, traceStore, true, appOpts)
		return a.ExportAppStateAndValidators(forZeroHeight, jailAllowedAddrs, modulesToExport)
	}
	a := app.New(logger, db, traceStore, false, appOpts)
	if err := a.LoadHeight(height); err != nil {
		return servertypes.ExportedApp{}, errors.Join(errors.New("cannot load the requested height"), err)
	}
	return a.ExportAppStateAndValidators(forZeroHeight, jailAllowedAddrs, modulesToExport)
}

// offerMinGasPrice makes a transaction command without --fees or --gas-prices offer the
// chain's minimum gas price, so that `themisd tx ...` pays without a flag. Relay
// commands keep offering no fee: an active sequencer's relay is free, and a newly
// joined sequencer owns no tokens to pay with.
func offerMinGasPrice(cmd *cobra.Command) {
	prices := cmd.Flags().Lookup(flags.FlagGasPrices)
	if prices == nil || prices.Changed || cmd.Flags().Changed(flags.FlagFees) {
		return
	}
	if cmd.Parent() != nil && cmd.Parent().Name() == sequencertypes.ModuleName && strings.HasPrefix(cmd.Name(), "relay-") {
		return
	}
	_ = prices.Value.Set(app.MinGasPrices())
}
