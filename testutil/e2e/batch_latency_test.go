//go:build e2e

package e2e

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
)

// batchTiming is one accepted batch: the block whose votes agreed its commitment
// (EventBatchAgreed) and the block that saw the inbox's acceptance come back through the
// agreed L1 view, with the seconds between their header times.
type batchTiming struct {
	Index            uint64
	Agreed, Accepted int64
	Seconds          float64
	// Opened and Signed are the landed version's signing (its sign request opened,
	// the signature on chain): agreed -> opened waits for the outbox, opened -> signed
	// is the threshold signature, signed -> accepted is the bridges, L1 inclusion, the
	// confirmations and the receipt's vote.
	Opened, Signed int64
}

// batchTimings reads node 0's accepted batches and the agreement of each from the
// blocks' events. A batch agreed more than once (expired and proposed again) counts
// from its last agreement before acceptance.
func batchTimings(t *testing.T, ln *Localnet) []batchTiming {
	t.Helper()
	var view struct {
		Batches []struct {
			Index    string `json:"index"`
			Proposed string `json:"proposed_height"`
			Accepted string `json:"accepted_height"`
			PoolTx   string `json:"pool_tx"`
		} `json:"batches"`
	}
	if err := GetJSON(ln.Nodes[0].REST+"/themis/mpc/v1/batches?pagination.limit=1000", &view); err != nil {
		t.Fatalf("accepted batches: %v", err)
	}
	if len(view.Batches) == 0 {
		return nil
	}
	first, _ := strconv.ParseInt(view.Batches[0].Proposed, 10, 64)
	last, _ := strconv.ParseInt(view.Batches[len(view.Batches)-1].Accepted, 10, 64)
	agreed := map[uint64]int64{}
	for h := max(first, 1); h <= last; h++ {
		events, err := BlockEvents(ln.Nodes[0], h)
		if err != nil {
			t.Fatalf("block_results %d: %v", h, err)
		}
		for _, ev := range events {
			if ev.Type != "themis.mpc.v1.EventBatchAgreed" {
				continue
			}
			idx, err := strconv.ParseUint(strings.Trim(ev.Attr("index"), `"`), 10, 64)
			if err != nil {
				t.Fatalf("height %d: EventBatchAgreed index %q: %v", h, ev.Attr("index"), err)
			}
			agreed[idx] = h
		}
	}
	headerTime := func(h int64) float64 {
		hdr, err := ln.Nodes[0].Header(h)
		if err != nil {
			t.Fatalf("header %d: %v", h, err)
		}
		return float64(hdr.Time.UnixNano()) / 1e9
	}
	var out []batchTiming
	for _, b := range view.Batches {
		idx, _ := strconv.ParseUint(b.Index, 10, 64)
		acc, _ := strconv.ParseInt(b.Accepted, 10, 64)
		ag, ok := agreed[idx]
		if !ok || ag > acc {
			t.Fatalf("batch %d accepted at %d without an agreement before it (agreed at %d)", idx, acc, ag)
		}
		var ptx struct {
			PoolTx struct {
				Landed   int `json:"landed"`
				Versions []struct {
					Opened string `json:"opened_height"`
					Signed string `json:"signed_height"`
				} `json:"versions"`
			} `json:"pool_tx"`
		}
		if err := GetJSON(ln.Nodes[0].REST+"/themis/mpc/v1/pool_txs/"+b.PoolTx, &ptx); err != nil || ptx.PoolTx.Landed >= len(ptx.PoolTx.Versions) {
			t.Fatalf("pool tx %s of batch %d: %v", b.PoolTx, idx, err)
		}
		v := ptx.PoolTx.Versions[ptx.PoolTx.Landed]
		opened, _ := strconv.ParseInt(v.Opened, 10, 64)
		signed, _ := strconv.ParseInt(v.Signed, 10, 64)
		out = append(out, batchTiming{Index: idx, Agreed: ag, Accepted: acc, Seconds: headerTime(acc) - headerTime(ag), Opened: opened, Signed: signed})
	}
	return out
}

// logBatchTimings prints the agreed -> accepted distribution, in blocks and seconds.
func logBatchTimings(t *testing.T, timings []batchTiming) {
	t.Helper()
	var blocks, secs []float64
	for _, b := range timings {
		blocks = append(blocks, float64(b.Accepted-b.Agreed))
		secs = append(secs, b.Seconds)
	}
	if len(secs) == 0 {
		return
	}
	bm, _, bmax := stats(blocks)
	sm, ssd, smax := stats(secs)
	p50, p95 := percentiles(secs)
	b50, b95 := percentiles(blocks)
	t.Logf("BENCH batch agreed -> accepted by the L1 inbox, %d batches: blocks mean %.2f p50 %.0f p95 %.0f max %.0f; "+
		"seconds mean %.2f sd %.2f p50 %.2f p95 %.2f max %.2f", len(secs), bm, b50, b95, bmax, sm, ssd, p50, p95, smax)
	var each []string
	var queue, signing, out []float64
	for _, b := range timings {
		each = append(each, fmt.Sprintf("%d:%d=%d+%d+%d", b.Index, b.Accepted-b.Agreed, b.Opened-b.Agreed, b.Signed-b.Opened, b.Accepted-b.Signed))
		queue, signing, out = append(queue, float64(b.Opened-b.Agreed)), append(signing, float64(b.Signed-b.Opened)), append(out, float64(b.Accepted-b.Signed))
	}
	qm, _, _ := stats(queue)
	sgm, _, _ := stats(signing)
	om, _, _ := stats(out)
	t.Logf("BENCH where the blocks go (means): agreed -> signing opened %.2f, signing %.2f, signed -> accepted (bridges, L1, confirmations, receipt vote) %.2f", qm, sgm, om)
	t.Logf("per batch (index:blocks=queue+signing+out): %s", strings.Join(each, " "))
}
