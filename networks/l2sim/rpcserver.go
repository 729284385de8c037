package l2sim

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/ethereum/go-ethereum/common/hexutil"
)

// maxRequestBody bounds a JSON-RPC request body.
const maxRequestBody = 1 << 20

// Handler serves JSON-RPC on "/" and the admin endpoints under "/admin/".
func (n *Node) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/", n.serveRPC)
	mux.HandleFunc("/admin/fault", n.serveFault)
	mux.HandleFunc("/admin/status", n.serveStatus)
	mux.HandleFunc("/admin/faults", n.serveFaults)
	return mux
}

// serveRPC answers a JSON-RPC 2.0 call or batch sent by HTTP POST.
func (n *Node) serveRPC(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != "/" {
		http.NotFound(w, r)
		return
	}
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		http.Error(w, "JSON-RPC wants HTTP POST", http.StatusMethodNotAllowed)
		return
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, maxRequestBody+1))
	if err != nil {
		http.Error(w, "cannot read the request body", http.StatusBadRequest)
		return
	}
	if len(body) > maxRequestBody {
		writeJSON(w, http.StatusRequestEntityTooLarge, rpcResponse{JSONRPC: "2.0", ID: json.RawMessage("null"),
			Error: &RPCError{codeInvalidRequest, fmt.Sprintf("invalid request: body larger than %d bytes", maxRequestBody)}})
		return
	}
	reqs, batch, rerr := DecodeRPCRequests(body)
	if rerr != nil {
		writeJSON(w, http.StatusOK, rpcResponse{JSONRPC: "2.0", ID: json.RawMessage("null"), Error: rerr})
		return
	}
	var out []rpcResponse
	for _, req := range reqs {
		resp := n.answer(req)
		if req.ID == nil && req.Err == nil {
			continue // a notification gets no answer
		}
		out = append(out, resp)
	}
	switch {
	case len(out) == 0:
		w.WriteHeader(http.StatusNoContent)
	case batch:
		writeJSON(w, http.StatusOK, out)
	default:
		writeJSON(w, http.StatusOK, out[0])
	}
}

// answer runs one call.
func (n *Node) answer(req RPCRequest) rpcResponse {
	resp := rpcResponse{JSONRPC: "2.0", ID: req.ID}
	if req.Err != nil {
		resp.Error = req.Err
		return resp
	}
	result, err := n.call(req.Method, req.Params)
	if err != nil {
		resp.Error = err
		return resp
	}
	// "result": null must be sent (an unknown block); omitempty would drop a nil any.
	if result == nil {
		result = json.RawMessage("null")
	}
	resp.Result = result
	return resp
}

// call dispatches a method.
func (n *Node) call(method string, params []json.RawMessage) (any, *RPCError) {
	switch method {
	case "eth_chainId":
		if err := wantParams(params, 0, 0); err != nil {
			return nil, err
		}
		return hexutil.Uint64(n.cfg.ChainID), nil
	case "eth_blockNumber":
		if err := wantParams(params, 0, 0); err != nil {
			return nil, err
		}
		return hexutil.Uint64(n.store.Head().Height), nil
	case "eth_getBlockByNumber":
		return n.getBlockByNumber(params)
	default:
		return nil, &RPCError{codeMethodNotFound, fmt.Sprintf("the method %s does not exist/is not available (l2sim serves eth_chainId, eth_blockNumber, eth_getBlockByNumber)", method)}
	}
}

// getBlockByNumber: params [block tag or hex number, fullTx bool (optional)].
func (n *Node) getBlockByNumber(params []json.RawMessage) (any, *RPCError) {
	if err := wantParams(params, 1, 2); err != nil {
		return nil, err
	}
	h, err := n.parseBlockParam(params[0])
	if err != nil {
		return nil, err
	}
	if len(params) == 2 {
		var full bool
		if json.Unmarshal(params[1], &full) != nil {
			return nil, &RPCError{codeInvalidParams, "invalid argument 1: the second parameter (full transactions) must be a boolean"}
		}
	}
	b, ok := n.servedBlock(h)
	if !ok {
		return nil, nil
	}
	return toBlockJSON(&b), nil
}

// parseBlockParam turns "latest", "pending", "earliest" or a 0x quantity into a height.
// "safe" and "finalized" are refused: the simulator has no finality to report.
func (n *Node) parseBlockParam(raw json.RawMessage) (uint64, *RPCError) {
	var s string
	if json.Unmarshal(raw, &s) != nil {
		return 0, &RPCError{codeInvalidParams, "invalid argument 0: the block must be a string: a tag or a 0x hex number"}
	}
	switch s {
	case "latest", "pending":
		return n.store.Head().Height, nil
	case "earliest":
		return 0, nil
	}
	if !strings.HasPrefix(s, "0x") {
		return 0, &RPCError{codeInvalidParams, fmt.Sprintf("invalid argument 0: block %q is neither latest, pending, earliest nor a 0x hex number", s)}
	}
	h, err := hexutil.DecodeUint64(s)
	if err != nil {
		return 0, &RPCError{codeInvalidParams, fmt.Sprintf("invalid argument 0: block number %q: %v", s, err)}
	}
	return h, nil
}

// wantParams checks the number of positional parameters.
func wantParams(params []json.RawMessage, minN, maxN int) *RPCError {
	if len(params) < minN || len(params) > maxN {
		if minN == maxN {
			return &RPCError{codeInvalidParams, fmt.Sprintf("invalid params: want %d, got %d", minN, len(params))}
		}
		return &RPCError{codeInvalidParams, fmt.Sprintf("invalid params: want %d to %d, got %d", minN, maxN, len(params))}
	}
	return nil
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v) // the client may be gone; nothing to do about it
}
