//go:build e2e

package e2e

import (
	"context"
	"math/rand"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/networks/devl1"
	"github.com/themis-network/themis/networks/l2sim"
)

// TestSoak runs the localnet (development L1, 4 validators, bridges, L2 simulators) for
// SOAK_DURATION (default 1h) with the faults of SPEC 10 injected on a schedule drawn
// from SOAK_SEED, at x/epoch's stall threshold SOAK_STALL_THRESHOLD (default 60s), while
// every owner relocks on L1 throughout. It checks the whole time: every node has one
// app hash; the agreed L2 head never stands still longer than the failover bound; every
// stall re-election replaces a producer whose L2 node the soak stalled or stopped; no
// fault that must not be punished (a validator restart, an L1 outage or reorg, a bridge
// crash) is. At the end every L1 event the owners sent is applied exactly once and the
// chain equals the staking contract. `make soak` runs it (not `make test`); the report
// (SOAK_REPORT, a file) records the seed, the faults, the checks and the failover
// distribution for BENCHMARKS.md.
func TestSoak(t *testing.T) {
	cfg := soakConfigFromEnv(t)
	t.Logf("soak: %s at stall threshold %s, seed %d, jail %s", cfg.duration, cfg.threshold, cfg.seed, cfg.jail)
	ln := StartLocalnet(t, Options{Validators: 4, VotingPeriod: 10 * time.Second, PortOffset: 70, L1: true, L2: true,
		TestnetArgs: []string{"--epoch-length", "20", "--epoch-lead-time", "5", "--stall-threshold", cfg.threshold.String(),
			"--jail-duration", cfg.jail.String(), "--medium-strikes-to-remove", "1000"}})
	defer ln.Stop()
	ln.WaitHeight(3, 90*time.Second)
	s := newSoak(t, ln, cfg)
	defer s.report() // the record, whatever the outcome
	ln.WaitFor("the first epochs", 2*time.Minute, func() bool {
		e, err := Epochs(ln.Nodes[0])
		return err == nil && len(e) >= 2
	})
	from := ln.Nodes[0].MustHeight(t) + 1

	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); s.relockThroughout(ctx) }()
	go func() { defer wg.Done(); s.watch(ctx) }()
	stopped := false
	stop := func() {
		if !stopped {
			stopped = true
			cancel()
			wg.Wait()
		}
	}
	defer stop() // a failed check of this goroutine ends the test: stop them first

	deadline := time.Now().Add(cfg.duration)
	for time.Now().Before(deadline) && !t.Failed() {
		s.unjailDue()
		fault := s.pick()
		fault.run(s)
		gap := cfg.minGap + time.Duration(s.rng.Int63n(int64(cfg.maxGap-cfg.minGap)))
		s.sleepUnjailing(min(gap, time.Until(deadline)))
	}
	stop()
	s.restoreAll()
	s.finalChecks(from)
}

type soakConfig struct {
	duration, threshold, jail time.Duration
	minGap, maxGap            time.Duration
	seed                      int64
	reportPath                string
}

func soakConfigFromEnv(t *testing.T) soakConfig {
	cfg := soakConfig{duration: time.Hour, threshold: time.Minute, seed: time.Now().UnixNano() % 1_000_000,
		minGap: 20 * time.Second, maxGap: 60 * time.Second, reportPath: os.Getenv("SOAK_REPORT")}
	if v := os.Getenv("SOAK_DURATION"); v != "" {
		d, err := time.ParseDuration(v)
		require.NoError(t, err, "SOAK_DURATION")
		cfg.duration = d
	}
	if v := os.Getenv("SOAK_STALL_THRESHOLD"); v != "" {
		d, err := time.ParseDuration(v)
		require.NoError(t, err, "SOAK_STALL_THRESHOLD")
		require.GreaterOrEqual(t, d, 5*time.Second, "SOAK_STALL_THRESHOLD")
		cfg.threshold = d
	}
	if v := os.Getenv("SOAK_SEED"); v != "" {
		seed, err := strconv.ParseInt(v, 10, 64)
		require.NoError(t, err, "SOAK_SEED")
		cfg.seed = seed
	}
	// Short enough that a stalled producer is back well within the run, long enough
	// to be seen: a stall's jail ends after a few more faults.
	cfg.jail = max(time.Minute, 2*cfg.threshold)
	return cfg
}

// soak is the run's state: what it did, what it may see punished, what it measured.
type soak struct {
	t   *testing.T
	ln  *Localnet
	cfg soakConfig
	rng *rand.Rand
	l1  *l1Faults

	mu sync.Mutex
	// excused[id] lists the windows in which sequencer id's L2 node was stalled or
	// stopped by the soak: a stall offence (and its re-election) is expected only in one.
	excused map[uint64][]window
	// protected lists the faults that must never be punished, by sequencer.
	protected map[uint64][]window
	jailed    map[uint64]time.Time // sequencer -> jail end, to unjail
	faults    map[string]int
	checks    map[string]int
	failovers []time.Duration
	sent      []common.Hash
	maxStill  time.Duration // the longest the agreed head stood still
	seenStall map[uint64]bool
}

type window struct{ from, to time.Time }

func newSoak(t *testing.T, ln *Localnet, cfg soakConfig) *soak {
	s := &soak{t: t, ln: ln, cfg: cfg, rng: rand.New(rand.NewSource(cfg.seed)),
		l1:      &l1Faults{ln: ln, client: ln.L1Client()},
		excused: map[uint64][]window{}, protected: map[uint64][]window{}, jailed: map[uint64]time.Time{},
		faults: map[string]int{}, checks: map[string]int{}, seenStall: map[uint64]bool{}}
	for i := range 4 {
		s.l1.owners = append(s.l1.owners, ln.L1Owner(s.l1.client, i))
		_, err := s.l1.owners[i].Approve(context.Background(), tokens(100_000).BigInt())
		require.NoError(t, err)
	}
	return s
}

// soakFault is one kind of fault of SPEC 10 and its weight in the schedule.
type soakFault struct {
	name   string
	weight int
	run    func(*soak)
}

var soakFaults = []soakFault{
	{"producer stall", 3, (*soak).producerStall},
	{"L2 node killed", 2, (*soak).l2NodeKilled},
	{"bridge killed", 2, (*soak).bridgeKilled},
	{"validator restarted", 1, (*soak).validatorRestarted},
	{"L1 reorg", 2, (*soak).l1Reorg},
	{"L1 RPC outage", 1, (*soak).l1Outage},
}

func (s *soak) pick() soakFault {
	total := 0
	for _, f := range soakFaults {
		total += f.weight
	}
	n := s.rng.Intn(total)
	for _, f := range soakFaults {
		if n < f.weight {
			return f
		}
		n -= f.weight
	}
	return soakFaults[0]
}

func (s *soak) count(m map[string]int, key string) {
	s.mu.Lock()
	m[key]++
	s.mu.Unlock()
}

// active returns the ACTIVE sequencers' ids.
func (s *soak) active() []uint64 {
	var out []uint64
	for id := uint64(1); id <= 4; id++ {
		if st, err := SequencerStatus(s.ln.Nodes[0], id); err == nil && st == "SEQUENCER_STATUS_ACTIVE" {
			out = append(out, id)
		}
	}
	return out
}

// producerStall stops the current producer's L2 node (one with some epoch left, never
// the last sequencers standing) until the chain re-elects; the failover time is from
// the block time since which the agreed head stood to the re-election's decision.
func (s *soak) producerStall() {
	if len(s.active()) < 3 {
		s.count(s.faults, "producer stall (skipped: fewer than 3 active)")
		return
	}
	n0 := s.ln.Nodes[0]
	var cur Epoch
	var head uint64
	ok := false
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(300 * time.Millisecond) {
		var err error
		if cur, head, err = CurrentEpoch(n0); err == nil && cur.ProducerID > 0 && cur.EndHeight >= head+6 {
			ok = true
			break
		}
	}
	if !ok {
		s.count(s.faults, "producer stall (skipped: no producer with epoch left)")
		return
	}
	n := s.ln.NodeOfSequencer(cur.ProducerID)
	before := s.lastOffenceID()
	stalledAt := time.Now()
	s.excuse(cur.ProducerID, stalledAt, stalledAt.Add(s.cfg.threshold+time.Minute))
	require.NoError(s.t, L2Fault(n, l2sim.ModeStall))
	s.count(s.faults, "producer stall")
	// The agreed head stands from "since" (a block time) until the chain re-elects;
	// the last reading before the re-election is the standing head's.
	var since time.Time
	var re soakEpoch
	found := false
	for deadline := time.Now().Add(s.cfg.threshold + time.Minute); time.Now().Before(deadline) && !found; time.Sleep(250 * time.Millisecond) {
		if c, err := soakCurrent(n0); err == nil && c.Epoch.ProducerID == cur.ProducerID {
			since = c.Head.Since
		}
		re, found = s.reElectionOf(cur.ProducerID, stalledAt)
	}
	require.NoError(s.t, L2Fault(n, l2sim.ModeNone))
	if !found {
		s.t.Errorf("producer %d stalled at %s: no re-election within threshold + 1 min", cur.ProducerID, stalledAt.Format(time.TimeOnly))
		return
	}
	failover := re.DecidedTime.Sub(since)
	s.mu.Lock()
	s.failovers = append(s.failovers, failover)
	s.mu.Unlock()
	s.t.Logf("stall of producer %d: re-elected epoch %d (producer %d) %s after the head stood (threshold %s)",
		cur.ProducerID, re.ID, re.ProducerID, failover.Round(10*time.Millisecond), s.cfg.threshold)
	off := s.ln.waitOffenceAfter(cur.ProducerID, "OFFENCE_CLASS_NON_PRODUCTION", before, time.Minute)
	if off.Jailed {
		s.mu.Lock()
		s.jailed[cur.ProducerID] = off.JailedUntil
		s.mu.Unlock()
	}
}

// l2NodeKilled kills a sequencer's L2 simulator for 15-45 s. Not the current producer
// (that is a stall); if the chain draws it meanwhile, its stall is the soak's doing.
func (s *soak) l2NodeKilled() {
	cur, _, err := CurrentEpoch(s.ln.Nodes[0])
	if err != nil {
		return
	}
	ids := s.active()
	var pickable []uint64
	for _, id := range ids {
		if id != cur.ProducerID {
			pickable = append(pickable, id)
		}
	}
	if len(ids) < 3 || len(pickable) == 0 {
		s.count(s.faults, "L2 node killed (skipped: too few active)")
		return
	}
	id := pickable[s.rng.Intn(len(pickable))]
	down := 15*time.Second + time.Duration(s.rng.Int63n(int64(30*time.Second)))
	now := time.Now()
	s.excuse(id, now, now.Add(down+s.cfg.threshold+time.Minute))
	n := s.ln.NodeOfSequencer(id)
	s.ln.KillL2(n)
	s.count(s.faults, "L2 node killed")
	s.sleepUnjailing(down)
	s.ln.StartL2(n)
}

// bridgeKilled SIGKILLs one bridge for 5-30 s: never punished, no event lost.
func (s *soak) bridgeKilled() {
	n := s.ln.Nodes[s.rng.Intn(len(s.ln.Nodes))]
	down := 5*time.Second + time.Duration(s.rng.Int63n(int64(25*time.Second)))
	s.protect(uint64(n.Index+1), down+time.Minute)
	s.ln.KillBridge(n)
	s.count(s.faults, "bridge killed")
	s.sleepUnjailing(down)
	s.ln.StartBridge(n)
}

// validatorRestarted kills one validator's node (SIGKILL) and starts it 10-30 s later:
// never punished. Only while all four are in the set (with three, one is a third of the
// power and the chain would halt) and never the current or next producer (its L2 node
// reads the schedule from it).
func (s *soak) validatorRestarted() {
	if len(s.active()) < 4 {
		s.count(s.faults, "validator restarted (skipped: not all 4 active)")
		return
	}
	cur, _, err := CurrentEpoch(s.ln.Nodes[0])
	if err != nil {
		return
	}
	next := uint64(0)
	if epochs, err := Epochs(s.ln.Nodes[0]); err == nil {
		for _, e := range epochs {
			if e.StartHeight == cur.EndHeight+1 && !e.Cancelled {
				next = e.ProducerID
			}
		}
	}
	var pickable []uint64
	for id := uint64(2); id <= 4; id++ { // node0 serves the soak's reads
		if id != cur.ProducerID && id != next {
			pickable = append(pickable, id)
		}
	}
	if len(pickable) == 0 {
		return
	}
	id := pickable[s.rng.Intn(len(pickable))]
	down := 10*time.Second + time.Duration(s.rng.Int63n(int64(20*time.Second)))
	n := s.ln.NodeOfSequencer(id)
	s.protect(id, down+2*time.Minute)
	// Its L2 node loses its schedule while the node is down: a draw of it meanwhile
	// would stall, and that is the soak's doing too.
	now := time.Now()
	s.excuse(id, now, now.Add(down+s.cfg.threshold+time.Minute))
	s.ln.KillNode(n)
	s.count(s.faults, "validator restarted")
	s.sleepUnjailing(down)
	s.ln.StartNode(n)
}

// l1Reorg replaces the L1 head block (depth 1, inside the confirmations): its
// transactions are mined again in the new block and applied once.
func (s *soak) l1Reorg() {
	if err := s.ln.L1.Do("/reorg", urlValues("depth", "1")); err != nil {
		s.t.Errorf("L1 reorg: %v", err)
		return
	}
	s.protectAll(time.Minute)
	s.count(s.faults, "L1 reorg")
}

// l1Outage switches the L1 RPC off for 20-60 s: the chain goes on, nothing is applied
// meanwhile, everything after.
func (s *soak) l1Outage() {
	down := 20*time.Second + time.Duration(s.rng.Int63n(int64(40*time.Second)))
	s.protectAll(down + time.Minute)
	require.NoError(s.t, s.ln.L1.Do("/rpc", urlValues("down", "true")))
	s.count(s.faults, "L1 RPC outage")
	s.sleepUnjailing(down)
	require.NoError(s.t, s.ln.L1.Do("/rpc", urlValues("down", "false")))
}

func (s *soak) excuse(id uint64, from, to time.Time) {
	s.mu.Lock()
	s.excused[id] = append(s.excused[id], window{from, to})
	s.mu.Unlock()
}

func (s *soak) protect(id uint64, d time.Duration) {
	now := time.Now()
	s.mu.Lock()
	s.protected[id] = append(s.protected[id], window{now, now.Add(d)})
	s.mu.Unlock()
}

func (s *soak) protectAll(d time.Duration) {
	for id := uint64(1); id <= 4; id++ {
		s.protect(id, d)
	}
}

func in(ws []window, at time.Time) bool {
	for _, w := range ws {
		if !at.Before(w.from) && !at.After(w.to) {
			return true
		}
	}
	return false
}

// unjailDue unjails every sequencer whose jail is over (by the chain's clock).
func (s *soak) unjailDue() {
	s.mu.Lock()
	var due []uint64
	for id, until := range s.jailed {
		if time.Now().After(until.Add(3 * time.Second)) {
			due = append(due, id)
		}
	}
	s.mu.Unlock()
	sort.Slice(due, func(i, j int) bool { return due[i] < due[j] })
	for _, id := range due {
		out, err := s.ln.TryRun(UnjailCommand(s.ln.NodeOfSequencer(id))...)
		if err != nil || !strings.Contains(out, "code: 0") {
			s.t.Logf("unjail of sequencer %d not accepted yet (retrying): %v %s", id, err, lastLine(out))
			continue
		}
		s.mu.Lock()
		delete(s.jailed, id)
		s.mu.Unlock()
		s.count(s.checks, "unjailed after the jail")
	}
}

// sleepUnjailing sleeps d, unjailing on the way.
func (s *soak) sleepUnjailing(d time.Duration) {
	for end := time.Now().Add(d); time.Now().Before(end); {
		time.Sleep(min(2*time.Second, time.Until(end)))
		s.unjailDue()
	}
}

// relockThroughout keeps L1 events pending: each owner relocks one token every 5-15 s.
func (s *soak) relockThroughout(ctx context.Context) {
	rng := rand.New(rand.NewSource(s.cfg.seed + 1))
	for {
		select {
		case <-ctx.Done():
			return
		case <-time.After(5*time.Second + time.Duration(rng.Int63n(int64(10*time.Second)))):
		}
		i := rng.Intn(len(s.l1.owners))
		nonce, err := s.l1.client.PendingNonceAt(ctx, crypto.PubkeyToAddress(devl1.OwnerKey(i).PublicKey))
		if err != nil {
			continue // the L1 RPC is down: the next try
		}
		h, err := s.l1.owners[i].SendRelock(ctx, uint64(i+1), tokens(1).BigInt(), nonce)
		if err != nil {
			continue
		}
		s.mu.Lock()
		s.sent = append(s.sent, h)
		s.mu.Unlock()
	}
}
