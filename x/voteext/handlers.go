package voteext

import (
	"fmt"
	"sync/atomic"
	"time"

	"cosmossdk.io/log"
	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	"github.com/cosmos/cosmos-sdk/baseapp"
	sdk "github.com/cosmos/cosmos-sdk/types"
)

// Defaults for Config fields left zero.
const (
	// DefaultObserveBudget bounds the whole of ExtendVote's calls to observers.
	DefaultObserveBudget = 2 * time.Second
	// DefaultMaxItemsPerQueue bounds the items of one queue voted on per height.
	DefaultMaxItemsPerQueue = 128
)

// Config wires the framework into an app.
type Config struct {
	Logger log.Logger
	// ValidatorSets is the chain's own record of the validator sets; powers and keys
	// come only from here, never from a proposer.
	ValidatorSets ValidatorSetProvider
	// Queues are the modules' side-transaction queues. Their order is the order in
	// which ExtendVote votes; module names must be unique.
	Queues []SideTxQueue
	// Observers maps a module name to its observer. A module without one (a node
	// without an L1 client) votes VERDICT_UNSPECIFIED on its items.
	Observers map[string]SideTxObserver
	// Reporters are the modules that take a report from every validator (x/epoch's
	// L2 head). Their order is the order PreBlock applies them in; names must be
	// unique and different from the queues'.
	Reporters []Reporter
	// ReportSources maps a reporter's module name to this node's source of reports. A
	// module without one reports nothing from this node.
	ReportSources map[string]ReportSource
	// ObserveBudget bounds ExtendVote's calls to observers, all of them together.
	ObserveBudget time.Duration
	// MaxItemsPerQueue bounds the items of one queue voted on per height.
	MaxItemsPerQueue int
	// TxDecoder decodes the transactions of the block being voted on, so that its
	// relays are judged in the same vote (nil: they wait for the next height).
	TxDecoder sdk.TxDecoder
	// PrepareProposalHandler and ProcessProposalHandler handle the ordinary mempool
	// transactions, after the injected commit is put first or taken off.
	PrepareProposalHandler sdk.PrepareProposalHandler
	ProcessProposalHandler sdk.ProcessProposalHandler
}

// Handlers implements the ABCI++ handlers of the side-transaction framework.
type Handlers struct {
	logger   log.Logger
	sets     ValidatorSetProvider
	queues   []SideTxQueue
	byModule map[string]SideTxQueue // lookups only
	modules  ModuleSet
	// observers is looked up by module name, never iterated.
	observers map[string]*observerSlot
	reporters []Reporter
	// reportChecks and sources are looked up by module name, never iterated.
	reportChecks ReportChecks
	sources      map[string]ReportSource
	budget       time.Duration
	maxItems     int
	txDecoder    sdk.TxDecoder
	prepare      sdk.PrepareProposalHandler
	process      sdk.ProcessProposalHandler
}

// observerSlot remembers whether an observer call abandoned at the deadline is still
// running, so a hung observer costs one goroutine, not one per height.
type observerSlot struct {
	obs  SideTxObserver
	busy atomic.Bool
}

// NewHandlers checks cfg and fills in defaults. It panics on a configuration that can
// only be a programming error (no validator record, duplicate or empty queue names, an
// observer without a queue), as app constructors do.
func NewHandlers(cfg Config) *Handlers {
	if cfg.ValidatorSets == nil {
		panic("voteext: Config.ValidatorSets is required")
	}
	h := &Handlers{
		logger:       cfg.Logger,
		sets:         cfg.ValidatorSets,
		queues:       append([]SideTxQueue(nil), cfg.Queues...),
		byModule:     make(map[string]SideTxQueue, len(cfg.Queues)),
		modules:      make(ModuleSet, len(cfg.Queues)),
		observers:    make(map[string]*observerSlot, len(cfg.Observers)),
		reporters:    append([]Reporter(nil), cfg.Reporters...),
		reportChecks: make(ReportChecks, len(cfg.Reporters)),
		sources:      make(map[string]ReportSource, len(cfg.ReportSources)),
		budget:       cfg.ObserveBudget,
		maxItems:     cfg.MaxItemsPerQueue,
		txDecoder:    cfg.TxDecoder,
		prepare:      cfg.PrepareProposalHandler,
		process:      cfg.ProcessProposalHandler,
	}
	if h.logger == nil {
		h.logger = log.NewNopLogger()
	}
	h.logger = h.logger.With(log.ModuleKey, "x/voteext")
	if h.budget <= 0 {
		h.budget = DefaultObserveBudget
	}
	if h.maxItems <= 0 {
		h.maxItems = DefaultMaxItemsPerQueue
	}
	if h.prepare == nil {
		h.prepare = baseapp.NoOpPrepareProposal()
	}
	if h.process == nil {
		h.process = baseapp.NoOpProcessProposal()
	}
	for _, q := range h.queues {
		if q == nil {
			panic("voteext: nil queue")
		}
		name := q.Module()
		if name == "" || len(name) > MaxModuleNameLen {
			panic(fmt.Sprintf("voteext: invalid queue module name %q", name))
		}
		if _, dup := h.byModule[name]; dup {
			panic(fmt.Sprintf("voteext: two queues named %q", name))
		}
		h.byModule[name] = q
		h.modules[name] = struct{}{}
	}
	for name, obs := range cfg.Observers { // building a lookup table: order is irrelevant
		if obs == nil {
			continue
		}
		if !h.modules.Has(name) {
			panic(fmt.Sprintf("voteext: observer for %q, which has no queue", name))
		}
		h.observers[name] = &observerSlot{obs: obs}
	}
	for _, r := range h.reporters {
		if r == nil {
			panic("voteext: nil reporter")
		}
		name := r.Module()
		if name == "" || len(name) > MaxModuleNameLen {
			panic(fmt.Sprintf("voteext: invalid reporter module name %q", name))
		}
		if _, dup := h.reportChecks[name]; dup || h.modules.Has(name) {
			panic(fmt.Sprintf("voteext: reporter %q registered twice or also a queue", name))
		}
		h.reportChecks[name] = r.CheckReport
	}
	for name, src := range cfg.ReportSources { // building a lookup table: order is irrelevant
		if src == nil {
			continue
		}
		if _, ok := h.reportChecks[name]; !ok {
			panic(fmt.Sprintf("voteext: report source for %q, which has no reporter", name))
		}
		h.sources[name] = src
	}
	return h
}

// Modules returns a copy of the set of registered module names (those with a queue):
// the names strict decoding accepts in verdicts.
func (h *Handlers) Modules() ModuleSet {
	out := make(ModuleSet, len(h.modules))
	for name := range h.modules { // copying a set: order is irrelevant
		out[name] = struct{}{}
	}
	return out
}

// ExtensionsEnabled reports whether vote extensions are enabled for height: the
// enable height is set and height is at or past it (the SDK's ExtendVote rule).
func ExtensionsEnabled(cp cmtproto.ConsensusParams, height int64) bool {
	if cp.Abci == nil || cp.Abci.VoteExtensionsEnableHeight == 0 {
		return false
	}
	return height >= cp.Abci.VoteExtensionsEnableHeight
}

// CommitInjected reports whether a proposal for height must carry the extended
// commit of height-1 as its first tx: exactly when extensions were enabled at
// height-1, i.e. height > enable height (the SDK's ValidateVoteExtensions rule).
func CommitInjected(cp cmtproto.ConsensusParams, height int64) bool {
	return height > 1 && ExtensionsEnabled(cp, height-1)
}
