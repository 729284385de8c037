package transport

import (
	"bytes"
	"time"

	"github.com/ethereum/go-ethereum/common"
)

// pendingQueue holds signature-checked envelopes for sessions this node has not opened
// yet (a peer's chain view can run ahead of ours). Every entry is charged to its
// verified sender, so nobody can queue in another's name, and three bounds hold:
//   - per sender, a count: a full sender loses its own oldest entry;
//   - all senders, a byte total: the sender holding the most bytes loses its oldest
//     entry, so one sender's flood never pushes out another's few envelopes;
//   - age: older entries are dropped whenever the queue is touched.
//
// Eviction is by arrival order (oldest first). Take returns a session's entries in
// arrival order. The queue has no clock of its own: callers pass now.
type pendingQueue struct {
	maxPerSender int
	maxBytes     int
	maxAge       time.Duration

	entries     []pendingEntry // arrival order
	count       map[common.Address]int
	senderBytes map[common.Address]int
	bytes       int
	keys        map[pendingKey]struct{}
}

type pendingKey struct {
	session [32]byte
	from    common.Address
	seq     uint32
}

type pendingEntry struct {
	key pendingKey
	raw []byte
	at  time.Time
}

// drop reasons reported to Metrics.
const (
	dropSenderQuota = "sender-quota"
	dropTotalBytes  = "total-bytes"
	dropAge         = "age"
)

func newPendingQueue(maxPerSender, maxBytes int, maxAge time.Duration) *pendingQueue {
	return &pendingQueue{
		maxPerSender: maxPerSender, maxBytes: maxBytes, maxAge: maxAge,
		count: map[common.Address]int{}, senderBytes: map[common.Address]int{}, keys: map[pendingKey]struct{}{},
	}
}

// add queues raw under key. It returns the reasons of every entry it dropped to make
// room, and a refusal reason ("" when queued): a duplicate of a queued envelope is
// "replayed", an envelope larger than the whole queue "queue-refused".
func (q *pendingQueue) add(key pendingKey, raw []byte, now time.Time) (dropped []string, refused string) {
	dropped = q.expire(now)
	if _, dup := q.keys[key]; dup {
		return dropped, reasonReplayed
	}
	if len(raw) > q.maxBytes {
		return dropped, reasonQueueRefused
	}
	for q.count[key.from] >= q.maxPerSender {
		q.removeOldestOf(key.from)
		dropped = append(dropped, dropSenderQuota)
	}
	for q.bytes+len(raw) > q.maxBytes {
		q.removeOldestOf(q.heaviestSender(key.from, len(raw)))
		dropped = append(dropped, dropTotalBytes)
	}
	q.entries = append(q.entries, pendingEntry{key: key, raw: raw, at: now})
	q.keys[key] = struct{}{}
	q.count[key.from]++
	q.senderBytes[key.from] += len(raw)
	q.bytes += len(raw)
	return dropped, ""
}

// take removes and returns a session's entries in arrival order.
func (q *pendingQueue) take(session [32]byte, now time.Time) (raws [][]byte, dropped []string) {
	dropped = q.expire(now)
	keep := q.entries[:0]
	for _, e := range q.entries {
		if e.key.session == session {
			raws = append(raws, e.raw)
			q.forget(e)
			continue
		}
		keep = append(keep, e)
	}
	clear(q.entries[len(keep):])
	q.entries = keep
	return raws, dropped
}

// expire drops entries older than maxAge. Entries are in arrival order, so the old
// ones are a prefix.
func (q *pendingQueue) expire(now time.Time) (dropped []string) {
	n := 0
	for n < len(q.entries) && now.Sub(q.entries[n].at) > q.maxAge {
		q.forget(q.entries[n])
		dropped = append(dropped, dropAge)
		n++
	}
	if n > 0 {
		q.entries = append(q.entries[:0], q.entries[n:]...)
	}
	return dropped
}

// heaviestSender is the queued sender with the most bytes, counting the incoming
// envelope for its sender. Ties go to the incoming sender (it pays for itself first),
// then to the lower address, so the choice does not depend on map order.
func (q *pendingQueue) heaviestSender(incoming common.Address, size int) common.Address {
	var best common.Address
	bestBytes := -1
	for a, b := range q.senderBytes { // only senders with queued entries
		if a == incoming {
			b += size
		}
		switch {
		case b > bestBytes,
			b == bestBytes && a == incoming,
			b == bestBytes && best != incoming && bytes.Compare(a[:], best[:]) < 0:
			best, bestBytes = a, b
		}
	}
	return best
}

func (q *pendingQueue) removeOldestOf(from common.Address) {
	for i, e := range q.entries {
		if e.key.from == from {
			q.forget(e)
			q.entries = append(q.entries[:i], q.entries[i+1:]...)
			return
		}
	}
}

func (q *pendingQueue) forget(e pendingEntry) {
	delete(q.keys, e.key)
	q.bytes -= len(e.raw)
	q.count[e.key.from]--
	q.senderBytes[e.key.from] -= len(e.raw)
	if q.count[e.key.from] == 0 {
		delete(q.count, e.key.from)
		delete(q.senderBytes, e.key.from)
	}
}

func (q *pendingQueue) len() int { return len(q.entries) }
