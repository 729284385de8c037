package differential

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	gethtypes "github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/themis-network/themis/bridge/listener/l1test"
)

// Client is the simulated L1 as both sides of the test need it. The owner calls
// (l1.Owner) wait for receipts, and the simulated chain mines only when told: a receipt
// that is not there yet is mined here, so each transaction lands in its own block. The
// bridge's listener confirms every range in one JSON-RPC batch: the batch is answered
// call by call in process (l1test), as the listener's own simulated-backend test does.
type Client struct {
	simulated.Client
	backend *simulated.Backend
}

// receiptAttempts bounds the wait for one receipt; a fresh block may briefly answer
// "transaction indexing is in progress", which only time cures.
const (
	receiptAttempts = 2000
	receiptCommits  = 5
)

// TransactionReceipt mines until the transaction is in a block, then returns its receipt.
func (c Client) TransactionReceipt(ctx context.Context, hash common.Hash) (*gethtypes.Receipt, error) {
	commits := 0
	for range receiptAttempts {
		r, err := c.Client.TransactionReceipt(ctx, hash)
		switch {
		case err == nil:
			return r, nil
		case ctx.Err() != nil:
			return nil, ctx.Err()
		case errors.Is(err, ethereum.NotFound) && commits < receiptCommits:
			// The pool holds it (or the sealed block missed it, which the simulated
			// backend occasionally does): one more block.
			c.backend.Commit()
			commits++
		default:
			time.Sleep(time.Millisecond)
		}
	}
	return nil, fmt.Errorf("transaction %s not mined after %d blocks", hash, commits)
}

// BatchCallContext answers a JSON-RPC batch from the simulated node (listener.BatchCaller).
func (c Client) BatchCallContext(ctx context.Context, b []rpc.BatchElem) error {
	return l1test.Batch(ctx, c.Client, b)
}
