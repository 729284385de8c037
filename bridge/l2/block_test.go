package l2

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"
)

// blockJSON is block 10 as a geth answers it, edited by edit.
func blockJSON(t *testing.T, edit func(m map[string]any)) json.RawMessage {
	t.Helper()
	m := blockResult(fakeHeader(10, 0, common.Hash{1}))
	if edit != nil {
		edit(m)
	}
	raw, err := json.Marshal(m)
	require.NoError(t, err)
	return raw
}

func TestDecodeBlock(t *testing.T) {
	want := fakeHeader(10, 0, common.Hash{1})
	b, err := decodeBlock(blockJSON(t, nil), 10)
	require.NoError(t, err, "members beyond the header (transactions, uncles, size) are ignored")
	require.Equal(t, want.Hash(), b.Hash)
	require.Equal(t, Head{Height: 10, Hash: want.Hash(), Time: want.Time}, b.Head())

	_, err = decodeBlock(json.RawMessage(`null`), 10)
	require.ErrorIs(t, err, ErrNoBlock)
	require.ErrorContains(t, err, "block 10")

	for _, c := range []struct {
		name string
		edit func(m map[string]any)
		want string
	}{
		{"another block", func(m map[string]any) { m["number"] = "0xb" }, "asked for block 10, the L2 node answered block 11"},
		{"hash of another header", func(m map[string]any) { m["hash"] = "0x" + strings.Repeat("cd", 32) }, "is not its header's hash"},
		{"state root edited", func(m map[string]any) { m["stateRoot"] = "0x" + strings.Repeat("ee", 32) }, "is not its header's hash"},
		{"no hash", func(m map[string]any) { delete(m, "hash") }, "hash is missing"},
		{"short hash", func(m map[string]any) { m["hash"] = "0x12" }, "hash"},
		{"no timestamp", func(m map[string]any) { delete(m, "timestamp") }, "missing required field 'timestamp'"},
		{"no state root", func(m map[string]any) { delete(m, "stateRoot") }, "missing required field 'stateRoot'"},
		{"decimal timestamp", func(m map[string]any) { m["timestamp"] = 1700000000 }, "timestamp"},
		{"leading zero", func(m map[string]any) { m["number"] = "0x0a" }, "leading zero"},
		{"number past 64 bits", func(m map[string]any) { m["number"] = "0x1ffffffffffffffff" }, "does not fit 64 bits"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := decodeBlock(blockJSON(t, c.edit), 10)
			require.ErrorIs(t, err, ErrMalformed)
			require.ErrorContains(t, err, c.want)
		})
	}
	for _, raw := range []string{`"0xa"`, `{"number":`, `[]`} {
		_, err := decodeBlock(json.RawMessage(raw), 10)
		require.ErrorIs(t, err, ErrMalformed, raw)
	}
}

func TestClipKeepsLogsClean(t *testing.T) {
	got := clip("bad\nline\x1b[31m" + strings.Repeat("x", 200))
	require.NotContains(t, got, "\n")
	require.NotContains(t, got, "\x1b")
	require.Less(t, len(got), 100)
}
