package l2sim

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"math/big"
	"net/http"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/ethclient"
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

func TestRPCMethods(t *testing.T) {
	n, blocks := idleNode(t)
	call := func(body string) map[string]any {
		t.Helper()
		_, data := post(t, n.URL(), body)
		var out map[string]any
		if err := json.Unmarshal([]byte(data), &out); err != nil {
			t.Fatalf("%s -> %s: %v", body, data, err)
		}
		return out
	}
	if got := call(`{"jsonrpc":"2.0","id":1,"method":"eth_chainId"}`)["result"]; got != "0xe9fe" {
		t.Errorf("eth_chainId = %v, want 0xe9fe (59902)", got)
	}
	if got := call(`{"jsonrpc":"2.0","id":1,"method":"eth_blockNumber","params":[]}`)["result"]; got != "0x3" {
		t.Errorf("eth_blockNumber = %v", got)
	}
	for tag, want := range map[string]string{`"latest"`: blocks[3].Hash.Hex(), `"earliest"`: blocks[0].Hash.Hex(), `"0x2"`: blocks[2].Hash.Hex()} {
		res := call(`{"jsonrpc":"2.0","id":1,"method":"eth_getBlockByNumber","params":[` + tag + `,false]}`)["result"]
		m, ok := res.(map[string]any)
		if !ok || m["hash"] != want {
			t.Errorf("block %s: %v", tag, res)
		}
	}
	if out := call(`{"jsonrpc":"2.0","id":1,"method":"eth_getBlockByNumber","params":["0x99",true]}`); out["result"] != nil || out["error"] != nil {
		t.Errorf("unknown height: %v", out)
	} else if _, present := out["result"]; !present {
		t.Error(`unknown height: "result" missing, want null`)
	}

	errCode := func(body string) float64 {
		t.Helper()
		e, _ := call(body)["error"].(map[string]any)
		if e == nil {
			t.Fatalf("%s: no error", body)
		}
		if msg, _ := e["message"].(string); msg == "" {
			t.Errorf("%s: empty error message", body)
		}
		return e["code"].(float64)
	}
	for body, want := range map[string]float64{
		`{"jsonrpc":"2.0","id":1,"method":"eth_sendRawTransaction","params":["0x00"]}`:    codeMethodNotFound,
		`{"jsonrpc":"2.0","id":1,"method":"eth_getBlockByNumber","params":[]}`:            codeInvalidParams,
		`{"jsonrpc":"2.0","id":1,"method":"eth_getBlockByNumber","params":["12"]}`:        codeInvalidParams,
		`{"jsonrpc":"2.0","id":1,"method":"eth_getBlockByNumber","params":["0x01"]}`:      codeInvalidParams,
		`{"jsonrpc":"2.0","id":1,"method":"eth_getBlockByNumber","params":["finalized"]}`: codeInvalidParams,
		`{"jsonrpc":"2.0","id":1,"method":"eth_getBlockByNumber","params":["0x1","yes"]}`: codeInvalidParams,
		`{"jsonrpc":"2.0","id":1,"method":"eth_getBlockByNumber","params":[1]}`:           codeInvalidParams,
		`{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[1]}`:                    codeInvalidParams,
		`{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":{}}`:                     codeInvalidRequest,
		`{"jsonrpc":"1.0","id":1,"method":"eth_chainId"}`:                                 codeInvalidRequest,
		`{"jsonrpc":"2.0","id":1,"method`:                                                 codeParseError,
		`[]`:                                                                              codeInvalidRequest,
	} {
		if got := errCode(body); got != want {
			t.Errorf("%s: code %v, want %v", body, got, want)
		}
	}

	// A batch: answers in order, the notification left out.
	_, data := post(t, n.URL(), `[{"jsonrpc":"2.0","id":1,"method":"eth_blockNumber"},{"jsonrpc":"2.0","method":"eth_chainId"},{"jsonrpc":"2.0","id":"x","method":"nope"}]`)
	var batch []map[string]any
	if err := json.Unmarshal([]byte(data), &batch); err != nil || len(batch) != 2 {
		t.Fatalf("batch answer %s: %v", data, err)
	}
	if batch[0]["result"] != "0x3" || batch[1]["id"] != "x" || batch[1]["error"] == nil {
		t.Errorf("batch answer %s", data)
	}
	// A lone notification gets no body.
	if status, body := post(t, n.URL(), `{"jsonrpc":"2.0","method":"eth_chainId"}`); status != http.StatusNoContent || body != "" {
		t.Errorf("notification: %d %q", status, body)
	}
	resp, err := http.Get(n.URL())
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("GET: %d", resp.StatusCode)
	}
	if status, _ := post(t, n.URL(), `{"jsonrpc":"2.0","id":1,"method":"x","params":["`+strings.Repeat("a", maxRequestBody)+`"]}`); status != http.StatusRequestEntityTooLarge {
		t.Errorf("oversized body: %d", status)
	}
}

// The bridge may read the L2 through go-ethereum's ethclient: the header fields it
// requires must be there.
func TestRPCWithEthclient(t *testing.T) {
	n, blocks := idleNode(t)
	c, err := ethclient.Dial(n.URL())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	ctx := context.Background()
	id, err := c.ChainID(ctx)
	if err != nil || id.Uint64() != testChainID {
		t.Fatalf("ChainID %v, %v", id, err)
	}
	num, err := c.BlockNumber(ctx)
	if err != nil || num != 3 {
		t.Fatalf("BlockNumber %d, %v", num, err)
	}
	h, err := c.HeaderByNumber(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if h.Number.Uint64() != 3 || h.Root != blocks[3].StateRoot || h.ParentHash != blocks[2].Hash || h.Coinbase != blocks[3].Producer {
		t.Fatalf("header %+v", h)
	}
	if h, err := c.HeaderByNumber(ctx, big.NewInt(1)); err != nil || h.TxHash != blocks[1].TxRoot {
		t.Fatalf("header 1: %v", err)
	}
	if _, err := c.HeaderByNumber(ctx, big.NewInt(50)); err == nil {
		t.Fatal("header 50 (unknown) gave no error")
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
	seen := map[string]bool{}
	for range 4 {
		_, data := post(t, n.URL(), `{"jsonrpc":"2.0","id":1,"method":"eth_getBlockByNumber","params":["0x3",false]}`)
		var out struct {
			Result json.RawMessage `json:"result"`
		}
		json.Unmarshal([]byte(data), &out)
		b, _, err := DecodeBlockJSON(out.Result)
		if err != nil {
			t.Fatal(err)
		}
		seen[b.Hash.Hex()] = true
	}
	if !seen[blocks[3].Hash.Hex()] || !seen[twin.Hash.Hex()] || len(seen) != 2 {
		t.Fatalf("served %v, want both the block and its twin", seen)
	}
	n.SetMode(ModeNone)
	for range 3 {
		_, data := post(t, n.URL(), `{"jsonrpc":"2.0","id":1,"method":"eth_getBlockByNumber","params":["0x3",false]}`)
		if !bytes.Contains([]byte(data), []byte(blocks[3].Hash.Hex())) {
			t.Fatalf("after resuming, served %s", data)
		}
	}
}
