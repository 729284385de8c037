//go:build e2e

package e2e

import (
	"context"
	"fmt"
	"math/big"
	"net/url"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	ethereum "github.com/ethereum/go-ethereum"
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

type soakSequencer struct {
	Locked string `json:"locked"`
	Nonce  uint64 `json:"l1_nonce,string"`
	Signer string `json:"signer"`
}

// chainSequencer reads sequencer id from node0 (the soak never restarts it).
func (s *soak) chainSequencer(id uint64) (soakSequencer, error) {
	var resp struct {
		Sequencer soakSequencer `json:"sequencer"`
	}
	err := GetJSON(fmt.Sprintf("%s/themis/sequencer/v1/sequencers/%d", s.ln.Nodes[0].REST, id), &resp)
	return resp.Sequencer, err
}

// watchState is what the continuous checks remember between rounds (and the final
// pass after them).
type watchState struct {
	hashes      *appHashes
	follow      *l1Follow
	head        headWatch
	seenEpoch   map[uint64]bool
	seenOffence map[uint64]bool
	charged     map[*window]int // non-production offences charged for each stop
	unjailed    map[uint64]bool // offences whose sequencer was seen ACTIVE (or reported) after the jail
}

func newWatchState() *watchState {
	return &watchState{hashes: newAppHashes(), follow: newL1Follow(), head: headWatch{lastMove: time.Now()},
		seenEpoch: map[uint64]bool{}, seenOffence: map[uint64]bool{}, charged: map[*window]int{}, unjailed: map[uint64]bool{}}
}

// watch runs the continuous checks until ctx ends: the agreed L2 head's progress every
// second; app hashes, node heights, re-elections, punishments and unjails every 5 s;
// the chain against the contract every 10 s.
func (s *soak) watch(ctx context.Context, w *watchState) {
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for i := 0; ; i++ {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		s.checkHeadProgress(&w.head)
		if i%5 != 0 {
			continue
		}
		s.checkAppHashes(w.hashes)
		s.checkReElections(w, false)
		s.checkPunishments(w, false)
		s.checkUnjailed(w)
		if i%10 == 0 {
			s.checkChainFollowsL1(w.follow)
		}
	}
}

type headWatch struct {
	height    uint64
	lastMove  time.Time
	producers map[uint64]bool // producers of agreed head + 1 seen since the last move
	reported  bool
}

// checkHeadProgress: the agreed L2 head stands still at most 10 s (ten L2 block
// intervals), or at most threshold + 2 chain blocks + 5 s where the producer of the
// next height was one the soak stopped meanwhile. An unknown head, or a node0 that
// does not answer, counts as standing still.
func (s *soak) checkHeadProgress(w *headWatch) {
	now := time.Now()
	c, err := soakCurrent(s.ln.Nodes[0])
	if err == nil && c.Head.Known && (c.Head.Height != w.height || w.producers == nil) {
		w.height, w.lastMove, w.reported = c.Head.Height, now, false
		w.producers = map[uint64]bool{}
	}
	if err == nil && c.Epoch.ProducerID > 0 && w.producers != nil {
		w.producers[c.Epoch.ProducerID] = true
	}
	still := now.Sub(w.lastMove)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.maxStill = max(s.maxStill, still)
	s.checks["agreed L2 head progress (every second)"]++
	bound := 10 * time.Second
	for id := range w.producers {
		if overlaps(s.stopped[id], w.lastMove, now) {
			bound = s.failoverBound()
		}
	}
	if still > bound && !w.reported {
		w.reported = true
		s.t.Errorf("the agreed L2 head stood at %d for %s, beyond the bound %s (producers of the next height meanwhile: %v)",
			w.height, still.Round(time.Second), bound, sortedIDs(w.producers))
	}
}

// failoverBound is the longest the L2 may stand still when its producer stops: the
// threshold, three chain blocks (the decision's, its commit's, the new producer's
// first block agreed) and 5 s for the new producer to start and be seen. The caller
// holds s.mu.
func (s *soak) failoverBound() time.Duration {
	return s.cfg.threshold + 3*s.meanBlockTime() + 5*time.Second
}

// meanBlockTime is the chain's mean block interval so far (1 s until measured). The
// caller holds s.mu or does not care.
func (s *soak) meanBlockTime() time.Duration {
	if s.blockTime > 0 {
		return s.blockTime
	}
	return time.Second
}

// checkAppHashes compares every node's own app hash at each height it reports, and
// fails a running node that stays more than 5 blocks behind for 45 s (a minute and a
// half after a restart excepted: it catches up).
func (s *soak) checkAppHashes(a *appHashes) {
	now := time.Now()
	top := int64(0)
	heights := map[int]int64{}
	compared := 0
	for _, n := range s.ln.Nodes {
		h, hash, err := abciInfo(n)
		if err != nil || h <= 0 {
			continue // killed or starting
		}
		heights[n.Index] = h
		top = max(top, h)
		if want, ok := a.byHeight[h]; !ok {
			a.byHeight[h], a.node[h] = hash, n.Index
		} else if want != hash {
			s.t.Errorf("app hash at height %d: node%d has %s, node%d %s", h, n.Index, hash, a.node[h], want)
		} else {
			compared++
		}
	}
	if compared > 0 {
		s.count("app hashes equal (abci_info of two or more nodes at one height)")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if h, ok := heights[0]; ok && h > s.from {
		s.blockTime = now.Sub(s.start) / time.Duration(h-s.from) // the bounds follow the chain's pace
	}
	for _, n := range s.ln.Nodes {
		h, ok := heights[n.Index]
		if ok && h >= top-5 {
			a.lastMove[n.Index] = now
			continue
		}
		if a.lastMove[n.Index].IsZero() {
			a.lastMove[n.Index] = now
		}
		restarted := overlaps(s.restarts[uint64(n.Index+1)], now.Add(-90*time.Second), now)
		if !restarted && now.Sub(a.lastMove[n.Index]) > 45*time.Second {
			s.t.Errorf("node%d is at height %d, more than 5 behind %d for %s", n.Index, h, top, now.Sub(a.lastMove[n.Index]).Round(time.Second))
			a.lastMove[n.Index] = now // once per 45 s
		}
	}
}

// checkReElections: every re-election replaces a producer whose L2 blocks stopped at
// least the threshold before it (by the L2 nodes, not the chain's account), and one
// the soak stalled or stopped. Until the final pass, a decision younger than 2 s waits
// for the L2 observer's next rounds.
func (s *soak) checkReElections(w *watchState, final bool) {
	epochs, err := soakEpochs(s.ln.Nodes[0])
	if err != nil {
		if final {
			s.t.Errorf("the final look at the re-elections: %v", err)
		}
		return
	}
	signers := map[uint64]string{}
	for _, e := range epochs {
		signers[e.ProducerID] = strings.ToLower(e.Signer)
	}
	for _, e := range epochs {
		if w.seenEpoch[e.ID] || e.ReplacedProducerID == 0 || (!final && time.Since(e.DecidedTime) < 2*time.Second) {
			continue
		}
		w.seenEpoch[e.ID] = true
		if h, at, ok := s.l2.lastBy(signers[e.ReplacedProducerID], e.DecidedTime); ok && e.DecidedTime.Sub(at) < s.cfg.threshold-1500*time.Millisecond {
			s.t.Errorf("epoch %d (%s) replaced producer %d at %s, which made L2 block %d %s before",
				e.ID, e.Reason, e.ReplacedProducerID, e.DecidedTime.Format(time.TimeOnly), h, e.DecidedTime.Sub(at).Round(100*time.Millisecond))
		}
		s.mu.Lock()
		excused := in(s.excused[e.ReplacedProducerID], e.DecidedTime)
		s.mu.Unlock()
		if !excused {
			s.t.Errorf("epoch %d (%s) replaced producer %d at %s: the soak had not stopped its L2 production",
				e.ID, e.Reason, e.ReplacedProducerID, e.DecidedTime.Format(time.TimeOnly))
		}
		s.count("re-elected producers had stopped (L2 blocks) and were stopped by the soak")
	}
}

// checkPunishments: every offence is explained, or fails. One, and only one, medium
// non-production offence (jailed and slashed, neither removed nor banned) for each
// stop of a sequencer's L2 production that the chain answered with a re-election of
// it; nothing during a bridge crash, an L1 outage or reorg, or a validator restart
// (unless a stop the soak began after that fault ended); nothing else at all.
func (s *soak) checkPunishments(w *watchState, final bool) {
	n0 := s.ln.Nodes[0]
	offences, err := SlashingOffences(n0)
	if err != nil {
		return
	}
	epochs, err := soakEpochs(n0) // read after the offences: their re-elections are in it
	if err != nil {
		return
	}
	for _, o := range offences {
		if w.seenOffence[o.ID] {
			continue
		}
		s.mu.Lock()
		stop := windowAt(s.excused[o.SequencerID], o.Time)
		if stop != nil && !reElectedIn(epochs, o.SequencerID, stop) && !final && (stop.to.IsZero() || time.Now().Before(stop.to)) {
			s.mu.Unlock()
			continue // its re-election may be decided a block later: the next round
		}
		w.seenOffence[o.ID] = true
		var protectedBy *window
		for _, p := range s.protected[o.SequencerID] {
			startedAfter := stop != nil && !p.end.IsZero() && stop.from.After(p.end)
			if in([]*window{p}, o.Time) && !startedAfter {
				protectedBy = p
			}
		}
		charged := 0
		if stop != nil {
			w.charged[stop]++
			charged = w.charged[stop]
		}
		s.mu.Unlock()
		what := fmt.Sprintf("offence %d of sequencer %d (%s, %s, jailed %v, slashed %q, removed %v, banned %v)",
			o.ID, o.SequencerID, o.Class, o.Severity, o.Jailed, o.Slashed, o.Removed, o.Banned)
		switch {
		case protectedBy != nil:
			s.t.Errorf("%s during a fault that must not be punished (from %s)", what, protectedBy.from.Format(time.TimeOnly))
		case stop == nil:
			s.t.Errorf("%s for nothing the soak did", what)
		case o.Class != "OFFENCE_CLASS_NON_PRODUCTION":
			s.t.Errorf("%s while the soak stopped its L2 production: only non-production is", what)
		case charged > 1:
			s.t.Errorf("%s: a second offence for one stop (from %s)", what, stop.from.Format(time.TimeOnly))
		case !reElectedIn(epochs, o.SequencerID, stop):
			s.t.Errorf("%s: the chain re-elected no producer %d in that stop, so it was not producing", what, o.SequencerID)
		case o.Severity != "SEVERITY_MEDIUM" || !o.Jailed || o.Slashed == "" || o.Slashed == "0" || o.Removed || o.Banned:
			s.t.Errorf("%s: a stall is a medium offence, jailed and slashed, neither removed nor banned", what)
		}
		s.count("every offence explained: one medium non-production offence per stopped producer, none else")
	}
}

// markBeforeRun marks the re-elections and offences decided before the run as seen:
// the checks judge what the run did (the localnet's start is other tests' subject).
func (s *soak) markBeforeRun(w *watchState) {
	epochs, err := soakEpochs(s.ln.Nodes[0])
	require.NoError(s.t, err)
	for _, e := range epochs {
		w.seenEpoch[e.ID] = true
		if e.ReplacedProducerID != 0 {
			s.t.Logf("before the run: epoch %d replaced producer %d (%s)", e.ID, e.ReplacedProducerID, e.Reason)
		}
	}
	offences, err := SlashingOffences(s.ln.Nodes[0])
	require.NoError(s.t, err)
	for _, o := range offences {
		w.seenOffence[o.ID] = true
		s.t.Logf("before the run: offence %d of sequencer %d (%s)", o.ID, o.SequencerID, o.Class)
	}
}

// reElectedIn reports whether an epoch replacing producer id was decided in w.
func reElectedIn(epochs []soakEpoch, id uint64, w *window) bool {
	for _, e := range epochs {
		if e.ReplacedProducerID == id && !e.DecidedTime.Before(w.from.Add(-2*time.Second)) && (w.to.IsZero() || !e.DecidedTime.After(w.to)) {
			return true
		}
	}
	return false
}

// checkUnjailed: a sequencer jailed for a stall is ACTIVE again within 45 s of its jail's
// end (the soak sends its unjail every 2 s from then on).
func (s *soak) checkUnjailed(w *watchState) {
	offences, err := SlashingOffences(s.ln.Nodes[0])
	if err != nil {
		return
	}
	latest := map[uint64]SlashOffence{} // each sequencer's latest jailing offence
	for _, o := range offences {
		if o.Jailed && o.ID > latest[o.SequencerID].ID {
			latest[o.SequencerID] = o
		}
	}
	epochs, err := soakEpochs(s.ln.Nodes[0])
	if err != nil {
		return
	}
	for _, id := range sortedIDs(latest) {
		o := latest[id]
		if w.unjailed[o.ID] || time.Now().Before(o.JailedUntil) {
			continue
		}
		st, err := SequencerStatus(s.ln.Nodes[0], id)
		if err != nil {
			continue
		}
		switch {
		case st == "SEQUENCER_STATUS_ACTIVE":
			w.unjailed[o.ID] = true
			s.count("jailed sequencers ACTIVE again after their jail")
			for _, e := range epochs {
				if e.ProducerID == id && e.DecidedTime.After(o.Time) && e.DecidedTime.Before(o.JailedUntil) {
					s.t.Errorf("epoch %d drew sequencer %d at %s, while it was jailed (offence %d, until %s)",
						e.ID, id, e.DecidedTime.Format(time.TimeOnly), o.ID, o.JailedUntil.Format(time.TimeOnly))
				}
			}
		case time.Since(o.JailedUntil) > 45*time.Second:
			w.unjailed[o.ID] = true
			s.t.Errorf("sequencer %d is %s %s after the end of its jail (offence %d)", id, st, time.Since(o.JailedUntil).Round(time.Second), o.ID)
		}
	}
}

// sortedIDs returns a map's sequencer ids in order.
func sortedIDs[V any](m map[uint64]V) []uint64 {
	ids := make([]uint64, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	return ids
}

// l1Follow is what the chain owes: for each sequencer, an L1 nonce seen and since when.
type l1Follow struct {
	owed      map[uint64]owedNonce
	failSince time.Time // the chain's REST failing since
}

type owedNonce struct {
	nonce uint64
	since time.Time
}

func newL1Follow() *l1Follow { return &l1Follow{owed: map[uint64]owedNonce{}} }

// checkChainFollowsL1: the chain is the contract, a few events behind, and catches up
// within a minute of an L1 event unless an L1 fault is under way. The run's only L1
// events are 1-token relocks (no pool: no slash lands on L1), so for every sequencer,
// read on the chain first and on L1 second, the chain's nonce is at most L1's and the
// locked amounts differ by exactly one token per event still to apply.
func (s *soak) checkChainFollowsL1(f *l1Follow) {
	one := tokens(1).BigInt()
	now := time.Now()
	for id := uint64(1); id <= 4; id++ {
		c, err := s.chainSequencer(id)
		if err != nil {
			if f.failSince.IsZero() {
				f.failSince = now
			} else if now.Sub(f.failSince) > 30*time.Second {
				s.t.Errorf("node0's REST has failed for %s: %v", now.Sub(f.failSince).Round(time.Second), err)
				f.failSince = now
			}
			return
		}
		f.failSince = time.Time{}
		onL1, err := s.l1State(id)
		if err != nil {
			return // the L1 RPC is down (the soak's outage)
		}
		chainLocked, ok := new(big.Int).SetString(c.Locked, 10)
		if !ok {
			s.t.Errorf("sequencer %d: locked %q", id, c.Locked)
			return
		}
		behind := onL1.Nonce - c.Nonce
		want := new(big.Int).Add(chainLocked, new(big.Int).Mul(one, new(big.Int).SetUint64(behind)))
		if c.Nonce > onL1.Nonce || want.Cmp(onL1.Locked) != 0 {
			s.t.Errorf("sequencer %d: chain locked %s at nonce %d, L1 %s at nonce %d: not the contract %d events behind",
				id, chainLocked, c.Nonce, onL1.Locked, onL1.Nonce, behind)
			return
		}
		o, has := f.owed[id]
		s.mu.Lock()
		l1Fault := has && (in(s.l1Down, o.since) || in(s.l1Down, now))
		s.mu.Unlock()
		switch {
		case c.Nonce >= o.nonce:
			delete(f.owed, id)
			if onL1.Nonce > c.Nonce {
				f.owed[id] = owedNonce{onL1.Nonce, now}
			}
		case l1Fault:
			f.owed[id] = owedNonce{max(o.nonce, onL1.Nonce), now} // the clock starts after the fault
		case now.Sub(o.since) > time.Minute:
			s.t.Errorf("sequencer %d: L1 nonce %d seen %s ago, the chain still at %d", id, o.nonce, now.Sub(o.since).Round(time.Second), c.Nonce)
			delete(f.owed, id)
		}
	}
	s.count("chain = contract at the chain's nonce, within a minute (every 10 s)")
}

// l1State reads sequencer id from the staking contract (an error, not a failure, when
// the L1 is unreachable).
func (s *soak) l1State(id uint64) (L1Sequencer, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return s.ln.TryL1SequencerState(ctx, s.l1.client, id)
}

// measureFailover records one re-election's failover from the L2 blocks: from the
// stalled producer's last block (the earliest it can have been made: the observer's
// round before the one that saw it) to the commit of the decision, and to the new
// producer's first block (when it was seen).
func (s *soak) measureFailover(re soakEpoch) {
	lastSeen, ok := s.l2.firstSeen(re.StartHeight-1, "")
	if !ok {
		s.t.Errorf("epoch %d re-elected from L2 height %d: block %d was never seen", re.ID, re.StartHeight, re.StartHeight-1)
		return
	}
	last := lastSeen.after
	if last.IsZero() {
		last = lastSeen.at.Add(-l2PollInterval) // seen in the observer's first round
	}
	// The re-election takes effect when its block is committed: the next block's time
	// (CometBFT's BFT time, the median of the commit's vote times).
	decided := re.DecidedTime
	s.ln.WaitFor(fmt.Sprintf("block %d after the re-election", re.DecidedHeight+1), 30*time.Second, func() bool {
		hdr, err := s.ln.Nodes[0].Header(re.DecidedHeight + 1)
		if err == nil {
			decided = hdr.Time
		}
		return err == nil
	})
	var first l2Seen
	s.ln.WaitFor(fmt.Sprintf("the new producer's first L2 block %d", re.StartHeight), 30*time.Second, func() bool {
		first, ok = s.l2.firstSeen(re.StartHeight, strings.ToLower(re.Signer))
		return ok
	})
	f := soakFailover{producer: re.ReplacedProducerID, epoch: re.ID, decision: decided.Sub(last), gap: first.at.Sub(last)}
	s.mu.Lock()
	s.failovers = append(s.failovers, f)
	s.mu.Unlock()
	s.t.Logf("failover of producer %d: decided %s and the next L2 block %s after its last block (threshold %s)",
		f.producer, f.decision.Round(10*time.Millisecond), f.gap.Round(10*time.Millisecond), s.cfg.threshold)
}

func (s *soak) lastOffenceID() uint64 {
	offences, err := SlashingOffences(s.ln.Nodes[0])
	require.NoError(s.t, err)
	return lastOffenceID(offences)
}

// finalChecks: every relock was sent and mined, and the chain equals the contract;
// every event in the contract's log since the start is applied exactly once, from its
// block, and nothing else; every L2 block is by its scheduled producer and came within
// its bound of the one before; every node's app hash equals the others'; the failover
// target; and a long run covered every fault.
func (s *soak) finalChecks(w *watchState) {
	t := s.t
	s.mu.Lock()
	sent := append(s.sent[:0:0], s.sent...)
	s.mu.Unlock()
	s.mu.Lock()
	for _, f := range s.sendFails {
		t.Errorf("a relock could not be sent outside an L1 fault: %s", f)
	}
	s.mu.Unlock()
	// Each end check is a subtest: one that fails stops only itself, and the record
	// still has the others' outcomes.
	for _, c := range []struct {
		name  string
		check func()
	}{
		{"chain equals contract", func() {
			s.l1.waitMined(s.t, sent...)
			s.l1.waitChainEqualsL1(s.t, 3*time.Minute)
			s.count("chain equals the L1 contract (end)")
		}},
		{"contract log applied once", func() { s.requireContractLogAppliedOnce(sent) }},
		{"scheduled producers", s.requireScheduledProducers},
		{"L2 block gaps", s.requireL2BlockGaps},
		{"app hashes", func() { s.requireEveryNodeAgrees(w.hashes) }},
		{"failover target", s.requireFailoverTarget},
		{"coverage", s.requireCoverage},
	} {
		t.Run(c.name, func(sub *testing.T) {
			s.t = sub
			defer func() { s.t = t }()
			c.check()
		})
	}
}

// requireContractLogAppliedOnce compares the staking contract's log since the run
// began with the chain's verdicts, both ways: each log applied exactly once, from the
// block it is in; no verdict on a log that is not in the contract's canonical log but
// a rejection of one a reorg moved; nothing from a dropped relock; every log from a
// relock the run sent.
func (s *soak) requireContractLogAppliedOnce(sent []common.Hash) {
	t := s.t
	logs, err := s.l1.client.FilterLogs(context.Background(), ethereum.FilterQuery{
		FromBlock: new(big.Int).SetUint64(s.l1At), Addresses: []common.Address{common.HexToAddress(s.ln.L1.Staking)}})
	require.NoError(t, err)
	type key struct {
		tx  string
		idx uint64
	}
	canonical := map[key]uint64{} // -> block
	ours := map[string]bool{}
	for _, h := range sent {
		ours[strings.ToLower(h.Hex())] = true
	}
	for _, l := range logs {
		k := key{strings.ToLower(l.TxHash.Hex()), uint64(l.Index)}
		canonical[k] = l.BlockNumber
		require.True(t, ours[k.tx], "a staking event the soak did not send: %+v", k)
	}
	s.mu.Lock()
	dropped := map[key]bool{} // tx and the block it was dropped from (idx unused)
	for _, d := range s.dropped {
		dropped[key{strings.ToLower(d.tx.Hex()), d.block}] = true
	}
	s.mu.Unlock()
	applied := map[key]int{}
	rejected := 0
	for _, v := range s.ln.L1Verdicts(s.ln.Nodes[0], s.from, s.l1.settledHeight(t)) {
		if v.Block < s.l1At {
			// The run sent nothing before it began, and the chain starts from the
			// localnet's locks: nothing there is left to apply.
			require.NotEqual(t, "Applied", v.Kind, "applied an event from before the run: %+v", v)
			continue
		}
		k := key{v.TxHash, v.Log}
		require.False(t, dropped[key{v.TxHash, v.Block}], "a relock a reorg dropped got a verdict from the block it was dropped from: %+v", v)
		block, isCanonical := canonical[k]
		switch {
		case v.Kind == "Applied":
			require.True(t, isCanonical, "applied an event that is not in the contract's log: %+v", v)
			require.Equal(t, block, v.Block, "applied from block %d, the event is in block %d: %+v", v.Block, block, v)
			applied[k]++
		case v.Kind == "Rejected":
			require.False(t, isCanonical && block == v.Block, "rejected an event that is in the contract's log: %+v", v)
			rejected++
			t.Logf("rejected at height %d (a reorg moved it: now in block %d): %+v", v.Height, block, v)
		}
	}
	for k, block := range canonical {
		require.Equal(t, 1, applied[k], "event %s:%d of L1 block %d applied once", k.tx, k.idx, block)
	}
	for _, h := range sent {
		found := false
		for k := range canonical {
			found = found || k.tx == strings.ToLower(h.Hex())
		}
		require.True(t, found, "the relock %s the run sent has no event in the contract's log", h)
	}
	s.count(fmt.Sprintf("each of the %d events of the contract's log applied exactly once, from its block (end)", len(canonical)))
	if rejected > 0 {
		s.count("rejected relays of logs a reorg moved, each applied from the new block")
	}
}

// producerStoppedDuring reports whether the producer of L2 height h is one the soak
// stopped at some time in [from, to].
func (s *soak) producerStoppedDuring(h uint64, from, to time.Time) bool {
	e, err := ProducerAt(s.ln.Nodes[0], h)
	require.NoError(s.t, err, "producer of L2 height %d", h)
	s.mu.Lock()
	defer s.mu.Unlock()
	return overlaps(s.stopped[e.ProducerID], from, to)
}

// requireEveryNodeAgrees: at the end, with every process back, each node's own app
// hash (abci_info) equals another node's at the same height.
func (s *soak) requireEveryNodeAgrees(a *appHashes) {
	agreed := map[int]bool{}
	for deadline := time.Now().Add(time.Minute); len(agreed) < len(s.ln.Nodes) && time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		for _, n := range s.ln.Nodes {
			h, hash, err := abciInfo(n)
			if err != nil || h <= 0 {
				continue
			}
			switch want, ok := a.byHeight[h]; {
			case !ok:
				a.byHeight[h], a.node[h] = hash, n.Index
			case want != hash:
				s.t.Errorf("app hash at height %d: node%d has %s, node%d %s", h, n.Index, hash, a.node[h], want)
				return
			case a.node[h] != n.Index:
				agreed[n.Index], agreed[a.node[h]] = true, true
			}
		}
	}
	require.Len(s.t, agreed, len(s.ln.Nodes), "every node's app hash compared with another node's at the end")
	s.count("every node's own app hash equal to another's at one height (end)")
}

// requireScheduledProducers: every L2 block from the first epoch up to the agreed head
// is by the producer the chain scheduled for its height (re-elections included).
func (s *soak) requireScheduledProducers() {
	t := s.t
	n0 := s.ln.Nodes[0]
	_, head, err := CurrentEpoch(n0)
	require.NoError(t, err)
	epochs, err := Epochs(n0)
	require.NoError(t, err)
	first := head
	signerOf := map[uint64]string{}
	for _, e := range epochs {
		if e.StartHeight > 0 {
			first = min(first, e.StartHeight)
		}
		signerOf[e.ProducerID] = strings.ToLower(e.Signer)
	}
	// orphanable[h]: the signer of a producer re-elected from h or just before: its
	// last block, made as the chain decided, may be served briefly and then replaced.
	orphanable := map[uint64]map[string]bool{}
	for _, e := range epochs {
		if e.ReplacedProducerID == 0 {
			continue
		}
		for h := e.StartHeight; h <= e.StartHeight+1; h++ {
			if orphanable[h] == nil {
				orphanable[h] = map[string]bool{}
			}
			orphanable[h][signerOf[e.ReplacedProducerID]] = true
		}
	}
	checked, forks := 0, 0
	for h := first; h <= head; h++ {
		e, err := ProducerAt(n0, h)
		require.NoError(t, err, "producer of L2 height %d", h)
		want := strings.ToLower(e.Signer)
		b, ok := L2BlockAt(n0, h)
		require.True(t, ok, "L2 block %d on node0's L2 node", h)
		require.Equal(t, want, b.Miner, "L2 block %d is by the producer of epoch %d", h, e.ID)
		// Any block any L2 node served at h during the run, a fork's included.
		seen := s.l2.sightings(h)
		for _, x := range seen {
			if x.miner != want && !orphanable[h][x.miner] {
				t.Errorf("an L2 node served block %s at height %d by %s, neither the scheduled producer (epoch %d) nor one re-elected from there", x.hash, h, x.miner, e.ID)
			}
		}
		forks += max(0, len(seen)-1)
		checked++
	}
	require.Positive(t, checked)
	s.count(fmt.Sprintf("each of the %d L2 blocks by its scheduled producer, on node0 and as every L2 node served it (%d fork blocks) (end)", checked, forks))
}

// requireL2BlockGaps: from the first L2 height the observer saw to the last, every
// height was served, and each block came at most 10 s (ten L2 intervals) after the one
// before, or within the failover bound where the chain re-elected a stopped producer
// from that height or the height's producer was one the soak stopped meanwhile (drawn
// while its L2 node was down). A gap is measured from the earliest the block before
// can have been made to when the next was seen: never shorter than it was.
func (s *soak) requireL2BlockGaps() {
	epochs, err := soakEpochs(s.ln.Nodes[0])
	require.NoError(s.t, err)
	reElectedFrom := map[uint64]bool{}
	for _, e := range epochs {
		if e.ReplacedProducerID != 0 {
			reElectedFrom[e.StartHeight] = true
		}
	}
	hs := s.l2.heights()
	require.NotEmpty(s.t, hs, "the observer saw L2 blocks")
	s.mu.Lock()
	failoverBound := s.failoverBound()
	s.mu.Unlock()
	longest, checked := time.Duration(0), 0
	for i := 1; i < len(hs); i++ {
		h := hs[i]
		if hs[i-1] != h-1 {
			s.t.Errorf("L2 heights %d to %d were never served while the soak watched", hs[i-1]+1, h-1)
			continue
		}
		prev, _ := s.l2.firstSeen(h-1, "")
		next, _ := s.l2.firstSeen(h, "")
		if prev.after.IsZero() {
			continue // seen in the observer's first round: when it was made is unknown
		}
		gap := next.at.Sub(prev.after)
		bound := 10 * time.Second
		if reElectedFrom[h] || (gap > bound && s.producerStoppedDuring(h, prev.after, next.at)) {
			bound = failoverBound
		}
		if gap > bound {
			s.t.Errorf("L2 block %d came %s after block %d, beyond the bound %s", h, gap.Round(100*time.Millisecond), h-1, bound)
		}
		longest = max(longest, gap)
		checked++
	}
	s.count(fmt.Sprintf("each of %d L2 block gaps within its bound (the longest %s) (end)", checked, longest.Round(100*time.Millisecond)))
}

// requireFailoverTarget: at p95 the chain decides within threshold + 2 chain blocks of
// the first missed L2 block (due one L2 interval after the last one), SPEC 9's target.
func (s *soak) requireFailoverTarget() {
	n0 := s.ln.Nodes[0]
	h := n0.MustHeight(s.t)
	s.mu.Lock()
	defer s.mu.Unlock()
	if h > s.from {
		s.blockTime = time.Since(s.start) / time.Duration(h-s.from)
	}
	if len(s.failovers) == 0 {
		return
	}
	// Both figures run from the first missed L2 block, one L2 interval after the last:
	// the moment a stop is visible at all.
	const missed = l2sim.DefaultBlockInterval
	p95 := quantile(decisions(s.failovers), 0.95)
	if bound := s.cfg.threshold + 2*s.blockTime; p95-missed > bound {
		s.t.Errorf("failover p95 %s after the first missed L2 block: beyond threshold + 2 chain blocks (%s)", (p95 - missed).Round(10*time.Millisecond), bound.Round(10*time.Millisecond))
	} else {
		s.checks["failover p95 within threshold + 2 chain blocks (end)"]++
	}
	// SPEC 9's failover figure, for every one: producer stops -> the new producer's
	// first L2 block within stall_threshold + 3 chain blocks (make bench measures it
	// from the last block on a quiet localnet; here it meets the soak's faults).
	worst := slices.Max(gaps(s.failovers))
	if bound := s.cfg.threshold + 3*s.blockTime; worst-missed > bound {
		s.t.Errorf("a failover's next L2 block came %s after the first missed one: beyond threshold + 3 chain blocks (%s)", (worst - missed).Round(10*time.Millisecond), bound.Round(10*time.Millisecond))
		return
	}
	s.checks["every failover's next L2 block within threshold + 3 chain blocks (end)"]++
}

// requireCoverage: a run of 30 minutes or more injected every kind of fault, at least
// 3 stalls, and made every kind of check.
func (s *soak) requireCoverage() {
	if s.cfg.duration < 30*time.Minute {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	ran := map[string]int{}
	for _, f := range s.faultLog {
		if f.skip == "" {
			ran[f.name]++
		}
	}
	for _, f := range soakFaults {
		if ran[f.name] == 0 {
			s.t.Errorf("in %s the soak never injected %q", s.cfg.duration, f.name)
		}
	}
	if len(s.failovers) < 3 {
		s.t.Errorf("only %d failovers measured", len(s.failovers))
	}
	if want := int(s.cfg.duration / (30 * time.Second)); len(s.sent) < want {
		s.t.Errorf("only %d L1 events in %s, fewer than one every 30 s (%d)", len(s.sent), s.cfg.duration, want)
	}
	for _, c := range []string{"agreed L2 head progress (every second)", "app hashes equal (abci_info of two or more nodes at one height)",
		"every offence explained: one medium non-production offence per stopped producer, none else",
		"re-elected producers had stopped (L2 blocks) and were stopped by the soak",
		"chain = contract at the chain's nonce, within a minute (every 10 s)", "jailed sequencers ACTIVE again after their jail",
		"no process exited unless the soak stopped it (every 2 s)", "L1 outage: every bridge answers unhealthy, the chain goes on"} {
		if s.checks[c] == 0 {
			s.t.Errorf("check %q never made", c)
		}
	}
}

func urlValues(kv ...string) url.Values {
	q := url.Values{}
	for i := 0; i+1 < len(kv); i += 2 {
		q.Set(kv[i], kv[i+1])
	}
	return q
}
