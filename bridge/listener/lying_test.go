package listener

import (
	"context"
	"errors"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	gethtypes "github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/rpc"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/bridge/health"
	"github.com/themis-network/themis/bridge/listener/l1test"
	"github.com/themis-network/themis/bridge/store"
	seqtypes "github.com/themis-network/themis/x/sequencer/types"
)

// balancer is an L1 endpoint in front of two nodes: it sends single calls to one node
// (ahead) and eth_getLogs and batches to the other (lagging), as a load balancer may.
type balancer struct {
	ahead, lagging *fakeL1
}

func (b *balancer) ChainID(ctx context.Context) (*big.Int, error) { return b.ahead.ChainID(ctx) }
func (b *balancer) BlockNumber(ctx context.Context) (uint64, error) {
	return b.ahead.BlockNumber(ctx)
}
func (b *balancer) HeaderByNumber(ctx context.Context, n *big.Int) (*gethtypes.Header, error) {
	return b.ahead.HeaderByNumber(ctx, n)
}
func (b *balancer) FilterLogs(ctx context.Context, q ethereum.FilterQuery) ([]gethtypes.Log, error) {
	return b.lagging.FilterLogs(ctx, q)
}
func (b *balancer) SubscribeFilterLogs(context.Context, ethereum.FilterQuery, chan<- gethtypes.Log) (ethereum.Subscription, error) {
	return nil, errors.New("not supported")
}
func (b *balancer) BatchCallContext(ctx context.Context, e []rpc.BatchElem) error {
	return l1test.Batch(ctx, b.lagging, e)
}

// nonces lists the outbox as sequencer*100+nonce, in key order.
func nonces(t *testing.T, s *store.Store) []uint64 {
	t.Helper()
	all, err := s.All()
	require.NoError(t, err)
	out := []uint64{}
	for _, it := range all {
		out = append(out, it.Info.SequencerID*100+it.Info.Nonce)
	}
	return out
}

func metric(t *testing.T, m *health.Monitor, name string) float64 {
	t.Helper()
	mfs, err := m.Registry().Gather()
	require.NoError(t, err)
	for _, mf := range mfs {
		for _, mt := range mf.GetMetric() {
			full := mf.GetName()
			for _, l := range mt.GetLabel() {
				full += "{" + l.GetName() + "=" + l.GetValue() + "}"
			}
			if full == name {
				return mt.GetCounter().GetValue()
			}
		}
	}
	t.Fatalf("no metric %s", name)
	return 0
}

// stepN runs n steps, ignoring errors (a failing step backs off in Run), and checks
// after each that the cursor never moves back.
func stepN(t *testing.T, l *Listener, s *store.Store, n int) {
	t.Helper()
	for i := 0; i < n; i++ {
		before, _ := s.Cursor()
		_, _ = l.Step(context.Background())
		after, _ := s.Cursor()
		require.GreaterOrEqual(t, after, before, "the cursor moved back")
	}
}

// The attack: eth_blockNumber is answered by a node ahead (head 1000), eth_getLogs by a
// node behind it (head 600) that answers ranges beyond its head with what it has:
// nothing. The listener must not move its cursor past block 600 until the node that
// answers the logs has the blocks.
func TestLaggingNodeBehindBalancerCannotSkipEvents(t *testing.T) {
	logs := []gethtypes.Log{stakingLog(100, 0, 1, 1), stakingLog(700, 0, 1, 2), stakingLog(800, 0, 2, 1)}
	ahead := &fakeL1{chainID: 1337, head: 1000, logs: logs}
	lagging := &fakeL1{chainID: 1337, head: 600, logs: logs, clamp: true}
	s := openStore(t, t.TempDir())
	defer s.Close()
	m := health.NewMonitor(health.Options{MaxLag: 100})
	l := newListener(t, &balancer{ahead: ahead, lagging: lagging}, s, func(c *Config) { c.Confirmations = 1; c.Monitor = m })

	stepN(t, l, s, 10)
	c, _ := s.Cursor()
	require.EqualValues(t, 600, c, "the cursor stops where the answering node stops")
	require.Equal(t, []uint64{101}, nonces(t, s))
	require.Positive(t, metric(t, m, "themis_bridge_l1_unconfirmed_ranges_total{why=node_behind}"))

	lagging.setHead(1000)
	stepUntilCaughtUp(t, l)
	c, _ = s.Cursor()
	require.EqualValues(t, 1000, c)
	require.Equal(t, []uint64{101, 102, 201}, nonces(t, s), "nothing skipped")
}

// The attack: one endpoint whose eth_blockNumber and headers reach block 1000 but whose
// log index clamps answers at block 600 (empty beyond): the range confirms, and the
// cursor passes sequencer 1's nonce 2 at block 700. When its nonce 3 shows up, the jump
// is a gap: the listener re-reads from nonce 1's block and queues nonce 2, and never
// commits nonce 3 past the hole.
func TestClampingRPCCannotMoveCursorPastEvents(t *testing.T) {
	l1 := &fakeL1{chainID: 1337, head: 1000, logsHead: 600,
		logs: []gethtypes.Log{stakingLog(100, 0, 1, 1), stakingLog(700, 0, 1, 2), stakingLog(1500, 0, 1, 3)}}
	s := openStore(t, t.TempDir())
	defer s.Close()
	m := health.NewMonitor(health.Options{MaxLag: 100})
	l := newListener(t, l1, s, func(c *Config) { c.Confirmations = 1; c.Monitor = m })
	stepUntilCaughtUp(t, l)
	require.Equal(t, []uint64{101}, nonces(t, s), "the omission cannot be seen yet")

	// The index catches up; nonce 3 arrives.
	l1.with(func(f *fakeL1) { f.head, f.logsHead = 2000, 0 })
	l1.takeQueries()
	stepUntilCaughtUp(t, l)
	require.Equal(t, []uint64{101, 102, 103}, nonces(t, s))
	q := l1.takeQueries()
	require.Equal(t, [][2]uint64{{1001, 2000}, {100, 2000}}, q, "the range with nonce 3 shows the gap; the re-scan reads from nonce 1's block on")
	require.EqualValues(t, 1, metric(t, m, "themis_bridge_l1_nonce_gaps_total"))
	for _, r := range m.Check().Reasons {
		require.NotContains(t, r, "nonce gap", "closed gaps are cleared")
	}
}

// The attack: the endpoint rewinds (its head goes back below the cursor, then it comes
// back on another branch that carries logs the chain already applied in other blocks).
// The cursor never moves back, and nothing the chain already took is queued again.
func TestRewindingRPCDoesNotDoubleEvents(t *testing.T) {
	l1 := &fakeL1{chainID: 1337, head: 1000,
		logs: []gethtypes.Log{stakingLog(100, 0, 1, 1), stakingLog(200, 0, 1, 2), stakingLog(300, 0, 1, 3)}}
	s := openStore(t, t.TempDir())
	defer s.Close()
	m := health.NewMonitor(health.Options{MaxLag: 100})
	l := newListener(t, l1, s, func(c *Config) { c.Confirmations = 1; c.Monitor = m })
	stepUntilCaughtUp(t, l)
	require.Equal(t, []uint64{101, 102, 103}, nonces(t, s))
	all, err := s.All()
	require.NoError(t, err)
	for _, it := range all {
		require.NoError(t, s.Remove(it.Key)) // the chain applied all three
	}

	// Rewound: the head falls to 400. Nothing is read, the cursor stays.
	l1.setHead(400)
	l1.takeQueries()
	stepN(t, l, s, 5)
	c, _ := s.Cursor()
	require.EqualValues(t, 1000, c)
	require.Empty(t, l1.takeQueries())

	// Back on another branch: nonces 2 and 3 again, in new blocks above the cursor
	// (their transactions re-mined), and a genuine nonce 4.
	moved2, moved3 := stakingLog(1050, 0, 1, 2), stakingLog(1100, 0, 1, 3)
	moved2.TxHash, moved3.TxHash = common.HexToHash(all[1].Msg.GetEvent().TxHash), common.HexToHash(all[2].Msg.GetEvent().TxHash)
	l1.with(func(f *fakeL1) {
		f.fork, f.head = 2, 1300
		f.logs = append(f.logs, moved2, moved3, stakingLog(1200, 0, 1, 4))
	})
	stepN(t, l, s, 5)
	c, _ = s.Cursor()
	require.EqualValues(t, 1300, c)
	require.Equal(t, []uint64{104}, nonces(t, s), "nonces 2 and 3 are not queued twice")
	require.EqualValues(t, 2, metric(t, m, "themis_bridge_l1_repeated_logs_total"))
	require.Zero(t, metric(t, m, "themis_bridge_l1_nonce_gaps_total"))
}

// A node that left out a log is caught by the next nonce of the same sequencer: the
// listener re-reads from that sequencer's last queued event, below its cursor, adds
// only what is missing (another sequencer's applied event in those blocks is not queued
// again), and keeps its cursor. A gap the re-read cannot close holds the cursor before
// it, as a standing problem, until a later re-scan (after RescanRetry) closes it.
func TestNonceGapTriggersRescan(t *testing.T) {
	now := time.Unix(1_700_000_000, 0)
	l1 := &fakeL1{chainID: 1337, head: 250, hide: map[uint64]bool{200: true},
		logs: []gethtypes.Log{stakingLog(100, 0, 1, 1), stakingLog(150, 0, 2, 1), stakingLog(200, 0, 1, 2), stakingLog(300, 0, 1, 3)}}
	s := openStore(t, t.TempDir())
	defer s.Close()
	m := health.NewMonitor(health.Options{MaxLag: 1000})
	l := newListener(t, l1, s, func(c *Config) {
		c.Confirmations, c.Monitor, c.Now = 1, m, func() time.Time { return now }
	})
	stepUntilCaughtUp(t, l)
	require.Equal(t, []uint64{101, 201}, nonces(t, s))
	all, err := s.All()
	require.NoError(t, err)
	require.NoError(t, s.Remove(all[1].Key)) // sequencer 2's nonce 1 applied

	l1.with(func(f *fakeL1) { f.head, f.hide = 400, nil })
	l1.takeQueries()
	stepUntilCaughtUp(t, l)
	require.Equal(t, [][2]uint64{{251, 400}, {100, 400}}, l1.takeQueries())
	require.Equal(t, []uint64{101, 102, 103}, nonces(t, s), "nonce 2 found; sequencer 2's applied event not queued again")
	require.EqualValues(t, 1, metric(t, m, "themis_bridge_l1_repeated_logs_total"))
	c, _ := s.Cursor()
	require.EqualValues(t, 400, c)

	// Nonce 4 (block 500) is missing for good, nonce 5 (block 600) is served.
	l1.with(func(f *fakeL1) {
		f.head, f.hide = 700, map[uint64]bool{500: true}
		f.logs = append(f.logs, stakingLog(500, 0, 1, 4), stakingLog(600, 0, 3, 1), stakingLog(600, 1, 1, 5))
	})
	stepN(t, l, s, 6)
	c, _ = s.Cursor()
	require.EqualValues(t, 599, c, "held before the gap's block")
	require.Equal(t, []uint64{101, 102, 103}, nonces(t, s))
	reasons := strings.Join(m.Check().Reasons, ";")
	require.Contains(t, reasons, "nonce gap: sequencer 1 jumps from nonce 3")
	require.Contains(t, reasons, "the cursor waits before block 600")

	// The node serves it again; the next re-scan (after RescanRetry) finds it.
	l1.with(func(f *fakeL1) { f.hide = nil })
	stepN(t, l, s, 3)
	c, _ = s.Cursor()
	require.EqualValues(t, 599, c, "no re-scan before RescanRetry")
	now = now.Add(DefaultRescanRetry)
	stepUntilCaughtUp(t, l)
	require.Equal(t, []uint64{101, 102, 103, 104, 105, 301}, nonces(t, s))
	c, _ = s.Cursor()
	require.EqualValues(t, 700, c)
	require.NotContains(t, strings.Join(m.Check().Reasons, ";"), "nonce gap")
}

// confirm accepts a range only as the answering node saw it.
func TestConfirm(t *testing.T) {
	l := &Listener{cfg: Config{Confirmations: 1}}
	h := l1test.Header(100, 0)
	other := l1test.Header(100, 9)
	lg := stakingLog(100, 0, 1, 1)
	lg.BlockHash = h.Hash()
	bad := lg
	bad.BlockHash = other.Hash()
	for _, tc := range []struct {
		name string
		a    answer
		why  string
	}{
		{"ok", answer{safe: 100, hasSafe: true, before: h, after: h, logs: []gethtypes.Log{lg}}, ""},
		{"node behind", answer{safe: 99, hasSafe: true, before: h, after: h}, health.UnconfirmedBehind},
		{"no readable block", answer{before: h, after: h}, health.UnconfirmedBehind},
		{"no header", answer{safe: 100, hasSafe: true, after: h}, health.UnconfirmedBehind},
		{"wrong number", answer{safe: 200, hasSafe: true, before: l1test.Header(101, 0), after: l1test.Header(101, 0)}, health.UnconfirmedChanged},
		{"end changed", answer{safe: 100, hasSafe: true, before: h, after: other}, health.UnconfirmedChanged},
		{"logs of another branch", answer{safe: 100, hasSafe: true, before: h, after: h, logs: []gethtypes.Log{bad}}, health.UnconfirmedChanged},
		{"two hashes for a block", answer{safe: 100, hasSafe: true, before: h, after: h, logs: []gethtypes.Log{
			withHash(stakingLog(50, 0, 1, 1), common.Hash{1}), withHash(stakingLog(50, 1, 1, 2), common.Hash{2})}}, health.UnconfirmedChanged},
	} {
		why, err := l.confirm(tc.a, 0, 100)
		require.Equal(t, tc.why, why, tc.name)
		require.Equal(t, tc.why != "", err != nil, tc.name)
	}
}

func withHash(lg gethtypes.Log, h common.Hash) gethtypes.Log {
	lg.BlockHash = h
	return lg
}

// findGap: per sequencer, in L1 order, from the high-water mark.
func TestFindGap(t *testing.T) {
	marks := map[uint64]store.Mark{1: {Nonce: 3, Block: 30}}
	mark := func(seq uint64) (store.Mark, bool) { m, ok := marks[seq]; return m, ok }
	ev := func(seq, n, b uint64) gethtypes.Log { return stakingLog(b, 0, seq, n) }
	decodeAll := func(logs ...gethtypes.Log) []seqtypes.L1EventMsg {
		var out []seqtypes.L1EventMsg
		for _, lg := range logs {
			m, err := decode(lg)
			require.NoError(t, err)
			out = append(out, m)
		}
		return out
	}
	require.Nil(t, findGap(decodeAll(ev(1, 4, 40), ev(1, 5, 41), ev(2, 7, 42), ev(2, 8, 43)), mark), "contiguous; an unknown sequencer starts anywhere")
	require.Nil(t, findGap(decodeAll(ev(1, 2, 40), ev(1, 3, 41), ev(1, 4, 42)), mark), "repeats are the store's to drop")
	g := findGap(decodeAll(ev(1, 4, 40), ev(1, 6, 41)), mark)
	require.NotNil(t, g)
	require.Equal(t, gap{seq: 1, last: 4, found: 6, lastBlock: 40, block: 41}, *g)
	g = findGap(decodeAll(ev(2, 1, 40), ev(2, 3, 44)), mark)
	require.Equal(t, gap{seq: 2, last: 1, found: 3, lastBlock: 40, block: 44}, *g)
}

// Two gaps no re-scan can close do not restart each other's re-scans forever: each is
// re-scanned once, then the cursor waits before the first and steps fail (back off).
func TestTwoUnclosableGapsHold(t *testing.T) {
	l1 := &fakeL1{chainID: 1337, head: 100, logs: []gethtypes.Log{stakingLog(10, 0, 1, 1), stakingLog(20, 0, 2, 1)}}
	s := openStore(t, t.TempDir())
	defer s.Close()
	l := newListener(t, l1, s, func(c *Config) { c.Confirmations = 1; c.ChunkSize = 100 })
	stepUntilCaughtUp(t, l)
	l1.with(func(f *fakeL1) {
		f.head, f.hide = 400, map[uint64]bool{150: true, 160: true}
		f.logs = append(f.logs, stakingLog(150, 0, 1, 2), stakingLog(160, 0, 2, 2), stakingLog(300, 0, 1, 3), stakingLog(310, 0, 2, 3))
	})
	l1.takeQueries()
	var errs int
	for i := 0; i < 20; i++ {
		if _, err := l.Step(context.Background()); err != nil {
			errs++
		}
	}
	require.GreaterOrEqual(t, errs, 15, "held: steps fail and back off")
	require.LessOrEqual(t, len(l1.takeQueries()), 25, "no storm of re-scans")
	c, _ := s.Cursor()
	require.EqualValues(t, 299, c)
	require.Equal(t, []uint64{101, 201}, nonces(t, s))
}
