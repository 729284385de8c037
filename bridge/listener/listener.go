// Package listener reads the L1 staking contract's logs up to the confirmed (or
// finalized) block and hands the decoded events to the outbox.
//
// It reads in bounded chunks (eth_getLogs filtered by contract address and event
// topics). When the node refuses a range (a response-size limit, a timeout) the range is
// halved, down to one block, before the listener gives up and backs off; the chunk size
// then grows back after each success. The events of a range and the new cursor (the
// range's last block) are committed to the store in one atomic write, so the cursor
// never passes an event that is not durably in the outbox, and a restart re-reads at
// most the one range that was in flight.
//
// An L1 endpoint may lie by accident: clamp a range to its own head and answer empty
// beyond it, sit behind a load balancer whose eth_blockNumber comes from a node ahead of
// the one answering eth_getLogs, or rewind. So the range end is only a hint until it is
// confirmed on the node that answered the logs: each range is one JSON-RPC batch
// (that node's head or finalized block, the header of the range end, eth_getLogs, the
// header of the range end again), and it is committed only if that node's own readable
// block reaches the range end and the end's hash did not change around the logs (see
// confirm). Omissions that slip past this show as a per-sequencer nonce gap (the
// contract numbers every relayed event of a sequencer 1, 2, 3, ...): the listener then
// re-reads from the sequencer's last queued event instead of committing past the gap,
// and the outbox's high-water marks make the re-read queue only what is missing.
package listener

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"time"

	"cosmossdk.io/log"
	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	gethtypes "github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/themis-network/themis/bridge/health"
	"github.com/themis-network/themis/bridge/store"
	seqtypes "github.com/themis-network/themis/x/sequencer/types"
)

// L1Client is the part of an L1 node the listener uses (ethclient.Client and the
// simulated backend's client implement it). It must also send JSON-RPC batches: either
// BatchCaller itself, or Client() *rpc.Client as ethclient.Client has.
type L1Client interface {
	ethereum.LogFilterer
	ethereum.BlockNumberReader
	ethereum.ChainIDReader
	HeaderByNumber(ctx context.Context, number *big.Int) (*gethtypes.Header, error)
}

// BatchCaller sends a JSON-RPC batch (rpc.Client does). One batch is one request, so
// one node answers all of it (see the README for a balancer that splits batches).
type BatchCaller interface {
	BatchCallContext(ctx context.Context, b []rpc.BatchElem) error
}

// Decoder turns one staking-contract log into the chain message (submitter empty).
type Decoder func(gethtypes.Log) (seqtypes.L1EventMsg, error)

// Sink is where decoded events go: the store's outbox, cursor and high-water marks.
type Sink interface {
	Cursor() (uint64, bool)
	// LastQueued is the highest nonce of the sequencer ever queued, and its block.
	LastQueued(seq uint64) (store.Mark, bool)
	// Commit adds the events (dropping repeats of decided nonces) and sets the cursor;
	// a cursor below the current one is not accepted.
	Commit(ctx context.Context, events []seqtypes.L1EventMsg, cursor uint64) (store.CommitStats, error)
}

// Defaults.
const (
	DefaultChunkSize    = 2000
	DefaultPollInterval = time.Second
	DefaultMaxBackoff   = 30 * time.Second
	// DefaultRescanRetry is how long after a re-scan that did not close a nonce gap the
	// listener holds before re-scanning again.
	DefaultRescanRetry = 5 * time.Minute
	// confirmAttempts bounds the immediate re-reads of a range whose end was not
	// confirmed, before the step fails and backs off.
	confirmAttempts = 3
)

// Config of a Listener.
type Config struct {
	// Contract is the staking contract; Topics the topic0 values of the relayed events.
	Contract common.Address
	Topics   []common.Hash
	// StartBlock is where reading begins when there is no cursor (the contract's deploy block).
	StartBlock uint64
	// Confirmations: a block is read once it has this many blocks on top of it, itself
	// included (the chain's l1_confirmations rule). Ignored with UseFinalized.
	Confirmations uint64
	// UseFinalized reads up to the node's `finalized` block instead.
	UseFinalized bool
	// ChunkSize is the largest range per eth_getLogs call (default 2000).
	ChunkSize uint64
	// PollInterval is the wait when caught up (default 1 s).
	PollInterval time.Duration
	// MinBackoff and MaxBackoff bound the wait after a failure (defaults 1 s, 30 s).
	MinBackoff, MaxBackoff time.Duration
	// ChainID is the L1 chain id the node must serve (0: not checked).
	ChainID uint64
	// Decode decodes a log; errors matching NotStakingEvent (errors.Is) skip the log.
	Decode          Decoder
	NotStakingEvent error
	// RescanRetry: after a re-scan failed to close a nonce gap, the cursor waits before
	// the gap and the next re-scan starts no sooner than this (default 5 min).
	RescanRetry time.Duration
	// Now is the clock (tests).
	Now func() time.Time

	Logger  log.Logger
	Monitor *health.Monitor
}

// Listener follows the staking contract.
type Listener struct {
	cfg    Config
	client L1Client
	batch  BatchCaller
	sink   Sink
	chunk  uint64
	sleep  func(ctx context.Context, d time.Duration) error

	// rescan, while rescanning, is the next block a re-scan reads (at or below the
	// cursor); gaps are the nonce gaps being chased, by (sequencer, last queued nonce).
	rescan     uint64
	rescanning bool
	gaps       map[[2]uint64]*gapState
}

// gapState is a nonce gap the listener is chasing.
type gapState struct {
	gap
	rescanAt time.Time // when its last re-scan started
}

// A gap: sequencer seq's events jump from nonce last (queued, in block lastBlock) to
// found (in block block).
type gap struct {
	seq, last, found uint64
	lastBlock, block uint64
}

func (g gap) String() string {
	return fmt.Sprintf("sequencer %d jumps from nonce %d (L1 block %d) to nonce %d (L1 block %d)", g.seq, g.last, g.lastBlock, g.found, g.block)
}

// New checks the config and builds a Listener.
func New(cfg Config, client L1Client, sink Sink) (*Listener, error) {
	if client == nil || sink == nil {
		return nil, errors.New("listener: nil L1 client or sink")
	}
	if cfg.Decode == nil {
		return nil, errors.New("listener: no log decoder")
	}
	if cfg.Contract == (common.Address{}) {
		return nil, errors.New("listener: staking contract address not set")
	}
	if len(cfg.Topics) == 0 {
		return nil, errors.New("listener: no event topics")
	}
	if cfg.ChunkSize == 0 {
		cfg.ChunkSize = DefaultChunkSize
	}
	if cfg.PollInterval <= 0 {
		cfg.PollInterval = DefaultPollInterval
	}
	if cfg.MinBackoff <= 0 {
		cfg.MinBackoff = time.Second
	}
	if cfg.MaxBackoff <= 0 {
		cfg.MaxBackoff = DefaultMaxBackoff
	}
	if cfg.MaxBackoff < cfg.MinBackoff {
		cfg.MaxBackoff = cfg.MinBackoff
	}
	if cfg.RescanRetry <= 0 {
		cfg.RescanRetry = DefaultRescanRetry
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Logger == nil {
		cfg.Logger = log.NewNopLogger()
	}
	batch, err := batchCallerOf(client)
	if err != nil {
		return nil, err
	}
	return &Listener{cfg: cfg, client: client, batch: batch, sink: sink, chunk: cfg.ChunkSize, sleep: sleepCtx,
		gaps: map[[2]uint64]*gapState{}}, nil
}

// batchCallerOf finds how to send batches to the client.
func batchCallerOf(c L1Client) (BatchCaller, error) {
	if b, ok := c.(BatchCaller); ok {
		return b, nil
	}
	if rc, ok := c.(interface{ Client() *rpc.Client }); ok && rc.Client() != nil {
		return rc.Client(), nil
	}
	return nil, errors.New("listener: the L1 client cannot send JSON-RPC batches (ethclient.Client and rpc.Client can): each range is confirmed on the node that answers it")
}

// Run follows L1 until ctx ends. It returns early only when the L1 node serves another
// chain than configured.
func (l *Listener) Run(ctx context.Context) error {
	if err := l.checkChainID(ctx); err != nil {
		return err
	}
	failures := 0
	for {
		caughtUp, err := l.Step(ctx)
		if ctx.Err() != nil {
			return nil
		}
		wait := l.cfg.PollInterval
		switch {
		case err != nil:
			failures++
			wait = Backoff(l.cfg.MinBackoff, l.cfg.MaxBackoff, failures)
			l.cfg.Logger.Error("L1 listener: step failed; backing off", "err", err, "retry_in", wait)
		case !caughtUp:
			failures = 0
			continue
		default:
			failures = 0
		}
		if err := l.sleep(ctx, wait); err != nil {
			return nil
		}
	}
}

func (l *Listener) checkChainID(ctx context.Context) error {
	if l.cfg.ChainID == 0 {
		return nil
	}
	for failures := 1; ; failures++ {
		id, err := l.client.ChainID(ctx)
		if err == nil {
			l.cfg.Monitor.OK(health.EndpointL1)
			if id.Cmp(new(big.Int).SetUint64(l.cfg.ChainID)) != 0 {
				return fmt.Errorf("the L1 node serves chain id %s, but the chain's params say %d: check --l1-rpc", id, l.cfg.ChainID)
			}
			return nil
		}
		l.cfg.Monitor.Error(health.EndpointL1, err)
		wait := Backoff(l.cfg.MinBackoff, l.cfg.MaxBackoff, failures)
		l.cfg.Logger.Error("L1 listener: cannot read the L1 chain id", "err", err, "retry_in", wait)
		if err := l.sleep(ctx, wait); err != nil {
			return nil
		}
	}
}

// Next is the first block the next step reads: during a re-scan, the re-scan's
// position; else the block after the cursor.
func (l *Listener) Next() uint64 {
	if l.rescanning {
		return l.rescan
	}
	if c, ok := l.sink.Cursor(); ok && c+1 > l.cfg.StartBlock {
		return c + 1
	}
	return l.cfg.StartBlock
}

// Step reads one range (at most one chunk), confirms it and commits it. caughtUp is true
// when there was nothing left to read below the confirmed block.
func (l *Listener) Step(ctx context.Context) (caughtUp bool, err error) {
	hint, ok, err := l.safeBlock(ctx)
	if err != nil {
		return false, err
	}
	from := l.Next()
	if !ok || from > hint {
		return true, nil
	}
	to := hint
	if to-from >= l.chunk {
		to = from + l.chunk - 1
	}
	logs, to, err := l.fetch(ctx, from, to)
	if err != nil {
		return false, err
	}
	events, badBlock, decodeErr := l.decode(logs, from, to)
	if decodeErr != nil {
		l.cfg.Monitor.Problem("listener", decodeErr.Error())
		if badBlock <= from {
			return false, decodeErr
		}
		// Keep what precedes the bad log; the cursor stops just before its block.
		to = badBlock - 1
	} else {
		l.cfg.Monitor.Problem("listener", "")
	}
	g := findGap(events, l.sink.LastQueued)
	if g != nil {
		held, err := l.onGap(*g)
		if !held {
			return false, err
		}
		// Re-scanned already: keep what precedes the gap's block, the cursor waits there.
		events, to = before(events, g.block), g.block-1
		if to < from {
			return false, err
		}
		decodeErr = err
	}
	cursor := to
	if c, ok := l.sink.Cursor(); ok && c > cursor {
		cursor = c // a re-scan below the cursor: add what is missing, keep the cursor
	}
	stats, err := l.sink.Commit(ctx, events, cursor)
	if err != nil {
		return false, fmt.Errorf("commit L1 blocks %d-%d: %w", from, to, err)
	}
	l.cfg.Monitor.Cursor(cursor)
	l.cfg.Monitor.RepeatedLogs(stats.Repeats)
	if stats.Added > 0 {
		l.cfg.Logger.Info("L1 listener: staking events queued", "from", from, "to", to, "events", stats.Added, "rescan", l.rescanning)
	}
	if stats.Repeats > 0 {
		l.cfg.Logger.Info("L1 listener: logs of nonces the chain already decided were not queued again", "from", from, "to", to, "logs", stats.Repeats)
	}
	if l.rescanning {
		l.rescan = to + 1
		if to >= cursor {
			l.rescanning = false
			l.cfg.Logger.Info("L1 listener: re-scan reached the cursor", "cursor", cursor)
		}
	}
	l.closeGaps()
	if decodeErr != nil {
		return false, decodeErr
	}
	if l.chunk < l.cfg.ChunkSize {
		l.chunk = min(2*l.chunk, l.cfg.ChunkSize)
	}
	return to == hint && !l.rescanning, nil
}

// onGap starts a re-scan from the block of the sequencer's last queued event, unless
// one for this gap ran within RescanRetry and did not close it: then held is true, the
// gap stays a standing problem and the cursor waits before the gap's block. (Gaps are
// remembered each on its own, so two gaps that no re-scan closes cannot keep restarting
// each other's re-scans.)
func (l *Listener) onGap(g gap) (held bool, err error) {
	now := l.cfg.Now()
	key := [2]uint64{g.seq, g.last}
	start := max(g.lastBlock, l.cfg.StartBlock)
	if st, ok := l.gaps[key]; ok && now.Sub(st.rescanAt) < l.cfg.RescanRetry {
		msg := fmt.Sprintf("nonce gap: %s; blocks %d-%d were read again without nonce %d; the cursor waits before block %d (is the L1 node missing logs?)",
			g, start, g.block, g.last+1, g.block)
		l.cfg.Monitor.Problem("listener-gap", msg)
		return true, errors.New(msg)
	}
	l.gaps[key] = &gapState{gap: g, rescanAt: now}
	if c, ok := l.sink.Cursor(); ok && start <= c && (!l.rescanning || start < l.rescan) {
		l.rescan, l.rescanning = start, true
	} // else the blocks from start on are not committed yet: the range itself is read again
	l.cfg.Monitor.NonceGap()
	l.cfg.Monitor.Problem("listener-gap", fmt.Sprintf("nonce gap: %s; re-scanning from block %d", g, start))
	l.cfg.Logger.Error("L1 listener: a sequencer's nonces jump: an L1 log was skipped (a clamping, lagging or lying L1 node?); re-scanning instead of moving the cursor past it",
		"gap", g.String(), "rescan_from", start)
	return false, nil
}

// closeGaps forgets the gaps whose missing nonce is now queued.
func (l *Listener) closeGaps() {
	for key, st := range l.gaps {
		if m, ok := l.sink.LastQueued(st.seq); ok && m.Nonce > st.last {
			l.cfg.Logger.Info("L1 listener: nonce gap closed", "gap", st.String())
			delete(l.gaps, key)
		}
	}
	if len(l.gaps) == 0 {
		l.cfg.Monitor.Problem("listener-gap", "")
	}
}

// findGap checks that each sequencer's events in the range continue its high-water mark
// one nonce at a time, in L1 order; it returns the first jump. A nonce at or below the
// mark is a repeat (or another copy of an undecided nonce): the store decides. The
// first event ever seen of a sequencer is taken as its start (the bridge may have
// started after its lock).
func findGap(events []seqtypes.L1EventMsg, mark func(seq uint64) (store.Mark, bool)) *gap {
	last := map[uint64]store.Mark{}
	for _, ev := range events {
		seq, n, block := ev.GetSequencerId(), ev.GetNonce(), ev.GetEvent().BlockNumber
		m, ok := last[seq]
		if !ok {
			m, ok = mark(seq)
		}
		switch {
		case !ok || n == m.Nonce+1:
			last[seq] = store.Mark{Nonce: n, Block: block}
		case n <= m.Nonce:
		default:
			return &gap{seq: seq, last: m.Nonce, found: n, lastBlock: m.Block, block: block}
		}
	}
	return nil
}

// before returns the events in blocks below block.
func before(events []seqtypes.L1EventMsg, block uint64) []seqtypes.L1EventMsg {
	out := events[:0:0]
	for _, ev := range events {
		if ev.GetEvent().BlockNumber < block {
			out = append(out, ev)
		}
	}
	return out
}

// safeBlock is the newest block the listener may read, as far as whichever node answers
// eth_blockNumber knows; ok is false when no block is confirmed yet. It only sizes the
// next range: fetch confirms the range on the node that answers the logs.
func (l *Listener) safeBlock(ctx context.Context) (safe uint64, ok bool, err error) {
	head, err := l.client.BlockNumber(ctx)
	if err != nil {
		l.cfg.Monitor.Error(health.EndpointL1, err)
		return 0, false, fmt.Errorf("eth_blockNumber: %w", err)
	}
	l.cfg.Monitor.OK(health.EndpointL1)
	l.cfg.Monitor.L1Head(head)
	if l.cfg.UseFinalized {
		h, err := l.client.HeaderByNumber(ctx, big.NewInt(int64(rpc.FinalizedBlockNumber)))
		if errors.Is(err, ethereum.NotFound) {
			return 0, false, nil
		}
		if err != nil {
			l.cfg.Monitor.Error(health.EndpointL1, err)
			return 0, false, fmt.Errorf("finalized header: %w", err)
		}
		if h == nil || h.Number == nil || !h.Number.IsUint64() {
			return 0, false, errors.New("finalized header without a number")
		}
		return min(h.Number.Uint64(), head), true, nil
	}
	safe, ok = l.confirmedBelow(head)
	return safe, ok, nil
}

// confirmedBelow is the newest block with Confirmations blocks on a head.
func (l *Listener) confirmedBelow(head uint64) (uint64, bool) {
	c := l.cfg.Confirmations
	if c == 0 {
		return head, true
	}
	if head+1 < c {
		return 0, false
	}
	return head + 1 - c, true
}

// fetch reads [from, to] and confirms it. When the node refuses the logs it halves
// the range (keeping from) down to one block. When the answering node is behind the
// range end, the range is cut to that node's own readable block; when the end changed
// under the read, it is read again; each at most confirmAttempts times before the step
// fails. It returns the logs and the end of the range it could read and confirm.
func (l *Listener) fetch(ctx context.Context, from, to uint64) ([]gethtypes.Log, uint64, error) {
	unconfirmed := 0
	for {
		a, err := l.readRange(ctx, from, to)
		if ctx.Err() != nil {
			return nil, 0, ctx.Err()
		}
		if errors.Is(err, errLogs) {
			l.cfg.Monitor.Error(health.EndpointL1, err)
			if to == from {
				return nil, 0, fmt.Errorf("eth_getLogs block %d: %w", from, err)
			}
			to = from + (to-from)/2
			l.chunk = to - from + 1
			l.cfg.Logger.Debug("L1 listener: eth_getLogs failed; halving the range", "from", from, "to", to, "err", err)
			continue
		}
		if err != nil {
			l.cfg.Monitor.Error(health.EndpointL1, err)
			return nil, 0, err
		}
		l.cfg.Monitor.OK(health.EndpointL1)
		why, err := l.confirm(a, from, to)
		if err == nil {
			return a.logs, to, nil
		}
		l.cfg.Monitor.Unconfirmed(why)
		unconfirmed++
		l.cfg.Logger.Info("L1 listener: range not confirmed by the node that answered it; reading again", "from", from, "to", to, "err", err)
		if unconfirmed >= confirmAttempts {
			return nil, 0, err
		}
		if why == health.UnconfirmedBehind && a.hasSafe && a.safe >= from && a.safe < to {
			to = a.safe // that node (a balancer's backend) serves up to here: take that much
		}
	}
}

// errLogs marks a failed eth_getLogs (or a batch that failed as a whole, e.g. timed out
// on a large answer): the range is halved.
var errLogs = errors.New("eth_getLogs")

// answer is what one node said in one batch about a range [from, to].
type answer struct {
	safe          uint64 // that node's newest readable block (head − confirmations + 1, or finalized)
	hasSafe       bool
	before, after *gethtypes.Header // the range end, read before and after the logs (nil: the node lacks it)
	logs          []gethtypes.Log
}

// readRange sends the range's batch: the node's head (or finalized block), the header of
// `to`, eth_getLogs, and the header of `to` again.
func (l *Listener) readRange(ctx context.Context, from, to uint64) (answer, error) {
	var (
		head          hexutil.Uint64
		final         *gethtypes.Header
		before, after *gethtypes.Header
		logs          []gethtypes.Log
	)
	first := rpc.BatchElem{Method: "eth_blockNumber", Result: &head}
	if l.cfg.UseFinalized {
		first = rpc.BatchElem{Method: "eth_getBlockByNumber", Args: []any{"finalized", false}, Result: &final}
	}
	end := hexutil.EncodeUint64(to)
	b := []rpc.BatchElem{
		first,
		{Method: "eth_getBlockByNumber", Args: []any{end, false}, Result: &before},
		{Method: "eth_getLogs", Args: []any{map[string]any{
			"fromBlock": hexutil.EncodeUint64(from), "toBlock": end,
			"address": []common.Address{l.cfg.Contract}, "topics": [][]common.Hash{l.cfg.Topics},
		}}, Result: &logs},
		{Method: "eth_getBlockByNumber", Args: []any{end, false}, Result: &after},
	}
	if err := l.batch.BatchCallContext(ctx, b); err != nil {
		return answer{}, fmt.Errorf("%w %d-%d (batch): %w", errLogs, from, to, err)
	}
	// The second header fails too when the logs made the answer too large (go-ethereum
	// fills the rest of an oversized batch with an error): halve as for the logs.
	for _, i := range []int{2, 3} {
		if b[i].Error != nil {
			return answer{}, fmt.Errorf("%w %d-%d: %w", errLogs, from, to, b[i].Error)
		}
	}
	for _, i := range []int{0, 1} {
		if b[i].Error != nil {
			return answer{}, fmt.Errorf("%s %v: %w", b[i].Method, b[i].Args, b[i].Error)
		}
	}
	a := answer{before: before, after: after, logs: logs}
	switch {
	case !l.cfg.UseFinalized:
		a.safe, a.hasSafe = l.confirmedBelow(uint64(head))
	case final != nil && final.Number != nil && final.Number.IsUint64():
		a.safe, a.hasSafe = final.Number.Uint64(), true
	}
	return a, nil
}

// confirm checks that the node that answered the logs of [from, to] stands behind them:
// its own readable block reaches to (else an empty answer may only mean it has not got
// there: a clamping node, or a lagging one behind a balancer), it has block to, with the
// same hash before and after the logs (else the end moved under the read: a reorg at
// that depth, or the batch was answered by more than one node), and the logs name that
// hash for block to and one hash per block. why is a health.Unconfirmed* label.
func (l *Listener) confirm(a answer, from, to uint64) (why string, err error) {
	switch {
	case !a.hasSafe || a.safe < to:
		return health.UnconfirmedBehind, fmt.Errorf("the L1 node that answered eth_getLogs %d-%d can read only up to block %d (behind a balancer, or clamping?)", from, to, a.safe)
	case a.before == nil || a.after == nil:
		return health.UnconfirmedBehind, fmt.Errorf("the L1 node that answered eth_getLogs %d-%d does not have block %d", from, to, to)
	case a.before.Number == nil || !a.before.Number.IsUint64() || a.before.Number.Uint64() != to:
		return health.UnconfirmedChanged, fmt.Errorf("the L1 node answered block %v for block %d", a.before.Number, to)
	case a.before.Hash() != a.after.Hash():
		return health.UnconfirmedChanged, fmt.Errorf("L1 block %d changed from %s to %s while its range was read", to, a.before.Hash().Hex(), a.after.Hash().Hex())
	}
	hashes := map[uint64]common.Hash{to: a.before.Hash()}
	for _, lg := range a.logs {
		if h, ok := hashes[lg.BlockNumber]; ok && h != lg.BlockHash {
			return health.UnconfirmedChanged, fmt.Errorf("the L1 node's logs name block %d as %s, not %s", lg.BlockNumber, lg.BlockHash.Hex(), h.Hex())
		}
		hashes[lg.BlockNumber] = lg.BlockHash
	}
	return "", nil
}

// decode turns the logs of [from, to] into events, checking that the node answered
// what was asked. On a log that does not decode it returns the events of the blocks
// before that log's block, the block, and the error.
func (l *Listener) decode(logs []gethtypes.Log, from, to uint64) ([]seqtypes.L1EventMsg, uint64, error) {
	events := make([]seqtypes.L1EventMsg, 0, len(logs))
	for i, lg := range logs {
		if i > 0 && lg.BlockNumber < logs[i-1].BlockNumber {
			return nil, from, fmt.Errorf("L1 node returned logs out of block order (%d after %d)", lg.BlockNumber, logs[i-1].BlockNumber)
		}
		if lg.Removed {
			continue
		}
		where := fmt.Sprintf("log %s:%d (block %d)", strings.ToLower(lg.TxHash.Hex()), lg.Index, lg.BlockNumber)
		if lg.Address != l.cfg.Contract {
			return nil, from, fmt.Errorf("L1 node returned %s of contract %s, not %s", where, lg.Address.Hex(), l.cfg.Contract.Hex())
		}
		if lg.BlockNumber < from || lg.BlockNumber > to {
			return nil, from, fmt.Errorf("L1 node returned %s outside the range %d-%d", where, from, to)
		}
		msg, err := l.cfg.Decode(lg)
		if l.cfg.NotStakingEvent != nil && errors.Is(err, l.cfg.NotStakingEvent) {
			continue
		}
		if err == nil {
			ref := msg.GetEvent()
			if !strings.EqualFold(ref.TxHash, lg.TxHash.Hex()) || ref.LogIndex != uint64(lg.Index) || ref.BlockNumber != lg.BlockNumber {
				err = fmt.Errorf("decoder named %s:%d (block %d)", ref.TxHash, ref.LogIndex, ref.BlockNumber)
			}
		}
		if err != nil {
			keep := events[:0:0]
			for _, ev := range events {
				if ev.GetEvent().BlockNumber < lg.BlockNumber {
					keep = append(keep, ev)
				}
			}
			return keep, lg.BlockNumber, fmt.Errorf("staking %s does not decode (the cursor stays before its block): %w", where, err)
		}
		events = append(events, msg)
	}
	return events, 0, nil
}

// Backoff is min * 2^(failures-1), capped at max.
func Backoff(minWait, maxWait time.Duration, failures int) time.Duration {
	d := minWait
	for i := 1; i < failures && d < maxWait; i++ {
		d *= 2
	}
	return min(d, maxWait)
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
