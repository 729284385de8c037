// Package bridge is the themis sidecar (`themisd bridge start`): it follows the L1
// staking contract, keeps a crash-safe outbox of the events the chain has not applied,
// relays them signed by the operator's chain key, and serves health and metrics.
// See README.md for the pipeline and its crash-safety argument.
package bridge

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/themis-network/themis/bridge/health"
	"github.com/themis-network/themis/bridge/listener"
	"github.com/themis-network/themis/bridge/sender"
	"github.com/themis-network/themis/bridge/store"
	seqtypes "github.com/themis-network/themis/x/sequencer/types"
)

// Defaults of `themisd bridge start`.
const (
	DefaultChainRPC   = "tcp://127.0.0.1:26657"
	DefaultChainGRPC  = "127.0.0.1:9090"
	DefaultHealthAddr = "127.0.0.1:8680"
	DefaultKeyName    = "signer"
	// DefaultLagMargin is added to the confirmation depth for the default health
	// threshold: the cursor normally trails the head by the depth.
	DefaultLagMargin = 64
)

// Config is the bridge's configuration. Zero values of StakingContract, Confirmations
// (when ConfirmationsSet is false) and L1ChainID are filled from the chain's x/sequencer
// params by ApplyParams.
type Config struct {
	Home    string
	DataDir string // default <home>/bridge

	L1RPC            string
	StakingContract  string // 0x; default from params
	L1ChainID        uint64 // from params
	StartBlock       uint64
	Confirmations    uint64
	ConfirmationsSet bool // false: take l1_confirmations from params
	UseFinalized     bool
	PollInterval     time.Duration
	ChunkSize        uint64

	ChainRPC  string // CometBFT RPC (broadcast, tx lookup, simulation)
	ChainGRPC string // gRPC (queries)
	ChainID   string // themis chain id; default from client.toml or the node

	From           string
	KeyringBackend string

	HealthAddr     string
	MaxLag         uint64 // 0: confirmations + DefaultLagMargin
	OutboxCapacity int

	// L2RPC, when set, is the operator's L2 node (http or https JSON-RPC); the bridge
	// then follows its head for /healthz and /metrics. Empty: no L2 watcher.
	L2RPC        string
	L2ChainID    uint64        // the chain id the L2 node must report; 0 accepts any
	L2MaxSilence time.Duration // unhealthy when the L2 node has not answered for this long
	L2StallAfter time.Duration // unhealthy (stalled L2) when its head has not changed for this long

	// SendPoolTxs: carry the pool's signed L1 transactions out (bridge/sender);
	// PoolTxInterval is how often the chain is read, PoolTxResend how often one version
	// is sent again while SENT. FaultDropPoolTxVersions is for e2e tests only.
	SendPoolTxs             bool
	PoolTxInterval          time.Duration
	PoolTxResend            time.Duration
	FaultDropPoolTxVersions uint32
}

// DefaultConfig is the configuration for a node home.
func DefaultConfig(home string) Config {
	return Config{
		Home:           home,
		PollInterval:   listener.DefaultPollInterval,
		ChunkSize:      listener.DefaultChunkSize,
		ChainRPC:       DefaultChainRPC,
		ChainGRPC:      DefaultChainGRPC,
		From:           DefaultKeyName,
		KeyringBackend: "test",
		HealthAddr:     DefaultHealthAddr,
		OutboxCapacity: store.DefaultCapacity,
		L2MaxSilence:   health.DefaultL2MaxSilence,
		L2StallAfter:   health.DefaultL2StallAfter,
		SendPoolTxs:    true,
		PoolTxInterval: sender.DefaultInterval,
		PoolTxResend:   sender.DefaultResend,
	}
}

// Validate checks what can be checked before talking to anyone.
func (c *Config) Validate() error {
	var errs []error
	if c.Home == "" {
		errs = append(errs, errors.New("--home is required (the node's home directory)"))
	}
	if c.DataDir == "" && c.Home != "" {
		c.DataDir = filepath.Join(c.Home, "bridge")
	}
	if c.L1RPC == "" {
		errs = append(errs, errors.New("--l1-rpc is required (the operator's own L1 node, http(s):// or ws(s)://)"))
	} else if err := checkURL("--l1-rpc", c.L1RPC, "http", "https", "ws", "wss"); err != nil {
		errs = append(errs, err)
	}
	if c.StakingContract != "" {
		if _, err := seqtypes.NormalizeL1Address(c.StakingContract); err != nil {
			errs = append(errs, fmt.Errorf("--staking-contract: %v", err))
		}
	}
	if c.PollInterval <= 0 || c.PollInterval > time.Hour {
		errs = append(errs, fmt.Errorf("--poll-interval must be in (0, 1h], got %s", c.PollInterval))
	}
	if c.ChunkSize == 0 || c.ChunkSize > 100_000 {
		errs = append(errs, fmt.Errorf("--chunk-size must be 1..100000, got %d", c.ChunkSize))
	}
	if err := checkURL("--chain-rpc", c.ChainRPC, "tcp", "http", "https"); err != nil {
		errs = append(errs, err)
	}
	if _, _, err := net.SplitHostPort(c.ChainGRPC); err != nil {
		errs = append(errs, fmt.Errorf("--chain-grpc must be host:port, got %q", c.ChainGRPC))
	}
	if _, _, err := net.SplitHostPort(c.HealthAddr); err != nil {
		errs = append(errs, fmt.Errorf("--health-addr must be host:port, got %q", c.HealthAddr))
	}
	if c.From == "" {
		errs = append(errs, errors.New("--from must name a keyring key"))
	}
	if c.OutboxCapacity <= 0 {
		errs = append(errs, fmt.Errorf("--outbox-capacity must be positive, got %d", c.OutboxCapacity))
	}
	errs = append(errs, c.validateL2()...)
	return errors.Join(errs...)
}

// validateL2 checks the L2 watcher's flags; they matter only with --l2-rpc.
func (c *Config) validateL2() []error {
	var errs []error
	if c.L2RPC == "" {
		if c.L2ChainID != 0 {
			errs = append(errs, errors.New("--l2-chain-id needs --l2-rpc (the L2 node to check)"))
		}
		return errs
	}
	if u, err := url.Parse(c.L2RPC); err != nil || !slices.Contains([]string{"http", "https"}, strings.ToLower(u.Scheme)) || u.Host == "" {
		// The URL is not echoed: it may carry a password or an API key.
		errs = append(errs, errors.New("--l2-rpc must be an http or https URL with a host"))
	}
	if c.L2MaxSilence <= 0 {
		errs = append(errs, fmt.Errorf("--l2-max-silence must be positive, got %s", c.L2MaxSilence))
	}
	if c.L2StallAfter <= 0 {
		errs = append(errs, fmt.Errorf("--l2-stall-after must be positive, got %s", c.L2StallAfter))
	}
	return errs
}

func checkURL(flag, raw string, schemes ...string) error {
	u, err := url.Parse(raw)
	if err != nil {
		return fmt.Errorf("%s: %v", flag, err)
	}
	for _, s := range schemes {
		if strings.EqualFold(u.Scheme, s) && u.Host != "" {
			return nil
		}
	}
	return fmt.Errorf("%s must be a %s URL with a host, got %q", flag, strings.Join(schemes, "/"), raw)
}

// ApplyParams fills what the operator did not set from the chain's x/sequencer params.
// The zero address in the params means "not configured".
func (c *Config) ApplyParams(p seqtypes.Params) error {
	fromParams := p.StakingContract
	if common.HexToAddress(fromParams) == (common.Address{}) {
		fromParams = ""
	}
	if c.StakingContract == "" {
		c.StakingContract = fromParams
	}
	if c.StakingContract == "" {
		return errors.New("the chain's params name no staking contract: pass --staking-contract")
	}
	if _, err := seqtypes.NormalizeL1Address(c.StakingContract); err != nil {
		return fmt.Errorf("staking contract: %v", err)
	}
	if c.Contract() == (common.Address{}) {
		return errors.New("the staking contract cannot be the zero address")
	}
	if fromParams != "" && !strings.EqualFold(fromParams, c.StakingContract) {
		return fmt.Errorf("--staking-contract %s differs from the chain's params (%s): the pool would reject every relay", c.StakingContract, fromParams)
	}
	if !c.ConfirmationsSet {
		c.Confirmations = p.L1Confirmations
	}
	c.L1ChainID = p.L1ChainId
	if c.MaxLag == 0 {
		c.MaxLag = c.Confirmations + DefaultLagMargin
	}
	return nil
}

// Contract is the staking contract address.
func (c *Config) Contract() common.Address { return common.HexToAddress(c.StakingContract) }

// Identity names the L1 source; a data dir serves one source only.
func (c *Config) Identity() string {
	return fmt.Sprintf("l1-chain-id=%d staking-contract=%s", c.L1ChainID, strings.ToLower(c.StakingContract))
}
