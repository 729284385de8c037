package l2

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"
)

// FuzzDecodeResponse: any body, any status. The decoder must not panic, must refuse
// with ErrMalformed or an *RPCError, and may only accept an object answering our id
// whose result it returns unchanged.
func FuzzDecodeResponse(f *testing.F) {
	f.Add(200, []byte(`{"jsonrpc":"2.0","id":1,"result":"0x5"}`))
	f.Add(200, []byte(`{"jsonrpc":"2.0","id":1,"result":null}`))
	f.Add(200, []byte(`{"jsonrpc":"2.0","id":1,"error":{"code":-32000,"message":"x"}}`))
	f.Add(500, []byte(`{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"parse"}}`))
	f.Add(200, []byte(`{"jsonrpc":"2.0","id":2,"result":"0x5"}`))
	f.Add(200, []byte(`[{"id":1,"result":1}]`))
	f.Add(502, []byte(`<html>`))
	f.Add(200, []byte(``))
	f.Fuzz(func(t *testing.T, status int, body []byte) {
		res, err := decodeResponse(status, body, 1)
		if err != nil {
			var rpcErr *RPCError
			if !errors.Is(err, ErrMalformed) && !errors.As(err, &rpcErr) {
				t.Fatalf("error %v is neither ErrMalformed nor an RPCError", err)
			}
			return
		}
		if status < 200 || status > 299 {
			t.Fatalf("accepted an answer with HTTP %d", status)
		}
		var r struct {
			ID     json.RawMessage `json:"id"`
			Result json.RawMessage `json:"result"`
		}
		if json.Unmarshal(body, &r) != nil || string(bytes.TrimSpace(r.ID)) != "1" || r.Result == nil {
			t.Fatalf("accepted %q, which does not answer id 1 with a result", body)
		}
		if !bytes.Equal(res, r.Result) {
			t.Fatalf("result %q, body's result %q", res, r.Result)
		}
	})
}

// FuzzDecodeBlock: any JSON as a block result. Accepted blocks are the one asked for,
// with a non-zero hash, and their fields match an independent parse of the input.
func FuzzDecodeBlock(f *testing.F) {
	hash := `"0x` + strings.Repeat("cd", 32) + `"`
	f.Add([]byte(blockJSONOf(`"0xa"`, hash, `"0x1"`)), uint64(10))
	f.Add([]byte(blockJSONOf(`"0x000a"`, hash, `"0xffffffffffffffff"`)), uint64(10))
	f.Add([]byte(blockJSONOf(`"0xb"`, hash, `"0x1"`)), uint64(10))
	f.Add([]byte(blockJSONOf(`"0xa"`, hash, `"0x10000000000000000"`)), uint64(10))
	f.Add([]byte(`null`), uint64(0))
	f.Add([]byte(`{"number":"0x0"}`), uint64(0))
	f.Add([]byte(`{"number":"0x0","hash":null,"timestamp":"0x"}`), uint64(0))
	f.Fuzz(func(t *testing.T, raw []byte, want uint64) {
		h, err := decodeBlock(raw, want)
		if err != nil {
			if !errors.Is(err, ErrMalformed) && !errors.Is(err, ErrNoBlock) {
				t.Fatalf("error %v is neither ErrMalformed nor ErrNoBlock", err)
			}
			return
		}
		if h.Height != want || h.Hash == ([32]byte{}) || !h.ObservedAt.IsZero() {
			t.Fatalf("accepted %+v for block %d", h, want)
		}
		var b struct{ Number, Hash, Timestamp string }
		if err := json.Unmarshal(raw, &b); err != nil {
			t.Fatalf("accepted %q, which is no object of strings: %v", raw, err)
		}
		if !strings.EqualFold(b.Hash, h.Hash.Hex()) {
			t.Fatalf("hash %s, input %s", h.Hash.Hex(), b.Hash)
		}
		if got := mustParseHex(t, b.Number); got != h.Height {
			t.Fatalf("height %d, input %s", h.Height, b.Number)
		}
		if got := mustParseHex(t, b.Timestamp); got != h.Time {
			t.Fatalf("time %d, input %s", h.Time, b.Timestamp)
		}
	})
}

// FuzzParseQuantity compares the lenient quantity parser with strconv.
func FuzzParseQuantity(f *testing.F) {
	for _, s := range []string{"0x0", "0x1a", "0x00ff", "0x", "0xffffffffffffffff", "0x10000000000000000", "0xg", "12", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := parseQuantity(s, "q")
		if err != nil {
			if !errors.Is(err, ErrMalformed) {
				t.Fatalf("error %v is not ErrMalformed", err)
			}
			return
		}
		if got := mustParseHex(t, s); got != v {
			t.Fatalf("%q: %d, strconv says %d", s, v, got)
		}
		// The canonical form parses back to the same value.
		if back, err := parseQuantity(fmt.Sprintf("0x%x", v), "q"); err != nil || back != v {
			t.Fatalf("0x%x: %d, %v", v, back, err)
		}
	})
}

// mustParseHex is an independent parse of "0x" + hex digits (leading zeros allowed).
func mustParseHex(t *testing.T, s string) uint64 {
	t.Helper()
	digits, ok := strings.CutPrefix(s, "0x")
	if !ok || digits == "" {
		t.Fatalf("accepted %q without 0x and digits", s)
	}
	trimmed := strings.TrimLeft(digits, "0")
	if trimmed == "" {
		return 0
	}
	v, err := strconv.ParseUint(trimmed, 16, 64)
	if err != nil {
		t.Fatalf("accepted %q: %v", s, err)
	}
	return v
}
