package differential

import (
	"context"
	"crypto/ecdsa"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	sequencertest "github.com/themis-network/themis/testutil/sequencer"
	seqtypes "github.com/themis-network/themis/x/sequencer/types"
)

// Sequence is one run of ops against a fresh World and a fresh chain: after each step it
// compares the chain's sequencer table with what the contract says.
type Sequence struct {
	ctx      context.Context
	w        *World
	contract Contract
	env      *sequencertest.Env
	bridge   *Bridge
	model    *Model
	// l1Whitelist is the contract's whitelist as the harness set it (ops steer locks by it).
	l1Whitelist map[common.Address]bool
	seed        [32]byte

	drawn       []*ecdsa.PrivateKey // signer keys drawn so far
	offences    int
	lastOffence [32]byte
	// view is the contract's view after the last step: ops pick their targets from it.
	view ContractView
	// carrying: an earlier op's events wait for the next settlement.
	carrying bool
	// withdrawalBlock holds the last withdrawal (see Withdraw in exec).
	withdrawalBlock uint64
	// Outcomes says, per step, what L1 did and what the bridge relayed.
	Outcomes []string
}

// NewSequence starts a chain whose genesis mirrors w at Base (the same whitelist, and
// the contract's configuration and ledger as of its configNonce and ledgerNonce), and a bridge
// into it. seed derives the sequence's keys and offence ids.
func NewSequence(ctx context.Context, t testing.TB, w *World, seed [32]byte) (*Sequence, error) {
	gs := sequencertest.RelayerGenesis(t)
	contract := NewContract(ctx, w.Client, w.Deployment.Staking)
	base, err := contract.View()
	if err != nil {
		return nil, err
	}
	policy := Policy{Whitelist: map[string]bool{}, MaxLock: base.MaxLock}
	l1Whitelist := map[common.Address]bool{}
	for i, o := range w.Owners {
		if InitiallyWhitelisted(i) {
			gs.Whitelist = append(gs.Whitelist, lowerHex(o.Addr))
			policy.Whitelist[lowerHex(o.Addr)], l1Whitelist[o.Addr] = true, true
		}
	}
	gs.L1Config, gs.L1Ledger = base.Config, base.Ledger
	env := sequencertest.NewEnvWithGenesis(t, gs)
	bridge, err := NewBridge(w, env, storeDir(t))
	if err != nil {
		return nil, err
	}
	t.Cleanup(func() { _ = bridge.Close() })
	s := &Sequence{ctx: ctx, w: w, contract: contract, env: env, bridge: bridge,
		model: NewModel(policy), l1Whitelist: l1Whitelist, seed: seed, view: base}
	return s, nil
}

// storeDir is an empty directory for the bridge's store, in memory (/dev/shm) where
// there is one: the store fsyncs every write, which is not what this test is about and
// took half the bridge's time on a disk.
func storeDir(t testing.TB) string {
	if fi, err := os.Stat("/dev/shm"); err == nil && fi.IsDir() {
		if dir, err := os.MkdirTemp("/dev/shm", "themis-differential-"); err == nil {
			t.Cleanup(func() { _ = os.RemoveAll(dir) })
			return dir
		}
	}
	return t.TempDir()
}

// Step runs op on L1 and, unless the op is carried with the next one, lets the bridge
// carry what L1 emitted to the chain and returns every difference between the chain
// and the contract (none: they agree). A carried op's events reach the chain together
// with the next op's: several nonces of one sequencer, or events of several sequencers,
// in one relay round and one approval.
func (s *Sequence) Step(op Op) ([]string, error) {
	outcome, err := s.exec(op)
	if err != nil {
		return nil, err
	}
	if op.Carried() {
		s.carrying = true
		s.Outcomes = append(s.Outcomes, outcome+" | carried with the next step")
		if s.view, err = s.contract.View(); err != nil { // the next op picks its target from it
			return nil, err
		}
		s.model.Observe(s.view)
		return nil, nil
	}
	relayed, diffs, err := s.Settle()
	if len(relayed) > 0 {
		outcome += " | relayed " + strings.Join(relayed, ", ")
	}
	s.Outcomes = append(s.Outcomes, outcome)
	return diffs, err
}

// Settle lets the bridge carry everything L1 emitted to the chain and compares: it
// returns what was relayed and every difference.
func (s *Sequence) Settle() (relayed, diffs []string, err error) {
	s.carrying = false
	relayed, leftBehind, err := s.bridge.Sync(s.ctx)
	if err != nil {
		return nil, nil, err
	}
	view, err := s.contract.View()
	if err != nil {
		return nil, nil, err
	}
	s.view = view
	// Power reads the contract's max_lock as of now: every event is relayed by now.
	s.model.Policy.MaxLock = view.MaxLock
	p := s.model.Policy
	s.model.Observe(view)
	want := s.model.Settle()
	wantTotal := activeTotal(want, p)
	got, gotTotal, err := ChainView(s.env.Ctx, s.env.Query)
	if err != nil {
		return nil, nil, err
	}
	diffs = Diff(want, wantTotal, got, gotTotal)
	config, err := s.env.Query.L1Config(s.env.Ctx, &seqtypes.QueryL1ConfigRequest{})
	if err != nil {
		return nil, nil, err
	}
	if config.Config.String() != view.Config.String() {
		diffs = append(diffs, fmt.Sprintf("l1_config: chain %v, contract %v", config.Config, view.Config))
	}
	ledger, err := s.env.Query.L1Ledger(s.env.Ctx, &seqtypes.QueryL1LedgerRequest{})
	if err != nil {
		return nil, nil, err
	}
	if ledger.Ledger.String() != view.Ledger.String() {
		diffs = append(diffs, fmt.Sprintf("l1_ledger: chain %v, contract %v", ledger.Ledger, view.Ledger))
	}
	for _, l := range leftBehind {
		diffs = append(diffs, "bridge left an event behind: "+l)
	}
	return relayed, diffs, nil
}

// activeTotal is the active set's expected power: the genesis relayer (ACTIVE with its
// stake, capped like any other) and the expected ACTIVE sequencers.
func activeTotal(want map[uint64]Expected, p Policy) int64 {
	total := ExpectPower(seqtypes.SEQUENCER_STATUS_ACTIVE, tokens(sequencertest.RelayerStakeWhole), p.MaxLock)
	for _, e := range want {
		total += e.Power
	}
	return total
}

// Report is a failing sequence's reproduction: the ops with their outcomes.
func (s *Sequence) Report(ops []Op) string {
	return FormatOps(ops, s.Outcomes)
}
