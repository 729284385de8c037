package reporter

import (
	"context"
	"errors"
	"math/big"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	gethtypes "github.com/ethereum/go-ethereum/core/types"

	"github.com/themis-network/themis/bridge/l2"
	"github.com/themis-network/themis/x/mpc/types"
	sequencertypes "github.com/themis-network/themis/x/sequencer/types"
)

// fakeChain is committed state as the source reads it.
type fakeChain struct {
	pool     *types.PoolKey
	inFlight *types.PoolTx
	progress types.BatchProgress
	params   sequencertypes.Params
	checking []types.PoolTx
}

func (c *fakeChain) GetPoolKey(context.Context) (types.PoolKey, bool, error) {
	if c.pool == nil {
		return types.PoolKey{}, false, nil
	}
	return *c.pool, true, nil
}

func (c *fakeChain) InFlight(context.Context) (types.PoolTx, bool, error) {
	if c.inFlight == nil {
		return types.PoolTx{}, false, nil
	}
	return *c.inFlight, true, nil
}

func (c *fakeChain) GetBatchProgress(context.Context) (types.BatchProgress, error) {
	return c.progress, nil
}

func (c *fakeChain) CallsToCheck(context.Context) ([]types.PoolTx, error) { return c.checking, nil }

func (c *fakeChain) GetParams(context.Context) (sequencertypes.Params, error) { return c.params, nil }

// fakeL1 is an L1 node: a head, the pool's nonce by block, a balance, the staking
// contract's pending pool address and receipts. It records what it was asked.
type fakeL1 struct {
	mu       sync.Mutex
	head     uint64
	baseFee  *big.Int
	nonces   map[uint64]uint64
	balance  *big.Int
	pending  common.Address
	receipts map[common.Hash]*gethtypes.Receipt
	// nonceFn, if set, answers NonceAt instead of nonces; blocks are the blocks
	// BlockByNumber knows.
	nonceFn func(block uint64) uint64
	blocks  map[uint64]*gethtypes.Block
	// prunedBelow: NonceAt of an older block fails as on a pruned (non-archive) node.
	prunedBelow uint64
	err         error // every call fails with it
	hang        bool  // every call waits for its deadline
	// dryRun answers the calls made from an account (the pool's dry runs); nil: they
	// succeed. dryRuns records them.
	dryRun  func(call ethereum.CallMsg) error
	dryRuns []dryRunAt

	calls        int
	nonceBlocks  []uint64
	bodyReads    []uint64 // the blocks BlockByNumber was asked for
	receiptAsked []common.Hash
}

var errNodeDown = errors.New("connection refused")

func (f *fakeL1) enter(ctx context.Context) error {
	f.mu.Lock()
	f.calls++
	hang, err := f.hang, f.err
	f.mu.Unlock()
	if hang {
		<-ctx.Done()
		return ctx.Err()
	}
	return err
}

func (f *fakeL1) HeaderByNumber(ctx context.Context, n *big.Int) (*gethtypes.Header, error) {
	if err := f.enter(ctx); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	return &gethtypes.Header{Number: new(big.Int).SetUint64(f.head), BaseFee: f.baseFee}, nil
}

func (f *fakeL1) NonceAt(ctx context.Context, _ common.Address, block *big.Int) (uint64, error) {
	if err := f.enter(ctx); err != nil {
		return 0, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.nonceBlocks = append(f.nonceBlocks, block.Uint64())
	if block.Uint64() < f.prunedBelow {
		return 0, errors.New("missing trie node")
	}
	if f.nonceFn != nil {
		return f.nonceFn(block.Uint64()), nil
	}
	return f.nonces[block.Uint64()], nil
}

func (f *fakeL1) BlockByNumber(ctx context.Context, n *big.Int) (*gethtypes.Block, error) {
	if err := f.enter(ctx); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.bodyReads = append(f.bodyReads, n.Uint64())
	b, ok := f.blocks[n.Uint64()]
	if !ok {
		return nil, ethereum.NotFound
	}
	return b, nil
}

func (f *fakeL1) BalanceAt(ctx context.Context, _ common.Address, _ *big.Int) (*big.Int, error) {
	if err := f.enter(ctx); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.balance, nil
}

func (f *fakeL1) CallContract(ctx context.Context, call ethereum.CallMsg, block *big.Int) ([]byte, error) {
	if err := f.enter(ctx); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if call.From != (common.Address{}) {
		f.dryRuns = append(f.dryRuns, dryRunAt{call: call, block: block.Uint64()})
		if f.dryRun != nil {
			return nil, f.dryRun(call)
		}
		return nil, nil
	}
	return common.LeftPadBytes(f.pending.Bytes(), 32), nil // an ABI-encoded address
}

func (f *fakeL1) TransactionReceipt(ctx context.Context, h common.Hash) (*gethtypes.Receipt, error) {
	if err := f.enter(ctx); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.receiptAsked = append(f.receiptAsked, h)
	rc, ok := f.receipts[h]
	if !ok {
		return nil, ethereum.NotFound
	}
	return rc, nil
}

func (f *fakeL1) set(change func(*fakeL1)) {
	f.mu.Lock()
	defer f.mu.Unlock()
	change(f)
}

// fakeL2 is an L2 node that has the ranges in its map.
type fakeL2 struct {
	mu     sync.Mutex
	ranges map[[2]uint64]l2.RangeCommitment
	hang   bool
	calls  int
}

func (f *fakeL2) RangeCommitment(ctx context.Context, from, to uint64) (l2.RangeCommitment, error) {
	f.mu.Lock()
	f.calls++
	c, ok := f.ranges[[2]uint64{from, to}]
	hang := f.hang
	f.mu.Unlock()
	if hang {
		<-ctx.Done()
		return l2.RangeCommitment{}, ctx.Err()
	}
	if !ok {
		return l2.RangeCommitment{}, l2.ErrNoBlock
	}
	return c, nil
}

// clock is a settable time.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// dryRunAt is one dry run the node was asked for.
type dryRunAt struct {
	call  ethereum.CallMsg
	block uint64
}

// revertError is go-ethereum's answer to a reverted eth_call: code 3 and the revert
// data in hex.
type revertError struct{ data string }

func (e revertError) Error() string          { return "execution reverted" }
func (e revertError) ErrorCode() int         { return 3 }
func (e revertError) ErrorData() interface{} { return e.data }
