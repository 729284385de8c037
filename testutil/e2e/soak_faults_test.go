//go:build e2e

package e2e

import (
	"bytes"
	"context"
	"fmt"
	"math/rand"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/networks/devl1"
	"github.com/themis-network/themis/networks/l2sim"
)

// producerStall stalls the current producer's L2 node (one with some epoch left; only
// while 3 or more sequencers are active, so the pool never empties) until the chain
// re-elects, then resumes it. The stall is an offence: it must be jailed and slashed.
func (s *soak) producerStall(p plannedFault) (string, string) {
	if len(s.active()) < 3 {
		return "", "fewer than 3 active"
	}
	cur, ok := s.producerWithEpochLeft()
	if !ok {
		return "", "no producer with 6 L2 blocks of its epoch left within 30 s"
	}
	n := s.ln.NodeOfSequencer(cur.ProducerID)
	before := s.lastOffenceID()
	excused, stopped := s.stopProduction(cur.ProducerID)
	stalledAt := time.Now()
	require.NoError(s.t, L2Fault(n, l2sim.ModeStall))
	re, found := s.waitReElection(cur.ProducerID, stalledAt)
	if found {
		// Resume once the stalled node's own chain node knows it is replaced: its L2
		// simulator reads the schedule there, and would otherwise make one more block
		// of its old epoch (an orphan the new producer's block replaces).
		s.ln.WaitFor(fmt.Sprintf("node%d to know epoch %d", n.Index, re.ID), 30*time.Second, func() bool {
			e, err := ProducerAt(n, re.StartHeight)
			return err == nil && e.ID == re.ID
		})
	}
	require.NoError(s.t, L2Fault(n, l2sim.ModeNone))
	s.resumeProduction(excused, stopped)
	if !found {
		s.t.Errorf("producer %d stalled at %s: no re-election within threshold + 1 min", cur.ProducerID, stalledAt.Format(time.TimeOnly))
		return fmtID(cur.ProducerID), ""
	}
	s.measureFailover(re)
	s.requirePunishedStall(cur.ProducerID, before)
	return fmt.Sprintf("%s (re-elected: epoch %d, producer %d)", fmtID(cur.ProducerID), re.ID, re.ProducerID), ""
}

// l2NodeKilled SIGKILLs one sequencer's L2 node for 15-45 s, the current producer's
// included (SPEC 10's producer killed: then it is a stall, re-elected and punished).
// Only while all 4 are active: with 3, one silent L2 node leaves no 2/3 to agree on
// the L2 head.
func (s *soak) l2NodeKilled(p plannedFault) (string, string) {
	ids := s.active()
	if len(ids) < 4 {
		return "", "not all 4 active"
	}
	cur, head, err := CurrentEpoch(s.ln.Nodes[0])
	if err != nil {
		return "", "current epoch unknown: " + err.Error()
	}
	id := ids[p.pick%uint32(len(ids))]
	wasProducer := id == cur.ProducerID
	if wasProducer && cur.EndHeight < head+6 {
		// The agreed head trails the L2 by a block or two: so near its epoch's end the
		// producer may be done already, and its kill no stall. The next one with
		// blocks of its epoch left is killed instead.
		next, ok := s.producerWithEpochLeft()
		if !ok {
			return "", "no producer with 6 L2 blocks of its epoch left within 30 s"
		}
		id = next.ProducerID
	}
	down := p.between(15*time.Second, 30*time.Second)
	n := s.ln.NodeOfSequencer(id)
	before := s.lastOffenceID()
	excused, stopped := s.stopProduction(id)
	killedAt := time.Now()
	s.ln.KillL2(n)
	var re soakEpoch
	found := false
	if wasProducer {
		re, found = s.waitReElection(id, killedAt)
	}
	s.sleepUnjailing(down - time.Since(killedAt))
	s.ln.StartL2(n)
	s.resumeProduction(excused, stopped)
	if !wasProducer {
		return fmtID(id) + ", down " + down.Round(time.Second).String(), ""
	}
	if !found {
		s.t.Errorf("producer %d's L2 node killed at %s: no re-election within threshold + 1 min", id, killedAt.Format(time.TimeOnly))
		return fmtID(id) + " (the producer)", ""
	}
	s.measureFailover(re)
	s.requirePunishedStall(id, before)
	return fmt.Sprintf("%s, the producer (re-elected: epoch %d, producer %d)", fmtID(id), re.ID, re.ProducerID), ""
}

// bridgeKilled SIGKILLs one bridge for 5-30 s: never punished, no event lost.
func (s *soak) bridgeKilled(p plannedFault) (string, string) {
	n := s.ln.Nodes[p.pick%uint32(len(s.ln.Nodes))]
	down := p.between(5*time.Second, 25*time.Second)
	w := s.open(s.protected, uint64(n.Index+1))
	s.ln.KillBridge(n)
	s.sleepUnjailing(down)
	s.ln.StartBridge(n)
	s.close(time.Minute, w)
	return fmt.Sprintf("node%d's bridge, down %s", n.Index, down.Round(time.Second)), ""
}

// validatorRestarted SIGKILLs one validator's node and starts it 10-30 s later: never
// punished. Only while all four are active (with three, one is a third of the power
// and the chain would halt), never node0 (it serves the soak's reads), and never the
// current or next producer (its L2 node reads the schedule from it).
func (s *soak) validatorRestarted(p plannedFault) (string, string) {
	if len(s.active()) < 4 {
		return "", "not all 4 active"
	}
	// Only once the next epoch is decided: the one after it is drawn 15 s or more
	// later, when the down node's last report is older than the readiness window, so
	// the chain cannot draw a node that is down.
	cur, next, ok := s.currentAndNext()
	if !ok {
		return "", "the next epoch not decided within 30 s"
	}
	var pickable []uint64
	for id := uint64(2); id <= 4; id++ {
		if id != cur.ProducerID && id != next {
			pickable = append(pickable, id)
		}
	}
	if len(pickable) == 0 {
		return "", "every candidate produces now or next"
	}
	id := pickable[p.pick%uint32(len(pickable))]
	down := p.between(10*time.Second, 20*time.Second)
	n := s.ln.NodeOfSequencer(id)
	w, r := s.open(s.protected, id), s.open(s.restarts, id)
	s.ln.KillNode(n)
	s.sleepUnjailing(down)
	s.ln.StartNode(n)
	s.close(0, r)
	s.close(2*time.Minute, w)
	return fmt.Sprintf("node%d (%s), down %s", n.Index, fmtID(id), down.Round(time.Second)), ""
}

// l1Reorg puts a relock in a block of its own and reorgs that block away inside the
// confirmation depth: dropped with its transaction (never applied), or with the
// transaction mined again in the new block (applied once, from there).
func (s *soak) l1Reorg(p plannedFault) (string, string) {
	s.l1mu.Lock()
	defer s.l1mu.Unlock()
	ctx := context.Background()
	ws := append(s.openAll(s.protected), s.openL1Fault())
	defer s.close(time.Minute, ws...)
	if err := s.l1Admin("/mining", "paused", "true"); err != nil {
		return "", err.Error()
	}
	defer func() { require.NoError(s.t, s.l1Admin("/mining", "paused", "false")) }()
	time.Sleep(time.Second) // a tick under way may still mine
	// Flush what is pending, so that the reorged block holds only this relock.
	require.NoError(s.t, s.l1Admin("/mine", "blocks", "1"))
	owner := int(p.pick % 4)
	h, err := s.sendRelock(ctx, owner)
	if err != nil {
		return "", "relock not sent: " + err.Error()
	}
	require.NoError(s.t, s.l1Admin("/mine", "blocks", "1"))
	s.l1.waitMined(s.t, h)
	first, err := s.l1.client.TransactionReceipt(ctx, h)
	require.NoError(s.t, err, "the relock is mined with one confirmation")
	drop := p.pick%2 == 0
	require.NoError(s.t, s.l1Admin("/reorg", "depth", "1", "drop", fmt.Sprint(drop)))
	s.mu.Lock()
	if drop {
		s.dropped = append(s.dropped, droppedRelock{h, first.BlockNumber.Uint64()})
	} else {
		s.sent = append(s.sent, h)
	}
	s.mu.Unlock()
	what := "moved"
	if drop {
		what = "dropped"
	}
	return fmt.Sprintf("owner %d's relock %s %s from block %d", owner, h.TerminalString(), what, first.BlockNumber), ""
}

// l1Outage queues a relock of every owner, cuts the L1 RPC off, mines them, and keeps
// it off for 20-40 s: every bridge answers that the L1 is unhealthy, and the chain goes
// on without the L1 (blocks, and the L2 head by the head check). Nothing is lost: the
// relocks are applied after it (the chain-follows-L1 check, and exactly once at the
// end), and no one is punished for it.
func (s *soak) l1Outage(p plannedFault) (string, string) {
	s.l1mu.Lock()
	defer s.l1mu.Unlock()
	ctx := context.Background()
	down := p.between(20*time.Second, 20*time.Second)
	ws := append(s.openAll(s.protected), s.openL1Fault())
	defer s.close(time.Minute, ws...)
	require.NoError(s.t, s.l1Admin("/mining", "paused", "true"))
	time.Sleep(time.Second) // a tick under way may still mine
	for owner := range s.l1.owners {
		h, err := s.sendRelock(ctx, owner)
		require.NoError(s.t, err, "relock of owner %d before the outage", owner)
		s.mu.Lock()
		s.sent = append(s.sent, h)
		s.mu.Unlock()
	}
	require.NoError(s.t, s.l1Admin("/rpc", "down", "true"))
	from := time.Now()
	heightBefore := s.ln.Nodes[0].MustHeight(s.t)
	require.NoError(s.t, s.l1Admin("/mine", "blocks", "3"))
	require.NoError(s.t, s.l1Admin("/mining", "paused", "false"))
	s.sleepUnjailing(15 * time.Second)
	for _, n := range s.ln.Nodes {
		if n.bridge == nil {
			continue // the soak killed it
		}
		r, status, err := bridgeHealthz(n)
		switch {
		case err != nil:
			s.t.Errorf("node%d's bridge does not answer /healthz 15 s into the L1 outage: %v", n.Index, err)
		case status == http.StatusOK:
			s.t.Errorf("node%d's bridge reports healthy 15 s into the L1 outage: %+v", n.Index, r)
		case !slices.ContainsFunc(r.Reasons, func(why string) bool { return strings.HasPrefix(why, "l1 ") || strings.HasPrefix(why, "l1:") }):
			s.t.Errorf("node%d's bridge is unhealthy 15 s into the L1 outage, but not for the L1: %v", n.Index, r.Reasons)
		}
	}
	s.sleepUnjailing(down - time.Since(from))
	grew := s.ln.Nodes[0].MustHeight(s.t) - heightBefore
	if want := int64(down / (2 * time.Second)); grew < want {
		s.t.Errorf("the chain made %d blocks in %s of L1 outage, fewer than %d: it must not need the L1 to go on", grew, down.Round(time.Second), want)
	}
	s.count("L1 outage: every bridge answers unhealthy, the chain goes on")
	require.NoError(s.t, s.l1Admin("/rpc", "down", "false"))
	return fmt.Sprintf("down %s, 4 relocks mined during it, %d chain blocks meanwhile", time.Since(from).Round(time.Second), grew), ""
}

// relockThroughout keeps L1 events pending: an owner relocks one token every 5-15 s.
func (s *soak) relockThroughout(ctx context.Context) {
	rng := rand.New(rand.NewSource(s.cfg.seed + 1))
	for {
		select {
		case <-ctx.Done():
			return
		case <-time.After(5*time.Second + time.Duration(rng.Int63n(int64(10*time.Second)))):
		}
		owner := rng.Intn(len(s.l1.owners))
		s.l1mu.RLock()
		h, err := s.sendRelock(ctx, owner)
		s.l1mu.RUnlock()
		if err != nil {
			s.mu.Lock()
			if !in(s.l1Down, time.Now()) {
				s.sendFails = append(s.sendFails, fmt.Sprintf("%s: owner %d: %v", time.Since(s.start).Round(time.Second), owner, err))
			}
			s.mu.Unlock()
			continue // the L1 RPC is down (an outage): the next try
		}
		s.mu.Lock()
		s.sent = append(s.sent, h)
		s.mu.Unlock()
	}
}

// sendRelock sends owner's relock of one token (every relock of the run is one token:
// checkChainFollowsL1 counts on it) without waiting for it to be mined.
func (s *soak) sendRelock(ctx context.Context, owner int) (common.Hash, error) {
	nonce, err := s.l1.client.PendingNonceAt(ctx, crypto.PubkeyToAddress(devl1.OwnerKey(owner).PublicKey))
	if err != nil {
		return common.Hash{}, err
	}
	return s.l1.owners[owner].SendRelock(ctx, uint64(owner+1), tokens(1).BigInt(), nonce)
}

func (s *soak) l1Admin(path string, kv ...string) error {
	return s.ln.L1.Do(path, urlValues(kv...))
}

// producerWithEpochLeft waits up to 30 s for a producer with 6 or more L2 blocks of its
// epoch left, so that the fault hits the epoch it reads.
func (s *soak) producerWithEpochLeft() (Epoch, bool) {
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(300 * time.Millisecond) {
		if cur, head, err := CurrentEpoch(s.ln.Nodes[0]); err == nil && cur.ProducerID > 0 && cur.EndHeight >= head+6 {
			return cur, true
		}
	}
	return Epoch{}, false
}

// currentAndNext waits up to 30 s for the next epoch to be decided.
func (s *soak) currentAndNext() (cur Epoch, next uint64, ok bool) {
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(300 * time.Millisecond) {
		c, _, err := CurrentEpoch(s.ln.Nodes[0])
		if err != nil {
			continue
		}
		epochs, err := Epochs(s.ln.Nodes[0])
		if err != nil {
			continue
		}
		for _, e := range epochs {
			if e.StartHeight == c.EndHeight+1 && !e.Cancelled && e.ProducerID > 0 {
				return c, e.ProducerID, true
			}
		}
	}
	return Epoch{}, 0, false
}

// openL1Fault opens a window in which the chain may lag the L1.
func (s *soak) openL1Fault() *window {
	w := &window{from: time.Now()}
	s.mu.Lock()
	s.l1Down = append(s.l1Down, w)
	s.mu.Unlock()
	return w
}

// waitReElection waits up to threshold + 1 min for the re-election replacing producer
// id decided after since, unjailing and checking the processes every 2 s meanwhile (a
// 60 s threshold is longer than an unjail may wait).
func (s *soak) waitReElection(id uint64, since time.Time) (soakEpoch, bool) {
	for i, deadline := 0, time.Now().Add(s.cfg.threshold+time.Minute); time.Now().Before(deadline); i++ {
		if re, ok := s.reElectionOf(id, since); ok {
			return re, true
		}
		time.Sleep(250 * time.Millisecond)
		if i%8 == 7 {
			s.unjailDue()
			s.checkProcesses()
		}
	}
	return soakEpoch{}, false
}

// requirePunishedStall: a stall the soak caused is a medium offence: jailed, slashed.
func (s *soak) requirePunishedStall(id, before uint64) {
	off := s.ln.waitOffenceAfter(id, "OFFENCE_CLASS_NON_PRODUCTION", before, time.Minute)
	if !off.Jailed || off.Slashed == "" || off.Slashed == "0" {
		s.t.Errorf("the stall of sequencer %d is offence %d without its punishment (jailed %v, slashed %q)", id, off.ID, off.Jailed, off.Slashed)
		return
	}
	// The jail takes effect: the sequencer is JAILED until its jail ends.
	if st, err := SequencerStatus(s.ln.Nodes[0], id); err == nil && time.Now().Before(off.JailedUntil.Add(-time.Second)) && st != "SEQUENCER_STATUS_JAILED" {
		s.t.Errorf("sequencer %d is %s after offence %d jailed it until %s", id, st, off.ID, off.JailedUntil.Format(time.TimeOnly))
		return
	}
	s.count("each injected stall jailed (in effect) and slashed")
}

// unjailDue unjails every JAILED sequencer whose jail is over (by its last offence).
func (s *soak) unjailDue() {
	offences, err := SlashingOffences(s.ln.Nodes[0])
	if err != nil {
		return
	}
	until := map[uint64]time.Time{}
	for _, o := range offences {
		if o.Jailed && o.JailedUntil.After(until[o.SequencerID]) {
			until[o.SequencerID] = o.JailedUntil
		}
	}
	ids := make([]uint64, 0, len(until))
	for id := range until {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	for _, id := range ids {
		if time.Now().Before(until[id].Add(3 * time.Second)) {
			continue
		}
		if st, err := SequencerStatus(s.ln.Nodes[0], id); err != nil || st != "SEQUENCER_STATUS_JAILED" {
			continue
		}
		n := s.ln.NodeOfSequencer(id)
		if n.cmd == nil {
			continue // restarting: the next round
		}
		out, err := s.ln.TryRun(UnjailCommand(n)...)
		if err != nil || !strings.Contains(out, "code: 0") {
			s.t.Logf("unjail of sequencer %d not accepted yet (retrying): %v %s", id, err, lastLine(out))
			continue
		}
		s.count("unjail transactions accepted after the jail")
	}
}

// sleepUnjailing sleeps d, unjailing and checking the processes on the way.
func (s *soak) sleepUnjailing(d time.Duration) {
	for end := time.Now().Add(d); time.Now().Before(end); {
		time.Sleep(min(2*time.Second, time.Until(end)))
		s.unjailDue()
		s.checkProcesses()
	}
}

// checkProcesses: every process the soak has not stopped is running. A validator, a
// bridge or an L2 node that exits by itself fails the run (its log says why); the
// soak's own kills clear the process first, so they are never seen here. It runs on
// the goroutine that starts and kills them.
func (s *soak) checkProcesses() {
	for _, n := range s.ln.Nodes {
		for _, p := range []struct {
			name, log string
			cmd       *exec.Cmd
		}{{"themisd", "node.log", n.cmd}, {"bridge", "bridge.log", n.bridge}, {"L2 simulator", "l2sim.log", n.l2}} {
			if p.cmd == nil || p.cmd.Process == nil || s.exited[p.cmd.Process.Pid] || processRunning(p.cmd.Process.Pid) {
				continue
			}
			s.exited[p.cmd.Process.Pid] = true
			s.t.Errorf("node%d's %s (pid %d) exited by itself; see %s", n.Index, p.name, p.cmd.Process.Pid, filepath.Join(n.Home, p.log))
		}
	}
	s.count("no process exited unless the soak stopped it (every 2 s)")
}

// processRunning reports whether pid is a live process (not gone, not a zombie).
func processRunning(pid int) bool {
	bz, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return false
	}
	// The state follows the command name, which is in parentheses and may hold spaces.
	i := bytes.LastIndexByte(bz, ')')
	if i < 0 || i+2 >= len(bz) {
		return true
	}
	return bz[i+2] != 'Z' && bz[i+2] != 'X'
}

// restoreAll puts every process back and every fault off.
func (s *soak) restoreAll() {
	require.NoError(s.t, s.l1Admin("/rpc", "down", "false"))
	require.NoError(s.t, s.l1Admin("/mining", "paused", "false"))
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
