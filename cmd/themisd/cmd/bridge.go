package cmd

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"

	"cosmossdk.io/log"
	rpchttp "github.com/cometbft/cometbft/rpc/client/http"
	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/codec"
	"github.com/cosmos/cosmos-sdk/crypto/keyring"
	"github.com/cosmos/cosmos-sdk/server"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/spf13/cobra"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	"github.com/themis-network/themis/app"
	"github.com/themis-network/themis/bridge"
	"github.com/themis-network/themis/bridge/broadcaster"
	"github.com/themis-network/themis/bridge/chain"
	"github.com/themis-network/themis/bridge/health"
	"github.com/themis-network/themis/bridge/l1"
	"github.com/themis-network/themis/bridge/listener"
	"github.com/themis-network/themis/bridge/reconcile"
	"github.com/themis-network/themis/bridge/sender"
	mpctypes "github.com/themis-network/themis/x/mpc/types"
	seqtypes "github.com/themis-network/themis/x/sequencer/types"
	slashingtypes "github.com/themis-network/themis/x/slashing/types"
)

// Flags of `themisd bridge start`.
const (
	flagL1RPC           = "l1-rpc"
	flagStakingContract = "staking-contract"
	flagStartBlock      = "start-block"
	flagConfirmations   = "confirmations"
	flagFinalized       = "finalized"
	flagPollInterval    = "poll-interval"
	flagChunkSize       = "chunk-size"
	flagChainRPC        = "chain-rpc"
	flagChainGRPC       = "chain-grpc"
	flagHealthAddr      = "health-addr"
	flagDataDir         = "data-dir"
	flagMaxLag          = "max-lag"
	flagOutboxCapacity  = "outbox-capacity"
	// optL1RPC is read from app.toml when --l1-rpc is not given (if the node has one).
	optL1RPC = "themis.l1-rpc"
)

// The L2 watcher's flags of `themisd bridge start` (named apart from `themisd l2sim`'s).
const (
	flagBridgeL2RPC        = "l2-rpc"
	flagBridgeL2ChainID    = "l2-chain-id"
	flagBridgeL2MaxSilence = "l2-max-silence"
	flagBridgeL2StallAfter = "l2-stall-after"
	flagSendPoolTxs        = "send-pool-txs"
	flagPoolTxResend       = "pool-tx-resend"
	flagFaultDropPoolTx    = "fault-drop-pool-tx-versions"
)

// BridgeCmd is `themisd bridge`: the sidecar that relays L1 staking events.
func BridgeCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "bridge",
		Short: "The sidecar that relays the L1 staking contract's events to themis",
		RunE:  client.ValidateCmd,
	}
	cmd.AddCommand(BridgeStartCmd())
	return cmd
}

// BridgeStartCmd is `themisd bridge start`.
func BridgeStartCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "start",
		Short: "Follow the L1 staking contract and relay its events, signed with this node's key",
		Long: `Follows the L1 staking contract up to the confirmed (or finalized) block, keeps the decoded
events in a crash-safe outbox under --data-dir, and relays each one to the chain signed with
the operator's key (--from, in the node's keyring) until the chain has applied it.

The staking contract, the L1 chain id and the confirmation depth default to the chain's
x/sequencer params, and the chain endpoints to the node's client.toml and app.toml, so an
operator normally passes only --home and --l1-rpc. Health: /healthz, metrics: /metrics on
--health-addr. With --l2-rpc it also follows the operator's L2 node and reports its head,
the head's age, and an unreachable or stalled L2 there. Stop it with SIGINT or SIGTERM; it
can also be killed at any point.`,
		Example: `themisd bridge start --home ~/.themisd --l1-rpc http://127.0.0.1:8545`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := bridgeConfigFromFlags(cmd)
			if err != nil {
				return err
			}
			cmd.SilenceUsage = true // the flags are fine; later errors are not about usage
			return runBridge(cmd, cfg)
		},
	}
	f := cmd.Flags()
	f.String(flags.FlagHome, app.DefaultNodeHome, "the node's home directory (keyring, client.toml, app.toml)")
	f.String(flagL1RPC, "", "JSON-RPC URL of the operator's own L1 node (http, https, ws or wss); required unless app.toml sets themis.l1-rpc")
	f.String(flagStakingContract, "", "0x address of the L1 staking contract (default: the chain's x/sequencer params)")
	f.Uint64(flagStartBlock, 0, "first L1 block to scan when there is no cursor yet (the staking contract's deploy block)")
	f.Uint64(flagConfirmations, 0, "L1 confirmations before an event is relayed (default: the chain's l1_confirmations)")
	f.Bool(flagFinalized, false, "read up to the L1 node's finalized block instead of head minus confirmations")
	f.Duration(flagPollInterval, listener.DefaultPollInterval, "how often to poll L1 and the chain when idle")
	f.Uint64(flagChunkSize, listener.DefaultChunkSize, "largest block range per eth_getLogs call (halved automatically on errors)")
	f.String(flagChainRPC, "", "CometBFT RPC of the node (default: client.toml's node, else "+bridge.DefaultChainRPC+")")
	f.String(flagChainGRPC, "", "gRPC address of the node (default: app.toml's grpc.address, else "+bridge.DefaultChainGRPC+")")
	f.String(flagHealthAddr, bridge.DefaultHealthAddr, "listen address of /healthz and /metrics")
	f.String(flagDataDir, "", "where the cursor and outbox live (default <home>/bridge)")
	f.Uint64(flagMaxLag, 0, "largest healthy distance in L1 blocks between head and cursor (default confirmations + 64)")
	f.Int(flagOutboxCapacity, bridge.DefaultConfig("").OutboxCapacity, "bound of the outbox; the listener waits when it is full")
	f.String(flagBridgeL2RPC, "", "JSON-RPC URL (http or https) of the operator's L2 node; when set, /healthz and /metrics report its head")
	f.Uint64(flagBridgeL2ChainID, 0, "chain id the L2 node must report (eth_chainId); 0 accepts any")
	f.Duration(flagBridgeL2MaxSilence, health.DefaultL2MaxSilence, "unhealthy when the L2 node has not answered for this long")
	f.Duration(flagBridgeL2StallAfter, health.DefaultL2StallAfter, "unhealthy (stalled L2) when the L2 head has not changed for this long")
	f.Bool(flagSendPoolTxs, true, "send the pool's signed L1 transactions (x/mpc pool_txs in status SENT) to the L1 node")
	f.Duration(flagPoolTxResend, sender.DefaultResend, "send a pool transaction's version again this often while the chain still has it SENT")
	f.Uint32(flagFaultDropPoolTx, 0, "e2e tests only: never send pool transaction versions below this index (a transaction dropped from the mempool)")
	_ = f.MarkHidden(flagFaultDropPoolTx)
	f.String(flags.FlagFrom, bridge.DefaultKeyName, "keyring key that signs relays (import the node's signer with 'themisd keys import-signer')")
	f.String(flags.FlagKeyringBackend, "test", "keyring backend (os|file|kwallet|pass|test|memory); default: client.toml's, else test")
	f.String(flags.FlagChainID, "", "themis chain id (default: client.toml's, else the node's)")
	return cmd
}

func bridgeConfigFromFlags(cmd *cobra.Command) (bridge.Config, error) {
	f := cmd.Flags()
	clientCtx := client.GetClientContextFromCmd(cmd)
	home, _ := f.GetString(flags.FlagHome)
	cfg := bridge.DefaultConfig(home)

	var errs []error
	str := func(name string) string {
		v, err := f.GetString(name)
		errs = append(errs, err)
		return v
	}
	u64 := func(name string) uint64 {
		v, err := f.GetUint64(name)
		errs = append(errs, err)
		return v
	}
	cfg.L1RPC = str(flagL1RPC)
	if cfg.L1RPC == "" {
		if sc := server.GetServerContextFromCmd(cmd); sc != nil && sc.Viper != nil {
			cfg.L1RPC = sc.Viper.GetString(optL1RPC)
		}
	}
	cfg.StakingContract = str(flagStakingContract)
	cfg.StartBlock = u64(flagStartBlock)
	cfg.Confirmations = u64(flagConfirmations)
	cfg.ConfirmationsSet = f.Changed(flagConfirmations)
	cfg.UseFinalized, _ = f.GetBool(flagFinalized)
	var err error
	cfg.PollInterval, err = f.GetDuration(flagPollInterval)
	errs = append(errs, err)
	cfg.ChunkSize = u64(flagChunkSize)
	cfg.HealthAddr = str(flagHealthAddr)
	cfg.DataDir = str(flagDataDir)
	cfg.MaxLag = u64(flagMaxLag)
	cfg.OutboxCapacity, err = f.GetInt(flagOutboxCapacity)
	errs = append(errs, err)
	cfg.From = str(flags.FlagFrom)
	cfg.L2RPC = str(flagBridgeL2RPC)
	cfg.L2ChainID = u64(flagBridgeL2ChainID)
	cfg.L2MaxSilence, err = f.GetDuration(flagBridgeL2MaxSilence)
	errs = append(errs, err)
	cfg.L2StallAfter, err = f.GetDuration(flagBridgeL2StallAfter)
	errs = append(errs, err)
	cfg.SendPoolTxs, err = f.GetBool(flagSendPoolTxs)
	errs = append(errs, err)
	cfg.PoolTxResend, err = f.GetDuration(flagPoolTxResend)
	errs = append(errs, err)
	cfg.FaultDropPoolTxVersions, err = f.GetUint32(flagFaultDropPoolTx)
	errs = append(errs, err)

	// Chain endpoints: the flag, else the node's own config files, else the defaults.
	if v := str(flagChainRPC); v != "" {
		cfg.ChainRPC = v
	} else if clientCtx.NodeURI != "" {
		cfg.ChainRPC = clientCtx.NodeURI
	}
	if v := str(flagChainGRPC); v != "" {
		cfg.ChainGRPC = v
	} else if sc := server.GetServerContextFromCmd(cmd); sc != nil && sc.Viper != nil && sc.Viper.GetString("grpc.address") != "" {
		cfg.ChainGRPC = sc.Viper.GetString("grpc.address")
	}
	cfg.ChainID = clientCtx.ChainID
	if f.Changed(flags.FlagChainID) {
		cfg.ChainID = str(flags.FlagChainID)
	}
	cfg.KeyringBackend = str(flags.FlagKeyringBackend)
	if !f.Changed(flags.FlagKeyringBackend) && clientCtx.Keyring != nil {
		cfg.KeyringBackend = clientCtx.Keyring.Backend()
	}
	if err := errors.Join(errs...); err != nil {
		return cfg, err
	}
	return cfg, cfg.Validate()
}

func runBridge(cmd *cobra.Command, cfg bridge.Config) error {
	ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	clientCtx := client.GetClientContextFromCmd(cmd)
	logger := log.NewLogger(cmd.ErrOrStderr())
	if sc := server.GetServerContextFromCmd(cmd); sc != nil && sc.Logger != nil {
		logger = sc.Logger
	}
	logger = logger.With("module", "bridge")

	conn, err := grpc.NewClient(cfg.ChainGRPC,
		grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithDefaultCallOptions(grpc.ForceCodec(codec.NewProtoCodec(clientCtx.InterfaceRegistry).GRPCCodec())))
	if err != nil {
		return fmt.Errorf("--chain-grpc %s: %w", cfg.ChainGRPC, err)
	}
	defer conn.Close()
	rpc, err := rpchttp.New(cfg.ChainRPC, "/websocket")
	if err != nil {
		return fmt.Errorf("--chain-rpc %s: %w", cfg.ChainRPC, err)
	}
	chainClient := chain.Client{Query: seqtypes.NewQueryClient(conn)}

	params, err := retry(ctx, logger, "query x/sequencer params at "+cfg.ChainGRPC, func(ctx context.Context) (seqtypes.Params, error) {
		return chainClient.Params(ctx)
	})
	if ctx.Err() != nil {
		return nil // stopped while waiting
	}
	if err != nil {
		return err
	}
	if err := cfg.ApplyParams(params); err != nil {
		return err
	}
	if cfg.ChainID == "" {
		cfg.ChainID, err = retry(ctx, logger, "read the chain id from "+cfg.ChainRPC, func(ctx context.Context) (string, error) {
			st, err := rpc.Status(ctx)
			if err != nil {
				return "", err
			}
			return st.NodeInfo.Network, nil
		})
		if ctx.Err() != nil {
			return nil
		}
		if err != nil {
			return err
		}
	}

	kr, err := keyring.New(sdk.KeyringServiceName(), cfg.KeyringBackend, cfg.Home, cmd.InOrStdin(), clientCtx.Codec)
	if err != nil {
		return fmt.Errorf("keyring (%s backend in %s): %w", cfg.KeyringBackend, cfg.Home, err)
	}
	mon := health.NewMonitor(health.Options{MaxLag: cfg.MaxLag})
	bc, err := broadcaster.New(broadcaster.Config{
		ChainID: cfg.ChainID, Keyring: kr, KeyName: cfg.From, TxConfig: clientCtx.TxConfig,
		Logger: logger.With("component", "broadcaster"), Monitor: mon,
	}, broadcaster.RPCBackend{RPC: rpc, Auth: authtypes.NewQueryClient(conn), Registry: clientCtx.InterfaceRegistry})
	if err != nil {
		return fmt.Errorf("%w (keyring backend %q, --home %s)", err, cfg.KeyringBackend, cfg.Home)
	}
	describeRelayer(ctx, logger, kr, cfg.From, bc.Address(), chainClient)

	l1Client, err := ethclient.DialContext(ctx, cfg.L1RPC)
	if err != nil {
		return fmt.Errorf("--l1-rpc %s: %w", cfg.L1RPC, err)
	}
	defer l1Client.Close()

	return bridge.Run(ctx, cfg, bridge.Deps{
		L1:              l1Client,
		Decode:          l1.DecodeStakingLog,
		Topics:          l1.StakingEventTopics(),
		NotStakingEvent: l1.ErrNotStakingEvent,
		Chain:           chainClient,
		Relayer:         bc,
		Submitter:       bc.Address().String(),
		Logger:          logger,
		Monitor:         mon,
		PoolTxs:         sender.GRPCChain{Query: mpctypes.NewQueryClient(conn)},
		PoolL1:          l1Client,
		Reconcile:       reconcile.GRPCChain{Slashing: slashingtypes.NewQueryClient(conn), Sequencer: seqtypes.NewQueryClient(conn)},
	})
}

// describeRelayer logs which sequencer the key belongs to (best effort).
func describeRelayer(ctx context.Context, logger log.Logger, kr keyring.Keyring, name string, addr sdk.AccAddress, c chain.Client) {
	rec, err := kr.Key(name)
	if err != nil {
		return
	}
	pk, err := rec.GetPubKey()
	if err != nil {
		return
	}
	pub, err := crypto.DecompressPubkey(pk.Bytes())
	if err != nil {
		logger.Info("bridge: relaying key is not a secp256k1 signer key", "account", addr.String())
		return
	}
	key, err := seqtypes.ParseSignerKey(crypto.FromECDSAPub(pub)[1:])
	if err != nil {
		return
	}
	qctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	seq, err := c.SequencerBySigner(qctx, key.L1Address())
	if err != nil {
		logger.Info("bridge: this key is no sequencer's signer yet: L1 is followed and events are kept; relaying starts once its sequencer is active",
			"account", addr.String(), "signer", key.L1Address())
		return
	}
	logger.Info("bridge: relaying as sequencer", "id", seq.Id, "status", seq.Status.String(), "account", addr.String(), "signer", key.L1Address())
}

// retry calls f until it succeeds or ctx ends, backing off up to 30 s.
func retry[T any](ctx context.Context, logger log.Logger, what string, f func(context.Context) (T, error)) (T, error) {
	for failures := 1; ; failures++ {
		cctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		v, err := f(cctx)
		cancel()
		if err == nil {
			return v, nil
		}
		wait := listener.Backoff(time.Second, 30*time.Second, failures)
		logger.Error("bridge: waiting for the chain", "action", what, "err", err, "retry_in", wait)
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			var zero T
			return zero, fmt.Errorf("%s: %w (last error: %v)", what, ctx.Err(), err)
		case <-t.C:
		}
	}
}
