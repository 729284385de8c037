//go:build e2e

package e2e

import (
	"encoding/json"
	"fmt"
	"strings"
)

// L1Verdict is one x/sequencer verdict on a relayed L1 event, read from the
// finalize-block events of a block: applied or rejected.
type L1Verdict struct {
	Height  int64
	Applied bool
	TxHash  string
	Log     uint64
	Block   uint64
	Reason  string
}

// L1Verdicts returns every verdict node n recorded in blocks [from, to], oldest first.
func (ln *Localnet) L1Verdicts(n *Node, from, to int64) []L1Verdict {
	ln.t.Helper()
	var out []L1Verdict
	for h := from; h <= to; h++ {
		var res struct {
			Result struct {
				Events []struct {
					Type       string `json:"type"`
					Attributes []struct {
						Key   string `json:"key"`
						Value string `json:"value"`
					} `json:"attributes"`
				} `json:"finalize_block_events"`
			} `json:"result"`
		}
		if err := GetJSON(fmt.Sprintf("%s/block_results?height=%d", n.RPC, h), &res); err != nil {
			ln.t.Fatalf("block_results %d: %v", h, err)
		}
		for _, ev := range res.Result.Events {
			applied := ev.Type == "themis.sequencer.v1.EventL1EventApplied"
			if !applied && ev.Type != "themis.sequencer.v1.EventL1EventRejected" {
				continue
			}
			v := L1Verdict{Height: h, Applied: applied}
			for _, a := range ev.Attributes {
				switch a.Key {
				case "event":
					var ref struct {
						TxHash      string `json:"tx_hash"`
						LogIndex    string `json:"log_index"`
						BlockNumber string `json:"block_number"`
					}
					if err := json.Unmarshal([]byte(a.Value), &ref); err != nil {
						ln.t.Fatalf("height %d: event attribute %q: %v", h, a.Value, err)
					}
					v.TxHash = strings.ToLower(ref.TxHash)
					_, _ = fmt.Sscan(ref.LogIndex, &v.Log)
					_, _ = fmt.Sscan(ref.BlockNumber, &v.Block)
				case "reason":
					_ = json.Unmarshal([]byte(a.Value), &v.Reason)
				}
			}
			out = append(out, v)
		}
	}
	return out
}
