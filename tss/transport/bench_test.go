package transport

import (
	"context"
	"strconv"
	"testing"

	"github.com/themis-network/themis/tss/wire"
)

// BenchmarkRoundTrip is one point-to-point message end to end on loopback: seal to the
// recipient's key, sign, POST, strict decode, verify, replay check, open, deliver.
func BenchmarkRoundTrip(b *testing.B) {
	for _, size := range []struct {
		name string
		n    int
	}{{"1KiB", 1 << 10}, {"64KiB", 64 << 10}} {
		b.Run(size.name, func(b *testing.B) {
			nodes, _ := newNet(b, 2, nil)
			info := plainSession(0x42, nodes...)
			c0, _ := open(b, nodes[0], info)
			_, r1 := open(b, nodes[1], info)
			to := nodes[1].party(wire.RoleParty)
			payload := make([]byte, size.n)
			ctx := context.Background()
			b.SetBytes(int64(size.n))
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				// Rounds must differ: the receiver keeps one message per sender and round.
				round := "bench." + strconv.Itoa(i)
				i++
				if err := c0.Send(ctx, round, wire.RoleParty, &to, payload); err != nil {
					b.Fatal(err)
				}
				r1.next(b)
			}
		})
	}
}

// BenchmarkBroadcast4 is one broadcast to three peers (no echoes awaited).
func BenchmarkBroadcast4(b *testing.B) {
	nodes, _ := newNet(b, 4, nil)
	info := plainSession(0x43, nodes...)
	c0, _ := open(b, nodes[0], info)
	recs := make([]*recorder, 3)
	for i := range recs {
		_, recs[i] = open(b, nodes[i+1], info)
	}
	payload := make([]byte, 1<<10)
	i := 0
	for b.Loop() {
		if err := c0.Send(context.Background(), "bench."+strconv.Itoa(i), wire.RoleParty, nil, payload); err != nil {
			b.Fatal(err)
		}
		i++
		for _, r := range recs {
			r.next(b)
		}
	}
}
