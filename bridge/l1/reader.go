package l1

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	gethtypes "github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/themis-network/themis/x/sequencer/observer"
	seqtypes "github.com/themis-network/themis/x/sequencer/types"
)

// Client is the part of an L1 JSON-RPC client the reader uses.
type Client interface {
	ChainID(ctx context.Context) (*big.Int, error)
	BlockNumber(ctx context.Context) (uint64, error)
	TransactionReceipt(ctx context.Context, txHash common.Hash) (*gethtypes.Receipt, error)
}

// DefaultHeadTTL is how long a head number is reused: one vote asks about many items,
// and one head read per vote is enough.
const DefaultHeadTTL = 250 * time.Millisecond

// Reader reads relayed events back from this validator's own L1 node; it implements
// x/sequencer's observer.L1Reader. Every call honours the caller's deadline (the
// vote-extension budget).
type Reader struct {
	client  Client
	headTTL time.Duration
	now     func() time.Time

	mu      sync.Mutex
	chainID uint64 // 0 until the first successful read; a node's chain id never changes
	head    uint64
	headAt  time.Time
}

var _ observer.L1Reader = (*Reader)(nil)

// NewReader reads through client.
func NewReader(client Client) *Reader {
	return &Reader{client: client, headTTL: DefaultHeadTTL, now: time.Now}
}

// DialReader connects to an L1 JSON-RPC endpoint (http, ws or ipc). For http the
// connection is made on first use, so a node starts even while its L1 node is down.
func DialReader(ctx context.Context, url string) (*Reader, error) {
	client, err := ethclient.DialContext(ctx, url)
	if err != nil {
		return nil, fmt.Errorf("l1 rpc %q: %w", url, err)
	}
	return NewReader(client), nil
}

// ChainID implements observer.L1Reader.
func (r *Reader) ChainID(ctx context.Context) (uint64, error) {
	r.mu.Lock()
	cached := r.chainID
	r.mu.Unlock()
	if cached != 0 {
		return cached, nil
	}
	id, err := r.client.ChainID(ctx)
	if err != nil {
		return 0, err
	}
	if !id.IsUint64() {
		return 0, fmt.Errorf("l1 chain id %s does not fit 64 bits", id)
	}
	r.mu.Lock()
	r.chainID = id.Uint64()
	r.mu.Unlock()
	return id.Uint64(), nil
}

// HeadNumber implements observer.L1Reader.
func (r *Reader) HeadNumber(ctx context.Context) (uint64, error) {
	r.mu.Lock()
	if !r.headAt.IsZero() && r.now().Sub(r.headAt) < r.headTTL {
		head := r.head
		r.mu.Unlock()
		return head, nil
	}
	r.mu.Unlock()
	head, err := r.client.BlockNumber(ctx)
	if err != nil {
		return 0, err
	}
	r.mu.Lock()
	r.head, r.headAt = head, r.now()
	r.mu.Unlock()
	return head, nil
}

// EventAt implements observer.L1Reader: the receipt of ref's transaction, the log at
// ref's index, emitted by contract, decoded. A transaction the node does not know, a
// failed one, a missing log, a log of another contract or event, or one that does not
// decode all mean "no such staking event" (a NO vote once confirmed); only transport
// errors leave the question open.
func (r *Reader) EventAt(ctx context.Context, contract string, ref seqtypes.L1EventRef) (seqtypes.L1EventMsg, uint64, error) {
	if !common.IsHexAddress(contract) {
		return nil, 0, fmt.Errorf("staking contract %q is not an address", contract)
	}
	receipt, err := r.client.TransactionReceipt(ctx, common.HexToHash(ref.TxHash))
	if errors.Is(err, ethereum.NotFound) {
		return nil, 0, observer.ErrLogNotFound
	}
	if err != nil {
		return nil, 0, err
	}
	if receipt.Status != gethtypes.ReceiptStatusSuccessful || receipt.BlockNumber == nil {
		return nil, 0, observer.ErrLogNotFound
	}
	want := common.HexToAddress(contract)
	for _, log := range receipt.Logs {
		if uint64(log.Index) != ref.LogIndex {
			continue
		}
		if log.Address != want || log.Removed || !strings.EqualFold(log.TxHash.Hex(), ref.TxHash) {
			return nil, 0, observer.ErrLogNotFound
		}
		msg, err := DecodeStakingLog(*log)
		if err != nil {
			return nil, 0, observer.ErrLogNotFound
		}
		return msg, receipt.BlockNumber.Uint64(), nil
	}
	return nil, 0, observer.ErrLogNotFound
}
