package l2

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	ethtypes "github.com/ethereum/go-ethereum/core/types"
)

// FuzzClientAnswer: any HTTP status and body as the L2 node's answer to eth_blockNumber,
// through go-ethereum's rpc client and this package's classification. No panic; an
// error is ErrMalformed, an *RPCError, an HTTP status or a transport error; an accepted
// answer is a 2xx whose result is the canonical quantity returned.
func FuzzClientAnswer(f *testing.F) {
	f.Add(200, []byte(`{"jsonrpc":"2.0","id":1,"result":"0x5"}`))
	f.Add(200, []byte(`{"jsonrpc":"2.0","id":1,"result":null}`))
	f.Add(200, []byte(`{"jsonrpc":"2.0","id":1,"result":"0x05"}`))
	f.Add(200, []byte(`{"jsonrpc":"2.0","id":1,"error":{"code":-32000,"message":"x"}}`))
	f.Add(500, []byte(`{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"parse"}}`))
	f.Add(200, []byte(`[{"id":1,"result":1}]`))
	f.Add(502, []byte(`<html>`))
	f.Add(200, []byte(``))
	f.Add(200, []byte(`{"jsonrpc":"2.0","id":1}`))
	var answer atomic.Pointer[rawAnswer]
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		a := answer.Load()
		w.WriteHeader(a.status)
		_, _ = w.Write([]byte(a.body))
	}))
	defer srv.Close()
	c, err := Dial(srv.URL, 2*time.Second)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, status int, body []byte) {
		if status < 200 || status > 599 {
			status = 200 + (status%400+400)%400
		}
		answer.Store(&rawAnswer{status: status, body: string(body)})
		v, err := c.BlockNumber(context.Background())
		if err != nil {
			var rpcErr *RPCError
			if !errors.Is(err, ErrMalformed) && !errors.As(err, &rpcErr) && !strings.Contains(err.Error(), "HTTP ") &&
				!strings.Contains(err.Error(), "EOF") && !strings.Contains(err.Error(), "malformed HTTP") {
				t.Fatalf("error %v is not classified", err)
			}
			return
		}
		if status < 200 || status > 299 {
			t.Fatalf("accepted an answer with HTTP %d", status)
		}
		var r struct {
			Result hexutil.Uint64 `json:"result"`
		}
		if json.Unmarshal(body, &r) != nil || uint64(r.Result) != v {
			t.Fatalf("accepted %q as %d", body, v)
		}
	})
}

// FuzzDecodeBlock: any JSON as a block result. An accepted block is the one asked for,
// and its hash is the hash of an independent decode of its header.
func FuzzDecodeBlock(f *testing.F) {
	good, err := json.Marshal(blockResult(fakeHeader(10, 0, common.Hash{1})))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good, uint64(10))
	f.Add(good, uint64(11))
	f.Add([]byte(strings.Replace(string(good), `"0xa"`, `"0x0a"`, 1)), uint64(10))
	f.Add([]byte(`null`), uint64(0))
	f.Add([]byte(`{"number":"0x0"}`), uint64(0))
	f.Add([]byte(`{"number":"0x0","hash":null,"timestamp":"0x"}`), uint64(0))
	f.Fuzz(func(t *testing.T, raw []byte, want uint64) {
		b, err := decodeBlock(raw, want)
		if err != nil {
			if !errors.Is(err, ErrMalformed) && !errors.Is(err, ErrNoBlock) {
				t.Fatalf("error %v is neither ErrMalformed nor ErrNoBlock", err)
			}
			return
		}
		var h ethtypes.Header
		var served struct{ Hash common.Hash }
		if json.Unmarshal(raw, &h) != nil || json.Unmarshal(raw, &served) != nil {
			t.Fatalf("accepted %q, which does not decode", raw)
		}
		if b.Number() != want || h.Number.Uint64() != want || b.Hash != h.Hash() || served.Hash != b.Hash {
			t.Fatalf("accepted block %d %s for %d (header hash %s, served %s)", b.Number(), b.Hash, want, h.Hash(), served.Hash)
		}
	})
}
