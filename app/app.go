package app

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"

	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"
	reflectionv1 "cosmossdk.io/api/cosmos/reflection/v1"
	"cosmossdk.io/client/v2/autocli"
	"cosmossdk.io/core/appmodule"
	"cosmossdk.io/log"
	storetypes "cosmossdk.io/store/types"
	"cosmossdk.io/x/upgrade"
	upgradekeeper "cosmossdk.io/x/upgrade/keeper"
	upgradetypes "cosmossdk.io/x/upgrade/types"
	abci "github.com/cometbft/cometbft/abci/types"
	dbm "github.com/cosmos/cosmos-db"
	"github.com/cosmos/cosmos-sdk/baseapp"
	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/grpc/cmtservice"
	nodeservice "github.com/cosmos/cosmos-sdk/client/grpc/node"
	"github.com/cosmos/cosmos-sdk/codec"
	"github.com/cosmos/cosmos-sdk/codec/address"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	"github.com/cosmos/cosmos-sdk/runtime"
	runtimeservices "github.com/cosmos/cosmos-sdk/runtime/services"
	"github.com/cosmos/cosmos-sdk/server"
	"github.com/cosmos/cosmos-sdk/server/api"
	"github.com/cosmos/cosmos-sdk/server/config"
	servertypes "github.com/cosmos/cosmos-sdk/server/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/mempool"
	"github.com/cosmos/cosmos-sdk/types/module"
	"github.com/cosmos/cosmos-sdk/version"
	"github.com/cosmos/cosmos-sdk/x/auth"
	"github.com/cosmos/cosmos-sdk/x/auth/ante"
	authcodec "github.com/cosmos/cosmos-sdk/x/auth/codec"
	authkeeper "github.com/cosmos/cosmos-sdk/x/auth/keeper"
	authtx "github.com/cosmos/cosmos-sdk/x/auth/tx"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	"github.com/cosmos/cosmos-sdk/x/bank"
	bankkeeper "github.com/cosmos/cosmos-sdk/x/bank/keeper"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	"github.com/cosmos/cosmos-sdk/x/consensus"
	consensuskeeper "github.com/cosmos/cosmos-sdk/x/consensus/keeper"
	consensustypes "github.com/cosmos/cosmos-sdk/x/consensus/types"
	"github.com/cosmos/cosmos-sdk/x/gov"
	govkeeper "github.com/cosmos/cosmos-sdk/x/gov/keeper"
	govtypes "github.com/cosmos/cosmos-sdk/x/gov/types"
	govv1beta1 "github.com/cosmos/cosmos-sdk/x/gov/types/v1beta1"

	"github.com/themis-network/themis/app/dashboard"
	"github.com/themis-network/themis/app/nodehealth"
	"github.com/themis-network/themis/app/openapi"
	"github.com/themis-network/themis/x/epoch"
	epochkeeper "github.com/themis-network/themis/x/epoch/keeper"
	epochtypes "github.com/themis-network/themis/x/epoch/types"
	"github.com/themis-network/themis/x/mpc"
	mpckeeper "github.com/themis-network/themis/x/mpc/keeper"
	mpctypes "github.com/themis-network/themis/x/mpc/types"
	"github.com/themis-network/themis/x/sequencer"
	sequencerante "github.com/themis-network/themis/x/sequencer/ante"
	sequencerkeeper "github.com/themis-network/themis/x/sequencer/keeper"
	sequencertypes "github.com/themis-network/themis/x/sequencer/types"
	"github.com/themis-network/themis/x/slashing"
	slashingkeeper "github.com/themis-network/themis/x/slashing/keeper"
	slashingtypes "github.com/themis-network/themis/x/slashing/types"
)

// DefaultNodeHome is where themisd keeps its config and data unless --home says otherwise.
var DefaultNodeHome = func() string {
	home, err := os.UserHomeDir()
	if err != nil {
		return ".themisd"
	}
	return filepath.Join(home, ".themisd")
}()

// maccPerms are the module accounts and what they may do.
var maccPerms = map[string][]string{
	authtypes.FeeCollectorName: nil,
	govtypes.ModuleName:        {authtypes.Burner},
}

var (
	_ servertypes.Application = (*App)(nil)
)

// App is the themis application.
type App struct {
	*baseapp.BaseApp

	legacyAmino       *codec.LegacyAmino
	appCodec          codec.Codec
	txConfig          client.TxConfig
	interfaceRegistry codectypes.InterfaceRegistry

	keys  map[string]*storetypes.KVStoreKey
	tkeys map[string]*storetypes.TransientStoreKey

	AccountKeeper   authkeeper.AccountKeeper
	BankKeeper      bankkeeper.BaseKeeper
	ConsensusKeeper consensuskeeper.Keeper
	UpgradeKeeper   *upgradekeeper.Keeper
	GovKeeper       *govkeeper.Keeper
	SequencerKeeper sequencerkeeper.Keeper
	EpochKeeper     epochkeeper.Keeper
	SlashingKeeper  slashingkeeper.Keeper
	MpcKeeper       mpckeeper.Keeper

	// stopBackground stops the node's background watchers (the L2 watcher) on Close.
	stopBackground []func()
	// dashboard serves the pool dashboard on the REST port ([themis] dashboard), and
	// nodeHealth this node's own L2 watcher, TSS engine and bridge beside it.
	dashboard  bool
	nodeHealth nodehealth.Sources

	ModuleManager      *module.Manager
	BasicModuleManager module.BasicManager
	configurator       module.Configurator
}

// New builds the application. Options from app.toml ([themis] section) choose the
// node's outside-world clients; see options.go.
func New(
	logger log.Logger,
	db dbm.DB,
	traceStore io.Writer,
	loadLatest bool,
	appOpts servertypes.AppOptions,
	baseAppOptions ...func(*baseapp.BaseApp),
) *App {
	SetAddressPrefixes()
	enc := MakeEncodingConfig()
	appCodec, legacyAmino, txConfig := enc.Codec, enc.Amino, enc.TxConfig

	bApp := baseapp.NewBaseApp(AppName, logger, db, txConfig.TxDecoder(), baseAppOptions...)
	bApp.SetCommitMultiStoreTracer(traceStore)
	bApp.SetVersion(version.Version)
	bApp.SetInterfaceRegistry(enc.InterfaceRegistry)
	bApp.SetTxEncoder(txConfig.TxEncoder())

	keys := storetypes.NewKVStoreKeys(
		authtypes.StoreKey, banktypes.StoreKey, consensustypes.StoreKey,
		upgradetypes.StoreKey, govtypes.StoreKey, sequencertypes.StoreKey,
		epochtypes.StoreKey, slashingtypes.StoreKey, mpctypes.StoreKey,
	)
	tkeys := storetypes.NewTransientStoreKeys(sequencerante.QuotaStoreKey)

	app := &App{
		BaseApp:           bApp,
		legacyAmino:       legacyAmino,
		appCodec:          appCodec,
		txConfig:          txConfig,
		interfaceRegistry: enc.InterfaceRegistry,
		keys:              keys,
		tkeys:             tkeys,
	}
	authority := authtypes.NewModuleAddress(govtypes.ModuleName).String()
	accCodec := address.NewBech32Codec(Bech32Prefix)

	app.ConsensusKeeper = consensuskeeper.NewKeeper(appCodec, runtime.NewKVStoreService(keys[consensustypes.StoreKey]), authority, runtime.EventService{})
	bApp.SetParamStore(app.ConsensusKeeper.ParamsStore)

	// Unordered transactions (a timeout timestamp instead of the sequence) carry the
	// bridges' relays, so that a relay losing the race for an event never evicts the
	// operator's own transactions signed by the same key (bridge/broadcaster). x/auth's
	// PreBlocker drops their expired nonces (SetOrderPreBlockers below).
	app.AccountKeeper = authkeeper.NewAccountKeeper(appCodec, runtime.NewKVStoreService(keys[authtypes.StoreKey]),
		authtypes.ProtoBaseAccount, maccPerms, authcodec.NewBech32Codec(Bech32Prefix), Bech32Prefix, authority,
		authkeeper.WithUnorderedTransactions(true))
	app.BankKeeper = bankkeeper.NewBaseKeeper(appCodec, runtime.NewKVStoreService(keys[banktypes.StoreKey]),
		app.AccountKeeper, blockedAddresses(), authority, logger)

	app.SequencerKeeper = sequencerkeeper.NewKeeper(appCodec, runtime.NewKVStoreService(keys[sequencertypes.StoreKey]), accCodec, authority, app.AccountKeeper)

	app.EpochKeeper = epochkeeper.NewKeeper(appCodec, runtime.NewKVStoreService(keys[epochtypes.StoreKey]), accCodec, authority, app.SequencerKeeper)

	homePath := castString(appOpts.Get("home"), DefaultNodeHome)
	app.UpgradeKeeper = upgradekeeper.NewKeeper(skipUpgradeHeights(appOpts), runtime.NewKVStoreService(keys[upgradetypes.StoreKey]),
		appCodec, homePath, app.BaseApp, authority)

	// x/mpc: the pool's threshold key. Modules that need payloads signed register their
	// payload types with it here (RegisterPayloadType) and call RequestSignature.
	app.MpcKeeper = mpckeeper.NewKeeper(appCodec, runtime.NewKVStoreService(keys[mpctypes.StoreKey]), accCodec, authority, app.SequencerKeeper).
		WithL2Heads(app.EpochKeeper)

	app.SlashingKeeper = slashingkeeper.NewKeeper(appCodec, runtime.NewKVStoreService(keys[slashingtypes.StoreKey]), accCodec, authority,
		app.SequencerKeeper, app.EpochKeeper).WithUpgrades(app.UpgradeKeeper).WithMpc(app.MpcKeeper)
	app.SequencerKeeper.SetSlashHooks(app.SlashingKeeper)
	if err := app.MpcKeeper.RegisterPoolPurpose(app.SlashingKeeper.L1ActionPurpose()); err != nil {
		panic(err)
	}

	govConfig := govtypes.DefaultConfig()
	app.GovKeeper = govkeeper.NewKeeper(appCodec, runtime.NewKVStoreService(keys[govtypes.StoreKey]),
		app.AccountKeeper, app.BankKeeper,
		sequencerkeeper.NewGovStakingAdapter(app.SequencerKeeper, address.NewBech32Codec(Bech32PrefixValAddr)),
		noCommunityPool{}, app.MsgServiceRouter(), govConfig, authority)
	app.GovKeeper.SetLegacyRouter(govv1beta1.NewRouter())

	app.ModuleManager = module.NewManager(
		auth.NewAppModule(appCodec, app.AccountKeeper, nil, nil),
		bank.NewAppModule(appCodec, app.BankKeeper, app.AccountKeeper, nil),
		consensus.NewAppModule(appCodec, app.ConsensusKeeper),
		upgrade.NewAppModule(app.UpgradeKeeper, app.AccountKeeper.AddressCodec()),
		gov.NewAppModule(appCodec, app.GovKeeper, app.AccountKeeper, app.BankKeeper, nil),
		sequencer.NewAppModule(appCodec, app.SequencerKeeper),
		epoch.NewAppModule(appCodec, app.EpochKeeper),
		slashing.NewAppModule(appCodec, app.SlashingKeeper),
		mpc.NewAppModule(appCodec, app.MpcKeeper),
	)
	app.BasicModuleManager = module.NewBasicManagerFromManager(app.ModuleManager, nil)
	app.BasicModuleManager.RegisterLegacyAminoCodec(legacyAmino)
	app.BasicModuleManager.RegisterInterfaces(enc.InterfaceRegistry)

	app.ModuleManager.SetOrderPreBlockers(upgradetypes.ModuleName, authtypes.ModuleName)
	app.ModuleManager.SetOrderBeginBlockers(upgradetypes.ModuleName, slashingtypes.ModuleName)
	// x/epoch records a stall and re-elects, x/slashing judges it (and x/mpc's blames,
	// recorded in PreBlock), x/mpc then schedules its sessions on the active set as the
	// judging left it (a sequencer jailed or removed this block is no candidate), and
	// x/sequencer turns the outcome into this block's validator updates (in force two
	// blocks later). x/mpc changes no sequencer, so it may run before x/sequencer.
	app.ModuleManager.SetOrderEndBlockers(govtypes.ModuleName, epochtypes.ModuleName, slashingtypes.ModuleName,
		mpctypes.ModuleName, sequencertypes.ModuleName)
	genesisOrder := []string{
		consensustypes.ModuleName, authtypes.ModuleName, banktypes.ModuleName,
		sequencertypes.ModuleName, epochtypes.ModuleName, slashingtypes.ModuleName, mpctypes.ModuleName, govtypes.ModuleName,
		upgradetypes.ModuleName,
	}
	app.ModuleManager.SetOrderInitGenesis(genesisOrder...)
	app.ModuleManager.SetOrderExportGenesis(genesisOrder...)

	app.configurator = module.NewConfigurator(appCodec, app.MsgServiceRouter(), app.GRPCQueryRouter())
	if err := app.ModuleManager.RegisterServices(app.configurator); err != nil {
		panic(err)
	}
	autocliv1.RegisterQueryServer(app.GRPCQueryRouter(), runtimeservices.NewAutoCLIQueryService(app.ModuleManager.Modules))
	reflectionSvc, err := runtimeservices.NewReflectionService()
	if err != nil {
		panic(err)
	}
	reflectionv1.RegisterReflectionServiceServer(app.GRPCQueryRouter(), reflectionSvc)

	app.MountKVStores(keys)
	app.MountTransientStores(tkeys)
	app.SetInitChainer(app.InitChainer)
	app.SetBeginBlocker(app.BeginBlocker)
	app.SetEndBlocker(app.EndBlocker)
	app.setAnteHandler(txConfig)
	app.setVoteExtensionHandlers(appOpts)
	themisCfg := readThemisConfig(appOpts)
	app.dashboard = themisCfg.Dashboard
	app.nodeHealth.L2MaxSilence, app.nodeHealth.BridgeURL = themisCfg.L2MaxSilence, themisCfg.BridgeHealthURL
	app.setUpgradeHandlers()

	if loadLatest {
		if err := app.LoadLatestVersion(); err != nil {
			panic(fmt.Errorf("failed to load latest version: %w", err))
		}
	}
	return app
}

// setAnteHandler installs the SDK's ante handler with the chain's fee rules and the
// bounds of the fee-free relay path (x/sequencer/ante).
func (app *App) setAnteHandler(txConfig client.TxConfig) {
	anteHandler, err := sequencerante.NewAnteHandler(sequencerante.HandlerOptions{
		HandlerOptions: ante.HandlerOptions{
			AccountKeeper:   app.AccountKeeper,
			BankKeeper:      app.BankKeeper,
			SignModeHandler: txConfig.SignModeHandler(),
			SigGasConsumer:  ante.DefaultSigVerificationGasConsumer,
		},
		Policy:   FeePolicy(),
		Relayers: app.SequencerKeeper,
		Router:   app.MsgServiceRouter(),
		Counts:   runtime.NewTransientStoreService(app.tkeys[sequencerante.QuotaStoreKey]),
	})
	if err != nil {
		panic(err)
	}
	app.SetAnteHandler(anteHandler)
}

// setVoteExtensionHandlers installs the ABCI++ side-transaction framework (x/voteext)
// with the proposal guard as its handler of ordinary transactions.
//
// The app-side mempool stays a no-op: CometBFT's own mempool holds the transactions
// (CheckTx admits them, and re-checks them after every block) and hands them over in
// arrival order, and the guard verifies every one against the proposal's state, which
// is what the SDK's default handlers do with an app mempool, plus the relay checks. An
// SDK priority mempool would order the fee-free relays after every paying transaction
// (starving them under load), and a second copy of the mempool in the app would only
// have to be kept in step with CometBFT's.
func (app *App) setVoteExtensionHandlers(appOpts servertypes.AppOptions) {
	app.SetMempool(mempool.NoOpMempool{})
	handlers := newVoteExtHandlers(app, appOpts, app.newProposalGuard())
	app.SetExtendVoteHandler(handlers.ExtendVoteHandler())
	app.SetVerifyVoteExtensionHandler(handlers.VerifyVoteExtensionHandler())
	app.SetPrepareProposal(handlers.PrepareProposalHandler())
	app.SetProcessProposal(handlers.ProcessProposalHandler())
	voteTally := handlers.PreBlocker()
	app.SetPreBlocker(func(ctx sdk.Context, req *abci.RequestFinalizeBlock) (*sdk.ResponsePreBlock, error) {
		resp, err := app.ModuleManager.PreBlock(ctx)
		if err != nil {
			return nil, err
		}
		if _, err := voteTally(ctx, req); err != nil {
			return nil, err
		}
		return resp, nil
	})
}

// InitChainer loads genesis.
func (app *App) InitChainer(ctx sdk.Context, req *abci.RequestInitChain) (*abci.ResponseInitChain, error) {
	var state map[string]json.RawMessage
	if err := json.Unmarshal(req.AppStateBytes, &state); err != nil {
		return nil, err
	}
	if err := app.UpgradeKeeper.SetModuleVersionMap(ctx, app.ModuleManager.GetVersionMap()); err != nil {
		return nil, err
	}
	return app.ModuleManager.InitGenesis(ctx, app.appCodec, state)
}

// BeginBlocker runs the modules' begin blockers.
func (app *App) BeginBlocker(ctx sdk.Context) (sdk.BeginBlock, error) {
	return app.ModuleManager.BeginBlock(ctx)
}

// EndBlocker runs the modules' end blockers (x/sequencer returns validator updates).
func (app *App) EndBlocker(ctx sdk.Context) (sdk.EndBlock, error) {
	return app.ModuleManager.EndBlock(ctx)
}

// Name, codecs and configuration accessors used by the server and tests.
func (app *App) Name() string                                    { return app.BaseApp.Name() }
func (app *App) LegacyAmino() *codec.LegacyAmino                 { return app.legacyAmino }
func (app *App) AppCodec() codec.Codec                           { return app.appCodec }
func (app *App) InterfaceRegistry() codectypes.InterfaceRegistry { return app.interfaceRegistry }
func (app *App) TxConfig() client.TxConfig                       { return app.txConfig }
func (app *App) Configurator() module.Configurator               { return app.configurator }

// DefaultGenesis returns the default genesis of every module.
func (app *App) DefaultGenesis() map[string]json.RawMessage {
	return app.BasicModuleManager.DefaultGenesis(app.appCodec)
}

// AutoCliOpts gives autocli the modules' command descriptions.
func (app *App) AutoCliOpts() autocli.AppOptions {
	modules := make(map[string]appmodule.AppModule)
	for _, m := range app.ModuleManager.Modules {
		if am, ok := m.(appmodule.AppModule); ok {
			modules[m.(module.HasName).Name()] = am
		}
	}
	return autocli.AppOptions{
		Modules:               modules,
		ModuleOptions:         runtimeservices.ExtractAutoCLIOptions(app.ModuleManager.Modules),
		AddressCodec:          authcodec.NewBech32Codec(Bech32Prefix),
		ValidatorAddressCodec: authcodec.NewBech32Codec(Bech32PrefixValAddr),
		ConsensusAddressCodec: authcodec.NewBech32Codec(Bech32PrefixConsAddr),
	}
}

// RegisterAPIRoutes registers REST (grpc-gateway) routes.
func (app *App) RegisterAPIRoutes(apiSvr *api.Server, apiConfig config.APIConfig) {
	clientCtx := apiSvr.ClientCtx
	authtx.RegisterGRPCGatewayRoutes(clientCtx, apiSvr.GRPCGatewayRouter)
	cmtservice.RegisterGRPCGatewayRoutes(clientCtx, apiSvr.GRPCGatewayRouter)
	nodeservice.RegisterGRPCGatewayRoutes(clientCtx, apiSvr.GRPCGatewayRouter)
	app.BasicModuleManager.RegisterGRPCGatewayRoutes(clientCtx, apiSvr.GRPCGatewayRouter)
	openapi.Register(apiSvr.Router)
	if app.dashboard {
		dashboard.Register(apiSvr.Router)
		nodehealth.Register(apiSvr.Router, nodehealth.New(app.nodeHealth))
	}
	if err := server.RegisterSwaggerAPI(apiSvr.ClientCtx, apiSvr.Router, apiConfig.Swagger); err != nil {
		panic(err)
	}
}

// RegisterTxService registers the tx simulation and broadcast service.
func (app *App) RegisterTxService(clientCtx client.Context) {
	authtx.RegisterTxService(app.GRPCQueryRouter(), clientCtx, app.Simulate, app.interfaceRegistry)
}

// RegisterTendermintService registers the CometBFT query service.
func (app *App) RegisterTendermintService(clientCtx client.Context) {
	cmtservice.RegisterTendermintService(clientCtx, app.GRPCQueryRouter(), app.interfaceRegistry, app.Query)
}

// RegisterNodeService registers the node query service.
func (app *App) RegisterNodeService(clientCtx client.Context, cfg config.Config) {
	nodeservice.RegisterNodeService(clientCtx, app.GRPCQueryRouter(), cfg)
}

// Close stops the background watchers, then the base app.
func (app *App) Close() error {
	for _, stop := range app.stopBackground {
		stop()
	}
	return app.BaseApp.Close()
}

// GetKey returns a store key by name (tests).
func (app *App) GetKey(name string) *storetypes.KVStoreKey { return app.keys[name] }

func blockedAddresses() map[string]bool {
	blocked := make(map[string]bool)
	for _, name := range []string{authtypes.FeeCollectorName, govtypes.ModuleName} {
		blocked[authtypes.NewModuleAddress(name).String()] = true
	}
	return blocked
}

// LoadHeight loads the state at a height (used by export).
func (app *App) LoadHeight(height int64) error { return app.LoadVersion(height) }
