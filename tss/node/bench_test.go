package node

import (
	"testing"
	"time"

	"github.com/themis-network/themis/testutil/tssfixtures"
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
	// Each run makes its own generation: the store never replaces a share.
	s := engine.Spec{Key: nextKey(tag, i), Kind: session.KindKeygen, Parties: peers, Threshold: t, Generation: uint64(i + 1)}
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

// giveSets empties every node's pool and gives node j fixture set (len(nodes)*round + j)
// mod Count: distinct within a round, as tss-lib requires of a session's parties.
func giveSets(b testing.TB, nodes []*Node, round int) {
	for j, n := range nodes {
		for {
			if _, err := n.Pool.Take(); err != nil {
				break
			}
		}
		pp, err := fixturePreparams((len(nodes)*round + j) % tssfixtures.Count)
		if err != nil {
			b.Fatal(err)
		}
		if err := n.Pool.Put(pp); err != nil {
			b.Fatal(err)
		}
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

func BenchmarkEngineSign5of7(b *testing.B) {
	nodes := startNodes(b, 7, false, func(i int) []int { return []int{i} })
	peers := peersOf(nodes)
	key := keygenOver(b, nodes, peers, 4, 0xd3, 0)
	confirm(nodes, peers, 1, key.PublicKey)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s := engine.Spec{Key: nextKey(0xd4, i), Kind: session.KindSign, Parties: peers[:5], Threshold: 4, Generation: 1, Digest: [32]byte{byte(i)}}
		benchHeight++
		observe(nodes, engine.Work{Height: benchHeight, Generation: 1, Sessions: []engine.Spec{s}, Peers: peers})
		waitResult(b, nodes[:5], s.Key, 2*time.Minute)
	}
}

// confirm tells the engines the chain confirmed a generation of key, and waits until
// they hold it (an engine promotes only a share of the key the chain names).
func confirm(nodes []*Node, peers []engine.Party, gen uint64, key []byte) {
	benchHeight++
	observe(nodes, engine.Work{Height: benchHeight, Generation: gen, PoolKey: key, Peers: peers})
	for _, n := range nodes {
		for n.Report().ShareGeneration != gen {
			time.Sleep(10 * time.Millisecond)
		}
	}
}

// BenchmarkEngineReshare4to5 deals a 4-party key (t=2) to 5 parties (t=3) from t+1 =
// 3 dealers, beside an engine keygen of the 5; both over the real transport.
func BenchmarkEngineReshare4to5(b *testing.B) {
	nodes := startNodes(b, 5, false, func(i int) []int { return []int{i} })
	peers := peersOf(nodes)
	key := keygenOver(b, nodes[:4], peers[:4], 2, 0xd5, 0)
	confirm(nodes[:4], peers, 1, key.PublicKey)
	b.Run("reshare", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			giveSets(b, nodes, i+1)
			b.StartTimer()
			s := engine.Spec{Key: nextKey(0xd6, i), Kind: session.KindReshare, Generation: 1, OldParties: peers[:3], OldThreshold: 2,
				NewParties: peers, NewThreshold: 3, NewGeneration: uint64(100 + i)}
			benchHeight++
			observe(nodes, engine.Work{Height: benchHeight, Generation: 1, Sessions: []engine.Spec{s}, Peers: peers})
			waitResult(b, nodes, s.Key, 5*time.Minute)
		}
	})
	b.Run("keygen5", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			giveSets(b, nodes, i+7)
			b.StartTimer()
			keygenOver(b, nodes, peers, 3, 0xd7, 200+i)
		}
	})
}

// BenchmarkEngineSustainedSigning runs 12 signing sessions of 3 of 4 parties at once
// (the engine runs up to 4 at a time) and reports signatures per minute.
func BenchmarkEngineSustainedSigning(b *testing.B) {
	nodes := startNodes(b, 4, true, func(int) []int { return nil })
	peers := peersOf(nodes)
	const batch = 12
	b.ResetTimer()
	start := time.Now()
	for i := 0; i < b.N; i++ {
		var specs []engine.Spec
		for j := 0; j < batch; j++ {
			// Rotate the signer subsets as the chain does.
			subset := []engine.Party{peers[j%4], peers[(j+1)%4], peers[(j+2)%4]}
			specs = append(specs, engine.Spec{Key: nextKey(0xd8, i*batch+j), Kind: session.KindSign, Parties: subset, Threshold: 2, Generation: 1, Digest: [32]byte{byte(j), 1}})
		}
		benchHeight++
		observe(nodes, engine.Work{Height: benchHeight, Generation: 1, Sessions: specs, Peers: peers})
		for j, s := range specs {
			waitResult(b, []*Node{nodes[j%4], nodes[(j+1)%4], nodes[(j+2)%4]}, s.Key, 5*time.Minute)
		}
	}
	b.ReportMetric(float64(b.N*batch)/time.Since(start).Minutes(), "sigs/min")
}
