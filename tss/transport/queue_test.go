package transport

import (
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/themis-network/themis/tss/wire"
)

// Envelopes for a session not opened yet wait, and are delivered in arrival order
// when it opens, before anything newer.
func TestQueuedDeliveredOnOpenInOrder(t *testing.T) {
	nodes, _ := newNet(t, 3, nil)
	info := plainSession(6, nodes...)
	rounds := []string{"r1", "r2", "r3"}
	for i, r := range rounds {
		from := nodes[1+i%2]
		raw := craft(t, from.key, info.ID, func(e *wire.Envelope) { e.Round, e.Seq = r, uint32(10+i) })
		expect(t, nodes[0].url, raw, http.StatusAccepted, reasonQueued)
	}
	// Queued twice is still once.
	dup := craft(t, nodes[1].key, info.ID, func(e *wire.Envelope) { e.Round, e.Seq = "r1", 10 })
	expect(t, nodes[0].url, dup, http.StatusConflict, reasonReplayed)

	_, r0 := open(t, nodes[0], info)
	for _, want := range rounds {
		if m := r0.next(t); m.round != want {
			t.Fatalf("delivered %s, want %s", m.round, want)
		}
	}
	r0.none(t)
	if nodes[0].tr.queuedLen() != 0 {
		t.Fatal("queue not emptied")
	}
}

// Queued envelopes are judged again at Open with the session known: a sequencer that
// is registered but not a party of the session got queue space, but no delivery.
func TestQueuedEnvelopesRecheckedOnOpen(t *testing.T) {
	nodes, _ := newNet(t, 3, nil)
	info := plainSession(8, nodes[0], nodes[1])
	expect(t, nodes[0].url, craft(t, nodes[2].key, info.ID, nil), http.StatusAccepted, reasonQueued)
	expect(t, nodes[0].url, craft(t, nodes[1].key, info.ID, func(e *wire.Envelope) { e.FromRole = wire.RoleNew }), http.StatusAccepted, reasonQueued)
	_, r0 := open(t, nodes[0], info)
	r0.none(t)
	if n := nodes[0].metrics.Snapshot().Rejected[reasonNotAParty]; n != 2 {
		t.Fatalf("rejected at open: %d", n)
	}
}

// The queue's three bounds, played by senders that flood.
func TestQueueBoundsHold(t *testing.T) {
	a, b, c := common.Address{0xa}, common.Address{0xb}, common.Address{0xc}
	t0 := time.Unix(1000, 0)
	key := func(from common.Address, seq uint32) pendingKey {
		return pendingKey{session: [32]byte{1}, from: from, seq: seq}
	}
	raw := func(n int) []byte { return make([]byte, n) }

	t.Run("per sender count: a flooder loses its own oldest", func(t *testing.T) {
		q := newPendingQueue(3, 1<<20, time.Minute)
		q.add(key(b, 1), raw(10), t0)
		var dropped []string
		for i := range 10 {
			d, _ := q.add(key(a, uint32(i)), raw(10), t0)
			dropped = append(dropped, d...)
		}
		if q.count[a] != 3 || q.count[b] != 1 || len(dropped) != 7 || dropped[0] != dropSenderQuota {
			t.Fatalf("a %d, b %d, dropped %v", q.count[a], q.count[b], dropped)
		}
		got, _ := q.take([32]byte{1}, t0)
		if len(got) != 4 {
			t.Fatalf("took %d", len(got))
		}
		if len(q.keys) != 0 || q.bytes != 0 || len(q.count) != 0 {
			t.Fatal("take left accounting behind")
		}
	})
	t.Run("total bytes: the heaviest sender pays, not the quiet one", func(t *testing.T) {
		q := newPendingQueue(100, 100, time.Minute)
		q.add(key(b, 1), raw(20), t0) // b queued first: the oldest entry overall
		q.add(key(c, 1), raw(10), t0)
		for i := range 20 {
			q.add(key(a, uint32(i)), raw(10), t0)
		}
		if q.bytes > 100 || q.senderBytes[b] != 20 || q.senderBytes[c] != 10 || q.senderBytes[a] != 70 {
			t.Fatalf("bytes %d: a %d b %d c %d", q.bytes, q.senderBytes[a], q.senderBytes[b], q.senderBytes[c])
		}
		if _, refused := q.add(key(c, 2), raw(101), t0); refused != reasonQueueRefused {
			t.Fatalf("oversized: %q", refused)
		}
	})
	t.Run("age: old entries go first", func(t *testing.T) {
		q := newPendingQueue(100, 1<<20, time.Minute)
		q.add(key(a, 1), raw(1), t0)
		q.add(key(b, 1), raw(1), t0.Add(30*time.Second))
		d, _ := q.add(key(c, 1), raw(1), t0.Add(61*time.Second))
		if len(d) != 1 || d[0] != dropAge || q.len() != 2 || q.count[a] != 0 {
			t.Fatalf("dropped %v, left %d", d, q.len())
		}
		got, d := q.take([32]byte{1}, t0.Add(100*time.Second))
		if len(got) != 1 || len(d) != 1 {
			t.Fatalf("took %d, dropped %v", len(got), d)
		}
	})
	t.Run("through the transport: one sender's flood leaves another's envelope", func(t *testing.T) {
		nodes, _ := newNet(t, 3, func(c *Config) { c.MaxQueuedPerSender, c.MaxQueuedBytes = 4, 2000 })
		info := plainSession(10, nodes...)
		now := time.Unix(5000, 0)
		nodes[0].tr.mu.Lock()
		nodes[0].tr.now = func() time.Time { return now }
		nodes[0].tr.mu.Unlock()
		expect(t, nodes[0].url, craft(t, nodes[2].key, info.ID, func(e *wire.Envelope) { e.Round = "quiet" }), http.StatusAccepted, reasonQueued)
		for i := range 50 {
			raw := craft(t, nodes[1].key, [32]byte{0x70, byte(i)}, func(e *wire.Envelope) { e.Round = fmt.Sprint("flood", i) })
			expect(t, nodes[0].url, raw, http.StatusAccepted, reasonQueued)
		}
		snap := nodes[0].metrics.Snapshot()
		if snap.Dropped[dropSenderQuota] != 46 || snap.Queued != 51 {
			t.Fatalf("metrics %+v", snap)
		}
		_, r0 := open(t, nodes[0], info)
		if m := r0.next(t); m.round != "quiet" {
			t.Fatalf("delivered %q", m.round)
		}
	})
}
