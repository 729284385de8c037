package reporter

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"sync"
	"time"

	"cosmossdk.io/log"
	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	gethtypes "github.com/ethereum/go-ethereum/core/types"

	"github.com/themis-network/themis/bridge/l2"
	"github.com/themis-network/themis/contracts/bindings/staking"
	"github.com/themis-network/themis/x/mpc/types"
)

// L1Client is the part of an L1 JSON-RPC client (go-ethereum's ethclient) the
// watcher reads through.
type L1Client interface {
	HeaderByNumber(ctx context.Context, number *big.Int) (*gethtypes.Header, error)
	NonceAt(ctx context.Context, account common.Address, blockNumber *big.Int) (uint64, error)
	BalanceAt(ctx context.Context, account common.Address, blockNumber *big.Int) (*big.Int, error)
	CallContract(ctx context.Context, call ethereum.CallMsg, blockNumber *big.Int) ([]byte, error)
	TransactionReceipt(ctx context.Context, txHash common.Hash) (*gethtypes.Receipt, error)
	BlockByNumber(ctx context.Context, number *big.Int) (*gethtypes.Block, error)
}

// L2Ranges reads an L2 range's commitment from the validator's own L2 node (the
// bridge's *l2.Client): l2.RangeCommitment is what a batch commits to.
type L2Ranges interface {
	RangeCommitment(ctx context.Context, from, to uint64) (l2.RangeCommitment, error)
}

// Defaults of L1WatchConfig.
const (
	DefaultL1Poll = time.Second
	// DefaultL1ReadTimeout bounds one L1 call: a poll makes five or so.
	DefaultL1ReadTimeout = 2 * time.Second
	// DefaultL2RangeTimeout bounds one batch's range read (hundreds of blocks, in
	// JSON-RPC batches of 32).
	DefaultL2RangeTimeout = 20 * time.Second
	// DefaultL1MaxAge: L1 facts older than this are not reported. Thirty polls: an
	// L1 node that stopped answering stops voting soon, one slow poll changes nothing.
	DefaultL1MaxAge = 30 * time.Second
)

// L1WatchConfig configures an L1Watcher. Zero durations take the defaults.
type L1WatchConfig struct {
	// L1 is this validator's own L1 node (nil: no L1 facts); L2 its own L2 node (nil:
	// no batch commitments).
	L1 L1Client
	L2 L2Ranges

	Poll           time.Duration
	L1ReadTimeout  time.Duration
	L2RangeTimeout time.Duration
	MaxAge         time.Duration

	Logger log.Logger
	// Now is the clock (tests); nil: time.Now.
	Now func() time.Time
}

func (c L1WatchConfig) withDefaults() L1WatchConfig {
	orDefault := func(d *time.Duration, def time.Duration) {
		if *d <= 0 {
			*d = def
		}
	}
	orDefault(&c.Poll, DefaultL1Poll)
	orDefault(&c.L1ReadTimeout, DefaultL1ReadTimeout)
	orDefault(&c.L2RangeTimeout, DefaultL2RangeTimeout)
	orDefault(&c.MaxAge, DefaultL1MaxAge)
	if c.Logger == nil {
		c.Logger = log.NewNopLogger()
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	return c
}

// L1Watcher polls this validator's own L1 and L2 nodes for what the chain last
// wanted and keeps the answers in memory, so that ExtendVote never waits on a node:
// Facts only reads memory. The L1 and L2 polls run apart, so a long range read never
// delays the L1 facts.
type L1Watcher struct {
	cfg     L1WatchConfig
	staking *staking.ThemisStaking

	mu    sync.Mutex
	want  *L1Wants // nil until the first Facts
	snap  *l1Snapshot
	batch *batchFact

	// found is the pool's transaction at a nonce none of the chain's hashes used (the
	// L1 poll's alone: no lock); searchErr the last search failure, logged once.
	found     *foundTx
	searchErr string
	// unused is the last confirmed height at which a poll saw the pool's nonce still
	// at or below the in-flight transaction's (L1 poll alone): the search for the
	// block that used it starts above it, where even a pruned L1 node has state.
	unused nonceUnused
	// scan is the block-body scan in progress when old state is unavailable.
	scan bodyScan
}

// nonceUnused: the nonce of pool transaction poolTx was unused at height.
type nonceUnused struct{ poolTx, nonce, height uint64 }

// NewL1Watcher builds a watcher; Run polls.
func NewL1Watcher(cfg L1WatchConfig) *L1Watcher {
	return &L1Watcher{cfg: cfg.withDefaults(), staking: staking.NewThemisStaking()}
}

// Facts records what the chain wants (the next polls read it) and returns what the
// facts in memory say about it. It does no I/O.
func (w *L1Watcher) Facts(want L1Wants) types.L1Report {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.want = &want
	return answer(want, w.snap, w.batch, w.cfg.Now(), w.cfg.MaxAge)
}

func (w *L1Watcher) wanted() (L1Wants, bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.want == nil {
		return L1Wants{}, false
	}
	return *w.want, true
}

// Run polls until ctx ends.
func (w *L1Watcher) Run(ctx context.Context) error {
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); w.loop(ctx, "L1", w.pollL1) }()
	go func() { defer wg.Done(); w.loop(ctx, "L2", w.pollL2) }()
	wg.Wait()
	return ctx.Err()
}

// loop polls every cfg.Poll, logging the first failure of a streak and the recovery
// (a node that is down would otherwise log every second).
func (w *L1Watcher) loop(ctx context.Context, node string, poll func(context.Context) error) {
	t := time.NewTicker(w.cfg.Poll)
	defer t.Stop()
	var lastErr string
	for {
		err := poll(ctx)
		if ctx.Err() != nil {
			return
		}
		switch {
		case err != nil && err.Error() != lastErr:
			w.cfg.Logger.Error("mpc-l1 watcher: poll failed; the facts it held age out", "node", node, "err", err, "max_age", w.cfg.MaxAge)
			lastErr = err.Error()
		case err == nil && lastErr != "":
			w.cfg.Logger.Info("mpc-l1 watcher: node answers again", "node", node)
			lastErr = ""
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// pollL1 reads the L1 facts the chain wants. A failed read keeps the previous
// snapshot, which answer drops once it is MaxAge old; a head below the confirmation
// depth clears it (nothing is confirmed).
func (w *L1Watcher) pollL1(ctx context.Context) error {
	want, ok := w.wanted()
	if !ok || w.cfg.L1 == nil || want.Pool == (common.Address{}) {
		return nil
	}
	snap, err := w.readL1(ctx, want)
	if err != nil {
		return err
	}
	w.mu.Lock()
	w.snap = snap
	w.mu.Unlock()
	return nil
}

// readL1 reads one snapshot: all or nothing, so a report never mixes heights. Nil
// without an error: the head is not yet deeper than the confirmations.
func (w *L1Watcher) readL1(ctx context.Context, want L1Wants) (*l1Snapshot, error) {
	c := w.cfg.L1
	at := w.cfg.Now()
	head, err := within(ctx, w.cfg.L1ReadTimeout, func(ctx context.Context) (*gethtypes.Header, error) { return c.HeaderByNumber(ctx, nil) })
	if err != nil {
		return nil, fmt.Errorf("L1 head: %w", err)
	}
	if head == nil || head.Number == nil || !head.Number.IsUint64() {
		return nil, errors.New("L1 head: no block number")
	}
	if head.Number.Uint64() <= want.Confirmations {
		return nil, nil
	}
	height := head.Number.Uint64() - want.Confirmations
	block := new(big.Int).SetUint64(height)
	snap := &l1Snapshot{at: at, pool: want.Pool, staking: want.StakingContract, confirmations: want.Confirmations, height: height}
	if snap.baseFee, err = weiOf("L1 base fee", head.BaseFee); err != nil {
		return nil, err
	}
	if snap.nonce, err = within(ctx, w.cfg.L1ReadTimeout, func(ctx context.Context) (uint64, error) { return c.NonceAt(ctx, want.Pool, block) }); err != nil {
		return nil, fmt.Errorf("pool nonce at %d: %w", height, err)
	}
	balance, err := within(ctx, w.cfg.L1ReadTimeout, func(ctx context.Context) (*big.Int, error) { return c.BalanceAt(ctx, want.Pool, block) })
	if err != nil {
		return nil, fmt.Errorf("pool balance at %d: %w", height, err)
	}
	if snap.balance, err = weiOf("pool balance", balance); err != nil {
		return nil, err
	}
	if snap.proposed, err = w.poolProposed(ctx, want, block); err != nil {
		return nil, err
	}
	if snap.receipt, err = w.receiptOf(ctx, want, height); err != nil {
		return nil, err
	}
	snap.checks = w.dryRuns(ctx, want, block)
	if want.PoolTx != 0 && snap.nonce <= want.Nonce {
		w.unused = nonceUnused{poolTx: want.PoolTx, nonce: want.Nonce, height: height}
	}
	if snap.receipt == nil && want.PoolTx != 0 && snap.nonce > want.Nonce {
		snap.receipt = w.alternateReceipt(ctx, want, height)
	}
	return snap, nil
}

// poolProposed reads the staking contract's pendingPoolAddress at block. A contract
// not set (zero) or without code there proposes nothing.
func (w *L1Watcher) poolProposed(ctx context.Context, want L1Wants, block *big.Int) (bool, error) {
	if want.StakingContract == (common.Address{}) {
		return false, nil
	}
	to := want.StakingContract
	out, err := within(ctx, w.cfg.L1ReadTimeout, func(ctx context.Context) ([]byte, error) {
		return w.cfg.L1.CallContract(ctx, ethereum.CallMsg{To: &to, Data: w.staking.PackPendingPoolAddress()}, block)
	})
	if err != nil {
		return false, fmt.Errorf("pendingPoolAddress at %s: %w", block, err)
	}
	if len(out) == 0 {
		return false, nil
	}
	pending, err := w.staking.UnpackPendingPoolAddress(out)
	if err != nil {
		return false, fmt.Errorf("pendingPoolAddress at %s: %w", block, err)
	}
	return pending == want.Pool, nil
}

// receiptOf finds the receipt, at or below height, of a signed version of the pool
// transaction in flight. A version the node has no receipt for is simply not there yet.
func (w *L1Watcher) receiptOf(ctx context.Context, want L1Wants, height uint64) (*types.PoolTxReceipt, error) {
	if want.PoolTx == 0 {
		return nil, nil
	}
	for _, h := range want.TxHashes {
		rc, err := within(ctx, w.cfg.L1ReadTimeout, func(ctx context.Context) (*gethtypes.Receipt, error) { return w.cfg.L1.TransactionReceipt(ctx, h) })
		if errors.Is(err, ethereum.NotFound) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("receipt of %s: %w", h, err)
		}
		if rc == nil || rc.TxHash != h || rc.BlockNumber == nil || !rc.BlockNumber.IsUint64() {
			continue
		}
		block := rc.BlockNumber.Uint64()
		if block == 0 || block > height {
			continue // not confirmed deep enough yet
		}
		return &types.PoolTxReceipt{PoolTx: want.PoolTx, TxHash: h.Bytes(), Reverted: rc.Status == gethtypes.ReceiptStatusFailed, L1Block: block}, nil
	}
	return nil, nil
}

// pollL2 reads the proposed batch's commitment, once per range: a range the L2 node
// has is final, so the answer never changes. A node without the blocks yet errors and
// is asked again next poll.
func (w *L1Watcher) pollL2(ctx context.Context) error {
	want, ok := w.wanted()
	if !ok || w.cfg.L2 == nil || want.Batch == nil {
		return nil
	}
	rng := *want.Batch
	w.mu.Lock()
	have := w.batch != nil && w.batch.rng == rng
	w.mu.Unlock()
	if have {
		return nil
	}
	c, err := within(ctx, w.cfg.L2RangeTimeout, func(ctx context.Context) (l2.RangeCommitment, error) {
		return w.cfg.L2.RangeCommitment(ctx, rng.Start, rng.End)
	})
	if err != nil {
		return fmt.Errorf("batch %d (L2 %d..%d): %w", rng.Index, rng.Start, rng.End, err)
	}
	if c.From != rng.Start || c.To != rng.End {
		return fmt.Errorf("batch %d: the L2 node committed to %d..%d, not %d..%d", rng.Index, c.From, c.To, rng.Start, rng.End)
	}
	fact := &batchFact{rng: rng, commitment: types.BatchCommitment{
		Index: rng.Index, L2Start: rng.Start, L2End: rng.End,
		StateRoot: c.StateRoot.Bytes(), TxRoot: c.TxRoot.Bytes(), LastHash: c.LastHash.Bytes(),
	}}
	w.mu.Lock()
	w.batch = fact
	w.mu.Unlock()
	return nil
}

// within runs one read with its own time budget inside ctx.
func within[T any](ctx context.Context, d time.Duration, read func(context.Context) (T, error)) (T, error) {
	ctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	return read(ctx)
}

// weiOf is an amount as a report carries it; one that does not fit an EVM word is a
// node's lie.
func weiOf(what string, v *big.Int) ([]byte, error) {
	if v != nil && v.Sign() < 0 {
		return nil, fmt.Errorf("%s is negative", what)
	}
	bz := types.WeiBytes(v)
	if len(bz) > 32 {
		return nil, fmt.Errorf("%s has %d bytes", what, len(bz))
	}
	return bz, nil
}
