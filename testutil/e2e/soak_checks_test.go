//go:build e2e

package e2e

import (
	"context"
	"fmt"
	"math/big"
	"net/url"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/networks/l2sim"
)

// soakEpoch is an epoch of the rotation history with its decision's block time.
type soakEpoch struct {
	Epoch
	DecidedTime time.Time `json:"decided_time"`
}

type soakCurrentView struct {
	Epoch soakEpoch `json:"epoch"`
	Head  struct {
		Height uint64    `json:"height,string"`
		Since  time.Time `json:"since"`
		Known  bool      `json:"known"`
	} `json:"head"`
}

func soakCurrent(n *Node) (soakCurrentView, error) {
	var c soakCurrentView
	err := GetJSON(n.REST+"/themis/epoch/v1/current", &c)
	return c, err
}

func soakEpochs(n *Node) ([]soakEpoch, error) {
	var res struct {
		Epochs []soakEpoch `json:"epochs"`
	}
	err := GetJSON(n.REST+"/themis/epoch/v1/epochs?pagination.limit=1000&pagination.reverse=true", &res)
	return res.Epochs, err
}

// reElectionOf finds the stall re-election replacing producer id decided after after.
func (s *soak) reElectionOf(id uint64, after time.Time) (soakEpoch, bool) {
	epochs, err := soakEpochs(s.ln.Nodes[0])
	if err != nil {
		return soakEpoch{}, false
	}
	for _, e := range epochs {
		if e.Reason == "ROTATION_REASON_STALL" && e.ReplacedProducerID == id && e.DecidedTime.After(after.Add(-2*time.Second)) {
			return e, true
		}
	}
	return soakEpoch{}, false
}

type soakOffence struct {
	SlashOffence
	Time time.Time `json:"time"`
}

func soakOffences(n *Node) ([]soakOffence, error) {
	var res struct {
		Offences []soakOffence `json:"offences"`
	}
	err := GetJSON(n.REST+"/themis/slashing/v1/offences?pagination.limit=1000", &res)
	return res.Offences, err
}

// watch runs the continuous checks until ctx ends: the agreed head's progress every
// second; the app hashes, stall re-elections and punishments every 5 s.
func (s *soak) watch(ctx context.Context) {
	n0 := s.ln.Nodes[0]
	bound := s.cfg.threshold + 20*time.Second // the threshold, the decision, the new producer's first block
	var lastHeight uint64
	lastMove := time.Now()
	reported := false // this standstill was reported
	seenEpoch := map[uint64]bool{}
	seenOffence := map[uint64]bool{}
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for i := 0; ; i++ {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		if c, err := soakCurrent(n0); err == nil && c.Head.Known {
			if c.Head.Height != lastHeight {
				lastHeight, lastMove, reported = c.Head.Height, time.Now(), false
			}
			still := time.Since(lastMove)
			s.mu.Lock()
			s.maxStill = max(s.maxStill, still)
			s.checks["agreed L2 head progress"]++
			s.mu.Unlock()
			if still > bound && !reported {
				reported = true
				s.t.Errorf("the agreed L2 head stood at %d for %s, beyond the failover bound %s", lastHeight, still.Round(time.Second), bound)
			}
		}
		if i%5 != 0 {
			continue
		}
		if i%10 == 0 {
			s.checkChainFollowsL1()
		}
		s.checkAppHashes()
		s.checkReElections(seenEpoch)
		s.checkPunishments(seenOffence)
	}
}

// checkChainFollowsL1: the chain is the contract, a few events behind. The only L1
// events of the run are 1-token relocks (no pool: no slash lands on L1), so for every
// sequencer, read on the chain first and on L1 second, the chain's nonce is at most
// L1's and the locked amounts differ by exactly one token per event still to apply.
func (s *soak) checkChainFollowsL1() {
	one := tokens(1).BigInt()
	for id := uint64(1); id <= 4; id++ {
		var resp struct {
			Sequencer struct {
				Locked string `json:"locked"`
				Nonce  uint64 `json:"l1_nonce,string"`
			} `json:"sequencer"`
		}
		if err := GetJSON(fmt.Sprintf("%s/themis/sequencer/v1/sequencers/%d", s.ln.Nodes[0].REST, id), &resp); err != nil {
			return
		}
		onL1, err := s.l1State(id)
		if err != nil {
			return // the L1 RPC is down (the soak's outage)
		}
		chainLocked, ok := new(big.Int).SetString(resp.Sequencer.Locked, 10)
		if !ok {
			s.t.Errorf("sequencer %d: locked %q", id, resp.Sequencer.Locked)
			return
		}
		behind := onL1.Nonce - resp.Sequencer.Nonce
		want := new(big.Int).Add(chainLocked, new(big.Int).Mul(one, new(big.Int).SetUint64(behind)))
		if resp.Sequencer.Nonce > onL1.Nonce || want.Cmp(onL1.Locked) != 0 {
			s.t.Errorf("sequencer %d: chain locked %s at nonce %d, L1 %s at nonce %d: not the contract %d events behind",
				id, chainLocked, resp.Sequencer.Nonce, onL1.Locked, onL1.Nonce, behind)
			return
		}
	}
	s.count(s.checks, "chain = contract at the chain's nonce")
}

// l1State reads sequencer id from the staking contract (an error, not a failure, when
// the L1 is unreachable).
func (s *soak) l1State(id uint64) (L1Sequencer, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return s.ln.TryL1SequencerState(ctx, s.l1.client, id)
}

// checkAppHashes compares the app hash of every answering node at a height all have.
func (s *soak) checkAppHashes() {
	var nodes []*Node
	h := int64(-1)
	for _, n := range s.ln.Nodes {
		nh := n.Height()
		if nh <= 0 {
			continue // killed or starting
		}
		nodes = append(nodes, n)
		if h < 0 || nh < h {
			h = nh
		}
	}
	if len(nodes) < 3 || h < 2 {
		return
	}
	h-- // committed on all of them, with its app hash in the next header
	want := ""
	for _, n := range nodes {
		hdr, err := n.Header(h)
		if err != nil {
			return
		}
		if want == "" {
			want = hdr.AppHash
		} else if hdr.AppHash != want {
			s.t.Errorf("app hash at height %d: node%d has %s, another node %s", h, n.Index, hdr.AppHash, want)
		}
	}
	s.count(s.checks, "app hashes equal")
}

// checkReElections: every stall re-election replaces a producer the soak stalled or
// whose L2 node (or node) it stopped.
func (s *soak) checkReElections(seen map[uint64]bool) {
	epochs, err := soakEpochs(s.ln.Nodes[0])
	if err != nil {
		return
	}
	for _, e := range epochs {
		if seen[e.ID] || e.Reason != "ROTATION_REASON_STALL" {
			continue
		}
		seen[e.ID] = true
		s.mu.Lock()
		excused := in(s.excused[e.ReplacedProducerID], e.DecidedTime)
		s.mu.Unlock()
		if !excused {
			s.t.Errorf("epoch %d re-elected producer %d at %s, which was producing: the soak had not stopped its L2 node",
				e.ID, e.ReplacedProducerID, e.DecidedTime.Format(time.TimeOnly))
		}
		s.count(s.checks, "re-election of a stalled producer only")
	}
}

// checkPunishments: a slash, jail, removal or ban only for a stall the soak caused;
// never for a validator restart, an L1 outage or reorg, a bridge crash.
func (s *soak) checkPunishments(seen map[uint64]bool) {
	offences, err := soakOffences(s.ln.Nodes[0])
	if err != nil {
		return
	}
	for _, o := range offences {
		if seen[o.ID] {
			continue
		}
		seen[o.ID] = true
		punished := o.Jailed || o.Removed || o.Banned || (o.Slashed != "" && o.Slashed != "0")
		s.mu.Lock()
		excused := in(s.excused[o.SequencerID], o.Time)
		protected := in(s.protected[o.SequencerID], o.Time)
		s.mu.Unlock()
		switch {
		case !punished:
			s.t.Logf("offence %d of sequencer %d recorded without punishment (%s, %s)", o.ID, o.SequencerID, o.Class, o.Severity)
		case o.Class == "OFFENCE_CLASS_NON_PRODUCTION" && excused:
		case protected:
			s.t.Errorf("offence %d punishes sequencer %d (%s, %s) during a fault that must not be punished", o.ID, o.SequencerID, o.Class, o.Severity)
		default:
			s.t.Errorf("offence %d punishes sequencer %d (%s, %s) for nothing the soak did", o.ID, o.SequencerID, o.Class, o.Severity)
		}
		s.count(s.checks, "punishment only for a caused stall")
	}
}

func (s *soak) lastOffenceID() uint64 {
	offences, err := SlashingOffences(s.ln.Nodes[0])
	require.NoError(s.t, err)
	return lastOffenceID(offences)
}

// restoreAll puts every process back and every fault off.
func (s *soak) restoreAll() {
	require.NoError(s.t, s.ln.L1.Do("/rpc", urlValues("down", "false")))
	for _, n := range s.ln.Nodes {
		if n.cmd == nil {
			s.ln.StartNode(n)
		}
		if n.l2 == nil {
			s.ln.StartL2(n)
		}
		if n.bridge == nil {
			s.ln.StartBridge(n)
		}
	}
	for _, n := range s.ln.Nodes {
		s.ln.WaitFor(fmt.Sprintf("node%d's L2 simulator answering", n.Index), time.Minute, func() bool {
			return L2Fault(n, l2sim.ModeNone) == nil
		})
	}
}

// finalChecks: every relock sent was mined, applied exactly once, and the chain equals
// the contract; every node has one app hash.
func (s *soak) finalChecks(from int64) {
	t := s.t
	s.mu.Lock()
	sent := append(s.sent[:0:0], s.sent...)
	s.mu.Unlock()
	s.l1.waitMined(t, sent...)
	s.l1.waitChainEqualsL1(t, 3*time.Minute)
	s.count(s.checks, "chain equals the L1 contract (end)")
	s.requireAppliedExactlyOnce(from, sent)
	s.count(s.checks, fmt.Sprintf("each of the %d L1 events applied exactly once (end)", len(sent)))
	s.requireScheduledProducers()
	requireSameAppHash(t, s.ln)
}

// requireScheduledProducers: every L2 block up to the agreed head is by the producer the
// chain scheduled for its height (as the chain answers now, re-elections included).
func (s *soak) requireScheduledProducers() {
	t := s.t
	n0 := s.ln.Nodes[0]
	_, head, err := CurrentEpoch(n0)
	require.NoError(t, err)
	checked := 0
	for h := uint64(1); h <= head; h++ {
		e, err := ProducerAt(n0, h)
		if err != nil {
			continue // before the first epoch
		}
		b, ok := L2BlockAt(n0, h)
		require.True(t, ok, "L2 block %d on node0's L2 node", h)
		require.Equal(t, strings.ToLower(e.Signer), b.Miner, "L2 block %d is by the producer of epoch %d", h, e.ID)
		checked++
	}
	require.Positive(t, checked)
	s.count(s.checks, fmt.Sprintf("each of the %d L2 blocks by its scheduled producer (end)", checked))
}

// requireAppliedExactlyOnce: each relock sent since height from is applied once and
// nothing else is applied. A rejection is allowed only of a sent event that is then
// applied from where L1 moved it: devl1's reorg mines the pending pool into one more
// block before it forks, so a bridge polling in that instant may relay a log the
// validators then find elsewhere.
func (s *soak) requireAppliedExactlyOnce(from int64, sent []common.Hash) {
	t := s.t
	want := map[string]bool{}
	for _, h := range sent {
		want[strings.ToLower(h.Hex())] = true
	}
	applied := map[string]int{}
	rejected := 0
	to := s.l1.settledHeight(t)
	for _, v := range s.ln.L1Verdicts(s.ln.Nodes[0], from, to) {
		require.True(t, want[v.TxHash], "an event nobody sent got a verdict: %+v", v)
		if v.Kind == "Rejected" {
			rejected++
			t.Logf("rejected at height %d (then applied from its new block?): %+v", v.Height, v)
			continue
		}
		applied[v.TxHash]++
	}
	for _, h := range sent {
		require.Equal(t, 1, applied[strings.ToLower(h.Hex())], "event of %s applied once in heights %d..%d", h, from, to)
	}
	if rejected > 0 {
		s.count(s.checks, "rejected relays of reorged logs, each applied later")
	}
}

// report logs the run and writes it to SOAK_REPORT (markdown) when set.
func (s *soak) report() {
	s.mu.Lock()
	defer s.mu.Unlock()
	var b strings.Builder
	fmt.Fprintf(&b, "soak: seed %d, %s at stall threshold %s (jail %s)\n", s.cfg.seed, s.cfg.duration, s.cfg.threshold, s.cfg.jail)
	fmt.Fprintf(&b, "faults injected:\n")
	for _, k := range sortedKeys(s.faults) {
		fmt.Fprintf(&b, "  %-55s %d\n", k, s.faults[k])
	}
	outcome := "all held"
	if s.t.Failed() {
		outcome = "FAILED: see the errors above"
	}
	fmt.Fprintf(&b, "invariant checks (%s):\n", outcome)
	for _, k := range sortedKeys(s.checks) {
		fmt.Fprintf(&b, "  %-55s %d\n", k, s.checks[k])
	}
	fmt.Fprintf(&b, "longest the agreed L2 head stood still: %s\n", s.maxStill.Round(100*time.Millisecond))
	if len(s.failovers) > 0 {
		fo := append([]time.Duration(nil), s.failovers...)
		sort.Slice(fo, func(i, j int) bool { return fo[i] < fo[j] })
		q := func(p float64) time.Duration { return fo[min(len(fo)-1, int(p*float64(len(fo))))] }
		fmt.Fprintf(&b, "failover (head stood -> re-election decided), %d stalls: min %s p50 %s p95 %s max %s (threshold %s)\n",
			len(fo), fo[0].Round(10*time.Millisecond), q(0.5).Round(10*time.Millisecond), q(0.95).Round(10*time.Millisecond),
			fo[len(fo)-1].Round(10*time.Millisecond), s.cfg.threshold)
	}
	s.t.Log(b.String())
	if s.cfg.reportPath != "" {
		require.NoError(s.t, os.WriteFile(s.cfg.reportPath, []byte(b.String()), 0o644))
	}
}

func sortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func urlValues(kv ...string) url.Values {
	q := url.Values{}
	for i := 0; i+1 < len(kv); i += 2 {
		q.Set(kv[i], kv[i+1])
	}
	return q
}
