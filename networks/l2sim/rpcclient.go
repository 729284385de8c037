package l2sim

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync/atomic"

	"github.com/ethereum/go-ethereum/common/hexutil"
)

// maxRPCBody bounds a peer's answer; one block is about 1.5 KB.
const maxRPCBody = 1 << 20

// peerClient calls another l2sim node's JSON-RPC.
type peerClient struct {
	url    string
	http   *http.Client
	nextID atomic.Uint64
}

// call sends one JSON-RPC call and returns its raw result.
func (c *peerClient) call(ctx context.Context, method string, params ...any) (json.RawMessage, error) {
	if params == nil {
		params = []any{}
	}
	body, err := json.Marshal(map[string]any{"jsonrpc": "2.0", "id": c.nextID.Add(1), "method": method, "params": params})
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.url, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxRPCBody+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxRPCBody {
		return nil, fmt.Errorf("%s: answer larger than %d bytes", method, maxRPCBody)
	}
	return decodeRPCResponse(method, resp.StatusCode, data)
}

// decodeRPCResponse extracts the result of a single call's answer.
func decodeRPCResponse(method string, status int, data []byte) (json.RawMessage, error) {
	var out struct {
		Result json.RawMessage `json:"result"`
		Error  *RPCError       `json:"error"`
	}
	if err := json.Unmarshal(data, &out); err != nil {
		return nil, fmt.Errorf("%s: HTTP %d, answer is not JSON-RPC: %s", method, status, snippet(data))
	}
	if out.Error != nil {
		return nil, fmt.Errorf("%s: %w", method, out.Error)
	}
	if out.Result == nil {
		return nil, fmt.Errorf("%s: HTTP %d, answer has no result", method, status)
	}
	return out.Result, nil
}

// blockNumber is the peer's head height.
func (c *peerClient) blockNumber(ctx context.Context) (uint64, error) {
	raw, err := c.call(ctx, "eth_blockNumber")
	if err != nil {
		return 0, err
	}
	var n hexutil.Uint64
	if err := json.Unmarshal(raw, &n); err != nil {
		return 0, fmt.Errorf("eth_blockNumber: %w", err)
	}
	return uint64(n), nil
}

// blockAt is the peer's block at height h (found false: it has none).
func (c *peerClient) blockAt(ctx context.Context, h uint64) (Block, bool, error) {
	raw, err := c.call(ctx, "eth_getBlockByNumber", hexutil.Uint64(h).String(), false)
	if err != nil {
		return Block{}, false, err
	}
	b, found, err := DecodeBlockJSON(raw)
	if err != nil {
		return Block{}, false, fmt.Errorf("eth_getBlockByNumber(%d): %w", h, err)
	}
	if found && b.Height != h {
		return Block{}, false, fmt.Errorf("eth_getBlockByNumber(%d) answered block %d", h, b.Height)
	}
	return b, found, nil
}

// normalizePeer trims a peer URL and checks it is http(s).
func normalizePeer(u string) (string, error) {
	u = strings.TrimSpace(u)
	if err := checkHTTPURL(u); err != nil {
		return "", fmt.Errorf("peer %q: %w", u, err)
	}
	return u, nil
}
