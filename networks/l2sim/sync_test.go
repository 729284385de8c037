package l2sim

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	ethtypes "github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/themis-network/themis/bridge/l2"
)

// lyingAPI is a peer's "eth" namespace that answers every block number with one
// prepared answer, whatever it is.
type lyingAPI struct{ block json.RawMessage }

func (a *lyingAPI) ChainId() hexutil.Uint64     { return testChainID }
func (a *lyingAPI) BlockNumber() hexutil.Uint64 { return 1 }
func (a *lyingAPI) GetBlockByNumber(context.Context, rpc.BlockNumber, bool) (json.RawMessage, error) {
	return a.block, nil
}

// lyingPeer serves answer as block 1 over go-ethereum's JSON-RPC server.
func lyingPeer(t *testing.T, answer json.RawMessage) string {
	t.Helper()
	srv := rpc.NewServer()
	if err := srv.RegisterName("eth", &lyingAPI{block: answer}); err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(srv)
	t.Cleanup(func() { hs.Close(); srv.Stop() })
	return hs.URL
}

func withField(t *testing.T, b Block, name string, value any) json.RawMessage {
	t.Helper()
	raw, err := l2.EncodeBlock(b.Header)
	if err != nil {
		t.Fatal(err)
	}
	var fields map[string]any
	if err := json.Unmarshal(raw, &fields); err != nil {
		t.Fatal(err)
	}
	fields[name] = value
	out, _ := json.Marshal(fields)
	return out
}

func hasFaultKind(n *Node, kind FaultKind) (Fault, bool) {
	for _, f := range n.Faults() {
		if f.Kind == kind {
			return f, true
		}
	}
	return Fault{}, false
}

// A peer lying about block 1 of the scheduled producer: each lie is refused, recorded
// as its fault kind, and the node stays at genesis.
func TestSyncRefusesLyingPeer(t *testing.T) {
	keys, members := newKeys(t, 2)
	sched := NewRotation(members[1:], 10, 10) // only B produces; the liar poses as B's node
	g := Genesis(testChainID)
	good := signedChild(t, g, members[1], keys[1])
	raw, _ := l2.EncodeBlock(good.Header)
	other := testKey(t)
	stranger := signedChild(t, g, memberOf(7, other), other)
	tampered := edited(good, func(h *ethtypes.Header) { h.Root[0] ^= 1 })
	wrongHeader := childOf(g, members[1])
	wrongHeader.Root = wrongStateRoot(g.StateRoot(), wrongHeader.TxHash)
	wrong := mustSeal(t, wrongHeader, members[1].SequencerID, keys[1])

	for _, c := range []struct {
		name   string
		answer json.RawMessage
		kind   FaultKind
		id     uint64 // producer id recorded
	}{
		// The served hash is another block's: the reader refuses it before it is a block.
		{"hash not the header's", withField(t, good, "hash", common.HexToHash("0x01")), FaultMalformed, 0},
		// Asked for 1, answers 2.
		{"another height", withField(t, good, "number", "0x2"), FaultMalformed, 0},
		// A consistent header whose state root was changed after sealing.
		{"tampered header", mustMarshal(t, tampered), FaultBadSignature, 0},
		// Validly sealed, by someone the schedule does not name.
		{"unscheduled producer", mustMarshal(t, stranger), FaultWrongProducer, 7},
		// The producer's own block with a wrong state root.
		{"wrong state root", mustMarshal(t, wrong), FaultWrongStateRoot, members[1].SequencerID},
	} {
		t.Run(c.name, func(t *testing.T) {
			n, _ := startNode(t, Config{Key: keys[0], Schedule: sched, Peers: []string{lyingPeer(t, c.answer)}})
			eventually(t, 5*time.Second, "a "+string(c.kind)+" fault", func() bool { _, ok := hasFaultKind(n, c.kind); return ok })
			f, _ := hasFaultKind(n, c.kind)
			if f.Height != 1 || f.ProducerID != c.id || f.Detail == "" {
				t.Errorf("fault %+v", f)
			}
			time.Sleep(3 * testSyncInterval)
			if h := n.Head().Height(); h != 0 {
				t.Fatalf("accepted the lie: head %d", h)
			}
		})
	}
	// The honest answer is taken.
	n, _ := startNode(t, Config{Key: keys[0], Schedule: sched, Peers: []string{lyingPeer(t, raw)}})
	eventually(t, 5*time.Second, "block 1 synced", func() bool { return n.Head().Hash == good.Hash })
	if f := n.Faults(); len(f) != 0 {
		t.Fatalf("faults recorded for an honest block: %+v", f)
	}
}

func mustMarshal(t *testing.T, b Block) json.RawMessage {
	t.Helper()
	raw, err := l2.EncodeBlock(b.Header)
	if err != nil {
		t.Fatal(err)
	}
	return raw
}
