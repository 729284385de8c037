package l2

import (
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"
)

func TestParseQuantity(t *testing.T) {
	for _, c := range []struct {
		in   string
		want uint64
		err  string
	}{
		{"0x0", 0, ""},
		{"0x1a", 26, ""},
		{"0x001a", 26, ""}, // leading zeros: lenient
		{"0x000", 0, ""},
		{"0xFFFFFFFFFFFFFFFF", 1<<64 - 1, ""},
		{"0x0000ffffffffffffffff", 1<<64 - 1, ""},
		{"0x10000000000000000", 0, "does not fit 64 bits"},
		{"0x", 0, "has no digits"},
		{"1a", 0, "lacks the 0x prefix"},
		{"0x1g", 0, "is not hex"},
		{"0x-1", 0, "is not hex"},
		{"0x 1", 0, "is not hex"},
		{"", 0, "lacks the 0x prefix"},
	} {
		got, err := parseQuantity(c.in, "q")
		if c.err != "" {
			require.ErrorIs(t, err, ErrMalformed, c.in)
			require.ErrorContains(t, err, c.err, c.in)
			continue
		}
		require.NoError(t, err, c.in)
		require.Equal(t, c.want, got, c.in)
	}
}

func TestDecodeQuantityNeedsAString(t *testing.T) {
	for in, want := range map[string]string{
		`26`:     "must be a hex string",
		`null`:   "is missing",
		``:       "is missing",
		`"0x1a"`: "",
		`true`:   "must be a hex string",
	} {
		v, err := decodeQuantity(json.RawMessage(in), "number")
		if want == "" {
			require.NoError(t, err)
			require.EqualValues(t, 26, v)
			continue
		}
		require.ErrorIs(t, err, ErrMalformed, in)
		require.ErrorContains(t, err, want, in)
	}
}

func TestDecodeHash(t *testing.T) {
	good := "0x" + strings.Repeat("ab", 32)
	h, err := decodeHash(json.RawMessage(`"`+good+`"`), "hash")
	require.NoError(t, err)
	require.Equal(t, common.HexToHash(good), h)
	for in, want := range map[string]string{
		`"0x` + strings.Repeat("ab", 31) + `"`:   "has 62 hex digits, want 64",
		`"0x` + strings.Repeat("ab", 33) + `"`:   "has 66 hex digits",
		`"` + strings.Repeat("ab", 32) + `"`:     "lacks the 0x prefix",
		`"0x` + strings.Repeat("zz", 32) + `"`:   "is not hex",
		`12`:                                     "must be a hex string",
		`null`:                                   "is missing",
		`"0x` + strings.Repeat("a", 63) + ` "`:   "is not hex",
		`"0x` + strings.Repeat("a", 63) + "\n\"": "must be a hex string", // raw control character: not JSON
	} {
		_, err := decodeHash(json.RawMessage(in), "hash")
		require.ErrorIs(t, err, ErrMalformed, in)
		require.ErrorContains(t, err, want, in)
	}
}

func TestDecodeResponse(t *testing.T) {
	ok := func(body string) json.RawMessage {
		t.Helper()
		r, err := decodeResponse(http.StatusOK, []byte(body), 7)
		require.NoError(t, err, body)
		return r
	}
	require.JSONEq(t, `"0x5"`, string(ok(`{"jsonrpc":"2.0","id":7,"result":"0x5"}`)))
	require.Equal(t, "null", string(ok(`{"jsonrpc":"2.0","id":7,"result":null}`)), "null is a result (no such block)")
	require.JSONEq(t, `{"a":1}`, string(ok(` {"id":7,"result":{"a":1},"error":null} `)))

	for _, c := range []struct {
		status int
		body   string
		want   string
		rpc    bool
	}{
		{200, `{"jsonrpc":"2.0","id":7,"error":{"code":-32000,"message":"header not found"}}`, "JSON-RPC error -32000: header not found", true},
		{500, `{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"parse error"}}`, "-32700: parse error", true},
		{200, `{"jsonrpc":"2.0","id":7,"error":"boom"}`, "unreadable JSON-RPC error object", false},
		{200, `{"jsonrpc":"2.0","id":7}`, "neither result nor error", false},
		{200, `{"jsonrpc":"2.0","id":8,"result":"0x1"}`, "answer id 8 does not match request id 7", false},
		{200, `{"jsonrpc":"2.0","id":"7","result":"0x1"}`, `answer id "7" does not match`, false},
		{200, `[{"jsonrpc":"2.0","id":7,"result":"0x1"}]`, "not a JSON-RPC object", false},
		{200, `not json`, "not a JSON-RPC object", false},
		{200, ``, "not a JSON-RPC object", false},
		{502, `<html>Bad Gateway</html>`, "HTTP 502: <html>Bad Gateway</html>", false},
		{503, `{"jsonrpc":"2.0","id":7,"result":"0x1"}`, "HTTP 503 without a JSON-RPC error", false},
	} {
		_, err := decodeResponse(c.status, []byte(c.body), 7)
		require.ErrorContains(t, err, c.want, c.body)
		var rpcErr *RPCError
		require.Equal(t, c.rpc, errors.As(err, &rpcErr), c.body)
		if !c.rpc {
			require.ErrorIs(t, err, ErrMalformed, c.body)
		}
	}
}

func TestClipKeepsLogsClean(t *testing.T) {
	got := clip("bad\nline\x1b[31m" + strings.Repeat("x", 200))
	require.NotContains(t, got, "\n")
	require.NotContains(t, got, "\x1b")
	require.Less(t, len(got), 100)
}

// blockJSONOf is a well-formed block result.
func blockJSONOf(number, hash, ts string) string {
	return `{"number":` + number + `,"hash":` + hash + `,"timestamp":` + ts +
		`,"parentHash":"0x00","producerId":"0x1","transactions":[],"signature":"0xzz"}`
}

func TestDecodeBlock(t *testing.T) {
	hash := `"0x` + strings.Repeat("cd", 32) + `"`
	h, err := decodeBlock(json.RawMessage(blockJSONOf(`"0x0a"`, hash, `"0x65a0"`)), 10)
	require.NoError(t, err, "unknown and odd extra fields are ignored, leading zeros accepted")
	require.Equal(t, Head{Height: 10, Hash: common.HexToHash(strings.Trim(hash, `"`)), Time: 0x65a0}, h)

	_, err = decodeBlock(json.RawMessage(`null`), 10)
	require.ErrorIs(t, err, ErrNoBlock)
	require.ErrorContains(t, err, "block 10")

	for _, c := range []struct{ raw, want string }{
		{blockJSONOf(`"0xb"`, hash, `"0x1"`), "asked for block 10, the L2 node answered block 11"},
		{blockJSONOf(`"0xa"`, `"0x`+strings.Repeat("00", 32)+`"`, `"0x1"`), "zero hash"},
		{blockJSONOf(`"0xa"`, `"0x12"`, `"0x1"`), "block hash has 2 hex digits"},
		{blockJSONOf(`"0xa"`, hash, `"0x1ffffffffffffffff"`), "block timestamp \"0x1ffffffffffffffff\" does not fit 64 bits"},
		{blockJSONOf(`"0xa"`, hash, `1700000000`), "block timestamp must be a hex string"},
		{blockJSONOf(`"ten"`, hash, `"0x1"`), "block number \"ten\" lacks the 0x prefix"},
		{`{"hash":` + hash + `,"timestamp":"0x1"}`, "block number is missing"},
		{`{"number":"0xa","timestamp":"0x1"}`, "block hash is missing"},
		{`{"number":"0xa","hash":` + hash + `}`, "block timestamp is missing"},
		{`"0xa"`, "not a JSON object"},
		{`{"number":`, "block 10"},
	} {
		_, err := decodeBlock(json.RawMessage(c.raw), 10)
		require.ErrorIs(t, err, ErrMalformed, c.raw)
		require.ErrorContains(t, err, c.want, c.raw)
	}
}
