package l2

import (
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	ethtypes "github.com/ethereum/go-ethereum/core/types"
)

// fakeNode is an L2 node over JSON-RPC (httptest) whose chain, availability and
// answers the test controls.
type fakeNode struct {
	srv *httptest.Server

	mu      sync.Mutex
	chainID uint64
	blocks  []*ethtypes.Header // blocks[h] is block h; the head is the last
	down    bool               // drop every connection
	// override, when set for a method, is the raw HTTP body answered instead (with
	// status, default 200); "%ID%" is replaced by the request id.
	override map[string]rawAnswer
	calls    map[string]int
	// extraBytes, when set, pads new blocks' extra data (big blocks).
	extraBytes int
	// rejected, when not nil, is served by themis_rejectedBlocks (entries of height >=
	// the asked one); nil: the method does not exist.
	rejected []RejectedBlockJSON
}

type rawAnswer struct {
	status int
	body   string
}

func newFakeNode(t *testing.T, chainID uint64, height uint64) *fakeNode {
	t.Helper()
	n := &fakeNode{chainID: chainID, override: map[string]rawAnswer{}, calls: map[string]int{}}
	n.extendTo(height, 0)
	n.srv = httptest.NewServer(http.HandlerFunc(n.serve))
	t.Cleanup(n.srv.Close)
	return n
}

// fakeHeader is block h on fork f (fork 0 is the main chain) on top of parent.
func fakeHeader(h uint64, fork byte, parent common.Hash) *ethtypes.Header {
	return &ethtypes.Header{
		ParentHash: parent, UncleHash: ethtypes.EmptyUncleHash, Root: common.Hash{0x5a, fork},
		TxHash: ethtypes.EmptyTxsHash, ReceiptHash: ethtypes.EmptyReceiptsHash, Difficulty: big.NewInt(0),
		Number: new(big.Int).SetUint64(h), GasLimit: 30_000_000, Time: 1_700_000_000 + h, Extra: []byte{fork},
	}
}

// extendTo grows (or cuts) the chain to height h, new blocks on fork f.
func (n *fakeNode) extendTo(h uint64, fork byte) {
	n.mu.Lock()
	defer n.mu.Unlock()
	if uint64(len(n.blocks)) > h+1 {
		n.blocks = n.blocks[:h+1]
	}
	for i := uint64(len(n.blocks)); i <= h; i++ {
		var parent common.Hash
		if i > 0 {
			parent = n.blocks[i-1].Hash()
		}
		h := fakeHeader(i, fork, parent)
		if n.extraBytes > 0 {
			h.Extra = make([]byte, n.extraBytes)
			h.Extra[0] = fork
		}
		n.blocks = append(n.blocks, h)
	}
}

// hashAt is the hash of block h.
func (n *fakeNode) hashAt(h uint64) common.Hash {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.blocks[h].Hash()
}

// replaceHead puts another block at the head's height (a same-height reorg).
func (n *fakeNode) replaceHead(fork byte) {
	n.mu.Lock()
	defer n.mu.Unlock()
	h := uint64(len(n.blocks) - 1)
	n.blocks[h] = fakeHeader(h, fork, n.blocks[h].ParentHash)
}

func (n *fakeNode) setDown(down bool) {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.down = down
}

func (n *fakeNode) setOverride(method string, status int, body string) {
	n.mu.Lock()
	defer n.mu.Unlock()
	if body == "" {
		delete(n.override, method)
		return
	}
	n.override[method] = rawAnswer{status, body}
}

func (n *fakeNode) setRejected(entries []RejectedBlockJSON) {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.rejected = entries
}

func (n *fakeNode) setChainID(id uint64) {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.chainID = id
}

func (n *fakeNode) callCount(method string) int {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.calls[method]
}

func (n *fakeNode) serve(w http.ResponseWriter, r *http.Request) {
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.down {
		// Like a node that died mid-connection: the client sees EOF.
		if hj, ok := w.(http.Hijacker); ok {
			if conn, _, err := hj.Hijack(); err == nil {
				_ = conn.Close()
				return
			}
		}
		http.Error(w, "down", http.StatusBadGateway)
		return
	}
	body, _ := io.ReadAll(r.Body)
	if strings.HasPrefix(strings.TrimSpace(string(body)), "[") {
		var reqs []fakeRequest
		if err := json.Unmarshal(body, &reqs); err != nil {
			http.Error(w, "bad request", http.StatusBadRequest)
			return
		}
		answers := make([]map[string]any, 0, len(reqs))
		for _, req := range reqs {
			n.calls[req.Method]++
			answers = append(answers, n.answer(req))
		}
		if o, ok := n.override["batch"]; ok {
			w.WriteHeader(max(o.status, http.StatusOK))
			_, _ = io.WriteString(w, o.body)
			return
		}
		_ = json.NewEncoder(w).Encode(answers)
		return
	}
	var req fakeRequest
	if err := json.Unmarshal(body, &req); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	n.calls[req.Method]++
	if o, ok := n.override[req.Method]; ok {
		w.WriteHeader(max(o.status, http.StatusOK))
		_, _ = io.WriteString(w, strings.ReplaceAll(o.body, "%ID%", string(req.ID)))
		return
	}
	_ = json.NewEncoder(w).Encode(n.answer(req))
}

type fakeRequest struct {
	ID     json.RawMessage   `json:"id"`
	Method string            `json:"method"`
	Params []json.RawMessage `json:"params"`
}

// answer is the JSON-RPC answer to one call.
func (n *fakeNode) answer(req fakeRequest) map[string]any {
	var result any
	switch req.Method {
	case "eth_chainId":
		result = fmt.Sprintf("0x%x", n.chainID)
	case "eth_blockNumber":
		result = fmt.Sprintf("0x%x", len(n.blocks)-1)
	case "eth_getBlockByNumber":
		var tag string
		if len(req.Params) != 2 || json.Unmarshal(req.Params[0], &tag) != nil || string(req.Params[1]) != "false" {
			return map[string]any{"jsonrpc": "2.0", "id": req.ID, "error": map[string]any{"code": -32602, "message": "bad params"}}
		}
		h, err := hexutil.DecodeUint64(tag)
		if err != nil || h >= uint64(len(n.blocks)) {
			result = nil
			break
		}
		result = blockResult(n.blocks[h])
	case MethodRejectedBlocks:
		if n.rejected == nil {
			return map[string]any{"jsonrpc": "2.0", "id": req.ID, "error": map[string]any{"code": -32601, "message": "method not found"}}
		}
		var from hexutil.Uint64
		if len(req.Params) != 1 || json.Unmarshal(req.Params[0], &from) != nil {
			return map[string]any{"jsonrpc": "2.0", "id": req.ID, "error": map[string]any{"code": -32602, "message": "bad params"}}
		}
		list := []RejectedBlockJSON{}
		for _, e := range n.rejected {
			if e.Number >= from {
				list = append(list, e)
			}
		}
		result = list
	default:
		return map[string]any{"jsonrpc": "2.0", "id": req.ID, "error": map[string]any{"code": -32601, "message": "method not found"}}
	}
	return map[string]any{"jsonrpc": "2.0", "id": req.ID, "result": result}
}

// blockResult is h as eth_getBlockByNumber(n, false) answers it.
func blockResult(h *ethtypes.Header) map[string]any {
	raw, err := EncodeBlock(h)
	if err != nil {
		panic(err)
	}
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		panic(err)
	}
	return m
}
