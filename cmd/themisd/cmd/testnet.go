package cmd

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"cosmossdk.io/math"
	cmtcfg "github.com/cometbft/cometbft/config"
	cmtsecp "github.com/cometbft/cometbft/crypto/secp256k1"
	"github.com/cometbft/cometbft/p2p"
	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/codec"
	"github.com/cosmos/cosmos-sdk/crypto/hd"
	"github.com/cosmos/cosmos-sdk/crypto/keyring"
	srvconfig "github.com/cosmos/cosmos-sdk/server/config"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/module"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	"github.com/cosmos/cosmos-sdk/x/genutil"
	genutiltypes "github.com/cosmos/cosmos-sdk/x/genutil/types"
	govv1 "github.com/cosmos/cosmos-sdk/x/gov/types/v1"
	"github.com/spf13/cobra"

	"github.com/themis-network/themis/app"
	"github.com/themis-network/themis/networks/l2sim"
	epochtypes "github.com/themis-network/themis/x/epoch/types"
	sequencertypes "github.com/themis-network/themis/x/sequencer/types"
	slashingtypes "github.com/themis-network/themis/x/slashing/types"
)

// localnet layout: node i listens on these ports plus i*portStride, all on 127.0.0.1.
const (
	portStride = 100
	p2pPort    = 26656
	rpcPort    = 26657
	promPort   = 26660
	grpcPort   = 9090
	apiPort    = 1317
	l2Port     = 8645 // the node's L2 simulator (themisd l2sim start)
	tssPort    = 7700 // the node's TSS engine transport ([themis] tss-listen)
	// bridgeHealthPort is bridge i's /healthz at 8680+i (its stride is 1, not portStride).
	bridgeHealthPort = 8680
	signerFunds      = 1_000_000_000_000 // uthemis per signer account, for fees and deposits
)

type testnetOptions struct {
	validators int
	outputDir  string
	chainID    string
	stake      int64
	votingTime time.Duration
	blockTime  time.Duration
	portOffset int
	// snapshotInterval is the blocks between state-sync snapshots (a joining node's start).
	snapshotInterval uint64
	// L1 mode: lock every node's signer on the development L1 and start from there.
	l1RPC   string
	staking string
	// batchInbox and mpc are x/mpc's localnet outbound settings (testnet_mpc.go).
	batchInbox string
	mpc        localnetMpc
	l1Locks    []*sequencertypes.MsgLocked // filled by lockOnL1, one per node
	l1Config   sequencertypes.L1Config     // the contract's configuration after the locks
	l1Ledger   sequencertypes.L1Ledger     // and its ledger (reward reserve, last batch)
	l1White    []string                    // and its whitelist (from its events)
	l1ChainID  uint64
	// L2: each node follows its own L2 simulator at l2 port; x/epoch schedules them.
	epoch epochtypes.Params
	// slashing: the ladder's localnet knobs (short jail and escrow, so both can be seen).
	slashing slashingtypes.Params
	// rewardPerBlock is the reward per L2 block until the first re-target (base units).
	rewardPerBlock string
	// tss runs a TSS engine in every node, seeded with the project's fixture preparams.
	tss bool
	// standby nodes follow the chain with a signer key (and an engine, with tss) but are
	// not sequencers at genesis: each joins by locking its signer on L1.
	standby int
}

// TestnetCmd writes the config of an N-validator network on loopback: one home per
// node, a shared genesis with every node an active sequencer, peers wired up, and each
// node's signer key imported into its test keyring as "signer".
func TestnetCmd(mbm module.BasicManager) *cobra.Command {
	var o testnetOptions
	cmd := &cobra.Command{
		Use:   "testnet",
		Short: "Write the config of an N-validator network on loopback (localnet)",
		Example: `themisd testnet --validators 4 --output-dir ./build/localnet
# node i: p2p 26656+100i, rpc 26657+100i, grpc 9090+100i, api 1317+100i`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if o.validators < 1 || o.validators > 50 {
				return fmt.Errorf("--validators must be 1..50, got %d", o.validators)
			}
			if o.standby < 0 || o.validators+o.standby > 50 {
				return fmt.Errorf("--standby must be 0..%d with %d validators, got %d", 50-o.validators, o.validators, o.standby)
			}
			clientCtx := client.GetClientContextFromCmd(cmd)
			return writeTestnet(cmd, clientCtx.Codec, mbm, o)
		},
	}
	cmd.Flags().IntVar(&o.validators, "validators", 4, "number of validators (sequencers)")
	cmd.Flags().StringVar(&o.outputDir, "output-dir", "./build/localnet", "directory for the node homes")
	cmd.Flags().StringVar(&o.chainID, "chain-id", "themis-localnet", "chain id")
	cmd.Flags().Int64Var(&o.stake, "stake", 50_000, "tokens each sequencer has locked (whole tokens)")
	cmd.Flags().DurationVar(&o.votingTime, "voting-period", 20*time.Second, "governance voting period")
	cmd.Flags().DurationVar(&o.blockTime, "timeout-commit", 700*time.Millisecond, "CometBFT timeout_commit (block time is about this + a little)")
	cmd.Flags().IntVar(&o.portOffset, "port-offset", 0, "added to every port (run two localnets side by side)")
	cmd.Flags().Uint64Var(&o.snapshotInterval, "snapshot-interval", 100, "blocks between the nodes' state-sync snapshots (a production node's default is 1000)")
	cmd.Flags().StringVar(&o.l1RPC, flagL1RPC, "", "development L1 JSON-RPC: lock each node's signer there with development owner i and start the chain from those locks")
	cmd.Flags().StringVar(&o.staking, flagStakingContract, "", "the L1 staking contract (with --l1-rpc)")
	addLocalnetMpcFlags(cmd, &o)
	o.epoch = localnetEpochParams()
	cmd.Flags().Uint64Var(&o.epoch.EpochLength, "epoch-length", o.epoch.EpochLength, "L2 blocks per epoch")
	cmd.Flags().Uint64Var(&o.epoch.LeadTime, "epoch-lead-time", o.epoch.LeadTime, "L2 blocks before an epoch's end when the next is decided")
	cmd.Flags().DurationVar(&o.epoch.StallThreshold, "stall-threshold", o.epoch.StallThreshold, "agreed L2 head standing still this long re-elects the producer")
	cmd.Flags().DurationVar(&o.epoch.ReadinessWindow, "readiness-window", o.epoch.ReadinessWindow, "a sequencer is ready only if it reported a fresh L2 head this recently")
	cmd.Flags().Uint64Var(&o.epoch.HeadTolerance, "head-tolerance", o.epoch.HeadTolerance, "L2 blocks a ready sequencer's head may trail the agreed head")
	o.slashing = localnetSlashingParams()
	cmd.Flags().DurationVar(&o.slashing.JailDuration, "jail-duration", o.slashing.JailDuration, "how long a medium offence (a stall) jails the producer")
	cmd.Flags().DurationVar(&o.slashing.EscrowPeriod, "escrow-period", o.slashing.EscrowPeriod, "how long slashed tokens stay in escrow (the chain's expectation of the contract's period)")
	cmd.Flags().DurationVar(&o.slashing.RewardBatchInterval, "reward-batch-interval", o.slashing.RewardBatchInterval, "how often the accrued rewards go to L1 as a pool-signed reward batch")
	cmd.Flags().Uint32Var(&o.slashing.MediumStrikesToRemove, "medium-strikes-to-remove", o.slashing.MediumStrikesToRemove, "the medium offence, over an owner's lifetime, that removes instead of jailing")
	cmd.Flags().Uint32Var(&o.slashing.DowntimeWindow, "downtime-window", o.slashing.DowntimeWindow, "blocks of consensus votes each validator's downtime is judged over")
	cmd.Flags().Uint32Var(&o.slashing.MinMissedBps, "downtime-min-missed-bps", o.slashing.MinMissedBps, "share of the window (basis points) a validator must miss, strictly more than, to be over the downtime threshold")
	cmd.Flags().Uint32Var(&o.slashing.GraceBlocks, "downtime-grace-blocks", o.slashing.GraceBlocks, "blocks not counted after a halt or an upgrade")
	cmd.Flags().DurationVar(&o.slashing.HaltGap, "halt-gap", o.slashing.HaltGap, "a block-time gap this long between two blocks counts as a halt")
	cmd.Flags().BoolVar(&o.tss, "tss", false, "run a TSS engine in every node (x/mpc makes the pool key once they report ready); each node's keystore is seeded with the project's committed fixture preparams, which are public: never for real funds")
	cmd.Flags().IntVar(&o.standby, "standby", 0, "extra nodes (node<validators>, ...) that follow the chain with their own signer key (and engine, with --tss) but are not sequencers at genesis: one joins by locking its signer on L1 (themisd l1 lock --home <its home>)")
	cmd.Flags().StringVar(&o.rewardPerBlock, "reward-per-block", "0", "reward per L2 block in base units until the first re-target (otherwise 0 for the first retarget_interval)")
	return cmd
}

type testnetNode struct {
	home   string
	nodeID string
	priv   cmtsecp.PrivKey
	key    sequencertypes.SignerKey
	ports  map[string]int
}

func writeTestnet(cmd *cobra.Command, cdc codec.Codec, mbm module.BasicManager, o testnetOptions) error {
	if _, err := os.Stat(o.outputDir); err == nil {
		return fmt.Errorf("%s exists: remove it first (make localnet-stop does)", o.outputDir)
	}
	all := make([]testnetNode, o.validators+o.standby)
	for i := range all {
		n, err := newTestnetNode(filepath.Join(o.outputDir, fmt.Sprintf("node%d", i)), i, o.portOffset)
		if err != nil {
			return err
		}
		all[i] = n
	}
	nodes := all[:o.validators] // the sequencers at genesis; the standby only follow
	if o.l1RPC != "" {
		if err := lockOnL1(cmd.Context(), &o, nodes); err != nil {
			return err
		}
	}
	genesis, err := testnetGenesis(cdc, mbm, nodes, o)
	if err != nil {
		return err
	}
	for i, n := range all {
		if err := writeNodeConfig(n, i, all, o); err != nil {
			return err
		}
		if err := genutil.ExportGenesisFile(genesis, filepath.Join(n.home, "config", "genesis.json")); err != nil {
			return err
		}
		if err := importSigner(n, cdc); err != nil {
			return err
		}
		if o.tss {
			if err := seedTSSFixtures(n, i, len(all)); err != nil {
				return err
			}
		}
	}
	out := cmd.OutOrStdout()
	fmt.Fprintf(out, "wrote %d nodes to %s (chain id %s)\n", len(all), o.outputDir, o.chainID)
	for i, n := range all {
		role := ""
		if i >= o.validators {
			role = "  (standby: not a sequencer until it locks on L1)"
		}
		fmt.Fprintf(out, "  node%d  signer %s  rpc 127.0.0.1:%d  api 127.0.0.1:%d  grpc 127.0.0.1:%d  l2 127.0.0.1:%d%s\n",
			i, n.key.L1Address(), n.ports["rpc"], n.ports["api"], n.ports["grpc"], n.ports["l2"], role)
	}
	return nil
}

func newTestnetNode(home string, i, offset int) (testnetNode, error) {
	cfg := cmtcfg.DefaultConfig()
	cfg.SetRoot(home)
	if err := os.MkdirAll(filepath.Join(home, "config"), 0o700); err != nil {
		return testnetNode{}, err
	}
	if err := os.MkdirAll(filepath.Join(home, "data"), 0o700); err != nil {
		return testnetNode{}, err
	}
	priv, err := ensureSignerKey(cfg.PrivValidatorKeyFile(), cfg.PrivValidatorStateFile())
	if err != nil {
		return testnetNode{}, err
	}
	nodeKey, err := p2p.LoadOrGenNodeKey(cfg.NodeKeyFile())
	if err != nil {
		return testnetNode{}, err
	}
	key, err := signerKeyOf(priv)
	if err != nil {
		return testnetNode{}, err
	}
	base := i*portStride + offset
	return testnetNode{
		home: home, nodeID: string(nodeKey.ID()), priv: priv, key: key,
		ports: map[string]int{
			"p2p": p2pPort + base, "rpc": rpcPort + base, "prom": promPort + base,
			"grpc": grpcPort + base, "api": apiPort + base, "l2": l2Port + base, "tss": tssPort + base,
			// The bridge's health port: scripts/localnet.sh and the e2e suite give bridge i
			// 8680+i (plus the offset).
			"bridge-health": bridgeHealthPort + i + offset,
		},
	}, nil
}

func testnetGenesis(cdc codec.Codec, mbm module.BasicManager, nodes []testnetNode, o testnetOptions) (*genutiltypes.AppGenesis, error) {
	appState := mbm.DefaultGenesis(cdc)

	var accounts []authtypes.GenesisAccount
	var balances []banktypes.Balance
	for _, n := range nodes {
		addr := sdk.AccAddress(n.key.AccAddress())
		accounts = append(accounts, authtypes.NewBaseAccount(addr, nil, 0, 0))
		balances = append(balances, banktypes.Balance{Address: addr.String(), Coins: sdk.NewCoins(sdk.NewInt64Coin(app.BondDenom, signerFunds))})
	}
	var authGen authtypes.GenesisState
	cdc.MustUnmarshalJSON(appState[authtypes.ModuleName], &authGen)
	packed, err := authtypes.PackAccounts(accounts)
	if err != nil {
		return nil, err
	}
	authGen.Accounts = packed
	appState[authtypes.ModuleName] = cdc.MustMarshalJSON(&authGen)

	var bankGen banktypes.GenesisState
	cdc.MustUnmarshalJSON(appState[banktypes.ModuleName], &bankGen)
	bankGen.Balances = banktypes.SanitizeGenesisBalances(balances)
	bankGen.Supply = sdk.NewCoins(sdk.NewInt64Coin(app.BondDenom, signerFunds*int64(len(nodes))))
	appState[banktypes.ModuleName] = cdc.MustMarshalJSON(&bankGen)

	var govGen govv1.GenesisState
	cdc.MustUnmarshalJSON(appState["gov"], &govGen)
	govGen.Params.MinDeposit = sdk.NewCoins(sdk.NewInt64Coin(app.BondDenom, 1_000))
	govGen.Params.ExpeditedMinDeposit = sdk.NewCoins(sdk.NewInt64Coin(app.BondDenom, 2_000))
	voting, expedited := o.votingTime, o.votingTime/2
	govGen.Params.VotingPeriod = &voting
	govGen.Params.ExpeditedVotingPeriod = &expedited
	appState["gov"] = cdc.MustMarshalJSON(&govGen)

	stake := math.NewInt(o.stake).Mul(sequencertypes.OneToken)
	if err := updateSequencerGenesis(cdc, appState, func(gs *sequencertypes.GenesisState) error {
		gs.Params.L1ChainId = 1337
		gs.Params.L1Confirmations = 2
		if o.l1RPC != "" {
			return genesisFromL1Locks(gs, o)
		}
		for i, n := range nodes {
			// On the localnet each operator owns its sequencer with its signer address.
			if err := addGenesisSequencer(gs, uint64(i+1), n.key.L1Address(), n.key.Bytes(), stake); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		return nil, err
	}

	if err := o.epoch.Validate(); err != nil {
		return nil, fmt.Errorf("epoch flags: %w", err)
	}
	epochGen := epochtypes.DefaultGenesis()
	epochGen.Params = o.epoch
	appState[epochtypes.ModuleName] = cdc.MustMarshalJSON(epochGen)

	if err := o.slashing.Validate(); err != nil {
		return nil, fmt.Errorf("slashing flags: %w", err)
	}
	slashingGen := slashingtypes.DefaultGenesis()
	slashingGen.Params = o.slashing
	if o.rewardPerBlock != "" {
		perBlock, ok := math.NewIntFromString(o.rewardPerBlock)
		if !ok || perBlock.IsNegative() {
			return nil, fmt.Errorf("--reward-per-block %q: a non-negative integer of base units", o.rewardPerBlock)
		}
		slashingGen.RewardState.RewardPerBlock = perBlock
	}
	appState[slashingtypes.ModuleName] = cdc.MustMarshalJSON(slashingGen)

	if err := localnetMpcGenesis(cdc, appState, o); err != nil {
		return nil, err
	}

	stateBz, err := json.MarshalIndent(appState, "", "  ")
	if err != nil {
		return nil, err
	}
	params := app.ConsensusParams()
	return &genutiltypes.AppGenesis{
		AppName:       app.AppName,
		ChainID:       o.chainID,
		GenesisTime:   time.Now().UTC().Truncate(time.Second),
		InitialHeight: 1,
		AppState:      stateBz,
		Consensus:     &genutiltypes.ConsensusGenesis{Params: params},
	}, nil
}

func writeNodeConfig(n testnetNode, i int, nodes []testnetNode, o testnetOptions) error {
	cfg := initCometConfig()
	cfg.SetRoot(n.home)
	cfg.Moniker = fmt.Sprintf("node%d", i)
	cfg.Consensus.TimeoutCommit = o.blockTime
	cfg.P2P.ListenAddress = fmt.Sprintf("tcp://127.0.0.1:%d", n.ports["p2p"])
	cfg.RPC.ListenAddress = fmt.Sprintf("tcp://127.0.0.1:%d", n.ports["rpc"])
	cfg.RPC.PprofListenAddress = ""
	cfg.P2P.AddrBookStrict = false
	cfg.P2P.AllowDuplicateIP = true
	cfg.P2P.PexReactor = false
	cfg.Instrumentation.Prometheus = true
	cfg.Instrumentation.PrometheusListenAddr = fmt.Sprintf("127.0.0.1:%d", n.ports["prom"])
	var peers []string
	for j, p := range nodes {
		if j != i {
			peers = append(peers, fmt.Sprintf("%s@127.0.0.1:%d", p.nodeID, p.ports["p2p"]))
		}
	}
	cfg.P2P.PersistentPeers = strings.Join(peers, ",")
	cmtcfg.WriteConfigFile(filepath.Join(n.home, "config", "config.toml"), cfg)

	template, appCfgAny := initAppConfig()
	appCfg := appCfgAny.(themisAppConfig)
	appCfg.API.Enable = true
	appCfg.API.Address = fmt.Sprintf("tcp://127.0.0.1:%d", n.ports["api"])
	appCfg.GRPC.Address = fmt.Sprintf("127.0.0.1:%d", n.ports["grpc"])
	appCfg.Telemetry.Enabled = true
	appCfg.StateSync.SnapshotInterval = o.snapshotInterval
	appCfg.Themis.Dashboard = true
	appCfg.Themis.BridgeHealthURL = fmt.Sprintf("http://127.0.0.1:%d/healthz", n.ports["bridge-health"])
	appCfg.Telemetry.PrometheusRetentionTime = 60
	appCfg.Themis.L1RPC = o.l1RPC
	appCfg.Themis.L2RPC = fmt.Sprintf("http://127.0.0.1:%d", n.ports["l2"])
	appCfg.Themis.L2ChainID = l2sim.DefaultChainID
	if o.tss {
		appCfg.Themis.TSSListen = fmt.Sprintf("127.0.0.1:%d", n.ports["tss"])
		// Every node of a localnet shares one machine: no background preparams search
		// (each would take a core); the fixture sets and, once a node holds a share,
		// its own parameters serve every keygen and resharing.
		appCfg.Themis.TSSPreparamsTarget = -1
	}
	srvconfig.SetConfigTemplate(template)
	srvconfig.WriteConfigFile(filepath.Join(n.home, "config", "app.toml"), appCfg)

	clientToml := fmt.Sprintf("chain-id = %q\nkeyring-backend = \"test\"\nkeyring-default-keyname = \"signer\"\noutput = \"text\"\nnode = \"tcp://127.0.0.1:%d\"\nbroadcast-mode = \"sync\"\ngrpc-address = \"\"\ngrpc-insecure = false\n",
		o.chainID, n.ports["rpc"])
	return os.WriteFile(filepath.Join(n.home, "config", "client.toml"), []byte(clientToml), 0o600)
}

func importSigner(n testnetNode, cdc codec.Codec) error {
	kr, err := keyring.New(sdk.KeyringServiceName(), keyring.BackendTest, n.home, nil, cdc)
	if err != nil {
		return err
	}
	return kr.ImportPrivKeyHex("signer", hex.EncodeToString(n.priv.Bytes()), string(hd.Secp256k1Type))
}

// localnetSlashingParams are x/slashing's localnet defaults: the ladder as governance
// set it, with a 2-minute jail, a 1-hour escrow and a reward batch every 2 minutes
// (instead of daily) so a developer sees each of them happen.
func localnetSlashingParams() slashingtypes.Params {
	p := slashingtypes.DefaultParams()
	p.JailDuration = 2 * time.Minute
	p.EscrowPeriod = time.Hour
	p.RewardBatchInterval = 2 * time.Minute
	return p
}

// localnetEpochParams are x/epoch's localnet defaults: short epochs so rotation is
// visible within a minute, the SPEC's 60 s stall threshold, and the simulators' L2
// chain id, so that their refused blocks are wrong-state-root evidence.
func localnetEpochParams() epochtypes.Params {
	p := epochtypes.DefaultParams()
	p.EpochLength = 20
	p.LeadTime = 5
	p.ReadinessWindow = 10 * time.Second
	p.HeadTolerance = 5
	p.L2ChainId = l2sim.DefaultChainID
	return p
}
