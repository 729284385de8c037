package differential

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"runtime"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

const (
	// defaultSequences is how many sequences `go test` runs (SPEC issue 10.3: at least 500).
	defaultSequences = 500
	// opsPerSequence: see the README for the measurement behind it.
	opsPerSequence = 10
	// maxFuzzOps bounds a fuzz input's sequence.
	maxFuzzOps = 48
)

// seedOf is sequence i's seed for its keys and offence ids.
func seedOf(i uint64) [32]byte {
	return sha256.Sum256(binary.BigEndian.AppendUint64([]byte("themis differential sequence "), i))
}

// run plays ops against a fresh world and chain and fails t at the first step where the
// chain's sequencer table differs from the contract's, printing the reproduction.
func run(t *testing.T, worlds *Worlds, seed [32]byte, ops []Op, reproduce string) {
	t.Helper()
	ctx := context.Background()
	w, err := worlds.Fresh(ctx)
	require.NoError(t, err)
	seq, err := NewSequence(ctx, t, w, seed)
	require.NoError(t, err)
	for i, op := range ops {
		diffs, err := seq.Step(op)
		if err != nil {
			t.Fatalf("step %d (%s): harness error: %v\n%s\nops:\n%s", i, op, err, reproduce, seq.Report(ops))
		}
		if len(diffs) > 0 {
			t.Fatalf("step %d (%s): the chain differs from the contract:\n  %s\n%s\nops:\n%s", i, op,
				joinLines(diffs), reproduce, seq.Report(ops))
		}
	}
}

func joinLines(lines []string) string {
	out := ""
	for i, l := range lines {
		if i > 0 {
			out += "\n  "
		}
		out += l
	}
	return out
}

// Chain equals contract: random sequences of every L1 operation on the simulated
// backend, relayed through the real listener, decoder, store, processor and keeper;
// after every step the chain's sequencer table equals what the contract says. The
// sequences run on GOMAXPROCS worlds at once (each deployed once and forked back per
// sequence); a failure stops the sequences not yet started.
func TestChainEqualsContract(t *testing.T) {
	n := defaultSequences
	if testing.Short() {
		n = 50
	}
	workers := runtime.GOMAXPROCS(0)
	pool := make(chan *Worlds, workers)
	for range workers {
		pool <- &Worlds{}
	}
	t.Cleanup(func() {
		for range workers {
			_ = (<-pool).Close()
		}
	})
	var failed atomic.Bool
	var ran atomic.Int64
	start := time.Now()
	t.Run("sequences", func(t *testing.T) {
		for i := range uint64(n) {
			name := fmt.Sprintf("seed=%d", i)
			reproduce := fmt.Sprintf("reproduce: go test ./testutil/differential -run 'TestChainEqualsContract/sequences/%s$' -v", name)
			t.Run(name, func(t *testing.T) {
				t.Parallel()
				if failed.Load() {
					t.Skip("another sequence failed")
				}
				worlds := <-pool
				defer func() { pool <- worlds }()
				ran.Add(1)
				run(t, worlds, seedOf(i), RandomOps(i, opsPerSequence), reproduce)
				if t.Failed() {
					failed.Store(true)
				}
			})
		}
	})
	elapsed := time.Since(start)
	t.Logf("%d sequences of %d ops on %d worlds in %s (%s per sequence)", ran.Load(), opsPerSequence, workers,
		elapsed.Round(time.Millisecond), (elapsed / time.Duration(max(ran.Load(), 1))).Round(time.Microsecond))
}

// FuzzChainEqualsContract is the long form (make fuzz): any input decodes into a
// sequence of up to maxFuzzOps ops (DecodeOps), run like the test's. The seeds are some
// of the test's own sequences, longer.
func FuzzChainEqualsContract(f *testing.F) {
	for i := range uint64(4) {
		f.Add(EncodeOps(RandomOps(1_000_000+i, 24)))
	}
	worlds := &Worlds{}
	f.Cleanup(func() { _ = worlds.Close() })
	f.Fuzz(func(t *testing.T, data []byte) {
		ops := DecodeOps(data, maxFuzzOps)
		run(t, worlds, sha256.Sum256(data), ops,
			"reproduce: go test ./testutil/differential -run 'FuzzChainEqualsContract/<file in testdata/fuzz/FuzzChainEqualsContract>' -v")
	})
}
