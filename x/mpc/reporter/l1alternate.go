package reporter

import (
	"context"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum"
	gethtypes "github.com/ethereum/go-ethereum/core/types"

	"github.com/themis-network/themis/x/mpc/outbound"
	"github.com/themis-network/themis/x/mpc/types"
)

// foundTx is the pool's transaction the watcher found at the nonce of a pool
// transaction in flight, and where.
type foundTx struct {
	poolTx, nonce uint64
	tx            *gethtypes.Transaction
	block         uint64
}

// alternateReceipt runs when L1 used the nonce of the transaction in flight at the
// confirmed height, yet none of the chain's hashes has a receipt: a pool signature
// the chain never recorded landed (x/mpc/keeper/pool_tx_alternate.go). It finds the
// pool's transaction at that nonce and reports its receipt with its signature; the
// chain checks it is one of its versions. A failed search is logged, not fatal: the
// rest of the snapshot still counts, and the next poll searches again.
func (w *L1Watcher) alternateReceipt(ctx context.Context, want L1Wants, height uint64) *types.PoolTxReceipt {
	f, err := w.findAtNonce(ctx, want, height)
	if err == nil {
		w.searchErr = ""
		if f == nil {
			return nil
		}
		var rc *gethtypes.Receipt
		rc, err = within(ctx, w.cfg.L1ReadTimeout, func(ctx context.Context) (*gethtypes.Receipt, error) {
			return w.cfg.L1.TransactionReceipt(ctx, f.tx.Hash())
		})
		if err == nil && (rc == nil || rc.TxHash != f.tx.Hash() || rc.BlockNumber == nil || rc.BlockNumber.Uint64() != f.block) {
			err = fmt.Errorf("receipt of %s does not match block %d", f.tx.Hash(), f.block)
			w.found = nil // a reorg moved it: search again
		}
		if err == nil {
			return &types.PoolTxReceipt{PoolTx: want.PoolTx, TxHash: f.tx.Hash().Bytes(), Reverted: rc.Status == gethtypes.ReceiptStatusFailed,
				L1Block: f.block, Signature: outbound.SignatureOf(f.tx)}
		}
	}
	if err.Error() != w.searchErr {
		w.cfg.Logger.Error("mpc-l1 watcher: L1 used the pool transaction's nonce under an unknown hash; looking for it failed",
			"pool_tx", want.PoolTx, "nonce", want.Nonce, "err", err)
		w.searchErr = err.Error()
	}
	return nil
}

// findAtNonce finds the first block in [FromL1, height] after which the pool's nonce
// is past want.Nonce (a binary search on the nonce), and in it the pool's
// transaction with that nonce. A result found once is kept while it stays at or
// below the confirmed height and its receipt still names its block.
func (w *L1Watcher) findAtNonce(ctx context.Context, want L1Wants, height uint64) (*foundTx, error) {
	if f := w.found; f != nil && f.poolTx == want.PoolTx && f.nonce == want.Nonce && f.block <= height {
		return f, nil
	}
	w.found = nil
	nonceAt := func(b uint64) (uint64, error) {
		return within(ctx, w.cfg.L1ReadTimeout, func(ctx context.Context) (uint64, error) {
			return w.cfg.L1.NonceAt(ctx, want.Pool, new(big.Int).SetUint64(b))
		})
	}
	// The answer is in [lo, hi]: the nonce at hi is past. A poll that saw the nonce
	// unused at some height bounds it from below, so the search reads recent state
	// only (a pruned L1 node keeps about 128 blocks); without one (a node restarted
	// after the nonce moved) it reads state from the transaction's l1_height on.
	lo, hi := max(want.FromL1, 1), height
	if u := w.unused; u.poolTx == want.PoolTx && u.nonce == want.Nonce && u.height < height {
		lo = max(lo, u.height+1)
	}
	first := lo
	for lo < hi {
		mid := lo + (hi-lo)/2
		n, err := nonceAt(mid)
		if err != nil {
			// Old state is gone (a pruned node restarted after the nonce moved): block
			// bodies are kept, so look for the transaction in them instead.
			w.cfg.Logger.Debug("mpc-l1 watcher: pool state unavailable; scanning block bodies for the transaction at the nonce",
				"pool_tx", want.PoolTx, "nonce", want.Nonce, "at", mid, "err", err)
			return w.scanBodies(ctx, want, first, height)
		}
		if n > want.Nonce {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	block, err := within(ctx, w.cfg.L1ReadTimeout, func(ctx context.Context) (*gethtypes.Block, error) {
		return w.cfg.L1.BlockByNumber(ctx, new(big.Int).SetUint64(lo))
	})
	if errors.Is(err, ethereum.NotFound) {
		return nil, fmt.Errorf("block %d: not found", lo)
	}
	if err != nil {
		return nil, fmt.Errorf("block %d: %w", lo, err)
	}
	if tx := poolTxIn(block, want); tx != nil {
		w.found = &foundTx{poolTx: want.PoolTx, nonce: want.Nonce, tx: tx, block: lo}
		return w.found, nil
	}
	return nil, fmt.Errorf("block %d moved the pool's nonce past %d but holds no EIP-1559 transaction of the pool at it", lo, want.Nonce)
}

// poolTxIn is the pool's EIP-1559 transaction at the wanted nonce in block, if any.
func poolTxIn(block *gethtypes.Block, want L1Wants) *gethtypes.Transaction {
	for _, tx := range block.Transactions() {
		if tx.Nonce() != want.Nonce || tx.Type() != gethtypes.DynamicFeeTxType {
			continue
		}
		from, err := gethtypes.Sender(gethtypes.LatestSignerForChainID(tx.ChainId()), tx)
		if err == nil && from == want.Pool {
			return tx
		}
	}
	return nil
}

// maxBodiesPerPoll bounds the blocks one poll reads while scanning bodies, so a poll
// stays within its budget; the scan goes on from where it stopped at the next poll.
const maxBodiesPerPoll = 64

// bodyScan is where the scan for the transaction at a nonce goes on: the next block
// to read, going down.
type bodyScan struct{ poolTx, nonce, next uint64 }

// errStillScanning: the scan has blocks left for the next poll.
var errStillScanning = errors.New("pool state unavailable (a pruned L1 node?): scanning block bodies for the pool's transaction at the nonce")

// scanBodies looks for the pool's transaction at the nonce in the bodies of blocks
// [lo, height], from the top down (where it most likely is: it landed after the
// version the chain knows was signed), at most maxBodiesPerPoll per poll. Only block
// bodies are read, which a node keeps when it prunes state.
func (w *L1Watcher) scanBodies(ctx context.Context, want L1Wants, lo, height uint64) (*foundTx, error) {
	s := w.scan
	if s.poolTx != want.PoolTx || s.nonce != want.Nonce || s.next > height || s.next < lo {
		s = bodyScan{poolTx: want.PoolTx, nonce: want.Nonce, next: height}
	}
	for i := 0; i < maxBodiesPerPoll && s.next >= lo; i++ {
		n := s.next
		block, err := within(ctx, w.cfg.L1ReadTimeout, func(ctx context.Context) (*gethtypes.Block, error) {
			return w.cfg.L1.BlockByNumber(ctx, new(big.Int).SetUint64(n))
		})
		if err != nil {
			w.scan = s
			return nil, fmt.Errorf("block %d: %w", n, err)
		}
		if tx := poolTxIn(block, want); tx != nil {
			w.scan = bodyScan{}
			w.found = &foundTx{poolTx: want.PoolTx, nonce: want.Nonce, tx: tx, block: n}
			return w.found, nil
		}
		s.next--
	}
	if s.next < lo {
		w.scan = bodyScan{}
		return nil, fmt.Errorf("no EIP-1559 transaction of the pool at nonce %d in blocks %d..%d", want.Nonce, lo, height)
	}
	w.scan = s
	return nil, errStillScanning
}
