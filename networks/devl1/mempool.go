package devl1

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"math/big"
	"net/http"
	"slices"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
)

// eviction makes the mempool drop one sender's transactions until a time, as a real
// node's pool does to an underpriced transaction, when it is full, or when it restarts
// without a journal: eth_sendRawTransaction accepts the transaction (the caller gets
// its hash, as from any node), and it is never mined.
type eviction struct {
	from  common.Address
	until time.Time
}

// maxRPCBody bounds the request bodies the fault switch reads to look for a sender.
const maxRPCBody = 1 << 20

// maxEvictedListed bounds the hashes of swallowed sends Info lists (the newest).
const maxEvictedListed = 256

// EvictFrom drops every transaction from sender for d: those pending now and those sent
// in that time. d <= 0 ends an eviction. The simulated pool cannot remove one sender's
// transactions, so everything pending when it starts is dropped (a test pauses other
// senders, or expects it), and again before a block while sender has some pending (a
// send that passed the switch just before the eviction began).
func (n *Node) EvictFrom(sender common.Address, d time.Duration) {
	if d <= 0 {
		n.evict.Store(nil)
		return
	}
	n.evict.Store(&eviction{from: sender, until: time.Now().Add(d)})
	n.mu.Lock()
	defer n.mu.Unlock()
	n.backend.Rollback()
}

// Evicted lists the hashes of the transactions the mempool fault swallowed, oldest
// first (the newest maxEvictedListed).
func (n *Node) Evicted() []common.Hash {
	n.evictedMu.Lock()
	defer n.evictedMu.Unlock()
	return slices.Clone(n.evicted)
}

func (n *Node) noteEvicted(h common.Hash) {
	n.evictedMu.Lock()
	defer n.evictedMu.Unlock()
	if slices.Contains(n.evicted, h) {
		return
	}
	n.evicted = append(n.evicted, h)
	if extra := len(n.evicted) - maxEvictedListed; extra > 0 {
		n.evicted = n.evicted[extra:]
	}
}

// dropEvicted runs before each block (under mu): if the evicted sender has a
// transaction pending (sent just before the rule was set), the pool is emptied.
func (n *Node) dropEvicted() {
	rule := n.evict.Load()
	if rule == nil || time.Now().After(rule.until) {
		return
	}
	ctx := context.Background()
	client := n.backend.Client()
	pending, err := client.PendingNonceAt(ctx, rule.from)
	if err != nil {
		return
	}
	mined, err := client.NonceAt(ctx, rule.from, nil)
	if err == nil && pending > mined {
		n.backend.Rollback()
	}
}

// swallowEvicted answers an eth_sendRawTransaction from the evicted sender itself, as an
// accepting node would (whatever the node would have said of it), without passing it
// on. It reports whether it answered; any other request (a batch too) goes to the node
// with its body intact.
func (n *Node) swallowEvicted(w http.ResponseWriter, r *http.Request) bool {
	rule := n.evict.Load()
	if rule == nil || time.Now().After(rule.until) || r.Body == nil {
		return false
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, maxRPCBody+1))
	r.Body = io.NopCloser(io.MultiReader(bytes.NewReader(body), r.Body))
	if err != nil || len(body) > maxRPCBody {
		return false
	}
	id, tx, ok := rawTransactionCall(body)
	if !ok {
		return false
	}
	if sender, err := types.Sender(types.LatestSignerForChainID(new(big.Int).SetUint64(ChainID)), tx); err != nil || sender != rule.from {
		return false
	}
	n.noteEvicted(tx.Hash())
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(map[string]any{"jsonrpc": "2.0", "id": id, "result": tx.Hash()})
	return true
}

// rawTransactionCall decodes a single JSON-RPC eth_sendRawTransaction request: its id
// and the transaction. Anything else (another method, a batch, bad hex or RLP) is not.
func rawTransactionCall(body []byte) (json.RawMessage, *types.Transaction, bool) {
	var call struct {
		ID     json.RawMessage `json:"id"`
		Method string          `json:"method"`
		Params []hexutil.Bytes `json:"params"`
	}
	if err := json.Unmarshal(body, &call); err != nil || call.Method != "eth_sendRawTransaction" || len(call.Params) != 1 {
		return nil, nil, false
	}
	tx := new(types.Transaction)
	if err := tx.UnmarshalBinary(call.Params[0]); err != nil {
		return nil, nil, false
	}
	return call.ID, tx, true
}
