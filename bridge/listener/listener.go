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
	gethtypes "github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/themis-network/themis/bridge/health"
	seqtypes "github.com/themis-network/themis/x/sequencer/types"
)

// L1Client is the part of an L1 node the listener uses (ethclient.Client and the
// simulated backend's client implement it).
type L1Client interface {
	ethereum.LogFilterer
	ethereum.BlockNumberReader
	ethereum.ChainIDReader
	HeaderByNumber(ctx context.Context, number *big.Int) (*gethtypes.Header, error)
}

// Decoder turns one staking-contract log into the chain message (submitter empty).
type Decoder func(gethtypes.Log) (seqtypes.L1EventMsg, error)

// Sink is where decoded events go: the store's outbox and cursor.
type Sink interface {
	Cursor() (uint64, bool)
	Commit(ctx context.Context, events []seqtypes.L1EventMsg, cursor uint64) error
}

// Defaults.
const (
	DefaultChunkSize    = 2000
	DefaultPollInterval = time.Second
	DefaultMaxBackoff   = 30 * time.Second
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

	Logger  log.Logger
	Monitor *health.Monitor
}

// Listener follows the staking contract.
type Listener struct {
	cfg    Config
	client L1Client
	sink   Sink
	chunk  uint64
	sleep  func(ctx context.Context, d time.Duration) error
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
	if cfg.Logger == nil {
		cfg.Logger = log.NewNopLogger()
	}
	return &Listener{cfg: cfg, client: client, sink: sink, chunk: cfg.ChunkSize, sleep: sleepCtx}, nil
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

// Next is the first block the next step reads.
func (l *Listener) Next() uint64 {
	if c, ok := l.sink.Cursor(); ok && c+1 > l.cfg.StartBlock {
		return c + 1
	}
	return l.cfg.StartBlock
}

// Step reads one range (at most one chunk) and commits it. caughtUp is true when there
// was nothing left to read below the confirmed block.
func (l *Listener) Step(ctx context.Context) (caughtUp bool, err error) {
	safe, ok, err := l.safeBlock(ctx)
	if err != nil {
		return false, err
	}
	from := l.Next()
	if !ok || from > safe {
		return true, nil
	}
	to := safe
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
	if err := l.sink.Commit(ctx, events, to); err != nil {
		return false, fmt.Errorf("commit L1 blocks %d-%d: %w", from, to, err)
	}
	l.cfg.Monitor.Cursor(to)
	if len(events) > 0 {
		l.cfg.Logger.Info("L1 listener: staking events queued", "from", from, "to", to, "events", len(events))
	}
	if decodeErr != nil {
		return false, decodeErr
	}
	if l.chunk < l.cfg.ChunkSize {
		l.chunk = min(2*l.chunk, l.cfg.ChunkSize)
	}
	return to == safe, nil
}

// safeBlock is the newest block the listener may read; ok is false when no block is
// confirmed yet.
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
	c := l.cfg.Confirmations
	if c == 0 {
		return head, true, nil
	}
	if head+1 < c {
		return 0, false, nil
	}
	return head + 1 - c, true, nil
}

// fetch reads [from, to]; on errors it halves the range (keeping from) down to one
// block. It returns the logs and the end of the range it could read.
func (l *Listener) fetch(ctx context.Context, from, to uint64) ([]gethtypes.Log, uint64, error) {
	for {
		q := ethereum.FilterQuery{
			FromBlock: new(big.Int).SetUint64(from),
			ToBlock:   new(big.Int).SetUint64(to),
			Addresses: []common.Address{l.cfg.Contract},
			Topics:    [][]common.Hash{l.cfg.Topics},
		}
		logs, err := l.client.FilterLogs(ctx, q)
		if err == nil {
			l.cfg.Monitor.OK(health.EndpointL1)
			return logs, to, nil
		}
		if ctx.Err() != nil {
			return nil, 0, ctx.Err()
		}
		l.cfg.Monitor.Error(health.EndpointL1, err)
		if to == from {
			return nil, 0, fmt.Errorf("eth_getLogs block %d: %w", from, err)
		}
		to = from + (to-from)/2
		l.chunk = to - from + 1
		l.cfg.Logger.Debug("L1 listener: eth_getLogs failed; halving the range", "from", from, "to", to, "err", err)
	}
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
