// Package l2test is an L2 node for tests of the L2's consumers: a chain of go-ethereum
// headers that the test grows, served by go-ethereum's rpc server the way a geth
// serves them (eth_chainId, eth_blockNumber, eth_getBlockByNumber), with a switch that
// makes it answer HTTP 503.
package l2test

import (
	"encoding/json"
	"errors"
	"math/big"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	ethtypes "github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/themis-network/themis/bridge/l2"
)

// Node is the test L2 node.
type Node struct {
	srv *httptest.Server

	mu      sync.Mutex
	chainID uint64
	headers []*ethtypes.Header // headers[h] is block h; the head is the last
	down    bool
}

// New starts a node of chain chainID with blocks 0..height; it stops with the test.
func New(t testing.TB, chainID, height uint64) *Node {
	t.Helper()
	n := &Node{chainID: chainID}
	n.ExtendTo(height)
	rpcSrv := rpc.NewServer()
	if err := rpcSrv.RegisterName("eth", &ethAPI{n}); err != nil {
		t.Fatal(err)
	}
	n.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if n.isDown() {
			http.Error(w, "L2 node down", http.StatusServiceUnavailable)
			return
		}
		rpcSrv.ServeHTTP(w, r)
	}))
	t.Cleanup(func() { n.srv.Close(); rpcSrv.Stop() })
	return n
}

// URL is the node's JSON-RPC endpoint.
func (n *Node) URL() string { return n.srv.URL }

// ExtendTo grows (or cuts) the chain to height h.
func (n *Node) ExtendTo(h uint64) {
	n.mu.Lock()
	defer n.mu.Unlock()
	if uint64(len(n.headers)) > h+1 {
		n.headers = n.headers[:h+1]
	}
	for i := uint64(len(n.headers)); i <= h; i++ {
		var parent common.Hash
		if i > 0 {
			parent = n.headers[i-1].Hash()
		}
		n.headers = append(n.headers, &ethtypes.Header{
			ParentHash: parent, UncleHash: ethtypes.EmptyUncleHash, Root: common.BigToHash(new(big.Int).SetUint64(i)),
			TxHash: ethtypes.EmptyTxsHash, ReceiptHash: ethtypes.EmptyReceiptsHash, Difficulty: new(big.Int),
			Number: new(big.Int).SetUint64(i), GasLimit: 30_000_000, Time: 1_700_000_000 + i,
		})
	}
}

// Advance adds one block.
func (n *Node) Advance() { n.ExtendTo(n.Head().Number.Uint64() + 1) }

// Head is the node's head header.
func (n *Node) Head() *ethtypes.Header {
	n.mu.Lock()
	defer n.mu.Unlock()
	return ethtypes.CopyHeader(n.headers[len(n.headers)-1])
}

// SetDown makes every call answer HTTP 503 (true) or be served again (false).
func (n *Node) SetDown(down bool) {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.down = down
}

func (n *Node) isDown() bool {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.down
}

// ethAPI is the eth namespace the node serves.
type ethAPI struct{ n *Node }

func (a *ethAPI) ChainId() hexutil.Uint64 { //nolint:revive // the JSON-RPC method is eth_chainId
	a.n.mu.Lock()
	defer a.n.mu.Unlock()
	return hexutil.Uint64(a.n.chainID)
}

func (a *ethAPI) BlockNumber() hexutil.Uint64 { return hexutil.Uint64(a.n.Head().Number.Uint64()) }

// GetBlockByNumber answers as geth does: the header's fields and hash, the members a
// block adds, and null for a block the node does not have.
func (a *ethAPI) GetBlockByNumber(number rpc.BlockNumber, _ bool) (json.RawMessage, error) {
	a.n.mu.Lock()
	defer a.n.mu.Unlock()
	h := uint64(len(a.n.headers) - 1)
	switch {
	case number == rpc.LatestBlockNumber || number == rpc.PendingBlockNumber:
	case number >= 0:
		if uint64(number) > h {
			return nil, nil
		}
		h = uint64(number)
	default:
		return nil, errors.New("l2test serves latest, pending and numbered blocks")
	}
	return BlockResult(a.n.headers[h])
}

// BlockResult is h as eth_getBlockByNumber(n, false) answers it (l2.EncodeBlock).
func BlockResult(h *ethtypes.Header) (json.RawMessage, error) { return l2.EncodeBlock(h) }
