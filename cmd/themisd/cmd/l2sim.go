package cmd

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"cosmossdk.io/log"
	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/server"
	"github.com/spf13/cobra"

	"github.com/themis-network/themis/app"
	"github.com/themis-network/themis/networks/l2sim"
)

// Flags of `themisd l2sim ...`.
const (
	flagL2Listen        = "listen"
	flagL2Peers         = "peers"
	flagL2ChainAPI      = "chain-api"
	flagL2ChainID       = "l2-chain-id"
	flagL2BlockInterval = "block-interval"
	flagL2SyncInterval  = "sync-interval"
	flagL2Fault         = "fault"
	flagL2Node          = "node"
	defaultL2ChainAPI   = "http://127.0.0.1:1317"
	defaultL2SimNode    = "http://" + l2sim.DefaultListen
)

// L2SimCmd is `themisd l2sim`: the L2 simulator of the localnet.
func L2SimCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "l2sim",
		Short: "A small L2 node whose blocks only the producer themis schedules may sign (localnet and tests)",
		RunE:  client.ValidateCmd,
	}
	cmd.AddCommand(l2simStartCmd(), l2simFaultCmd(), l2simStatusCmd())
	return cmd
}

func l2simStartCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "start",
		Short: "Run an L2 node that produces the heights themis schedules for this sequencer and syncs the rest",
		Long: `Runs one L2 node for this sequencer. Every --sync-interval it asks the themis chain
(--chain-api, REST) who produces the next L2 height; if it is this node's signer key (the
secp256k1 consensus key in <home>/config/priv_validator_key.json), it builds, signs and
serves the block, at most one per --block-interval. Every --sync-interval it pulls new blocks from --peers and verifies each
(scheduled producer, signature, parent, state root), recording bad ones as faults.

JSON-RPC (eth_chainId, eth_blockNumber, eth_getBlockByNumber) and the admin endpoints
(/admin/status, /admin/faults, POST /admin/fault) are served on --listen. Blocks are
go-ethereum headers: miner is the producer's signer, extraData its seal (sequencer id and
signature). The chain is kept under --data-dir and survives restarts.`,
		Example: `themisd l2sim start --home ~/.themisd --listen 127.0.0.1:8645 --peers http://127.0.0.1:8745,http://127.0.0.1:8845`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := l2simConfigFromFlags(cmd)
			if err != nil {
				return err
			}
			cmd.SilenceUsage = true // the flags are fine; later errors are not about usage
			return runL2Sim(cmd, cfg)
		},
	}
	f := cmd.Flags()
	f.String(flags.FlagHome, app.DefaultNodeHome, "the node's home directory (its config/priv_validator_key.json is the producer key)")
	f.String(flagL2Listen, l2sim.DefaultListen, "listen address of JSON-RPC and the admin endpoints")
	f.String(flagL2Peers, "", "comma-separated JSON-RPC URLs of the other sequencers' l2sim nodes")
	f.String(flagL2ChainAPI, defaultL2ChainAPI, "REST (gRPC gateway) base URL of the themis node, asked for the L2 schedule")
	f.Uint64(flagL2ChainID, l2sim.DefaultChainID, "L2 chain id (eth_chainId; fixes the genesis block)")
	f.Duration(flagL2BlockInterval, l2sim.DefaultBlockInterval, "how often to try to produce the next block")
	f.Duration(flagL2SyncInterval, l2sim.DefaultSyncInterval, "how often to pull new blocks from peers")
	f.String(flagDataDir, "", "where the chain is kept (default <home>/l2sim)")
	f.String(flagL2Fault, string(l2sim.ModeNone), "initial fault mode: none, stall, equivocate, wrong_result or lie")
	return cmd
}

// l2simConfigFromFlags checks the flags and loads the signer key.
func l2simConfigFromFlags(cmd *cobra.Command) (l2sim.Config, error) {
	f := cmd.Flags()
	var errs []error
	str := func(name string) string {
		v, err := f.GetString(name)
		errs = append(errs, err)
		return v
	}
	dur := func(name string) time.Duration {
		v, err := f.GetDuration(name)
		errs = append(errs, err)
		if err == nil && v <= 0 {
			errs = append(errs, fmt.Errorf("--%s must be positive, got %s", name, v))
		}
		return v
	}
	home := str(flags.FlagHome)
	listen := str(flagL2Listen)
	peersFlag := str(flagL2Peers)
	chainAPI := str(flagL2ChainAPI)
	dataDir := str(flagDataDir)
	faultFlag := str(flagL2Fault)
	blockInterval := dur(flagL2BlockInterval)
	syncInterval := dur(flagL2SyncInterval)
	chainID, err := f.GetUint64(flagL2ChainID)
	errs = append(errs, err)
	if err := errors.Join(errs...); err != nil {
		return l2sim.Config{}, err
	}
	if chainID == 0 {
		return l2sim.Config{}, fmt.Errorf("--%s must not be 0", flagL2ChainID)
	}
	if _, _, err := net.SplitHostPort(listen); err != nil {
		return l2sim.Config{}, fmt.Errorf("--%s %q: want host:port: %w", flagL2Listen, listen, err)
	}
	peers, err := l2sim.ParsePeers(peersFlag)
	if err != nil {
		return l2sim.Config{}, fmt.Errorf("--%s: %w", flagL2Peers, err)
	}
	schedule, err := l2sim.NewRESTSchedule(chainAPI)
	if err != nil {
		return l2sim.Config{}, fmt.Errorf("--%s: %w", flagL2ChainAPI, err)
	}
	mode, err := l2sim.ParseMode(faultFlag)
	if err != nil {
		return l2sim.Config{}, fmt.Errorf("--%s: %w", flagL2Fault, err)
	}
	if dataDir == "" {
		dataDir = filepath.Join(home, "l2sim")
	}
	key, err := l2sim.LoadSignerKey(l2simKeyFile(cmd, home))
	if err != nil {
		return l2sim.Config{}, err
	}
	return l2sim.Config{
		ChainID: chainID, Key: key, Listen: listen, Peers: peers, Schedule: schedule,
		BlockInterval: blockInterval, SyncInterval: syncInterval, DataDir: dataDir, Fault: mode,
	}, nil
}

// l2simKeyFile is the node's priv_validator_key.json, honouring a config.toml that
// moved it, as `themisd keys import-signer` does.
func l2simKeyFile(cmd *cobra.Command, home string) string {
	if sc := server.GetServerContextFromCmd(cmd); sc != nil && sc.Config != nil {
		cfg := *sc.Config
		cfg.SetRoot(home)
		return cfg.PrivValidatorKeyFile()
	}
	return filepath.Join(home, "config", "priv_validator_key.json")
}

func runL2Sim(cmd *cobra.Command, cfg l2sim.Config) error {
	ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	logger := log.NewLogger(cmd.ErrOrStderr())
	if sc := server.GetServerContextFromCmd(cmd); sc != nil && sc.Logger != nil {
		logger = sc.Logger
	}
	cfg.Logger = logger
	node, err := l2sim.New(cfg)
	if err != nil {
		return err
	}
	fmt.Fprintf(cmd.OutOrStdout(), "l2sim: JSON-RPC on %s, signer %s, L2 chain %d, data in %s\n",
		node.URL(), node.Signer(), cfg.ChainID, cfg.DataDir)
	return node.Run(ctx)
}

func l2simFaultCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "fault stall|resume|equivocate|wrong_result|lie",
		Short: "Switch an l2sim node's fault mode (resume: behave again)",
		Long: `stall: produce nothing, even when scheduled. equivocate: sign a second, different block at
every height produced and hand it to every other caller. wrong_result: commit to wrong state
roots. lie: serve a forged chain (other state roots, re-linked hashes) to every RPC reader,
as a lying L2 node would. resume (or none): behave honestly again.`,
		Example: `themisd l2sim fault stall --node http://127.0.0.1:8645`,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			name := args[0]
			if name == "resume" {
				name = string(l2sim.ModeNone)
			}
			mode, err := l2sim.ParseMode(name)
			if err != nil {
				return fmt.Errorf("unknown fault %q: want stall, resume, equivocate, wrong_result or lie", args[0])
			}
			nodeURL, _ := cmd.Flags().GetString(flagL2Node)
			cmd.SilenceUsage = true
			ctx, cancel := context.WithTimeout(cmd.Context(), 10*time.Second)
			defer cancel()
			st, err := l2sim.PostFault(ctx, &http.Client{}, nodeURL, mode)
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%s: mode %s (head %d %s)\n", nodeURL, st.Mode, st.Head, st.Hash)
			return nil
		},
	}
	cmd.Flags().String(flagL2Node, defaultL2SimNode, "URL of the l2sim node")
	return cmd
}

func l2simStatusCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "status",
		Short: "Print an l2sim node's head, fault mode, signer and the faults it observed (JSON)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			nodeURL, _ := cmd.Flags().GetString(flagL2Node)
			cmd.SilenceUsage = true
			ctx, cancel := context.WithTimeout(cmd.Context(), 10*time.Second)
			defer cancel()
			st, err := l2sim.GetStatus(ctx, &http.Client{}, nodeURL)
			if err != nil {
				return err
			}
			out, err := json.MarshalIndent(st, "", "  ")
			if err != nil {
				return err
			}
			fmt.Fprintln(cmd.OutOrStdout(), string(out))
			return nil
		},
	}
	cmd.Flags().String(flagL2Node, defaultL2SimNode, "URL of the l2sim node")
	return cmd
}
