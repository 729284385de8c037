package transport

import (
	"maps"
	"sync"
)

type noMetrics struct{}

func (noMetrics) Accepted()       {}
func (noMetrics) Rejected(string) {}
func (noMetrics) Queued()         {}
func (noMetrics) Dropped(string)  {}

// Counters is a ready Metrics: plain counters an operator's exporter (or a test) reads
// with Snapshot.
type Counters struct {
	mu       sync.Mutex
	accepted int
	queued   int
	rejected map[string]int
	dropped  map[string]int
}

// CounterSnapshot is a copy of Counters at one moment.
type CounterSnapshot struct {
	Accepted, Queued  int
	Rejected, Dropped map[string]int
}

func (c *Counters) Accepted() { c.mu.Lock(); c.accepted++; c.mu.Unlock() }
func (c *Counters) Queued()   { c.mu.Lock(); c.queued++; c.mu.Unlock() }

func (c *Counters) Rejected(reason string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.rejected == nil {
		c.rejected = map[string]int{}
	}
	c.rejected[reason]++
}

func (c *Counters) Dropped(reason string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.dropped == nil {
		c.dropped = map[string]int{}
	}
	c.dropped[reason]++
}

// Snapshot copies the counters.
func (c *Counters) Snapshot() CounterSnapshot {
	c.mu.Lock()
	defer c.mu.Unlock()
	return CounterSnapshot{Accepted: c.accepted, Queued: c.queued,
		Rejected: maps.Clone(c.rejected), Dropped: maps.Clone(c.dropped)}
}
