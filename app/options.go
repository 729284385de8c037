package app

import (
	"time"

	"github.com/spf13/cast"

	"github.com/cosmos/cosmos-sdk/server"
	servertypes "github.com/cosmos/cosmos-sdk/server/types"
)

// Keys of the [themis] section of app.toml.
const (
	// OptObserveBudget bounds the time ExtendVote spends asking observers (L1 node, ...).
	OptObserveBudget = "themis.observe-budget"
	// OptL1FakeChainID, when set, runs the node with a deterministic in-memory L1 that
	// has no events (development only: every relayed event is left undecided).
	OptL1FakeChainID = "themis.l1-fake-chain-id"
	// OptL1RPC is this validator's own L1 JSON-RPC endpoint, used while voting to check
	// relayed L1 events.
	OptL1RPC = "themis.l1-rpc"
	// OptL1Reader passes an observer.L1Reader value in-process (tests, embedders);
	// it cannot be set from a file.
	OptL1Reader = "themis.l1-reader"
	// OptL2RPC is this validator's own L2 node (JSON-RPC). The node follows its head
	// with the bridge's L2 watcher and reports it in every vote extension (x/epoch).
	OptL2RPC = "themis.l2-rpc"
	// OptL2ChainID is the chain id the L2 node must report (eth_chainId); 0 accepts any.
	OptL2ChainID = "themis.l2-chain-id"
	// OptL2MaxSilence: the head is reported only if the L2 node answered this recently.
	OptL2MaxSilence = "themis.l2-max-silence"
	// OptL2Heads passes a reporter.Heads value in-process (tests, embedders); it
	// takes precedence over l2-rpc.
	OptL2Heads = "themis.l2-heads"
	// OptMpcReports passes the TSS engine's x/mpc report source (a
	// voteext.ReportSource) in-process; it cannot be set from a file.
	OptMpcReports = "themis.mpc-reports"
	// OptMpcL1Reports passes x/mpc's "mpc-l1" report source (a voteext.ReportSource)
	// in-process (tests, embedders); it takes precedence over l1-rpc and l2-rpc.
	OptMpcL1Reports = "themis.mpc-l1-reports"
	// OptTSSListen: the TSS engine's transport address; empty runs no engine.
	OptTSSListen = "themis.tss-listen"
	// OptTSSEndpoint: the URL other engines reach this one at.
	OptTSSEndpoint = "themis.tss-endpoint"
	// OptTSSPassphraseFile: the keystore passphrase, for a store made with one.
	OptTSSPassphraseFile = "themis.tss-passphrase-file"
	// OptTSSPreparamsTarget: the preparams pool size the top-up keeps.
	OptTSSPreparamsTarget = "themis.tss-preparams-target"
	// OptTSSRoundTimeout: a session round without progress fails after this long.
	OptTSSRoundTimeout = "themis.tss-round-timeout"
	// OptDashboard serves the pool dashboard at /dashboard/ on the REST port.
	OptDashboard = "themis.dashboard"
	// OptBridgeHealthURL is the bridge sidecar's /healthz, shown as this node's bridge
	// health (with the dashboard, at /themis/node/v1/health).
	OptBridgeHealthURL = "themis.bridge-health-url"
)

// DefaultObserveBudget leaves room in a ~1 s block for the rest of the vote.
const DefaultObserveBudget = 300 * time.Millisecond

// AppTomlTemplate is appended to the SDK's app.toml template.
const AppTomlTemplate = `
###############################################################################
###                               themis                                    ###
###############################################################################

[themis]

# How long ExtendVote may spend asking this node's observers (its L1 node, ...)
# about pending side transactions. Items not judged in time get no verdict.
observe-budget = "{{ .Themis.ObserveBudget }}"

# This validator's own L1 (Ethereum) JSON-RPC endpoint. While voting, the node checks
# every relayed staking event against it: receipt, confirmations, contract, log index
# and every field; it also reports the pool address's nonce, balance and transaction
# receipts, read l1_confirmations below the head (x/mpc's outbound path). Without it
# the node votes on no L1 event (it still validates blocks).
l1-rpc = "{{ .Themis.L1RPC }}"

# Development only: run against an in-memory L1 with this chain id (0 = off); ignored
# when l1-rpc is set.
l1-fake-chain-id = {{ .Themis.L1FakeChainID }}

# This validator's own L2 node (JSON-RPC: eth_blockNumber, eth_getBlockByNumber). The
# node follows its head and reports it, with its readiness, in every vote extension;
# x/epoch only schedules sequencers whose L2 node reports a fresh head. Empty: this
# node reports no L2 head and is never scheduled to produce. It also reports the
# commitment of the L2 batch the chain proposed (x/mpc).
l2-rpc = "{{ .Themis.L2RPC }}"

# The chain id the L2 node must report (eth_chainId), checked when the watcher starts,
# after every failed poll and every 30 s: a head from another chain (a load balancer
# that switched backends, a node pointed at the wrong network) is never reported.
# 0 accepts any chain.
l2-chain-id = {{ .Themis.L2ChainID }}

# The L2 head is reported only if the L2 node answered within this time.
l2-max-silence = "{{ .Themis.L2MaxSilence }}"

# The threshold-signing engine (tss/README.md). It runs inside this node when
# tss-listen is set (host:port of its transport) and takes part in the keygen,
# resharing and signing sessions x/mpc schedules. Its key shares and preparams are
# sealed in <home>/tss (themisd tss init / status / backup).
tss-listen = "{{ .Themis.TSSListen }}"

# The URL other sequencers' engines reach this one at (reported on chain in every
# vote extension). Empty: http://<tss-listen>.
tss-endpoint = "{{ .Themis.TSSEndpoint }}"

# A file holding the keystore passphrase, for a store made with one (or set
# THEMIS_TSS_PASSPHRASE). Empty: the store is sealed by the node key alone.
tss-passphrase-file = "{{ .Themis.TSSPassphraseFile }}"

# How many preparams sets the background top-up keeps ready (one is used per keygen
# or resharing this node receives a share in). It generates on one core, in a child
# process, and stops while a session runs. 0: 2; negative: no top-up.
tss-preparams-target = {{ .Themis.TSSPreparamsTarget }}

# A session round that makes no progress for this long fails (the chain retries).
tss-round-timeout = "{{ .Themis.TSSRoundTimeout }}"

# Serve the pool dashboard at /dashboard/ on the REST API's address ([api] address):
# sequencers, producers, rotation, offences, rewards, the pool key and sessions, read
# from this node's public REST routes every 2 s. Its page and scripts are embedded in
# themisd (no internet needed). Needs [api] enable = true.
dashboard = {{ .Themis.Dashboard }}

# With the dashboard, /themis/node/v1/health shows this node's L2 watcher, TSS engine
# and the bridge beside it: the bridge's /healthz URL (its --health-addr), asked at
# most once a second with a 1 s timeout. Empty: no bridge shown.
bridge-health-url = "{{ .Themis.BridgeHealthURL }}"
`

// ThemisConfig is the [themis] section.
type ThemisConfig struct {
	ObserveBudget time.Duration `mapstructure:"observe-budget"`
	L1RPC         string        `mapstructure:"l1-rpc"`
	L1FakeChainID uint64        `mapstructure:"l1-fake-chain-id"`
	L2RPC         string        `mapstructure:"l2-rpc"`
	L2ChainID     uint64        `mapstructure:"l2-chain-id"`
	L2MaxSilence  time.Duration `mapstructure:"l2-max-silence"`

	TSSListen          string        `mapstructure:"tss-listen"`
	TSSEndpoint        string        `mapstructure:"tss-endpoint"`
	TSSPassphraseFile  string        `mapstructure:"tss-passphrase-file"`
	TSSPreparamsTarget int           `mapstructure:"tss-preparams-target"`
	TSSRoundTimeout    time.Duration `mapstructure:"tss-round-timeout"`

	Dashboard       bool   `mapstructure:"dashboard"`
	BridgeHealthURL string `mapstructure:"bridge-health-url"`
}

// DefaultL2MaxSilence is three polls of the L2 watcher and then some.
const DefaultL2MaxSilence = 3 * time.Second

// DefaultTSSRoundTimeout bounds one round of a TSS session (a resharing round of 21
// parties computes for several seconds on two cores).
const DefaultTSSRoundTimeout = 60 * time.Second

// DefaultThemisConfig returns the defaults.
func DefaultThemisConfig() ThemisConfig {
	return ThemisConfig{ObserveBudget: DefaultObserveBudget, L2MaxSilence: DefaultL2MaxSilence, TSSRoundTimeout: DefaultTSSRoundTimeout}
}

func readThemisConfig(appOpts servertypes.AppOptions) ThemisConfig {
	cfg := DefaultThemisConfig()
	if v := appOpts.Get(OptObserveBudget); v != nil {
		if d, err := cast.ToDurationE(v); err == nil && d > 0 {
			cfg.ObserveBudget = d
		}
	}
	cfg.L1RPC = cast.ToString(appOpts.Get(OptL1RPC))
	if v := appOpts.Get(OptL1FakeChainID); v != nil {
		cfg.L1FakeChainID = cast.ToUint64(v)
	}
	cfg.L2RPC = cast.ToString(appOpts.Get(OptL2RPC))
	if v := appOpts.Get(OptL2ChainID); v != nil {
		cfg.L2ChainID = cast.ToUint64(v)
	}
	if v := appOpts.Get(OptL2MaxSilence); v != nil {
		if d, err := cast.ToDurationE(v); err == nil && d > 0 {
			cfg.L2MaxSilence = d
		}
	}
	cfg.TSSListen = cast.ToString(appOpts.Get(OptTSSListen))
	cfg.TSSEndpoint = cast.ToString(appOpts.Get(OptTSSEndpoint))
	cfg.TSSPassphraseFile = cast.ToString(appOpts.Get(OptTSSPassphraseFile))
	cfg.TSSPreparamsTarget = cast.ToInt(appOpts.Get(OptTSSPreparamsTarget))
	if v := appOpts.Get(OptTSSRoundTimeout); v != nil {
		if d, err := cast.ToDurationE(v); err == nil && d > 0 {
			cfg.TSSRoundTimeout = d
		}
	}
	cfg.Dashboard = cast.ToBool(appOpts.Get(OptDashboard))
	cfg.BridgeHealthURL = cast.ToString(appOpts.Get(OptBridgeHealthURL))
	return cfg
}

func castString(v any, fallback string) string {
	if s := cast.ToString(v); s != "" {
		return s
	}
	return fallback
}

func skipUpgradeHeights(appOpts servertypes.AppOptions) map[int64]bool {
	skip := map[int64]bool{}
	for _, h := range cast.ToIntSlice(appOpts.Get(server.FlagUnsafeSkipUpgrades)) {
		skip[int64(h)] = true
	}
	return skip
}

// Offline wraps the options of a process that only reads the stored state, such as
// `themisd export`: it runs no TSS engine and follows no L1 or L2 node. Those need the
// validator key, the chain id and the network, would race a running node for its
// engine's ports and keystore, and would be stopped again at once.
func Offline(appOpts servertypes.AppOptions) servertypes.AppOptions { return offlineOptions{appOpts} }

type offlineOptions struct{ servertypes.AppOptions }

func (o offlineOptions) Get(key string) any {
	switch key {
	case OptTSSListen, OptL1RPC, OptL2RPC:
		return ""
	case OptL1FakeChainID:
		return uint64(0)
	case OptL1Reader, OptL2Heads, OptMpcReports, OptMpcL1Reports:
		return nil
	}
	return o.AppOptions.Get(key)
}
