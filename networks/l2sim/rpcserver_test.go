package l2sim

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"math/big"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	ethtypes "github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/themis-network/themis/bridge/l2"
	epochtypes "github.com/themis-network/themis/x/epoch/types"
)

// idleNode runs a node nobody schedules, holding blocks 1..3 of a test chain.
func idleNode(t *testing.T) (*Node, []Block) {
	t.Helper()
	n, _ := startNode(t, Config{Key: testKey(t), Schedule: &FakeSchedule{}})
	blocks, _ := buildChain(t, 3)
	if err := n.store.Append(blocks[1:]...); err != nil {
		t.Fatal(err)
	}
	return n, blocks
}

func post(t *testing.T, url, body string) (int, string) {
	t.Helper()
	resp, err := http.Post(url, "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(data)
}

// rpcAnswer is one JSON-RPC answer as sent.
type rpcAnswer struct {
	ID     json.RawMessage `json:"id"`
	Result json.RawMessage `json:"result"`
	Error  *struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

func call(t *testing.T, url, body string) rpcAnswer {
	t.Helper()
	_, data := post(t, url, body)
	var out rpcAnswer
	if err := json.Unmarshal([]byte(data), &out); err != nil {
		t.Fatalf("%s -> %s: %v", body, data, err)
	}
	return out
}

func dialL2(t *testing.T, url string) *l2.Client {
	t.Helper()
	c, err := l2.Dial(url, 2*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	return c
}

// The L2 reader themis uses reads the simulator: chain id, head, blocks with their
// hashes checked against the headers, and the producer's seal.
func TestRPCReadByTheL2Reader(t *testing.T) {
	n, blocks := idleNode(t)
	c := dialL2(t, n.URL())
	ctx := context.Background()
	if id, err := c.ChainID(ctx); err != nil || id != testChainID {
		t.Fatalf("ChainID %d, %v", id, err)
	}
	if num, err := c.BlockNumber(ctx); err != nil || num != 3 {
		t.Fatalf("BlockNumber %d, %v", num, err)
	}
	for h := uint64(0); h <= 3; h++ {
		b, err := c.BlockByNumber(ctx, h)
		if err != nil || b.Hash != blocks[h].Hash {
			t.Fatalf("block %d: %v (hash %s, want %s)", h, err, b.Hash, blocks[h].Hash)
		}
	}
	b, _ := c.BlockByNumber(ctx, 2)
	seal, err := b.Seal(testChainID)
	if err != nil || seal.ProducerID != blocks[2].ProducerID() || seal.Signer != blocks[2].Producer() {
		t.Fatalf("seal %+v, %v", seal, err)
	}
	if _, err := b.Seal(testChainID + 1); !errors.Is(err, epochtypes.ErrInvalidL2Seal) {
		t.Fatalf("a seal of chain %d passed for chain %d: %v", testChainID, testChainID+1, err)
	}
	g, _ := c.BlockByNumber(ctx, 0)
	if _, err := g.Seal(testChainID); !errors.Is(err, epochtypes.ErrInvalidL2Seal) {
		t.Fatalf("the genesis is unsealed, Seal says %v", err)
	}
	if _, err := c.BlockByNumber(ctx, 50); !errors.Is(err, l2.ErrNoBlock) {
		t.Fatalf("block 50 (unknown): %v, want ErrNoBlock", err)
	}
}

// go-ethereum's ethclient reads the same blocks: they are Ethereum headers.
func TestRPCReadByEthclient(t *testing.T) {
	n, blocks := idleNode(t)
	c, err := ethclient.Dial(n.URL())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	ctx := context.Background()
	if id, err := c.ChainID(ctx); err != nil || id.Uint64() != testChainID {
		t.Fatalf("ChainID %v, %v", id, err)
	}
	h, err := c.HeaderByNumber(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if h.Hash() != blocks[3].Hash || h.Coinbase != blocks[3].Producer() || h.Root != blocks[3].StateRoot() {
		t.Fatalf("latest header %+v", h)
	}
	if h, err := c.HeaderByNumber(ctx, big.NewInt(1)); err != nil || h.Hash() != blocks[1].Hash {
		t.Fatalf("header 1: %v", err)
	}
	if _, err := c.HeaderByNumber(ctx, big.NewInt(50)); err == nil {
		t.Fatal("header 50 (unknown) gave no error")
	}
}

// The block is served as geth serves one: header fields and hash, no transactions, no
// uncles, its RLP size.
func TestRPCBlockFormat(t *testing.T) {
	n, blocks := idleNode(t)
	res := call(t, n.URL(), `{"jsonrpc":"2.0","id":1,"method":"eth_getBlockByNumber","params":["0x2",false]}`).Result
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(res, &fields); err != nil {
		t.Fatalf("%s: %v", res, err)
	}
	b := blocks[2]
	size := hexutil.Uint64(ethtypes.NewBlockWithHeader(b.Header).Size())
	for name, want := range map[string]any{
		"hash": b.Hash, "number": "0x2", "parentHash": b.ParentHash(), "miner": b.Producer(), "stateRoot": b.StateRoot(),
		"transactionsRoot": b.TxRoot(), "extraData": hexutil.Bytes(b.Header.Extra), "sha3Uncles": ethtypes.EmptyUncleHash,
		"receiptsRoot": ethtypes.EmptyReceiptsHash, "transactions": []string{}, "uncles": []string{}, "size": size,
	} {
		wantJSON, _ := json.Marshal(want)
		if string(fields[name]) != string(wantJSON) {
			t.Errorf("%s = %s, want %s", name, fields[name], wantJSON)
		}
	}
	for name, v := range fields {
		if string(v) == "null" {
			t.Errorf("%s is null; geth leaves out the fields a header does not have", name)
		}
	}
	// fullTx changes nothing.
	if full := call(t, n.URL(), `{"jsonrpc":"2.0","id":1,"method":"eth_getBlockByNumber","params":["0x2",true]}`).Result; string(full) != string(res) {
		t.Errorf("fullTx answer differs:\n%s\n%s", full, res)
	}
	// Tags.
	for tag, want := range map[string]common.Hash{`"latest"`: blocks[3].Hash, `"pending"`: blocks[3].Hash, `"earliest"`: blocks[0].Hash} {
		res := call(t, n.URL(), `{"jsonrpc":"2.0","id":1,"method":"eth_getBlockByNumber","params":[`+tag+`,false]}`).Result
		var got struct{ Hash common.Hash }
		if json.Unmarshal(res, &got) != nil || got.Hash != want {
			t.Errorf("%s: %s", tag, res)
		}
	}
	if out := call(t, n.URL(), `{"jsonrpc":"2.0","id":1,"method":"eth_getBlockByNumber","params":["0x99",false]}`); string(out.Result) != "null" || out.Error != nil {
		t.Errorf("unknown height: result %s, error %v", out.Result, out.Error)
	}
}

func TestRPCErrors(t *testing.T) {
	n, _ := idleNode(t)
	const (
		parseError     = -32700
		invalidRequest = -32600
		methodNotFound = -32601
		invalidParams  = -32602
	)
	for body, want := range map[string]int{
		`{"jsonrpc":"2.0","id":1,"method":"eth_sendRawTransaction","params":["0x00"]}`:          methodNotFound,
		`{"jsonrpc":"2.0","id":1,"method":"eth_getBlockByNumber","params":[]}`:                  invalidParams,
		`{"jsonrpc":"2.0","id":1,"method":"eth_getBlockByNumber","params":["0x1"]}`:             invalidParams, // fullTx is required, as in geth
		`{"jsonrpc":"2.0","id":1,"method":"eth_getBlockByNumber","params":["12",false]}`:        invalidParams,
		`{"jsonrpc":"2.0","id":1,"method":"eth_getBlockByNumber","params":["0x01",false]}`:      invalidParams,
		`{"jsonrpc":"2.0","id":1,"method":"eth_getBlockByNumber","params":["finalized",false]}`: invalidParams,
		`{"jsonrpc":"2.0","id":1,"method":"eth_getBlockByNumber","params":["safe",false]}`:      invalidParams,
		`{"jsonrpc":"2.0","id":1,"method":"eth_getBlockByNumber","params":["0x1","yes"]}`:       invalidParams,
		`{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[1]}`:                          invalidParams,
		`{"jsonrpc":"2.0","id":1,"method`:                                                       parseError,
		`[]`:                                                                                    invalidRequest,
	} {
		out := call(t, n.URL(), body)
		if out.Error == nil {
			t.Errorf("%s: no error (result %s)", body, out.Result)
			continue
		}
		if out.Error.Code != want || out.Error.Message == "" {
			t.Errorf("%s: error %d %q, want code %d", body, out.Error.Code, out.Error.Message, want)
		}
	}
	// The refusal of a finality tag says why.
	if out := call(t, n.URL(), `{"jsonrpc":"2.0","id":1,"method":"eth_getBlockByNumber","params":["finalized",false]}`); out.Error == nil || !strings.Contains(out.Error.Message, "no finality") {
		t.Errorf("finalized: %+v", out.Error)
	}
}

func TestRPCBatch(t *testing.T) {
	n, _ := idleNode(t)
	// Answers in order, each under its id; the notification (no id) gets none.
	_, data := post(t, n.URL(), `[{"jsonrpc":"2.0","id":1,"method":"eth_blockNumber"},{"jsonrpc":"2.0","method":"eth_chainId"},{"jsonrpc":"2.0","id":"x","method":"nope"}]`)
	var batch []rpcAnswer
	if err := json.Unmarshal([]byte(data), &batch); err != nil || len(batch) != 2 {
		t.Fatalf("batch answer %s: %v", data, err)
	}
	if string(batch[0].Result) != `"0x3"` || string(batch[1].ID) != `"x"` || batch[1].Error == nil || batch[1].Error.Code != -32601 {
		t.Errorf("batch answer %s", data)
	}
	// Over the item limit: one error for the whole batch.
	calls := make([]string, maxBatchItems+1)
	for i := range calls {
		calls[i] = `{"jsonrpc":"2.0","id":1,"method":"eth_chainId"}`
	}
	_, data = post(t, n.URL(), "["+strings.Join(calls, ",")+"]")
	if !strings.Contains(data, "batch too large") {
		t.Errorf("batch of %d: %s", len(calls), data)
	}
}

func TestRPCHTTPLimits(t *testing.T) {
	n, _ := idleNode(t)
	oversized := `{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":["` + strings.Repeat("a", maxRequestBody) + `"]}`
	if status, _ := post(t, n.URL(), oversized); status != http.StatusRequestEntityTooLarge {
		t.Errorf("oversized body: HTTP %d, want 413", status)
	}
	resp, err := http.Post(n.URL(), "text/plain", strings.NewReader(`{"jsonrpc":"2.0","id":1,"method":"eth_chainId"}`))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnsupportedMediaType {
		t.Errorf("text/plain: HTTP %d, want 415", resp.StatusCode)
	}
	// JSON-RPC is on "/" only; other paths are not calls.
	if status, _ := post(t, n.URL()+"/eth", `{"jsonrpc":"2.0","id":1,"method":"eth_chainId"}`); status != http.StatusNotFound {
		t.Errorf("POST /eth: HTTP %d, want 404", status)
	}
}

func TestEquivocatorServesBothBlocks(t *testing.T) {
	n, blocks := idleNode(t)
	k := testKey(t)
	twin := signedChild(t, blocks[2], memberOf(9, k), k)
	n.SetMode(ModeEquivocate)
	n.altMu.Lock()
	n.alts[3] = twin
	n.altMu.Unlock()
	c := dialL2(t, n.URL())
	served := func() common.Hash {
		b, err := c.BlockByNumber(context.Background(), 3)
		if err != nil {
			t.Fatal(err)
		}
		return b.Hash
	}
	seen := map[common.Hash]bool{}
	for range 4 {
		seen[served()] = true
	}
	if !seen[blocks[3].Hash] || !seen[twin.Hash] || len(seen) != 2 {
		t.Fatalf("served %v, want both the block and its twin", seen)
	}
	n.SetMode(ModeNone)
	for range 3 {
		if h := served(); h != blocks[3].Hash {
			t.Fatalf("after resuming, served %s", h)
		}
	}
}
