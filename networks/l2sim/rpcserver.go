package l2sim

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/themis-network/themis/bridge/l2"
)

// Limits of the JSON-RPC server. The bridge and the peers send single calls or a few
// dozen in a batch; one block is under 1 KB.
const (
	maxRequestBody   = 1 << 20 // HTTP 413 above
	maxBatchItems    = 100
	maxBatchResponse = 1 << 20
)

// Handler serves JSON-RPC on "/" and the admin endpoints under "/admin/".
func (n *Node) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("/{$}", n.rpc) // "/" alone: another path is a 404, not a JSON-RPC call
	mux.HandleFunc("/admin/fault", n.serveFault)
	mux.HandleFunc("/admin/status", n.serveStatus)
	mux.HandleFunc("/admin/faults", n.serveFaults)
	return mux
}

// newRPCServer is go-ethereum's JSON-RPC server (batches, notifications, error codes,
// parameter decoding) with the eth methods of n.
func newRPCServer(n *Node) (*rpc.Server, error) {
	srv := rpc.NewServer()
	srv.SetBatchLimits(maxBatchItems, maxBatchResponse)
	srv.SetHTTPBodyLimit(maxRequestBody)
	if err := srv.RegisterName("eth", &ethAPI{n: n}); err != nil {
		return nil, fmt.Errorf("l2sim: JSON-RPC: %w", err)
	}
	if err := srv.RegisterName("themis", &themisAPI{n: n}); err != nil {
		return nil, fmt.Errorf("l2sim: JSON-RPC: %w", err)
	}
	return srv, nil
}

// themisAPI is the "themis" namespace: what the simulator serves beyond Ethereum's
// methods for themis' evidence (bridge/l2: themis_rejectedBlocks).
type themisAPI struct{ n *Node }

// RejectedBlocks is themis_rejectedBlocks(from): the blocks this node refused for a
// wrong state root with height >= from, oldest refused first, at most
// l2.MaxRejectedBlocks (the newest when more match).
func (a *themisAPI) RejectedBlocks(from hexutil.Uint64) ([]l2.RejectedBlockJSON, error) {
	blocks := a.n.rejected.since(uint64(from), l2.MaxRejectedBlocks)
	out := make([]l2.RejectedBlockJSON, 0, len(blocks))
	for _, b := range blocks {
		e, err := l2.EncodeRejectedBlock(b.Header, l2.ReasonWrongStateRoot)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, nil
}

// ethAPI is the "eth" namespace: the methods the bridge and the peers read. The rpc
// server names them eth_chainId, eth_blockNumber and eth_getBlockByNumber.
type ethAPI struct{ n *Node }

// ChainId is eth_chainId.
func (a *ethAPI) ChainId() hexutil.Uint64 { // not ChainID: the name makes the method eth_chainId
	return hexutil.Uint64(a.n.cfg.ChainID)
}

// BlockNumber is eth_blockNumber: the head height.
func (a *ethAPI) BlockNumber() hexutil.Uint64 {
	return hexutil.Uint64(a.n.store.Head().Height())
}

// GetBlockByNumber is eth_getBlockByNumber. fullTx changes nothing: blocks list no
// transactions. An unknown height is null, as geth answers it.
func (a *ethAPI) GetBlockByNumber(ctx context.Context, number rpc.BlockNumber, fullTx bool) (json.RawMessage, error) {
	h, err := a.n.height(number)
	if err != nil {
		return nil, err
	}
	b, ok := a.n.servedBlock(h, rpc.PeerInfoFromContext(ctx).HTTP.UserAgent == peerUserAgent)
	if !ok {
		return nil, nil
	}
	return l2.EncodeBlock(b.Header)
}

// height turns a block parameter into a height. "safe" and "finalized" are refused:
// the simulator has no finality to report, and answering the head would claim one.
func (n *Node) height(number rpc.BlockNumber) (uint64, error) {
	switch number {
	case rpc.LatestBlockNumber, rpc.PendingBlockNumber:
		return n.store.Head().Height(), nil
	case rpc.EarliestBlockNumber:
		return 0, nil
	case rpc.SafeBlockNumber, rpc.FinalizedBlockNumber:
		return 0, &invalidParamsError{fmt.Sprintf("invalid argument 0: block %q: l2sim has no finality; ask for a number, \"latest\", \"pending\" or \"earliest\"", number.String())}
	}
	if number < 0 {
		return 0, &invalidParamsError{fmt.Sprintf("invalid argument 0: unknown block tag %d", number)}
	}
	return uint64(number), nil
}

// invalidParamsError is answered with JSON-RPC code -32602, as the rpc server answers
// parameters it cannot decode.
type invalidParamsError struct{ msg string }

func (e *invalidParamsError) Error() string  { return e.msg }
func (e *invalidParamsError) ErrorCode() int { return -32602 }
