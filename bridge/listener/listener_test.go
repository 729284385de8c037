package listener

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"sync"
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

var (
	contract     = common.HexToAddress("0x00000000000000000000000000000000000000aa")
	stakingTopic = common.HexToHash("0x01")
	otherTopic   = common.HexToHash("0x02")
	errNotStake  = errors.New("not a staking event")
)

// fakeL1 is one L1 node serving logs from memory; it answers batches itself (one node).
// maxRange > 0 refuses larger eth_getLogs ranges; badBlock > 0 makes every range that
// contains it fail. fork names its chain: headers (and the logs' block hashes) of
// another fork differ.
type fakeL1 struct {
	mu        sync.Mutex
	chainID   int64
	head      uint64
	finalized uint64
	logs      []gethtypes.Log
	maxRange  uint64
	badBlock  uint64
	down      bool
	fork      byte
	queries   [][2]uint64
	// clamp: eth_getLogs beyond the head answers up to the head (empty beyond), as some
	// nodes and proxies do, instead of failing. logsHead > 0: the log index lags at that
	// block although eth_blockNumber and headers go further (empty beyond it). hide:
	// logs (by block) left out of answers.
	clamp    bool
	logsHead uint64
	hide     map[uint64]bool
}

func (f *fakeL1) BatchCallContext(ctx context.Context, b []rpc.BatchElem) error {
	f.mu.Lock()
	down := f.down
	f.mu.Unlock()
	if down {
		return errors.New("connection refused")
	}
	return l1test.Batch(ctx, f, b)
}

func (f *fakeL1) ChainID(context.Context) (*big.Int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.down {
		return nil, errors.New("connection refused")
	}
	return big.NewInt(f.chainID), nil
}

func (f *fakeL1) BlockNumber(context.Context) (uint64, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.down {
		return 0, errors.New("connection refused")
	}
	return f.head, nil
}

func (f *fakeL1) HeaderByNumber(_ context.Context, n *big.Int) (*gethtypes.Header, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.down {
		return nil, errors.New("connection refused")
	}
	switch {
	case n == nil || n.Int64() == int64(rpc.LatestBlockNumber):
		return l1test.Header(f.head, f.fork), nil
	case n.Int64() == int64(rpc.FinalizedBlockNumber):
		if f.finalized == 0 {
			return nil, ethereum.NotFound
		}
		return l1test.Header(f.finalized, f.fork), nil
	case n.Sign() < 0:
		return nil, errors.New("tag not faked")
	case n.Uint64() > f.head:
		return nil, ethereum.NotFound
	}
	return l1test.Header(n.Uint64(), f.fork), nil
}

func (f *fakeL1) FilterLogs(_ context.Context, q ethereum.FilterQuery) ([]gethtypes.Log, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	from, to := q.FromBlock.Uint64(), q.ToBlock.Uint64()
	f.queries = append(f.queries, [2]uint64{from, to})
	if f.down {
		return nil, errors.New("connection refused")
	}
	if to > f.head && !f.clamp {
		return nil, fmt.Errorf("range %d-%d beyond head %d", from, to, f.head)
	}
	to = min(to, f.head)
	if f.logsHead > 0 {
		to = min(to, f.logsHead)
	}
	if f.maxRange > 0 && to-from+1 > f.maxRange {
		return nil, errors.New("query returned more than 10000 results")
	}
	if f.badBlock > 0 && from <= f.badBlock && f.badBlock <= to {
		return nil, errors.New("i/o timeout")
	}
	var out []gethtypes.Log
	for _, lg := range f.logs {
		if lg.BlockNumber < from || lg.BlockNumber > to || len(q.Addresses) != 1 || lg.Address != q.Addresses[0] || f.hide[lg.BlockNumber] {
			continue
		}
		match := false
		for _, t := range q.Topics[0] {
			match = match || lg.Topics[0] == t
		}
		if match {
			lg.BlockHash = l1test.Header(lg.BlockNumber, f.fork).Hash()
			out = append(out, lg)
		}
	}
	return out, nil
}

func (f *fakeL1) SubscribeFilterLogs(context.Context, ethereum.FilterQuery, chan<- gethtypes.Log) (ethereum.Subscription, error) {
	return nil, errors.New("not supported")
}

func (f *fakeL1) setHead(h uint64) {
	f.mu.Lock()
	f.head = h
	f.mu.Unlock()
}

func (f *fakeL1) with(fn func(f *fakeL1)) {
	f.mu.Lock()
	defer f.mu.Unlock()
	fn(f)
}

func (f *fakeL1) takeQueries() [][2]uint64 {
	f.mu.Lock()
	defer f.mu.Unlock()
	q := f.queries
	f.queries = nil
	return q
}

// stakingLog is a staking log of sequencer seq with nonce n in block b; topic1 carries
// the sequencer id and the data the nonce (the fake decoder's format).
func stakingLog(b uint64, idx uint, seq, n uint64) gethtypes.Log {
	data := binary.BigEndian.AppendUint64(nil, n)
	return gethtypes.Log{
		Address: contract, BlockNumber: b, Index: idx,
		TxHash: common.BigToHash(new(big.Int).SetUint64(b*100 + uint64(idx) + 1)),
		Topics: []common.Hash{stakingTopic, common.BigToHash(new(big.Int).SetUint64(seq))},
		Data:   data,
	}
}

func decode(lg gethtypes.Log) (seqtypes.L1EventMsg, error) {
	if lg.Topics[0] != stakingTopic {
		return nil, errNotStake
	}
	if len(lg.Data) != 8 {
		return nil, errors.New("bad data")
	}
	return &seqtypes.MsgUnlockInitiated{
		Event:       seqtypes.L1EventRef{TxHash: strings.ToLower(lg.TxHash.Hex()), LogIndex: uint64(lg.Index), BlockNumber: lg.BlockNumber},
		SequencerId: lg.Topics[1].Big().Uint64(),
		Nonce:       binary.BigEndian.Uint64(lg.Data),
	}, nil
}

func newListener(t *testing.T, l1 L1Client, sink Sink, mut func(*Config)) *Listener {
	t.Helper()
	cfg := Config{
		Contract: contract, Topics: []common.Hash{stakingTopic}, Confirmations: 12, ChunkSize: 2000,
		Decode: decode, NotStakingEvent: errNotStake, ChainID: 1337,
		PollInterval: time.Millisecond, MinBackoff: time.Millisecond, MaxBackoff: 2 * time.Millisecond,
	}
	if mut != nil {
		mut(&cfg)
	}
	l, err := New(cfg, l1, sink)
	require.NoError(t, err)
	return l
}

func openStore(t *testing.T, dir string) *store.Store {
	t.Helper()
	s, err := store.Open(dir, "test", store.Options{})
	require.NoError(t, err)
	return s
}

// stepUntilCaughtUp runs steps until the listener reports it is caught up.
func stepUntilCaughtUp(t *testing.T, l *Listener) {
	t.Helper()
	for i := 0; i < 1000; i++ {
		caughtUp, err := l.Step(context.Background())
		require.NoError(t, err)
		if caughtUp {
			return
		}
	}
	t.Fatal("listener never caught up")
}

func outboxBlocks(t *testing.T, s *store.Store) []uint64 {
	t.Helper()
	all, err := s.All()
	require.NoError(t, err)
	var out []uint64
	for _, it := range all {
		out = append(out, it.Info.BlockNumber)
	}
	return out
}

func TestChunksAndConfirmations(t *testing.T) {
	l1 := &fakeL1{chainID: 1337, head: 10_000}
	for _, b := range []uint64{5, 1999, 2000, 4001, 9988, 9989, 9990, 10_000} {
		l1.logs = append(l1.logs, stakingLog(b, 0, b, 1))
	}
	l1.logs = append(l1.logs, gethtypes.Log{Address: contract, BlockNumber: 7, Topics: []common.Hash{otherTopic}})
	s := openStore(t, t.TempDir())
	defer s.Close()
	l := newListener(t, l1, s, nil)

	stepUntilCaughtUp(t, l)
	// head 10000, 12 confirmations: the newest readable block is 9989.
	require.Equal(t, [][2]uint64{{0, 1999}, {2000, 3999}, {4000, 5999}, {6000, 7999}, {8000, 9989}}, l1.takeQueries())
	c, _ := s.Cursor()
	require.EqualValues(t, 9989, c)
	require.Equal(t, []uint64{5, 1999, 2000, 4001, 9988, 9989}, sortedCopy(outboxBlocks(t, s)))

	// Nothing new is read until more blocks confirm.
	caughtUp, err := l.Step(context.Background())
	require.NoError(t, err)
	require.True(t, caughtUp)
	require.Empty(t, l1.takeQueries())

	l1.setHead(10_011)
	stepUntilCaughtUp(t, l)
	require.Equal(t, [][2]uint64{{9990, 10_000}}, l1.takeQueries())
	require.Len(t, outboxBlocks(t, s), 8)
}

func sortedCopy(v []uint64) []uint64 {
	out := append([]uint64(nil), v...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

func TestBisectsOnErrors(t *testing.T) {
	l1 := &fakeL1{chainID: 1337, head: 3000, maxRange: 300}
	for b := uint64(100); b <= 2900; b += 100 {
		l1.logs = append(l1.logs, stakingLog(b, 1, 1, b/100))
	}
	s := openStore(t, t.TempDir())
	defer s.Close()
	m := health.NewMonitor(health.Options{MaxLag: 100})
	l := newListener(t, l1, s, func(c *Config) { c.Confirmations = 1; c.Monitor = m })

	stepUntilCaughtUp(t, l)
	q := l1.takeQueries()
	require.Equal(t, [][2]uint64{{0, 1999}, {0, 999}, {0, 499}, {0, 249}}, q[:4], "halves the range down to what the node serves")
	for _, r := range q {
		require.LessOrEqual(t, r[0], r[1])
	}
	c, _ := s.Cursor()
	require.EqualValues(t, 3000, c)
	require.Len(t, outboxBlocks(t, s), 29)
	m.OK(health.EndpointChain)
	require.Equal(t, "ok", m.Check().Status, m.Check().Reasons)
}

func TestGivesUpAtOneBlockThenResumes(t *testing.T) {
	l1 := &fakeL1{chainID: 1337, head: 1000, badBlock: 600}
	l1.logs = []gethtypes.Log{stakingLog(100, 0, 1, 1), stakingLog(600, 0, 1, 2), stakingLog(900, 0, 1, 3)}
	s := openStore(t, t.TempDir())
	defer s.Close()
	l := newListener(t, l1, s, func(c *Config) { c.Confirmations = 1 })

	var err error
	for i := 0; i < 50 && err == nil; i++ {
		_, err = l.Step(context.Background())
	}
	require.ErrorContains(t, err, "eth_getLogs block 600")
	c, _ := s.Cursor()
	require.EqualValues(t, 599, c, "everything before the failing block is committed")
	require.Equal(t, []uint64{100}, outboxBlocks(t, s))

	l1.mu.Lock()
	l1.badBlock = 0
	l1.mu.Unlock()
	stepUntilCaughtUp(t, l)
	require.Equal(t, []uint64{100, 600, 900}, outboxBlocks(t, s))
}

func TestRestartResumesFromCursor(t *testing.T) {
	dir := t.TempDir()
	l1 := &fakeL1{chainID: 1337, head: 5000}
	nonces := map[uint64]uint64{}
	for b := uint64(1); b <= 5000; b += 97 {
		seq := b%5 + 1
		nonces[seq]++
		l1.logs = append(l1.logs, stakingLog(b, 0, seq, nonces[seq]))
	}
	s := openStore(t, dir)
	l := newListener(t, l1, s, func(c *Config) { c.Confirmations = 1; c.ChunkSize = 1000; c.StartBlock = 1 })
	_, err := l.Step(context.Background())
	require.NoError(t, err)
	_, err = l.Step(context.Background())
	require.NoError(t, err)
	require.NoError(t, s.Close()) // the process stops (or dies) here
	l1.takeQueries()

	s = openStore(t, dir)
	defer s.Close()
	l = newListener(t, l1, s, func(c *Config) { c.Confirmations = 1; c.ChunkSize = 1000; c.StartBlock = 1 })
	require.EqualValues(t, 2001, l.Next())
	stepUntilCaughtUp(t, l)
	require.Equal(t, [][2]uint64{{2001, 3000}, {3001, 4000}, {4001, 5000}}, l1.takeQueries())
	require.Len(t, outboxBlocks(t, s), 52)
}

// A sink that fails to commit (disk full, crash mid-write) leaves the cursor where it
// was: the same range is read again.
type failingSink struct {
	*store.Store
	fail bool
}

func (f *failingSink) Commit(ctx context.Context, evs []seqtypes.L1EventMsg, c uint64) (store.CommitStats, error) {
	if f.fail {
		return store.CommitStats{}, errors.New("disk full")
	}
	return f.Store.Commit(ctx, evs, c)
}

func TestCursorOnlyAfterCommit(t *testing.T) {
	l1 := &fakeL1{chainID: 1337, head: 100}
	l1.logs = []gethtypes.Log{stakingLog(50, 0, 1, 1)}
	s := openStore(t, t.TempDir())
	defer s.Close()
	sink := &failingSink{Store: s, fail: true}
	l := newListener(t, l1, sink, func(c *Config) { c.Confirmations = 1 })
	_, err := l.Step(context.Background())
	require.ErrorContains(t, err, "disk full")
	_, ok := s.Cursor()
	require.False(t, ok)
	sink.fail = false
	stepUntilCaughtUp(t, l)
	require.Equal(t, [][2]uint64{{0, 100}, {0, 100}}, l1.takeQueries())
	require.Equal(t, []uint64{50}, outboxBlocks(t, s))
}

func TestUndecodableLogStopsBeforeIt(t *testing.T) {
	l1 := &fakeL1{chainID: 1337, head: 100}
	bad := stakingLog(60, 0, 1, 2)
	bad.Data = []byte{1}
	l1.logs = []gethtypes.Log{stakingLog(40, 0, 1, 1), bad, stakingLog(80, 0, 1, 3)}
	s := openStore(t, t.TempDir())
	defer s.Close()
	m := health.NewMonitor(health.Options{MaxLag: 1000})
	l := newListener(t, l1, s, func(c *Config) { c.Confirmations = 1; c.Monitor = m })
	_, err := l.Step(context.Background())
	require.ErrorContains(t, err, "does not decode")
	c, _ := s.Cursor()
	require.EqualValues(t, 59, c)
	require.Equal(t, []uint64{40}, outboxBlocks(t, s))
	require.Contains(t, strings.Join(m.Check().Reasons, ";"), "does not decode")
	// It keeps failing there; it never skips the log.
	_, err = l.Step(context.Background())
	require.Error(t, err)
	c, _ = s.Cursor()
	require.EqualValues(t, 59, c)
}

func TestRejectsForeignLogs(t *testing.T) {
	l1 := &fakeL1{chainID: 1337, head: 100}
	s := openStore(t, t.TempDir())
	defer s.Close()
	l := newListener(t, l1, s, func(c *Config) { c.Confirmations = 1 })
	events, _, err := l.decode([]gethtypes.Log{{Address: common.HexToAddress("0xbb"), BlockNumber: 5, Topics: []common.Hash{stakingTopic}}}, 0, 10)
	require.ErrorContains(t, err, "of contract")
	require.Empty(t, events)
	_, _, err = l.decode([]gethtypes.Log{stakingLog(50, 0, 1, 1)}, 0, 10)
	require.ErrorContains(t, err, "outside the range")
	events, _, err = l.decode([]gethtypes.Log{func() gethtypes.Log { lg := stakingLog(5, 0, 1, 1); lg.Removed = true; return lg }()}, 0, 10)
	require.NoError(t, err)
	require.Empty(t, events)
}

func TestFinalized(t *testing.T) {
	l1 := &fakeL1{chainID: 1337, head: 500}
	l1.logs = []gethtypes.Log{stakingLog(100, 0, 1, 1), stakingLog(300, 0, 1, 2)}
	s := openStore(t, t.TempDir())
	defer s.Close()
	l := newListener(t, l1, s, func(c *Config) { c.UseFinalized = true })
	caughtUp, err := l.Step(context.Background())
	require.NoError(t, err)
	require.True(t, caughtUp, "no finalized block yet")
	require.Empty(t, outboxBlocks(t, s))

	l1.mu.Lock()
	l1.finalized = 200
	l1.mu.Unlock()
	stepUntilCaughtUp(t, l)
	require.Equal(t, []uint64{100}, outboxBlocks(t, s))
	c, _ := s.Cursor()
	require.EqualValues(t, 200, c)
}

func TestRunChainIDAndL1Outage(t *testing.T) {
	s := openStore(t, t.TempDir())
	defer s.Close()
	wrong := &fakeL1{chainID: 1, head: 10}
	err := newListener(t, wrong, s, nil).Run(context.Background())
	require.ErrorContains(t, err, "serves chain id 1")

	// L1 down at start, then back: Run retries and reads everything.
	l1 := &fakeL1{chainID: 1337, head: 50, down: true}
	l1.logs = []gethtypes.Log{stakingLog(20, 0, 1, 1)}
	m := health.NewMonitor(health.Options{MaxLag: 10})
	l := newListener(t, l1, s, func(c *Config) { c.Confirmations = 1; c.Monitor = m })
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- l.Run(ctx) }()
	time.Sleep(20 * time.Millisecond)
	require.Contains(t, strings.Join(m.Check().Reasons, ";"), "l1 unreachable")
	l1.mu.Lock()
	l1.down = false
	l1.mu.Unlock()
	require.Eventually(t, func() bool { c, _ := s.Cursor(); return c == 50 }, 5*time.Second, 5*time.Millisecond)
	cancel()
	require.NoError(t, <-done)
	require.Equal(t, []uint64{20}, outboxBlocks(t, s))
}

func TestBackoff(t *testing.T) {
	require.Equal(t, time.Second, Backoff(time.Second, 30*time.Second, 1))
	require.Equal(t, 8*time.Second, Backoff(time.Second, 30*time.Second, 4))
	require.Equal(t, 30*time.Second, Backoff(time.Second, 30*time.Second, 6))
	require.Equal(t, 30*time.Second, Backoff(time.Second, 30*time.Second, 1000))
}

func TestNewValidates(t *testing.T) {
	s := openStore(t, t.TempDir())
	defer s.Close()
	l1 := &fakeL1{}
	_, err := New(Config{Topics: []common.Hash{stakingTopic}, Decode: decode}, l1, s)
	require.ErrorContains(t, err, "contract")
	_, err = New(Config{Contract: contract, Decode: decode}, l1, s)
	require.ErrorContains(t, err, "topics")
	_, err = New(Config{Contract: contract, Topics: []common.Hash{stakingTopic}}, l1, s)
	require.ErrorContains(t, err, "decoder")
}
