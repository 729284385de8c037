//go:build e2e

package e2e

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// L1EventRecord is one x/sequencer event about a relayed L1 log, read from a block's
// results: Queued (a relay transaction was included), Applied, Rejected or Expired (the
// vote resolved it, in the finalize-block events).
type L1EventRecord struct {
	Height int64
	Kind   string
	TxHash string // lower-case 0x
	Log    uint64
	Block  uint64
	Reason string // Rejected only
}

// ChainEvent is one event of a block's results: its type and its attributes in order.
type ChainEvent struct {
	Type       string `json:"type"`
	Attributes []struct {
		Key   string `json:"key"`
		Value string `json:"value"`
	} `json:"attributes"`
}

// Attr returns the value of the event's attribute key ("" when absent).
func (e ChainEvent) Attr(key string) string {
	for _, a := range e.Attributes {
		if a.Key == key {
			return a.Value
		}
	}
	return ""
}

// BlockEvents returns every event of block h on node n: the finalize-block events
// first, then those of each transaction.
func BlockEvents(n *Node, h int64) ([]ChainEvent, error) {
	var res struct {
		Result struct {
			Txs []struct {
				Events []ChainEvent `json:"events"`
			} `json:"txs_results"`
			Finalize []ChainEvent `json:"finalize_block_events"`
		} `json:"result"`
	}
	if err := GetJSON(fmt.Sprintf("%s/block_results?height=%d", n.RPC, h), &res); err != nil {
		return nil, err
	}
	all := res.Result.Finalize
	for _, tx := range res.Result.Txs {
		all = append(all, tx.Events...)
	}
	return all, nil
}

// L1EventsAt returns node n's x/sequencer L1-event records of block h.
func L1EventsAt(n *Node, h int64) ([]L1EventRecord, error) {
	all, err := BlockEvents(n, h)
	if err != nil {
		return nil, err
	}
	var out []L1EventRecord
	for _, ev := range all {
		kind, ok := strings.CutPrefix(ev.Type, "themis.sequencer.v1.EventL1Event")
		if !ok {
			continue
		}
		r := L1EventRecord{Height: h, Kind: kind}
		for _, a := range ev.Attributes {
			switch a.Key {
			case "event":
				// Typed events carry the L1EventRef as JSON (uint64 as a string).
				var ref struct {
					TxHash      string `json:"tx_hash"`
					LogIndex    string `json:"log_index"`
					BlockNumber string `json:"block_number"`
				}
				if err := json.Unmarshal([]byte(a.Value), &ref); err != nil {
					return nil, fmt.Errorf("height %d: %s attribute %q: %w", h, ev.Type, a.Value, err)
				}
				r.TxHash = strings.ToLower(ref.TxHash)
				r.Log, _ = strconv.ParseUint(ref.LogIndex, 10, 64)
				r.Block, _ = strconv.ParseUint(ref.BlockNumber, 10, 64)
			case "reason":
				_ = json.Unmarshal([]byte(a.Value), &r.Reason)
			}
		}
		out = append(out, r)
	}
	return out, nil
}

// L1Verdicts returns every Applied and Rejected record node n has in blocks [from, to],
// oldest first.
func (ln *Localnet) L1Verdicts(n *Node, from, to int64) []L1EventRecord {
	ln.t.Helper()
	var out []L1EventRecord
	for h := from; h <= to; h++ {
		records, err := L1EventsAt(n, h)
		// CometBFT stores a block (and reports its height) before it has executed it and
		// saved its results: the newest height may answer "could not find results" for
		// a moment.
		for try := 0; err != nil && strings.Contains(err.Error(), "could not find results") && try < 25; try++ {
			time.Sleep(200 * time.Millisecond)
			records, err = L1EventsAt(n, h)
		}
		if err != nil {
			ln.t.Fatalf("block_results %d: %v", h, err)
		}
		for _, r := range records {
			if r.Kind == "Applied" || r.Kind == "Rejected" {
				out = append(out, r)
			}
		}
	}
	return out
}

// EventApplied asks node n's REST whether the L1 log was applied.
func EventApplied(n *Node, txHash string, logIndex uint64) (bool, error) {
	var resp struct {
		Applied bool `json:"applied"`
	}
	err := GetJSON(fmt.Sprintf("%s/themis/sequencer/v1/events/%s/%d", n.REST, txHash, logIndex), &resp)
	return resp.Applied, err
}
