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
		out = append(out, batchTiming{Index: idx, Agreed: ag, Accepted: acc, Seconds: headerTime(acc) - headerTime(ag)})
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
	for _, b := range timings {
		each = append(each, fmt.Sprintf("%d:%d", b.Index, b.Accepted-b.Agreed))
	}
	t.Logf("per batch (index:blocks): %s", strings.Join(each, " "))
}
