package l2

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/rpc"
)

// maxResponseHeaderBytes bounds an answer's HTTP headers (Go's default is 10 MiB).
const maxResponseHeaderBytes = 64 << 10

// Client reads an L2 node over Ethereum JSON-RPC with go-ethereum's rpc client. Every
// call has a time budget (the request timeout, inside the caller's context), every
// answer a size limit, and every block is checked (decodeBlock). It is safe for
// concurrent use.
type Client struct {
	rpc      *rpc.Client
	http     *http.Client
	timeout  time.Duration
	endpoint string // for errors and logs: without a password
}

// Dial makes a client of the L2 node at rawURL (http or https). Nothing is sent yet.
func Dial(rawURL string, requestTimeout time.Duration) (*Client, error) {
	endpoint, err := checkHTTPURL(rawURL)
	if err != nil {
		return nil, err
	}
	if requestTimeout <= 0 {
		requestTimeout = DefaultRequestTimeout
	}
	// An own connection pool, so that closing it leaves other users of
	// http.DefaultTransport alone.
	var base http.RoundTripper = http.DefaultTransport
	if t, ok := http.DefaultTransport.(*http.Transport); ok {
		t = t.Clone()
		t.MaxResponseHeaderBytes = maxResponseHeaderBytes
		base = t
	}
	hc := &http.Client{
		Transport: limitedTransport{next: base, limit: MaxResponseBytes},
		// A redirect would re-send the call to wherever the endpoint points (307/308
		// keep the POST body): other services on the validator's network included.
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	c, err := rpc.DialOptions(context.Background(), rawURL, rpc.WithHTTPClient(hc))
	if err != nil {
		return nil, fmt.Errorf("l2 rpc %s: %w", endpoint, err)
	}
	return &Client{rpc: c, http: hc, timeout: requestTimeout, endpoint: endpoint}, nil
}

// SetUserAgent sets the User-Agent header of every call (the rpc client's own by
// default), so a node's logs and policies can tell its readers apart.
func (c *Client) SetUserAgent(ua string) { c.rpc.SetHeader("User-Agent", ua) }

// Close ends the client and drops its kept-alive connections.
func (c *Client) Close() {
	c.rpc.Close()
	c.http.CloseIdleConnections()
}

// Endpoint is the node's URL without a password.
func (c *Client) Endpoint() string { return c.endpoint }

// ChainID is eth_chainId.
func (c *Client) ChainID(ctx context.Context) (uint64, error) {
	return c.quantity(ctx, "eth_chainId", "chain id")
}

// BlockNumber is eth_blockNumber: the node's head height.
func (c *Client) BlockNumber(ctx context.Context) (uint64, error) {
	return c.quantity(ctx, "eth_blockNumber", "block number")
}

// BlockByNumber is eth_getBlockByNumber(n, false), checked to be block n with the hash
// of its header. A block the node does not have is ErrNoBlock.
func (c *Client) BlockByNumber(ctx context.Context, n uint64) (Block, error) {
	var raw json.RawMessage
	if err := c.call(ctx, &raw, "eth_getBlockByNumber", hexutil.Uint64(n), false); err != nil {
		return Block{}, err
	}
	b, err := decodeBlock(raw, n)
	if err != nil {
		return Block{}, fmt.Errorf("eth_getBlockByNumber: %w", err)
	}
	return b, nil
}

// Head reads the node's head block: its height, then that block. (The tag "latest"
// would save a round trip but lets the node answer any block; asking by number lets
// the answer be checked.)
func (c *Client) Head(ctx context.Context) (Block, error) {
	n, err := c.BlockNumber(ctx)
	if err != nil {
		return Block{}, err
	}
	return c.BlockByNumber(ctx, n)
}

// quantity calls a method whose result is one JSON-RPC quantity.
func (c *Client) quantity(ctx context.Context, method, field string) (uint64, error) {
	var raw json.RawMessage
	if err := c.call(ctx, &raw, method); err != nil {
		return 0, err
	}
	v, err := decodeQuantity(raw, field)
	if err != nil {
		return 0, fmt.Errorf("%s: %w", method, err)
	}
	return v, nil
}

// call runs one call within the request timeout.
func (c *Client) call(ctx context.Context, result any, method string, args ...any) error {
	ctx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	if err := c.rpc.CallContext(ctx, result, method, args...); err != nil {
		return fmt.Errorf("%s: %w", method, describe(err))
	}
	return nil
}

// RPCError is a JSON-RPC error object the L2 node answered.
type RPCError struct {
	Code    int
	Message string
}

func (e *RPCError) Error() string {
	return fmt.Sprintf("L2 node answered JSON-RPC error %d: %s", e.Code, clip(e.Message))
}

// describe turns the rpc client's errors into this package's: the node's error object
// as an *RPCError, an undecodable answer as ErrMalformed, an error page with its status
// and a clipped body. Transport errors and timeouts pass through.
func describe(err error) error {
	var rpcErr rpc.Error
	var httpErr rpc.HTTPError
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &httpErr):
		return fmt.Errorf("HTTP %d: %s", httpErr.StatusCode, clip(string(httpErr.Body)))
	case errors.As(err, &rpcErr):
		return &RPCError{Code: rpcErr.ErrorCode(), Message: rpcErr.Error()}
	case errors.Is(err, ErrMalformed):
		return err
	case errors.Is(err, rpc.ErrNoResult):
		return fmt.Errorf("%w: answer has neither result nor error", ErrMalformed)
	case errors.Is(err, rpc.ErrMissingBatchResponse):
		return fmt.Errorf("%w: the batch answer lacks this call", ErrMalformed)
	case errors.As(err, &syntax), errors.As(err, &typ), errors.Is(err, io.ErrUnexpectedEOF):
		return fmt.Errorf("%w: answer is not JSON-RPC: %s", ErrMalformed, clip(err.Error()))
	}
	return err
}

// decodeQuantity decodes a result that must be a JSON-RPC quantity ("0x1a").
func decodeQuantity(raw json.RawMessage, field string) (uint64, error) {
	if s := strings.TrimSpace(string(raw)); s == "" || s == "null" {
		return 0, fmt.Errorf("%w: %s is missing", ErrMalformed, field)
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return 0, fmt.Errorf("%w: %s must be a hex string, got JSON %s", ErrMalformed, field, clip(string(raw)))
	}
	v, err := hexutil.DecodeUint64(s)
	if err != nil {
		return 0, fmt.Errorf("%w: %s %q: %v", ErrMalformed, field, clip(s), err)
	}
	return v, nil
}

// checkHTTPURL accepts an http or https URL with a host and returns it redacted.
func checkHTTPURL(rawURL string) (string, error) {
	if rawURL == "" {
		return "", errors.New("l2 rpc: no URL given")
	}
	u, err := url.Parse(rawURL)
	if err != nil {
		return "", fmt.Errorf("l2 rpc is not a valid URL: %v", urlProblem(err))
	}
	if (!strings.EqualFold(u.Scheme, "http") && !strings.EqualFold(u.Scheme, "https")) || u.Host == "" {
		return "", fmt.Errorf("l2 rpc must be an http or https URL with a host, got %q", u.Redacted())
	}
	return u.Redacted(), nil
}

// urlProblem is a URL parse error without the URL, which may hold a password.
func urlProblem(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}
