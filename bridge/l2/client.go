package l2

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"
)

// client is a minimal JSON-RPC 2.0 client over HTTP for the three methods the watcher
// needs. It is used by one goroutine (Watcher.Run) at a time.
type client struct {
	url     string
	timeout time.Duration
	http    *http.Client
	nextID  uint64
}

func newClient(url string, timeout time.Duration) *client {
	// An own connection pool, so that closing it when the watcher stops leaves other
	// users of http.DefaultTransport alone. The per-call context bounds each call.
	var rt http.RoundTripper = http.DefaultTransport
	if t, ok := http.DefaultTransport.(*http.Transport); ok {
		rt = t.Clone()
	}
	return &client{url: url, timeout: timeout, http: &http.Client{Transport: rt}}
}

// closeIdle drops kept-alive connections (when the watcher stops).
func (c *client) closeIdle() { c.http.CloseIdleConnections() }

// call sends one call and returns its raw result (possibly the JSON null).
func (c *client) call(ctx context.Context, method string, params ...any) (json.RawMessage, error) {
	if params == nil {
		params = []any{} // some nodes refuse "params": null
	}
	c.nextID++
	id := c.nextID
	body, err := json.Marshal(struct {
		JSONRPC string `json:"jsonrpc"`
		ID      uint64 `json:"id"`
		Method  string `json:"method"`
		Params  []any  `json:"params"`
	}{"2.0", id, method, params})
	if err != nil {
		return nil, fmt.Errorf("%s: encoding the request: %w", method, err)
	}
	ctx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.url, bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", method, err)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", method, err)
	}
	defer resp.Body.Close()
	if resp.ContentLength > MaxResponseBytes {
		return nil, fmt.Errorf("%w: %s: answer of %d bytes exceeds %d", ErrMalformed, method, resp.ContentLength, MaxResponseBytes)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, MaxResponseBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%s: reading the answer: %w", method, err)
	}
	if len(data) > MaxResponseBytes {
		return nil, fmt.Errorf("%w: %s: answer exceeds %d bytes", ErrMalformed, method, MaxResponseBytes)
	}
	result, err := decodeResponse(resp.StatusCode, data, id)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", method, err)
	}
	return result, nil
}

// chainID is eth_chainId.
func (c *client) chainID(ctx context.Context) (uint64, error) {
	raw, err := c.call(ctx, "eth_chainId")
	if err != nil {
		return 0, err
	}
	id, err := decodeQuantity(raw, "chain id")
	if err != nil {
		return 0, fmt.Errorf("eth_chainId: %w", err)
	}
	return id, nil
}

// blockNumber is eth_blockNumber: the node's head height.
func (c *client) blockNumber(ctx context.Context) (uint64, error) {
	raw, err := c.call(ctx, "eth_blockNumber")
	if err != nil {
		return 0, err
	}
	n, err := decodeQuantity(raw, "block number")
	if err != nil {
		return 0, fmt.Errorf("eth_blockNumber: %w", err)
	}
	return n, nil
}

// block is eth_getBlockByNumber(n, false), checked to be block n.
func (c *client) block(ctx context.Context, n uint64) (Head, error) {
	raw, err := c.call(ctx, "eth_getBlockByNumber", "0x"+strconv.FormatUint(n, 16), false)
	if err != nil {
		return Head{}, err
	}
	h, err := decodeBlock(raw, n)
	if err != nil {
		return Head{}, fmt.Errorf("eth_getBlockByNumber: %w", err)
	}
	return h, nil
}
