package l2

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	ethtypes "github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/rlp"
	"github.com/ethereum/go-ethereum/rpc"
	"github.com/stretchr/testify/require"

	epochtypes "github.com/themis-network/themis/x/epoch/types"
)

// sealedAt is block h (variant v: another state root) sealed as sequencer 3 of L2
// chain 59902 by a fresh key.
func sealedAt(t testing.TB, h uint64, v byte) *ethtypes.Header {
	t.Helper()
	key, err := crypto.GenerateKey()
	require.NoError(t, err)
	hdr := fakeHeader(h, 0, common.Hash{0xaa})
	hdr.Root = common.Hash{0xbb, v}
	hdr.Coinbase = crypto.PubkeyToAddress(key.PublicKey)
	require.NoError(t, epochtypes.SealL2Header(hdr, 3, 1, 59902, key))
	return hdr
}

func rejectedEntry(t testing.TB, h *ethtypes.Header, reason string) RejectedBlockJSON {
	t.Helper()
	e, err := EncodeRejectedBlock(h, reason)
	require.NoError(t, err)
	return e
}

func dialFake(t *testing.T, url string, timeout time.Duration) *Client {
	t.Helper()
	c, err := Dial(url, timeout)
	require.NoError(t, err)
	t.Cleanup(c.Close)
	return c
}

func TestRejectedBlocksRead(t *testing.T) {
	n := newFakeNode(t, 59902, 10)
	a, b := sealedAt(t, 7, 0), sealedAt(t, 9, 1)
	n.setRejected([]RejectedBlockJSON{rejectedEntry(t, a, ReasonWrongStateRoot), rejectedEntry(t, b, "bad_signature")})
	c := dialFake(t, n.srv.URL, time.Second)
	got, err := c.RejectedBlocks(context.Background(), 0)
	require.NoError(t, err)
	require.Len(t, got, 2)
	require.Equal(t, a.Hash(), got[0].Hash)
	require.Equal(t, uint64(7), got[0].Number())
	require.Equal(t, ReasonWrongStateRoot, got[0].Reason)
	wantRLP, _ := rlp.EncodeToBytes(a)
	require.Equal(t, wantRLP, got[0].RLP)
	rh, err := epochtypes.DecodeRejectedHeader(got[0].RLP)
	require.NoError(t, err, "what the client returns is what x/epoch's report takes")
	require.Equal(t, uint64(3), rh.Seal.ProducerID)
	require.Equal(t, "bad_signature", got[1].Reason)

	got, err = c.RejectedBlocks(context.Background(), 8)
	require.NoError(t, err)
	require.Len(t, got, 1, "only heights from 8")
	n.setRejected([]RejectedBlockJSON{})
	got, err = c.RejectedBlocks(context.Background(), 0)
	require.NoError(t, err)
	require.Empty(t, got)
}

// "Method not found" is ErrUnsupported, from the fake and from go-ethereum's own
// server (an L2 node that has only the eth namespace).
func TestRejectedBlocksUnsupported(t *testing.T) {
	n := newFakeNode(t, 59902, 3)
	_, err := dialFake(t, n.srv.URL, time.Second).RejectedBlocks(context.Background(), 0)
	require.ErrorIs(t, err, ErrUnsupported)
	require.NotErrorIs(t, err, ErrMalformed)

	srv := rpc.NewServer()
	require.NoError(t, srv.RegisterName("eth", ethOnly{}))
	hs := httptest.NewServer(srv)
	t.Cleanup(func() { hs.Close(); srv.Stop() })
	_, err = dialFake(t, hs.URL, time.Second).RejectedBlocks(context.Background(), 0)
	require.ErrorIs(t, err, ErrUnsupported)

	// Another JSON-RPC error is an error, not "unsupported".
	n.setOverride(MethodRejectedBlocks, 200, `{"jsonrpc":"2.0","id":%ID%,"error":{"code":-32000,"message":"busy"}}`)
	_, err = dialFake(t, n.srv.URL, time.Second).RejectedBlocks(context.Background(), 0)
	require.Error(t, err)
	require.NotErrorIs(t, err, ErrUnsupported)
}

// ethOnly is an L2 node's eth namespace without themis'.
type ethOnly struct{}

func (ethOnly) ChainId() hexutil.Uint64 { return 59902 } //nolint:revive // eth_chainId

func TestRejectedBlocksMalformed(t *testing.T) {
	good := sealedAt(t, 7, 0)
	goodRLP, _ := rlp.EncodeToBytes(good)
	entry := func(edit func(m map[string]any)) string {
		m := map[string]any{"number": "0x7", "hash": good.Hash(), "header": hexutil.Bytes(goodRLP), "reason": ReasonWrongStateRoot}
		if edit != nil {
			edit(m)
		}
		bz, err := json.Marshal(m)
		require.NoError(t, err)
		return string(bz)
	}
	many := strings.TrimSuffix(strings.Repeat(entry(nil)+",", MaxRejectedBlocks+1), ",")
	longForm := append([]byte{0xfa, 0, goodRLP[1], goodRLP[2]}, goodRLP[3:]...)
	for _, c := range []struct {
		name, result, want string
	}{
		{"not a list", `{"a":1}`, "not a JSON list"},
		{"too many", "[" + many + "]", "entries, at most"},
		{"missing reason", "[" + entry(func(m map[string]any) { delete(m, "reason") }) + "]", "all required"},
		{"number not hex", "[" + entry(func(m map[string]any) { m["number"] = 7 }) + "]", "malformed"},
		{"another number", "[" + entry(func(m map[string]any) { m["number"] = "0x8" }) + "]", "is not the header's"},
		{"another hash", "[" + entry(func(m map[string]any) { m["hash"] = common.Hash{1} }) + "]", "is not the header's"},
		{"below from", "[" + entry(func(m map[string]any) {
			h := sealedAt(t, 2, 0)
			bz, _ := rlp.EncodeToBytes(h)
			m["number"], m["hash"], m["header"] = "0x2", h.Hash(), hexutil.Bytes(bz)
		}) + "]", "below the 5 asked from"},
		{"trailing byte", "[" + entry(func(m map[string]any) { m["header"] = hexutil.Bytes(append(append([]byte{}, goodRLP...), 0x80)) }) + "]", "header"},
		{"not canonical", "[" + entry(func(m map[string]any) { m["header"] = hexutil.Bytes(longForm) }) + "]", "header"},
		{"oversized", "[" + entry(func(m map[string]any) { m["header"] = hexutil.Bytes(make([]byte, epochtypes.MaxRejectedHeaderBytes+1)) }) + "]", "header of 1537 bytes"},
		{"reason with a newline", "[" + entry(func(m map[string]any) { m["reason"] = "wrong\nroot" }) + "]", "printable word"},
	} {
		t.Run(c.name, func(t *testing.T) {
			n := newFakeNode(t, 59902, 3)
			n.setOverride(MethodRejectedBlocks, 200, `{"jsonrpc":"2.0","id":%ID%,"result":`+c.result+`}`)
			_, err := dialFake(t, n.srv.URL, time.Second).RejectedBlocks(context.Background(), 5)
			if c.name != "below from" {
				_, err = dialFake(t, n.srv.URL, time.Second).RejectedBlocks(context.Background(), 0)
			}
			require.ErrorIs(t, err, ErrMalformed)
			require.ErrorContains(t, err, c.want)
		})
	}
}

// The limits of every call: an answer over MaxResponseBytes is refused, a hung node
// costs the request timeout.
func TestRejectedBlocksLimits(t *testing.T) {
	n := newFakeNode(t, 59902, 3)
	n.setOverride(MethodRejectedBlocks, 200, `{"jsonrpc":"2.0","id":%ID%,"result":["`+strings.Repeat("x", MaxResponseBytes)+`"]}`)
	_, err := dialFake(t, n.srv.URL, time.Second).RejectedBlocks(context.Background(), 0)
	require.ErrorIs(t, err, ErrMalformed)
	require.ErrorContains(t, err, "exceeds")

	release := make(chan struct{})
	hang := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { <-release }))
	t.Cleanup(func() { close(release); hang.Close() })
	start := time.Now()
	_, err = dialFake(t, hang.URL, 100*time.Millisecond).RejectedBlocks(context.Background(), 0)
	require.Error(t, err)
	require.Less(t, time.Since(start), 2*time.Second)
}

// The watcher keeps the newest refused blocks that are evidence (wrong state root,
// valid seal), newest first, at most MaxRejectedKept; the head is followed as before.
func TestWatcherCachesRefusedBlocks(t *testing.T) {
	n := newFakeNode(t, 59902, 20)
	unsealed := fakeHeader(11, 0, common.Hash{0xcc})
	var entries []RejectedBlockJSON
	var sealed []*ethtypes.Header
	for i := range MaxRejectedKept + 2 {
		h := sealedAt(t, 10+uint64(i), byte(i))
		sealed = append(sealed, h)
		entries = append(entries, rejectedEntry(t, h, ReasonWrongStateRoot))
	}
	entries = append(entries,
		rejectedEntry(t, unsealed, ReasonWrongStateRoot),              // no seal: not evidence
		rejectedEntry(t, sealedAt(t, 13, 9), "bad_signature"),         // another reason
		rejectedEntry(t, sealed[len(sealed)-1], ReasonWrongStateRoot), // the same block twice
	)
	n.setRejected(entries)
	w, err := NewWatcher(Config{RPC: n.srv.URL, PollInterval: 2 * time.Millisecond, RequestTimeout: time.Second,
		RejectedPollInterval: 5 * time.Millisecond}, nil)
	require.NoError(t, err)
	runWatcher(t, w)
	require.Eventually(t, func() bool { return len(w.Rejected()) > 0 }, 5*time.Second, 5*time.Millisecond)
	got := w.Rejected()
	require.Len(t, got, MaxRejectedKept)
	for i, bz := range got {
		want, _ := rlp.EncodeToBytes(sealed[len(sealed)-1-i])
		require.Equal(t, want, bz, "newest first: %d", i)
	}
	st := w.Status()
	require.False(t, st.RejectedUnsupported)
	require.NoError(t, st.RejectedError)
	head, ok := w.Head()
	require.True(t, ok)
	require.Equal(t, uint64(20), head.Height)

	// An error keeps the cache; the head is still followed.
	n.setOverride(MethodRejectedBlocks, 500, "boom")
	require.Eventually(t, func() bool { return w.Status().RejectedError != nil }, 5*time.Second, 5*time.Millisecond)
	require.Len(t, w.Rejected(), MaxRejectedKept)
	n.extendTo(21, 0)
	require.Eventually(t, func() bool { h, _ := w.Head(); return h.Height == 21 }, 5*time.Second, 5*time.Millisecond)
	require.NoError(t, w.Status().LastError)
}

// A node without the method: the watcher says so once, asks again only after
// UnsupportedRecheck, and follows the head as before.
func TestWatcherRefusedBlocksUnsupported(t *testing.T) {
	n := newFakeNode(t, 59902, 5)
	w, err := NewWatcher(Config{RPC: n.srv.URL, PollInterval: 2 * time.Millisecond, RequestTimeout: time.Second,
		RejectedPollInterval: time.Millisecond}, nil)
	require.NoError(t, err)
	runWatcher(t, w)
	require.Eventually(t, func() bool { return w.Status().RejectedUnsupported }, 5*time.Second, 5*time.Millisecond)
	n.extendTo(8, 0)
	require.Eventually(t, func() bool { h, _ := w.Head(); return h.Height == 8 }, 5*time.Second, 5*time.Millisecond)
	require.Empty(t, w.Rejected())
	require.NoError(t, w.Status().RejectedError, "unsupported is not an error")
	polls := n.callCount("eth_blockNumber")
	require.Eventually(t, func() bool { return n.callCount("eth_blockNumber") > polls+5 }, 5*time.Second, time.Millisecond)
	require.Equal(t, 1, n.callCount(MethodRejectedBlocks), "asked again only after %s", UnsupportedRecheck)
}

func TestWatcherRejectedPollConfig(t *testing.T) {
	w, err := NewWatcher(Config{RPC: "http://127.0.0.1:8545"}, nil)
	require.NoError(t, err)
	require.Equal(t, DefaultRejectedPollInterval, w.cfg.RejectedPollInterval)
	_, err = NewWatcher(Config{RPC: "http://x", RejectedPollInterval: -1}, nil)
	require.ErrorContains(t, err, "rejected poll interval must be positive")
}
