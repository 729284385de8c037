package l2sim

import (
	"encoding/json"
	"testing"
)

func TestDecodeRPCRequests(t *testing.T) {
	cases := []struct {
		name      string
		body      string
		wantErr   int // whole-body error code, 0: none
		wantBatch bool
		wantCodes []int // per-call error codes (0: valid)
	}{
		{"single", `{"jsonrpc":"2.0","id":1,"method":"eth_blockNumber","params":[]}`, 0, false, []int{0}},
		{"no params", `{"jsonrpc":"2.0","id":"a","method":"eth_chainId"}`, 0, false, []int{0}},
		{"null params", `{"jsonrpc":"2.0","id":null,"method":"eth_chainId","params":null}`, 0, false, []int{0}},
		{"notification", `{"jsonrpc":"2.0","method":"eth_chainId"}`, 0, false, []int{0}},
		{"empty", `  `, codeParseError, false, nil},
		{"not json", `{"jsonrpc":`, codeParseError, false, nil},
		{"trailing garbage", `{"jsonrpc":"2.0","id":1,"method":"x"} x`, codeParseError, false, nil},
		{"empty batch", `[]`, codeInvalidRequest, true, nil},
		{"scalar", `5`, 0, false, []int{codeInvalidRequest}},
		{"wrong version", `{"jsonrpc":"1.0","id":1,"method":"x"}`, 0, false, []int{codeInvalidRequest}},
		{"no version", `{"id":1,"method":"x"}`, 0, false, []int{codeInvalidRequest}},
		{"method not string", `{"jsonrpc":"2.0","id":1,"method":5}`, 0, false, []int{codeInvalidRequest}},
		{"empty method", `{"jsonrpc":"2.0","id":1,"method":""}`, 0, false, []int{codeInvalidRequest}},
		{"object id", `{"jsonrpc":"2.0","id":{},"method":"x"}`, 0, false, []int{codeInvalidRequest}},
		{"bool id", `{"jsonrpc":"2.0","id":true,"method":"x"}`, 0, false, []int{codeInvalidRequest}},
		{"named params", `{"jsonrpc":"2.0","id":1,"method":"x","params":{"a":1}}`, 0, false, []int{codeInvalidRequest}},
		{"batch mixed", `[{"jsonrpc":"2.0","id":1,"method":"x"}, 3, {"jsonrpc":"2.0","id":2}]`, 0, true, []int{0, codeInvalidRequest, codeInvalidRequest}},
	}
	for _, c := range cases {
		reqs, batch, err := DecodeRPCRequests([]byte(c.body))
		if c.wantErr != 0 {
			if err == nil || err.Code != c.wantErr {
				t.Errorf("%s: err %v, want code %d", c.name, err, c.wantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: unexpected %v", c.name, err)
			continue
		}
		if batch != c.wantBatch || len(reqs) != len(c.wantCodes) {
			t.Errorf("%s: batch %v with %d calls, want %v with %d", c.name, batch, len(reqs), c.wantBatch, len(c.wantCodes))
			continue
		}
		for i, want := range c.wantCodes {
			got := 0
			if reqs[i].Err != nil {
				got = reqs[i].Err.Code
			}
			if got != want {
				t.Errorf("%s: call %d: code %d, want %d (%v)", c.name, i, got, want, reqs[i].Err)
			}
		}
	}
	// An invalid call keeps its valid id; a notification has none.
	reqs, _, _ := DecodeRPCRequests([]byte(`{"jsonrpc":"1.0","id":"q","method":"x"}`))
	if string(reqs[0].ID) != `"q"` {
		t.Errorf("invalid call lost its id: %s", reqs[0].ID)
	}
	reqs, _, _ = DecodeRPCRequests([]byte(`{"jsonrpc":"2.0","method":"x"}`))
	if reqs[0].ID != nil {
		t.Errorf("notification got an id: %s", reqs[0].ID)
	}
	reqs, _, _ = DecodeRPCRequests([]byte(`{"jsonrpc":"2.0","id":null,"method":"x"}`))
	if string(reqs[0].ID) != "null" {
		t.Errorf("explicit null id read as %q", reqs[0].ID)
	}
}

// FuzzDecodeRPCRequests: the server decodes whatever arrives on its port. It must never
// panic, every valid call has a method, every answer can be encoded, and every id it
// keeps is a valid JSON-RPC id.
func FuzzDecodeRPCRequests(f *testing.F) {
	for _, s := range []string{
		`{"jsonrpc":"2.0","id":1,"method":"eth_getBlockByNumber","params":["latest",false]}`,
		`[{"jsonrpc":"2.0","id":1,"method":"eth_blockNumber"},{"jsonrpc":"2.0","method":"eth_chainId"}]`,
		`[]`, `[1,2]`, `{"jsonrpc":"2.0","id":{"a":1},"method":"x"}`, `"x"`, `{"jsonrpc":"2.0","id":1e400,"method":"x"}`,
		`{"jsonrpc":"2.0","id":"\u0000","method":"x","params":[null]}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		reqs, _, err := DecodeRPCRequests(body)
		if err != nil {
			if reqs != nil {
				t.Fatal("both calls and a whole-body error")
			}
			return
		}
		if len(reqs) == 0 || len(reqs) > maxBatch {
			t.Fatalf("%d calls without an error", len(reqs))
		}
		for _, r := range reqs {
			if r.Err == nil && r.Method == "" {
				t.Fatal("valid call without a method")
			}
			if r.ID != nil && !validID(r.ID) {
				t.Fatalf("kept invalid id %q", r.ID)
			}
			if _, err := json.Marshal(rpcResponse{JSONRPC: "2.0", ID: r.ID, Error: r.Err}); err != nil {
				t.Fatalf("answer cannot be encoded: %v", err)
			}
		}
	})
}
