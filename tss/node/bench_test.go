package node

import (
	"testing"
	"time"

	"github.com/themis-network/themis/tss/engine"
	"github.com/themis-network/themis/tss/session"
)

// The engine over the real transport (HTTP on loopback, signed, encrypted, echoed),
// to read beside tss/session's in-process baseline of the same sizes in one
// `make bench` run.

var benchHeight int64 = 100

func nextKey(tag byte, i int) [32]byte {
	return [32]byte{tag, byte(i >> 8), byte(i), byte(time.Now().UnixNano())}
}

func BenchmarkEngineSign3of4(b *testing.B) {
	nodes := startNodes(b, 4, true, func(int) []int { return nil })
	peers := peersOf(nodes)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s := engine.Spec{Key: nextKey(0xd1, i), Kind: session.KindSign, Parties: peers[:3], Threshold: 2, Generation: 1, Digest: [32]byte{byte(i)}}
		benchHeight++
		observe(nodes, engine.Work{Height: benchHeight, Generation: 1, Sessions: []engine.Spec{s}, Peers: peers})
		waitResult(b, nodes[:3], s.Key, 2*time.Minute)
	}
}

// keygenOver runs a keygen of the first n nodes and returns the result.
func keygenOver(b testing.TB, nodes []*Node, peers []engine.Party, t int, tag byte, i int) engine.Result {
	s := engine.Spec{Key: nextKey(tag, i), Kind: session.KindKeygen, Parties: peers, Threshold: t, Generation: 1}
	benchHeight++
	observe(nodes, engine.Work{Height: benchHeight, Sessions: []engine.Spec{s}, Peers: peers})
	return waitResult(b, nodes, s.Key, 5*time.Minute)[0]
}

func BenchmarkEngineKeygen4(b *testing.B) {
	nodes := startNodes(b, 4, false, func(i int) []int { return []int{i, (i + 4) % 12, (i + 8) % 12} })
	peers := peersOf(nodes)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if i > 0 && i%3 == 0 {
			b.StopTimer()
			refill(b, nodes, i)
			b.StartTimer()
		}
		keygenOver(b, nodes, peers, 2, 0xd2, i)
	}
}

// refill puts fixture preparams back so a long run never waits for the top-up.
func refill(b testing.TB, nodes []*Node, round int) {
	for i, n := range nodes {
		for _, j := range []int{(i + round) % 12, (i + round + 4) % 12, (i + round + 8) % 12} {
			pp, err := fixturePreparams(j)
			if err != nil {
				b.Fatal(err)
			}
			_ = n.Pool.Put(pp) // a set already in the pool is refused, which is fine
		}
	}
}
