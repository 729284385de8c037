package contracts

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// txBatch sends transactions from one account with consecutive nonces and then waits for
// all of them at once, so a multi-step deployment costs one block per round instead of
// one block per transaction on a node that mines on its own.
//
// Gas is estimated against the latest block, so a transaction must not depend on another
// one of the same round: put dependent steps in a later round.
type txBatch struct {
	ctx      context.Context
	backend  bind.ContractBackend
	receipts bind.DeployBackend
	opts     bind.TransactOpts // a copy: the caller's opts (and its Nonce) are never changed
	nonce    uint64
	commit   func()
	sent     []sentTx
}

type sentTx struct {
	what string
	tx   *types.Transaction
}

func newTxBatch(ctx context.Context, backend bind.ContractBackend, auth *bind.TransactOpts, commit func()) (*txBatch, error) {
	receipts, ok := backend.(bind.DeployBackend)
	if !ok {
		return nil, errors.New("backend cannot report receipts (needs TransactionReceipt and CodeAt, as ethclient.Client has)")
	}
	opts := *auth
	opts.Context = ctx
	var nonce uint64
	if auth.Nonce != nil {
		nonce = auth.Nonce.Uint64()
	} else {
		var err error
		if nonce, err = backend.PendingNonceAt(ctx, auth.From); err != nil {
			return nil, fmt.Errorf("read nonce of %s: %w", auth.From, err)
		}
	}
	return &txBatch{ctx: ctx, backend: backend, receipts: receipts, opts: opts, nonce: nonce, commit: commit}, nil
}

// nextOpts returns transact options carrying the next nonce.
func (b *txBatch) nextOpts() *bind.TransactOpts {
	opts := b.opts
	opts.Nonce = new(big.Int).SetUint64(b.nonce)
	return &opts
}

// deploy sends a contract creation; the address is known before it is mined.
func (b *txBatch) deploy(what string, bytecodeHex string, constructorInput []byte) (common.Address, error) {
	addr, tx, err := bind.DeployContract(b.nextOpts(), common.FromHex(bytecodeHex), b.backend, constructorInput)
	if err != nil {
		return common.Address{}, fmt.Errorf("deploy %s: %w", what, err)
	}
	b.record(what, tx)
	return addr, nil
}

// transact sends a call of contract with the packed calldata.
func (b *txBatch) transact(what string, contract *bind.BoundContract, calldata []byte) error {
	tx, err := bind.Transact(contract, b.nextOpts(), calldata)
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	b.record(what, tx)
	return nil
}

func (b *txBatch) record(what string, tx *types.Transaction) {
	b.nonce++
	b.sent = append(b.sent, sentTx{what: what, tx: tx})
}

// wait mines the round (through the commit hook, if any), waits for every receipt and
// fails if any transaction reverted. It returns the receipts in sending order.
func (b *txBatch) wait() ([]*types.Receipt, error) {
	if len(b.sent) > 0 && b.commit != nil {
		if err := b.commitUntilIncluded(); err != nil {
			return nil, err
		}
	}
	receipts := make([]*types.Receipt, 0, len(b.sent))
	for _, s := range b.sent {
		receipt, err := bind.WaitMined(b.ctx, b.receipts, s.tx.Hash())
		if err != nil {
			return nil, fmt.Errorf("wait for %s (tx %s): %w", s.what, s.tx.Hash(), err)
		}
		if receipt.Status != types.ReceiptStatusSuccessful {
			return nil, fmt.Errorf("%s reverted (tx %s, block %d)", s.what, s.tx.Hash(), receipt.BlockNumber)
		}
		receipts = append(receipts, receipt)
	}
	b.sent = b.sent[:0]
	return receipts, nil
}

// maxCommits bounds the blocks commitUntilIncluded mines for one round.
const maxCommits = 10

// commitUntilIncluded mines blocks through the commit hook until every sent transaction has
// a receipt. One block is the rule, but the simulated backend sometimes seals a block
// without transactions its pool has only just accepted (the next block picks them up), and
// it may briefly answer "transaction indexing is in progress" for a fresh block.
func (b *txBatch) commitUntilIncluded() error {
	b.commit()
	commits := 1
	for {
		missing, err := b.firstMissing()
		switch {
		case missing == nil:
			return nil
		case errors.Is(err, ethereum.NotFound) && commits < maxCommits:
			b.commit()
			commits++
		case errors.Is(err, ethereum.NotFound):
			return fmt.Errorf("%s (tx %s) still not mined after %d blocks", missing.what, missing.tx.Hash(), commits)
		default:
			// Not an answer yet: ask again shortly, unless the caller gave up.
			select {
			case <-b.ctx.Done():
				return fmt.Errorf("wait for %s (tx %s): %w (last error: %v)", missing.what, missing.tx.Hash(), b.ctx.Err(), err)
			case <-time.After(10 * time.Millisecond):
			}
		}
	}
}

// firstMissing returns the first sent transaction without a receipt and the lookup error.
func (b *txBatch) firstMissing() (*sentTx, error) {
	for i := range b.sent {
		if _, err := b.receipts.TransactionReceipt(b.ctx, b.sent[i].tx.Hash()); err != nil {
			return &b.sent[i], err
		}
	}
	return nil, nil
}
